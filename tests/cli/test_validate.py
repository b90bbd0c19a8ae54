"""`stakecli validate`, `rules` and `schema`: exit codes, streams, formats, config, suppressions."""

from __future__ import annotations

import json
import re

import pytest

from conftest import EXAMPLES, ROOT
from stakecli.cli.validate import rules_markdown
from stakecli.kinds import NAMES as MODEL_BY_KIND


def test_path_that_does_not_exist_is_a_usage_error(run, tmp_path):
    result = run("validate", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert result.stdout == ""


BAD = """\
kind: stakeholders
version: 1
stakeholders:
  - id: cfo
    name: Dana
    side: internal
    power: 9
    legitimacy: 5
    urgency: 4
    interest: 4
"""


def test_clean_file_exits_0_with_summary_on_stderr(run):
    result = run("validate", EXAMPLES / "vendor-renewal" / "stakeholders.yaml")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "1 file checked, no findings" in result.stderr


def test_findings_exit_1_on_stdout_as_path_line_col(run, write):
    path = write("bad.yaml", BAD)
    result = run("--color", "never", "validate", path)
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:7:12: error [schema.out-of-range] stakeholders[0].power: "
        "input should be less than or equal to 5; got 9\n"
    )
    assert "1 error" in result.stderr


def test_json_format_is_only_json(run, write):
    result = run("validate", "--format", "json", write("bad.yaml", BAD))
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert data["summary"] == {"files": 1, "error": 1, "warning": 0, "info": 0}
    assert data["findings"][0]["loc"] == "stakeholders[0].power"
    assert result.stderr == ""


def test_github_format_annotates_the_line(run, write):
    path = write("bad.yaml", BAD)
    result = run("validate", "--format", "github", path)
    assert result.stdout.startswith(
        f"::error file={path},line=7,col=12,endLine=7,endColumn=13,title=schema.out-of-range::"
    )


