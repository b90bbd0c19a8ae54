"""The rule catalogue both ways: every code emitted in src is declared, documented and tested.

Codes are found in the source as string literals shaped like `area.slug` outside `Rule(...)`
declarations and comparisons: the first argument of `error()`, `warning()`, `Finding(...)`,
and the entries of tables of codes (pydantic error type -> code). Each rule's `bad` example is
run and must give its code; its `good` example must not.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import ROOT
from stakecli import kinds, pipeline
from stakecli.core.config import Config
from stakecli.core.rules import REGISTER, Rule
from stakecli.kinds import all_rules

SRC = ROOT / "src"
TESTS = ROOT / "tests"
CATALOGUE = all_rules()
CODE = re.compile(r"^[a-z]+\.[a-z][a-z0-9]*(-[a-z0-9]+)*$")
NOT_CODES = {"range.low", "range.high", "range.mode"}
"""Code-shaped literals that are not codes: the bounds of a BATNA range in sensitivity.py."""
NOT_RUNNABLE = {
    "csv.syntax": "needs a cell longer than the CSV field limit (tests/stakeholders)",
    "csv.skipped-column": "needs --skip-unknown (tests/stakeholders/test_importing.py)",
    "csv.column-in-notes": "needs --keep-unknown (tests/stakeholders/test_importing.py)",
    "raci.sheet-duplicate-column": "a spreadsheet, not YAML (tests/raci/test_matrix.py)",
    "raci.sheet-no-rows": "a spreadsheet, not YAML (tests/raci/test_matrix.py)",
    "raci.sheet-new-role": "a spreadsheet and a register (tests/raci/test_matrix.py)",
    "adr.skipped": "a Markdown log, not YAML (tests/decisions/test_adr.py)",
    "adr.unmapped": "a Markdown log, not YAML (tests/decisions/test_adr.py)",
    "file.unreadable": "needs a path that cannot be read (tests/core/test_loading.py)",
    "file.too-large": "needs a file of more than 32 MiB (tests/core/test_loading.py)",
    "file.too-large-for-full-yaml": "needs a file of more than 4 MiB "
    "(tests/core/test_loading_limits.py sets a small limit)",
    "yaml.too-many-nodes": "needs over 3,000,000 nodes (tests/core/test_loading.py)",
    "schema.too-many-errors": "needs over 10,000 errors "
    "(tests/core/test_schema_errors_bounded.py sets a small cap)",
    "schema.entry-too-large": "needs an entry of over 25,000 values "
    "(tests/core/test_schema_errors_bounded.py sets a small limit)",
    "interactions.overdue-contact": "its passing example depends on the as-of date "
    "(tests/engagement/test_rules.py pins it)",
    "interviews.cadence-gap": "its passing example depends on the as-of date "
    "(tests/engagement/test_rules.py pins it)",
}
"""Rules whose examples describe a file rather than hold one; each is tested elsewhere."""
ENCODING = {"file.encoding": "cp1252"}
"""Examples saved in another encoding than UTF-8."""
FILE = re.compile(r"^# file: (\S+)\n", re.M)
NAMES = {"decision": "decisions/0001-example.yaml", "stakeholders": "people.yaml"}
"""The file name an example without `# file:` is saved as, by its kind (default `<kind>.yaml`)."""


def emitted() -> dict[str, set[str]]:
    """Code -> the modules (dotted names) whose source emits it."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted((SRC / "stakecli").rglob("*.py")):
        module = ".".join(path.relative_to(SRC).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip: set[int] = set()
        for node in ast.walk(tree):
            declares = isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Rule"
            if declares or isinstance(node, ast.Compare):
                skip.update(id(n) for n in ast.walk(node))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and CODE.match(node.value)
                and id(node) not in skip
                and not node.value.endswith(
                    (".py", ".yaml", ".yml", ".md", ".json", ".toml", ".j2")
                )
                and node.value not in NOT_CODES
            ):
                found[node.value].add(module)
    return dict(found)


EMITTED = emitted()


