"""Every code the decision and comms checks can emit is in the rule catalogue."""

import re
from pathlib import Path

import pytest

from stakecli.comms import rules as comms
from stakecli.decisions import raci_links as decision_raci
from stakecli.decisions import rules as decisions
from stakecli.kinds import all_rules


@pytest.mark.parametrize("module", [decisions, decision_raci, comms], ids=lambda m: m.__name__)
def test_emitted_codes_are_catalogued(module):
    source = Path(module.__file__).read_text()
    emitted = set(re.findall(r'(?:error|warning|info)\(\s*"([a-z]+\.[a-z-]+)"', source))
    assert emitted
    assert emitted == {r.code for r in module.RULES}
    assert emitted <= set(all_rules())
