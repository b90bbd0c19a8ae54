"""The charter document and the agendas of its ceremonies: every value computed here."""

from __future__ import annotations

from typing import Any

from stakecli.charters import scorecard
from stakecli.charters.evaluation import contribution, is_broken, number
from stakecli.charters.model import Charter
from stakecli.charters.rules import PROFILE_NAMES, SECTION_NAMES, missing
from stakecli.charters.scorecard_model import Metric, Scorecard, ScorecardFile
from stakecli.core.documents import DocumentSpec
from stakecli.core.project import Parsed, Workspace
from stakecli.raci.model import Raci
from stakecli.raci.refs import resolve
from stakecli.stakeholders import scope

STATUS = {"pass": "pass", "amber": "amber", "fail": "fail", "no-data": "no data"}
COMPARED = {">=": "at least", ">": "above", "<=": "at most", "<": "below", "==": "exactly"}
"""A gate's comparator in words, as a target reads in a document."""


def amount(value: Any, unit: str) -> str:
    """`99.5%`, `12 days`: a value and its unit, a percent sign without a space."""
    text = number(value)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def _charter(parsed: Parsed) -> Charter:
    model = parsed.model
    assert isinstance(model, Charter)
    return model


def _target(metric: Metric) -> str:
    if metric.comparator is not None and metric.threshold is not None:
        words = COMPARED.get(str(metric.comparator), str(metric.comparator))
        return f"{words} {amount(metric.threshold, metric.unit)}"
    span = f"{number(metric.min)}-{amount(metric.max, metric.unit)}"
    return f"weight {number(metric.weight)}, scaled over {span}"


def _metric_status(metric: Metric, result: scorecard.MetricResult | None) -> str:
    if result is None:
        return ""
    if result.normalised is not None:
        share = contribution(metric, result)
        return f"normalised {number(result.normalised)}, contributes {number(share)}"
    return STATUS[result.status]


def scorecards(cards: list[Scorecard], who: dict[str, str]) -> list[dict[str, Any]]:
    """Each scorecard with its evaluation; a structurally broken one shows as not evaluated."""
    out = []
    for card in cards:
        broken = is_broken(card)
        result = None if broken else scorecard.evaluate(card)
        by_id = {m.id: m for m in result.metrics} if result else {}
        out.append(
            {
                "name": card.name,
                "rule": "passes when every metric meets its target"
                if card.type == "gate"
                else (
                    f"passes when the weighted score is at least {number(card.threshold)}"
                    if card.threshold is not None
                    else "a weighted score"
                ),
                "status": STATUS[result.status] if result else "not evaluated (see findings)",
                "score": None if result is None or result.score is None else number(result.score),
                "metrics": [
                    {
                        "name": m.name,
                        "owner": who.get(m.owner, m.owner),
                        "target": _target(m) if not broken else "",
                        "current": "" if m.current is None else amount(m.current.value, m.unit),
                        "as_of": "" if m.current is None else m.current.as_of.isoformat(),
                        "status": _metric_status(m, by_id.get(m.id)),
                    }
                    for m in card.metrics
                ],
            }
        )
    return out


