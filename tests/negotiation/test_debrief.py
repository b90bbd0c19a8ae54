"""Post-settlement: DOMAIN_2 11.2's table exactly, the split, the closest proposal, the document."""

from fractions import Fraction
from pathlib import Path

import pytest

from negotiation.helpers import DANCE, deal
from stakecli.negotiation import debrief, records
from stakecli.negotiation import frontier as fr
from stakecli.negotiation.documents import SPECS
from stakecli.negotiation.documents import debrief as debrief_context
from stakecli.negotiation.space import Space

F = Fraction
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(name="space")
def fixture_space() -> Space:
    buyer = {"P": (F("0.4"), (0, 50, 100)), "D": (F("0.6"), (100, 50, 0))}
    supplier = {"P": (F("0.8"), (100, 50, 0)), "D": (F("0.2"), (0, 50, 100))}
    return Space(
        parties=("buyer", "supplier"),
        issues=("price", "delivery"),
        options=(("P1", "P2", "P3"), ("D1", "D2", "D3")),
        scores=tuple(
            tuple(
                (buyer[i][0] * buyer[i][1][j], supplier[i][0] * supplier[i][1][j]) for j in range(3)
            )
            for i in ("P", "D")
        ),
    )


def named(space, improvements):
    return [("".join(space.names(d.package)), d.gains) for d in improvements]


@pytest.mark.parametrize(
    ("agreed", "scores", "dominating", "pss", "tu", "suggestion"),
    [
        ((1, 1), (50, 50), [("P1D1", (10, 30))], 40, 40, ["P1D1"]),
        (
            (2, 2),
            (40, 20),
            [("P1D1", (20, 60)), ("P2D1", (40, 20)), ("P2D2", (10, 30))],
            80,
            80,
            ["P1D1"],  # min gain 20 ties P2D1; joint 80 > 60
        ),
        ((0, 1), (30, 90), [], 0, 20, []),  # efficient, not joint-maximal
    ],
    ids=["P2D2", "P3D3", "P1D2"],
)
def test_domain_2_post_settlement_table(space, agreed, scores, dominating, pss, tu, suggestion):
    found = debrief.post_settlement(fr.frontier(space), agreed)
    assert found.scores == scores
    assert named(space, found.dominating) == dominating
    assert found.dominating_count == len(dominating)
    assert found.pss_gain == pss
    assert found.tu_gap == tu
    assert ["".join(space.names(s.package)) for s in found.suggestion] == suggestion
    assert found.efficient is (not dominating)


def test_suggestion_ties_are_all_reported():
    sp = Space(("a", "b"), ("i",), (("x", "y", "z"),), (((0, 0), (2, 1), (1, 2)),))
    found = debrief.post_settlement(fr.frontier(sp), (0,))
    assert {sp.names(s.package) for s in found.suggestion} == {("y",), ("z",)}


def test_split_of_the_gains_over_the_reservation_scores():
    found = debrief.split((F(60), F(80)), (F(45), F(45)))
    assert found.gains == (15, 35)
    assert found.shares == (F(3, 10), F(7, 10))
    assert debrief.split((F(45), F(45)), (F(45), F(45))).shares == (None, None)


def test_debrief_data_of_the_worked_example():
    plan = deal(DANCE, agreement={"round": 3, "package": {"price": "P1", "delivery": "D1"}})
    data = records.debrief_data(plan)
    assert data["round"] == 3
    pk = data["packages"]
    assert pk["scores"] == {"buyer": 60, "supplier": 80}
    assert pk["efficient"] is True
    assert pk["pss_gain"] == 0
    assert pk["tu_gap"] == 0
    assert pk["nash"][0]["package"] == {"price": "P1", "delivery": "D1"}


def test_no_agreement_no_debrief():
    assert records.debrief_data(deal(DANCE)) is None


def test_closest_prepared_proposal_has_most_issues_in_common_and_its_rationale():
    proposals = [
        {"id": "far", "name": "Far", "by": "buyer", "options": {"price": "P3", "delivery": "D3"}},
        {
            "id": "near",
            "name": "Near",
            "by": "buyer",
            "options": {"price": "P1", "delivery": "D2"},
            "rationale": "Close to what they want.",
        },
    ]
    plan = deal(
        DANCE, proposals=proposals, agreement={"package": {"price": "P1", "delivery": "D1"}}
    )
    closest = records.debrief_data(plan)["closest"]
    assert closest["id"] == "near"
    assert closest["same_issues"] == ["price"]
    assert closest["rationale"] == "Close to what they want."


def test_the_debrief_document_is_internal_and_only_for_plans_with_an_agreement():
    spec = next(s for s in SPECS if s.name == "negotiation-debrief")
    assert spec.audience == "internal"
    assert spec.applies is not None


def test_vendor_example_records_two_rounds_and_an_agreement_with_a_debrief(run):
    result = run("negotiation", "debrief", EXAMPLES / "vendor-renewal")
    assert result.exit_code == 0
    assert "Agreed in round 2" in result.stdout
    assert "beats our BATNA, switch to Contoso Analytics" in " ".join(result.stdout.split())
    docs = EXAMPLES / "vendor-renewal" / "docs" / "negotiation.negotiation-debrief.internal.md"
    body = docs.read_text(encoding="utf-8")
    assert "Packages both sides prefer to the agreement: 1" in body
    assert "Closest prepared proposal: Three-year partnership bundle" in body


def test_conflicting_kpis_debrief_is_in_points(run):
    result = run("negotiation", "debrief", EXAMPLES / "conflicting-kpis", "--format", "json")
    assert result.exit_code == 0
    assert '"units": "score"' in result.stdout
    assert (
        EXAMPLES / "conflicting-kpis" / "docs" / "negotiation.negotiation-debrief.internal.md"
    ).exists()


def test_debrief_without_agreement_is_a_usage_error(run, tmp_path):
    import json

    plan = deal(DANCE).model_dump(mode="json", exclude_defaults=True)
    (tmp_path / "negotiation.yaml").write_text(json.dumps(plan), encoding="utf-8")
    result = run("negotiation", "debrief", tmp_path / "negotiation.yaml")
    assert result.exit_code == 2
    assert "records no agreement" in result.stderr


def test_debrief_context_lists_the_offers():
    plan = deal(DANCE, agreement={"round": 3, "package": {"price": "P1", "delivery": "D1"}})
    context = debrief_context(plan)
    assert context["agreed"] is True
    assert context["tables"][0]["title"].startswith("Offers and concessions")
