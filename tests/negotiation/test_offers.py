"""Offer histories: DOMAIN_2 11.1's worked example, reciprocity, silence, the prompt to hold."""

from fractions import Fraction

from negotiation.helpers import DANCE, deal, offer
from stakecli.negotiation import offers
from stakecli.negotiation.model import Role

F = Fraction


def test_domain_2_worked_example_own_scores_and_concessions():
    found = offers.history(
        deal(DANCE, agreement={"round": 3, "package": {"price": "P1", "delivery": "D1"}})
    )
    buyer = [s for s in found.steps if s.by == "buyer"]
    supplier = [s for s in found.steps if s.by == "supplier"]
    assert [s.scores[0] for s in buyer] == [100, 80, 60]
    assert [s.concession for s in buyer] == [None, 20, 20]
    assert [s.scores[1] for s in supplier] == [100, 90, 80]
    assert [s.concession for s in supplier] == [None, 10, 10]


def test_domain_2_worked_example_receivers_view_of_the_first_moves():
    found = offers.history(deal(DANCE))
    first_buyer_move, first_supplier_move = found.steps[2], found.steps[3]
    assert first_buyer_move.receiver_gain == {"supplier": 40}  # 0 -> 40
    assert first_supplier_move.receiver_gain == {"buyer": 30}  # 0 -> 30


def test_domain_2_worked_example_meets_at_p1d1_in_round_3():
    found = offers.history(deal(DANCE))
    last_two = found.steps[-2:]
    assert [s.round for s in last_two] == [3, 3]
    assert last_two[0].scores == last_two[1].scores == (60, 80)


def test_reciprocity_is_the_others_concessions_over_ones_own_in_the_same_rounds():
    found = offers.history(deal(DANCE))
    assert found.conceded == {"buyer": 40, "supplier": 20}
    assert found.reciprocity == {"buyer": F(1, 2), "supplier": 2}


def test_reciprocity_ignores_rounds_the_other_side_did_not_concede_in():
    found = offers.history(deal(DANCE[:5]))  # the supplier has not answered round 3
    assert found.reciprocity["buyer"] == F(10, 20)


def test_a_retraction_is_a_negative_concession():
    found = offers.history(deal([offer("buyer", 1, "P2D1"), offer("buyer", 2, "P3D1")]))
    assert found.steps[1].concession == -20


def test_above_our_reservation_uses_our_reservation_score():
    plan = deal([offer("buyer", 1, "P3D1"), offer("buyer", 2, "P1D2")])
    plan = plan.model_copy(
        update={
            "parties": [
                plan.parties[0].model_copy(update={"reservation_score": 45}),
                plan.parties[1],
            ]
        }
    )
    assert [s.above_reservation for s in offers.history(plan).steps] == [True, False]


def test_a_reply_after_more_than_seven_days_is_a_silence():
    found = offers.history(
        deal(
            [
                offer("buyer", 1, "P3D1", at="2026-03-01"),
                offer("supplier", 1, "P1D3", at="2026-03-08"),
                offer("buyer", 2, "P2D1", at="2026-03-17"),
            ]
        )
    )
    assert [s.silence for s in found.steps] == [None, None, 9]
    assert offers.history(deal(DANCE), silence_days=0).steps[1].silence is None  # no dates


def test_a_second_concession_without_a_counter_offer_is_unanswered():
    found = offers.history(
        deal([offer("buyer", 1, "P3D1"), offer("buyer", 2, "P2D1"), offer("buyer", 3, "P1D1")])
    )
    assert [s.unanswered for s in found.steps] == [False, False, True]


def test_conceding_after_a_counter_offer_is_not_unanswered():
    assert not any(s.unanswered for s in offers.history(deal(DANCE)).steps)


def test_price_concessions_are_measured_in_money_from_each_sides_perspective():
    plan = deal(
        [
            {"round": 1, "by": "buyer", "price": 100},
            {"round": 1, "by": "supplier", "price": 150},
            {"round": 2, "by": "buyer", "price": 110},
            {"round": 2, "by": "supplier", "price": 130},
        ]
    )
    plan = plan.model_copy(
        update={
            "parties": [
                plan.parties[0].model_copy(update={"role": Role.BUYER}),
                plan.parties[1].model_copy(update={"role": Role.SELLER}),
            ]
        }
    )
    steps = offers.history(plan).steps
    assert [s.price_concession for s in steps] == [None, None, 10, 20]
    assert [s.concession for s in steps] == [None] * 4
