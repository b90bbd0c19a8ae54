"""`stakecli stakeholders [PATH]` (the analysis) and `stakecli stakeholders diff REV1 [REV2]`."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from stakecli.cli._app import (
    ConfigOpt,
    DefaultCommandGroup,
    app,
    existing,
    fail,
    reports_errors,
    screen,
)
from stakecli.cli.transfer import DelimiterOpt


class _ShowByDefault(DefaultCommandGroup):
    """`stakecli stakeholders PATH` means `stakecli stakeholders show PATH`."""

    default = "show"


group = typer.Typer(
    cls=_ShowByDefault,
    rich_markup_mode=None,
    help="Stakeholder analysis: salience, power/interest, engagement gaps, who needs attention. "
    "`stakecli stakeholders PATH` is short for `stakecli stakeholders show PATH`.",
)
app.add_typer(group, name="stakeholders")


class Format(StrEnum):
    """Output formats of `stakeholders show`."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class SideFilter(StrEnum):
    """Values of --side."""

    INTERNAL = "internal"
    EXTERNAL = "external"


class Sort(StrEnum):
    """Orders of --sort."""

    ATTENTION = "attention"
    CIRCLE = "circle"
    ID = "id"
    NAME = "name"


PathArg = Annotated[
    Path,
    typer.Argument(help="A register file, or a folder holding one. Default: the current folder."),
]


