"""Read YAML safely and fast, keeping a node tree so that any loc maps to a line and column.

Two loaders give the same answers. The fast one (`core/fastyaml.py`, rapidyaml in C++)
takes the plain YAML most files are and computes positions only when a finding needs one;
whatever it cannot read exactly goes to the reference loader. There one C-accelerated pass
(`ruamel.yaml.clib`) composes the node tree and plain Python data is constructed from it;
without the C extension the pure-Python parser takes the same path and gives the same
results. No tags construct objects: the safe constructor builds only maps, lists, strings,
numbers, booleans, null and dates.

Bounded work: the file size bounds the parse (linear in the bytes on both loaders; aliases
cannot expand during it), and the node count, with aliases expanded, bounds everything after
it: documents over `MAX_NODES` nodes or `MAX_DEPTH` levels are refused before any walk. The
reference loader needs about 70 times the file in memory, so a file the fast loader cannot
take is read by it only up to `MAX_FULL_BYTES` (refused above, at the construct that needs
it); positions in a larger file never compose it either.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from stakecli.core.findings import Finding, Loc, Severity
from stakecli.core.rules import Rule

MAX_BYTES = 32 * 1024 * 1024
"""Files larger than this are refused unread (a register of 50,000 stakeholders is ~20 MB).

`STAKECLI_MAX_FILE_BYTES` in the environment overrides it. The limit bounds reading and
parsing; the node count below is what bounds the rest.
"""
MAX_FULL_BYTES = 4 * 1024 * 1024
"""Files larger than this are refused when the fast loader cannot read them exactly.

The reference loader needs about 70 times the file in memory and a second of CPU time per
megabyte of dense YAML (flow mappings): at this size 0.5 GB and 5 s in the worst case.
`STAKECLI_MAX_FULL_YAML_BYTES` in the environment overrides it.
"""
MAX_NODES = 3_000_000
"""Refuse documents with more nodes than this, aliases expanded (billion laughs).

