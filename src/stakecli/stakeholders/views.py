"""Contexts of the stakeholder documents: the internal map and the external list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Any

from stakecli.core.documents import DocumentSpec
from stakecli.core.project import Parsed, Workspace
from stakecli.core.quadrant import layout, quadrant_titles
from stakecli.core.rendering import Safe, md_cells, md_text
from stakecli.stakeholders.attention import Assessment, Settings, circle_priorities, rank
from stakecli.stakeholders.grid import CIRCLE_TOP, Quadrant, circle_ratings
from stakecli.stakeholders.model import SCALE, Engagement, Register
from stakecli.stakeholders.salience import GROUP_BY_COUNT, Group, classify, group_of

GROUP_ORDER = (Group.DEFINITIVE, Group.EXPECTANT, Group.LATENT, Group.NONE)
GROUP_TITLES = {
    Group.DEFINITIVE: "Definitive (3 attributes)",
    Group.EXPECTANT: "Expectant (2 attributes)",
    Group.LATENT: "Latent (1 attribute)",
    Group.NONE: "Non-stakeholders (0 attributes)",
}
GROUP_PLURALS = {
    Group.DEFINITIVE: "definitive",
    Group.EXPECTANT: "expectant",
    Group.LATENT: "latent",
    Group.NONE: "non-stakeholders",
}
QUADRANT_NUMBER = {
    Quadrant.KEY_PLAYERS: 1,
    Quadrant.KEEP_SATISFIED: 2,
    Quadrant.MINIMAL_EFFORT: 3,
    Quadrant.KEEP_INFORMED: 4,
}
"""Mermaid numbers quadrants 1 top-right, 2 top-left, 3 bottom-left, 4 bottom-right."""


def engagement_text(a: Assessment) -> str:
    """`resistant → supportive`, or an em dash when engagement is not assessed."""
    return _engagement_labels(a.current, a.desired, a.gap)[0]


def gap_text(a: Assessment) -> str:
    """`+2`, `0`, or `-1 (over-engaged)`."""
    return _engagement_labels(a.current, a.desired, a.gap)[1]


@cache
def _engagement_labels(
    current: Engagement | None, desired: Engagement | None, gap: int
) -> tuple[str, str]:
    """`engagement_text` and `gap_text` (a register repeats a few dozen combinations)."""
    text = f"{current.value} → {desired.value}" if current and desired else "—"
    if current is None:
        return text, "—"
    return text, f"{gap:+d} (over-engaged)" if gap < 0 else (f"{gap:+d}" if gap else "0")


def axis(score: int, cutoff: int) -> float:
    """Place a 1-5 score on a 0..1 chart axis so that the cut-off falls on the midline.

    Low scores (1..cutoff) spread over 0.15..0.4 and high ones over 0.65..0.9.
    """
    low, high = SCALE
    if score <= cutoff:
        span = min(cutoff, high) - low
        return 0.15 + 0.25 * (score - low) / span if span > 0 else 0.275
    span = high - max(cutoff + 1, low)
    return 0.65 + 0.25 * (score - max(cutoff + 1, low)) / span if span > 0 else 0.775


def points(shown: Sequence[Assessment], cutoff: int) -> list[dict[str, str]]:
    """Quadrant chart points (x = interest, y = power), moved apart so no names overlap.

    Points stay on their side of both midlines; the most urgent stakeholders move least.
    """
    exact = [
        (
            a.stakeholder.name,
            axis(a.stakeholder.interest, cutoff),
            axis(a.stakeholder.power, cutoff),
        )
        for a in shown
    ]
    titles = {n: q.strategy.label for q, n in QUADRANT_NUMBER.items()}
    return layout(exact, keep_sides=True, reserved=quadrant_titles(titles))


def row(a: Assessment) -> dict[str, Any]:
    """One table row: display strings, escaped by the template."""
    s = a.stakeholder
    cls, group, quadrant, strategy, engagement, gap = row_labels(a)
    return {
        "rank": a.rank,
        "id": Safe(s.id),  # the model's pattern allows only [A-Za-z0-9_.-]: safe in a code span
        "name": s.name,
        "side": s.side.value,
        "cls": cls,
        "group": group,
        "quadrant": quadrant,
        "strategy": strategy,
        "engagement": engagement,
        "gap": gap,
        "circle": circle_text(a),
        "hidden": s.hidden,
    }


LABEL_KEYS = ("cls", "group", "quadrant", "strategy", "engagement", "gap")
"""The keys of `row` that `row_labels` gives, in its order."""


def row_labels(a: Assessment) -> tuple[str, str, str, str, str, str]:
    """`row(a)`'s class, group, quadrant, strategy, engagement and gap (shared by many rows)."""
    return _labels(*_label_key(a))


def _label_key(a: Assessment) -> tuple[Any, ...]:
    """What `row_labels` depends on: the attributes present, quadrant, engagement and gap."""
    sal, eng = a.salience, a.stakeholder.engagement
    current, desired = (None, None) if eng is None else (eng.current, eng.desired)
    return sal.power, sal.legitimacy, sal.urgency, a.quadrant, current, desired, a.gap


