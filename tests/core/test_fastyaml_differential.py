"""The fast loader against the reference loader: same data, same positions, same findings.

Every document is loaded both ways. Where the fast path takes it, the data must be equal
with the same types (True is not 1), every node and every key must have the same span, and
`validate` must report the same findings. Where the fast path declines, the answer is the
reference loader's by construction; the tests also check that the constructs it cannot read
exactly (`~`, `True`, `.inf`, `0x1F`, duplicate keys, aliases, tags...) are declined.
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, ROOT
from stakecli import pipeline
from stakecli.core import fastyaml, loading

sys.path.insert(0, str(ROOT / "bench"))
from generate import register

pytestmark = pytest.mark.skipif(not fastyaml.available(), reason="rapidyaml not installed")

SOURCES = sorted(p for p in EXAMPLES.rglob("*.yaml") if "docs" not in p.parts)
REFERENCE_PURE = not loading.has_c_loader()


def typed(value: Any) -> Any:
    """A comparable form that keeps types apart (True != 1 != 1.0) and NaN equal to itself."""
    if isinstance(value, dict):
        return ("map", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [typed(v) for v in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def nodes(node: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The loc of every node of a ruamel node tree, and of a missing child of each container."""
    yield loc
    if node.id == "mapping":
        for key, child in node.value:
            yield from nodes(child, (*loc, key.value))
        yield (*loc, "no such key")
    elif node.id == "sequence":
        for i, child in enumerate(node.value):
            yield from nodes(child, (*loc, i))
        yield (*loc, len(node.value))


def compare(raw: bytes, tmp_path: Path, *, expect_fast: bool | None = None) -> bool:
    """Load `raw` both ways and assert the same answers; True if the fast path took it."""
    path = tmp_path / "doc.yaml"
    reference = loading.parse(raw, path, pure=REFERENCE_PURE)
    automatic = loading.parse(raw, path)
    fast = isinstance(automatic, loading.Document) and hasattr(automatic.node, "span")
    if expect_fast is not None:
        assert fast is expect_fast, raw[:200]
    if not isinstance(reference, loading.Document):
        assert automatic == reference
        return fast
    assert isinstance(automatic, loading.Document)
    assert typed(automatic.data) == typed(reference.data)
    if reference.node is None:
        return fast
    for loc in nodes(reference.node):
        for at_key in (False, True):
            want = reference.position(loc, at_key=at_key)
            assert automatic.position(loc, at_key=at_key) == want, (loc, at_key)
            if fast:  # the fast computation itself, where it answers, not the fallback
                try:
                    span = automatic.node.span(loc, at_key=at_key)
                except fastyaml.Unsupported:
                    continue
                assert span == tuple(
                    n - 1 for n in (want.line, want.col, want.end_line, want.end_col)
                )
    return fast


