"""How often each stakeholder needs contact, and who is overdue (docs/methods.md §12.2).

Pure functions over models and settings; `contacts()` is the one report the checks and the
terminal, JSON and Markdown views share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from stakecli.core.config import CadenceConfig, Config
from stakecli.engagement.model import FollowUp, Interaction, Sentiment
from stakecli.stakeholders.grid import quadrant
from stakecli.stakeholders.model import Stakeholder


def as_of(config: Config, today: dt.date | None = None) -> dt.date:
    """The as-of date: `--today`, else `engagement.today` in the config, else the real date."""
    return today or config.engagement.today or dt.date.today()


@dataclass(frozen=True, slots=True)
class Channel:
    """A comms-plan row or ceremony that reaches people at a frequency."""

    id: str
    audience: tuple[str, ...]
    frequency: str


@dataclass(frozen=True, slots=True)
class Cadence:
    """How often a stakeholder needs contact, and what says so."""

    days: int
    source: str
    """`comms:<row id>` or `strategy:<strategy>`."""


def cadence(
    person: Stakeholder, channels: Iterable[Channel], settings: CadenceConfig, cutoff: int
) -> Cadence:
    """How often `person` needs contact (`cadence.frequency_days`, `cadence.strategy_days`).

    A comms row or ceremony naming the stakeholder (or a tag of theirs) overrides the
    strategy's days; of several, the shortest wins.
    """
    named = [
        (days, c.id)
        for c in channels
        if (person.id in c.audience or set(person.tags) & set(c.audience))
        and (days := settings.frequency_days.of(c.frequency)) is not None
    ]
    if named:
        days, ident = min(named)
        return Cadence(days, f"comms:{ident}")
    strategy = quadrant(person.power, person.interest, cutoff).strategy
    return Cadence(settings.strategy_days.of(strategy.value), f"strategy:{strategy.value}")


def last_contact(ident: str, interactions: Iterable[Interaction]) -> dt.date | None:
    """The date of the latest interaction listing `ident` as a participant."""
    dates = [i.date for i in interactions if ident in i.participants]
    return max(dates) if dates else None


@dataclass(frozen=True, slots=True)
class Contact:
    """Where one stakeholder stands: last contact, cadence, and whether it is overdue."""

    stakeholder: Stakeholder
    cadence: Cadence
    last: dt.date | None
    as_of: dt.date

    @property
    def due(self) -> dt.date | None:
        """When the next contact is due (None: never contacted, due now)."""
        return None if self.last is None else self.last + dt.timedelta(days=self.cadence.days)

    @property
    def never(self) -> bool:
        """No interaction lists them."""
        return self.last is None

    @property
    def overdue_days(self) -> int:
        """Days past due (0 when not overdue): overdue iff as_of > last + cadence."""
        due = self.due
        return max((self.as_of - due).days, 0) if due is not None else 0

    @property
    def overdue(self) -> bool:
        """Never contacted, or past due."""
        return self.never or self.overdue_days > 0

    @property
    def days_since(self) -> int | None:
        """Days since the last contact."""
        return None if self.last is None else (self.as_of - self.last).days


def contacts(
    people: Sequence[Stakeholder],
    interactions: Sequence[Interaction],
    channels: Sequence[Channel],
    settings: CadenceConfig,
    cutoff: int,
    today: dt.date,
) -> list[Contact]:
    """Every stakeholder's contact state: never contacted first, then most overdue, then id."""
    found = [
        Contact(p, cadence(p, channels, settings, cutoff), last_contact(p.id, interactions), today)
        for p in people
    ]
    return sorted(
        found, key=lambda c: (not c.never, -c.overdue_days, c.due or today, c.stakeholder.id)
    )


def follow_up_overdue(follow_up: FollowUp, today: dt.date) -> int:
    """Days a follow-up is overdue: not done and today > due; no `due`, never overdue."""
    if follow_up.done_on is not None or follow_up.due is None:
        return 0
    return max((today - follow_up.due).days, 0)


def is_falling(moods: Sequence[Sentiment], window: int) -> bool:
    """[D] The latest of the last `window` rated contacts is below the first of them."""
    recent = list(moods)[-window:]
    return len(recent) >= 2 and recent[-1].ordinal < recent[0].ordinal
