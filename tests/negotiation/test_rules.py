"""Every negotiation rule: a plan that breaks it gets the finding, the fixed plan does not."""

import copy
import json

import pytest

from stakecli import pipeline
from stakecli.core.config import Config
from stakecli.kinds import all_rules


def base():
    return {
        "kind": "negotiation",
        "version": 1,
        "title": "Rules",
        "parties": [
            {
                "id": "buyer",
                "us": True,
                "role": "buyer",
                "alternatives": [
                    {
                        "id": "other",
                        "name": "Other supplier",
                        "outcomes": [
                            {"name": "good", "probability": 0.7, "value": -100},
                            {"name": "bad", "probability": 0.3, "value": -150},
                        ],
                    },
                    {"id": "build", "name": "Build", "range": {"low": -200, "high": -90}},
                ],
                "weights": {"price": 0.5, "speed": 0.5},
                "scores": {"price": {"p1": 0, "p2": 100}, "speed": {"s1": 100, "s2": 0}},
            },
            {
                "id": "seller",
                "role": "seller",
                "points": {"price": {"p1": 10, "p2": 0}, "speed": {"s1": 0, "s2": 5}},
            },
        ],
        "issues": [
            {
                "id": "price",
                "name": "Price",
                "options": [{"id": "p1", "name": "P1"}, {"id": "p2", "name": "P2"}],
            },
            {
                "id": "speed",
                "name": "Speed",
                "options": [{"id": "s1", "name": "S1"}, {"id": "s2", "name": "S2"}],
            },
        ],
        "proposals": [
            {
                "id": "offer",
                "name": "Offer",
                "by": "buyer",
                "options": {"price": "p1", "speed": "s1"},
            }
        ],
        "team": [{"id": "lead", "role": "lead"}],
        "advocates": [{"id": "friend", "party": "seller"}],
    }


REGISTER = """
kind: stakeholders
version: 1
stakeholders:
{}
"""


def person(ident):
    return (
        f"  - {{id: {ident}, name: {ident}, side: internal, power: 3, legitimacy: 3, urgency: 3, "
        "interest: 3}"
    )


KNOWN = ["buyer", "seller", "lead", "friend"]


def codes(tmp_path, plan, *, register=KNOWN, config=None):
    (tmp_path / "negotiation.yaml").write_text(json.dumps(plan, indent=1), encoding="utf-8")
    if register is not None:
        body = "\n".join(person(i) for i in register)
        (tmp_path / "stakeholders.yaml").write_text(REGISTER.format(body), encoding="utf-8")
    report = pipeline.run([tmp_path], config or Config())
    return [(f.code, f.severity.value, f.dotted) for f in report.findings]


def p(plan, i):
    return plan["parties"][i]


def offer(by, rnd, price, speed):
    return {"round": rnd, "by": by, "package": {"price": price, "speed": speed}}


CASES = {
    "negotiation.us-count": (
        lambda d: p(d, 1).update(us=True),
        ("negotiation.us-count", "error", "parties"),
    ),
    "negotiation.duplicate-id": (
        lambda d: d["issues"][1]["options"][1].update(id="s1"),
        ("negotiation.duplicate-id", "error", "issues[1].options[1].id"),
    ),
    "negotiation.alternative-form": (
        lambda d: p(d, 0)["alternatives"][1].update(value=-120),
        ("negotiation.alternative-form", "error", "parties[0].alternatives[1]"),
    ),
    "negotiation.probabilities": (
        lambda d: p(d, 0)["alternatives"][0]["outcomes"][1].update(probability=0.2),
        ("negotiation.probabilities", "error", "parties[0].alternatives[0].outcomes"),
    ),
    "negotiation.invalid-range": (
        lambda d: p(d, 0)["alternatives"][1]["range"].update(low=-50),
        ("negotiation.invalid-range", "error", "parties[0].alternatives[1].range"),
    ),
    "negotiation.weights": (
        lambda d: p(d, 0)["weights"].update(speed=0.6),
        ("negotiation.weights", "error", "parties[0].weights"),
    ),
    "negotiation.scores-and-points": (
        lambda d: p(d, 0).update(points={"price": {"p1": 1, "p2": 0}, "speed": {"s1": 1, "s2": 0}}),
        ("negotiation.scores-and-points", "error", "parties[0].points"),
    ),
    "negotiation.unknown-issue": (
        lambda d: p(d, 0)["weights"].update(colour=0),
        ("negotiation.unknown-issue", "error", "parties[0].weights.colour"),
    ),
    "negotiation.unknown-option": (
        lambda d: p(d, 1)["points"]["price"].update(p9=3),
        ("negotiation.unknown-option", "error", "parties[1].points.price.p9"),
    ),
    "negotiation.missing-score": (
        lambda d: p(d, 0)["scores"]["speed"].pop("s2"),
        ("negotiation.missing-score", "error", "parties[0].scores"),
    ),
    "negotiation.incomplete-proposal": (
        lambda d: d["proposals"][0]["options"].pop("speed"),
        ("negotiation.incomplete-proposal", "error", "proposals[0]"),
    ),
    "negotiation.unknown-party": (
        lambda d: d["proposals"][0].update(by="vendor"),
        ("negotiation.unknown-party", "error", "proposals[0].by"),
    ),
    "negotiation.unknown-role": (
        lambda d: d["team"][0].update(role="good-cop"),
        ("negotiation.unknown-role", "error", "team[0].role"),
    ),
    "negotiation.offer-below-reservation": (
        lambda d: d.update(offers=[{"round": 1, "by": "buyer", "price": 120}]),
        ("negotiation.offer-below-reservation", "error", "offers[0]"),
    ),
    "negotiation.concession-not-for-trade": (
        lambda d: (
            d["issues"][0].update(tradeable=False),
            d.update(offers=[offer("buyer", 1, "p2", "s1"), offer("buyer", 2, "p1", "s1")]),
        ),
        ("negotiation.concession-not-for-trade", "warning", "offers[1].package.price"),
    ),
    "negotiation.unanswered-concession": (
        lambda d: d.update(
            offers=[
                offer("buyer", 1, "p2", "s1"),
                offer("buyer", 2, "p1", "s1"),
                offer("buyer", 3, "p1", "s2"),
            ]
        ),
        ("negotiation.unanswered-concession", "warning", "offers[2]"),
    ),
    "negotiation.not-a-signatory": (
        lambda d: d.update(internal=[{"stakeholder": "lead", "blocks": {"price": ["p1"]}}]),
        ("negotiation.not-a-signatory", "warning", "internal[0].stakeholder"),
    ),
}


