from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stakecli.stakeholders import attention, grid, salience
from stakecli.stakeholders.attention import Settings
from stakecli.stakeholders.model import Stakeholder


def person(id, p=1, leg=1, u=1, i=1, current=None, desired=None, **extra):
    data = {"id": id, "name": id.title(), "side": "internal", "power": p, "legitimacy": leg}
    data |= {"urgency": u, "interest": i}
    if current:
        data["engagement"] = {"current": current, "desired": desired}
    return Stakeholder.model_validate({**data, **extra})


def ids(assessments):
    return [a.id for a in assessments]


def test_count_first_then_gap_then_score_then_id():
    people = [
        person("latent-big-gap", p=5, current="unaware", desired="leading"),
        person("expectant", p=5, leg=5),
        person("definitive-low", p=4, leg=4, u=4),
        person("definitive-gap", p=4, leg=4, u=4, current="neutral", desired="supportive"),
        person("definitive-high", p=5, leg=5, u=5),
        person("b-tied", p=4, leg=4, u=4),
    ]
    ranked = attention.rank(people)
    assert ids(ranked) == [
        "definitive-gap",
        "definitive-high",
        "b-tied",
        "definitive-low",
        "expectant",
        "latent-big-gap",
    ]
    assert [a.rank for a in ranked] == [1, 2, 3, 4, 5, 6]


def test_any_count_3_ranks_above_any_count_2_above_any_count_1():
    people = [
        person("one", p=5, i=5, current="unaware", desired="leading"),
        person("two", leg=4, u=4),
        person("three", p=4, leg=4, u=4, current="leading", desired="unaware"),
    ]
    assert ids(attention.rank(people)) == ["three", "two", "one"]


def test_over_engaged_ranks_after_no_gap_within_a_count():
    people = [
        person("over", p=5, leg=5, u=5, current="leading", desired="neutral"),
        person("even", p=4, leg=4, u=4, current="neutral", desired="neutral"),
    ]
    ranked = attention.rank(people)
    assert ids(ranked) == ["even", "over"]
    assert ranked[1].gap == -2
    assert ranked[1].over_engaged


def test_select_filters_combine_and_accept_groups_and_strategies():
    people = [
        person("a", p=5, leg=5, u=5, i=5, tags=["x"]),
        person("b", p=5, leg=5, i=1, side="external", tags=["y"]),
        person("c", leg=4, u=4, i=5, tags=["x", "y"]),
    ]
    ranked = attention.rank(people)
    assert ids(attention.select(ranked, side="external")) == ["b"]
    assert ids(attention.select(ranked, tags=["y"])) == ["b", "c"]
    assert ids(attention.select(ranked, classes=["expectant"])) == ["b", "c"]
    assert ids(attention.select(ranked, classes=["dependent", "definitive"])) == ["a", "c"]
    assert ids(attention.select(ranked, quadrants=["manage-closely"])) == ["a"]
    assert ids(attention.select(ranked, quadrants=["keep-informed"], tags=["x"])) == ["c"]


def test_settings_change_the_analysis():
    lenient = Settings(threshold=2, cutoff=2)
    [a] = attention.rank([person("a", p=3, leg=3, u=3, i=3)], lenient)
    assert (a.cls.value, a.quadrant.value) == ("definitive", "key-players")
    [b] = attention.rank([person("a", p=3, leg=3, u=3, i=3)])
    assert (b.cls.value, b.quadrant.value) == ("non-stakeholder", "minimal-effort")


score = st.integers(1, 5)
engagement = st.sampled_from(["unaware", "resistant", "neutral", "supportive", "leading"])
people_strategy = st.lists(
    st.tuples(score, score, score, score, st.none() | st.tuples(engagement, engagement)),
    min_size=1,
    max_size=12,
)


def build(rows):
    out = []
    for n, (p, leg, u, i, eng) in enumerate(rows):
        extra = {"engagement": {"current": eng[0], "desired": eng[1]}} if eng else {}
        out.append(person(f"s{n:02d}", p=p, leg=leg, u=u, i=i, **extra))
    return out


@settings(deadline=None)
@given(people_strategy, st.data())
def test_gaining_an_attribute_never_lowers_rank(rows, data):
    people = build(rows)
    who = data.draw(st.integers(0, len(people) - 1))
    target = people[who]
    absent = [f for f in ("power", "legitimacy", "urgency") if getattr(target, f) <= 3]
    if not absent:
        return
    field = data.draw(st.sampled_from(absent))
    raised = target.model_copy(update={field: data.draw(st.integers(4, 5))})
    before = {a.id: a.rank for a in attention.rank(people)}
    after = {a.id: a.rank for a in attention.rank([*people[:who], raised, *people[who + 1 :]])}
    assert after[target.id] <= before[target.id]