`STAKECLI_MAX_NODES` in the environment overrides it. Keys count as nodes: a
50,000-stakeholder register has about 1.9 million. The schema's
models cost about 160 bytes a node and the positions of findings about 70 more: at this
count a register of the smallest entries (15 nodes each) peaks at about 0.85 GB.
"""
MAX_DEPTH = 64
"""Refuse documents nested deeper than this (no stakecli file needs more than ~8 levels)."""

_PERSON = (
    "  - {id: dee, name: Dee Moss, side: internal, power: 2, legitimacy: 2, urgency: 2,"
    " interest: 2}"
)
_HEAD = "kind: stakeholders\nversion: 1\nstakeholders:\n"

RULES = [
    Rule(
        "file.unreadable",
        "error",
        "The file cannot be read (permissions, a folder...).",
        why="""A file stakecli cannot open is a file nobody checked: the run must say so rather
        than pass it over in silence.""",
        bad="# a path named on the command line that is a folder, or has no read permission",
        good="# a regular file the user running stakecli may read",
    ),
    Rule(
        "file.too-large",
        "error",
        "The file is larger than the 32 MiB limit (STAKECLI_MAX_FILE_BYTES); split it.",
        why="""Files are refused unread above 32 MiB so that a stray dump or a generated file
        cannot stall a CI run; a register of 50,000 stakeholders is about 20 MB.
        `STAKECLI_MAX_FILE_BYTES` sets another limit. What bounds the work on any file is the
        node count (`yaml.too-many-nodes`, `yaml.alias-bomb`), not the size.""",
        bad="# stakeholders.yaml of 40 MiB (a database export pasted in)",
        good="# the same register split into one file per programme, each under 32 MiB",
    ),
    Rule(
        "file.too-large-for-full-yaml",
        "error",
        "A file over 4 MiB uses YAML only the full loader reads (STAKECLI_MAX_FULL_YAML_BYTES).",
        why="""Plain YAML (block and one-line flow collections, plain and quoted text) is read
        by the fast loader at any size up to the file limit. Anchors, tags, block scalars
        (`|`, `>`), values such as `True` or `~` and a few other constructs need the full
        YAML 1.2 loader, which takes about 70 times the file in memory; above 4 MiB such a
        file is refused, at the first such construct, rather than exhausting the machine.
        Write it the plain way (a quoted string for a `|` block), split the file, or raise
        `STAKECLI_MAX_FULL_YAML_BYTES`.""",
        bad=f"{_HEAD}  - id: dee\n    notes: |\n      Candid.\n# ... 20,000 more entries (8 MB)",
        good=f"{_HEAD}  - id: dee\n    notes: Candid.\n# ... 20,000 more entries (8 MB)",
    ),
    Rule(
        "file.encoding",
        "error",
        "The file is not UTF-8 (a UTF-8 byte-order mark is fine).",
        why="""A file saved in a legacy code page turns names like 'Zoë' into mojibake in every
        document rendered from it; stakecli reads UTF-8 only and points at the first bad
        byte.""",
        bad=f"{_HEAD}  - {{id: zoe, name: Zoë Brandt, side: internal, power: 2, legitimacy: 2,\n"
        "     urgency: 2, interest: 2}\n# (saved as Windows-1252)",
        good=f"{_HEAD}  - {{id: zoe, name: Zoë Brandt, side: internal, power: 2, legitimacy: 2,\n"
        "     urgency: 2, interest: 2}\n# (saved as UTF-8)",
    ),
    Rule(
        "file.empty",
        "error",
        "The file is empty or holds only comments.",
        why="""An empty file named on the command line is almost always a file whose content
        was lost or not yet written; passing it would hide that.""",
        bad="# stakeholders of the renewal: to do",
        good=_HEAD + _PERSON,
    ),
    Rule(
        "yaml.syntax",
        "error",
        "The YAML cannot be parsed (including tab indentation).",
        why="""Nothing in a file that does not parse can be checked; the finding points at the
        line and column where the parser gave up, and says 'use spaces' for tabs.""",
        bad=_HEAD + "  - {id: dee, name: Dee Moss, side: internal, power: 2",
        good=_HEAD + _PERSON,
    ),
    Rule(
        "yaml.duplicate-key",
        "error",
        "A key appears twice in one mapping.",
        why="""YAML libraries silently keep the last of two equal keys, so the first value
        vanishes without a trace; stakecli points at the second key instead.""",
        bad=_HEAD + _PERSON + "\nversion: 2",
        good=_HEAD + _PERSON,
    ),
    Rule(
        "yaml.alias-bomb",
        "error",
        "Aliases expand past 3,000,000 nodes (billion laughs).",
        why="""A few lines of nested aliases can expand to billions of nodes and exhaust memory
        (the 'billion laughs' attack); stakecli stops counting at 3,000,000.""",
        bad="""
        a: &a [x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        kind: stakeholders
        version: 1
        stakeholders: *g
        """,
        good=_HEAD + "  - &dee {id: dee, name: Dee Moss, side: internal, power: 2, legitimacy: 2,"
        "\n     urgency: 2, interest: 2}\n  - {<<: *dee, id: eve, name: Eve Moss}",
    ),
    Rule(
        "yaml.alias-cycle",
        "error",
        "An alias refers to a node that contains it.",
        why="""A node that contains itself has no finite value; reading it would never end.""",
        bad=_HEAD + "  - &loop {id: dee, name: Dee Moss, friends: [*loop]}",
        good=_HEAD + _PERSON,
    ),
    Rule(
        "yaml.too-deep",
        "error",
        "Nesting is deeper than 64 levels.",
        why="""No stakecli file needs more than about eight levels; thousands of nested brackets
        are an attack on the parser's stack, refused before it overflows.""",
        bad=_HEAD + "  - notes: " + "[" * 70 + "]" * 70,
        good=_HEAD + _PERSON,
    ),
    Rule(
        "yaml.too-many-nodes",
        "error",
        "The document has more than 3,000,000 nodes (STAKECLI_MAX_NODES).",
        why="""The node count, not the file size, bounds the work after parsing: the schema,
        the rules and every walk are linear in it, and the schema's models take about 160
        bytes a node. A 50,000-stakeholder register has about 1.9 million nodes (keys
        count); past 3,000,000 the document is refused before any walk, which keeps every
        file within about 10 s and 1 GiB. `STAKECLI_MAX_NODES` sets another limit.""",
        bad="# a register of 100,000 stakeholders in one file",
        good="# the same register split into one file per programme",
    ),
]


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based span in a file."""

    line: int
    col: int
    end_line: int
    end_col: int


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded YAML file: its plain data and the node tree that says where each part is."""

    path: Path
    data: Any
    node: Any
    text: str = ""
    _keys: dict[int, dict[str, tuple[Any, Any]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    """Mapping node id -> {key: (value node, key node)}, built on first use (linear lookups)."""

    def position(self, loc: Loc, *, at_key: bool = False) -> Position | None:
        """Where `loc` is: the deepest existing part of it (a missing key points at its parent).

        With `at_key`, a mapping entry is located at its key rather than its value (used for
        unknown keys, where the key itself is the mistake).
        """
        node = self.node
        if hasattr(node, "span"):  # loaded by stakecli.core.fastyaml
            from stakecli.core import fastyaml

            try:
                span = node.span(loc, at_key=at_key)
            except fastyaml.Unsupported:
                if node.reference is None and node.size > max_full_bytes():
                    return self._nearest(loc)  # composing it would take ~70x the file
                if node.reference is None:
                    node.reference = _yaml(pure=not has_c_loader()).compose(self.text)
                return _position(node.reference, loc, at_key, self._keys)
            return None if span is None else Position(*(n + 1 for n in span))
        return _position(node, loc, at_key, self._keys)

    def _nearest(self, loc: Loc) -> Position | None:
        """The span of the nearest part of `loc` the fast position code can place exactly."""
        from stakecli.core import fastyaml

        for end in range(len(loc) - 1, -1, -1):
            try:
                span = self.node.span(loc[:end])
            except fastyaml.Unsupported:
                continue
            return None if span is None else Position(*(n + 1 for n in span))
        return None


def _position(
    root: Any, loc: Loc, at_key: bool, index: dict[int, dict[str, tuple[Any, Any]]]
) -> Position | None:
    """`Document.position` over a ruamel node tree."""
    node, mark = root, root
    for part in loc:
        child, key = _child(node, part, index)
        if child is None:
            break
        mark = key if (at_key and key is not None and part == loc[-1]) else child
        node = child
    if mark is None:
        return None
    start, end = mark.start_mark, mark.end_mark
    return Position(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _child(
    node: Any, part: str | int, index: dict[int, dict[str, tuple[Any, Any]]]
) -> tuple[Any, Any]:
    """The child of a mapping or sequence node by key or index, with its key node.

    A mapping's keys are indexed once (first key wins), so locating many findings in one
    large mapping costs one pass over it, not one pass per finding.
    """
    value = getattr(node, "value", None)
    if not isinstance(value, list):
        return None, None
    if node.id == "sequence":
        if isinstance(part, int) and 0 <= part < len(value):
            return value[part], None
        return None, None
    keys = index.get(id(node))
    if keys is None:
        keys = index[id(node)] = {}
        for key, child in value:
            name = getattr(key, "value", None)
            if isinstance(name, str):
                keys.setdefault(name, (child, key))
    return keys.get(str(part), (None, None))


def _yaml(*, pure: bool) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=pure)
    yaml.allow_duplicate_keys = False
    yaml.Resolver = _resolver_class()
    return yaml


@cache
def _resolver_class() -> type:
    """Ruamel's resolver, with its rule table looked up once per document, not per scalar.

    The stock resolver recomputes the YAML version and its rule table for every node, a
    third of the parse time of a large register. The table is taken at the first scalar,
    after any `%YAML` directive, so the version a document declares still applies.
    """
    from ruamel.yaml.resolver import VersionedResolver

    class Resolver(VersionedResolver):
        @property
        def versioned_resolver(self) -> Any:
            try:
                return self._rules
            except AttributeError:
                self._rules: Any = VersionedResolver.versioned_resolver.fget(self)  # type: ignore[attr-defined]
                return self._rules

    return Resolver


def declares_kind(path: Path, kind: str) -> bool:
    """Whether the file has a top-level `kind: <kind>` line: a cheap text check, no parsing."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(65536)
    except OSError:
        return False
    wanted = {f"kind: {kind}", f"kind: '{kind}'", f'kind: "{kind}"'}
    return any(line.split("#")[0].strip() in wanted for line in head.splitlines())


def has_c_loader() -> bool:
    """Whether the C parser is installed (`ruamel.yaml[oldlibyaml]`)."""
    try:
        import _ruamel_yaml  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the installation
        return False
    return True


def max_bytes() -> int:
    """The file size limit: `STAKECLI_MAX_FILE_BYTES` if set, else `MAX_BYTES`."""
    return _limit("STAKECLI_MAX_FILE_BYTES", MAX_BYTES)


def max_full_bytes() -> int:
    """The limit for the full loader: `STAKECLI_MAX_FULL_YAML_BYTES` if set, else 4 MiB."""
    return _limit("STAKECLI_MAX_FULL_YAML_BYTES", MAX_FULL_BYTES)


def max_nodes() -> int:
    """The node limit: `STAKECLI_MAX_NODES` if set, else `MAX_NODES`."""
    return _limit("STAKECLI_MAX_NODES", MAX_NODES)


def _limit(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def load(path: Path, *, pure: bool | None = None) -> Document | Finding:
    """Read `path`; a problem with the file becomes a located Finding, never an exception."""
    try:
        size, limit = path.stat().st_size, max_bytes()
        if size > limit:
            return _problem(
                path,
                "file.too-large",
                1,
                1,
                (
                    f"file is {size:,} bytes, over the {limit:,}-byte limit; split it into "
                    "several files of the same kind (or raise STAKECLI_MAX_FILE_BYTES)"
                ),
            )
        raw = path.read_bytes()
    except OSError as exc:
        return _problem(path, "file.unreadable", None, None, f"cannot read file: {exc.strerror}")
    return parse(raw, path, pure=pure)


_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_CONTENT = re.compile(f"(?:\\A|[{_BREAKS}])[^\\S{_BREAKS}]*[^\\s#]")
"""A line (as `str.splitlines` cuts them) whose first non-blank character does not start a
comment: found without splitting a large file into lines."""


def parse(raw: bytes, path: Path, *, pure: bool | None = None) -> Document | Finding:
    """Parse YAML bytes into a Document, or the Finding that says why it cannot be.

    `pure` picks the reference loader's parser (True: pure Python, False: C); left to None,
    the fast loader is tried first, unless `STAKECLI_FAST_YAML=0` is set.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        return _problem(
            path,
            "file.encoding",
            line,
            col,
            (f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8"),
        )
    if not _CONTENT.search(text):
        return _problem(
            path,
            "file.empty",
            1,
            1,
            "file is empty; a stakecli file starts with `kind:` and `version:`",
        )
    enabled = gc.isenabled()
    gc.disable()  # 1.5-2x faster on large files: the loader allocates many small objects
    try:
        if pure is None:
            fast = _fast(raw, text, path)
            if fast is not None:
                return fast
            if len(raw) > max_full_bytes():
                return _too_large_for_full(raw, text, path)
        return _reference(raw, text, path, pure)
    finally:
        if enabled:
            gc.enable()


def _fast_enabled() -> bool:
    return os.environ.get("STAKECLI_FAST_YAML", "1") != "0"


def _fast(raw: bytes, text: str, path: Path) -> Document | Finding | None:
    """The fast loader's Document, its node-count finding, or None: the full loader decides."""
    from stakecli.core import fastyaml

    if not (_fast_enabled() and fastyaml.available()):
        return None
    try:
        fast = fastyaml.load(raw, text, max_nodes())
    except fastyaml.TooManyNodes:
        return _problem(path, "yaml.too-many-nodes", 1, 1, _too_many())
    return None if fast is None else Document(path, fast[0], fast[1], text)


def _too_many() -> str:
    return (
        f"the document has more than {max_nodes():,} nodes; split it into several files of "
        "the same kind (or raise STAKECLI_MAX_NODES)"
    )


def _too_large_for_full(raw: bytes, text: str, path: Path) -> Finding:
    """`file.too-large-for-full-yaml` at the first construct the fast loader does not read."""
    from stakecli.core import fastyaml

    limit = max_full_bytes()
    if not _fast_enabled():
        what, at = "any YAML at all (the fast loader is off: STAKECLI_FAST_YAML=0)", -1
    else:
        what, at = fastyaml.refusal(raw, text, max_nodes())
    line, col = _text_line_col(text, at) if at >= 0 else (1, 1)
    where = f" (line {line}, column {col})" if at >= 0 else ""
    return _problem(
        path,
        "file.too-large-for-full-yaml",
        line,
        col,
        f"file is {len(raw):,} bytes and uses {what}{where}, which only the full YAML "
        f"loader reads, and it reads files of up to {limit:,} bytes; write that the plain way "
        "(a quoted string for a `|` block, the values an anchor repeats), split the file, or "
        "raise STAKECLI_MAX_FULL_YAML_BYTES",
    )


def _reference(raw: bytes, text: str, path: Path, pure: bool | None) -> Document | Finding:
    """The reference loader: ruamel.yaml composes a node tree, `build` makes the data."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    yaml = _yaml(pure=not has_c_loader() if pure is None else pure)
    try:
        node = yaml.compose(text)
        limit = _check_graph(node) if "*" in text else _check_depth(node)
        if limit is not None:
            return _problem(path, limit[0], 1, 1, limit[1])
        data = build(node, yaml.constructor)
    except DuplicateKey as exc:
        return _problem(
            path,
            "yaml.duplicate-key",
            exc.line,
            exc.col,
            f"duplicate key {exc.key!r}; each key may appear once in a mapping",
        )
    except MarkedYAMLError as exc:
        return _syntax(path, exc, text)
    except ReaderError as exc:  # a control character (NUL, ESC...) YAML does not allow
        line, col = _text_line_col(text, exc.position)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"character U+{char:04X} is a control character, not allowed in YAML; remove it"
        return _problem(path, "yaml.syntax", line, col, message)
    except YAMLError as exc:
        return _problem(path, "yaml.syntax", 1, 1, f"invalid YAML: {exc}")
    except RecursionError:
        return _problem(path, "yaml.too-deep", 1, 1, f"nesting is deeper than {MAX_DEPTH} levels")
    except ValueError as exc:  # a scalar that looks like a date but is none: 2026-13-01
        return _bad_date(path, node, yaml, exc)
    return Document(path, data, node, text)


_TAG = "tag:yaml.org,2002:"
_PLAIN = {_TAG + "str", _TAG + "timestamp"}  # timestamps stay text: pydantic parses dates
_INT, _BOOL, _NULL = _TAG + "int", _TAG + "bool", _TAG + "null"
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
"""Integers whose value is plainly `int(text)` (no sign `+`, base prefix, `_` or leading 0)."""
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_BOOLS["FALSE"] = False
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class DuplicateKey(Exception):
    """A key appears twice in one mapping (1-based position of the second)."""

    def __init__(self, key: object, line: int, col: int) -> None:
        super().__init__(key)
        self.key, self.line, self.col = key, line, col


def build(root: Any, constructor: Any) -> Any:
    """Plain data from a checked node tree: dicts, lists and scalars, aliases shared.

    About 3x faster than ruamel's generic constructor on stakecli files, which are almost
    all maps, lists and strings; anything unusual (merge keys, sets, custom tags) is handed
    to the safe constructor, which refuses what it cannot build safely.
    """
    if root is None:
        return None
    memo: dict[int, Any] = {}
    seq, mapping = _TAG + "seq", _TAG + "map"

    def make(node: Any) -> Any:
        key = id(node)
        if key in memo:
            return memo[key]
        tag = _tag(node)
        if tag in _PLAIN:
            value: Any = node.value
        elif tag == _INT and _DECIMAL.match(node.value):  # the common numbers, without the
            value = int(node.value)  # constructor's per-node tag formatting (a third of it)
        elif tag == _BOOL and node.value in _BOOLS:
            value = _BOOLS[node.value]
        elif tag == _NULL and node.value in _NULLS:
            value = None
        elif tag == seq:
            value = memo[key] = []
            value.extend(make(child) for child in node.value)
        elif tag == mapping and not any(_tag(k) == _TAG + "merge" for k, _ in node.value):
            value = memo[key] = {}
            for key_node, child in node.value:
                name = make(key_node)
                try:
                    seen = name in value
                except TypeError:
                    seen = False
                    _refuse_key(key_node)
                if seen:
                    mark = key_node.start_mark
                    raise DuplicateKey(name, mark.line + 1, mark.column + 1)
                value[name] = make(child)
        else:
            value = constructor.construct_object(node, deep=True)
        memo[key] = value
        return value

    return make(root)


def _tag(node: Any) -> str | None:
    """The node's resolved tag; the common case skips ruamel's per-node tag formatting."""
    ctag = node.ctag
    if ctag is not None and ctag.handle is None and ctag.suffix.startswith(_TAG):
        return str(ctag.suffix)
    return None if ctag is None else str(ctag)


def _refuse_key(node: Any) -> None:
    from ruamel.yaml.constructor import ConstructorError

    raise ConstructorError(None, None, "a mapping key must be a plain value", node.start_mark)


def _syntax(path: Path, exc: Any, text: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    lines = text.splitlines()
    if mark and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
        problem = f"{problem} (a tab)"
    code = "yaml.syntax"
    if "duplicate key" in problem:
        code = "yaml.duplicate-key"
        problem = f"{problem}; each key may appear once in a mapping"
    elif "tab" in problem:
        problem = f"{problem}; indent YAML with spaces, not tabs"
    line = mark.line + 1 if mark else None
    col = mark.column + 1 if mark else None
    return _problem(path, code, line, col, problem)


def _bad_date(path: Path, root: Any, yaml: Any, exc: ValueError) -> Finding:
    """Locate the date-like scalar that cannot be constructed."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.id != "scalar":
            stack.extend(reversed(list(_children(node))))
        elif str(node.tag).endswith(":timestamp"):
            try:
                yaml.constructor.construct_yaml_timestamp(node)
            except ValueError:
                mark = node.start_mark
                return _problem(
                    path,
                    "yaml.syntax",
                    mark.line + 1,
                    mark.column + 1,
                    f"{node.value!r} is not a valid date ({exc}); write YYYY-MM-DD",
                )
    return _problem(path, "yaml.syntax", None, None, f"invalid value: {exc}")


def _problem(path: Path, code: str, line: int | None, col: int | None, msg: str) -> Finding:
    return Finding(code, Severity.ERROR, msg, path=str(path), line=line, col=col)


def _text_line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, offset - line_start + 1


def _children(node: Any) -> Iterator[Any]:
    value = node.value
    if node.id == "mapping":
        for key, child in value:
            yield key
            yield child
    elif node.id == "sequence":
        yield from value


def _check_depth(root: Any) -> tuple[str, str] | None:
    """Refuse deep nesting and too many nodes; a level-by-level walk, for alias-free documents."""
    level = [root] if root is not None and root.id != "scalar" else []
    count, limit = len(level), max_nodes()
    for _ in range(MAX_DEPTH):
        if not level:
            return None
        children = [c for n in level for c in _children(n)]
        count += len(children)
        if count > limit:
            return ("yaml.too-many-nodes", _too_many())
        level = [c for c in children if c.id != "scalar"]
    return ("yaml.too-deep", f"nesting is deeper than {MAX_DEPTH} levels") if level else None


def _check_graph(root: Any) -> tuple[str, str] | None:
    """Refuse alias bombs, alias cycles and deep nesting before anything expands them.

    Iterative and memoised on node identity, so it costs one visit per distinct node.
    """
    if root is None:
        return None
    expanded: dict[int, int] = {}
    on_path: set[int] = set()
    limit = max_nodes()
    stack: list[tuple[Any, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            total = 1 + sum(expanded[id(c)] for c in _children(node))
            if total > limit:
                return (
                    "yaml.alias-bomb",
                    f"aliases expand this document past {limit:,} "
                    "nodes (a 'billion laughs' attack?); refused without expanding it",
                )
            expanded[key] = total
            continue
        if key in expanded:
            continue
        if key in on_path:
            return (
                "yaml.alias-cycle",
                "an alias refers to a node that contains it; stakecli files cannot be recursive",
            )
        if depth > MAX_DEPTH:
            return ("yaml.too-deep", f"nesting is deeper than {MAX_DEPTH} levels")
        if node.id == "scalar":
            expanded[key] = 1
            continue
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node))
    return None
