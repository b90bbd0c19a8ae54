"""`stakecli stakeholders diff REV1 [REV2] [PATH]`: what changed between two git revisions."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from stakecli.cli._app import ConfigOpt, fail, reports_errors
from stakecli.cli.stakeholders import group

WORKING_TREE = "working tree"


class DiffFormat(StrEnum):
    """Output formats of `stakeholders diff`."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


@group.command()
@reports_errors
def diff(
    args: Annotated[
        list[str],
        typer.Argument(
            metavar="REV1 [REV2] [PATH]",
            help="Revisions to compare (REV2 defaults to the working tree) and the register "
            "file or folder (default: the current folder).",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DiffFormat.TEXT,
    config: ConfigOpt = None,
) -> None:
    """Report class transitions, quadrant moves, engagement changes, additions and removals.

    Example: stakecli stakeholders diff main HEAD examples/vendor-renewal --format markdown
    """
    from stakecli import pipeline
    from stakecli.core import gitrev
    from stakecli.stakeholders import attention, changes

    rev1, rev2, path = _split(args)
    root, _ = gitrev.relative(path)
    file = _register_path(path, root, rev1)
    _, rel = gitrev.relative(file)
    settings = attention.Settings.from_config(pipeline.settings(file.parent, config))
    before = _ranked(file, root, rel, rev1, settings, config)
    result = changes.compare(before, _ranked(file, root, rel, rev2, settings, config))
    labels = {"register": rel, "from": rev1, "to": rev2 or WORKING_TREE}
    if fmt is DiffFormat.JSON:
        _print_json(labels, result)
    elif fmt is DiffFormat.MARKDOWN:
        _print_markdown(labels, result)
    else:
        sys.stdout.write(_text(labels, result))


def _ranked(
    file: Path, root: Path, rel: str, rev: str | None, settings: Any, config: Path | None
) -> Any:
    """The register's stakeholders assessed and ranked, at `rev` (None: the working tree)."""
    from stakecli import pipeline
    from stakecli.core import gitrev
    from stakecli.stakeholders import attention

    if rev is None:
        register = pipeline.register(file, config)
    else:
        raw = gitrev.show(root, rev, rel)
        register = pipeline.register_at(raw, rel, f"{rev}:{rel}")
    return attention.rank(register.stakeholders, settings)


def _print_json(labels: dict[str, Any], result: Any) -> None:
    import json

    document = {**labels, "changes": result.as_dict()}
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def _print_markdown(labels: dict[str, Any], result: Any) -> None:
    from stakecli.core import rendering
    from stakecli.core.publishing import INTERNAL_BANNER
    from stakecli.stakeholders.views import changes_context

    context = changes_context(labels, result.as_dict())
    body = rendering.render("stakeholder-changes.md.j2", context)
    sys.stdout.write(INTERNAL_BANNER + body)


def _split(args: list[str]) -> tuple[str, str | None, Path]:
    """REV1 [REV2] [PATH]: with two arguments the second is PATH if it exists on disk."""
    if not 1 <= len(args) <= 3:
        fail("diff takes REV1 [REV2] [PATH]")
    if len(args) == 3:
        return args[0], args[1], Path(args[2])
    if len(args) == 2:
        if Path(args[1]).exists():
            return args[0], None, Path(args[1])
        return args[0], args[1], Path()
    return args[0], None, Path()


def _register_path(path: Path, root: Path, rev: str) -> Path:
    """The register file: found in the working tree, or named by PATH even if deleted since."""
    from stakecli.stakeholders import registers

    if path.is_file() or path.is_dir():
        return registers.find(path)
    if path.suffix in (".yaml", ".yml"):
        return path  # removed from the working tree; it may exist at the revisions
    return registers.find(path)


def _text(labels: dict[str, str], result: Any) -> str:
    lines = [f"{labels['register']}: {labels['from']} -> {labels['to']}"]
    sections = [
        ("class transitions", result.classes),
        ("quadrant moves", result.quadrants),
        ("engagement changes", result.engagement),
    ]
    for title, moves in sections:
        if moves:
            lines.append(f"{title}:")
            lines += [f"  {m.id} ({m.name}): {m.before} -> {m.after}" for m in moves]
    for title, sign, entries in (("added", "+", result.added), ("removed", "-", result.removed)):
        if entries:
            lines.append(f"{title}:")
            lines += [f"  {sign} {e.id} ({e.name}): {e.cls}, {e.quadrant}" for e in entries]
    if result.empty:
        lines.append("no changes to classes, quadrants, engagement or membership")
    return "\n".join(lines) + "\n"


group.command(
    "changes",
    hidden=True,
    help="Alias of `diff`.\n\nExample: stakecli stakeholders changes HEAD~1 examples/partnership",
)(diff)
