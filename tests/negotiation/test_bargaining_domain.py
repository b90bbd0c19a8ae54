"""DOMAIN.md 8.3 split-the-pie bargaining through the YAML layer and the CLI."""

import json


def summary(run, path, *extra):
    result = run("negotiation", path, "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


PIE = """
kind: negotiation
version: 1
title: Split the pie
deal_value: 12
parties:
  - id: alice
    us: true
    alternatives: [{id: alone, name: Alone, value: 4}]
  - id: bob
    alternatives: [{id: alone, name: Alone, value: 2}]
"""


def test_split_the_pie_12_with_batnas_4_and_2_gives_alice_7_and_bob_5(run, write):
    data = summary(run, write("pie.yaml", PIE))
    assert data["split_the_pie"] == {"deal_value": 12, "pie": 6, "shares": {"alice": 7, "bob": 5}}
