"""'Why' questions for open positions, and relationship matters kept apart."""

from pathlib import Path

from negotiation.helpers import DANCE, deal
from stakecli.negotiation import questions
from stakecli.negotiation.documents import brief
from stakecli.negotiation.model import Negotiation

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def with_positions(positions, **extra):
    plan = deal(DANCE, **extra).model_dump()
    plan["parties"][1]["positions"] = positions
    return Negotiation.model_validate(plan)


def test_each_open_position_gets_the_default_question_forms():
    plan = with_positions(["Price P1"])
    (found,) = questions.open_positions(plan)
    assert found.party == "supplier"
    assert found.questions[0] == 'Why is "Price P1" important to you?'
    assert found.questions[3] == "Why not our proposal; what would make it work?"
    assert len(found.questions) == len(questions.DEFAULT_QUESTIONS) == 8


def test_a_position_with_a_known_interest_gets_no_questions():
    plan = with_positions([{"says": "Price P1", "interests": ["Cash flow"]}, "Delivery D3"])
    assert [o.position for o in questions.open_positions(plan)] == ["Delivery D3"]


def test_the_users_own_questions_follow_the_forms_and_our_proposal_is_named():
    plan = with_positions(
        [{"says": "Price P1", "questions": ["Who set that target?"]}],
        questions=["What if delivery slipped?"],
        proposals=[{"id": "o", "name": "Our offer", "by": "buyer", "price": 5}],
    )
    (found,) = questions.open_positions(plan, ["Why {position}?", "Why not {proposal}?"])
    assert found.questions == (
        'Why "Price P1"?',
        'Why not "Our offer"?',
        "What if delivery slipped?",
        "Who set that target?",
    )


def test_the_brief_holds_the_questions_and_relationship_apart_from_the_issues():
    plan = with_positions(
        ["Price P1"],
        relationship=[
            {"concern": "Trust after the outage", "party": "supplier", "actions": ["Listen"]}
        ],
    )
    context = brief(plan)
    assert context["questions"]["rows"][0][1] == "Price P1"
    assert context["relationship"] == [
        {"concern": "Trust after the outage", "party": "supplier", "actions": ["Listen"]}
    ]
