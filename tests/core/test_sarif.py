"""`validate --format sarif`: valid SARIF 2.1.0 that code scanning can place on the right lines."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import DATA

SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())

RACI = """
kind: raci
version: 1
rows:
  - id: launch
    name: Launch
    assign: {ann: A, ben: A, cy: I}
"""


@pytest.fixture
def sarif(run, write, tmp_path, monkeypatch):
    write("team/raci.yaml", RACI)
    write("team/broken.yaml", "kind: raci\nversion: 1\nrows: [\n")
    monkeypatch.chdir(tmp_path)
    result = run("validate", "--format", "sarif", "team")
    assert result.exit_code == 1
    return json.loads(result.stdout)


def test_output_validates_against_the_sarif_2_1_0_schema(sarif):
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    assert sarif["version"] == "2.1.0"


def test_schema_check_catches_an_invalid_log(sarif):
    sarif["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(sarif)


def test_driver_lists_the_rule_catalogue(sarif):
    from stakecli.kinds import all_rules

    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(all_rules())
    one = rules[[r["id"] for r in rules].index("raci.one-accountable")]
    assert one["defaultConfiguration"] == {"level": "error"}
    rule = all_rules()["raci.one-accountable"]
    assert one["fullDescription"] == {"text": rule.why}
    assert one["help"]["text"].startswith(rule.why + "\n\nFails:\n" + rule.bad)
    assert f"Passes:\n\n```yaml\n{rule.good}```" in one["help"]["markdown"]
    assert one["properties"] == {"module": "src/stakecli/raci/rules.py"}


def test_results_carry_rule_level_message_and_region(sarif):
    run_ = sarif["runs"][0]
    results = {r["ruleId"]: r for r in run_["results"]}
    accountable = results["raci.one-accountable"]
    assert accountable["level"] == "error"
    assert (
        accountable["message"]["text"]
        == "'Launch' has 2 accountable (ann, ben); expected exactly 1"
    )
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert rule_ids[accountable["ruleIndex"]] == "raci.one-accountable"
    (location,) = accountable["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "team/raci.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 6, "startColumn": 13, "endLine": 6, "endColumn": 36},
    }
    assert results["refs.no-register"]["level"] == "warning"
    syntax = results["yaml.syntax"]["locations"][0]["physicalLocation"]
    assert syntax["artifactLocation"]["uri"] == "team/broken.yaml"
    assert syntax["region"]["startLine"] == 4


def test_sarif_prints_nothing_but_json_on_stdout(run, write, tmp_path, monkeypatch):
    write("ok/raci.yaml", RACI.replace("ben: A", "ben: R"))
    monkeypatch.chdir(tmp_path)
    result = run("validate", "-f", "sarif", "ok")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["runs"][0]["results"][0]["ruleId"] == "refs.no-register"


def test_info_is_a_note_and_paths_outside_the_root_are_file_uris(tmp_path):
    from stakecli.core.findings import Finding, Severity
    from stakecli.core.sarif import result

    inside = Finding("raci.silo", Severity.INFO, "m", path=str(tmp_path / "a b.yaml"), line=3)
    out = result(inside, {"raci.silo": 7}, tmp_path)
    assert (out["level"], out["ruleIndex"]) == ("note", 7)
    assert out["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "a%20b.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3},
    }
    outside = Finding("raci.silo", Severity.INFO, "m", path="/elsewhere/x.yaml")
    location = result(outside, {}, tmp_path)["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "file:///elsewhere/x.yaml"}}