@cache
def _labels(
    power: bool,
    legitimacy: bool,
    urgency: bool,
    quadrant: Quadrant,
    current: Engagement | None,
    desired: Engagement | None,
    gap: int,
) -> tuple[str, str, str, str, str, str]:
    cls = classify(power, legitimacy, urgency)
    grid_labels = cls.label, group_of(cls).label, quadrant.label, quadrant.strategy.label
    return *grid_labels, *_engagement_labels(current, desired, gap)


def circle_text(a: Assessment) -> str:
    """`row(a)`'s Circle-style index: two decimals, or a dash."""
    return "—" if a.circle is None else f"{a.circle:.2f}"


class Rows:
    """`row(a)` of each assessment, built when a template first reads them.

    The built-in map prints `attention_rows` instead; a user's template that loops over
    `rows` gets the same rows as before.
    """

    __slots__ = ("_assessments", "_rows")

    def __init__(self, assessments: Sequence[Assessment]) -> None:
        self._assessments = assessments
        self._rows: list[dict[str, Any]] | None = None

    def _built(self) -> list[dict[str, Any]]:
        if self._rows is None:
            self._rows = [row(a) for a in self._assessments]
        return self._rows

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._assessments)

    def __getitem__(self, index: int) -> dict[str, Any]:
        return self._built()[index]


def attention_rows(ranked: Sequence[Assessment], *, circle: bool) -> Safe:
    """The rows of the map's attention table as Markdown, each line ending in a newline.

    What the template's loop over `rows` wrote, escaped the same way (`cell` for the name,
    the default escape for the rest), built here: 10,000 rows through the sandbox took most
    of a big map's rendering.
    """
    cells = md_cells([a.stakeholder.name for a in ranked])
    middles: dict[tuple[Any, ...], str] = {}
    lines = []
    for a, name in zip(ranked, cells, strict=True):
        key = _label_key(a)
        middle = middles.get(key)
        if middle is None:
            middle = middles[key] = _middle(_labels(*key))
        hidden = " (hidden)" if a.stakeholder.hidden else ""
        extra = f" {_escaped(circle_text(a))} |" if circle else ""
        lines.append(f"| {a.rank} | {name}{hidden} | {middle} |{extra}\n")
    return Safe("".join(lines))


@cache
def _middle(labels: tuple[str, ...]) -> str:
    """The labels of a row, escaped, between its name and its end (a few dozen differ)."""
    return " | ".join(md_text(label) for label in labels)


@cache
def _escaped(text: str) -> str:
    return md_text(text)


def _by_rank(a: Assessment) -> int:
    return a.rank


def map_context(
    register: Register,
    assessments: Sequence[Assessment],
    settings: Settings,
    *,
    limit: int = 40,
    subset: str | None = None,
) -> dict[str, Any]:
    """Everything `stakeholder-map.md.j2` shows, for the given (ranked, filtered) list.

    `subset` names the part of the register shown (`internal stakeholders`...), if not all.
    """
    ranked = sorted(assessments, key=_by_rank)
    shown = ranked[:limit]
    node = {a.id: Safe(f"s{i}") for i, a in enumerate(shown, start=1)}
    circle = circle_rows(assessments)
    return {
        "title": register.title or "Stakeholder map",
        "threshold": settings.threshold,
        "cutoff": settings.cutoff,
        "total": len(assessments),
        "shown": len(shown),
        "rows": Rows(ranked),
        "attention_rows": attention_rows(ranked, circle=bool(circle)),
        "points": points(shown, settings.cutoff),
        "quadrants": {n: q.strategy.label for q, n in QUADRANT_NUMBER.items()},
        "groups": _groups(shown, node),
        "edges": _edges(shown, node),
        "counts": _counts(assessments),
        "circle": circle,
        "circle_top": CIRCLE_TOP,
        "circle_weights": ", ".join(f"{name} {w:g}" for name, w in settings.weights),
        "subset": subset,
        "hidden": [_hidden(a) for a in ranked if a.stakeholder.hidden],
    }


def _groups(shown: Sequence[Assessment], node: dict[str, Safe]) -> list[dict[str, Any]]:
    """The salience groups that have members, in order, each member with its diagram node."""
    groups = [
        {
            "node": Safe(f"g_{g.value.replace('-', '_')}"),
            "title": GROUP_TITLES[g],
            "members": [
                {"node": node[a.id], "label": a.stakeholder.name} for a in shown if a.group is g
            ],
        }
        for g in GROUP_ORDER
    ]
    return [g for g in groups if g["members"]]


def _edges(shown: Sequence[Assessment], node: dict[str, Safe]) -> list[dict[str, Safe]]:
    """Who influences whom among the stakeholders shown, each pair once."""
    return [
        {"source": node[a.id], "target": node[t]}
        for a in shown
        for t in dict.fromkeys(a.stakeholder.influences)
        if t in node
    ]


