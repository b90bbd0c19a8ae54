"""RACI rules: DOMAIN.md 4.2 and 8.5, each rule failing then passing."""

from __future__ import annotations

from typing import Any

import pytest

from stakecli.core.config import RaciConfig
from stakecli.raci.model import Raci
from stakecli.raci.rules import findings, load

PMBOK = [
    ("Create charter", {"ann": "A", "ben": "R", "carlos": "I", "dina": "I", "ed": "I"}),
    ("Collect requirements", {"ann": "I", "ben": "A", "carlos": "R", "dina": "C", "ed": "C"}),
    ("Submit change request", {"ann": "I", "ben": "A", "carlos": "R", "dina": "R", "ed": "C"}),
    ("Develop test plan", {"ann": "A", "ben": "C", "carlos": "I", "dina": "I", "ed": "R"}),
]


def matrix(*rows: dict[str, str], variant: str = "raci", **extra: Any) -> Raci:
    return Raci.model_validate(
        {
            "kind": "raci",
            "version": 1,
            "variant": variant,
            "rows": [{"id": f"r{i}", "name": f"Row {i}", "assign": a} for i, a in enumerate(rows)],
            **extra,
        }
    )


def codes(m: Raci, **config: Any) -> list[str]:
    return [f.code for f in findings(m, RaciConfig(**config))]


def test_pmbok_sample_has_no_errors_and_flags_only_roles_in_every_row():
    m = Raci.model_validate(
        {
            "kind": "raci",
            "version": 1,
            "rows": [{"id": f"t{i}", "name": n, "assign": a} for i, (n, a) in enumerate(PMBOK)],
        }
    )
    found = list(findings(m, RaciConfig()))
    assert [f for f in found if f.severity == "error"] == []
    # C2: every participant of the textbook chart has a letter in all four rows.
    assert [(f.code, f.loc) for f in found] == [
        ("raci.column-full", ("rows", 0, "assign", who))
        for who in ("ann", "ben", "carlos", "dina", "ed")
    ]


def test_load_counts_r_and_a_per_person_across_matrices():
    m = Raci.model_validate(
        {
            "kind": "raci",
            "version": 1,
            "rows": [{"id": f"t{i}", "name": n, "assign": a} for i, (n, a) in enumerate(PMBOK)],
        }
    )
    other = matrix({"ann": "AR", "ben": "C"})
    result = load([m, other])
    assert result["ann"] == {"Accountable": 3, "Informed": 2, "Responsible": 1}
    assert result["ben"] == {"Accountable": 2, "Responsible": 1, "Consulted": 2}
    assert result["carlos"]["Responsible"] == 2


def test_load_resolves_roles_to_the_people_holding_them():
    m = matrix({"owner": "A", "bob": "R"}, roles={"owner": ["ann", "cy"]})
    assert load([m]) == {
        "ann": {"Accountable": 1},
        "bob": {"Responsible": 1},
        "cy": {"Accountable": 1},
    }


