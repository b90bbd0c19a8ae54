"""Files a command is about to write, checked by every rule `validate` runs before they exist.

Imports (spreadsheets, ADR logs) produce new YAML files. Each is parsed from its text as if it
were already at its target path, joins the files of its folder (the one it replaces left out),
and goes through the same file checks, project checks, grades and suppressions as
`stakecli validate`. Only when no finding is an error are the files written, each atomically.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from stakecli import kinds, pipeline
from stakecli.core.config import Config
from stakecli.core.findings import Finding, Severity
from stakecli.core.loading import Document
from stakecli.core.project import Parsed, Workspace


def check(files: Mapping[Path, str], config: Config, folder: Path | None = None) -> list[Finding]:
    """Every finding about `files` (target path -> YAML text), checked with `folder`'s files."""
    targets = {p.resolve(): p for p in files}
    neighbours: list[Path] = []
    if folder is not None and folder.is_dir():
        _, found = pipeline.discover([folder])
        neighbours = [p for p in found if p.resolve() not in targets]
    workspace = Workspace(config)
    documents: dict[str, Document] = {}
    raw: list[Finding] = []
    for path in neighbours:
        outcome = pipeline.parse_file(path, required=False)
        if isinstance(outcome, Parsed):
            workspace.files.append(outcome)
            documents[str(path)] = outcome.document
    for target, text in files.items():  # after the neighbours: a clash is reported on the new
        parsed = _parse(target, text, raw)
        if parsed is not None:
            workspace.files.append(parsed)
            documents[str(target)] = parsed.document
    present = {p.kind for p in workspace.files}
    for parsed in workspace.files:
        for file_check in kinds.checks(parsed.kind):
            raw.extend(replace(f, path=str(parsed.path)) for f in file_check(parsed, workspace))
    for project_check in kinds.project_checks(present):
        raw.extend(project_check(workspace))
    wanted = {str(p) for p in files}
    mine = [f for f in raw if f.path in wanted]
    return sorted(pipeline.finalise(mine, documents, config), key=Finding.sort_key)


def _parse(target: Path, text: str, raw: list[Finding]) -> Parsed | None:
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch) / target.name
        tmp.write_text(text, encoding="utf-8")
        outcome = pipeline.parse_file(tmp)
    if isinstance(outcome, Parsed):
        document = replace(outcome.document, path=target)
        return replace(outcome, path=target, document=document)
    if outcome is not None:
        raw.extend(replace(f, path=str(target)) for f in outcome[0])
    return None


def has_errors(findings: list[Finding]) -> bool:
    """Whether a finding stops the write."""
    return any(f.severity is Severity.ERROR for f in findings)


def write(files: Mapping[Path, str]) -> None:
    """Write each file atomically (its folder made if missing)."""
    from stakecli.core.publishing import write_atomic

    for target, text in files.items():
        write_atomic(target, text)


def dump(data: Any, *comments: str) -> str:
    """Plain block-style YAML after `# comment` lines: pleasant to edit and to diff.

    One value per line (no wrapping), `|` blocks for multi-line text, no flow collections.
    """
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import LiteralScalarString

    def literal(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: literal(v) for k, v in value.items()}
        if isinstance(value, list):
            return [literal(v) for v in value]
        if isinstance(value, str) and "\n" in value and _literal_safe(value):
            return LiteralScalarString(value)
        return value

    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.width = 4096  # one line per value: wrapped values make noisy diffs
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    out = io.StringIO()
    for comment in comments:
        out.write(f"# {_one_line(comment)}\n")
    yaml.dump(literal(data), out)
    return out.getvalue()


def _literal_safe(value: str) -> bool:
    """A `|` block keeps the text exactly only without trailing spaces or control characters."""
    lines = value.split("\n")
    clean = all(not line.endswith((" ", "\t")) and line.isprintable() for line in lines)
    return clean and not value.startswith((" ", "\n"))


def _one_line(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)
