"""Shell completion offers what users type, and stays cheap (no pydantic model imported)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from stakecli.kinds import DOCUMENT_NAMES, NAMES, all_rules, documents
from stakecli.rule_codes import CODES

PROBE = """
import json, os, sys
sys.argv = ["stakecli"]
from stakecli.cli import main
try:
    main()
except SystemExit:
    pass
models = sorted(m for m in sys.modules if m.startswith("stakecli.") and m.endswith("model"))
sys.stderr.write(json.dumps(models))
"""


def complete(line: str) -> tuple[list[str], list[str]]:
    """(completions, stakecli model modules imported) for the command line `line`."""
    words = line.split(" ")
    env = {
        **os.environ,
        "_STAKECLI_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) - 1),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [w for w in result.stdout.splitlines() if w], json.loads(result.stderr)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("stakecli render -d decision-", ["decision-memo", "decision-notice"]),
        ("stakecli schema ra", ["raci"]),
        ("stakecli init --example pa", ["partnership"]),
        ("stakecli rules raci.one-a", ["raci.one-accountable"]),
        ("stakecli stakeholders d", ["diff", "docs/"]),
        ("stakecli negotiation ch", ["chart"]),
        ("stakecli init --with raci,ch", ["raci,charter"]),
        ("stakecli new sc", ["scorecard"]),
    ],
)
def test_completion_offers_the_words_users_type_without_loading_models(line, expected):
    found, models = complete(line)
    assert found == expected
    assert models == []


def test_group_completion_lists_subcommands_and_paths():
    found, _ = complete("stakecli stakeholders ")
    assert {"show", "import", "diff"} <= set(found)
    assert "examples/" in found


def test_the_static_tables_match_the_registry():
    assert set(DOCUMENT_NAMES) == {d.name for d in documents()}
    assert tuple(all_rules()) == CODES, "run `make docs` to regenerate src/stakecli/rule_codes.py"
    assert len(NAMES) == len(set(NAMES))
