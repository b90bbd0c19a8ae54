"""Interaction logs, customer interviews and journey maps (docs/methods.md §12)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from stakecli.core.findings import Loc
from stakecli.core.model import Id, Model, Text, confidential

SentimentScore = Annotated[int, Field(ge=1, le=100)]


class Sentiment(StrEnum):
    """How a contact went, on Borealis' three-point scale (docs/methods.md §12.1)."""

    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    POSITIVE = "positive"

    @property
    def ordinal(self) -> int:
        """-1, 0 or +1."""
        return {"negative": -1, "neutral": 0, "positive": 1}[self.value]


SCORE_BANDS = ((33, Sentiment.NEGATIVE), (66, Sentiment.NEUTRAL), (100, Sentiment.POSITIVE))
"""[D] A 1-100 score (Simply Stakeholders' scale): 1-33 negative, 34-66 neutral, 67-100 positive."""


def sentiment_of(value: Sentiment | int | None) -> Sentiment | None:
    """The three-point sentiment of a recorded value (a word, or a 1-100 score)."""
    if value is None or isinstance(value, Sentiment):
        return value
    return next(s for top, s in SCORE_BANDS if value <= top)


class InteractionType(StrEnum):
    """What kind of contact it was."""

    MEETING = "meeting"
    CALL = "call"
    EMAIL = "email"
    WORKSHOP = "workshop"
    INTERVIEW = "interview"
    REVIEW = "review"


class FollowUp(Model):
    """An action promised in a contact; outstanding until `done_on` (Consultation Manager)."""

    action: Text
    owner: Id = Field(description="Register id of who does it.")
    due: dt.date | None = None
    done_on: dt.date | None = None


class Interaction(Model):
    """One dated contact with register people."""

    id: Id | None = None
    date: dt.date
    participants: list[Id] = Field(min_length=1, description="Register ids of who took part.")
    internal: list[Id] = Field(default=[], description="Register ids of our people there.")
    channel: Text | None = Field(None, description="In person, video, phone, email ...")
    type: InteractionType
    summary: Text
    issues: list[Text] = Field(default=[], description="Issues or concerns raised.")
    sentiment: Sentiment | SentimentScore | None = confidential(
        description="Candid: negative, neutral or positive, or a 1-100 score."
    )
    follow_ups: list[FollowUp] = []

    @property
    def mood(self) -> Sentiment | None:
        """The sentiment on the three-point scale."""
        return sentiment_of(self.sentiment)


class InteractionLog(Model):
    """An interactions file (`interactions/2026-10.yaml`, one per month or person)."""

    kind: Literal["interactions"]
    version: Literal[1]
    title: Text | None = None
    interactions: list[Interaction] = []

    def references(self) -> Iterable[tuple[Loc, str]]:
        """Every register id the log uses, where it uses it."""
        for i, item in enumerate(self.interactions):
            at = ("interactions", i)
            yield from (((*at, "participants", j), p) for j, p in enumerate(item.participants))
            yield from (((*at, "internal", j), p) for j, p in enumerate(item.internal))
            for j, f in enumerate(item.follow_ups):
                yield (*at, "follow_ups", j, "owner"), f.owner


class Relation(StrEnum):
    """How a person an interviewee names relates to the job."""

    INFLUENCES = "influences"
    AFFECTED = "affected"
    DECIDES = "decides"
    PAYS = "pays"


class NamedPerson(Model):
    """Someone the interviewee named: a candidate hidden stakeholder."""

    name: Text
    role: Text | None = None
    relation: Relation = Relation.INFLUENCES
    stakeholder: Id | None = Field(None, description="Their register id, once registered.")


class Interview(Model):
    """One customer interview (continuous discovery, docs/methods.md §12.3)."""

    id: Id
    date: dt.date
    interviewee: Id = Field(description="Register id of the customer interviewed.")
    interviewers: list[Id] = Field(min_length=1)
    locations: list[Text] = Field(default=[], description="Where they were doing the job.")
    job: Text = Field(description="The job they were doing.")
    hypothesis: Text | None = Field(
        None, description="I believe [person] experiences [problem] when doing [task]."
    )
    story: Text | None = None
    pains: list[Text] = []
    quotes: list[Text] = Field(default=[], description="What they said, in their words.")
    named_people: list[NamedPerson] = []
    sign_off: NamedPerson | None = Field(None, description="Who signs off (buys, approves).")

    def people(self) -> Iterator[tuple[Loc, NamedPerson]]:
        """Every named person with the loc (below the interview) where they are named."""
        yield from ((("named_people", j), p) for j, p in enumerate(self.named_people))
        if self.sign_off is not None:
            yield ("sign_off",), self.sign_off


class InterviewLog(Model):
    """An interviews file."""

    kind: Literal["interviews"]
    version: Literal[1]
    title: Text | None = None
    interviews: list[Interview] = []

    def references(self) -> Iterable[tuple[Loc, str]]:
        """Every register id the interviews use."""
        for i, item in enumerate(self.interviews):
            at = ("interviews", i)
            yield (*at, "interviewee"), item.interviewee
            yield from (((*at, "interviewers", j), p) for j, p in enumerate(item.interviewers))
            for loc, named in item.people():
                if named.stakeholder is not None:
                    yield (*at, *loc, "stakeholder"), named.stakeholder

    def anchors(self) -> Iterable[str]:
        """The interview ids other files may point at (`discovered.interview`)."""
        return (i.id for i in self.interviews)


EmotionScore = Annotated[
    int, Field(ge=1, le=5, description="1 (frustrated) to 5 (delighted); Mermaid's 1-5.")
]


class Touchpoint(Model):
    """Where the customer meets us (or a third party) in one stage."""

    name: Text
    channel: Text | None = None
    owner: Id | None = Field(None, description="Register id of who owns it on our side.")
    people: list[Id] = Field(default=[], description="Register ids of the people there.")
    score: EmotionScore | None = None


class BackstageStep(Model):
    """An action below the line of visibility (service blueprint)."""

    actor: Text = Field(description="A register id, or a description of someone unregistered.")
    action: Text


class Stage(Model):
    """One phase of the journey."""

    id: Id
    name: Text
    actions: list[Text] = []
    touchpoints: list[Touchpoint] = []
    thoughts: list[Text] = []
    emotion: EmotionScore | None = None
    opportunities: list[Text] = []
    backstage: list[BackstageStep] = []


class Journey(Model):
    """A `journey.yaml` file: one actor's journey through the stages of a scenario."""

    kind: Literal["journey"]
    version: Literal[1]
    title: Text | None = None
    actor: Text = Field(description="Whose journey: a persona or a register id.")
    scenario: Text
    expectations: list[Text] = []
    stages: list[Stage] = Field(min_length=1)

    def references(self) -> Iterable[tuple[Loc, str]]:
        """Touchpoint owners and people."""
        for i, stage in enumerate(self.stages):
            for j, t in enumerate(stage.touchpoints):
                at = ("stages", i, "touchpoints", j)
                if t.owner is not None:
                    yield (*at, "owner"), t.owner
                yield from (((*at, "people", k), p) for k, p in enumerate(t.people))

    def anchors(self) -> Iterable[str]:
        """Stage ids and names (a stakeholder's `discovered.journey_stage`)."""
        for stage in self.stages:
            yield stage.id
            yield stage.name
