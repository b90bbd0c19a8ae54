"""Checks of a journey map: people at every stage, owners of touchpoints, registered actors."""

from __future__ import annotations

from collections.abc import Iterator

from stakecli.core.findings import Finding, error, warning
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.engagement.model import Journey
from stakecli.stakeholders import scope

RULES = [
    Rule(
        "journey.duplicate-stage",
        "error",
        "Two stages of a journey share an id.",
        why="""Stakeholders point at a stage by id; two stages with one id make that reference
        ambiguous.""",
        bad="""
        kind: journey
        version: 1
        actor: Buyer
        scenario: Buying the product
        stages:
          - id: buy
            name: Buy
            touchpoints:
              - {name: Quote, owner: ben, people: [cy]}
          - id: buy
            name: Renew
            touchpoints:
              - {name: Renewal call, owner: ben, people: [cy]}
        """,
        good="""
        kind: journey
        version: 1
        actor: Buyer
        scenario: Buying the product
        stages:
          - id: buy
            name: Buy
            touchpoints:
              - {name: Quote, owner: ben, people: [cy]}
          - id: renew
            name: Renew
            touchpoints:
              - {name: Renewal call, owner: ben, people: [cy]}
        """,
    ),
    Rule(
        "journey.empty-stage",
        "warning",
        "A stage has nobody at it: no people at its touchpoints and no backstage actor.",
        why="""Every stage is somebody's work; a stage with nobody at it is where hidden
        stakeholders (the approver, the support team) are still missing.""",
        bad="""
        kind: journey
        version: 1
        actor: Buyer
        scenario: Buying the product
        stages:
          - id: buy
            name: Buy
            touchpoints:
              - {name: Quote, owner: ben}
        """,
        good="""
        kind: journey
        version: 1
        actor: Buyer
        scenario: Buying the product
        stages:
          - id: buy
            name: Buy
            touchpoints:
              - {name: Quote, owner: ben, people: [cy]}
        """,
    ),
    Rule(
        "journey.no-owner",
        "warning",
        "A touchpoint has no `owner` on our side.",
        why="""A touchpoint nobody on our side owns is the one that breaks without anyone
        noticing.""",
        bad="""
        kind: journey
        version: 1
        actor: Buyer
        scenario: Buying the product
        stages:
          - id: buy
            name: Buy
            touchpoints:
              - {name: Quote, people: [cy]}
        """,
        good="""
        kind: journey
        version: 1
        actor: Buyer
        scenario: Buying the product
        stages:
          - id: buy
            name: Buy
            touchpoints:
              - {name: Quote, owner: ben, people: [cy]}
        """,
    ),
    Rule(
        "journey.unregistered-actor",
        "warning",
        "A backstage actor is not a register id: a possible hidden stakeholder.",
        why="""Actors below the line of visibility (finance sign-off, IT approval) decide
        whether the journey works; they belong in the register like anyone else.""",
        bad="""
        kind: journey
        version: 1
        actor: Buyer
        scenario: Buying the product
        stages:
          - id: buy
            name: Buy
            touchpoints:
              - {name: Quote, owner: ben, people: [cy]}
            backstage:
              - {actor: Finance approver, action: Approves the PO}
        """,
        good="""
        kind: journey
        version: 1
        actor: Buyer
        scenario: Buying the product
        stages:
          - id: buy
            name: Buy
            touchpoints:
              - {name: Quote, owner: ben, people: [cy]}
            backstage:
              - {actor: dee, action: Approves the PO}
        """,
    ),
]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Unique stages, somebody at each, owned touchpoints, registered backstage actors."""
    journey = parsed.model
    assert isinstance(journey, Journey)
    has_register = bool(workspace.of_kind("stakeholders"))
    known = {p.id for p in scope.stakeholders(workspace, parsed.path)}
    seen: set[str] = set()
    for i, stage in enumerate(journey.stages):
        at = ("stages", i)
        if stage.id in seen:
            yield error(
                "journey.duplicate-stage", (*at, "id"), f"stage id {stage.id!r} is used twice"
            )
        seen.add(stage.id)
        if not any(t.people for t in stage.touchpoints) and not stage.backstage:
            yield warning(
                "journey.empty-stage",
                (*at, "name"),
                f"stage {stage.name!r} has nobody at it; list the `people` at its touchpoints "
                "or the `backstage` actors (who approves, pays, supports?)",
            )
        for j, point in enumerate(stage.touchpoints):
            if point.owner is None:
                yield warning(
                    "journey.no-owner",
                    (*at, "touchpoints", j, "name"),
                    f"touchpoint {point.name!r} ({stage.name}) has no `owner` on our side",
                )
        for j, step in enumerate(stage.backstage):
            if has_register and step.actor not in known:
                yield warning(
                    "journey.unregistered-actor",
                    (*at, "backstage", j, "actor"),
                    f"backstage actor {step.actor!r} ({stage.name}: {step.action}) is not a "
                    "register id: a possible hidden stakeholder; register them (hidden: true, "
                    f"discovered.journey_stage: {stage.id}) and use their id",
                )
