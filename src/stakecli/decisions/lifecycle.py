"""The decision lifecycle: which status changes are allowed, what they change, who must hear.

    proposed -> accepted | rejected     accepted -> deprecated     rejected -> proposed
    accepted -> superseded: only by accepting a decision that `supersedes` it

Accepting a decision flips every accepted (or deprecated) decision it `supersedes` to
`superseded` with `superseded_by` (several successors are listed, not replaced), and records
`amended_by` on the ones it `amends`, which stay in force. Files are edited line by line:
every byte outside the changed lines is kept (`log.edit`).

Who must hear (no ADR tool knows this): the C and I holders of the decision's RACI row, the
consulted and informed of the record itself, and the comms-plan rows whose audience covers
one of its deciders (docs/documents.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stakecli.core.errors import UsageError
from stakecli.core.project import Workspace
from stakecli.decisions import log
from stakecli.decisions.model import Decision, Status

ALLOWED: dict[Status, tuple[Status, ...]] = {
    Status.PROPOSED: (Status.ACCEPTED, Status.REJECTED),
    Status.ACCEPTED: (Status.DEPRECATED,),
    Status.REJECTED: (Status.PROPOSED,),
    Status.DEPRECATED: (),
    Status.SUPERSEDED: (),
}
IN_FORCE = (Status.ACCEPTED, Status.DEPRECATED)


@dataclass(frozen=True, slots=True)
class Change:
    """One file's status change."""

    path: Path
    number: int
    old: str
    new: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Listener:
    """Someone who must hear about a change, and why."""

    who: str
    why: str


def load(folder: Path) -> dict[int, tuple[Path, Decision]]:
    """Every decision of a log folder by number; an invalid one stops with its first problem."""
    from pydantic import ValidationError

    from stakecli.core import schema_errors
    from stakecli.core.loading import Document
    from stakecli.core.loading import load as load_yaml

    found: dict[int, tuple[Path, Decision]] = {}
    for number, path in log.numbered(folder).items():
        doc = load_yaml(path)
        if not isinstance(doc, Document):
            raise UsageError(f"{path}:{doc.line}: {doc.message}; run `stakecli validate {path}`")
        try:
            found[number] = (path, Decision.model_validate(doc.data))
        except ValidationError as exc:
            first = next(iter(schema_errors.findings(exc, Decision, doc.data)))
            at = doc.position(first.loc)
            where = f"{path}:{at.line}" if at else str(path)
            raise UsageError(f"{where}: {first.message}; run `stakecli validate {path}`") from None
    return found


def set_status(base: Path, number: int, status: Status, today: dt.date) -> list[Change]:
    """Move decision `number` to `status`, with what that implies for the decisions it links."""
    folder = log.folder_for(base)
    log_ = load(folder)
    if number not in log_:
        raise UsageError(f"no decision {number} in {folder}")
    path, d = log_[number]
    _check_move(d, status)
    edits: dict[Path, dict[str, str]] = {path: {"status": status.value, "date": today.isoformat()}}
    changes = [Change(path, number, d.status.value, status.value)]
    if status is Status.ACCEPTED:
        changes += _supersede(d, log_, edits, today)
        _amend(d, log_, edits)
    for target, values in edits.items():
        text = target.read_bytes().decode("utf-8")  # as it is: CRLF lines stay CRLF
        log.write_text(target, log.edit(text, values, after="status"))
    return changes


def _check_move(d: Decision, status: Status) -> None:
    if status is d.status:
        raise UsageError(f"decision {d.number} is already {status.value}")
    if status is Status.SUPERSEDED:
        raise UsageError(
            f"a decision is superseded when its successor is accepted: create one with "
            f"`stakecli new decision TITLE --supersedes {d.number}`, then accept it"
        )
    if status not in ALLOWED[d.status]:
        allowed = ", ".join(s.value for s in ALLOWED[d.status]) or "nothing (it is final)"
        raise UsageError(
            f"decision {d.number} is {d.status.value}; it can become {allowed}, not {status.value}"
        )
    if status is Status.ACCEPTED and d.outcome is None:
        raise UsageError(
            f"decision {d.number} has no `outcome:`; record the chosen option and why first"
        )


