"""The rule catalogue: every emitted code is declared, documented and tested."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stakecli.comms import rules as comms
from stakecli.decisions import raci_links as decision_raci
from stakecli.decisions import rules as decisions
from stakecli.kinds import all_rules

SRC = Path(__file__).resolve().parents[2] / "src" / "stakecli"
TESTS = Path(__file__).resolve().parents[1]
AREAS = r"(?:raci|scorecard|charter|refs|ids)"
CODE = re.compile(rf'"({AREAS}\.[a-z][a-z-]*)"')
FILES = [
    "raci/rules.py",
    "raci/variants.py",
    "charters/scorecard.py",
    "charters/rules.py",
    "stakeholders/references.py",
]


def emitted() -> set[str]:
    return {c for name in FILES for c in CODE.findall((SRC / name).read_text())}


def test_every_emitted_code_is_in_the_catalogue():
    assert emitted() - set(all_rules()) == set()


def test_every_agreement_rule_is_named_in_a_test():
    catalogue = {c for c in all_rules() if re.match(AREAS + r"\.", c)}
    named = {c for path in TESTS.rglob("test_*.py") for c in CODE.findall(path.read_text())}
    assert catalogue - named == set()
    assert len(catalogue) == 39


@pytest.mark.parametrize("module", [decisions, decision_raci, comms], ids=lambda m: m.__name__)
def test_emitted_codes_are_catalogued(module):
    source = Path(module.__file__).read_text()
    emitted = set(re.findall(r'(?:error|warning|info)\(\s*"([a-z]+\.[a-z-]+)"', source))
    assert emitted
    assert emitted == {r.code for r in module.RULES}
    assert emitted <= set(all_rules())
