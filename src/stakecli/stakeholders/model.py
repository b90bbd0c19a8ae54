"""The stakeholder register: who matters, how much, and what they want (docs/methods.md §1, §2)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from stakecli.core.findings import Loc
from stakecli.core.model import Id, Model, Text, confidential, empty_list

Score = Annotated[int, Field(ge=1, le=5, description="1 (very low) to 5 (very high).")]
SCALE = (1, 5)
"""Power, legitimacy, urgency and interest share one 1-5 scale (a 5-point Likert rating)."""


class StakeholderType(StrEnum):
    """What kind of entity a stakeholder is."""

    PERSON = "person"
    GROUP = "group"
    ORGANISATION = "organisation"


class Side(StrEnum):
    """PMBOK classification: inside or outside the performing organisation."""

    INTERNAL = "internal"
    EXTERNAL = "external"


class Engagement(StrEnum):
    """PMBOK engagement levels, in order (docs/methods.md §2.3)."""

    UNAWARE = "unaware"
    RESISTANT = "resistant"
    NEUTRAL = "neutral"
    SUPPORTIVE = "supportive"
    LEADING = "leading"

    @property
    def ordinal(self) -> int:
        """1 (unaware) to 5 (leading)."""
        return _ORDINAL[self]


_ORDINAL = {level: i for i, level in enumerate(Engagement, start=1)}


class Direction(StrEnum):
    """PMBOK direction of influence relative to the project."""

    UPWARD = "upward"
    DOWNWARD = "downward"
    OUTWARD = "outward"
    SIDEWARD = "sideward"


class Visibility(StrEnum):
    """Service-blueprint lane where a stakeholder acts (docs/methods.md §2.6)."""

    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT = "support"


class EngagementAssessment(Model):
    """Current (C) and desired (D) engagement, and what is planned to close the gap."""

    current: Engagement = confidential(..., description="Candid: where they are now.")
    desired: Engagement
    actions: list[Text] = empty_list(description="Planned actions that close the gap.")


class Discovery(Model):
    """Where a hidden stakeholder was found."""

    method: Literal["interview", "journey-map", "service-blueprint", "document", "other"]
    source: Text | None = Field(None, description="Which interview, map or document.")
    interview: Id | None = Field(None, description="The id of the interview that found them.")
    journey_stage: Text | None = Field(
        None,
        description="The journey stage (id or name) where they act; checked against "
        "the project's journey map.",
    )
    visibility: Visibility | None = None


class CircleRatings(Model):
    """The Stakeholder Circle's own ratings (docs/methods.md §2.4), on the Circle's own scales.

    The register's 1-5 `power` is Mitchell's power and is not the Circle's (1-4, "can they stop
    or fundamentally change the work?"), so the Circle's power is rated here. Proximity and
    urgency default to the entry's `proximity` (1-4, the same rating) and `urgency` (1-5, the
    same scale; rate `circle.urgency` from Bourne's Urgency Matrix where that differs).
    """

    power: int = Field(ge=1, le=4, description="1 (low) to 4 (can terminate or change it).")
    proximity: int | None = Field(
        None, ge=1, le=4, description="1 (remote) to 4 (day-to-day); default: `proximity`."
    )
    urgency: int | None = Field(
        None, ge=1, le=5, description="1 (routine) to 5 (immediate); default: `urgency`."
    )


Answers = Score | Annotated[list[Score], Field(min_length=1)]
"""One rater's answer to an attribute: one 1-5 score, or the scores of several items."""


class Rating(Model):
    """One rater's assessment of power, legitimacy and urgency (docs/methods.md §12.4)."""

    rater: Text
    on: date | None = None
    power: Answers
    legitimacy: Answers = confidential(..., description="Candid: 1-5, how proper their claim is.")
    urgency: Answers

    def items(self, attribute: Literal["power", "legitimacy", "urgency"]) -> list[int]:
        """This rater's answers to one attribute, as a list."""
        value = getattr(self, attribute)
        return list(value) if isinstance(value, list) else [value]


class Stakeholder(Model):
    """One entry of the register."""

    id: Id
    name: Text
    type: StakeholderType = StakeholderType.PERSON
    side: Side
    organisation: Text | None = None
    role: Text | None = None
    contact: Text | None = confidential(description="E-mail or phone; internal only.")
    power: Score
    legitimacy: Score = confidential(..., description="Candid: 1-5, how proper their claim is.")
    urgency: Score
    interest: Score
    impact: Score | None = Field(
        None, description="1-5: how much the project affects them (the impact/influence grid)."
    )
    proximity: Annotated[int, Field(ge=1, le=4)] | None = Field(
        None, description="Stakeholder Circle proximity, 1 (remote) to 4 (day-to-day)."
    )
    circle: CircleRatings | None = Field(
        None, description="Stakeholder Circle ratings: power 1-4, proximity 1-4, urgency 1-5."
    )
    direction: Direction | None = None
    engagement: EngagementAssessment | None = None
    positions: list[Text] = empty_list(description="What they say they want.")
    interests: list[Text] = empty_list(description="Why: the needs under the positions.")
    owner: Id | None = Field(None, description="Register id of the relationship owner.")
    influences: list[Id] = empty_list(description="Register ids this one influences.")
    hidden: bool = Field(False, description="Found off the obvious path (finance sign-off...).")
    discovered: Discovery | None = None
    tags: list[Text] = empty_list()
    notes: Text | None = confidential(description="Candid notes; internal only.")
    confidential: bool = Field(False, description="Leave the entry out of external documents.")
    assessed_on: date | None = None
    assessor: Text | None = None
    ratings: list[Rating] = empty_list(
        description="Several raters' scores: presence of power, legitimacy and urgency is "
        "then tested from all their answers (the single scores still place the grid).",
    )

    def sample(self, attribute: Literal["power", "legitimacy", "urgency"]) -> list[int]:
        """Every rater's answers to one attribute, pooled."""
        return [x for r in self.ratings for x in r.items(attribute)]


class Register(Model):
    """A `stakeholders.yaml` file."""

    kind: Literal["stakeholders"]
    version: Literal[1]
    title: Text | None = None
    stakeholders: list[Stakeholder] = []

    def links(self) -> Iterator[tuple[Loc, str, str]]:
        """Where hidden stakeholders were found: interviews and journey stages."""
        for i, person in enumerate(self.stakeholders):
            found = person.discovered
            if found is None:
                continue
            at = ("stakeholders", i, "discovered")
            if found.interview is not None:
                yield (*at, "interview"), "interviews", found.interview
            if found.journey_stage is not None:
                yield (*at, "journey_stage"), "journey", found.journey_stage
