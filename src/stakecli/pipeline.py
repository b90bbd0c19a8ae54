"""The validation pipeline: discover -> load -> parse -> check -> grade -> locate. Read first.

Per-file problems are values (findings), never exceptions, so one bad file never stops the
others.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from stakecli import kinds
from stakecli.core.config import Config
from stakecli.core.findings import Finding, Severity
from stakecli.core.loading import Document, load
from stakecli.core.project import Parsed, Report, Workspace

YAML_SUFFIXES = (".yaml", ".yml")
SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}
_SUPPRESS = re.compile(r"#\s*stakecli:\s*disable(-next-line|-file)?(?:=([\w.,\s-]+))?")


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Explicit files, and YAML files found recursively under folders (hidden ones skipped).

    Returns (explicit files, files found in folders): a file found in a folder is checked
    only if it declares a stakecli `kind`, so CI configs and the like are left alone.
    """
    explicit: list[Path] = []
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.suffix in YAML_SUFFIXES and p.is_file() and not _skipped(p.relative_to(path))
            )
        else:
            explicit.append(path)
    return explicit, [p for p in found if p not in explicit]


def _skipped(relative: Path) -> bool:
    return any(part in SKIP_DIRS or part.startswith(".") for part in relative.parts[:-1])


def settings(start: Path, explicit: Path | None = None) -> Config:
    """The config that serves `start` (see `core.config.discover`), its rule codes checked."""
    from stakecli.core import config as config_mod

    found = config_mod.discover(start, explicit)
    if found.rules:
        config_mod.check_rule_codes(found, kinds.all_rules())
    return found


def run(paths: Iterable[Path], config: Config | None = None) -> Report:
    """Validate every stakecli file under `paths` and every rule across them."""
    config = config or Config()
    explicit, found = discover(paths)
    report = Report()
    workspace = Workspace(config)
    documents: dict[str, Document] = {}
    raw: list[Finding] = []
    for path, required in [(p, True) for p in explicit] + [(p, False) for p in found]:
        outcome = parse_file(path, required=required)
        if outcome is None:
            continue
        report.files.append(path)
        if isinstance(outcome, Parsed):
            workspace.files.append(outcome)
            documents[str(path)] = outcome.document
        else:
            findings, document = outcome
            raw.extend(findings)
            if document is not None:
                documents[str(path)] = document
    present = {parsed.kind for parsed in workspace.files}
    checks = {kind: kinds.checks(kind) for kind in present}
    for parsed in workspace.files:
        for check in checks[parsed.kind]:
            raw.extend(replace(f, path=str(parsed.path)) for f in check(parsed, workspace))
    for project_check in kinds.project_checks(present):
        raw.extend(project_check(workspace))
    report.parsed = workspace.files
    report.findings = sorted(finalise(raw, documents, config), key=Finding.sort_key)
    return report


def parse_file(
    path: Path, *, required: bool = True
) -> Parsed | tuple[list[Finding], Document | None] | None:
    """Load and schema-check one file; None for a non-stakecli YAML file found in a folder."""
    loaded = load(path)
    if isinstance(loaded, Finding):
        return [loaded], None
    data = loaded.data
    name = str(path)
    if not isinstance(data, dict):
        if not required:
            return None
        got = type(data).__name__ if data is not None else "nothing"
        return [
            Finding(
                "file.not-mapping",
                Severity.ERROR,
                f"the document is a {got}, not a mapping; a stakecli file starts with "
                "`kind:` and `version:`",
                path=name,
                line=1,
                col=1,
            )
        ], loaded
    kind = data.get("kind")
    if kind is None and not required:
        return None
    problem = _kind_problem(kind, data.get("version"))
    if problem is not None:
        return [replace(problem, path=name)], loaded
    from pydantic import ValidationError

    from stakecli.core import schema_errors

    model_cls = kinds.model(str(kind))
    try:
        model = model_cls.model_validate(data)
    except ValidationError as exc:
        return [replace(f, path=name) for f in schema_errors.findings(exc, model_cls, data)], loaded
    return Parsed(path, str(kind), loaded, model)


def _kind_problem(kind: Any, version: Any) -> Finding | None:
    if kind is None:
        return Finding(
            "kind.missing",
            Severity.ERROR,
            "no `kind:`; say which file this is: " + ", ".join(kinds.NAMES),
            loc=(),
        )
    if not isinstance(kind, str) or kind not in kinds.NAMES:
        guess = difflib.get_close_matches(str(kind), list(kinds.NAMES), n=1)
        hint = (
            f"did you mean {guess[0]!r}?" if guess else "expected one of " + ", ".join(kinds.NAMES)
        )
        return Finding(
            "kind.unknown", Severity.ERROR, f"unknown kind {kind!r}; {hint}", loc=("kind",)
        )
    if version not in kinds.versions(kind):
        supported = ", ".join(map(str, kinds.versions(kind)))
        return Finding(
            "kind.version",
            Severity.ERROR,
            f"{kind} files need `version:` {supported}, got {version!r}",
            loc=("version",),
        )
    return None


def finalise(
    findings: Iterable[Finding], documents: dict[str, Document], config: Config
) -> Iterator[Finding]:
    """Apply the project's grades and in-file suppressions, and fill in lines and columns."""
    suppressions = {path: _suppressions(doc) for path, doc in documents.items()}
    for finding in findings:
        grade = config.rules.get(finding.code)
        if grade == "off":
            continue
        if grade is not None:
            finding = finding.with_severity(Severity(grade))
        doc = documents.get(finding.path)
        if doc is not None and finding.line is None:
            pos = doc.position(finding.loc, at_key=finding.at_key)
            if pos is not None:
                finding = replace(
                    finding, line=pos.line, col=pos.col, end_line=pos.end_line, end_col=pos.end_col
                )
        if not _is_suppressed(finding, suppressions.get(finding.path)):
            yield finding


Suppressions = tuple[set[str] | None, dict[int, set[str] | None]]
"""(codes disabled for the whole file, {line: codes disabled there}); None means every code."""


def _suppressions(doc: Document) -> Suppressions:
    if "stakecli:" not in doc.text:
        return set(), {}
    whole: set[str] | None = set()
    lines: dict[int, set[str] | None] = {}
    for number, text in enumerate(doc.text.splitlines(), start=1):
        match = _SUPPRESS.search(text)
        if not match:
            continue
        codes = {c.strip() for c in match.group(2).split(",")} if match.group(2) else None
        if match.group(1) == "-file":
            whole = None if codes is None or whole is None else whole | codes
        else:
            target = number + 1 if match.group(1) == "-next-line" else number
            lines[target] = codes
    return whole, lines


def _is_suppressed(finding: Finding, rules: Suppressions | None) -> bool:
    if rules is None:
        return False
    whole, lines = rules
    if whole is None or finding.code in whole:
        return True
    if finding.line is None or finding.line not in lines:
        return False
    codes = lines[finding.line]
    return codes is None or finding.code in codes