def _supersede(
    d: Decision,
    log_: dict[int, tuple[Path, Decision]],
    edits: dict[Path, dict[str, str]],
    today: dt.date,
) -> Iterator[Change]:
    for n in d.supersedes:
        if n not in log_:
            raise UsageError(f"decision {d.number} supersedes {n}, which is not in the folder")
        path, old = log_[n]
        if old.status not in IN_FORCE and old.status is not Status.SUPERSEDED:
            yield Change(path, n, old.status.value, old.status.value, "not in force: unchanged")
            continue
        successors = sorted({*old.superseded_by, d.number})
        edits[path] = {
            "status": Status.SUPERSEDED.value,
            "superseded_by": log.numbers_text(successors),
            "date": today.isoformat(),
        }
        yield Change(path, n, old.status.value, "superseded", f"by {log.numbers_text(successors)}")


def _amend(
    d: Decision, log_: dict[int, tuple[Path, Decision]], edits: dict[Path, dict[str, str]]
) -> None:
    for n in d.amends:
        if n not in log_:
            raise UsageError(f"decision {d.number} amends {n}, which is not in the folder")
        path, old = log_[n]
        if d.number not in old.amended_by:
            edits.setdefault(path, {})["amended_by"] = log.numbers_text(
                sorted({*old.amended_by, d.number})
            )


def listeners(d: Decision, path: Path, workspace: Workspace) -> list[Listener]:
    """Who must hear about a change of `d`, each once, in a stable order."""
    found: dict[str, list[str]] = {}
    for who, why in _raci(d, path, workspace):
        found.setdefault(who, []).append(why)
    for field, label in (("consulted", "consulted"), ("informed", "informed")):
        for who in getattr(d, field):
            found.setdefault(who, []).append(f"{label} on the record")
    for who, why in _comms(d, path, workspace):
        found.setdefault(who, []).append(why)
    return [Listener(who, "; ".join(dict.fromkeys(whys))) for who, whys in found.items()]


def _raci(d: Decision, path: Path, workspace: Workspace) -> Iterator[tuple[str, str]]:
    from stakecli.raci import refs
    from stakecli.stakeholders import scope

    if d.raci is None:
        return
    matrices = refs.matrices_of((p.path, p.model) for p in scope.files(workspace, "raci", path))
    found = refs.resolve(d.raci, path, matrices)
    if isinstance(found, str):
        return
    model, row = found
    for participant, cell in row.assign.items():
        letters = {c for c in str(cell).upper() if c.isalpha()}
        for letter in sorted(letters & {"C", "I"}):
            for person in model.people(participant):
                yield person, f"{letter} in RACI row {row.id!r}"


def _comms(d: Decision, path: Path, workspace: Workspace) -> Iterator[tuple[str, str]]:
    """Comms rows (and ceremonies) whose audience covers a decider: their whole audience."""
    from stakecli.stakeholders import scope

    people = {s.id: s for s in scope.stakeholders(workspace, path)}
    deciders = [people[i] for i in d.deciders if i in people]
    for parsed in scope.files(workspace, "comms", path):
        for row in [*getattr(parsed.model, "communications", []), *_ceremonies(parsed.model)]:
            audience = list(row.audience)
            if any(_reaches(audience, p) for p in deciders):
                for who in _expand(audience, people.values()):
                    yield who, f"audience of comms {row.id!r} ({row.frequency.value})"


def _ceremonies(model: Any) -> list[Any]:
    return list(getattr(model, "ceremonies", []))


def _reaches(audience: list[str], person: Any) -> bool:
    return person.id in audience or any(tag in audience for tag in person.tags)


def _expand(audience: list[str], people: Iterable[Any]) -> list[str]:
    """Audience entries as register ids (a tag is everyone so tagged)."""
    listed = list(people)
    return [p.id for p in listed if _reaches(audience, p)] or audience


def select(
    decisions: Iterable[Decision],
    *,
    statuses: set[str] = frozenset(),  # type: ignore[assignment]
    tags: set[str] = frozenset(),  # type: ignore[assignment]
    decider: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Decision]:
    """The decisions that pass every filter given (each filter's values: any of them), by number."""
    return sorted(
        (
            d
            for d in decisions
            if (not statuses or d.status.value in statuses)
            and (not tags or tags & set(d.tags))
            and (decider is None or decider in d.deciders)
            and (since is None or d.date >= since)
            and (until is None or d.date <= until)
        ),
        key=lambda d: d.number,
    )
