"""`stakecli render`: Markdown documents from YAML, to stdout, to a folder, or checked for CI."""

import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from stakecli.cli._app import ConfigOpt, app, existing, fail, reports_errors, require_files
from stakecli.cli.completion import complete_documents

if TYPE_CHECKING:
    from collections.abc import Callable

    from stakecli.core.documents import DocumentSpec
    from stakecli.core.publishing import Rendered


class Audience(StrEnum):
    """Which documents to render."""

    INTERNAL = "internal"
    EXTERNAL = "external"
    ALL = "all"


@app.command()
@reports_errors
def render(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            callback=existing,
            help="YAML files or folders (searched recursively). Default: the current folder.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            file_okay=False,
            help="Write <stem>.<document>.md files into this folder instead of printing.",
        ),
    ] = None,
    document: Annotated[
        str | None,
        typer.Option(
            "--document",
            "-d",
            metavar="NAME",
            autocompletion=complete_documents,
            help="Only this document, e.g. decision-memo.",
        ),
    ] = None,
    audience: Annotated[
        Audience, typer.Option(help="internal, external (leak-guarded) or all.")
    ] = Audience.INTERNAL,
    templates: Annotated[
        list[Path] | None,
        typer.Option(
            "--templates",
            callback=existing,
            file_okay=False,
            help="Folder of templates that override the built-ins by name (repeatable).",
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Write nothing; exit 1 if a committed document (in -o DIR, default "
            "<path>/docs) is missing, out of date or edited.",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite files stakecli did not write or that were edited."),
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Render Markdown documents (decision memos, comms plans, agendas...) from YAML.

    Example: stakecli render examples/conflicting-kpis -o examples/conflicting-kpis/docs
    """
    from stakecli.core import publishing

    wanted = ["internal", "external"] if audience is Audience.ALL else [audience.value]
    chosen = _chooser(wanted, document)
    batches = [
        batch for path in paths or [Path()] for batch in _render(path, chosen, templates, config)
    ]
    if check:
        raise typer.Exit(_check(batches, output, wanted))
    everything = [d for batch in batches for d in batch.docs]
    if output is not None:
        publishing.refuse_collisions(everything)
        raise typer.Exit(_write(everything, output, force=force))
    _print(everything)


def _chooser(wanted: list[str], document: str | None) -> "Callable[[set[str]], list[DocumentSpec]]":
    """The chosen documents of the kinds present; an unknown document name stops here.

    Only the views of the kinds present are imported (the negotiation's import numpy).
    """
    from stakecli.core import publishing
    from stakecli.kinds import DOCUMENT_NAMES

    publishing.select([], wanted, document, DOCUMENT_NAMES)

    def chosen(kinds: set[str]) -> "list[DocumentSpec]":
        from stakecli.kinds import documents

        return publishing.select(documents(kinds), wanted, document, DOCUMENT_NAMES)

    return chosen


@dataclass(frozen=True, slots=True)
class _Batch:
    """The documents of one project, where they are committed, and whether orphans count."""

    docs: "list[Rendered]"
    folder: Path
    whole: bool


def _render(
    path: Path,
    chosen: "Callable[[set[str]], list[DocumentSpec]]",
    templates: list[Path] | None,
    config: Path | None,
) -> list[_Batch]:
    """Every chosen document of the projects `path` belongs to (one named file: its own).

    `chosen` gives the chosen documents of the kinds present.
    """
    from stakecli import pipeline
    from stakecli.core import publishing

    report = pipeline.subject(path, config, done="rendered")
    require_files([path], report.files)
    specs = chosen({p.kind for w in report.workspaces for p in w.files})
    batches = []
    from stakecli.core import progress

    with progress.task("rendering", len(report.workspaces)) as tick:
        for workspace in report.workspaces:
            root = workspace.root or (path if path.is_dir() else path.parent)
            only = path if path.is_file() else None  # a file: its own documents
            docs = publishing.produce(workspace, specs, root, templates or [], only)
            batches.append(_Batch(docs, root / "docs", whole=path.is_dir()))
            tick.advance()
    return batches


def _check(batches: list[_Batch], output: Path | None, wanted: list[str]) -> int:
    from stakecli.core.publishing import State, orphans, state

    problems = checked = 0
    for batch in batches:
        folder = output or batch.folder
        for doc in batch.docs:
            checked += 1
            behind = 0  # a document is out of date when any of its files is
            for name, content in doc.files(folder):
                found = state(folder / name, content)
                if found is not State.FRESH:
                    behind = 1
                    sys.stdout.write(f"{folder / name}: {found.reason} (from {doc.source})\n")
            problems += behind
        made = (name for d in batch.docs for name, _ in d.files(folder))
        extras = orphans(folder, made, wanted) if batch.whole else []
        for extra in extras:
            problems += 1
            sys.stdout.write(
                f"{extra}: generated from a source that no longer produces it; delete it\n"
            )
    verdict = f"{problems} out of date" if problems else "all up to date"
    from stakecli.core.plural import count

    sys.stderr.write(f"{count(checked, 'document')} checked: {verdict}\n")
    return 1 if problems else 0


def _write(docs: "list[Rendered]", folder: Path, *, force: bool) -> int:
    from stakecli.core.publishing import State, refuse_unsafe, state, write_atomic

    refused = 0
    files = [(folder / name, content) for doc in docs for name, content in doc.files(folder)]
    for target, _ in files:  # every check before the first write
        refuse_unsafe(target, folder, force=True)
    for target, content in files:
        if target.is_symlink() and not force:
            refused += 1
            sys.stderr.write(
                f"stakecli: {target}: not overwritten: a symbolic link; use --force to "
                "replace the link (not what it points to)\n"
            )
            continue
        found = state(target, content)
        if found in (State.EDITED, State.FOREIGN) and not force:
            refused += 1
            sys.stderr.write(
                f"stakecli: {target}: not overwritten: {found.reason}; "
                "use --force to overwrite it\n"
            )
            continue
        if found is State.FRESH:
            sys.stderr.write(f"unchanged {target}\n")
            continue
        write_atomic(target, content, folder, force=force)
        sys.stderr.write(f"wrote {target}\n")
    return 1 if refused else 0


def _print(docs: "list[Rendered]") -> None:
    if len(docs) != 1:
        names = ", ".join(f"{d.name}" for d in docs) or "none"
        fail(
            f"{len(docs)} documents selected ({names}); print one with --document NAME "
            "and a single file, or write them all with -o DIR"
        )
    from stakecli.core.publishing import figure_note

    note = figure_note(docs[0].name, docs[0].figures)
    if note is not None:
        sys.stderr.write(note + "\n")
    sys.stdout.write(docs[0].body)
