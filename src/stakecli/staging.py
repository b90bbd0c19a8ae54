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

from pydantic import BaseModel

from stakecli import kinds, pipeline
from stakecli.core.config import Config
from stakecli.core.findings import Finding, Severity
from stakecli.core.loading import Document, load
from stakecli.core.project import Parsed, Workspace


def check(
    files: Mapping[Path, str],
    config: Config,
    folder: Path | None = None,
    models: Mapping[Path, BaseModel] | None = None,
) -> list[Finding]:
    """Every finding about `files` (target path -> YAML text), checked with `folder`'s files.

    `models` may hold a file's model, validated already from the data its text was written
    from (an import): the text is then parsed for positions but not validated again.
    """
    from stakecli.core import projects

    targets = {p.resolve(): p for p in files}
    neighbours: list[Path] = []
    if folder is not None and folder.is_dir():
        neighbours = [p for p in projects.yaml_below(folder) if p.resolve() not in targets]
    root = folder if folder is not None else next(iter(files)).parent
    workspace = Workspace(config, root=root)
    documents: dict[str, Document] = {}
    raw: list[Finding] = []
    for path in neighbours:
        outcome = pipeline.parse_file(path, required=False)
        if isinstance(outcome, Parsed):
            _add(workspace, outcome)
            documents[str(path)] = outcome.document
    for target, text in files.items():  # after the neighbours: a clash is reported on the new
        parsed = _parse(target, text, raw, (models or {}).get(target))
        if parsed is not None:
            _add(workspace, parsed)
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


def _add(workspace: Workspace, parsed: Parsed) -> None:
    workspace.files.append(parsed)
    if parsed.kind == pipeline.ANCHOR:
        workspace.registers.append(parsed.path)


def _parse(
    target: Path, text: str, raw: list[Finding], model: BaseModel | None = None
) -> Parsed | None:
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch) / target.name
        tmp.write_text(text, encoding="utf-8")
        if model is not None:
            loaded = load(tmp)
            kind = loaded.data.get("kind") if isinstance(loaded, Document) else None
            if isinstance(loaded, Document) and isinstance(loaded.data, dict):
                return Parsed(target, str(kind), replace(loaded, path=target, data=None), model)
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


def dump(data: object, *comments: str) -> str:
    """Block-style YAML (`core.emitting.dump`)."""
    from stakecli.core.emitting import dump as emit

    return emit(data, *comments)


def write(files: Mapping[Path, str], *, force: bool = False) -> None:
    """Write each file atomically (its folder made if missing), never through a link.

    With `force` (the user's --force), a symbolic link in place of a file is replaced.
    """
    from stakecli.core.publishing import write_atomic

    for target, text in files.items():
        write_atomic(target, text, force=force)
