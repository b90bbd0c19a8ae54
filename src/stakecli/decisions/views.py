"""Documents from decision records: the memo, an external notice, and the folder's index."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from stakecli.core.documents import DocumentSpec
from stakecli.core.project import Parsed, Workspace
from stakecli.decisions.model import Decision
from stakecli.stakeholders.people import persons, register

TYPE_LABELS = {
    "one-way": "One-way door (hard to reverse: decide slowly, consult widely)",
    "two-way": "Two-way door (reversible: decide fast, small group)",
}


def _decision(parsed: Parsed) -> Decision:
    model = parsed.model
    assert isinstance(model, Decision)
    return model


def siblings(parsed: Parsed, workspace: Workspace) -> dict[int, Parsed]:
    """The decisions in the same folder as `parsed`, by number (first file wins)."""
    found: dict[int, Parsed] = {}
    for other in workspace.of_kind("decision"):
        if other.path.parent == parsed.path.parent:
            found.setdefault(_decision(other).number, other)
    return found


MEMO_FILE = "{stem}.decision-memo.internal.md"
NOTICE_FILE = "{stem}.decision-notice.md"
"""File names of the memo (internal) and notice (external), as `publishing.file_name` makes."""


def reference(number: int, folder: dict[int, Parsed], target: str = MEMO_FILE) -> dict[str, Any]:
    """A link to decision `number` (its memo, or `target`, in the same output folder)."""
    other = folder.get(number)
    label = f"{number:04d}"
    if other is None:
        return {"number": label, "title": None, "link": None}
    return {
        "number": label,
        "title": _decision(other).title,
        "link": quote(target.format(stem=other.path.stem)),
    }


def raci_row(ref: str | None, parsed: Parsed, workspace: Workspace) -> str | None:
    """The name of the RACI row a decision points at (the reference when it names none)."""
    if ref is None:
        return None
    from stakecli.raci import refs
    from stakecli.stakeholders import scope

    matrices = refs.matrices_of(
        (p.path, p.model) for p in scope.files(workspace, "raci", parsed.path)
    )
    found = refs.resolve(ref, parsed.path, matrices)
    return ref if isinstance(found, str) else found[1].name


def memo(parsed: Parsed, workspace: Workspace, *, external: bool = False) -> dict[str, Any]:
    """Everything the decision memo shows (the external notice uses a subset)."""
    d = _decision(parsed)
    people = register(workspace, parsed.path)
    folder = siblings(parsed, workspace)
    chosen = d.outcome.chosen if d.outcome else None
    return {
        "decision": d,
        "number": f"{d.number:04d}",
        "title": d.title,
        "status": d.status.value,
        "date": d.date.isoformat(),
        "review_by": d.review_by.isoformat() if d.review_by else None,
        "decision_type": TYPE_LABELS[d.decision_type.value] if d.decision_type else None,
        "deciders": persons(d.deciders, people, external=external),
        "consulted": persons(d.consulted, people, external=external),
        "informed": persons(d.informed, people, external=external),
        "raci": raci_row(d.raci, parsed, workspace),
        "context": d.context,
        "stances": [
            {"who": persons([s.stakeholder], people, external=False)[0], **s.model_dump()}
            for s in d.stances
        ],
        "drivers": d.drivers,
        "options": [
            {**o.model_dump(), "chosen": o.name == chosen, "anchor": f"option-{i + 1}"}
            for i, o in enumerate(d.options)
        ],
        "outcome": d.outcome.model_dump() if d.outcome else None,
        "consequences": d.consequences.model_dump(),
        "supersedes": [reference(n, folder) for n in d.supersedes],
        "superseded_by": reference(d.superseded_by[0], folder) if d.superseded_by else None,
        "successors": [reference(n, folder) for n in d.superseded_by],
        "amends": [reference(n, folder) for n in d.amends],
        "amended_by": [reference(n, folder) for n in d.amended_by],
        "tags": d.tags,
        "source": parsed.path.name,
    }


def notice(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """The decision as announced outside: outcome, consequences and who decided."""
    full = memo(parsed, workspace, external=True)
    keep = ("decision", "number", "title", "status", "date", "deciders", "outcome")
    d = _decision(parsed)
    folder = siblings(parsed, workspace)
    return {  # an external notice links to the other notices, never to an internal memo
        **{k: full[k] for k in keep},
        "consequences": full["consequences"],
        "supersedes": [reference(n, folder, NOTICE_FILE) for n in d.supersedes],
        "superseded_by": (
            reference(d.superseded_by[0], folder, NOTICE_FILE) if d.superseded_by else None
        ),
        "successors": [reference(n, folder, NOTICE_FILE) for n in d.superseded_by],
    }


def index(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """Every decision in the folder of `parsed`, by number, with links between them."""
    folder = siblings(parsed, workspace)
    rows = []
    for number in sorted(folder):
        d = _decision(folder[number])
        rows.append(
            {
                **reference(number, folder),
                "status": d.status.value,
                "date": d.date.isoformat(),
                "superseded_by": (
                    reference(d.superseded_by[0], folder) if d.superseded_by else None
                ),
                "successors": [reference(n, folder) for n in d.superseded_by],
                "chosen": d.outcome.chosen if d.outcome else None,
            }
        )
    edges = [
        {"old": f"{n:04d}", "new": f"{new:04d}"}
        for n in sorted(folder)
        for new in _decision(folder[n]).superseded_by
    ]
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    summary = " · ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    return {"decisions": rows, "edges": edges, "counts": sorted(counts.items()), "summary": summary}


SPECS = [
    DocumentSpec("decision-memo", "decision", "decision.md.j2", "internal", memo),
    DocumentSpec("decision-notice", "decision", "decision-notice.md.j2", "external", notice),
    DocumentSpec("decisions", "decision", "decisions.md.j2", "internal", index, collective=True),
]
"""The decision documents (the memo follows MADR 4; see docs/documents.md)."""
