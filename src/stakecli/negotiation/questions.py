"""Questions to ask at the table: interest-based "why" questions per open position.

*Getting to Yes* (ch. 3): ask "Why?" of each position and "Why not?" of our own proposal, to
find the interests under it (docs/methods.md §4.12). A position of another party is *open* while we
know no interest under it: a plain-text position, or a `{says: ...}` one without `interests`.
Each open position gets the question forms (the default set below, or the project's
`negotiation.questions`), then the plan's own `questions`, then the position's own
(docs/methods.md §4.12).
"""

from __future__ import annotations

from dataclasses import dataclass

from stakecli.negotiation.model import Negotiation, Position

DEFAULT_QUESTIONS = (
    "Why is {position} important to you?",
    "What would it let you do that you can't now?",
    "What worries you about the alternative?",
    "Why not {proposal}; what would make it work?",
    "If we agreed, what happens next, and for whom?",
    "Who else must be satisfied, and what do they need?",
    "What standard would make this fair?",
    "In our shoes, what would you propose?",
)
"""[D] The question forms of docs/methods.md §4.12; `{position}` and `{proposal}` are filled in."""


@dataclass(frozen=True, slots=True)
class OpenPosition:
    """A position of another party whose interest we do not know yet, and what to ask."""

    party: str
    position: str
    questions: tuple[str, ...]


def _fill(form: str, position: str, proposal: str) -> str:
    return form.replace("{position}", f'"{position}"').replace("{proposal}", proposal)


def our_proposal(plan: Negotiation) -> str:
    """The name `{proposal}` stands for: our first shared proposal, or "our proposal"."""
    ours = plan.us
    for prop in plan.proposals:
        if ours is not None and prop.by == ours.id and prop.share:
            return f'"{prop.name}"'
    return "our proposal"


def open_positions(
    plan: Negotiation, forms: tuple[str, ...] | list[str] = DEFAULT_QUESTIONS
) -> list[OpenPosition]:
    """Every open position of the other parties, with its questions, in file order."""
    proposal = our_proposal(plan)
    out = []
    for party in plan.parties:
        if party.us:
            continue
        for position in party.positions:
            known = isinstance(position, Position) and bool(position.interests)
            if known:
                continue
            text = str(position)
            own = list(position.questions) if isinstance(position, Position) else []
            asked = [_fill(f, text, proposal) for f in (*forms, *plan.questions)] + own
            out.append(OpenPosition(party.id, text, tuple(dict.fromkeys(asked))))
    return out