def _counts(assessments: Sequence[Assessment]) -> dict[str, int]:
    """Stakeholders per non-empty salience group; a group of one is named in the singular.

    The group follows from the number of attributes present, counted once per stakeholder.
    """
    per_count = Counter(a.salience.count for a in assessments)
    sizes = Counter({GROUP_BY_COUNT[c]: n for c, n in per_count.items()})
    return {
        GROUP_PLURALS[g].removesuffix("s") if n == 1 else GROUP_PLURALS[g]: n
        for g in GROUP_ORDER
        if (n := sizes[g])
    }


def _is_hidden(a: Assessment) -> bool:
    return a.stakeholder.hidden


def _hidden(a: Assessment) -> dict[str, Any]:
    """Where a hidden stakeholder was found, for the map's hidden-stakeholder table."""
    s, found = a.stakeholder, a.stakeholder.discovered
    return {
        "id": Safe(s.id),
        "name": s.name,
        "method": found.method if found else None,
        "source": (found.source or found.interview) if found else None,
        "stage": found.journey_stage if found else None,
        "visibility": found.visibility.value if found and found.visibility else None,
    }


def circle_rows(assessments: Sequence[Assessment]) -> list[dict[str, Any]]:
    """The Circle's top stakeholders, priority 1 first: ratings, index, and the pie slice."""
    out = []
    for priority, a in enumerate(circle_priorities(assessments), start=1):
        rated = circle_ratings(a.stakeholder)
        assert rated is not None
        assert a.circle is not None
        out.append(
            {
                "priority": priority,
                "id": Safe(a.id),
                "name": a.stakeholder.name,
                "power": rated[0],
                "proximity": rated[1],
                "urgency": rated[2],
                "index": f"{a.circle:.2f}",
                # Mermaid pie values: a positive number; four decimals keep every slice apart.
                "slice": Safe(f"{a.circle:.4f}"),
            }
        )
    return out


def changes_context(labels: dict[str, str], changes: dict[str, Any]) -> dict[str, Any]:
    """The context of `stakeholder-changes.md.j2`: ids marked safe for their code spans."""
    marked = {
        key: [{**item, "id": Safe(item["id"])} for item in items] for key, items in changes.items()
    }
    return {**labels, **marked, "empty": not any(changes.values())}


def list_context(register: Register) -> dict[str, Any]:
    """The external list: names, roles and organisations of non-confidential entries only."""
    people = sorted(
        (s for s in register.stakeholders if not s.confidential),
        key=lambda s: (s.name.casefold(), s.id),
    )
    return {
        "title": register.title or "Stakeholders",
        "rows": [{"name": s.name, "role": s.role, "organisation": s.organisation} for s in people],
    }


_RANKED: list[tuple[Register, Settings, list[Assessment]]] = []
"""The last register ranked by `ranked` (registers are immutable)."""


def ranked(register: Register, settings: Settings) -> list[Assessment]:
    """`rank(register.stakeholders, settings)`, computed once for the maps of one register.

    Rendering a register writes its map and the internal, external and hidden maps; each is
    drawn from the same ranking.
    """
    for model, given, result in _RANKED:
        if model is register and given == settings:
            return list(result)
    result = rank(register.stakeholders, settings)
    _RANKED[:] = [(register, settings, result)]
    return list(result)


def map_document(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """DocumentSpec context of `stakeholder-map` (audience: internal)."""
    register = parsed.model
    assert isinstance(register, Register)
    settings = Settings.from_config(workspace.config)
    limit = workspace.config.grid.diagram_limit
    return map_context(register, ranked(register, settings), settings, limit=limit)


def _is_internal(a: Assessment) -> bool:
    return a.stakeholder.side.value == "internal"


def _is_external(a: Assessment) -> bool:
    return a.stakeholder.side.value == "external"


SUBSETS: dict[str, tuple[str, Callable[[Assessment], bool]]] = {
    "internal-map": ("internal stakeholders", _is_internal),
    "external-map": ("external stakeholders", _is_external),
    "hidden-map": ("hidden stakeholders", _is_hidden),
}
"""The partial maps: which stakeholders each shows."""


def subset_document(name: str) -> Callable[[Parsed, Workspace], dict[str, Any]]:
    """The DocumentSpec context of one partial map (`internal-map`, ...)."""
    label, keep = SUBSETS[name]

    def context(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
        register = parsed.model
        assert isinstance(register, Register)
        settings = Settings.from_config(workspace.config)
        chosen = [a for a in ranked(register, settings) if keep(a)]
        limit = workspace.config.grid.diagram_limit
        return map_context(register, chosen, settings, limit=limit, subset=label)

    return context


def list_document(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """DocumentSpec context of `stakeholder-list` (audience: external)."""
    register = parsed.model
    assert isinstance(register, Register)
    return list_context(register)


SPECS = [
    DocumentSpec(
        "stakeholder-map", "stakeholders", "stakeholder-map.md.j2", "internal", map_document
    ),
    DocumentSpec(
        "stakeholder-list", "stakeholders", "stakeholder-list.md.j2", "external", list_document
    ),
    *(
        DocumentSpec(
            name, "stakeholders", "stakeholder-map.md.j2", "internal", subset_document(name)
        )
        for name in SUBSETS
    ),
]
"""The stakeholder documents (see docs/stakeholders.md)."""