def same_findings(raw: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "stakeholders.yaml"
    path.write_bytes(raw)
    fast = pipeline.run([path]).findings
    with monkeypatch.context() as patch:
        patch.setenv("STAKECLI_FAST_YAML", "0")
        assert pipeline.run([path]).findings == fast


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_every_example_loads_the_same_both_ways(source, tmp_path, monkeypatch):
    compare(source.read_bytes(), tmp_path)
    same_findings(source.read_bytes(), tmp_path, monkeypatch)


@pytest.mark.parametrize("n", [1, 7, 60])
def test_generated_registers_take_the_fast_path_and_match(n, tmp_path, monkeypatch):
    raw = register(n, seed=n).encode()
    assert compare(raw, tmp_path, expect_fast=True)
    same_findings(raw, tmp_path, monkeypatch)


def mistaken_register(n: int, seed: int) -> str:
    """A generated register with schema mistakes, bad references and a missing key."""
    rng = random.Random(seed)
    lines = register(n, seed).splitlines()
    for _ in range(max(3, n // 4)):
        i = rng.randrange(4, len(lines))
        line = lines[i]
        if "power:" in line:
            lines[i] = line.replace(line.split(": ")[1], rng.choice(["0", "9", "high", "[]"]))
        elif "side:" in line:
            lines[i] = line.replace("side:", rng.choice(["sde:", "side: sideways #"]))
        elif "owner:" in line:
            lines[i] = line.split(": ")[0] + ": nobody-" + str(i)
        elif "name:" in line:
            lines[i] = line.split(":")[0] + ":"
    return "\n".join(lines) + "\n"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(n=st.integers(min_value=1, max_value=25), seed=st.integers(min_value=0, max_value=10**6))
def test_registers_with_mistakes_give_the_same_findings(n, seed, tmp_path, monkeypatch):
    raw = mistaken_register(n, seed).encode()
    compare(raw, tmp_path)
    same_findings(raw, tmp_path, monkeypatch)


DECLINED = {
    "null tilde": "a: ~\n",
    "capitalised bool": "a: True\n",
    "upper null": "a: NULL\n",
    "infinity": "a: .inf\n",
    "bare inf": "a: inf\n",
    "nan": "a: nan\n",
    "hex": "a: 0x1F\n",
    "octal": "a: 0o17\n",
    "underscores": "a: 1_000\n",
    "plus sign": "a: +1\n",
    "leading zero": "a: 007\n",
    "exponent": "a: 1e3\n",
    "exponent without sign": "a: .5e3\n",
    "duplicate key": "a: 1\na: 2\n",
    "alias": "a: &x 1\nb: *x\n",
    "tag": "a: !!str 1\n",
    "integer key": "1: a\n",
    "bool key": "true: a\n",
    "empty key": ": a\n",
    "block scalar": "a: |\n  text\n",
    "folded scalar": "a: >\n  text\n",
    "nested flow mapping": "a: {b: {c: 1}}\n",
    "nested flow": "a: [[1]]\n",
    "multi-line flow": "a: [1,\n  2]\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "document end": "a: 1\n...\n",
    "directive": "%YAML 1.1\n---\na: yes\n",
    "merge key": "a: &x {b: 1}\nc:\n  <<: *x\n",
    "complex key": "? a\n: b\n",
    "tab": "a:\tb\n",
    "carriage return": "a: b\r\n",
    "reserved indicator": "a: @b\n",
    "unicode escape": 'a: "\\u00e9"\n',
    "line separator": "a: b\u2028c\n",
    "quoted look-alikes (declined too: JSON has no quotes to tell)": "a: 'True'\nb: \"0x1F\"\n",
    "deep nesting": "".join(f"{' ' * 2 * i}k:\n" for i in range(70)) + " " * 140 + "k: 1\n",
}


@pytest.mark.parametrize("text", DECLINED.values(), ids=DECLINED.keys())
def test_what_the_fast_path_cannot_read_exactly_falls_back(text, tmp_path):
    assert fastyaml.load(text.encode(), text, loading.MAX_NODES) is None
    compare(text.encode(), tmp_path, expect_fast=False)


TAKEN = {
    "ints and floats": "a: 1\nb: -2\nc: 1.5\nd: -0.25\ne: .5\nf: 1.\ng: 0\nh: -0\n",
    "JSON words": "a: true\nb: false\nc: null\nd:\n",
    "dates stay text": "a: 2026-01-01\nb: 2026-13-01\n",
    "quotes and escapes": 'a: \'it\'\'s\'\nb: "say \\"hi\\"\\n"\nc: "tab\\there"\n',
    "comments everywhere": "# head\na: 1 # one\n\n# gap\nb:   # empty\n  - x  # item\n# tail\n",
    "flow mappings": "a: {b: 1, c: 'x'}\nd: {}\ne:\n  - {f: g}\n",
    "indicators inside text": "a: Legal & Compliance\nb: a > b | c\nc: 100% R&D, use `x`\n",
    "number-like text": "a: 2 business days\nb: 1st floor\nc: 12:30\n",
    "indicators in comments": "# `code`, &anchors, *aliases*, !tags, | > @\na: 1  # & * !\n",
    "indentless sequence": "a:\n- 1\n- 2\nb: [x, 'y', \"z\"]\nc: []\n",
    "nested sequences": "- - a\n  - b\n- c\n- - - d\n",
    "no final newline": "a: [x, y]",
    "byte-order mark": "\ufeffa: 1\nb: é ü 日本\n",
    "non-ASCII columns": "名前: 日本語のテキスト\nb: [é, ü]\nc: '€'\n",
    "scalar document": "just text\n",
}


@pytest.mark.parametrize("text", TAKEN.values(), ids=TAKEN.keys())
def test_plain_yaml_takes_the_fast_path_and_matches(text, tmp_path):
    compare(text.encode(), tmp_path, expect_fast=True)


KEYS = st.sampled_from(["a", "b", "id", "name", "x y", "'q'", '"d"', "k-1", "é"])
SCALARS = st.sampled_from(
    [
        "1", "-1", "0", "1.5", ".5", "1.", "-.5", "true", "false", "null", "True", "~", "",
        "x", "a b", "'s'", '"d"', "'it''s'", '"a\\tb"', "2026-01-01", "1:30", "0x1F", "1_0",
        "+1", "1e3", "inf", "nan", ".inf", "s00001", "Role 31", "a#b", "a # c", "é", "-",
        "-x", "[a, b]", "[]", "[ 1 , 'x' ]", "a: b", "@x", "*x", "&x y", "!t x", "|", ">-",
        "{}", "[[1]]", "'unterminated", "a]", "[a", "? x", "%x", "<<", "=", "y", "no",
        "{a: 1}", "{a: 1, 'b': x y}", "{a}", "{a:1}", "{a: [1]}", "{ a : b , }", "[a, {b: 1}]",
        "x # `code` & *stars* | pipes", "'a #' b", "[a] # c", "{a: b}c", "R&D", "a & b",
        "a > b | c", "100%", "use `x`", "& x", "a *b", "a !b", "- x", "a - > b", "2 days",
    ]
)  # fmt: skip


@st.composite
def documents(draw: Any, depth: int = 0) -> str:
    """Block YAML of maps, sequences and scalars from a deliberately hostile alphabet."""
    indent = draw(st.sampled_from([2, 4])) if depth else 0
    lines: list[str] = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        shape = draw(st.sampled_from(["scalar", "scalar", "map", "seq", "comment", "blank"]))
        head = draw(st.sampled_from(["key", "item"])) if depth else "key"
        lead = f"{draw(KEYS)}:" if head == "key" else "-"
        if shape == "scalar":
            lines.append(f"{lead} {draw(SCALARS)}".rstrip())
        elif shape == "comment":
            lines.append(f"{lead} {draw(SCALARS)} # note".rstrip())
        elif shape == "blank":
            lines.append("")
        elif depth < 3:
            lines.append(lead)
            inner = draw(documents(depth + 1))
            child = " " * indent
            if shape == "seq":
                inner = "\n".join(
                    f"- {ln.lstrip()}" if ln.strip() else ln for ln in inner.split("\n")
                )
            lines.extend(child + ln if ln.strip() else ln for ln in inner.split("\n"))
    return "\n".join(lines)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=documents(), newline=st.booleans())
@example(text="a: 1", newline=False)
def test_generated_hostile_yaml_gives_the_same_answers(text, newline, tmp_path):
    compare((text + ("\n" if newline else "")).encode(), tmp_path)


LINES = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=6),
        st.sampled_from(["", "- ", "k: ", "- k: ", "k:", "- - ", "'q k': ", "k2: ", "#"]),
        SCALARS,
    ).map(lambda t: " " * t[0] + t[1] + t[2]),
    min_size=1,
    max_size=8,
)
"""Lines at any indentation: bad indentation, continuation lines, stray dashes."""


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=LINES)
@example(lines=["a:", "  - x", " - y"])
@example(lines=["k: plain text", "  continued here", "k2: 1"])
def test_lines_at_any_indentation_give_the_same_answers(lines, tmp_path):
    compare(("\n".join(lines) + "\n").encode(), tmp_path)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    source=st.sampled_from(SOURCES),
    cut=st.integers(min_value=0, max_value=10_000),
    junk=st.binary(max_size=12),
)
def test_mangled_examples_give_the_same_answers(source, cut, junk, tmp_path):
    data = source.read_bytes()
    cut %= len(data) + 1
    compare(data[:cut] + junk + data[cut + len(junk) :], tmp_path)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    n=st.integers(min_value=1, max_value=6),
    line=st.integers(min_value=0, max_value=400),
    text=st.text(
        alphabet=st.sampled_from(list(" :-[]{}&*!|>'\"#\t\nabc0123.,?%@`~é")), max_size=20
    ),
)
def test_a_register_line_replaced_with_punctuation_gives_the_same_answers(n, line, text, tmp_path):
    lines = register(n).splitlines(keepends=True)
    line %= len(lines)
    lines[line] = text + "\n"
    compare("".join(lines).encode(), tmp_path)


def test_without_the_wheel_the_reference_loader_does_it_all(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ryml", None)  # import ryml now raises ImportError
    assert not fastyaml.available()
    raw = register(5).encode()
    doc = loading.parse(raw, tmp_path / "r.yaml")
    assert isinstance(doc, loading.Document)
    assert not hasattr(doc.node, "span")
    assert typed(doc.data) == typed(loading.parse(raw, tmp_path / "r.yaml", pure=True).data)
    assert pipeline.run([EXAMPLES / "vendor-renewal"]).findings == []


def test_positions_the_fast_code_cannot_place_come_from_the_reference(tmp_path):
    text = "a:\n  -\n  - long plain\n    text folded\n"
    doc = loading.parse(text.encode(), tmp_path / "x.yaml")
    assert isinstance(doc, loading.Document)
    assert hasattr(doc.node, "span")
    with pytest.raises(fastyaml.Unsupported):
        doc.node.span(("a", 1))
    assert doc.position(("a", 1)) == loading.Position(3, 5, 4, 16)
    assert doc.node.reference is not None
