"""The published JSON Schemas agree with `validate`: every file it accepts, they accept.

Editors and tools such as check-jsonschema read `schemas/<kind>.schema.json`; a file that
`stakecli validate` accepts must pass them too. Checked for every example, every test input
that validates, the starter files of `stakecli new`, the files `stakecli init` writes and a
register made by `stakecli stakeholders import`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT
from stakecli.core.project import Parsed
from stakecli.pipeline import parse_file

jsonschema = pytest.importorskip("jsonschema")
SCHEMAS = ROOT / "schemas"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


def accepted(root: Path) -> list[Path]:
    """The YAML files under `root` that `validate` parses (their own schema passes)."""
    found = []
    for path in sorted(root.rglob("*.yaml")):
        outcome = parse_file(path, required=False)
        if isinstance(outcome, Parsed):
            found.append(path)
    return found


def check(path: Path) -> None:
    outcome = parse_file(path)
    assert isinstance(outcome, Parsed), path
    schema = json.loads((SCHEMAS / f"{outcome.kind}.schema.json").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(outcome.document.data, default=str))
    errors = [
        f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
        for e in jsonschema.Draft202012Validator(schema).iter_errors(data)
    ]
    assert errors == [], path


FILES = accepted(EXAMPLES) + accepted(ROOT / "tests") + accepted(ROOT / "templates" / "scaffold")


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_every_file_validate_accepts_passes_its_published_schema(path):
    check(path)


def rule_examples() -> list[tuple[str, str, str]]:
    """(code, file name, text) of every file of the rule catalogue's examples, both sides."""
    from stakecli.core.rules import REGISTER
    from stakecli.kinds import all_rules

    split = re.compile(r"^# file: (\S+)\n", re.M)
    out = [("register", "stakeholders.yaml", REGISTER)]
    for rule in all_rules().values():
        if rule.code.startswith("csv."):
            continue
        for side, example in (("bad", rule.bad), ("good", rule.good)):
            parts = split.split(example)
            named = [("first.yaml", parts[0]), *zip(parts[1::2], parts[2::2], strict=True)]
            out += [(f"{rule.code}/{side}", n, t) for n, t in named if t.strip()]
    return out


def test_every_rule_example_that_passes_the_model_passes_its_schema(tmp_path):
    """The catalogue's examples are test inputs too: hundreds of small, varied files."""
    checked = 0
    for i, (_code, name, text) in enumerate(rule_examples()):
        path = tmp_path / str(i) / Path(name).name
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
        if isinstance(parse_file(path, required=False), Parsed):
            check(path)
            checked += 1
    assert checked > 100


def test_every_kind_is_covered_by_an_accepted_file():
    kinds = {parse_file(p).kind for p in FILES}  # type: ignore[union-attr]
    from stakecli.kinds import NAMES

    assert set(NAMES) <= kinds


def test_files_that_init_and_new_write_pass_their_schema(run, tmp_path):
    from stakecli.kinds import NAMES

    assert run("init", tmp_path / "p", "--with", ",".join(NAMES)).exit_code == 0
    written = accepted(tmp_path / "p")
    assert len(written) >= len(NAMES)
    for path in written:
        check(path)


def test_an_imported_register_passes_its_schema(run, tmp_path):
    csv = tmp_path / "people.csv"
    csv.write_text(
        "id,name,side,power,legitimacy,urgency,interest,current,desired,tags\n"
        "ana,Ana Lima,internal,5,4,3,5,neutral,supportive,leads;finance\n",
        encoding="utf-8",
    )
    out = tmp_path / "stakeholders.yaml"
    assert run("stakeholders", "import", csv, "-o", out).exit_code == 0
    check(out)


@pytest.mark.parametrize(
    "path",
    [p for p in FILES if MODELINE.search(p.read_text(encoding="utf-8"))],
    ids=str,
)
def test_every_schema_modeline_points_at_a_schema_file(path):
    (target,) = MODELINE.findall(path.read_text(encoding="utf-8"))
    assert (path.parent / target).is_file(), target
