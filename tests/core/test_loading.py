"""Every kind of bad YAML gets a located finding, never a traceback."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from stakecli.core import loading
from stakecli.core.loading import MAX_BYTES


@pytest.mark.parametrize("pure", [False, True])
def test_an_impossible_date_under_a_merge_key_is_a_located_finding(tmp_path, pure):
    from stakecli.core.findings import Finding
    from stakecli.core.loading import parse

    # Merge keys go through ruamel's constructor, which builds dates (and fails on this one).
    text = b"kind: charter\nbase: &b {id: a}\nsignatories:\n  - {<<: *b, signed_on: 2026-02-30}\n"
    found = parse(text, tmp_path / "charter.yaml", pure=pure)
    assert isinstance(found, Finding)
    assert (found.code, found.line, found.col) == ("yaml.syntax", 4, 25)
    assert found.message == (
        "'2026-02-30' is not a valid date (day is out of range for month); write YYYY-MM-DD"
    )


GOOD = """\
kind: stakeholders
version: 1
stakeholders:
  - id: cfo
    name: Dana Whitfield
    side: internal
    power: 5
    legitimacy: 5
    urgency: 4
    interest: 4
    owner: cfo
"""

BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
kind: stakeholders
version: 1
stakeholders: *i
"""


def findings_for(run, path: Path) -> list[dict[str, object]]:
    result = run("validate", "--format", "json", path)
    assert result.exit_code == 1, result.stdout + result.stderr
    return [
        {k: f[k] for k in ("line", "col", "code")} | {"message": f["message"]}
        for f in json.loads(result.stdout)["findings"]
    ]


def only(run, path: Path) -> dict[str, object]:
    found = findings_for(run, path)
    assert len(found) == 1, found
    return found[0]


def test_syntax_error_is_located(run, write):
    path = write("s.yaml", "kind: stakeholders\nversion: 1\nstakeholders: [\n  - id: x\n")
    finding = only(run, path)
    assert finding["code"] == "yaml.syntax"
    assert finding["line"] == 4


