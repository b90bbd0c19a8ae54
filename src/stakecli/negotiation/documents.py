"""Contexts of the negotiation documents: brief and debrief (internal), proposal (external)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from stakecli.core.config import NegotiationConfig
from stakecli.core.documents import DocumentSpec
from stakecli.core.project import Parsed, Workspace
from stakecli.core.quadrant import layout
from stakecli.negotiation import record_text, records, text
from stakecli.negotiation import views as data
from stakecli.negotiation.model import Negotiation

QUADRANT_POINTS = 13
"""The Mermaid chart shows at most this many frontier points (evenly spread along it): more
would crowd the chart so much that keeping their labels apart would move them far."""
BRIEF_ROWS = 8
"""Rows of a long package list in the brief; the full lists are in `stakecli frontier -f json`."""


def brief(
    plan: Negotiation,
    *,
    seed: int = 0,
    samples: int = 10_000,
    normalise: bool = False,
    settings: NegotiationConfig | None = None,
    people: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Everything: BATNAs, reservation values, estimates of the other side, packages, team.

    `people` names the register's ids: the brief says who, never an id; figures: `_pictures`.
    """
    cfg = settings or NegotiationConfig()
    names = text.names_of(plan, people)
    summary = data.summary(plan, seed=seed, samples=samples)
    packages = data.package_summary(plan, normalise=normalise, rule=cfg.coalition)
    history = records.offer_data(plan, silence_days=cfg.silence_days)
    prep = records.preparation(plan, cfg.questions)
    return {
        "title": plan.title,
        "context": plan.context,
        "currency": plan.currency,
        "headline": text.headline(summary, names),
        "parties": _parties(plan, names),
        "tables": _tables(summary, packages, names),
        **_pictures(plan, packages, history, names),
        "offers": _offers(history, plan.currency, names),
        "concessions": record_text.concession_lines(history, names) if history["offers"] else [],
        "questions": asdict(record_text.question_table(prep, names)) if prep else None,
        "relationship": _relationship(plan, names),
        "internal": _inside(plan, packages, names),
        "agreed": plan.agreement is not None,
        "team": _team(plan, names),
        "advocates": _advocates(plan, names),
        "value_beyond_price": _value_beyond_price(plan, summary, names),
        "value_total": text.money(summary["value_beyond_price"]["total"], plan.currency),
        "seed": seed,
        "samples": samples,
    }


def _parties(plan: Negotiation, names: text.Names) -> list[dict[str, Any]]:
    """Each party by name: its role, positions, interests, criteria and notes."""
    return [
        {
            "id": names.who(p.id),
            "us": p.us,
            "role": p.role.value if p.role else None,
            "positions": p.positions,
            "interests": p.interests,
            "criteria": p.criteria,
            "notes": p.notes,
        }
        for p in plan.parties
    ]


def _tables(
    summary: dict[str, Any], packages: dict[str, Any] | None, names: text.Names
) -> list[dict[str, Any]]:
    """The summary's tables, then the packages' (long lists cut at `BRIEF_ROWS`); none empty."""
    tables = text.summary_tables(summary, names)
    if packages is not None:
        tables += text.package_tables(packages, BRIEF_ROWS, names)
    return [asdict(t) for t in tables if t.rows]


def _offers(history: dict[str, Any], currency: str, names: text.Names) -> dict[str, Any] | None:
    """The table of offers and concessions, when the plan records offers."""
    if not history["offers"]:
        return None
    return asdict(record_text.offer_table(history, currency, names))


def _relationship(plan: Negotiation, names: text.Names) -> list[dict[str, Any]]:
    """Each relationship matter, the party it concerns, and how we look after it."""
    return [
        {
            "concern": r.concern,
            "party": names.who(r.party) if r.party else None,
            "actions": r.actions,
        }
        for r in plan.relationship
    ]


def _team(plan: Negotiation, names: text.Names) -> list[dict[str, Any]]:
    """Our negotiating team by name, with their roles and responsibilities."""
    return [
        {
            "id": names.who(m.id),
            "role": m.role.replace("-", " "),
            "responsibilities": m.responsibilities,
        }
        for m in plan.team
    ]


