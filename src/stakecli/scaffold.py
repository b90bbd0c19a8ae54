"""Create stakecli files: a new folder (blank, chosen kinds, or an example) and starter files.

Every kind has a commented starter in `templates/scaffold/<kind>.yaml`, valid as written in a
folder made by `stakecli init` (it names the starter register's people). Files get a schema
modeline for the editor that works where they are written: the JSON Schemas are copied into
the project's `.stakecli/schemas/` and each file points there by a relative path, so the
folder can move or leave the repository and completion keeps working.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from stakecli.core.errors import UsageError
from stakecli.core.publishing import refuse_unsafe, write_atomic
from stakecli.core.rendering import builtin_templates

SCHEMA_DIR = Path(".stakecli") / "schemas"
"""Where a project keeps the JSON Schemas its modelines point at."""
MODELINE = re.compile(r"^# yaml-language-server: \$schema=\S*\n", re.M)
PLACES = {
    "decision": Path("decisions") / "0001-choose-how-to-run-the-initiative.yaml",
    "interactions": Path("interactions") / "contacts.yaml",
    "interviews": Path("interviews") / "interviews.yaml",
    "review": Path("reviews") / "first-review.yaml",
}
"""Where a kind's starter goes in a new folder, when not `<kind>.yaml`."""
ANCHOR = "stakeholders"
"""The kind every new folder holds: the register the other files name people from."""
NEEDS = {"charter": ("raci",), "review": ("comms",)}
"""Starters that point into another kind's starter (the charter's decision rights name RACI
rows, a review names a ceremony of the comms plan), so `init --with charter` writes that one
too."""


def examples_root() -> Path:
    """The shipped examples: inside the wheel, or the repository's top-level `examples/`."""
    packaged = Path(__file__).resolve().parent / "examples"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples"


def examples() -> list[str]:
    """Names of the examples `init --example` can copy."""
    return sorted(p.name for p in examples_root().iterdir() if p.is_dir() and p.name != "mistakes")


def starter(kind: str) -> Path:
    """The starter template of `kind`."""
    return builtin_templates() / "scaffold" / f"{kind}.yaml"


def starter_text(kind: str, today: dt.date | None = None) -> str:
    """The starter of `kind` as written on `today`, so that it never starts out stale.

    `{{today}}` becomes the date and `{{today-N}}` the date N days earlier.
    """
    day = today or dt.date.today()

    def date(match: re.Match[str]) -> str:
        return (day - dt.timedelta(days=int(match.group(1) or 0))).isoformat()

    text = starter(kind).read_text(encoding="utf-8")
    return re.sub(r"\{\{today(?:-(\d+))?\}\}", date, text)


def place(kind: str) -> Path:
    """Where the starter of `kind` goes, relative to a new folder."""
    return PLACES.get(kind, Path(f"{kind}.yaml"))


def schema_document(kind: str) -> str:
    """The JSON Schema of `kind` as published (`stakecli schema KIND`, `schemas/`)."""
    from stakecli import kinds

    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **kinds.model(kind).model_json_schema(),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def modeline(file: Path, root: Path, kind: str) -> str:
    """The yaml-language-server line of `file` pointing at `root`'s copy of the schema."""
    schema = root / SCHEMA_DIR / f"{kind}.schema.json"
    relative = os.path.relpath(schema, file.parent).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={relative}\n"


def with_modeline(text: str, file: Path, root: Path, kind: str) -> str:
    """`text` with its modeline (if any) replaced by one that works at `file`."""
    return modeline(file, root, kind) + MODELINE.sub("", text, count=1)


def parse_kinds(names: Iterable[str]) -> list[str]:
    """The kinds of `--with raci,charter` (comma-separated, repeatable), checked and in order."""
    from stakecli.kinds import NAMES

    wanted = [n.strip() for item in names for n in item.split(",") if n.strip()]
    if "all" in wanted:
        return list(NAMES)
    unknown = [n for n in wanted if n not in NAMES]
    if unknown:
        raise UsageError(
            f"unknown kind {unknown[0]!r} for --with; choose from {', '.join(NAMES)} (or all)"
        )
    wanted += [need for kind in wanted for need in NEEDS.get(kind, ())]
    return [k for k in NAMES if k == ANCHOR or k in wanted]