@pytest.mark.parametrize(("code", "case"), CASES.items(), ids=list(CASES))
def test_rule_fails_then_passes(tmp_path, code, case):
    breaks, expected = case
    assert codes(tmp_path, base()) == []
    plan = copy.deepcopy(base())
    breaks(plan)
    assert expected in codes(tmp_path, plan)
    assert code in all_rules()


def test_unknown_option_in_a_proposal(tmp_path):
    plan = base()
    plan["proposals"][0]["options"]["speed"] = "warp"
    assert ("negotiation.unknown-option", "error", "proposals[0].options.speed.warp") in codes(
        tmp_path, plan
    )


def test_a_proposal_with_neither_options_nor_price_is_incomplete(tmp_path):
    plan = base()
    plan["issues"] = []
    for party in plan["parties"]:
        party.pop("weights", None), party.pop("scores", None), party.pop("points", None)
    plan["proposals"] = [{"id": "empty", "name": "Empty"}]
    assert codes(tmp_path, plan) == [("negotiation.incomplete-proposal", "error", "proposals[0]")]
    plan["proposals"][0]["price"] = 100
    assert codes(tmp_path, plan) == []


def test_triangular_range_needs_a_mode(tmp_path):
    plan = base()
    p(plan, 0)["alternatives"][1]["range"]["distribution"] = "triangular"
    assert codes(tmp_path, plan) == [
        ("negotiation.invalid-range", "error", "parties[0].alternatives[1].range")
    ]
    p(plan, 0)["alternatives"][1]["range"]["mode"] = -100
    assert codes(tmp_path, plan) == []


def test_unequal_weights_are_normalised_with_a_warning_when_configured(tmp_path):
    plan = base()
    p(plan, 0)["weights"] = {"price": 0.25, "speed": 0.25}
    config = Config.model_validate({"negotiation": {"normalise_weights": True}})
    assert codes(tmp_path, plan, config=config) == [
        ("negotiation.weights", "warning", "parties[0].weights")
    ]
    assert codes(tmp_path, plan)[0][:2] == ("negotiation.weights", "error")


def test_normalised_weights_score_like_weights_that_sum_to_1(run, tmp_path):
    plan = base()
    p(plan, 0)["weights"] = {"price": 0.25, "speed": 0.25}
    (tmp_path / ".stakecli.yaml").write_text("negotiation: {normalise_weights: true}\n")
    (tmp_path / "negotiation.yaml").write_text(json.dumps(plan), encoding="utf-8")
    result = run("negotiation", "packages", tmp_path, "-f", "json")
    assert result.exit_code == 0, result.stderr
    scores = {q["id"]: q["scores"]["buyer"] for q in json.loads(result.stdout)["proposals"]}
    assert scores == {"offer": 50}  # 0.5 * 0 + 0.5 * 100


def test_score_out_of_range_is_a_schema_error(tmp_path):
    plan = base()
    p(plan, 0)["scores"]["price"]["p2"] = 120
    assert ("schema.out-of-range", "error", "parties[0].scores.price.p2") in codes(tmp_path, plan)


def test_register_ids_are_checked_through_references(tmp_path):
    plan = base()
    assert list(plan_references(plan)) == [
        (("parties", 0, "id"), "buyer"),
        (("parties", 1, "id"), "seller"),
        (("team", 0, "id"), "lead"),
        (("advocates", 0, "id"), "friend"),
    ]
    assert codes(tmp_path, plan) == []
    assert codes(tmp_path, plan, register=KNOWN[:-1]) == [
        ("refs.unknown-id", "error", "advocates[0].id")
    ]


def test_without_a_register_in_the_run_the_plan_gets_a_warning(tmp_path):
    assert codes(tmp_path, base(), register=None) == [("refs.no-register", "warning", "")]


def plan_references(plan):
    from stakecli.negotiation.model import Negotiation

    return Negotiation.model_validate(plan).references()


def test_suppression_comment_silences_a_rule(tmp_path):
    plan = base()
    p(plan, 0)["alternatives"][0]["outcomes"][1]["probability"] = 0.2
    text = "# stakecli: disable-file=negotiation.probabilities\n" + json.dumps(plan, indent=1)
    codes(tmp_path, base())
    (tmp_path / "negotiation.yaml").write_text(text, encoding="utf-8")
    assert pipeline.run([tmp_path], Config()).findings == []