def _advocates(plan: Negotiation, names: text.Names) -> list[dict[str, Any]]:
    """Those on another side who argue for our interests there, and how they help."""
    return [
        {"id": names.who(a.id), "party": names.who(a.party), "how": a.how} for a in plan.advocates
    ]


def _value_beyond_price(
    plan: Negotiation, summary: dict[str, Any], names: text.Names
) -> list[list[str]]:
    """Rows of the value beyond price: interest, option, value, the options and proposals."""
    items = summary["value_beyond_price"]["items"]
    return [
        [
            v.interest,
            v.option,
            v.legitimacy or text.DASH,
            text.money(v.value, plan.currency),
            "; ".join(" or ".join(names.option(k, one) for one in o) for k, o in v.options.items())
            or "not linked",
            ", ".join(map(names.proposal, item["delivered_by"])) or text.DASH,
        ]
        for v, item in zip(plan.value_beyond_price, items, strict=True)
    ]


def _pictures(
    plan: Negotiation,
    packages: dict[str, Any] | None,
    history: dict[str, Any],
    names: text.Names,
) -> dict[str, Any]:
    """The packages in score space: the `packages` figure, and the old sketch's points.

    The figure is the SVG of `stakecli negotiation chart` (packages, proposals and each
    party's offers joined in order); `projected` says it shows a surface seen from two of
    three or more parties; `quadrant` keeps the points of the Mermaid sketch the brief drew
    before, for user templates that show it.
    """
    if packages is None:
        return {"figures": {"packages": None}, "projected": False, "quadrant": None}
    from stakecli.negotiation.chart import package_chart

    return {
        "figures": {
            "packages": package_chart({**packages, "offers": history["offers"]}, plan.title, names)
        },
        "projected": len(plan.parties) > 2,
        "quadrant": quadrant(packages, history["offers"], names),
    }


def _label(value: str) -> str:
    """Mermaid quadrant point names: letters, digits, spaces and hyphens (nothing to escape)."""
    return re.sub(r"[^A-Za-z0-9 -]", "-", value)


def _inside(
    plan: Negotiation, packages: dict[str, Any] | None, names: text.Names = text.PLAIN
) -> dict[str, Any] | None:
    """Our signatories' stances and who inside supports or blocks each proposal."""
    if not plan.internal:
        return None
    rows = [
        [
            names.proposal(p["id"]),
            ", ".join(map(names.who, p["inside"]["support"])) or text.DASH,
            ", ".join(map(names.who, p["inside"]["block"])) or text.DASH,
            text.yes(p["inside"]["clears"]),
            text.yes(p["acceptable"]),
        ]
        for p in (packages or {}).get("proposals", [])
    ]
    front = (packages or {}).get("frontier", {})
    stances = [
        {
            **s,
            "stakeholder": names.who(s["stakeholder"]),
            "serves": {
                names.issues.get(k, k): [names.option(k, o) for o in v]
                for k, v in s["serves"].items()
            },
            "blocks": {
                names.issues.get(k, k): [names.option(k, o) for o in v]
                for k, v in s["blocks"].items()
            },
        }
        for s in records.stances(plan)
    ]
    return {
        "stances": stances,
        "proposals": rows,
        "signable": front.get("signable"),
        "frontier": front.get("size"),
    }


