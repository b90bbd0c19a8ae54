"""Every code the agreement checks can emit is in the rule catalogue, and every one is tested."""

from __future__ import annotations

import re
from pathlib import Path

from stakecli.kinds import all_rules

SRC = Path(__file__).resolve().parent.parent / "src" / "stakecli"
TESTS = Path(__file__).resolve().parent
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
