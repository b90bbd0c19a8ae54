"""`stakecli validate`, `stakecli rules` and `stakecli schema`."""

import os
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from stakecli.cli._app import (
    ConfigOpt,
    app,
    existing,
    fail,
    print_findings,
    reports_errors,
    require_files,
)
from stakecli.cli.completion import complete_kinds, complete_rule_codes

if TYPE_CHECKING:
    from stakecli.core.project import Report
    from stakecli.core.rules import Rule


class Format(StrEnum):
    """Report formats of `validate`."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"


@app.command()
@reports_errors
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            callback=existing,
            help="Files or folders (searched recursively). Default: the current folder.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.TEXT,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    config: ConfigOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
    today: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="As-of date of date-dependent checks (overdue contacts and follow-ups), "
            "YYYY-MM-DD; default: `engagement.today` in the config, else the real date.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check YAML syntax, schemas, references and domain rules; exit 1 on errors.

    Example: stakecli validate examples/vendor-renewal
    """
    from stakecli import pipeline
    from stakecli.core.findings import exit_code

    as_of = today.date() if today else None
    report = pipeline.run(paths or [Path()], explicit=config, today=as_of)
    require_files(paths, report.files)
    _emit(report, fmt, quiet=quiet)
    raise typer.Exit(exit_code(report.findings, strict=strict))


def _emit(report: "Report", fmt: Format, *, quiet: bool) -> None:
    """The report on stdout in `fmt`, the summary line on stderr (not for JSON or SARIF)."""
    from stakecli.core import reporting

    if fmt is Format.TEXT:
        print_findings(report.findings)
    else:
        if fmt is Format.SARIF:
            from stakecli.kinds import all_rules

            report.rules = all_rules()
        sys.stdout.write(reporting.FORMATS[fmt.value](report))
    if fmt is Format.GITHUB and os.environ.get("GITHUB_STEP_SUMMARY"):
        # Actions shows only the first 10 annotations of each kind per step: the job summary
        # carries the full list.
        with Path(os.environ["GITHUB_STEP_SUMMARY"]).open("a", encoding="utf-8") as summary:
            summary.write(reporting.to_step_summary(report))
    if not quiet and fmt not in (Format.JSON, Format.SARIF):
        sys.stderr.write(reporting.summary(report) + "\n")


class RulesFormat(StrEnum):
    """Formats of `stakecli rules`."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


@app.command()
def rules(
    code: Annotated[
        str | None,
        typer.Argument(
            autocompletion=complete_rule_codes,
            help="One code: print its full entry (why, examples).",
        ),
    ] = None,
    fmt: Annotated[RulesFormat, typer.Option("--format", "-f")] = RulesFormat.TEXT,
) -> None:
    """List every finding code with its default severity, meaning and where it lives.

    Example: stakecli rules raci.one-accountable
    """
    import json

    from stakecli.kinds import all_rules

    catalogue = all_rules()
    if code is not None and code not in catalogue:
        _unknown_code(code, list(catalogue))
    chosen = [catalogue[code]] if code is not None else list(catalogue.values())
    if fmt is RulesFormat.JSON:
        data = [rule_data(r, full=code is not None) for r in chosen]
        sys.stdout.write(json.dumps(data[0] if code else data, indent=2) + "\n")
    elif fmt is RulesFormat.MARKDOWN:
        sys.stdout.write(rule_section(chosen[0]) if code else rules_markdown())
    elif code is not None:
        sys.stdout.write(rule_text(chosen[0]))
    else:
        _rule_table(chosen)


def _unknown_code(code: str, codes: list[str]) -> NoReturn:
    """Stop on a code no rule has, naming the closest one."""
    import difflib

    guess = difflib.get_close_matches(code, codes, n=1)
    hint = f"; did you mean {guess[0]!r}?" if guess else "; `stakecli rules` lists them"
    fail(f"unknown rule code {code!r}{hint}")


def _rule_table(chosen: "list[Rule]") -> None:
    """One line per rule: its code, default severity, meaning and module."""
    from stakecli.cli import tables
    from stakecli.cli._app import console

    cols = [
        tables.Col("code", fixed=True),
        tables.Col("default", fixed=True),
        tables.Col("meaning", minimum=24),
        tables.Col("module", fixed=True, priority=1),
    ]
    rows = [[r.code, r.severity, r.summary, r.source] for r in chosen]
    header, lines = tables.plain(cols, rows, console().width)
    sys.stdout.write("".join(f"{line}\n" for line in [header, *lines]))


def rule_data(rule: "Rule", *, full: bool = True) -> dict[str, str]:
    """One rule as JSON data (the listing leaves out the examples)."""
    data = {"code": rule.code, "severity": rule.severity, "summary": rule.summary}
    data["module"] = rule.source
    if full:
        data |= {"why": rule.why, "bad": rule.bad, "good": rule.good}
    return data


def rule_text(rule: "Rule") -> str:
    """One rule's full entry for the terminal."""

    def block(text: str) -> str:
        return "".join(f"    {line}\n" for line in text.splitlines())

    import textwrap

    why = textwrap.fill(rule.why, 88, initial_indent="  ", subsequent_indent="  ")
    return (
        f"{rule.code} ({rule.severity} by default)\n  {rule.summary}\n\n"
        f"Why it matters:\n{why}\n\nFails:\n{block(rule.bad)}\n"
        f"Passes:\n{block(rule.good)}\nDeclared and emitted in {rule.source}\n"
    )