@pytest.mark.parametrize(
    ("bad", "good", "code"),
    [
        (
            {"a": "A", "b": "A", "c": "R", "d": "I"},
            {"a": "A", "b": "I", "c": "R"},
            "raci.one-accountable",
        ),
        ({"a": "R", "d": "I"}, {"a": "R", "b": "A", "d": "I"}, "raci.one-accountable"),
        ({"a": "A", "d": "I"}, {"a": "AR", "d": "I"}, "raci.implied-responsible"),
        ({"a": "C", "d": "I"}, {"a": "C", "b": "AR", "d": "I"}, "raci.no-responsible"),
        (
            {"a": "A", "b": "R", "c": "R", "d": "R", "e": "R", "f": "I"},
            {"a": "A", "b": "R", "c": "R", "d": "R", "f": "I"},
            "raci.many-responsible",
        ),
        (
            {"a": "AR", "b": "C", "c": "C", "d": "C", "e": "C", "f": "C"},
            {"a": "AR", "b": "C", "c": "C", "d": "C", "e": "C"},
            "raci.many-consulted",
        ),
        (
            {"a": "AR", **{f"i{n}": "I" for n in range(7)}},
            {"a": "AR", **{f"i{n}": "I" for n in range(6)}},
            "raci.many-informed",
        ),
        ({"a": "A", "b": "R"}, {"a": "A", "b": "R", "c": "I"}, "raci.silo"),
        ({"a": "A", "b": "RC", "c": "I"}, {"a": "AR", "b": "C", "c": "I"}, "raci.multiple-letters"),
        ({"a": "A", "b": "R", "c": "X"}, {"a": "A", "b": "R", "c": "I"}, "raci.unknown-letter"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_row_rule_fails_then_passes(bad, good, code):
    assert code in codes(matrix(bad))
    assert code not in codes(matrix(good))


def test_two_accountable_message_names_them_at_the_row():
    (f,) = list(findings(matrix({"a": "A", "b": "A", "c": "R", "d": "I"}), RaciConfig()))
    assert (f.code, f.severity, f.loc) == ("raci.one-accountable", "error", ("rows", 0, "assign"))
    assert f.message == "'Row 0' has 2 accountable (a, b); expected exactly 1"


def test_accountable_as_responsible_policy_downgrades_r2_to_a_warning():
    m = matrix({"a": "A", "d": "I"})
    (strict,) = findings(m, RaciConfig())
    (lenient,) = findings(m, RaciConfig(allow_accountable_as_responsible=True))
    assert (strict.code, strict.severity) == ("raci.implied-responsible", "error")
    assert (lenient.code, lenient.severity) == ("raci.implied-responsible", "warning")


def test_thresholds_come_from_config():
    row = {"a": "A", "b": "R", "c": "R", "d": "I"}
    assert "raci.many-responsible" in codes(matrix(row), max_responsible=1)
    assert "raci.many-responsible" not in codes(matrix(row), max_responsible=2)


def test_letters_may_be_separated_and_lower_case():
    assert codes(matrix({"a": "a/r", "b": "i"})) == []


def test_duplicate_row_ids_are_an_error():
    m = Raci.model_validate(
        {
            "kind": "raci",
            "version": 1,
            "rows": [
                {"id": "x", "name": "One", "assign": {"a": "AR", "b": "I"}},
                {"id": "x", "name": "Two", "assign": {"a": "AR", "b": "I"}},
            ],
        }
    )
    (f,) = findings(m, RaciConfig())
    assert (f.code, f.loc) == ("raci.duplicate-row", ("rows", 1, "id"))


# Column rules need at least `column_rules_min_rows` (3) rows for C2 and C4.
def rows3(**cells: str) -> list[dict[str, str]]:
    base = [{"a": "AR", "i": "I"}, {"b": "AR", "i": "I"}, {"c": "AR", "i": "I"}]
    return [{**row, **cells} for row in base]


def test_column_full_fails_then_passes():
    assert codes(matrix(*rows3(z="C"))).count("raci.column-full") == 2  # i and z
    partial = rows3()
    partial[0] = {"a": "AR", "j": "I"}
    assert "raci.column-full" not in codes(matrix(*partial))


def test_column_idle_fails_then_passes():
    rows = [{"a": "AR", "c": "C"}, {"b": "AR", "i": "I"}, {"c": "AR", "i": "I"}]
    assert [
        f.loc for f in findings(matrix(*rows), RaciConfig()) if f.code == "raci.column-idle"
    ] == [("rows", 1, "assign", "i")]
    rows[1]["i"] = "R"
    assert "raci.column-idle" not in codes(matrix(*rows))


def test_column_overloaded_and_many_accountable_fail_then_pass():
    rows = [{"a": "AR", "b": "I"} for _ in range(3)]
    found = codes(matrix(*rows), max_column_responsible=2, max_column_accountable=2)
    assert {"raci.column-overloaded", "raci.column-many-accountable"} <= set(found)
    found = codes(matrix(*rows), max_column_responsible=3, max_column_accountable=3)
    assert not {"raci.column-overloaded", "raci.column-many-accountable"} & set(found)


def test_column_is_located_at_its_participants_entry_when_listed():
    rows = [{"a": "AR", "i": "I"}] * 3
    m = matrix(*rows, participants=["a", "i", "idle"])
    idle = [f for f in findings(m, RaciConfig()) if f.code == "raci.column-idle"]
    assert [f.loc for f in idle] == [("participants", 1), ("participants", 2)]


def test_rasci_accepts_support_and_keeps_one_accountable():
    assert codes(matrix({"a": "A", "b": "R", "s": "S", "i": "I"}, variant="rasci")) == []
    assert "raci.unknown-letter" in codes(matrix({"a": "A", "b": "R", "s": "S", "i": "I"}))
    assert "raci.one-accountable" in codes(matrix({"b": "R", "s": "S", "i": "I"}, variant="rasci"))


def test_raci_vs_accepts_verifier_and_signatory():
    assert (
        codes(matrix({"a": "A", "b": "R", "v": "V", "s": "S", "i": "I"}, variant="raci-vs")) == []
    )


@pytest.mark.parametrize(
    ("bad", "good", "code"),
    [
        ({"a": "A", "c": "C"}, {"d": "D", "a": "A", "c": "C"}, "raci.one-driver"),
        (
            {"d": "D", "e": "D", "a": "A", "c": "C"},
            {"d": "D", "a": "A", "c": "C"},
            "raci.one-driver",
        ),
        ({"d": "D", "c": "C"}, {"d": "D", "a": "A", "c": "C"}, "raci.approver-missing"),
        (
            {"d": "D", "a": "A", "b": "A", "c": "C"},
            {"d": "D", "a": "A", "c": "C"},
            "raci.many-approvers",
        ),
        ({"d": "D", "a": "A", "c": "R"}, {"d": "D", "a": "A", "c": "C"}, "raci.unknown-letter"),
        ({"d": "D", "a": "AD", "c": "C"}, {"d": "D", "a": "A", "c": "C"}, "raci.multiple-letters"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_daci_counting_rules(bad, good, code):
    assert code in codes(matrix(bad, variant="daci"))
    assert codes(matrix(good, variant="daci")) == []


def test_daci_many_approvers_is_a_warning():
    (f,) = findings(matrix({"d": "D", "a": "A", "b": "A", "c": "C"}, variant="daci"), RaciConfig())
    assert (f.code, f.severity) == ("raci.many-approvers", "warning")


@pytest.mark.parametrize(
    ("bad", "good", "code"),
    [
        (
            {"r": "R", "p": "P", "i": "I"},
            {"r": "R", "d": "D", "p": "P", "i": "I"},
            "raci.one-decider",
        ),
        (
            {"r": "R", "d": "D", "e": "D", "i": "I"},
            {"r": "R", "d": "D", "i": "I"},
            "raci.one-decider",
        ),
        (
            {"d": "D", "p": "P", "i": "I"},
            {"r": "R", "d": "D", "p": "P", "i": "I"},
            "raci.recommender-missing",
        ),
        (
            {"r": "R", "d": "D", "a": "A", "b": "A", "c": "A", "i": "I"},
            {"r": "R", "d": "D", "a": "A", "b": "A", "i": "I"},
            "raci.many-agree",
        ),
        (
            {"r": "R", "d": "D", "c": "C", "i": "I"},
            {"r": "R", "d": "D", "i": "I"},
            "raci.unknown-letter",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_rapid_counting_rules(bad, good, code):
    assert code in codes(matrix(bad, variant="rapid"))
    assert codes(matrix(good, variant="rapid")) == []


def test_rapid_does_not_apply_the_one_accountable_rule():
    assert "raci.one-accountable" not in codes(
        matrix({"r": "R", "d": "D", "i": "I"}, variant="rapid")
    )
