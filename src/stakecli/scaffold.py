"""Create a stakecli folder: a blank start, or a copy of one of the shipped examples."""

from __future__ import annotations

from pathlib import Path

from stakecli.core.errors import UsageError
from stakecli.core.publishing import refuse_unsafe, write_atomic
from stakecli.core.rendering import builtin_templates


def examples_root() -> Path:
    """The shipped examples: inside the wheel, or the repository's top-level `examples/`."""
    packaged = Path(__file__).resolve().parent / "examples"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples"


def examples() -> list[str]:
    """Names of the examples `init --example` can copy."""
    return sorted(p.name for p in examples_root().iterdir() if p.is_dir() and p.name != "mistakes")


def init(target: Path, example: str | None = None, *, force: bool = False) -> list[Path]:
    """Copy the starter files (or an example) into `target`; returns the files written.

    Refuses to overwrite any existing file unless `force` is set, and then names none it
    skipped: either every file is written or none is. Never writes through a symbolic link
    (with `force` the link itself is replaced) or into a linked folder that leads out of
    `target`.
    """
    if example is not None and example not in examples():
        raise UsageError(f"unknown example {example!r}; choose one of: {', '.join(examples())}")
    source = examples_root() / example if example else builtin_templates() / "scaffold"
    files = sorted(p for p in source.rglob("*") if p.is_file())
    plan = [(p, target / p.relative_to(source)) for p in files]
    clashes = [dest for _, dest in plan if dest.exists() or dest.is_symlink()]
    if clashes and not force:
        names = ", ".join(str(c) for c in clashes[:5])
        raise UsageError(
            f"{names} already exist{'s' if len(clashes) == 1 else ''}; "
            "nothing was written (use --force to overwrite)"
        )
    for _, dest in plan:  # every check before the first write: all files or none
        refuse_unsafe(dest, target, force=force)
    for src, dest in plan:
        write_atomic(dest, src.read_bytes(), target, force=force)
    return [dest for _, dest in plan]