def rule_section(rule: "Rule") -> str:
    """One rule's section of docs/rules.md: summary, why, a failing and a passing example."""
    lang = "csv" if rule.code.startswith("csv.") else "yaml"
    return (
        f"## {rule.code}\n\n{rule.summary}\n\n"
        f"Default severity: **{rule.severity}**. Declared and emitted in `{rule.source}`.\n\n"
        f"**Why it matters.** {rule.why}\n\n"
        f"Fails:\n\n```{lang}\n{rule.bad}```\n\nPasses:\n\n```{lang}\n{rule.good}```\n"
    )


def rules_markdown() -> str:
    """The rule reference: an index table, then one section per rule (docs/rules.md)."""
    from stakecli.core.rules import REGISTER
    from stakecli.kinds import all_rules

    catalogue = all_rules().values()
    rows = [
        f"| [`{r.code}`](#{r.code.replace('.', '')}) | {r.severity} | {r.summary} |"
        for r in catalogue
    ]
    return (
        "# Rule reference\n\nGenerated by `stakecli rules --format markdown`; "
        "`stakecli rules CODE` prints one entry. Re-grade or "
        "switch off any rule in the project config (`rules: {code: warning|off}`), or one "
        "finding in place with `# stakecli: disable=code`.\n\n"
        "Each example is a whole file; `# file: NAME` starts another file of the same example. "
        "Examples that use people's ids assume this register beside them, as "
        "`stakeholders.yaml`:\n\n"
        f"```yaml\n{REGISTER}```\n\n"
        "| code | default | meaning |\n|---|---|---|\n"
        + "\n".join(rows)
        + "\n\n"
        + "\n".join(rule_section(r) for r in catalogue)
    )


@app.command()
def schema(
    kind: Annotated[
        str, typer.Argument(autocompletion=complete_kinds, help="File kind, e.g. stakeholders.")
    ],
) -> None:
    """Print the JSON Schema of a file kind, for editor completion.

    Example: stakecli schema stakeholders > schemas/stakeholders.schema.json
    """
    from stakecli import kinds
    from stakecli.scaffold import schema_document

    if kind not in kinds.BY_NAME:
        fail(f"unknown kind {kind!r}; expected one of {', '.join(kinds.NAMES)}")
    sys.stdout.write(schema_document(kind))
