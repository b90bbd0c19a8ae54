"""Builders for decision, comms and register files in a temporary project folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from stakecli import pipeline
from stakecli.core.config import Config
from stakecli.core.findings import Finding
from stakecli.core.project import Parsed, Workspace

REGISTER = {
    "kind": "stakeholders",
    "version": 1,
    "stakeholders": [
        {
            "id": "ana",
            "name": "Ana Lima",
            "side": "internal",
            "power": 5,
            "legitimacy": 5,
            "urgency": 4,
            "interest": 5,
            "owner": "bo",
            "tags": ["leads"],
        },
        {
            "id": "bo",
            "name": "Bo Chen",
            "side": "internal",
            "power": 2,
            "legitimacy": 3,
            "urgency": 2,
            "interest": 2,
        },
        {
            "id": "cy",
            "name": "Cy Park",
            "side": "external",
            "power": 2,
            "legitimacy": 2,
            "urgency": 2,
            "interest": 2,
            "notes": "Secretly negotiating with a rival vendor.",
            "confidential": False,
        },
    ],
}


PLAN = {
    "kind": "comms",
    "version": 1,
    "communications": [
        {
            "id": "weekly",
            "audience": ["leads"],
            "message": "Status",
            "channel": "Email",
            "frequency": "weekly",
            "owner": "bo",
        },
        {
            "id": "partner-news",
            "audience": ["cy"],
            "message": "What changed for partners",
            "channel": "Email",
            "frequency": "monthly",
            "owner": "bo",
        },
    ],
    "ceremonies": [
        {
            "id": "qbr",
            "name": "QBR",
            "type": "qbr",
            "audience": ["cy"],
            "owner": "ana",
            "frequency": "quarterly",
            "agenda": [{"topic": "Review", "owner": "bo", "minutes": 30}],
        }
    ],
    "escalation": [{"level": 1, "contact": "ana", "within": "2 days"}],
}


def decision(number: int = 1, **changes: Any) -> dict[str, Any]:
    """A valid accepted decision; `changes` override keys (None deletes one)."""
    data: dict[str, Any] = {
        "kind": "decision",
        "version": 1,
        "number": number,
        "title": f"Decision {number}",
        "status": "accepted",
        "date": "2026-01-10",
        "deciders": ["ana"],
        "context": "Why we decide.",
        "options": [{"name": "A"}, {"name": "B"}],
        "outcome": {"chosen": "A", "rationale": "it is cheaper."},
        "consequences": {"good": ["lower cost"]},
    }
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def put(folder: Path, name: str, data: dict[str, Any]) -> Path:
    """Write `data` as YAML (JSON is YAML) at folder/name."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def project(folder: Path, *decisions: dict[str, Any], register: bool = True) -> Path:
    """A folder with a register and the given decisions named NNNN-dN.yaml."""
    if register:
        put(folder, "stakeholders.yaml", REGISTER)
    for d in decisions:
        put(folder, f"decisions/{d['number']:04d}-d{d['number']}.yaml", d)
    return folder


def codes(folder: Path, config: Config | None = None) -> list[tuple[str, str, tuple[Any, ...]]]:
    """(code, file name, loc) of every finding of a validation run over `folder`."""
    report = pipeline.run([folder], config or Config())
    return [(f.code, Path(f.path).name, f.loc) for f in report.findings]


def findings(folder: Path) -> list[Finding]:
    """Every finding of a validation run over `folder`."""
    return pipeline.run([folder], Config()).findings


PEOPLE_REGISTER = """
kind: stakeholders
version: 1
stakeholders:
  - {id: ann, name: Ann, side: internal, power: 4, legitimacy: 4, urgency: 3, interest: 4,
     owner: ben}
  - {id: ben, name: Ben, side: internal, power: 3, legitimacy: 4, urgency: 3, interest: 4}
  - {id: cy, name: Cy, side: internal, power: 2, legitimacy: 4, urgency: 3, interest: 4}
"""
"""The three-person register the agreement tests (RACI, charters, references) refer to."""


def replaced(model: Any, loc: tuple[str | int, ...], value: Any) -> Any:
    """A copy of a model with the value at `loc` replaced (models stay unvalidated copies)."""
    if not loc:
        return value
    head, rest = loc[0], loc[1:]
    if isinstance(model, BaseModel):
        assert isinstance(head, str)
        return model.model_copy(update={head: replaced(getattr(model, head), rest, value)})
    if isinstance(model, list):
        assert isinstance(head, int)
        return [replaced(v, rest, value) if i == head else v for i, v in enumerate(model)]
    if isinstance(model, dict):
        return {k: replaced(v, rest, value) if str(k) == head else v for k, v in model.items()}
    raise AssertionError(f"cannot descend into {model!r} at {head!r}")


def with_file(ws: Workspace, index: int, model: Any) -> Workspace:
    files = list(ws.files)
    old = files[index]
    files[index] = Parsed(old.path, old.kind, old.document, model)
    return Workspace(ws.config, files, ws.root, list(ws.registers))


VARIED_NAMES = [
    "Zoë | *bold*",
    "名前 テスト",
    "a  b",
    "[link](x) <b>",
    "O'Brien & Co",
    "Tab\there",
    "#1",
]


def varied_register(count: int = 40) -> Any:
    """A register model of `count` entries with every kind of value the analysis shows.

    Names that need escaping, every engagement case (none, a gap, over-engaged), Circle
    ratings, several raters, hidden stakeholders found in different ways, owners and tags.
    """
    from stakecli.stakeholders.model import Register

    people = []
    for n in range(count):
        entry: dict[str, Any] = {
            "id": f"p{n:02d}",
            "name": f"{VARIED_NAMES[n % len(VARIED_NAMES)]} {n}",
            "side": "internal" if n % 3 else "external",
            "power": n % 5 + 1,
            "legitimacy": n * 3 % 5 + 1,
            "urgency": n * 7 % 5 + 1,
            "interest": n * 2 % 5 + 1,
            "tags": ["=cmd", "x"] if n % 5 == 0 else [],
        }
        if n % 3:
            current = ["unaware", "neutral", "leading"][n % 3]
            entry["engagement"] = {"current": current, "desired": "supportive"}
        if n % 4 == 0:
            entry |= {"proximity": n % 4 + 1, "circle": {"power": n % 4 + 1}}
        if n % 6 == 0:
            entry |= {"hidden": True, "discovered": {"method": "document", "source": "+memo"}}
        if n % 7 == 0:
            entry["ratings"] = [
                {"rater": "ann", "power": 5, "legitimacy": 4, "urgency": [2, 3]},
                {"rater": "bo", "power": 4, "legitimacy": 2, "urgency": 5},
            ]
        if n % 2:
            entry["owner"] = f"p{(n + 1) % count:02d}"
        people.append(entry)
    return Register.model_validate({"kind": "stakeholders", "version": 1, "stakeholders": people})
