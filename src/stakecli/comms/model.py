"""The communication plan (`comms.yaml`): who hears what, how, how often (docs/methods.md §8)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from stakecli.core.model import Id, Model, Text, confidential

Clock = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
"""A time of day, `HH:MM` (24-hour)."""

Audience = Annotated[
    list[Text],
    Field(min_length=1, description="Register ids or register tags (every stakeholder so tagged)."),
]


class Frequency(StrEnum):
    """How often a communication or ceremony recurs."""

    ONCE = "once"
    AD_HOC = "ad-hoc"
    DAILY = "daily"
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


class CeremonyType(StrEnum):
    """The recurring alignment ceremonies stakecli writes agendas for."""

    QBR = "qbr"
    INITIATIVE_REVIEW = "initiative-review"
    RELEASE_REVIEW = "release-review"
    OTHER = "other"


class Communication(Model):
    """One row of the plan: audience, message, channel, frequency and owner at minimum."""

    id: Id
    audience: Audience
    message: Text = Field(description="Information to be communicated.")
    purpose: Text | None = Field(None, description="Reason for distribution.")
    channel: Text = Field(description="Method: email, meeting, memo, dashboard ...")
    format: Text | None = None
    language: Text | None = None
    detail_level: Literal["summary", "standard", "detailed"] | None = None
    frequency: Frequency
    timing: Text | None = Field(None, description="When in the cycle, e.g. 'first Monday'.")
    ack_required: bool = Field(False, description="Receipt must be acknowledged.")
    owner: Id = Field(description="Register id of who communicates.")
    approver: Id | None = Field(None, description="Who authorises releasing confidential content.")
    requirements: Text | None = Field(None, description="The audience's stated needs.")
    notes: Text | None = confidential(description="Candid notes; internal only.")
    confidential: bool = Field(False, description="Leave the row out of external documents.")
    starts: date | None = Field(None, description="First occurrence (calendar export).")
    at: Clock | None = Field(None, description="Time of day, HH:MM (calendar export).")


class AgendaItem(Model):
    """One item of a ceremony's agenda."""

    topic: Text
    owner: Id | None = None
    minutes: Annotated[int, Field(ge=1, le=480)] | None = None


class Ceremony(Model):
    """A recurring meeting that keeps stakeholders aligned (QBR, initiative or release review)."""

    id: Id
    name: Text
    type: CeremonyType = CeremonyType.OTHER
    audience: Audience
    owner: Id
    frequency: Frequency
    purpose: Text | None = None
    inputs: list[Text] = Field(default=[], description="What to read or bring.")
    agenda: list[AgendaItem] = Field(min_length=1)
    outputs: list[Text] = Field(default=[], description="What the meeting produces.")
    starts: date | None = Field(None, description="First occurrence (calendar export).")
    at: Clock | None = Field(None, description="Time of day, HH:MM (calendar export).")


class Escalation(Model):
    """One step of the escalation path."""

    level: Annotated[int, Field(ge=1, le=9)]
    contact: Id
    within: Text = Field(description="Time frame, e.g. '2 business days'.")


class CommsPlan(Model):
    """A `comms.yaml` file."""

    kind: Literal["comms"]
    version: Literal[1]
    title: Text | None = None
    communications: list[Communication] = []
    ceremonies: list[Ceremony] = []
    escalation: list[Escalation] = []
    updates: Text | None = Field(None, description="How and when the plan itself is updated.")

    def anchors(self) -> Iterator[str]:
        """Ceremony ids, which review files name."""
        return (c.id for c in self.ceremonies)
