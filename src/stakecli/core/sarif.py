"""SARIF 2.1.0 output: findings as code-scanning results, with the rule catalogue as the driver.

GitHub code scanning, Azure DevOps and most review tools read SARIF; locations are URIs
relative to the working folder (`%SRCROOT%`), with 1-based lines and columns counted in
Unicode code points, as the YAML marks count them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from stakecli import __version__
from stakecli.core.findings import Finding
from stakecli.core.project import Report
from stakecli.core.rules import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/stakecli/"


def artifact(path: str, root: Path) -> dict[str, str]:
    """An artifactLocation: relative to `root` (with its base id) when inside it."""
    target = Path(path)
    absolute = target if target.is_absolute() else root / target
    try:
        relative = absolute.resolve().relative_to(root.resolve())
    except ValueError:
        return {"uri": absolute.resolve().as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": "%SRCROOT%"}


def result(finding: Finding, index: dict[str, int], root: Path) -> dict[str, Any]:
    """One SARIF result for one finding."""
    physical: dict[str, Any] = {"artifactLocation": artifact(finding.path or ".", root)}
    if finding.line is not None:
        region: dict[str, int] = {"startLine": finding.line}
        if finding.col is not None:
            region["startColumn"] = finding.col
        if finding.end_line is not None:
            region["endLine"] = finding.end_line
            if finding.end_col is not None:
                region["endColumn"] = finding.end_col
        physical["region"] = region
    out: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVEL[finding.severity.value],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
    }
    if finding.code in index:
        out["ruleIndex"] = index[finding.code]
    if finding.loc:
        out["properties"] = {"loc": finding.dotted}
    return out


def descriptor(rule: Rule) -> dict[str, Any]:
    """A reportingDescriptor: summary, why it matters, and a failing and a passing example."""
    out: dict[str, Any] = {
        "id": rule.code,
        "shortDescription": {"text": rule.summary},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
    }
    if rule.why:
        out["fullDescription"] = {"text": rule.why}
    if rule.bad and rule.good:
        lang = "csv" if rule.code.startswith("csv.") else "yaml"
        out["help"] = {
            "text": f"{rule.why}\n\nFails:\n{rule.bad}\nPasses:\n{rule.good}",
            "markdown": f"{rule.why}\n\nFails:\n\n```{lang}\n{rule.bad}```\n\n"
            f"Passes:\n\n```{lang}\n{rule.good}```\n",
        }
    if rule.source:
        out["properties"] = {"module": rule.source}
    return out


def to_sarif(report: Report, root: Path | None = None) -> str:
    """The report as one SARIF 2.1.0 log with a single run."""
    root = root or Path.cwd()
    rules = list(report.rules.values())
    index = {rule.code: i for i, rule in enumerate(rules)}
    driver = {
        "name": "stakecli",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [descriptor(rule) for rule in rules],
    }
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [result(f, index, root) for f in report.findings],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
