"""Stakeholder registers from a spreadsheet: CSV rows in, a validated register out.

One row per stakeholder, one column per register field (header names as in the YAML, any
case). List fields (tags, interests, positions, influences, actions) take `;`-separated
values; `current`, `desired` and `actions` fill the engagement assessment. Problems are
findings located at the CSV cell (line, column), like any other file stakecli reads.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from stakecli.core import schema_errors
from stakecli.core.findings import Finding, Severity
from stakecli.core.rules import Rule
from stakecli.stakeholders.model import Register, Stakeholder

_COLUMNS = "id,name,side,power,legitimacy,urgency,interest\n"
_ROW = "dee,Dee Moss,internal,2,2,2,2\n"

RULES = [
    Rule(
        "csv.syntax",
        "error",
        "A CSV to import cannot be read (a stray quote, a NUL byte...).",
        why="""A CSV that does not parse would import as a register with rows shifted or cut;
        stakecli refuses it and names the line.""",
        bad=_COLUMNS + "dee,Dee Moss,internal,2,2,2,2\n# (a cell of 200,000 characters)\n",
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.header",
        "error",
        "A CSV to import has no header row naming its columns.",
        why="""Columns are matched to register fields by name, so the first row must name
        them; without it the first person would be read as the header.""",
        bad=",,,,,,\n" + _ROW,
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.unknown-column",
        "error",
        "A CSV column names no register field (did-you-mean).",
        why="""A column stakecli does not know would be dropped on import, losing its data;
        the finding suggests the closest field.""",
        bad=_COLUMNS.replace("interest", "intrest") + _ROW,
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.duplicate-column",
        "error",
        "A CSV column appears twice.",
        why="""With two columns of one name it is unclear which value the register should
        keep.""",
        bad=_COLUMNS.replace("\n", ",power\n") + _ROW.replace("\n", ",3\n"),
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.missing-column",
        "error",
        "A CSV lacks a column every stakeholder needs.",
        why="""Every stakeholder needs power, legitimacy, urgency and interest to be
        classified; a CSV without one of them cannot become a register.""",
        bad=_COLUMNS.replace(",interest", "") + _ROW[:-3] + "\n",
        good=_COLUMNS + _ROW,
    ),
]

LISTS = ("tags", "interests", "positions", "influences")
ENGAGEMENT = ("current", "desired", "actions")
BOOLEANS = ("confidential", "hidden")
INTEGERS = ("power", "legitimacy", "urgency", "interest", "proximity")
COLUMNS = (
    tuple(
        name
        for name in Stakeholder.model_fields
        if name not in ("engagement", "discovered", "assessed_on", "assessor")
    )
    + ENGAGEMENT
)


def read(text: str, path: Path, title: str | None = None) -> tuple[dict[str, Any], list[Finding]]:
    """The register data of a CSV text, and every problem located at its cell."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        return {}, [_at(path, reader.line_num, 1, "csv.syntax", f"unreadable CSV: {exc}")]
    if not rows or not any(cell.strip() for cell in rows[0]):
        return {}, [_at(path, 1, 1, "csv.header", "the first row must name the columns")]
    header = [cell.strip().lower() for cell in rows[0]]
    findings = list(_header_problems(header, path))
    if findings:
        return {}, findings
    people = [
        _person(header, row)
        for row in rows[1:]
        if any(cell.strip() for cell in row)  # blank lines are fine in a spreadsheet
    ]
    data: dict[str, Any] = {"kind": "stakeholders", "version": 1}
    if title:
        data["title"] = title
    data["stakeholders"] = people
    lines = [n for n, row in enumerate(rows[1:], start=2) if any(c.strip() for c in row)]
    try:
        Register.model_validate(data)
    except ValidationError as exc:
        for f in schema_errors.findings(exc, Register, data):
            findings.append(_locate(f, header, lines, path))
    return data, findings


def _header_problems(header: list[str], path: Path) -> Iterator[Finding]:
    for col, name in enumerate(header, start=1):
        if name not in COLUMNS:
            guess = difflib.get_close_matches(name, COLUMNS, n=1)
            hint = f"did you mean {guess[0]!r}?" if guess else "columns: " + ", ".join(COLUMNS)
            yield _at(path, 1, col, "csv.unknown-column", f"unknown column {name!r}; {hint}")
        elif header.index(name) != col - 1:
            yield _at(path, 1, col, "csv.duplicate-column", f"column {name!r} appears twice")
    for required in ("id", "name", "side", "power", "legitimacy", "urgency", "interest"):
        if required not in header:
            yield _at(path, 1, 1, "csv.missing-column", f"no {required!r} column; add one")


def _person(header: list[str], row: list[str]) -> dict[str, Any]:
    person: dict[str, Any] = {}
    engagement: dict[str, Any] = {}
    for name, cell in zip(header, row, strict=False):
        value = cell.strip()
        if not value:
            continue
        target = engagement if name in ENGAGEMENT else person
        target[name] = _value(name, value)
    if engagement:
        person["engagement"] = engagement
    return person


def _value(name: str, value: str) -> Any:
    if name in LISTS or name == "actions":
        return [part.strip() for part in value.split(";") if part.strip()]
    if name in BOOLEANS:
        lowered = value.lower()
        return {"true": True, "yes": True, "1": True, "false": False, "no": False,
                "0": False}.get(lowered, value)  # fmt: skip
    if name in INTEGERS:
        try:
            return int(value)
        except ValueError:
            return value  # the schema reports it, at this cell
    return value


def _locate(finding: Finding, header: list[str], lines: list[int], path: Path) -> Finding:
    """Move a schema finding from its loc in the data to its CSV line and column."""
    loc = finding.loc
    line, col = 1, 1
    if len(loc) >= 2 and loc[0] == "stakeholders" and isinstance(loc[1], int):
        line = lines[loc[1]]
        field = (
            loc[3] if len(loc) > 3 and loc[2] == "engagement" else loc[2] if len(loc) > 2 else ""
        )
        if field in header:
            col = header.index(str(field)) + 1
    message = finding.message
    if len(loc) >= 2:
        message = message.replace(finding.dotted, f"row {line}, column {loc[-1]!r}", 1)
    return Finding(finding.code, finding.severity, message, path=str(path), line=line, col=col)


def _at(path: Path, line: int, col: int, code: str, message: str) -> Finding:
    return Finding(code, Severity.ERROR, message, path=str(path), line=line, col=col)


def to_yaml(data: dict[str, Any], source: str) -> str:
    """The register as YAML text, fields in the order the CSV had them."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.default_flow_style = None
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    out.write(f"# Imported from {source} by `stakecli stakeholders import`.\n")
    out.write("# Scores: 1 very low .. 5 very high. Run `stakecli validate` after every edit.\n")
    yaml.dump(data, out)
    return out.getvalue()
