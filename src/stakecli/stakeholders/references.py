"""References across files: every id a file uses resolves to a register of the run.

Any model can take part by defining `references() -> Iterable[tuple[Loc, str]]`: the register
ids it uses, each with the loc where it is used (RACI, charter and scorecard files do; a
negotiation plan or decision memo plugs in the same way). Ids are unique across registers.

The same check resolves ids that point into other kinds: a model's `links()` yields
`(loc, kind, id)` (a hidden stakeholder's `discovered.interview`, say) and the files of
`kind` in the same project say what exists through `anchors()`. A link is checked once the
project holds a file of that kind.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Protocol, runtime_checkable

from stakecli.core.findings import Finding, Loc, error, warning
from stakecli.core.project import Workspace
from stakecli.core.rules import Rule
from stakecli.stakeholders import scope
from stakecli.stakeholders.model import Register

RULES = [
    Rule(
        "refs.unknown-id",
        "error",
        "An id used here is in no stakeholder register of the run.",
        why="""Every file names people by their register id; an id that is in no register
        points at nobody, and the documents rendered from the file would show a stranger.""",
        bad="""
        kind: raci
        version: 1
        rows:
          - {id: launch, name: Launch, assign: {ann: A, benn: R, cy: I}}
        """,
        good="""
        kind: raci
        version: 1
        rows:
          - {id: launch, name: Launch, assign: {ann: A, ben: R, cy: I}}
        """,
    ),
    Rule(
        "refs.no-register",
        "warning",
        "The file uses register ids but the run has no register (validate the whole folder).",
        why="""Without a register in the run, no id in the file can be checked; validating the
        file on its own hides every unknown id. Validate the folder that holds the register.""",
        bad="""
        kind: raci
        version: 1
        rows:
          - {id: launch, name: Launch, assign: {ann: A, ben: R, cy: I}}
        """,
        good="""
        kind: raci
        version: 1
        rows:
          - {id: launch, name: Launch, assign: {ann: A, ben: R, cy: I}}
        # file: stakeholders.yaml
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: ann, name: Ann Lee, side: internal, power: 2, legitimacy: 2, urgency: 2,
             interest: 2}
          - {id: ben, name: Ben Okafor, side: internal, power: 2, legitimacy: 2, urgency: 2,
             interest: 2}
          - {id: cy, name: Cy Park, side: external, power: 2, legitimacy: 2, urgency: 2,
             interest: 2}
        """,
    ),
    Rule(
        "ids.duplicate",
        "error",
        "An id is defined in two registers of the run.",
        why="""Registers of one project share one namespace; an id defined in two of them is
        ambiguous in every file that uses it.""",
        bad="""
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: ann, name: Ann Lee, side: internal, power: 2, legitimacy: 2, urgency: 2,
             interest: 2}
        # file: partners.yaml
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: ann, name: Ann Lindqvist, side: external, power: 2, legitimacy: 2, urgency: 2,
             interest: 2}
        """,
        good="""
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: ann, name: Ann Lee, side: internal, power: 2, legitimacy: 2, urgency: 2,
             interest: 2}
        # file: partners.yaml
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: ann-lindqvist, name: Ann Lindqvist, side: external, power: 2, legitimacy: 2,
             urgency: 2, interest: 2}
        """,
    ),
    Rule(
        "refs.unknown-link",
        "error",
        "An id that points into another kind of file (an interview, a journey stage) names "
        "nothing in the project's files of that kind.",
        why="""A hidden stakeholder whose interview or journey stage cannot be found has lost the
        evidence of why they matter; a review whose ceremony is not in the plan has no agenda.""",
        bad="""
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: pm, name: Pat PM, side: internal, power: 2, legitimacy: 2, urgency: 2, interest: 2}
          - id: dana
            name: Dana Reyes
            side: external
            power: 2
            legitimacy: 2
            urgency: 2
            interest: 2
            hidden: true
            discovered: {method: interview, interview: int-99}
        # file: interviews.yaml
        kind: interviews
        version: 1
        interviews:
          - {id: int-03, date: 2025-03-03, interviewee: pm, interviewers: [pm],
             job: Approving the budget}
        """,
        good="""
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: pm, name: Pat PM, side: internal, power: 2, legitimacy: 2, urgency: 2, interest: 2}
          - id: dana
            name: Dana Reyes
            side: external
            power: 2
            legitimacy: 2
            urgency: 2
            interest: 2
            hidden: true
            discovered: {method: interview, interview: int-03}
        # file: interviews.yaml
        kind: interviews
        version: 1
        interviews:
          - {id: int-03, date: 2025-03-03, interviewee: pm, interviewers: [pm],
             job: Approving the budget}
        """,
    ),
]


@runtime_checkable
class References(Protocol):
    """A model that uses register ids."""

    def references(self) -> Iterable[tuple[Loc, str]]:
        """(loc, register id) for every use."""
        ...  # pragma: no cover - protocol


@runtime_checkable
class Links(Protocol):
    """A model that points at ids other kinds define."""

    def links(self) -> Iterable[tuple[Loc, str, str]]:
        """(loc, kind, id) for every use."""
        ...  # pragma: no cover - protocol


@runtime_checkable
class Anchors(Protocol):
    """A model that defines ids other files may point at."""

    def anchors(self) -> Iterable[str]:
        """The ids (and names) it defines."""
        ...  # pragma: no cover - protocol


def check_links(workspace: Workspace) -> Iterator[Finding]:
    """Links into other kinds resolve within the project folder (the register's)."""
    for parsed in workspace.files:
        if not isinstance(parsed.model, Links):
            continue
        for loc, kind, ident in parsed.model.links():
            targets = scope.files(workspace, kind, parsed.path)
            known = {a for f in targets if isinstance(f.model, Anchors) for a in f.model.anchors()}
            if targets and ident not in known:
                guess = difflib.get_close_matches(ident, sorted(known), n=1)
                hint = f"; did you mean {guess[0]!r}?" if guess else ""
                names = ", ".join(str(f.path.name) for f in targets)
                message = f"{ident!r} is not in this project's {kind} ({names}){hint}"
                finding = error("refs.unknown-link", loc, message)
                yield replace(finding, path=str(parsed.path))


def check(workspace: Workspace) -> Iterator[Finding]:
    """Dangling references in every file, at the place of use."""
    for parsed in workspace.files:
        # callable(): a model may have a *field* named `references` (links, say).
        if not isinstance(parsed.model, References) or not callable(parsed.model.references):
            continue
        uses = list(parsed.model.references())
        if not uses:
            continue
        registers = scope.files(workspace, "stakeholders", parsed.path)
        known = {s.id for s in scope.stakeholders(workspace, parsed.path)}
        if not registers:
            yield replace(_no_register(workspace), path=str(parsed.path))
            continue
        for loc, ident in uses:
            if ident not in known:
                guess = difflib.get_close_matches(ident, sorted(known), n=1)
                hint = f"; did you mean {guess[0]!r}?" if guess else "; add it to the register"
                finding = error("refs.unknown-id", loc, f"{ident!r} is in no register{hint}")
                yield replace(finding, path=str(parsed.path), at_key=loc[-1] == ident)


def _no_register(workspace: Workspace) -> Finding:
    if workspace.registers:
        broken = ", ".join(str(p) for p in workspace.registers)
        return warning(
            "refs.no-register",
            (),
            f"this file uses register ids but its project's register ({broken}) does not load; "
            "fix it first (`stakecli validate` shows why)",
        )
    return warning(
        "refs.no-register",
        (),
        "this file uses register ids but its project has no register: keep a "
        "stakeholders.yaml in this folder or a folder above it (docs/projects.md)",
    )


def check_unique_ids(workspace: Workspace) -> Iterator[Finding]:
    """An id defined by two registers of one project is ambiguous wherever it is used.

    Each project (see `core.projects`) is checked once; registers of different projects
    (one run over several examples) may reuse ids.
    """
    projects = {scope.root(workspace, f.path) for f in workspace.files}
    reported: set[tuple[str, int]] = set()
    for top in sorted(p for p in projects if p is not None):
        first: dict[str, str] = {}
        for parsed in workspace.of_kind("stakeholders"):
            if scope.root(workspace, parsed.path) != top:
                continue
            register = parsed.model
            assert isinstance(register, Register)
            for i, person in enumerate(register.stakeholders):
                where = first.setdefault(person.id, str(parsed.path))
                if where == str(parsed.path) or (str(parsed.path), i) in reported:
                    continue
                reported.add((str(parsed.path), i))
                finding = error(
                    "ids.duplicate",
                    ("stakeholders", i, "id"),
                    f"id {person.id!r} is already defined in {where}; ids must be unique "
                    "across the folder",
                )
                yield replace(finding, path=str(parsed.path))
