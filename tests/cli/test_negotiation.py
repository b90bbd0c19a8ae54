"""The negotiation commands as a user meets them: help, errors, exit codes, the shipped example."""

import json

import pytest

from conftest import ROOT

VENDOR = ROOT / "examples" / "vendor-renewal"


@pytest.mark.parametrize(
    "command",
    [
        ["negotiation"],
        ["negotiation", "summary"],
        ["negotiation", "packages"],
        ["negotiation", "chart"],
        ["frontier"],
    ],
)
def test_every_command_has_help_with_an_example(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    if command != ["negotiation"]:
        assert "Example: stakecli" in result.stdout


def test_a_folder_without_a_plan_is_a_usage_error(run, tmp_path):
    result = run("negotiation", tmp_path)
    assert result.exit_code == 2
    assert (
        result.stderr == f"stakecli: error: no negotiation file (kind: negotiation) in {tmp_path}\n"
    )
    assert result.stdout == ""


def test_a_plan_with_errors_is_not_analysed(run, write):
    path = write(
        "n.yaml",
        """
        kind: negotiation
        version: 1
        title: Broken
        parties:
          - {id: a}
          - {id: b}
        """,
    )
    result = run("negotiation", path, "-f", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "n.yaml:5:3: error [negotiation.us-count]" in result.stderr


def test_a_malformed_plan_gets_a_located_finding_not_a_traceback(run, write):
    path = write("n.yaml", "kind: negotiation\nversion: 1\ntitle: [unclosed\n")
    result = run("negotiation", path)
    assert result.exit_code == 1
    assert "yaml.syntax" in result.stderr


def test_packages_of_a_plan_without_issues_is_a_usage_error(run, write):
    path = write(
        "n.yaml",
        """
        kind: negotiation
        version: 1
        title: Price only
        parties:
          - {id: a, us: true}
          - {id: b}
        """,
    )
    result = run("frontier", path)
    assert result.exit_code == 2
    assert "no issues" in result.stderr


def test_two_plans_in_a_folder_must_be_named(run, write, tmp_path):
    text = "kind: negotiation\nversion: 1\ntitle: T\nparties: [{id: a, us: true}, {id: b}]\n"
    write("one.yaml", text)
    write("two.yaml", text)
    result = run("negotiation", tmp_path)
    assert result.exit_code == 2
    assert "2 negotiation files" in result.stderr
    assert run("negotiation", tmp_path / "one.yaml").exit_code == 0


def test_vendor_renewal_example_end_to_end(run):
    assert run("validate", "--strict", VENDOR).exit_code == 0
    data = json.loads(run("negotiation", VENDOR, "-f", "json", "--seed", "1").stdout)
    ours, theirs = data["sides"]
    assert (ours["party"], ours["role"], ours["batna"], ours["batna_ev"]) == (
        "halden-retail",
        "buyer",
        "switch",
        -4_875_000,  # 0.5 * -4.3M + 0.35 * -5.0M + 0.15 * -6.5M
    )
    assert (ours["watna"], ours["watna_value"], ours["watna_outcome"]) == (
        "switch",
        -6_500_000,
        "failed migration",
    )
    assert ours["reservation"] == 4_875_000
    assert theirs["reservation"] == 4_300_000
    assert data["zopa"]["low"] == 4_300_000
    assert data["zopa"]["high"] == 4_875_000
    assert data["zopa"]["surplus"] == 575_000
    assert data["recommendation"]["proposal"] == "three-year-bundle"
    assert data["recommendation"]["accept"] is True
    assert data["simulation"]["seed"] == 1
    assert set(data["simulation"]["p_beats_batna"]) == {p["id"] for p in data["proposals"]}
    packages = json.loads(run("frontier", VENDOR, "-f", "json").stdout)
    assert packages["space_size"] == 4 * 3 * 3 * 3 * 3
    assert packages["frontier"]["size"] == 26
    assert packages["nash"]["tie"] is False
    assert packages["nash"]["solutions"][0]["package"] == {
        "price": "d5",
        "term": "y3",
        "sla": "s999",
        "innovation": "co-development",
        "payment": "quarterly-net60",
    }
    split = next(p for p in packages["proposals"] if p["id"] == "split-the-difference")
    assert split["package"] == packages["compromise"]["package"]
    assert split["efficient"] is False
    assert packages["logroll"]["joint_gain"] > 0


def test_vendor_renewal_tables_name_every_section(run):
    result = run("--color", "never", "negotiation", VENDOR)
    assert result.exit_code == 0
    for title in (
        "Alternatives to agreement",
        "Reservation values",
        "Proposals judged",
        "Sensitivity",
        "Simulation",
    ):
        assert title in result.stdout


def test_a_named_plan_is_checked_against_the_register_beside_it(run, write):
    write(
        "stakeholders.yaml",
        """
        kind: stakeholders
        version: 1
        stakeholders:
          - {id: a, name: A, side: internal, power: 3, legitimacy: 3, urgency: 3, interest: 3}
        """,
    )
    path = write(
        "plan.yaml",
        "kind: negotiation\nversion: 1\ntitle: T\nparties: [{id: a, us: true}, {id: b}]\n",
    )
    result = run("negotiation", path)
    assert result.exit_code == 1
    assert "error [refs.unknown-id]" in result.stderr
    assert "plan.yaml:4:" in result.stderr


def test_json_schema_accepts_the_example_and_marks_our_estimates_confidential(run):
    jsonschema = pytest.importorskip("jsonschema")
    from ruamel.yaml import YAML

    schema = json.loads(run("schema", "negotiation").stdout)
    # JSON Schema validates JSON: dates (offers, agreement) are strings there, as in an editor
    data = json.loads(json.dumps(YAML(typ="safe").load(VENDOR / "negotiation.yaml"), default=str))
    jsonschema.validate(data, schema)
    party = schema["$defs"]["Party"]["properties"]
    secret = {k for k, v in party.items() if v.get("x-stakecli-confidential")}
    assert secret == {
        "alternatives",
        "aspiration",
        "reservation",
        "reservation_score",
        "weights",
        "scores",
        "points",
        "notes",
    }
    data["parties"][0]["scores"]["price"]["d5"] = 101
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


HOSTILE = {
    "parties-not-a-list": "parties: 5\n",
    "one-party": "parties: [{id: a, us: true}]\n",
    "empty-issue": "parties: [{id: a, us: true}, {id: b}]\nissues: [{}]\n",
    "probability-text": (
        "parties:\n  - id: a\n    us: true\n    alternatives:\n      - id: x\n        name: X\n"
        "        outcomes: [{name: o, probability: lots, value: 1}]\n  - {id: b}\n"
    ),
    "huge-money": (
        "parties:\n  - id: a\n    us: true\n    alternatives: [{id: x, name: X, value: 1e300}]\n"
        "  - {id: b}\n"
    ),
    "nan-score": (
        "parties:\n  - {id: a, us: true, weights: {i: 1}, scores: {i: {o: .nan}}}\n  - {id: b}\n"
        "issues: [{id: i, name: I, options: [{id: o, name: O}]}]\n"
    ),
    "empty-outcomes": (
        "parties:\n  - id: a\n    us: true\n    alternatives: [{id: x, name: X, outcomes: []}]\n"
        "  - {id: b}\n"
    ),
}


@pytest.mark.parametrize("body", HOSTILE.values(), ids=list(HOSTILE))
def test_bad_plans_get_located_findings_never_a_traceback(run, write, body):
    path = write("n.yaml", "kind: negotiation\nversion: 1\ntitle: T\n" + body)
    for command in (["negotiation"], ["frontier"], ["negotiation", "chart"]):
        result = run(*command, path)
        assert result.exit_code == 1, (command, result.stderr)
        assert "n.yaml:" in result.stderr
        assert "internal error" not in result.stderr


def test_an_error_anywhere_in_the_project_stops_the_plan_as_validate_would(run, write, tmp_path):
    write(
        "plan.yaml",
        "kind: negotiation\nversion: 1\ntitle: T\nparties: [{id: a, us: true}, {id: b}]\n",
    )
    assert run("negotiation", tmp_path).exit_code == 0
    write("comms.yaml", "kind: comms\nversion: 1\nnonsense: [\n")
    result = run("negotiation", tmp_path / "plan.yaml")
    assert result.exit_code == 1
    assert "comms.yaml" in result.stderr
    assert result.stdout == ""