@group.command()
@reports_errors
def show(
    path: PathArg = Path(),
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="Output format. csv is the analysis report (rank, class, quadrant, gap...), "
            "not the register: `stakecli stakeholders export` writes that.",
        ),
    ] = Format.TABLE,
    side: Annotated[SideFilter | None, typer.Option(help="Only internal or external.")] = None,
    tag: Annotated[
        list[str] | None, typer.Option(metavar="TAG", help="Only with this tag (repeat: any).")
    ] = None,
    cls: Annotated[
        list[str] | None,
        typer.Option(
            "--class",
            metavar="CLASS",
            help="Only this salience class (definitive, dependent...) or group (latent, "
            "expectant); repeat: any.",
        ),
    ] = None,
    quadrant: Annotated[
        list[str] | None,
        typer.Option(
            metavar="QUADRANT",
            help="Only this quadrant (key-players, keep-satisfied, keep-informed, "
            "minimal-effort) or strategy (manage-closely, monitor); repeat: any.",
        ),
    ] = None,
    hidden: Annotated[
        bool | None,
        typer.Option(
            "--hidden/--not-hidden",
            help="Only hidden stakeholders (found in interviews, along the journey), or only "
            "the others.",
            show_default=False,
        ),
    ] = None,
    sort: Annotated[Sort, typer.Option(help="Row order.")] = Sort.ATTENTION,
    circle: Annotated[
        bool, typer.Option("--circle", help="Show the Stakeholder Circle-style index.")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Classify and rank a register's stakeholders: who needs attention, and what to do.

    Example: stakecli stakeholders examples/vendor-renewal --format markdown
    """
    from stakecli import pipeline
    from stakecli.stakeholders import attention, registers
    from stakecli.stakeholders.model import Register

    _check_filters(cls, quadrant)
    file = registers.find(path)
    parsed, workspace = pipeline.one(file, "stakeholders", config)
    register = parsed.model
    assert isinstance(register, Register)
    settings = attention.Settings.from_config(workspace.config)
    chosen = _chosen(register, settings, side, tag, cls, quadrant, hidden, sort)
    if fmt is Format.MARKDOWN:
        _print_map(file, register, chosen, settings, workspace.config.grid.diagram_limit)
    elif fmt is Format.JSON:
        _print_json(file, settings, chosen)
    elif fmt is Format.CSV:
        _print_csv(chosen)
    else:
        _print_table(register.title or str(file), chosen, circle or sort is Sort.CIRCLE)


def _chosen(
    register: Any,
    settings: Any,
    side: SideFilter | None,
    tags: list[str] | None,
    classes: list[str] | None,
    quadrants: list[str] | None,
    hidden: bool | None,
    sort: Sort,
) -> list[Any]:
    """The stakeholders the filters keep, assessed and ranked, in the order asked for."""
    from stakecli.stakeholders import attention

    chosen = attention.select(
        attention.rank(register.stakeholders, settings),
        side=side.value if side else None,
        tags=tags or (),
        classes=classes or (),
        quadrants=quadrants or (),
        hidden=hidden,
    )
    chosen.sort(key=attention.SORTS[sort.value])
    return chosen


def _print_map(file: Path, register: Any, chosen: list[Any], settings: Any, limit: int) -> None:
    """The stakeholder-map document of the chosen stakeholders."""
    from stakecli.core import rendering
    from stakecli.core.publishing import INTERNAL_BANNER
    from stakecli.stakeholders.views import map_context

    context = map_context(register, chosen, settings, limit=limit)
    body = rendering.render("stakeholder-map.md.j2", context, [file.parent / "templates"])
    sys.stdout.write(INTERNAL_BANNER + body)


def _check_filters(classes: list[str] | None, quadrants: list[str] | None) -> None:
    """Stop on a --class or --quadrant value that names nothing, suggesting the closest."""
    from stakecli.stakeholders import attention

    _check_choices("--class", classes, attention.CLASS_CHOICES)
    _check_choices("--quadrant", quadrants, attention.QUADRANT_CHOICES)


def _check_choices(option: str, given: list[str] | None, choices: list[str]) -> None:
    import difflib

    for value in given or ():
        if value not in choices:
            guess = difflib.get_close_matches(value, choices, n=1)
            hint = f"did you mean {guess[0]!r}?" if guess else "choose from " + ", ".join(choices)
            fail(f"{option} {value!r} is not a known value; {hint}")


def _print_json(file: Path, settings: Any, chosen: list[Any]) -> None:
    from stakecli.core import jsontext
    from stakecli.stakeholders.records import encoded

    document = {
        "register": str(file),
        "settings": {
            "salience_threshold": settings.threshold,
            "grid_cutoff": settings.cutoff,
            "circle_weights": dict(settings.weights),
        },
        "stakeholders": encoded(chosen),
    }
    sys.stdout.write(jsontext.dumps(document) + "\n")


def _print_csv(chosen: list[Any]) -> None:
    import csv

    from stakecli.stakeholders.records import CSV_HEADER, csv_row

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_row(a) for a in chosen)


def _print_table(title: str, chosen: list[Any], with_circle: bool) -> None:
    """Aligned columns fitted to the terminal: names first, the id and details as room allows."""
    from stakecli.cli import tables
    from stakecli.core.plural import count

    C = tables.Col
    spec = [
        ("rank", C("#", fixed=True, justify="right")),
        ("name", C("name", minimum=16)),
        ("quadrant", C("quadrant", minimum=14, priority=3)),
        ("strategy", C("strategy", minimum=14)),
        ("engagement", C("C → D", minimum=20, priority=2)),
        ("gap", C("gap", fixed=True, priority=1)),
        ("cls", C("class", minimum=9, priority=4)),
        ("group", C("group", minimum=9, priority=6)),
        ("id", C("id", fixed=True, priority=5)),
    ]
    if with_circle:
        spec.insert(2, ("circle", C("circle", fixed=True, justify="right")))
    keys = [k for k, _ in spec]
    cols = [c for _, c in spec]
    lines = _cells(chosen, keys)
    out = screen()  # plain text written directly where rich would write no style
    sizes = tables.layout(cols, lines, out.width, gap=2)
    header, body = tables.plain(cols, lines, out.width, sizes)
    out.print(tables.fold(_printable(title), out.width), style="bold", markup=False)
    out.print(header, style="bold", markup=False, highlight=False)
    stream = out.stream if isinstance(out, tables.Plain) else out.file
    stream.write("".join(line + "\n" for line in body))
    tables.note(out, tables.dropped(cols, lines, out.width, gap=2, sizes=sizes))
    sys.stderr.write(count(len(chosen), "stakeholder") + "\n")  # what rich wrote: no markup


def _cells(chosen: list[Any], keys: list[str]) -> list[list[str]]:
    """`_printable(row(a)[key])` for each key, the labels shared by many rows made once."""
    from stakecli.stakeholders.views import LABEL_KEYS, circle_text, row_labels

    shared: dict[tuple[str, ...], dict[str, str]] = {}
    lines = []
    for a in chosen:
        labels = row_labels(a)
        shown = shared.get(labels)
        if shown is None:
            shown = shared[labels] = dict(zip(LABEL_KEYS, map(_printable, labels), strict=True))
        s = a.stakeholder
        cells = {
            "rank": str(a.rank),
            "name": _printable(s.name),
            "id": _printable(s.id),
            "circle": _printable(circle_text(a)),
            **shown,
        }
        lines.append([cells[k] for k in keys])
    return lines


def _printable(value: object) -> str:
    """One line without control characters: a name cannot move the cursor or break a row."""
    text = str(value)
    if text.isprintable() and "  " not in text:  # the common case, checked in C
        return text.strip()
    text = " ".join(text.split())
    return "".join(ch if ch.isprintable() else "?" for ch in text)


@group.command("import")
@reports_errors
def import_table(
    source: Annotated[
        Path, typer.Argument(callback=existing, dir_okay=False, help="A .csv, .tsv or .xlsx file.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Register file to write (default: stdout)."),
    ] = None,
    title: Annotated[str | None, typer.Option(help="The register's title.")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that already exist.")
    ] = False,
    delimiter: DelimiterOpt = None,
    sheet: Annotated[
        str | None, typer.Option(help="The .xlsx sheet to read (default: the first).")
    ] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="COLUMN=FIELD",
            help="Read COLUMN as a register field (repeat); FIELD notes keeps it in the notes, "
            "skip leaves it out. Also `spreadsheets.columns` in the config.",
        ),
    ] = None,
    default: Annotated[
        list[str] | None,
        typer.Option(
            "--default",
            metavar="FIELD=VALUE",
            help="Value for rows that leave FIELD blank, e.g. side=internal (repeat).",
        ),
    ] = None,
    skip_unknown: Annotated[
        bool, typer.Option("--skip-unknown", help="Leave out columns that name no field.")
    ] = False,
    keep_unknown: Annotated[
        bool,
        typer.Option("--keep-unknown", help="Keep columns that name no field in the notes."),
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Turn a stakeholder spreadsheet (CSV of any dialect, or Excel) into a validated register.

    Headings of real registers are understood (Stakeholder, Role, Department, Internal/External,
    Influence, Interest, Current Stance, Expectations, Email...); High/Medium/Low and Tier 1-3
    become 1-5 scores; ids are made from names. Every rule `validate` runs is run first:
    nothing is written unless it passes.

    Example: stakecli stakeholders import register.xlsx -o stakeholders.yaml
    """
    from stakecli import pipeline
    from stakecli.cli import transfer
    from stakecli.stakeholders import importing, writing

    transfer.refuse_existing(output, force)
    if skip_unknown and keep_unknown:
        fail("--skip-unknown and --keep-unknown exclude each other")
    settings = pipeline.settings(output.parent if output else Path(), config)
    options = _import_options(settings, mapping, default, skip_unknown, keep_unknown, title)
    table = transfer.read_table(source, delimiter, sheet)
    imported = importing.convert(table, source, options)
    outcome = writing.prepare(imported, source.name)
    findings = outcome.findings + _staged(imported, outcome, settings, output)
    transfer.write_checked(
        findings, outcome.content, output, force=force, what=f"{outcome.count} stakeholders"
    )


def _import_options(
    settings: Any,
    mapping: list[str] | None,
    default: list[str] | None,
    skip_unknown: bool,
    keep_unknown: bool,
    title: str | None,
) -> Any:
    """How to read the sheet: --map and --default over the config, the register's thresholds."""
    from stakecli.stakeholders import importing

    return importing.Options(
        settings=settings.spreadsheets,
        mapping=importing.parse_pairs(mapping or (), "--map"),
        defaults=importing.parse_pairs(default or (), "--default"),
        unknown="skip" if skip_unknown else "notes" if keep_unknown else "error",
        title=title,
        threshold=settings.salience.threshold,
        cutoff=settings.grid.cutoff,
    )


def _staged(imported: Any, outcome: Any, settings: Any, output: Path | None) -> list[Any]:
    """Every finding `validate` would give the register about to be written, beside the others.

    The register's model, validated from the same data, is handed over: its YAML is parsed
    for positions only, not validated again.
    """
    import tempfile

    from stakecli import staging
    from stakecli.stakeholders import writing

    if outcome.content is None:
        return []
    target = output or Path(tempfile.gettempdir(), "stakecli-import", "stakeholders.yaml")
    models = {target: outcome.model} if outcome.model is not None else None
    checked = staging.check({target: outcome.content}, settings, output and output.parent, models)
    return [writing.locate(f, imported) for f in checked]


class ExportFormat(StrEnum):
    """Formats of `stakeholders export`."""

    CSV = "csv"
    XLSX = "xlsx"


@group.command("export")
@reports_errors
def export_table(
    path: PathArg = Path(),
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv (UTF-8 with BOM, CRLF) or xlsx.")
    ] = ExportFormat.CSV,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: stdout; csv only)."),
    ] = None,
    delimiter: DelimiterOpt = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that already exist.")
    ] = False,
) -> None:
    """Write the register itself as a spreadsheet: every field, the headings import reads.

    Cells that a spreadsheet would run as formulas are neutralised. `stakecli stakeholders
    import` reads the file back into the same register.

    Example: stakecli stakeholders export examples/vendor-renewal -f xlsx -o register.xlsx
    """
    from stakecli import pipeline
    from stakecli.cli import transfer
    from stakecli.stakeholders import exporting, registers

    transfer.refuse_existing(output, force)
    register = pipeline.register(registers.find(path))
    header, rows = exporting.table(register)
    sheet = (register.title or "Stakeholders", header, rows)
    if transfer.write_sheets([sheet], fmt is ExportFormat.XLSX, output, delimiter):
        sys.stderr.write(f"wrote {output} ({len(rows)} stakeholders)\n")
