"""Which files form each project: the one answer every command uses.

The rule (docs/projects.md): a project is a folder that directly holds a register (a file
with the anchor kind, `kind: stakeholders`) and every stakecli file below it, down to the
next folder that holds a register of its own. A file belongs to the nearest such folder at
or above its own, looking up to the git root (outside a repository: up to the folder above
the path named on the command line). A file with no register above it belongs to a project
without a register, rooted at the path it was found through; it never sees another
project's register. Each project is served by the config found from its root.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")
SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}

Declares = Callable[[Path, str], bool]
"""`declares(path, kind)`: whether a file says it is of `kind` (a cheap check, no parsing)."""


@dataclass(slots=True)
class Project:
    """The files that belong together, and which of them the run was asked about.

    Attributes:
        root: the folder that holds the register, or the path a register-less group was
            found through.
        anchored: whether `root` holds a register.
        files: every candidate file of the project, in path order.
        named: the files the user named (directly or through a folder): their findings are
            reported; the others are context (the register a named RACI file refers to).
        required: the files named one by one: not being a stakecli file is an error.
    """

    root: Path
    anchored: bool
    files: list[Path] = field(default_factory=list)
    named: set[Path] = field(default_factory=set)
    required: set[Path] = field(default_factory=set)


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """(explicit files, (file, folder it was found under) for YAML files found in folders).

    A file found in a folder is checked only if it declares a stakecli `kind`, so CI configs
    and the like are left alone; hidden folders and tool folders are skipped.
    """
    explicit: list[Path] = []
    found: list[tuple[Path, Path]] = []
    for path in paths:
        if path.is_dir():
            found.extend((p, path) for p in yaml_below(path))
        else:
            explicit.append(path)
    seen = set(explicit)
    return explicit, [(p, top) for p, top in found if p not in seen]


def yaml_below(folder: Path) -> Iterator[Path]:
    """The YAML files under `folder`, recursively, in path order, hidden folders skipped."""
    for p in sorted(folder.rglob("*")):
        if p.suffix in YAML_SUFFIXES and p.is_file() and not _skipped(p.relative_to(folder)):
            yield p


def _skipped(relative: Path) -> bool:
    return any(part in SKIP_DIRS or part.startswith(".") for part in relative.parts[:-1])


class _Anchors:
    """Memoised answers to "does this folder hold a register?" and "where does the search stop?"."""

    def __init__(self, anchor: str, declares: Declares) -> None:
        self.anchor = anchor
        self.declares = declares
        self.holds: dict[Path, bool] = {}

    def holds_register(self, folder: Path) -> bool:
        if folder not in self.holds:
            self.holds[folder] = any(
                p.suffix in YAML_SUFFIXES and p.is_file() and self.declares(p, self.anchor)
                for p in _children(folder)
            )
        return self.holds[folder]

    def root_of(self, file: Path, named_from: Path) -> Path | None:
        """The nearest folder at or above `file`'s that holds a register, within the bound."""
        stop = _bound(named_from)
        for folder in (file.parent, *file.parent.parents):
            if self.holds_register(folder):
                return folder
            if folder == stop:
                return None
        return None


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def _bound(named_from: Path) -> Path:
    """The highest folder the register search looks at for a path named on the command line."""
    start = named_from if named_from.is_dir() else named_from.parent
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start.parent


def group(paths: Iterable[Path], anchor: str, declares: Declares) -> list[Project]:
    """The projects the files under `paths` belong to, each with its context files.

    Paths are resolved, so the same file named twice (or through `..`) is one file.
    """
    explicit, found = discover(paths)
    anchors = _Anchors(anchor, declares)
    projects: dict[tuple[Path, bool], Project] = {}

    def project_of(file: Path, named_from: Path) -> Project:
        root = anchors.root_of(file.resolve(), named_from.resolve())
        if root is not None:
            key = (root, True)
        else:
            top = named_from.resolve()
            key = (top if top.is_dir() else top.parent, False)
        if key not in projects:
            projects[key] = Project(root=_display(key[0]), anchored=key[1])
        return projects[key]

    for file in explicit:
        project = project_of(file, file)
        project.named.add(file)
        project.required.add(file)
        _add(project, file)
    for file, top in found:
        project = project_of(file, top)
        project.named.add(file)
        _add(project, file)
    for project in projects.values():
        _add_context(project, anchors)
        project.files.sort()
    return sorted(projects.values(), key=lambda p: (str(p.root), p.anchored))


def _add(project: Project, file: Path) -> None:
    if file not in project.files:
        project.files.append(file)


def _add_context(project: Project, anchors: _Anchors) -> None:
    """Add the project's files that were not named: below its root, down to the next root."""
    known = {f.resolve() for f in project.files}
    for candidate in yaml_below(project.root.resolve()):
        if candidate in known:
            continue
        if _owner(candidate.parent, project.root.resolve(), anchors) == project.root.resolve():
            project.files.append(_display(candidate))
            known.add(candidate)


def _display(path: Path) -> Path:
    """`path` relative to the current folder when it lies below it, as users name files."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _owner(folder: Path, root: Path, anchors: _Anchors) -> Path:
    while folder != root and not anchors.holds_register(folder):
        folder = folder.parent
    return folder


def whole(projects: Iterable[Project]) -> list[Project]:
    """The same projects with every file named: a command checks a subject's whole project."""
    out = []
    for p in projects:
        out.append(Project(p.root, p.anchored, list(p.files), set(p.files), set(p.required)))
    return out
