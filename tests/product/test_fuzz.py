"""Fuzzing: whatever bytes a file holds, validation ends in findings, never an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from stakecli import pipeline
from stakecli.core.config import CONFIG_NAMES
from stakecli.kinds import all_rules

SOURCES = sorted(
    p
    for p in EXAMPLES.rglob("*.yaml")
    if "docs" not in p.parts and p.name not in CONFIG_NAMES  # a broken config is a ConfigError
)
CODES = set(all_rules())


def check(folder: Path, name: str, content: bytes) -> None:
    path = folder / name
    path.write_bytes(content)
    report = pipeline.run([path])
    for finding in report.findings:
        assert finding.code in CODES, finding
        assert finding.path == str(path)
        assert finding.message


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    source=st.sampled_from(SOURCES),
    cut=st.integers(min_value=0, max_value=10_000),
    junk=st.binary(max_size=12),
)
def test_a_mangled_example_gives_findings_not_exceptions(tmp_path, source, cut, junk):
    data = source.read_bytes()
    cut %= len(data) + 1
    check(tmp_path, source.name, data[:cut] + junk + data[cut + len(junk) :])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    source=st.sampled_from(SOURCES),
    line=st.integers(min_value=0, max_value=400),
    text=st.text(alphabet=st.sampled_from(list(" :-[]{}&*!|>'\"#\t\nabc0123.,?%@`")), max_size=20),
)
def test_a_line_replaced_with_yaml_punctuation_gives_findings(tmp_path, source, line, text):
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    line %= len(lines)
    lines[line] = text + "\n"
    check(tmp_path, source.name, "".join(lines).encode())


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list('id,name side;power"\n\r 5x-:')), max_size=80))
def test_any_csv_text_gives_a_register_or_located_findings(text):
    from stakecli.core import tables
    from stakecli.stakeholders import importing, writing

    try:
        table = tables.read_csv("id,name,side,power,legitimacy,urgency,interest\n" + text, ",")
    except tables.TableError as exc:
        line = exc.line
    else:
        line = None
    if line is not None:
        assert line >= 1
        return
    imported = importing.convert(table, Path("p.csv"), importing.Options())
    findings = imported.findings
    if not any(f.severity == "error" for f in findings):
        findings = findings + writing.schema_findings(imported)
    for finding in findings:
        assert finding.code in CODES, finding
        assert finding.line is not None
    if not findings:
        assert imported.data["kind"] == "stakeholders"