@pytest.mark.parametrize("sort", sorted(attention.SORTS))
def test_every_sort_is_total_and_deterministic(sort):
    people = build([(5, 5, 5, 5, None), (1, 1, 1, 1, None), (4, 1, 4, 2, ("neutral", "leading"))])
    ranked = attention.rank(people)
    backwards = ranked[::-1]
    once = sorted(ranked, key=attention.SORTS[sort])
    assert once == sorted(backwards, key=attention.SORTS[sort])


@settings(deadline=None)
@given(people_strategy)
def test_more_attributes_always_rank_first(rows):
    ranked = attention.rank(build(rows))
    counts = [a.salience.count for a in ranked]
    assert counts == sorted(counts, reverse=True)
    for a, b in pairwise(ranked):
        if a.salience.count == b.salience.count:
            assert a.gap >= b.gap


@settings(max_examples=200, deadline=None)
@given(
    scores=st.tuples(*[st.integers(min_value=1, max_value=5)] * 4),
    rated=st.booleans(),
    threshold=st.integers(min_value=1, max_value=4),
    cutoff=st.integers(min_value=1, max_value=4),
)
def test_owner_due_says_what_the_full_assessment_says(scores, rated, threshold, cutoff):
    power, legitimacy, urgency, interest = scores
    ratings = [{"rater": "x", "power": [power, 5], "legitimacy": [1, 2], "urgency": [5]}]
    person = Stakeholder.model_validate(
        {
            "id": "p",
            "name": "P",
            "side": "internal",
            "power": power,
            "legitimacy": legitimacy,
            "urgency": urgency,
            "interest": interest,
            "ratings": ratings if rated else [],
        }
    )
    how = Settings(threshold=threshold, cutoff=cutoff)
    full = attention.assess(person, how)
    want = (
        "definitive"
        if full.cls.value == "definitive"
        else "to be managed closely"
        if full.strategy.value == "manage-closely"
        else None
    )
    assert attention.owner_due(person, how) == want


lenient_settings = Settings(
    threshold=2, cutoff=2, weights=(("power", 1.0), ("proximity", 3.0), ("urgency", 2.0))
)
rating = st.fixed_dictionaries(
    {"rater": st.sampled_from(["ann", "bo"]), "power": score, "legitimacy": score, "urgency": score}
)
entry = st.fixed_dictionaries(
    {"p": score, "leg": score, "u": score, "i": score},
    optional={
        "proximity": st.integers(1, 4),
        "circle": st.fixed_dictionaries({"power": st.integers(1, 4)}, optional={"urgency": score}),
        "ratings": st.lists(rating, min_size=2, max_size=3),
        "engagement": st.tuples(engagement, engagement),
    },
)


def assessed(who, chosen):
    """One stakeholder assessed from the definitions, nothing shared with anyone else."""
    sal = salience.assess(who.power, who.legitimacy, who.urgency, chosen.threshold)
    if who.ratings:
        rated = attention.rated_salience(who, chosen)
        present = (rated.power.present, rated.legitimacy.present, rated.urgency.present)
        sal = replace(sal, power=present[0], legitimacy=present[1], urgency=present[2])
    eng = who.engagement
    return attention.Assessment(
        stakeholder=who,
        salience=sal,
        quadrant=grid.quadrant(who.power, who.interest, chosen.cutoff),
        gap=grid.gap(eng.current, eng.desired) if eng else 0,
        circle=attention.circle(who, chosen),
    )


@settings(deadline=None, max_examples=150)
@given(st.lists(entry, min_size=1, max_size=15), st.sampled_from([Settings(), lenient_settings]))
def test_rank_is_each_assessment_sorted_by_attention(entries, chosen):
    people = []
    for n, e in enumerate(entries):
        extra = {k: e[k] for k in ("proximity", "circle", "ratings") if k in e}
        if "engagement" in e:
            extra["engagement"] = {"current": e["engagement"][0], "desired": e["engagement"][1]}
        people.append(person(f"s{n:02d}", p=e["p"], leg=e["leg"], u=e["u"], i=e["i"], **extra))
    alone = sorted((assessed(p, chosen) for p in people), key=attention.attention_key)
    expected = [replace(a, rank=i) for i, a in enumerate(alone, start=1)]
    assert attention.rank(people, chosen) == expected