def test_tab_indentation_says_use_spaces(run, tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("kind: stakeholders\nversion: 1\nstakeholders:\n\t- id: x\n")
    finding = only(run, path)
    assert (finding["code"], finding["line"], finding["col"]) == ("yaml.syntax", 4, 1)
    assert "spaces, not tabs" in str(finding["message"])


def test_duplicate_key_points_at_the_second_key(run, write):
    path = write("d.yaml", "kind: stakeholders\nversion: 1\nkind: stakeholders\n")
    finding = only(run, path)
    assert (finding["code"], finding["line"], finding["col"]) == ("yaml.duplicate-key", 3, 1)


def test_non_utf8_bytes_are_located(run, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"kind: stakeholders\nversion: 1\ntitle: caf\xe9\n")
    finding = only(run, path)
    assert (finding["code"], finding["line"], finding["col"]) == ("file.encoding", 3, 11)


def test_byte_order_mark_is_accepted_with_correct_lines(run, tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("power: 5", "power: 6").encode())
    finding = only(run, path)
    assert (finding["code"], finding["line"]) == ("schema.out-of-range", 7)


def test_file_over_the_size_limit_is_refused_unread(run, tmp_path):
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    finding = only(run, path)
    assert finding["code"] == "file.too-large"
    assert f"{MAX_BYTES + 1:,} bytes" in str(finding["message"])


def test_the_size_limit_is_configurable(run, write, monkeypatch):
    path = write("small.yaml", GOOD)
    monkeypatch.setenv("STAKECLI_MAX_FILE_BYTES", "100")
    finding = only(run, path)
    assert finding["code"] == "file.too-large"
    assert "over the 100-byte limit" in str(finding["message"])


@pytest.mark.parametrize("alias", [False, True], ids=["plain", "aliases"])
def test_a_document_over_the_node_limit_is_refused_before_any_walk(tmp_path, monkeypatch, alias):
    monkeypatch.setattr(loading, "MAX_NODES", 40)
    # 3 + 45 nodes; or 6 + 30 aliases of a 2-node list, expanded
    text = "a: &a [x]\nitems:\n" + "  - *a\n" * 30 if alias else "items:\n" + "  - 1\n" * 45
    found = loading.parse(text.encode(), tmp_path / "x.yaml")
    assert isinstance(found, loading.Finding)
    assert found.code == ("yaml.alias-bomb" if alias else "yaml.too-many-nodes")
    assert isinstance(loading.parse(b"items: [1, 2, 3]\n", tmp_path / "y.yaml"), loading.Document)


def test_alias_bomb_is_refused_in_well_under_a_second(run, write):
    path = write("bomb.yaml", BOMB)
    started = time.perf_counter()
    finding = only(run, path)
    assert time.perf_counter() - started < 1.0
    assert finding["code"] == "yaml.alias-bomb"


def test_alias_cycle_is_refused(run, write):
    assert only(run, write("cycle.yaml", "a: &a [*a]\n"))["code"] == "yaml.alias-cycle"


def test_small_aliases_are_fine(run, write):
    text = GOOD.replace("    name: Dana Whitfield", "    name: &n Dana Whitfield")
    text += "  - id: cfo2\n    name: *n\n    side: internal\n    power: 1\n"
    text += "    legitimacy: 1\n    urgency: 1\n    interest: 1\n"
    result = run("validate", write("ok.yaml", text))
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("opener", ["[", "{a: "], ids=["flow-lists", "flow-maps"])
def test_nesting_10000_levels_deep_is_refused(run, write, opener):
    closer = "]" if opener == "[" else "}"
    path = write("deep.yaml", "kind: " + opener * 10_000 + closer * 10_000 + "\n")
    assert only(run, path)["code"] == "yaml.too-deep"


def test_block_nesting_too_deep_is_refused(run, write):
    text = "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "x\n"
    assert only(run, write("deep.yaml", text))["code"] == "yaml.too-deep"


def test_tags_never_construct_objects(run, write):
    path = write("tag.yaml", "kind: !!python/object/apply:os.system ['echo hi']\n")
    assert only(run, path)["code"] == "yaml.syntax"


@pytest.mark.parametrize("pure", [True, False], ids=["pure-python", "c-parser"])
def test_both_parsers_give_the_same_data_and_positions(tmp_path, pure):
    if not pure and not loading.has_c_loader():
        pytest.skip("C parser not installed")
    doc = loading.parse(GOOD.encode(), tmp_path / "x.yaml", pure=pure)
    assert isinstance(doc, loading.Document)
    assert doc.data["stakeholders"][0]["power"] == 5
    pos = doc.position(("stakeholders", 0, "power"))
    assert pos is not None
    assert (pos.line, pos.col) == (7, 12)


@pytest.mark.parametrize("pure", [True, False], ids=["pure-python", "c-parser"])
def test_both_parsers_refuse_the_bomb(tmp_path, pure):
    found = loading.parse(BOMB.encode(), tmp_path / "b.yaml", pure=pure)
    assert isinstance(found, loading.Finding)
    assert found.code == "yaml.alias-bomb"


def test_c_parser_is_installed_and_used():
    assert loading.has_c_loader()


def test_a_control_character_is_located(run, tmp_path):
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"kind: stakeholders\nversion: 1\ntitle: a\x00b\n")
    finding = only(run, path)
    assert finding == {
        "line": 3,
        "col": 9,
        "code": "yaml.syntax",
        "message": "character U+0000 is a control character, not allowed in YAML; remove it",
    }


def test_a_folder_read_as_a_file_is_unreadable(tmp_path):
    found = loading.load(tmp_path)
    assert isinstance(found, loading.Finding)
    assert (found.code, found.line, found.message) == (
        "file.unreadable",
        None,
        "cannot read file: Is a directory",
    )


@pytest.mark.parametrize(
    "scalar",
    ["0", "-0", "7", "-12", "007", "-0012", "+1", "0x1F", "0o7", "0b1", "1_000", "true", "True",
     "TRUE", "false", "False", "FALSE", "~", "null", "Null", "NULL", "", "1e3", "1.5", "-.inf",
     "12345678901234567890"],
)  # fmt: skip
def test_the_reference_loader_builds_numbers_booleans_and_null_as_ruamel_does(scalar, tmp_path):
    from ruamel.yaml import YAML

    text = f"a: {scalar}\nb:\n  - {scalar}\n  - x\n"
    doc = loading.parse(text.encode(), tmp_path / "x.yaml", pure=False)
    assert isinstance(doc, loading.Document)
    want = YAML(typ="safe", pure=True).load(text)
    assert doc.data == want
    assert [type(v) for v in doc.data["b"]] == [type(v) for v in want["b"]]
    assert type(doc.data["a"]) is type(want["a"])
