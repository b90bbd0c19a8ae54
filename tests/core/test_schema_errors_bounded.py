"""Schema validation in bounded memory: large documents in parts, errors capped, huge entries
refused; the same models and findings as one pydantic call wherever that call is bounded.

The limits (`SMALL`, `PART`, `MAX_ENTRY`, `MAX_ERRORS`) are set small here, so small files
take the path of large ones.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from conftest import EXAMPLES, ROOT
from stakecli import kinds, pipeline
from stakecli.core import schema_errors
from stakecli.core.loading import Document, load
from stakecli.stakeholders.model import Register

sys.path.insert(0, str(ROOT / "bench"))
from generate import register

SOURCES = sorted(p for p in EXAMPLES.rglob("*.yaml") if "docs" not in p.parts)


def in_parts(monkeypatch: pytest.MonkeyPatch, part: int = 25) -> None:
    monkeypatch.setattr(schema_errors, "SMALL", 0)
    monkeypatch.setattr(schema_errors, "PART", part)


def outcome(model: Any, data: Any) -> Any:
    """The model, or the findings (sorted by loc) of `data`."""
    try:
        return schema_errors.validate(model, data)
    except (ValidationError, schema_errors.Invalid) as exc:
        found = schema_errors.findings(exc, model, data)
        return sorted((f.code, f.loc, f.message) for f in found)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_every_example_gives_the_same_model_or_findings_in_parts(source, monkeypatch):
    doc = load(source)
    assert isinstance(doc, Document)
    if not isinstance(doc.data, dict) or doc.data.get("kind") not in kinds.NAMES:
        return
    model = kinds.model(str(doc.data["kind"]))
    whole = outcome(model, doc.data)
    in_parts(monkeypatch, part=3)
    assert outcome(model, doc.data) == whole


def mistaken(n: int, seed: int) -> dict[str, Any]:
    """A generated register's data with schema mistakes in some entries and at the top."""
    rng = random.Random(seed)
    doc = load_text(register(n, seed))
    people = doc["stakeholders"]
    for _ in range(max(2, n // 5)):
        person = people[rng.randrange(n)]
        choice = rng.randrange(6)
        if choice == 0:
            person["power"] = rng.choice([0, 9, "high", []])
        elif choice == 1:
            person["sde"] = person.pop("side")
        elif choice == 2:
            del person["name"]
        elif choice == 3:
            person["tags"] = [1, "", None]
        elif choice == 4:
            people[rng.randrange(n)] = rng.choice([1, "x", [], {}])
        else:
            doc[rng.choice(["titel", "title", "version"])] = rng.choice([2, "x", None])
    return doc


def load_text(text: str) -> dict[str, Any]:
    from stakecli.core.loading import parse

    doc = parse(text.encode(), Path("stakeholders.yaml"))
    assert isinstance(doc, Document)
    return doc.data


@pytest.mark.parametrize("seed", range(12))
def test_registers_with_mistakes_give_the_same_findings_in_parts(seed, monkeypatch):
    data = mistaken(40, seed)
    whole = outcome(Register, data)
    in_parts(monkeypatch, part=7 + seed)
    assert outcome(Register, data) == whole


def test_a_valid_register_gives_the_same_models_in_parts(monkeypatch):
    data = load_text(register(60, 3))
    whole = Register.model_validate(data)
    in_parts(monkeypatch)
    assert schema_errors.validate(Register, data) == whole


def test_errors_past_the_cap_are_not_collected(monkeypatch):
    in_parts(monkeypatch)
    monkeypatch.setattr(schema_errors, "MAX_ERRORS", 5)
    data = {"kind": "stakeholders", "version": 1, "stakeholders": [1] * 10_000}
    found = outcome(Register, data)
    assert len(found) == 6
    assert (
        "schema.too-many-errors",
        ("stakeholders", 4),
        "stakeholders[4]: more than 5 schema errors; the rest of the file is not checked (fix "
        "these first)",
    ) in found
    assert [code for code, _, _ in found].count("schema.type") == 5


def test_unknown_keys_past_the_cap_are_not_collected(monkeypatch):
    in_parts(monkeypatch)
    monkeypatch.setattr(schema_errors, "MAX_ERRORS", 5)
    data = {"kind": "stakeholders", "version": 1, **{f"k{i}": 1 for i in range(100)}}
    found = outcome(Register, data)
    assert [code for code, _, _ in found].count("schema.unknown-key") == 5
    assert [code for code, _, _ in found].count("schema.too-many-errors") == 1


def test_an_entry_over_the_limit_is_refused_unchecked(monkeypatch):
    in_parts(monkeypatch)
    monkeypatch.setattr(schema_errors, "MAX_ENTRY", 60)
    data = load_text(register(3, 1))
    data["stakeholders"][1]["tags"] = ["x"] * 80
    data["title"] = ["y"] * 80
    assert outcome(Register, data) == [
        (
            "schema.entry-too-large",
            ("stakeholders", 1),
            "stakeholders[1]: holds more than 60 values; no entry needs that many, so it is "
            "refused unchecked",
        ),
        (
            "schema.entry-too-large",
            ("title",),
            "title: holds more than 60 values; no entry needs that many, so it is refused "
            "unchecked",
        ),
    ]


def test_validate_reports_the_cap_at_the_line_where_checking_stopped(run, tmp_path, monkeypatch):
    monkeypatch.setattr(schema_errors, "SMALL", 10)
    monkeypatch.setattr(schema_errors, "MAX_ERRORS", 3)
    path = tmp_path / "stakeholders.yaml"
    path.write_text("kind: stakeholders\nversion: 1\nstakeholders:\n" + "  - 1\n" * 20)
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:6:5: error [schema.too-many-errors] stakeholders[2]: more than 3" in (
        result.stdout
    )
    assert result.stdout.count("[schema.type]") == 3
    assert pipeline  # the command goes through pipeline.parse_file
