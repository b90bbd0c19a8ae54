"""Decision-record rules: numbering, the supersession lifecycle, people, options, staleness."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from stakecli.core.findings import Finding, error, warning
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.decisions.model import Decision, Status


def _decision(number: int = 1, extra: str = "", **keys: str) -> str:
    """A decision file; `keys` replace its top-level keys ('' drops one), `extra` is appended."""
    fields = {
        "number": str(number),
        "title": "Pick the vendor",
        "status": "accepted",
        "date": "2026-01-10",
        "deciders": "[ann]",
        "context": "The contract ends in March.",
        "options": "[{name: Renew}, {name: Switch}]",
        "outcome": "{chosen: Renew, rationale: it is cheaper.}",
    } | keys
    body = "".join(f"{k}: {v}\n" for k, v in fields.items() if v)
    return f"kind: decision\nversion: 1\n{body}{extra}"


def _next(extra: str = "", **keys: str) -> str:
    """A second decision, 0002, in the same folder."""
    return "# file: decisions/0002-switch.yaml\n" + _decision(2, extra, **keys)


RULES = [
    Rule(
        "decision.number-mismatch",
        "error",
        "`number` differs from the NNNN- of the file name.",
        why="""Decisions are cited by number ('see 0007'); a file name that says one number
        and a `number:` that says another sends readers to the wrong record.""",
        bad=_decision(3),
        good=_decision(1),
    ),
    Rule(
        "decision.duplicate-number",
        "error",
        "Two decisions in one folder share a number.",
        why="""A decision number is never reused, so that every citation stays unambiguous;
        `stakecli new decision` picks the next free one.""",
        bad=_decision() + "# file: decisions/0001-switch.yaml\n" + _decision(title="Switch"),
        good=_decision() + _next(title="Switch"),
    ),
    Rule(
        "decision.superseded-without-link",
        "error",
        "A superseded decision does not say `superseded_by`.",
        why="""A reader who finds a superseded decision needs to know which one replaced it;
        without the link the trail ends.""",
        bad=_decision(status="superseded"),
        good=_decision(status="superseded", extra="superseded_by: 2\n")
        + _next(extra="supersedes: [1]\n"),
    ),
    Rule(
        "decision.link-without-status",
        "error",
        "A decision with `superseded_by` does not have status superseded.",
        why="""A decision that says it was replaced but is still accepted leaves two live
        answers to one question.""",
        bad=_decision(extra="superseded_by: 2\n") + _next(extra="supersedes: [1]\n"),
        good=_decision(status="superseded", extra="superseded_by: 2\n")
        + _next(extra="supersedes: [1]\n"),
    ),
    Rule(
        "decision.link-invalid",
        "error",
        "A supersedes or amends link names the decision itself or no decision of the folder.",
        why="""A link to a decision that does not exist (or to itself) is a typo that breaks
        the history of the decision.""",
        bad=_decision(extra="supersedes: [9]\n"),
        good=_decision(),
    ),
    Rule(
        "decision.link-one-way",
        "error",
        "A supersedes (amends) link of an accepted decision is not mirrored by superseded_by "
        "(amended_by), or the other way round.",
        why="""Both ends of a replacement must say so once the new decision is accepted;
        otherwise the old decision still looks live to anyone who reads it first.""",
        bad=_decision() + _next(extra="supersedes: [1]\n"),
        good=_decision(status="superseded", extra="superseded_by: 2\n")
        + _next(extra="supersedes: [1]\n"),
    ),
    Rule(
        "decision.unknown-option",
        "error",
        "The chosen option is not one of the options.",
        why="""The outcome names the option chosen; a name that matches none of the options
        leaves the record saying nothing about what was decided.""",
        bad=_decision(outcome="{chosen: Renewal, rationale: it is cheaper.}"),
        good=_decision(),
    ),
    Rule(
        "decision.missing-outcome",
        "error",
        "An accepted decision records no outcome.",
        why="""An accepted decision without the chosen option and the reason is a decision
        nobody can explain later.""",
        bad=_decision(outcome=""),
        good=_decision(),
    ),
    Rule(
        "decision.review-overdue",
        "warning",
        "The review-by date of a live decision has passed.",
        why="""A review-by date is a promise to revisit the decision; once it has passed, the
        decision may rest on facts that no longer hold.""",
        bad=_decision(extra="review_by: 2026-01-31\n"),
        good=_decision(extra="review_by: 2999-01-31\n"),
    ),
    Rule(
        "decision.stale-proposal",
        "warning",
        "A decision has been proposed for too long.",
        why="""A proposal left open for months blocks the work that waits on it; decide it or
        reject it (decisions.max_proposed_days, 30 by default).""",
        bad=_decision(status="proposed", outcome="", date="2025-01-10"),
        good=_decision(),
    ),
    Rule(
        "decision.superseded-early",
        "error",
        "A decision is marked superseded by one that is not accepted.",
        why="""Superseding takes effect when the new decision is accepted; until then the old
        one is still in force, and a successor that is rejected never replaces it.""",
        bad=_decision(status="superseded", extra="superseded_by: 2\n")
        + _next(status="proposed", outcome="", extra="supersedes: [1]\n"),
        good=_decision() + _next(status="proposed", outcome="", extra="supersedes: [1]\n"),
    ),
    Rule(
        "decision.no-consequences",
        "warning",
        "An accepted decision records no consequences (good, bad or neutral).",
        why="""Nygard asks a record to list all its consequences, positive, negative and
        neutral; an accepted decision with none was not thought through, or not written down.""",
        bad=_decision(),
        good=_decision(extra="consequences: {good: [lower cost]}\n"),
    ),
]

FILE_NAME = re.compile(r"^(\d{4})-[\w.-]+$")
"""Decision files are `NNNN-slug.yaml`."""
LIVE = (Status.PROPOSED, Status.ACCEPTED)


def today() -> dt.date:
    """The date reviews and proposals are judged against (a function so tests can fix it)."""
    return dt.date.today()


def _model(parsed: Parsed) -> Decision:
    assert isinstance(parsed.model, Decision)
    return parsed.model


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """The rules one decision file can break on its own (its people: `refs.*`)."""
    d = _model(parsed)
    match = FILE_NAME.match(parsed.path.stem)
    if match is None or int(match[1]) != d.number:
        want = f"{d.number:04d}-<slug>.yaml"
        yield error(
            "decision.number-mismatch",
            ("number",),
            f"number {d.number} does not match the file name {parsed.path.name!r}; "
            f"name the file {want} or fix the number",
        )
    yield from _lifecycle(d)
    yield from _outcome(d)
    yield from _staleness(d, workspace.config.decisions.max_proposed_days)


def _lifecycle(d: Decision) -> Iterator[Finding]:
    if d.status is Status.SUPERSEDED and not d.superseded_by:
        yield error(
            "decision.superseded-without-link",
            ("status",),
            "status is superseded but `superseded_by` is missing; add the number of the "
            "decision that replaced this one",
        )
    if d.superseded_by and d.status is not Status.SUPERSEDED:
        yield error(
            "decision.link-without-status",
            ("superseded_by",),
            f"`superseded_by: {_numbers(d.superseded_by)}` but status is {d.status.value}; set "
            "`status: superseded`",
        )
    for field in ("supersedes", "superseded_by", "amends", "amended_by"):
        for i, n in enumerate(getattr(d, field)):
            if n == d.number:
                yield error(
                    "decision.link-invalid",
                    (field, i),
                    f"a decision cannot be in its own `{field}`",
                )
    if d.status is Status.ACCEPTED and not (
        d.consequences.good or d.consequences.bad or d.consequences.neutral
    ):
        yield warning(
            "decision.no-consequences",
            ("status",),
            "accepted, but no `consequences:` are recorded; list what follows from it "
            "(good, bad, neutral)",
        )


def _numbers(numbers: list[int]) -> str:
    return str(numbers[0]) if len(numbers) == 1 else str(numbers)


def _outcome(d: Decision) -> Iterator[Finding]:
    names = [o.name for o in d.options]
    if d.outcome is not None and d.outcome.chosen not in names:
        listed = ", ".join(repr(n) for n in names) or "none recorded"
        yield error(
            "decision.unknown-option",
            ("outcome", "chosen"),
            f"chosen option {d.outcome.chosen!r} is not one of the options ({listed})",
        )
    if d.status is Status.ACCEPTED and d.outcome is None:
        yield error(
            "decision.missing-outcome",
            ("status",),
            "an accepted decision needs an `outcome:` with `chosen` and `rationale`",
        )


def _staleness(d: Decision, max_days: int) -> Iterator[Finding]:
    now = today()
    if d.review_by is not None and d.review_by < now and d.status in LIVE:
        yield warning(
            "decision.review-overdue",
            ("review_by",),
            f"review was due on {d.review_by.isoformat()}; review the decision and set a new "
            "`review_by`, or change its status",
        )
    age = (now - d.date).days
    if d.status is Status.PROPOSED and age > max_days:
        yield warning(
            "decision.stale-proposal",
            ("status",),
            f"proposed {age} days ago (limit {max_days}, `decisions.max_proposed_days`); "
            "decide it, or reject it",
        )


def check_folders(workspace: Workspace) -> Iterator[Finding]:
    """Across the decisions of each folder: unique numbers, links that exist and agree."""
    folders: dict[Path, list[Parsed]] = {}
    for parsed in workspace.of_kind("decision"):
        folders.setdefault(parsed.path.parent, []).append(parsed)
    for files in folders.values():
        yield from _folder(files)


TOOK_EFFECT = (Status.ACCEPTED, Status.DEPRECATED, Status.SUPERSEDED)
"""Statuses of a decision that has been accepted (and so replaced or amended what it names)."""
LINKS = (("supersedes", "superseded_by"), ("amends", "amended_by"))


def _folder(files: list[Parsed]) -> Iterator[Finding]:
    by_number: dict[int, Parsed] = {}
    for parsed in files:
        d = _model(parsed)
        if d.number in by_number:
            first = by_number[d.number].path.name
            yield _at(
                parsed,
                error(
                    "decision.duplicate-number",
                    ("number",),
                    f"number {d.number} is also used by {first}; numbers are never reused: "
                    "`stakecli new decision` picks the next one",
                ),
            )
        else:
            by_number[d.number] = parsed
    for parsed in files:
        for forward, backward in LINKS:
            yield from (_at(parsed, f) for f in _links(parsed, by_number, forward, backward))


def _links(
    parsed: Parsed, by_number: dict[int, Parsed], forward: str, backward: str
) -> Iterator[Finding]:
    """`forward` links (supersedes, amends) and their mirrors (superseded_by, amended_by)."""
    d = _model(parsed)
    for i, n in enumerate(getattr(d, forward)):
        other = by_number.get(n)
        if n == d.number:
            continue
        if other is None:
            yield error("decision.link-invalid", (forward, i), f"no decision {n} in this folder")
        elif d.status in TOOK_EFFECT and d.number not in getattr(_model(other), backward):
            yield error(
                "decision.link-one-way",
                (forward, i),
                f"this decision {forward} {n}, but {other.path.name} does not say "
                f"`{backward}: {d.number}`; `stakecli decision status {d.number} accepted` "
                "links both",
            )
    for i, n in enumerate(getattr(d, backward)):
        newer = by_number.get(n)
        if n == d.number:
            continue
        if newer is None:
            yield error("decision.link-invalid", (backward, i), f"no decision {n} in this folder")
        elif d.number not in getattr(_model(newer), forward):
            yield error(
                "decision.link-one-way",
                (backward, i),
                f"{backward.replace('_', ' ')} {n}, but {newer.path.name} does not list "
                f"{d.number} in `{forward}`",
            )
        elif forward == "supersedes" and _model(newer).status not in TOOK_EFFECT:
            yield error(
                "decision.superseded-early",
                (backward, i),
                f"superseded by {n}, which is {_model(newer).status.value}: the old decision "
                f"stays in force until {n} is accepted; set this one back to accepted",
            )


def _at(parsed: Parsed, finding: Finding) -> Finding:
    from dataclasses import replace

    return replace(finding, path=str(parsed.path))