def scorecard_document(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """Context of the `scorecard` document: the evaluated scorecards of a scorecard file."""
    model = parsed.model
    assert isinstance(model, ScorecardFile)
    who = scope.names(workspace, parsed.path)
    return {
        "title": model.title or "Scorecards",
        "scorecards": scorecards(list(model.scorecards), who),
    }


def charter(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """Context of the `charter` document."""
    model = _charter(parsed)
    who = scope.names(workspace, parsed.path)
    config = workspace.config.charter
    return {
        "title": model.title,
        "status": model.status,
        "profile": PROFILE_NAMES[config.chosen],
        "missing": [SECTION_NAMES[s] for s in missing(model, config)],
        "purpose": model.purpose,
        "goals": _goals(model, who),
        "lists": _sections(model),
        **_scope(model),
        "milestones": [
            {"name": m.name, "due": m.due.isoformat() if m.due else ""} for m in model.milestones
        ],
        "funds": _funds(model),
        "stakeholders": [who.get(i, i) for i in model.stakeholders],
        "authority": _authority(model, who),
        "decision_rights": _decision_rights(model, parsed, workspace, who),
        "escalation": [
            {"level": e.level, "who": _people(e.who, who), "days": e.time_limit_days, "how": e.how}
            for e in model.escalation
        ],
        "scorecards": scorecards(model.scorecards, who),
        "ceremonies": ceremonies(model, who),
        "signatories": [
            {
                "name": who.get(s.id, s.id),
                "signed_on": s.signed_on.isoformat() if s.signed_on else "",
            }
            for s in model.signatories
        ],
    }


def _people(ids: list[str], who: dict[str, str]) -> str:
    """Register ids as names, comma-separated."""
    return ", ".join(who.get(i, i) for i in ids)


def _goals(model: Charter, who: dict[str, str]) -> list[dict[str, Any]]:
    """Each goal with its owners by name and its success criteria."""
    return [
        {
            "statement": g.statement,
            "owners": _people(g.owners, who),
            "success_criteria": g.success_criteria,
        }
        for g in model.goals
    ]


def _sections(model: Charter) -> dict[str, list[dict[str, Any]]]:
    """The bullet-list sections, grouped by where the document shows them."""
    return {
        "before_scope": _lists(
            ("High-level requirements", model.requirements),
            ("Assumptions", model.assumptions),
            ("Constraints", model.constraints),
        ),
        "risks": _lists(("High-level risks", model.risks)),
        "approval": _lists(
            ("Approval requirements", model.approval_requirements),
            ("Exit criteria", model.exit_criteria),
        ),
    }


def _scope(model: Charter) -> dict[str, Any]:
    """What the project covers and leaves out, and what it delivers."""
    found = model.scope
    return {
        "scope_description": found.description if found else None,
        "scope_in": found.in_ if found else [],
        "scope_out": found.out if found else [],
        "deliverables": found.deliverables if found else [],
    }


def _funds(model: Charter) -> list[dict[str, Any]]:
    """The summary budget and the preapproved financial resources, those that are given."""
    return [
        {
            "label": label,
            "amount": f"{funds.amount:,.2f} {funds.currency}",
            "notes": funds.notes,
        }
        for label, funds in (
            ("Summary budget", model.budget),
            ("Preapproved financial resources", model.financial_resources),
        )
        if funds is not None
    ]


def _authority(model: Charter, who: dict[str, str]) -> list[dict[str, Any]]:
    """The project manager and the sponsor by name, with their responsibility and authority."""
    return [
        {
            "role": role,
            "name": who.get(holder.id, holder.id),
            "responsibility": getattr(holder, "responsibility", None),
            "authority": holder.authority,
        }
        for role, holder in (("Project manager", model.manager), ("Sponsor", model.sponsor))
        if holder is not None
    ]


def _decision_rights(
    model: Charter, parsed: Parsed, workspace: Workspace, who: dict[str, str]
) -> list[dict[str, Any]]:
    """Each decision right, who decides it, and the RACI row it points at (or `unresolved`)."""
    matrices = [
        (p.path, p.model)
        for p in scope.files(workspace, "raci", parsed.path)
        if isinstance(p.model, Raci)
    ]
    rights = []
    for right in model.decision_rights:
        found = resolve(right.raci, parsed.path, matrices)
        rights.append(
            {
                "decision": right.decision,
                "decides": who.get(right.decides, right.decides),
                "raci": right.raci,
                "row": found[1].name if not isinstance(found, str) else "unresolved",
            }
        )
    return rights


def _lists(*sections: tuple[str, list[str]]) -> list[dict[str, Any]]:
    """The non-empty bullet-list sections, titled, in the order given."""
    return [{"title": title, "entries": entries} for title, entries in sections if entries]


def ceremonies(model: Charter, who: dict[str, str]) -> list[dict[str, Any]]:
    """The syncs: audience and owner by name, agenda items in order."""
    return [
        {
            "name": c.name,
            "frequency": c.frequency,
            "owner": who.get(c.owner, c.owner),
            "audience": ", ".join(who.get(i, i) for i in c.audience),
            "minutes": c.duration_minutes,
            "agenda": c.agenda,
        }
        for c in model.ceremonies
    ]


def agendas(parsed: Parsed, workspace: Workspace) -> dict[str, Any]:
    """Context of the `agenda` document: one standing agenda per ceremony of the charter."""
    model = _charter(parsed)
    return {
        "title": model.title,
        "ceremonies": ceremonies(model, scope.names(workspace, parsed.path)),
    }


SPECS = [
    DocumentSpec("charter", "charter", "charter.md.j2", "internal", charter),
    DocumentSpec("agenda", "charter", "agenda.md.j2", "internal", agendas),
]
"""The charter documents (see docs/agreements.md)."""

SCORECARD_SPECS = [
    DocumentSpec("scorecard", "scorecard", "scorecard.md.j2", "internal", scorecard_document),
]
"""The document of a scorecard file (see docs/agreements.md)."""
