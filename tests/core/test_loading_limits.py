"""The limits that bound every file: size, the full loader's size, and the node count.

Small limits are set through the environment (`STAKECLI_MAX_FULL_YAML_BYTES`,
`STAKECLI_MAX_NODES`), so no test needs a large file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stakecli.core import fastyaml, loading
from stakecli.core.findings import Finding

pytestmark = pytest.mark.skipif(not fastyaml.available(), reason="rapidyaml not installed")

HEAD = "kind: stakeholders\nversion: 1\nstakeholders:\n"
PERSON = (
    "  - id: p{i}\n    name: Person {i}\n    side: internal\n    power: 2\n    legitimacy: 2\n"
    "    urgency: 2\n    interest: 2\n"
)
PLAIN = HEAD + "".join(PERSON.format(i=i) for i in range(6))
"""A register of six, in the YAML the fast loader reads: about 600 bytes."""

CONSTRUCTS = {
    # what the file holds after the plain register -> (what the message names, line, column)
    "anchor": ("    notes: &n Candid\n", "an anchor (`&`)", 46, 12),
    "block scalar": ("    notes: |\n      Candid.\n", "a block scalar (`|`)", 46, 12),
    "tag": ("    notes: !!str Candid\n", "a tag (`!`)", 46, 12),
    "tab": ("    notes:\tCandid\n", "a tab, carriage return or control character", 46, 11),
    "True": ("    hidden: True\n", "'True', a value YAML reads in more than one way", 46, 13),
    "flow over lines": (
        "    tags: [a,\n      b]\n",
        "a flow collection (`[...]`, `{...}`) over several lines",
        46,
        11,
    ),
    "two documents": ("---\nkind: x\n", "several documents (`---`)", 46, 1),
    "duplicate key": ("    power: 3\n", "a duplicate key 'power'", 1, 1),
    "no YAML": ("    notes: a: b\n", "YAML the fast loader cannot parse (rapidyaml: ", 46, 15),
}


def parse(text: str, tmp_path: Path) -> loading.Document | Finding:
    return loading.parse(text.encode(), tmp_path / "stakeholders.yaml")


@pytest.mark.parametrize("case", CONSTRUCTS.values(), ids=CONSTRUCTS.keys())
def test_a_file_over_the_full_loader_limit_is_refused_at_what_needs_it(
    case: tuple[str, str, int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra, what, line, col = case
    text = PLAIN + extra
    monkeypatch.setenv("STAKECLI_MAX_FULL_YAML_BYTES", "500")
    found = parse(text, tmp_path)
    assert isinstance(found, Finding)
    assert (found.code, found.line, found.col) == ("file.too-large-for-full-yaml", line, col)
    assert found.message.startswith(f"file is {len(text.encode()):,} bytes and uses {what}")
    assert "reads files of up to 500 bytes" in found.message
    assert found.message.endswith("or raise STAKECLI_MAX_FULL_YAML_BYTES")
    monkeypatch.setenv("STAKECLI_MAX_FULL_YAML_BYTES", str(len(text.encode())))
    read = parse(text, tmp_path)  # at the limit: the full loader reads it (or finds its error)
    assert not isinstance(read, Finding) or read.code != "file.too-large-for-full-yaml"


def test_the_refusal_is_a_finding_of_validate(run, tmp_path, monkeypatch):
    path = tmp_path / "stakeholders.yaml"
    path.write_text(PLAIN + CONSTRUCTS["anchor"][0])
    monkeypatch.setenv("STAKECLI_MAX_FULL_YAML_BYTES", "500")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:46:12: error [file.too-large-for-full-yaml] file is " in result.stdout


def test_plain_yaml_over_the_full_loader_limit_is_read_by_the_fast_loader(tmp_path, monkeypatch):
    monkeypatch.setenv("STAKECLI_MAX_FULL_YAML_BYTES", "100")
    found = parse(PLAIN, tmp_path)
    assert isinstance(found, loading.Document)
    assert len(found.data["stakeholders"]) == 6


def test_with_the_fast_loader_off_the_full_loader_limit_applies_to_every_file(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("STAKECLI_MAX_FULL_YAML_BYTES", "100")
    monkeypatch.setenv("STAKECLI_FAST_YAML", "0")
    found = parse(PLAIN, tmp_path)
    assert isinstance(found, Finding)
    assert (found.code, found.line, found.col) == ("file.too-large-for-full-yaml", 1, 1)
    assert "any YAML at all (the fast loader is off: STAKECLI_FAST_YAML=0)" in found.message


def reference_count(text: str) -> int:
    """The node count at which the reference loader starts to refuse `text`."""
    low, high = 1, 10_000
    while low < high:  # the smallest limit it accepts
        middle = (low + high) // 2
        loading.MAX_NODES = middle
        found = loading.parse(text.encode(), Path("x.yaml"), pure=False)
        if isinstance(found, Finding) and found.code == "yaml.too-many-nodes":
            low = middle + 1
        else:
            high = middle
    return low


COUNTED = {
    "a sequence": "items:\n" + "  - 1\n" * 45,
    "a register": PLAIN,
    "flow and nesting": "a: {b: 1, c: [x, y]}\nd:\n  - - e\n    - {f: g}\n  - []\n  - {}\n",
    "a scalar": "just text\n",
    "quotes before colons": '"q\\": z": 1\nv: "say \\": x"\nw: {"\\\\": 2}\n',
}


@pytest.mark.parametrize("text", COUNTED.values(), ids=COUNTED.keys())
def test_the_fast_loader_counts_nodes_as_the_reference_loader(text, tmp_path, monkeypatch):
    monkeypatch.setattr(loading, "MAX_NODES", loading.MAX_NODES)
    count = reference_count(text)
    monkeypatch.setenv("STAKECLI_MAX_NODES", str(count))
    assert isinstance(parse(text, tmp_path), loading.Document)
    monkeypatch.setenv("STAKECLI_MAX_NODES", str(count - 1))
    found = parse(text, tmp_path)
    assert isinstance(found, Finding)
    assert (found.code, found.line, found.col) == ("yaml.too-many-nodes", 1, 1)
    assert found.message == (
        f"the document has more than {count - 1:,} nodes; split it into several files of the "
        "same kind (or raise STAKECLI_MAX_NODES)"
    )


def test_positions_in_a_file_over_the_full_loader_limit_never_compose_it(tmp_path, monkeypatch):
    # a plain scalar over two lines: the fast loader reads it, its position code cannot place it
    text = PLAIN.replace("name: Person 3\n", "name: Person\n      three\n")
    doc = parse(text, tmp_path)
    assert isinstance(doc, loading.Document)
    assert hasattr(doc.node, "span")
    monkeypatch.setenv("STAKECLI_MAX_FULL_YAML_BYTES", "100")
    at = doc.position(("stakeholders", 3, "name"))
    assert at is not None
    assert (at.line, at.col) == (25, 5)  # the entry's mapping: at its first key, `id`
    assert doc.node.reference is None
    monkeypatch.delenv("STAKECLI_MAX_FULL_YAML_BYTES")
    exact = doc.position(("stakeholders", 3, "name"))
    assert exact is not None
    assert (exact.line, exact.col) == (26, 11)
    assert doc.node.reference is not None


def test_a_finding_in_a_large_file_is_placed_at_the_nearest_part_it_can_be(
    run, tmp_path, monkeypatch
):
    path = tmp_path / "stakeholders.yaml"
    path.write_text(
        PLAIN.replace(
            "  - id: p3\n    name: Person 3\n    side: internal\n",
            ("  - id: p3\n    name: Person 3\n    side: inter\n      nal\n"),
        )
    )
    monkeypatch.setenv("STAKECLI_MAX_FULL_YAML_BYTES", "100")
    at_entry = run("validate", str(path)).stdout
    assert f"{path}:25:5: error [schema." in at_entry  # the entry: `side` spans two lines
    monkeypatch.delenv("STAKECLI_MAX_FULL_YAML_BYTES")
    assert f"{path}:27:11: error [schema." in run("validate", str(path)).stdout


def test_rapidyaml_out_of_memory_is_a_memory_error(monkeypatch):
    import ryml

    class Tree:
        def reserve(self, _: int) -> None:
            raise RuntimeError("ExceptionBasic")

    monkeypatch.setattr(ryml, "Tree", Tree)
    with pytest.raises(MemoryError):
        fastyaml.load(PLAIN.encode(), PLAIN, loading.MAX_NODES)
