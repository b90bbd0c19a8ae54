"""An imported register as YAML, and its findings moved back to the spreadsheet cells.

The YAML is plain block style, fields in the model's order, long text kept on one line and
multi-line text as `|` blocks, so it reads and diffs well. The command checks it with the
rest of its folder (`stakecli.staging`: references, duplicate ids) and writes it only when no
error was found; `locate` points each finding at the spreadsheet cell it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from stakecli.core import schema_errors
from stakecli.core.findings import Finding, Severity
from stakecli.stakeholders.importing import Imported, Options
from stakecli.stakeholders.model import Register


@dataclass(slots=True)
class Outcome:
    """What an import produced: the YAML (when it is clean of errors) and every finding."""

    content: str | None
    findings: list[Finding]
    count: int = 0
    model: Register | None = None
    """The register the YAML holds (validated from the same data; `staging.check` takes it)."""


def schema_findings(imported: Imported) -> list[Finding]:
    """Schema problems of the data, each at the cell it came from."""
    return _validated(imported)[1]


def _validated(imported: Imported) -> tuple[Register | None, list[Finding]]:
    try:
        model = schema_errors.validate(Register, imported.data)
    except (ValidationError, schema_errors.Invalid) as exc:
        found = schema_errors.findings(exc, Register, imported.data)
        return None, [locate(f, imported) for f in found]
    assert isinstance(model, Register)
    return model, []


def locate(finding: Finding, imported: Imported) -> Finding:
    """Move a finding about the register's data to the spreadsheet row and column."""
    loc = finding.loc
    if len(loc) < 2 or loc[0] != "stakeholders" or not isinstance(loc[1], int):
        return replace(finding, path=str(imported.path), line=1, col=1, loc=())
    index = loc[1]
    name = str(loc[3]) if len(loc) > 3 and loc[2] in ("engagement", "discovered") else ""
    if loc[2:3] == ("discovered",):
        name = {"method": "discovered", "source": "discovery_source"}.get(name, name)
    if not name and len(loc) > 2:
        name = str(loc[2])
    line, col = imported.at(index, name)
    message = finding.message
    if finding.dotted and finding.dotted in message:
        message = message.replace(finding.dotted, f"row {line}, column {name!r}", 1)
    return Finding(
        finding.code, finding.severity, message, path=str(imported.path), line=line, col=col
    )


def to_yaml(data: dict[str, Any], source: str) -> str:
    """The register as block-style YAML, with a header saying where it came from."""
    from stakecli.core.emitting import dump

    return dump(
        data,
        f"Imported from {source} by `stakecli stakeholders import`.",
        "Scores: 1 very low .. 5 very high. Run `stakecli validate` after every edit.",
    )


def prepare(imported: Imported, source: str) -> Outcome:
    """The YAML of an import with no error so far, or the findings that stop it.

    The caller checks the YAML with the rest of its folder (`stakecli.staging`) and maps those
    findings back to the cells with `locate`.
    """
    findings = list(imported.findings)
    if any(f.severity is Severity.ERROR for f in findings):
        return Outcome(None, findings)
    model, schema = _validated(imported)
    if schema:
        return Outcome(None, findings + schema)
    count = len(imported.data.get("stakeholders", []))
    return Outcome(to_yaml(imported.data, source), findings, count, model)


def read(
    text: str, path: Path, options: Options | None = None
) -> tuple[dict[str, Any], list[Finding]]:
    """The register data of a CSV text and the import's findings, before any folder check.

    What a library user (or the rule catalogue) needs without the command line.
    """
    from stakecli.core import tables
    from stakecli.stakeholders.importing import convert, table_finding

    try:
        table = tables.read_csv(text)
    except tables.TableError as exc:
        return {}, [table_finding(path, exc)]
    imported = convert(table, path, options or Options())
    return imported.data, prepare(imported, path.name).findings
