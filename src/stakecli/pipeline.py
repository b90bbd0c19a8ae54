"""The validation pipeline: discover -> load -> parse -> check -> grade -> locate. Read first.

Per-file problems are values (findings), never exceptions, so one bad file never stops the
others.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from stakecli import kinds
from stakecli.core import progress, projects
from stakecli.core.config import Config
from stakecli.core.findings import Finding, Severity
from stakecli.core.loading import Document, declares_kind, load
from stakecli.core.project import Parsed, Report, Workspace
from stakecli.core.rules import Rule

_SUPPRESS = re.compile(r"#\s*stakecli:\s*disable(-next-line|-file)?(?:=([\w.,\s-]+))?")

RULES = [
    Rule(
        "file.not-mapping",
        "error",
        "The document is not a mapping (key: value pairs).",
        why="""A stakecli file is a mapping that starts with `kind:` and `version:`; a list or a
        lone value at the top is not one, whatever it holds.""",
        bad="""
        - kind: stakeholders
          version: 1
        """,
        good="""
        kind: stakeholders
        version: 1
        stakeholders: []
        """,
    ),
    Rule(
        "kind.missing",
        "error",
        "The file has no `kind:` saying which stakecli file it is.",
        why="""`kind:` says which schema and checks apply; a file named on the command line
        without it cannot be checked at all (in folders such files are skipped).""",
        bad="""
        version: 1
        stakeholders: []
        """,
        good="""
        kind: stakeholders
        version: 1
        stakeholders: []
        """,
    ),
    Rule(
        "kind.unknown",
        "error",
        "`kind:` names no stakecli file kind.",
        why="""A misspelt kind would leave the file unchecked; the finding names the closest
        kind stakecli knows.""",
        bad="""
        kind: stakeholder
        version: 1
        stakeholders: []
        """,
        good="""
        kind: stakeholders
        version: 1
        stakeholders: []
        """,
    ),
    Rule(
        "kind.version",
        "error",
        "`version:` is missing or not a version stakecli reads.",
        why="""The version says which format the file is written in; reading a format stakecli
        does not know as if it were another would misread it.""",
        bad="""
        kind: stakeholders
        version: 3
        stakeholders: []
        """,
        good="""
        kind: stakeholders
        version: 1
        stakeholders: []
        """,
    ),
]


def settings(start: Path, explicit: Path | None = None) -> Config:
    """The config that serves `start` (see `core.config.discover`), its rule codes checked."""
    from stakecli.core import config as config_mod

    found = config_mod.discover(start, explicit)
    if found.rules:
        config_mod.check_rule_codes(found, kinds.all_rules())
    return found


def run(
    paths: Iterable[Path],
    config: Config | None = None,
    *,
    explicit: Path | None = None,
    whole: bool = False,
    today: date | None = None,
) -> Report:
    """Validate every stakecli file under `paths`, project by project.

    Args:
        paths: files and folders, as named on the command line.
        config: one config for every project (tests, `--config` already read); by default
            each project is served by the config found from its root (or `explicit`).
        explicit: a `--config` file.
        whole: report the findings of every file of the projects touched, not only of the
            files named (what a command checks before it analyses or renders).
        today: the as-of date of date-dependent checks (`--today`), over every config's
            `engagement.today`.
    """
    loads = _Loads()
    groups = projects.group(paths, ANCHOR, loads.declares)
    if whole:
        groups = projects.whole(groups)
    report = Report()
    served: dict[Path, Config] = {}
    for project in groups:
        if config is not None:
            settings_ = config
        else:
            if project.root not in served:
                served[project.root] = settings(project.root, explicit)
            settings_ = served[project.root]
        if today is not None:
            dated = settings_.engagement.model_copy(update={"today": today})
            settings_ = settings_.model_copy(update={"engagement": dated})
        _check_project(project, settings_, report, loads)
    report.findings.sort(key=Finding.sort_key)
    return report


def subject(
    path: Path,
    explicit: Path | None = None,
    *,
    done: str = "analysed",
    shows: Callable[[Finding], bool] | None = None,
    today: date | None = None,
) -> Report:
    """The checked projects of `path`, for a command that analyses or renders it.

    This is the one stopping step: every file of the projects `path` belongs to is checked
    as `validate` checks it, and any finding at error severity raises `FindingsStop` (exit
    1, the findings printed as `validate` prints them). Warnings do not stop a command.
    A command that shows some findings itself (`raci` shows a matrix's own findings beside
    it) names them with `shows`; only the other errors stop it.
    """
    from stakecli.core.errors import FindingsStop

    report = run([path], explicit=explicit, whole=True, today=today)
    stopping = [f for f in report.errors() if shows is None or not shows(f)]
    if stopping:
        raise FindingsStop(stopping, str(path), done)
    return report


def require_folder(path: Path) -> None:
    """Stop with a usage error unless `path` is a folder (the commands that take a project)."""
    from stakecli.core.errors import UsageError

    if not path.is_dir():
        raise UsageError(f"{path} is not a folder; pass the project folder")


def project(
    folder: Path, explicit: Path | None = None, today: date | None = None
) -> tuple[Workspace, date]:
    """The checked project at the folder `folder` (errors stop the command), and its as-of date."""
    from stakecli.core.errors import UsageError
    from stakecli.engagement.cadence import as_of

    require_folder(folder)
    report = subject(folder, explicit, today=today)
    wanted = folder.resolve()
    found = [w for w in report.workspaces if w.root is not None and w.root.resolve() == wanted]
    if not found:
        raise UsageError(f"{folder} holds no project (a folder with a stakeholders.yaml register)")
    return found[0], as_of(found[0].config)


def subjects(report: Report, path: Path, kind: str) -> list[Parsed]:
    """The parsed files of `kind` that `path` names: the file itself, or those under a folder."""
    return [p for w in report.workspaces for p in w.of_kind(kind) if _names(path, p.path)]


def _names(path: Path, file: Path) -> bool:
    """Whether `path` names `file`: is it, or is a folder above it."""
    wanted = path.resolve()
    return file.resolve() == wanted or wanted in file.resolve().parents


def one(path: Path, kind: str, explicit: Path | None = None) -> tuple[Parsed, Workspace]:
    """The one file of `kind` that `path` names, and its project, checked (errors stop).

    A folder that holds no such file, or several, is a usage error: the user names the file.
    """
    from stakecli.core.errors import UsageError

    report = subject(path, explicit)
    found = subjects(report, path, kind)
    if not found:
        raise UsageError(f"no {kind} file (kind: {kind}) in {path}")
    if len(found) > 1:
        names = ", ".join(str(p.path) for p in found)
        raise UsageError(f"{len(found)} {kind} files in {path}; name one: {names}")
    workspace = report.workspace_of(found[0].path)
    assert workspace is not None  # a parsed file belongs to the workspace it was parsed in
    return found[0], workspace


@dataclass(frozen=True, slots=True)
class Shown:
    """The files of some kinds that a path names, and their own findings (`shown`)."""

    report: Report
    files: list[Parsed]
    findings: list[Finding]

    def workspaces(self) -> list[Workspace]:
        """The checked projects that hold the files."""
        return [w for w in self.report.workspaces if any(p in w.files for p in self.files)]


def shown(path: Path, kinds: Collection[str], explicit: Path | None = None) -> Shown:
    """The files of `kinds` that `path` names, for a command that shows them with findings.

    The findings of those files (also of those that do not parse) are the command's to show
    beside them; errors anywhere else in their projects stop it, as in `subject`.
    """

    def own(f: Finding) -> bool:
        if f.path is None:  # a finding about the project as a whole
            return False
        file = Path(f.path)
        return _names(path, file) and any(declares_kind(file, k) for k in kinds)

    report = subject(path, explicit, shows=own)
    files = [p for kind in kinds for p in subjects(report, path, kind)]
    return Shown(report, files, [f for f in report.findings if own(f)])


def register(path: Path, explicit: Path | None = None) -> Any:
    """The register at `path`, checked within its project; errors stop (`FindingsStop`)."""
    parsed, _ = one(path, ANCHOR, explicit)
    return parsed.model


def people(folder: Path) -> dict[str, str]:
    """Register id -> name over the registers under `folder` (none, or not a folder: empty).

    Each register is checked within its project; errors stop (`FindingsStop`).
    """
    from stakecli.core.projects import yaml_below

    if not folder.is_dir():
        return {}
    files = [p for p in yaml_below(folder) if declares_kind(p, ANCHOR)]
    return {s.id: s.name for f in files for s in register(f).stakeholders}


def register_at(raw: bytes, name: str, label: str) -> Any:
    """A register read elsewhere (a git revision), checked on its own; findings name `label`."""
    import tempfile

    from stakecli.core.errors import FindingsStop

    with tempfile.TemporaryDirectory(prefix="stakecli-") as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(raw)
        try:
            return register(path)
        except FindingsStop as exc:
            relabelled = [replace(f, path=label) for f in exc.findings]
            raise FindingsStop(relabelled, label) from None


ANCHOR = "stakeholders"
"""The kind whose folder makes a project (see `core.projects`)."""


class _Loads:
    """Each file of a run is read once, whether to find registers or to check it."""

    def __init__(self) -> None:
        self.cache: dict[Path, Document | Finding] = {}

    def load(self, path: Path) -> Document | Finding:
        key = path.resolve()
        if key not in self.cache:
            self.cache[key] = load(path)
        return self.cache[key]

    def release(self, path: Path) -> Document:
        """The loaded `path` without its plain data, which its model now holds.

        A parsed file keeps its node tree and text (for positions and suppressions); the
        plain data of a large register is as large as its models, so it goes.
        """
        key = path.resolve()
        loaded = self.cache[key]
        assert isinstance(loaded, Document)
        self.cache[key] = thin = replace(loaded, data=None)
        return thin

    def declares(self, path: Path, kind: str) -> bool:
        """Whether `path` is a file of `kind`: a text check first, a parse when it may be."""
        if declares_kind(path, kind):
            return True
        try:
            with path.open("rb") as handle:
                if kind.encode() not in handle.read(65536):
                    return False
        except OSError:
            return False
        loaded = self.load(path)
        return isinstance(loaded, Document) and _kind(loaded) == kind


def _kind(document: Document) -> object:
    return document.data.get("kind") if isinstance(document.data, dict) else None


@dataclass
class _Project:
    """What checking one project gathers: its workspace, documents and unlocated findings."""

    workspace: Workspace
    named: set[str]
    documents: dict[str, Document] = field(default_factory=dict)
    raw: list[Finding] = field(default_factory=list)


def _check_project(
    project: projects.Project, config: Config, report: Report, loads: _Loads
) -> None:
    run_ = _Project(Workspace(config, root=project.root), {str(p) for p in project.named})
    label = f"checking {project.root.name or project.root}"
    with progress.task(label, len(project.files)) as tick:
        for path in project.files:
            _check_file(path, project.required, run_, report, loads)
            tick.advance()
    _check_across(run_, config, report)


def _check_file(
    path: Path, required: Collection[Path], run_: _Project, report: Report, loads: _Loads
) -> None:
    """Load, schema-check and data-check one file, filing what it gives in `run_`."""
    workspace = run_.workspace
    outcome = parse_file(path, required=path in required, loaded=loads.load(path))
    if outcome is None:
        return
    if str(path) in run_.named:
        report.files.append(path)
    document = outcome.document if isinstance(outcome, Parsed) else outcome[1]
    if document is not None and isinstance(document.data, dict):
        for data_check in kinds.data_checks(str(document.data.get("kind"))):
            run_.raw.extend(replace(f, path=str(path)) for f in data_check(document.data))
    if isinstance(outcome, Parsed):
        outcome = replace(outcome, document=loads.release(path))
        workspace.files.append(outcome)
        run_.documents[str(path)] = outcome.document
        if outcome.kind == ANCHOR:
            workspace.registers.append(path)
        return
    findings, document = outcome
    run_.raw.extend(findings)
    if document is not None:
        run_.documents[str(path)] = document
        if _kind(document) == ANCHOR:
            workspace.registers.append(path)


def _check_across(run_: _Project, config: Config, report: Report) -> None:
    """The file and project checks over the parsed files, then the located findings."""
    workspace, documents, raw, named = run_.workspace, run_.documents, run_.raw, run_.named
    present = {parsed.kind for parsed in workspace.files}
    checks = {kind: kinds.checks(kind) for kind in present}
    for parsed in workspace.files:
        for check in checks[parsed.kind]:
            raw.extend(replace(f, path=str(parsed.path)) for f in check(parsed, workspace))
    for project_check in kinds.project_checks(present):
        raw.extend(project_check(workspace))
    from stakecli.core import confidentiality

    raw.extend(confidentiality.check(workspace))
    report.parsed.extend(p for p in workspace.files if str(p.path) in named)
    report.workspaces.append(workspace)
    report.findings.extend(
        f for f in finalise(raw, documents, config) if f.path is None or f.path in named
    )


def parse_file(
    path: Path, *, required: bool = True, loaded: Document | Finding | None = None
) -> Parsed | tuple[list[Finding], Document | None] | None:
    """Load and schema-check one file; None for a non-stakecli YAML file found in a folder."""
    if loaded is None:
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
        model = schema_errors.validate(model_cls, data)  # in parts if large: bounded memory
    except (ValidationError, schema_errors.Invalid) as exc:
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
