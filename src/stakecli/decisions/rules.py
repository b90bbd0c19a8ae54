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

RULES = [
    Rule("decision.number-mismatch", "error", "`number` differs from the NNNN- of the file name."),
    Rule("decision.duplicate-number", "error", "Two decisions in one folder share a number."),
    Rule(
        "decision.superseded-without-link",
        "error",
        "A superseded decision does not say `superseded_by`.",
    ),
    Rule(
        "decision.link-without-status",
        "error",
        "A decision with `superseded_by` does not have status superseded.",
    ),
    Rule("decision.link-invalid", "error", "A supersedes link names itself or no decision."),
    Rule("decision.link-one-way", "error", "A supersedes link is not mirrored by superseded_by."),
    Rule("decision.unknown-option", "error", "The chosen option is not one of the options."),
    Rule("decision.missing-outcome", "error", "An accepted decision records no outcome."),
    Rule("decision.review-overdue", "warning", "The review-by date of a live decision has passed."),
    Rule("decision.stale-proposal", "warning", "A decision has been proposed for too long."),
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
    if d.status is Status.SUPERSEDED and d.superseded_by is None:
        yield error(
            "decision.superseded-without-link",
            ("status",),
            "status is superseded but `superseded_by` is missing; add the number of the "
            "decision that replaced this one",
        )
    if d.superseded_by is not None and d.status is not Status.SUPERSEDED:
        yield error(
            "decision.link-without-status",
            ("superseded_by",),
            f"`superseded_by: {d.superseded_by}` but status is {d.status.value}; set "
            "`status: superseded`",
        )
    if d.superseded_by == d.number:
        yield error(
            "decision.link-invalid", ("superseded_by",), "a decision cannot supersede itself"
        )
    for i, n in enumerate(d.supersedes):
        if n == d.number:
            yield error(
                "decision.link-invalid", ("supersedes", i), "a decision cannot supersede itself"
            )


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
        d = _model(parsed)
        for i, n in enumerate(d.supersedes):
            other = by_number.get(n)
            if other is None and n != d.number:
                yield _at(
                    parsed,
                    error(
                        "decision.link-invalid",
                        ("supersedes", i),
                        f"no decision {n} in this folder",
                    ),
                )
            elif other is not None and n != d.number and _model(other).superseded_by != d.number:
                yield _at(
                    parsed,
                    error(
                        "decision.link-one-way",
                        ("supersedes", i),
                        f"this decision supersedes {n}, but {other.path.name} does not say "
                        f"`superseded_by: {d.number}`",
                    ),
                )
        if d.superseded_by is not None and d.superseded_by != d.number:
            newer = by_number.get(d.superseded_by)
            if newer is None:
                yield _at(
                    parsed,
                    error(
                        "decision.link-invalid",
                        ("superseded_by",),
                        f"no decision {d.superseded_by} in this folder",
                    ),
                )
            elif d.number not in _model(newer).supersedes:
                yield _at(
                    parsed,
                    error(
                        "decision.link-one-way",
                        ("superseded_by",),
                        f"superseded by {d.superseded_by}, but {newer.path.name} does not list "
                        f"{d.number} in `supersedes`",
                    ),
                )


def _at(parsed: Parsed, finding: Finding) -> Finding:
    from dataclasses import replace

    return replace(finding, path=str(parsed.path))