def test_github_format_also_writes_the_full_list_to_the_job_summary(
    run, write, monkeypatch, tmp_path
):
    summary = write("summary.md", "earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(tmp_path)
    write("bad.yaml", BAD.replace("power: 9", "power: 8"))
    run("validate", "--format", "github", "bad.yaml")
    assert summary.read_text() == (
        "earlier step\n### stakecli validate\n\n1 file checked: 1 error\n\n"
        "| where | severity | code | message |\n|---|---|---|---|\n"
        "| bad.yaml:7:12 | error | `schema.out-of-range` | stakeholders\\[0\\].power: input should "
        "be less than or equal to 5; got 8 |\n\n"
    )


def test_unknown_format_is_a_usage_error(run, write):
    result = run("validate", "--format", "xml", write("bad.yaml", BAD))
    assert result.exit_code == 2
    assert result.stdout == ""


def test_strict_fails_on_warnings(run, write):
    path = write("bad.yaml", BAD)
    write(".stakecli.yaml", "rules:\n  schema.out-of-range: warning\n")
    assert run("validate", path).exit_code == 0
    result = run("validate", "--strict", path)
    assert result.exit_code == 1
    assert "warning [schema.out-of-range]" in result.stdout


def test_config_can_switch_a_rule_off(run, write):
    path = write("bad.yaml", BAD)
    write("stakecli.yaml", "rules:\n  schema.out-of-range: off\n")
    result = run("validate", path)
    assert (result.exit_code, result.stdout) == (0, "")


def test_config_in_pyproject_is_found(run, write):
    path = write("sub/bad.yaml", BAD)
    write("pyproject.toml", '[tool.stakecli.rules]\n"schema.out-of-range" = "off"\n')
    assert run("validate", path).exit_code == 0


def test_config_search_stops_at_the_git_root(run, write, tmp_path):
    write(".stakecli.yaml", "rules:\n  schema.out-of-range: off\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    path = write("repo/bad.yaml", BAD)
    assert run("validate", path).exit_code == 1


def test_config_with_an_unknown_rule_code_is_a_usage_error(run, write):
    path = write("bad.yaml", BAD)
    write(".stakecli.yaml", "rules:\n  schema.out-of-rnge: off\n")
    result = run("validate", path)
    assert result.exit_code == 2
    assert "unknown rule code 'schema.out-of-rnge'; did you mean 'schema.out-of-range'?" in (
        result.stderr
    )


def test_explicit_config_flag_wins(run, write):
    path = write("bad.yaml", BAD)
    write(".stakecli.yaml", "rules:\n  schema.out-of-range: error\n")
    other = write("other.yaml", "rules:\n  schema.out-of-range: off\n")
    assert run("validate", "--config", other, path).exit_code == 0


@pytest.mark.parametrize(
    "comment",
    [
        "    power: 9  # stakecli: disable=schema.out-of-range",
        "    power: 9  # stakecli: disable",
    ],
    ids=["by-code", "all-codes"],
)
def test_a_finding_can_be_disabled_in_place(run, write, comment):
    path = write("bad.yaml", BAD.replace("    power: 9", comment))
    assert run("validate", path).exit_code == 0


def test_disable_next_line_and_file(run, write):
    next_line = BAD.replace(
        "    power: 9", "    # stakecli: disable-next-line=schema.out-of-range\n    power: 9"
    )
    assert run("validate", write("a.yaml", next_line)).exit_code == 0
    whole = "# stakecli: disable-file=schema.out-of-range\n" + BAD
    assert run("validate", write("b.yaml", whole)).exit_code == 0
    other = "# stakecli: disable-file=schema.type\n" + BAD
    assert run("validate", write("c.yaml", other)).exit_code == 1


def test_folders_skip_yaml_files_that_are_not_stakecli_files(run, write, tmp_path):
    write("ci/workflow.yaml", "on: push\njobs: {}\n")
    write("register.yaml", BAD.replace("power: 9", "power: 3"))
    result = run("validate", tmp_path)
    assert result.exit_code == 0
    assert "1 file checked" in result.stderr


def test_named_file_without_kind_is_an_error(run, write):
    result = run("validate", "--format", "json", write("ci.yaml", "on: push\n"))
    assert json.loads(result.stdout)["findings"][0]["code"] == "kind.missing"


def test_rules_lists_every_code_once(run):
    result = run("rules", "--format", "json")
    codes = [r["code"] for r in json.loads(result.stdout)]
    assert len(codes) == len(set(codes))
    assert {"yaml.alias-bomb", "schema.unknown-key", "stakeholders.duplicate-id"} <= set(codes)


def test_rules_says_where_each_rule_lives(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    listing = json.loads(run("rules", "--format", "json").stdout)
    one = next(r for r in listing if r["code"] == "raci.many-agree")
    assert one == {
        "code": "raci.many-agree",
        "severity": "warning",
        "summary": "RAPID: more A (Agree) in a row than max_agree.",
        "module": "src/stakecli/raci/variants.py",
    }
    (line,) = [x for x in run("rules").stdout.splitlines() if x.startswith("file.empty ")]
    assert re.split(r"\s{2,}", line) == [
        "file.empty",
        "error",
        "The file is empty or holds only comments.",
        "src/stakecli/core/loading.py",
    ]


def test_rules_code_prints_the_full_entry(run):
    result = run("rules", "kind.unknown")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "kind.unknown (error by default)\n  `kind:` names no stakecli file kind.\n\n"
        "Why it matters:\n  A misspelt kind"
    )
    assert "Fails:\n    kind: stakeholder\n" in result.stdout
    assert "Passes:\n    kind: stakeholders\n" in result.stdout
    assert result.stdout.endswith("Declared and emitted in src/stakecli/pipeline.py\n")
    data = json.loads(run("rules", "kind.unknown", "-f", "json").stdout)
    assert data["bad"].startswith("kind: stakeholder\n")
    assert data["module"] == "src/stakecli/pipeline.py"
    assert run("rules", "kind.unknown", "-f", "markdown").stdout.startswith("## kind.unknown\n")


def test_rules_of_an_unknown_code_is_a_usage_error(run):
    result = run("rules", "kind.unkown")
    assert result.exit_code == 2
    assert "unknown rule code 'kind.unkown'; did you mean 'kind.unknown'?" in result.stderr


def test_rules_reference_in_docs_is_current():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run `make docs`"
    )


@pytest.mark.parametrize("kind", sorted(MODEL_BY_KIND))
def test_committed_json_schemas_are_current(run, kind):
    result = run("schema", kind)
    committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "schemas/ is stale: run `make schemas`"


def test_schema_of_unknown_kind_is_a_usage_error(run):
    result = run("schema", "stakeholder")
    assert result.exit_code == 2
    assert "unknown kind 'stakeholder'" in result.stderr


def test_schema_validates_the_example_like_stakecli_does(run):
    jsonschema = pytest.importorskip("jsonschema")
    from ruamel.yaml import YAML

    schema = json.loads(run("schema", "stakeholders").stdout)
    data = YAML(typ="safe").load(EXAMPLES / "vendor-renewal" / "stakeholders.yaml")
    jsonschema.validate(data, schema)
    data["stakeholders"][0]["power"] = 9
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_a_named_folder_without_stakecli_files_is_a_usage_error(run, tmp_path):
    (tmp_path / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    result = run("validate", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"stakecli: error: {tmp_path}: no stakecli file in this folder (a YAML file with a "
        "`kind:` stakecli reads); check the path\n"
    )
    assert run("render", "--check", tmp_path).exit_code == 2


def test_the_mistakes_example_shows_every_mistake_at_once(run):
    result = run("validate", EXAMPLES / "mistakes")
    codes = [line.split("[")[1].split("]")[0] for line in result.stdout.splitlines()]
    assert codes == [
        "schema.missing",
        "schema.out-of-range",
        "schema.unknown-key",
        "stakeholders.duplicate-id",
        "schema.invalid-choice",
    ]