def init(
    target: Path,
    example: str | None = None,
    *,
    force: bool = False,
    kinds: Iterable[str] = (),
) -> list[Path]:
    """Write a new folder: the register and the starters of `kinds`, or a copy of `example`.

    Returns the files written. Refuses to overwrite any existing file unless `force` is set,
    and then names none it skipped: either every file is written or none is.
    """
    chosen = parse_kinds(kinds)
    if example is not None and example not in examples():
        raise UsageError(f"unknown example {example!r}; choose one of: {', '.join(examples())}")
    if example is not None and len(chosen) > 1:
        raise UsageError("--with chooses the files of a blank start; drop it or --example")
    plan = _example_plan(target, example) if example else _starter_plan(target, chosen)
    present = sorted({kind for _, kind, _ in plan if kind})
    plan += [(target / SCHEMA_DIR / f"{k}.schema.json", None, schema_document(k)) for k in present]
    clashes = [dest for dest, _, _ in plan if dest.exists() or dest.is_symlink()]
    if clashes and not force:
        names = ", ".join(str(c) for c in clashes[:5])
        raise UsageError(
            f"{names} already exist{'s' if len(clashes) == 1 else ''}; "
            "nothing was written (use --force to overwrite)"
        )
    for dest, _, _ in plan:  # every check before the first write: all files or none
        refuse_unsafe(dest, target, force=force)
    for dest, _, content in plan:
        data = content.read_bytes() if isinstance(content, Path) else content
        write_atomic(dest, data, target, force=force)
    return [dest for dest, _, _ in plan]


Plan = list[tuple[Path, str | None, "str | Path"]]
"""(destination, kind or None, text to write or a file to copy)."""


def _starter_plan(target: Path, chosen: list[str]) -> Plan:
    plan: Plan = []
    for kind in chosen:
        dest = target / place(kind)
        plan.append((dest, kind, with_modeline(starter_text(kind), dest, target, kind)))
    return plan


def _example_plan(target: Path, example: str) -> Plan:
    from stakecli.core.loading import declares_kind
    from stakecli.kinds import NAMES

    source = examples_root() / example
    plan: Plan = []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        dest = target / path.relative_to(source)
        yaml = path.suffix in (".yaml", ".yml")
        kind = next((k for k in NAMES if declares_kind(path, k)), None) if yaml else None
        if kind is None:
            plan.append((dest, None, path))
            continue
        text = path.read_text(encoding="utf-8")
        plan.append((dest, kind, with_modeline(text, dest, target, kind)))
    return plan


def project_root(folder: Path) -> Path:
    """The folder whose `.stakecli/schemas` a new file in `folder` uses.

    From `folder` up (stopping at a git root): the nearest folder that already has
    `.stakecli/`, else the nearest that holds a register (the project's folder: a decision in
    `decisions/` uses the schemas beside the register), else `folder` itself.
    """
    from stakecli.core.loading import declares_kind

    here = folder.resolve()
    chain = []
    for candidate in (here, *here.parents):
        chain.append(candidate)
        if (candidate / ".git").exists():
            break
    for candidate in chain:
        if (candidate / ".stakecli").is_dir():
            return candidate
    for candidate in chain:
        yaml = [p for p in candidate.glob("*.y*ml") if p.suffix in (".yaml", ".yml")]
        if any(declares_kind(p, "stakeholders") for p in yaml):
            return candidate
    return here


def ensure_schema(root: Path, kind: str) -> Path | None:
    """Write `root/.stakecli/schemas/<kind>.schema.json` if missing; the path if written."""
    path = root / SCHEMA_DIR / f"{kind}.schema.json"
    if path.exists():
        return None
    write_atomic(path, schema_document(kind), root)
    return path


def new(kind: str, path: Path) -> list[Path]:
    """Write the starter of `kind` at `path` (a file, or a folder for `<kind>.yaml` in it).

    Never overwrites. Returns the files written: the starter, then its schema if it was new.
    """
    target = path / f"{kind}.yaml" if path.is_dir() else path
    here = target.parent
    while not here.exists() and here != here.parent:
        here = here.parent
    root = project_root(here)
    text = with_modeline(starter_text(kind), target, root, kind)
    if target.exists() or target.is_symlink():
        raise UsageError(f"{target} already exists; nothing was written")
    write_atomic(target, text, target.parent)
    schema = ensure_schema(root, kind)
    return [target, *([schema] if schema else [])]


def add_modeline(path: Path, kind: str) -> list[Path]:
    """Give a file stakecli just created a working modeline; returns a schema it wrote."""
    root = project_root(path.parent)
    text = path.read_text(encoding="utf-8")
    write_atomic(path, with_modeline(text, path, root, kind), path.parent)
    schema = ensure_schema(root, kind)
    return [schema] if schema else []
