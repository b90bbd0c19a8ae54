import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stakecli.stakeholders import salience
from stakecli.stakeholders.salience import Group, SalienceClass, classify

# DOMAIN.md 8.1, row for row.
TABLE_8_1 = [
    ((1, 0, 0), "dormant", "latent", 1),
    ((0, 1, 0), "discretionary", "latent", 1),
    ((0, 0, 1), "demanding", "latent", 1),
    ((1, 1, 0), "dominant", "expectant", 2),
    ((1, 0, 1), "dangerous", "expectant", 2),
    ((0, 1, 1), "dependent", "expectant", 2),
    ((1, 1, 1), "definitive", "definitive", 3),
    ((0, 0, 0), "non-stakeholder", "none", 0),
]


@pytest.mark.parametrize(
    ("present", "cls", "group", "count"), TABLE_8_1, ids=[row[1] for row in TABLE_8_1]
)
def test_domain_8_1_typology(present, cls, group, count):
    p, leg, u = (bool(x) for x in present)
    result = salience.assess(*(5 if x else 1 for x in present))
    assert classify(p, leg, u) == SalienceClass(cls)
    assert (result.cls.value, result.group.value, result.count) == (cls, group, count)
    assert salience.group_of(SalienceClass(cls)) == Group(group)


@pytest.mark.parametrize(
    ("score", "present"), [(1, False), (2, False), (3, False), (4, True), (5, True)]
)
def test_default_threshold_is_strictly_above_the_midpoint(score, present):
    assert salience.is_present(score) is present


def test_threshold_is_configurable():
    assert salience.assess(3, 3, 3, threshold=2).cls is SalienceClass.DEFINITIVE
    assert salience.assess(4, 4, 4, threshold=4).cls is SalienceClass.NON_STAKEHOLDER


def test_dependent_gaining_power_becomes_definitive():
    before = salience.assess(power=2, legitimacy=5, urgency=4)
    after = salience.assess(power=4, legitimacy=5, urgency=4)
    assert (before.cls, after.cls) == (SalienceClass.DEPENDENT, SalienceClass.DEFINITIVE)


def test_tie_break_score_is_the_mean_of_normalised_scores_not_a_geometric_mean():
    # A latent stakeholder (power only) keeps a positive score; a geometric mean would give 0.
    latent = salience.assess(power=5, legitimacy=1, urgency=1)
    assert latent.cls is SalienceClass.DORMANT
    assert latent.score == pytest.approx(1 / 3, abs=1e-4)
    assert salience.assess(5, 5, 5).score == 1.0
    assert salience.assess(1, 1, 1).score == 0.0
    assert salience.assess(3, 4, 5).score == pytest.approx((0.5 + 0.75 + 1) / 3, abs=1e-4)


scores = st.integers(min_value=1, max_value=5)


@settings(deadline=None)
@given(scores, scores, scores, scores, scores, scores, st.integers(0, 5))
def test_class_depends_only_on_which_attributes_are_present(p1, l1, u1, p2, l2, u2, threshold):
    a = salience.assess(p1, l1, u1, threshold)
    b = salience.assess(p2, l2, u2, threshold)
    if (a.power, a.legitimacy, a.urgency) == (b.power, b.legitimacy, b.urgency):
        assert (a.cls, a.group, a.count) == (b.cls, b.group, b.count)
    else:
        assert a.cls is not b.cls