def test_every_emitted_code_is_declared():
    assert sorted(set(EMITTED) - set(CATALOGUE)) == []


def test_every_declared_code_is_emitted():
    assert sorted(set(CATALOGUE) - set(EMITTED)) == []


def test_each_code_is_declared_in_a_module_that_emits_it():
    misplaced = {
        code: (rule.module, sorted(EMITTED.get(code, ())))
        for code, rule in CATALOGUE.items()
        if rule.module not in EMITTED.get(code, ())
    }
    assert misplaced == {}


def test_every_module_that_declares_rules_is_registered():
    declaring = set()
    for path in (SRC / "stakecli").rglob("*.py"):
        if re.search(r"^RULES = \[", path.read_text(encoding="utf-8"), re.M):
            declaring.add(".".join(path.relative_to(SRC).with_suffix("").parts))
    assert declaring == set(kinds.rule_modules())


def test_codes_are_unique_across_modules():
    import importlib

    declared = [r.code for m in kinds.rule_modules() for r in importlib.import_module(m).RULES]
    assert sorted(c for c in set(declared) if declared.count(c) > 1) == []


@pytest.mark.parametrize("rule", CATALOGUE.values(), ids=lambda r: r.code)
def test_every_rule_is_documented(rule: Rule):
    assert rule.summary.endswith((".", ")")), rule.summary
    assert len(rule.why) > 40, "say why the rule matters"
    assert rule.bad
    assert rule.good
    assert rule.bad != rule.good
    assert rule.default.value == rule.severity
    assert (ROOT / rule.source).is_file()


def test_every_rule_is_named_in_a_test():
    text = "\n".join(
        p.read_text(encoding="utf-8")
        for p in TESTS.rglob("test_*.py")
        if p.resolve() != Path(__file__).resolve()
    )
    assert sorted(c for c in CATALOGUE if f'"{c}"' not in text) == []


def files(rule: Rule, example: str) -> dict[str, str]:
    """The files of an example, by name (`# file: NAME` starts another file)."""
    parts = FILE.split(example)
    first = re.search(r"^kind: (\S+)", parts[0], re.M)
    kind = first.group(1) if first else ""
    out = {NAMES.get(kind, f"{kind or 'example'}.yaml"): parts[0]} if parts[0].strip() else {}
    out.update(zip(parts[1::2], parts[2::2], strict=True))
    return out


def codes(tmp_path: Path, rule: Rule, example: str, encoding: str = "utf-8") -> set[str]:
    """The codes a run over the example's files (and the shared register) reports.

    Codes are given with their severity: `raci.silo/info`.
    """
    written = files(rule, example)
    if rule.code.startswith("csv."):
        from stakecli.stakeholders import writing

        ((name, text),) = written.items()
        return {f"{f.code}/{f.severity}" for f in writing.read(text, tmp_path / "people.csv")[1]}
    own_register = any(re.search(r"^kind: stakeholders", t, re.M) for t in written.values())
    if not own_register and rule.code != "refs.no-register":
        written = {"stakeholders.yaml": REGISTER, **written}
    paths = []
    for name, text in written.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(encoding))
        paths.append(path)
    return {f"{f.code}/{f.severity}" for f in pipeline.run(paths, Config()).findings}


RUNNABLE = [r for r in CATALOGUE.values() if r.code not in NOT_RUNNABLE]


@pytest.mark.parametrize("rule", RUNNABLE, ids=lambda r: r.code)
def test_the_bad_example_breaks_the_rule_and_the_good_one_is_clean(rule: Rule, tmp_path):
    bad = codes(tmp_path / "bad", rule, rule.bad, ENCODING.get(rule.code, "utf-8"))
    assert f"{rule.code}/{rule.severity}" in bad
    good = codes(tmp_path / "good", rule, rule.good)
    # Other rules may add notes and warnings, but the fixed file has no error at all.
    assert not [c for c in good if c.startswith(f"{rule.code}/") or c.endswith("/error")]


def test_rules_that_cannot_run_their_examples_are_rules():
    assert set(NOT_RUNNABLE) <= set(CATALOGUE)
