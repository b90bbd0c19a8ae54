"""Each stakeholder assessed (salience, grid, engagement, index) and ranked by who needs attention.

The attention order (docs/methods.md §2.5): salience count descending, then engagement gap
descending, then the salience tie-break score descending, then id. Because the count comes
first, gaining an attribute never lowers a stakeholder's rank.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from operator import itemgetter

from stakecli.stakeholders import grid, raters, salience
from stakecli.stakeholders.grid import Quadrant, Strategy
from stakecli.stakeholders.model import Engagement, Stakeholder
from stakecli.stakeholders.salience import Group, Salience, SalienceClass


@dataclass(frozen=True, slots=True)
class Settings:
    """The [D] choices an assessment depends on (from `Config.salience` and `Config.grid`)."""

    threshold: int = salience.DEFAULT_THRESHOLD
    cutoff: int = grid.DEFAULT_CUTOFF
    weights: tuple[tuple[str, float], ...] = tuple(grid.CIRCLE_WEIGHTS.items())
    raters_test: raters.Test = "z"
    raters_alpha: float = raters.DEFAULT_ALPHA

    @classmethod
    def from_config(cls, config: object) -> Settings:
        """Read the settings of a `stakecli.core.config.Config`."""
        from stakecli.core.config import Config

        assert isinstance(config, Config)
        weights = config.grid.circle_weights.model_dump()
        return cls(
            config.salience.threshold,
            config.grid.cutoff,
            tuple(weights.items()),
            config.salience.raters_test,
            config.salience.raters_alpha,
        )


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything stakecli computes about one stakeholder."""

    stakeholder: Stakeholder
    salience: Salience
    quadrant: Quadrant
    gap: int
    """ordinal(desired) - ordinal(current); 0 when engagement is not assessed."""
    circle: float | None
    rank: int = 0
    """Position in the attention order, 1 = first."""

    @property
    def id(self) -> str:
        """The stakeholder's id."""
        return self.stakeholder.id

    @property
    def cls(self) -> SalienceClass:
        """Salience class."""
        return self.salience.cls

    @property
    def group(self) -> Group:
        """Salience group."""
        return self.salience.group

    @property
    def strategy(self) -> Strategy:
        """Grid strategy."""
        return self.quadrant.strategy

    @property
    def current(self) -> Engagement | None:
        """Current engagement (C), if assessed."""
        return self.stakeholder.engagement.current if self.stakeholder.engagement else None

    @property
    def desired(self) -> Engagement | None:
        """Desired engagement (D), if assessed."""
        return self.stakeholder.engagement.desired if self.stakeholder.engagement else None

    @property
    def over_engaged(self) -> bool:
        """C beyond D."""
        return self.gap < 0


def assess(person: Stakeholder, settings: Settings = Settings()) -> Assessment:
    """Assess one stakeholder (unranked)."""
    eng = person.engagement
    return Assessment(
        stakeholder=person,
        salience=_salience(person, settings),
        quadrant=grid.quadrant(person.power, person.interest, settings.cutoff),
        gap=grid.gap(eng.current, eng.desired) if eng else 0,
        circle=circle(person, settings),
    )


def owner_due(person: Stakeholder, settings: Settings = Settings()) -> str | None:
    """Why `person` needs an owner (`definitive`, `to be managed closely`), or None.

    What `assess` says of its class and strategy, without the rest: `stakeholders.no-owner`
    asks it of every entry without an owner, 200,000 in a register at the node limit.
    """
    if _salience(person, settings).cls is SalienceClass.DEFINITIVE:
        return "definitive"
    strategy = grid.quadrant(person.power, person.interest, settings.cutoff).strategy
    return "to be managed closely" if strategy is Strategy.MANAGE_CLOSELY else None


def _salience(person: Stakeholder, settings: Settings) -> Salience:
    sal = salience.assess(person.power, person.legitimacy, person.urgency, settings.threshold)
    if person.ratings:
        rated = rated_salience(person, settings)
        sal = replace(
            sal,
            power=rated.power.present,
            legitimacy=rated.legitimacy.present,
            urgency=rated.urgency.present,
        )
    return sal


def circle(person: Stakeholder, settings: Settings = Settings()) -> float | None:
    """The Stakeholder Circle-style index of one stakeholder (None: not rated for the Circle)."""
    rated = grid.circle_ratings(person)
    return None if rated is None else grid.circle_index(*rated, dict(settings.weights))


