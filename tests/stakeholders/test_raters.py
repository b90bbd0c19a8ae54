"""Several raters (docs/methods.md §12.4): the worked example exactly, the t-test alternative."""

import math

import pytest

from stakecli.core.config import Config
from stakecli.stakeholders import raters
from stakecli.stakeholders.attention import Settings, assess
from stakecli.stakeholders.model import Stakeholder

P, L, U = [4, 5, 4, 3, 5, 4], [3, 4, 2, 3, 4, 3], [2, 3, 2, 1, 3, 2]


@pytest.mark.parametrize(
    ("sample", "total", "squares", "mean", "z", "p", "sign"),
    [
        (P, 25, 107, 4.1667, 7 * math.sqrt(6 / 17), 0.00003, "+"),
        (L, 19, 63, 3.1667, math.sqrt(6 / 17), 0.5525, "0"),
        (U, 13, 31, 2.1667, 5 * math.sqrt(6 / 17), 0.0030, "-"),
    ],
    ids=["P", "L", "U"],
)
def test_the_worked_example_table(sample, total, squares, mean, z, p, sign):
    found = raters.z_rule(sample)
    assert (sum(sample), sum(x * x for x in sample)) == (total, squares)
    assert found.n == 6
    assert round(found.mean, 4) == mean
    assert found.variance == pytest.approx(17 / 36)
    assert found.statistic == pytest.approx(z)
    assert round(found.p, 5 if p < 0.001 else 4) == p
    assert found.sign == sign


def test_the_worked_example_is_dormant_with_low_collaboration_potential():
    person = Stakeholder(
        id="g", name="Group", side="external", power=3, legitimacy=3, urgency=3, interest=3,
        ratings=[{"rater": f"r{i}", "power": p, "legitimacy": lg, "urgency": u}
                 for i, (p, lg, u) in enumerate(zip(P, L, U, strict=True))],
    )  # fmt: skip
    a = assess(person)
    assert (a.salience.power, a.salience.legitimacy, a.salience.urgency) == (True, False, False)
    assert (a.cls.value, a.group.value) == ("dormant", "latent")
    from stakecli.stakeholders.attention import rated_salience

    assert rated_salience(person).collaboration == "low"


def test_the_t_test_alternative_agrees_here_but_not_always():
    assert raters.t_rule(P).statistic == pytest.approx(3.796, abs=5e-4)
    assert round(raters.t_rule(P).p, 4) == 0.0127
    assert raters.t_rule(U).statistic == pytest.approx(-2.712, abs=5e-4)
    assert round(raters.t_rule(U).p, 4) == 0.0422
    z, t = raters.z_rule([4, 3, 4, 3, 3]), raters.t_rule([4, 3, 4, 3, 3])
    assert (round(z.statistic, 4), round(z.p, 4), z.sign) == (1.8257, 0.0679, "+")
    assert (round(t.statistic, 3), round(t.p, 3), t.sign) == (1.633, 0.178, "0")


def test_equal_answers_have_zero_variance_and_all_threes_are_neutral():
    assert raters.z_rule([4, 4, 4]).sign == "+"
    assert raters.z_rule([2, 2]).sign == "-"
    assert raters.z_rule([3, 3, 3]).sign == "0"


def test_the_mean_and_p_are_cut_to_five_characters_before_comparing():
    assert raters.cut(4.1666667) == 4.166
    assert raters.cut(3.2e-05) == 0.0
    assert raters.cut(0.1000004) == 0.1


def test_items_of_one_rater_join_the_sample_and_the_test_is_configurable():
    person = Stakeholder(
        id="g", name="G", side="external", power=2, legitimacy=2, urgency=2, interest=2,
        ratings=[{"rater": "a", "power": [4, 3, 4], "legitimacy": 3, "urgency": 3},
                 {"rater": "b", "power": [3, 3], "legitimacy": 3, "urgency": 3}],
    )  # fmt: skip
    assert person.sample("power") == [4, 3, 4, 3, 3]
    assert assess(person).salience.power is True  # z rule: p = 0.0679
    t_test = Settings.from_config(Config.model_validate({"salience": {"raters_test": "t"}}))
    assert assess(person, t_test).salience.power is False  # t-test: p = 0.178


def test_the_single_score_form_keeps_working():
    person = Stakeholder(
        id="g", name="G", side="external", power=5, legitimacy=4, urgency=2, interest=2
    )
    assert assess(person).cls.value == "dominant"