def quadrant(
    packages: dict[str, Any],
    offers: Sequence[dict[str, Any]] = (),
    names: text.Names = text.PLAIN,
) -> dict[str, Any]:
    """Points for a Mermaid quadrantChart: scores / 100 on (us, first other party) axes.

    Offers with a scored package are numbered in order (`O1 by`, `O2 by`...). Proposals and
    offers are placed first, frontier points around them so that no labels overlap; a
    frontier point where a proposal or offer already is shows under that label only.
    """
    us, them = packages["parties"][0], packages["parties"][1]
    front = packages["frontier"]["points"]
    step = max(1, -(-len(front) // QUADRANT_POINTS))
    marked = [
        (_label(p["id"]), p["scores"][us] / 100, p["scores"][them] / 100)
        for p in packages["proposals"]
    ]
    marked += [
        (
            _label(f"O{o['number']} {names.who(o['by'])}"),
            o["scores"][us] / 100,
            o["scores"][them] / 100,
        )
        for o in offers
        if o["scores"] is not None
    ]
    taken = {(x, y) for _, x, y in marked}
    frontier = [
        (f"F{k + 1}", p["scores"][us] / 100, p["scores"][them] / 100)
        for k, p in enumerate(front)
        if k % step == 0
    ]
    frontier = [f for f in frontier if f[1:] not in taken]
    return {
        "us": _label(names.who(us)),
        "them": _label(names.who(them)),
        "points": layout(marked + frontier),
    }


def proposal(plan: Negotiation) -> dict[str, Any]:
    """Only what we would show the other side: issues, options, our shared packages, criteria.

    Built from an allow-list: nothing marked confidential (our BATNA, reservation values, any
    score or estimate) and no proposal rationale or internal fallback (`share: false`).
    """
    ours = plan.us
    issues = {i.id: i for i in plan.issues}
    shown = [p for p in plan.proposals if ours is not None and p.by == ours.id and p.share]
    return {
        "title": plan.title,
        "currency": plan.currency,
        "issues": [
            {
                "name": i.name,
                "description": i.description,
                "options": [{"name": o.name, "description": o.description} for o in i.options],
            }
            for i in plan.issues
        ],
        "proposals": [
            {
                "name": p.name,
                "price": text.money(p.price, plan.currency) if p.price is not None else None,
                "terms": [
                    [issues[k].name, next(o.name for o in issues[k].options if o.id == v)]
                    for k, v in p.options.items()
                    if k in issues and any(o.id == v for o in issues[k].options)
                ],
            }
            for p in shown
        ],
        "criteria": list(ours.criteria) if ours is not None else [],
    }


def brief_context(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """DocumentSpec context of `negotiation-brief` (settings from the project config)."""
    plan = parsed.model
    assert isinstance(plan, Negotiation)
    cfg = workspace.config.negotiation
    from stakecli.stakeholders import scope

    return brief(
        plan,
        seed=cfg.seed,
        samples=cfg.samples,
        normalise=cfg.normalise_weights,
        settings=cfg,
        people=scope.names(workspace, parsed.path),
    )


def debrief(
    plan: Negotiation,
    settings: NegotiationConfig | None = None,
    people: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The debrief: the agreement against our BATNA, the frontier, Nash and the split.

    Also the packages both sides would have preferred, the closest prepared proposal and the
    offers that led there.
    """
    cfg = settings or NegotiationConfig()
    names = text.names_of(plan, people)
    found = records.debrief_data(plan, normalise=cfg.normalise_weights, rule=cfg.coalition)
    history = records.offer_data(plan, silence_days=cfg.silence_days)
    tables = record_text.debrief_tables(found, names) if found is not None else []
    if history["offers"]:
        tables.insert(0, record_text.offer_table(history, plan.currency, names))
    return {
        "title": plan.title,
        "agreed": found is not None,
        "lines": record_text.debrief_lines(found, names) if found is not None else [],
        "concessions": record_text.concession_lines(history, names) if history["offers"] else [],
        "tables": [asdict(t) for t in tables if t.rows],
    }


def has_agreement(parsed: Parsed) -> bool:
    """Whether the plan records an agreement (the debrief is rendered only then)."""
    return isinstance(parsed.model, Negotiation) and parsed.model.agreement is not None


def debrief_context(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """DocumentSpec context of `negotiation-debrief` (internal: it holds our BATNA)."""
    plan = parsed.model
    assert isinstance(plan, Negotiation)
    from stakecli.stakeholders import scope

    return debrief(plan, workspace.config.negotiation, scope.names(workspace, parsed.path))


def proposal_context(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """DocumentSpec context of `proposal` (external)."""
    plan = parsed.model
    assert isinstance(plan, Negotiation)
    return proposal(plan)


SPECS = [
    DocumentSpec(
        "negotiation-brief", "negotiation", "negotiation-brief.md.j2", "internal", brief_context
    ),
    DocumentSpec("proposal", "negotiation", "proposal.md.j2", "external", proposal_context),
    DocumentSpec(
        "negotiation-debrief",
        "negotiation",
        "negotiation-debrief.md.j2",
        "internal",
        debrief_context,
        applies=has_agreement,
    ),
]
"""The documents of a negotiation plan (registered in `documents.specs()`)."""
