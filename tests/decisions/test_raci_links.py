"""A decision that is a RACI row names the row's decision-maker(s) as deciders."""

from pathlib import Path

import pytest

from stakecli.core.config import Config
from stakecli.core.project import Parsed, Workspace
from stakecli.decisions.model import Decision
from stakecli.decisions.raci_links import check
from stakecli.raci.model import Raci
from stakecli.raci.refs import deciders


def raci(variant="raci", file_id="main", roles=None, **rows):
    """A parsed raci.yaml with one row per keyword (row id -> assignments)."""
    model = Raci.model_validate(
        {
            "kind": "raci",
            "version": 1,
            "id": file_id,
            "variant": variant,
            "roles": roles or {},
            "rows": [{"id": rid, "name": rid, "assign": a} for rid, a in rows.items()],
        }
    )
    return Parsed(Path("raci.yaml"), "raci", None, model)


def holders(model, row):
    return set(deciders(model, row)[1])


def decision(raci_ref, deciders):
    model = Decision.model_validate(
        {
            "kind": "decision",
            "version": 1,
            "number": 1,
            "title": "t",
            "status": "proposed",
            "date": "2026-01-01",
            "context": "c",
            "raci": raci_ref,
            "deciders": deciders,
        }
    )
    return Parsed(Path("decisions/0001-t.yaml"), "decision", None, model)


def codes(parsed, *files):
    return [(f.code, f.loc) for f in check(parsed, Workspace(Config(), list(files)))]


ROWS = {"launch-date": {"ana": "A", "bo": "R", "cy": "C"}}


def test_matching_deciders_pass():
    assert codes(decision("launch-date", ["ana"]), raci(**ROWS)) == []
    assert codes(decision("main#launch-date", ["ana"]), raci(**ROWS)) == []


def test_deciders_that_differ_from_the_accountable_fail():
    assert codes(decision("launch-date", ["bo"]), raci(**ROWS)) == [
        ("decision.raci-mismatch", ("deciders",))
    ]


def test_an_unknown_row_fails():
    assert codes(decision("launch", ["ana"]), raci(**ROWS)) == [
        ("decision.raci-unknown", ("raci",))
    ]
    assert codes(decision("other#launch-date", ["ana"]), raci(**ROWS)) == [
        ("decision.raci-unknown", ("raci",))
    ]


def test_without_raci_files_nothing_is_checked():
    assert codes(decision("anything", ["bo"])) == []


@pytest.mark.parametrize(
    ("variant", "assign", "expected"),
    [
        ("raci", {"ana": "A/R", "bo": "R"}, {"ana"}),
        ("daci", {"ana": "D", "bo": "A"}, {"bo"}),
        ("rapid", {"ana": "R", "bo": "D", "cy": "A"}, {"bo"}),
    ],
)
def test_the_deciding_letter_depends_on_the_variant(variant, assign, expected):
    model = raci(variant, row=assign).model
    assert holders(model, model.rows[0]) == expected


def test_role_names_expand_to_their_holders():
    model = raci(roles={"owner": ["ana", "cy"]}, row={"owner": "A"}).model
    assert holders(model, model.rows[0]) == {"ana", "cy"}


def test_a_file_reference_means_what_it_means_in_a_charter():
    # `<file>#<row>` names the file by id, file name, stem or relative path (raci.refs).
    for ref in ("main#launch-date", "raci.yaml#launch-date", "raci#launch-date"):
        assert codes(decision(ref, ["ana"]), raci(**ROWS)) == [], ref