class _Assessor:
    """`assess` for many stakeholders under one settings: each distinct score set computed once.

    Salience and the Circle index depend only on a few small integers, so a register of
    10,000 has at most a few hundred distinct results; they are computed as `assess` always
    computed them, then shared (`Salience` is immutable).
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.weights = dict(settings.weights)
        self.saliences: dict[tuple[int, int, int], Salience] = {}
        self.quadrants: dict[tuple[int, int], Quadrant] = {}
        self.gaps: dict[tuple[Engagement, Engagement], int] = {}
        self.circles: dict[tuple[int, int, int], float | None] = {}

    def assess(self, person: Stakeholder, rank: int = 0) -> Assessment:
        return Assessment(person, *self.parts(person), rank=rank)

    def parts(self, person: Stakeholder) -> tuple[Salience, Quadrant, int, float | None]:
        """The salience, quadrant, gap and Circle index of one stakeholder."""
        settings = self.settings
        if person.ratings:
            sal = _salience(person, settings)
        else:
            scores = (person.power, person.legitimacy, person.urgency)
            known = self.saliences.get(scores)
            if known is None:
                known = self.saliences[scores] = salience.assess(*scores, settings.threshold)
            sal = known
        grid_scores = (person.power, person.interest)
        quad = self.quadrants.get(grid_scores)
        if quad is None:
            quad = self.quadrants[grid_scores] = grid.quadrant(*grid_scores, settings.cutoff)
        eng = person.engagement
        if eng is None:
            gap = 0
        else:
            levels = (eng.current, eng.desired)
            found = self.gaps.get(levels)
            gap = self.gaps[levels] = grid.gap(*levels) if found is None else found
        if person.circle is None:  # what grid.circle_ratings needs first
            return sal, quad, gap, None
        rated_circle = grid.circle_ratings(person)
        if rated_circle is None:
            index = None
        elif rated_circle in self.circles:
            index = self.circles[rated_circle]
        else:
            index = self.circles[rated_circle] = grid.circle_index(*rated_circle, self.weights)
        return sal, quad, gap, index


def circle_priorities(
    assessments: Sequence[Assessment], top: int = grid.CIRCLE_TOP
) -> list[Assessment]:
    """The `top` stakeholders by Circle-style index, highest first (priority 1), then id."""
    rated = [a for a in assessments if a.circle is not None]
    return sorted(rated, key=lambda a: (-(a.circle or 0.0), a.id))[:top]


def rated_salience(person: Stakeholder, settings: Settings = Settings()) -> raters.RatedSalience:
    """The several-rater test of each attribute (docs/methods.md §12.4); needs `ratings`."""
    return raters.assess(
        person.sample("power"),
        person.sample("legitimacy"),
        person.sample("urgency"),
        settings.raters_test,
        settings.raters_alpha,
    )


def attention_key(a: Assessment) -> tuple[int, int, float, str]:
    """Sort key of the attention order (smaller sorts first)."""
    return (-a.salience.count, -a.gap, -a.salience.score, a.id)


def rank(people: Iterable[Stakeholder], settings: Settings = Settings()) -> list[Assessment]:
    """Every stakeholder assessed, in attention order, with `rank` set (1 = first).

    The order is `attention_key`'s; each Assessment is built once, with its rank.
    """
    assessor = _Assessor(settings)
    keyed = []
    for person in people:
        sal, quad, gap, index = assessor.parts(person)
        keyed.append(((-sal.count, -gap, -sal.score, person.id), person, sal, quad, gap, index))
    keyed.sort(key=itemgetter(0))
    return [
        Assessment(person, sal, quad, gap, index, i)
        for i, (_, person, sal, quad, gap, index) in enumerate(keyed, start=1)
    ]


SORTS = {
    "attention": lambda a: (a.rank,),
    "circle": lambda a: (a.circle is None, -(a.circle or 0.0), a.rank),
    "id": lambda a: (a.id,),
    "name": lambda a: (a.stakeholder.name.casefold(), a.id),
}
"""Orders the command offers; each breaks ties by attention or id."""


def select(
    assessments: Sequence[Assessment],
    *,
    side: str | None = None,
    tags: Sequence[str] = (),
    classes: Sequence[str] = (),
    quadrants: Sequence[str] = (),
    hidden: bool | None = None,
) -> list[Assessment]:
    """Keep the assessments matching every given filter (each filter: any of its values).

    `classes` accepts class and group names; `quadrants` accepts quadrant and strategy names.
    """
    wanted_tags = set(tags)
    return [
        a
        for a in assessments
        if (side is None or a.stakeholder.side.value == side)
        and (not wanted_tags or wanted_tags & set(a.stakeholder.tags))
        and (not classes or a.cls.value in classes or a.group.value in classes)
        and (not quadrants or a.quadrant.value in quadrants or a.strategy.value in quadrants)
        and (hidden is None or a.stakeholder.hidden is hidden)
    ]


CLASS_CHOICES = sorted({*(c.value for c in SalienceClass), *(g.value for g in Group)} - {"none"})
QUADRANT_CHOICES = sorted({*(q.value for q in Quadrant), *(s.value for s in Strategy)})
