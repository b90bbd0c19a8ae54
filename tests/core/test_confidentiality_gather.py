"""The leak check's one-walk gathering gives what the plain definition over `leaves` gives.

`confidentiality.guard` and `check` gather secrets and public values in one walk and skip the
public side when nothing is worth searching for; the reference below builds the guard the
plain way, from every leaf, and both are compared on every example project, with canaries
planted in each confidential and public field, and on a register with a confidential entry.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from helpers import replaced, with_file
from stakecli import pipeline
from stakecli.core import confidentiality as c
from stakecli.core.config import Config
from stakecli.core.findings import Finding, Severity, dotted
from stakecli.core.project import Parsed, Workspace

FOLDERS = sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and p.name != "mistakes")


def reference_guard(models: list[tuple[str, Any]]) -> c.Guard:
    """The guard by its definition: every leaf of every model, then `searchable`."""
    secret_values: list[c.Secret] = []
    public_texts: list[str] = []
    bases: set[Decimal] = set()
    hidden: set[str] = set()
    ids: set[str] = set()
    for label, model in models:
        walked = c.leaves(model)
        for leaf in walked:
            if leaf.secret:
                if leaf.entry:
                    hidden.add(leaf.value)
                continue
            public_texts.append(str(leaf.value))
            if leaf.loc[-1:] == ("id",) and isinstance(leaf.value, str):
                ids.add(leaf.value)
            number = c.amount(leaf.value)
            if number is not None and abs(number) >= c.MIN_AMOUNT:
                bases.add(abs(number))
        secret_values.extend(
            c.Secret(s.value, f"{label} {s.where}", s.number, s.identity)
            for s in c.secrets(model, found=walked)
        )
    chosen = [
        s
        for s in c.searchable(secret_values, public_texts)
        if s.number is not None or s.value not in ids
    ]
    amounts: dict[Decimal, c.Secret] = {}
    for s in chosen:
        if s.number is not None:
            amounts.setdefault(abs(s.number), s)
    return c.Guard(
        texts=[s for s in chosen if s.number is None and not s.identity],
        amounts=amounts,
        identities=[s for s in chosen if s.identity],
        bases=sorted(bases) if amounts else [],
        hidden=frozenset(hidden),
    )


def reference_check(ws: Workspace) -> list[Finding]:
    guard = reference_guard([(str(f.path), f.model) for f in ws.files])
    if not (guard.texts or guard.amounts):
        return []
    out = []
    for parsed in ws.files:
        texts = [
            leaf
            for leaf in c.leaves(parsed.model)
            if not leaf.secret and isinstance(leaf.value, str) and len(leaf.value) >= 4
        ]
        for leaf, hits in zip(texts, guard.scan_each([t.value for t in texts]), strict=True):
            for hit in hits:
                out.append(
                    Finding(
                        "leak.public-text",
                        Severity.ERROR,
                        f"{dotted(leaf.loc)} is shared with external audiences but holds a "
                        f"confidential value ({c._describe(hit)}); remove it or mark the "
                        "field's entry confidential",
                        path=str(parsed.path),
                        loc=leaf.loc,
                    )
                )
    return out


def same(ws: Workspace) -> int:
    """Assert the two guards and checks agree; the number of findings."""
    models = [(str(f.path), f.model) for f in ws.files]
    got, want = c.guard(models), reference_guard(models)
    assert got.texts == want.texts
    assert got.amounts == want.amounts
    assert got.identities == want.identities
    assert got.bases == want.bases
    assert got.hidden == want.hidden
    found = list(c.check(ws))
    assert found == reference_check(ws)
    return len(found)


def workspace(folder: Path) -> Workspace:
    report = pipeline.run([folder], Config())
    (ws,) = report.workspaces
    return ws


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_the_gathered_guard_is_the_guard_of_every_leaf(folder):
    same(workspace(folder))


def planted(ws: Workspace, plants: list[tuple[int, Any, Any]]) -> Workspace:
    """`ws` with each `(file index, loc, value)` planted."""
    for index, loc, value in plants:
        ws = with_file(ws, index, replaced(ws.files[index].model, tuple(loc), value))
    return ws


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_planted_values_are_found_alike_in_every_field(folder):
    """Each field in turn holds a canary, with a secret (S) and a public text (P) holding it.

    A public field then leaks S, a confidential field leaks into P; amounts likewise.
    """
    ws = workspace(folder)
    every = [(i, leaf) for i, f in enumerate(ws.files) for leaf in c.leaves(f.model)]
    texts = [(i, leaf) for i, leaf in every if type(leaf.value) is str and len(leaf.value) > 8]
    secret = next(((i, leaf.loc) for i, leaf in texts if leaf.secret), None)
    public = next((i, leaf.loc) for i, leaf in texts if not leaf.secret)
    canary, amount = "Zanzibar canary text", 7_654_321
    leaks = 0
    fields: set[tuple[Any, ...]] = set()  # each field of each file once, not each list item
    for index, leaf in every:
        field = (index, *("#" if isinstance(p, int) else p for p in leaf.loc))
        if field in fields or leaf.loc[-1:] == ("id",) or type(leaf.value) not in (str, int):
            continue  # an id planted elsewhere breaks references, not the guard
        fields.add(field)
        value: Any = canary if type(leaf.value) is str else amount
        shown = canary if value == canary else f"about {amount:,} in all"
        for other in (secret, public):
            if other is not None and other != (index, leaf.loc):
                ws_ = planted(ws, [(index, leaf.loc, value), (*other, shown)])
                leaks += same(ws_)
    assert leaks  # the comparison covers findings, not only empty checks


def test_a_register_of_scores_only_needs_no_public_walk(monkeypatch):
    ws = workspace(FOLDERS[0])
    (register,) = [f for f in ws.files if f.kind == "stakeholders"]
    people = [
        p.model_copy(update={"notes": None, "contact": None}) for p in register.model.stakeholders
    ]
    quiet = register.model.model_copy(update={"stakeholders": people})
    calls = []
    real = c._gather

    def spy(model: Any, public: bool = True, **how: bool) -> Any:
        calls.append(public)
        return real(model, public, **how)

    monkeypatch.setattr(c, "_gather", spy)
    only = Workspace(ws.config, [Parsed(register.path, register.kind, register.document, quiet)])
    assert list(c.check(only)) == []
    assert calls == [False]


def test_a_confidential_entry_is_hidden_alike():
    ws = workspace(FOLDERS[0])
    (index,) = [i for i, f in enumerate(ws.files) if f.kind == "stakeholders"]
    register = ws.files[index].model
    person = register.stakeholders[0].model_copy(update={"confidential": True})
    model = register.model_copy(update={"stakeholders": [person, *register.stakeholders[1:]]})
    changed = with_file(ws, index, model)
    same(changed)
    assert person.id in c.guard([(str(f.path), f.model) for f in changed.files]).hidden
