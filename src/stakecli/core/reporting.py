"""Output formats for findings: each turns a Report into the text written to stdout."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from stakecli import __version__
from stakecli.core.findings import Finding
from stakecli.core.project import Report
from stakecli.core.sarif import to_sarif

JSON_FORMAT_VERSION = 1


def location(f: Finding) -> str:
    """`path:line:col`, as far as it is known (editors and terminals make it clickable)."""
    parts = [f.path or "<input>"]
    if f.line is not None:
        parts.append(str(f.line))
        if f.col is not None:
            parts.append(str(f.col))
    return ":".join(parts)


def finding_line(f: Finding) -> str:
    """`path:line:col: severity [code] message`: the one way a finding is written as text."""
    return f"{location(f)}: {f.severity} [{f.code}] {f.message}"


STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
"""Terminal styles of the severities."""


def styled_line(f: Finding) -> Any:
    """`finding_line(f)` as rich Text, the severity coloured and the code dimmed."""
    from rich.text import Text

    line = Text(f"{location(f)}: ")
    line.append(f.severity.value, style=STYLE[f.severity.value])
    line.append(f" [{f.code}] ", style="dim")
    line.append(f.message)
    return line


def to_text(report: Report) -> str:
    """`path:line:col: severity [code] message`, one finding a line."""
    return "".join(finding_line(f) + "\n" for f in report.findings)


def summary(report: Report) -> str:
    """One line for stderr: what was checked and what was found."""
    counts = report.counts()
    files = len(report.files)
    noun = "file" if files == 1 else "files"
    if not files:
        return "no stakecli files found (YAML files with a `kind:` stakecli reads); nothing checked"
    if not report.findings:
        return f"{files} {noun} checked, no findings"
    found = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in counts.items() if n)
    return f"{files} {noun} checked: {found}"


def as_dict(f: Finding) -> dict[str, object]:
    """The stable JSON shape of a finding."""
    return {
        "path": f.path,
        "line": f.line,
        "col": f.col,
        "end_line": f.end_line,
        "end_col": f.end_col,
        "loc": f.dotted,
        "code": f.code,
        "severity": f.severity.value,
        "message": f.message,
    }


def to_json(report: Report) -> str:
    """A versioned envelope: files, findings and a summary; nothing else on stdout."""
    payload = {
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": "stakecli", "version": __version__},
        "files": [str(p) for p in report.files],
        "findings": [as_dict(f) for f in report.findings],
        "summary": {"files": len(report.files), **report.counts()},
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report) -> str:
    """GitHub Actions workflow commands: annotations on the pull request's lines."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for f in report.findings:
        props = [f"file={_escape_property(f.path)}"]
        if f.line is not None:
            props.append(f"line={f.line}")
            if f.col is not None:
                props.append(f"col={f.col}")
        if f.end_line is not None:
            props.append(f"endLine={f.end_line}")
            if f.end_col is not None:
                props.append(f"endColumn={f.end_col}")
        props.append(f"title={_escape_property(f.code)}")
        lines.append(f"::{level[f.severity.value]} {','.join(props)}::{_escape_data(f.message)}\n")
    return "".join(lines)


def to_step_summary(report: Report) -> str:
    """A Markdown table of every finding, for `$GITHUB_STEP_SUMMARY`."""
    from stakecli.core.rendering import md_cell

    head = f"### stakecli validate\n\n{summary(report)}\n"
    if not report.findings:
        return head + "\n"
    rows = "".join(
        f"| {md_cell(location(f))} | {f.severity.value} | `{f.code}` | {md_cell(f.message)} |\n"
        for f in report.findings
    )
    return head + "\n| where | severity | code | message |\n|---|---|---|---|\n" + rows + "\n"


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": to_text,
    "json": to_json,
    "github": to_github,
    "sarif": to_sarif,
}
