"""The fast path for plain YAML: rapidyaml parses in C++, a guard sends everything else back.

Most stakecli files use a small part of YAML: block mappings and sequences, one-line flow
sequences and mappings, plain and quoted scalars, comments. For those, rapidyaml (`ryml`)
parses the bytes, emits JSON, and the standard library's C JSON decoder builds the data: no
Python object per node.

Exactness is the contract: `load` returns None, and the reference loader (ruamel.yaml)
decides, whenever the document uses anything whose meaning the two parsers might not agree
on. The guard is conservative by construction: text features are refused before parsing
(anchors, aliases, tags, block scalars, directives, several documents, nested or
multi-line flow collections, complex keys, escapes other than the common ones, control
characters, tabs); after parsing, every string that ruamel's YAML 1.2 resolver could type
differently (`True`, `~`, `0x1F`, `1_000`, `+1`, `.inf`...), every float with an exponent,
duplicate keys and deep nesting are refused too. What is left has one meaning, and
`tests/core/test_fastyaml_differential.py` checks data, positions and findings against ruamel.

Positions are computed only when a finding needs one (`FastNodes.span`): the bytes are
parsed again into a tree kept together with its buffer (the tree holds views into it), and
each scalar's offset in the buffer maps to line and column. Whatever the position code cannot
place exactly (a multi-line plain scalar, an empty sequence item...) is placed by composing
the document with the reference loader instead.
"""

from __future__ import annotations

import bisect
import ctypes
import json
import os
import re
from array import array
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

Loc = Sequence[str | int]
Span = tuple[int, int, int, int]
"""0-based (line, column, end line, end column), as ruamel's marks give them."""

_BOM = b"\xef\xbb\xbf"
# Printable characters YAML reads the same way everywhere: no tab, CR, NEL, C0/C1 controls,
# U+2028/U+2029 (line breaks to ruamel) or a byte-order mark inside the text.
_ASCII_OK = bytes(range(0x20, 0x7F)) + b"\n"
_NON_ASCII_BAD = re.compile("[\x80-\x9f\u2028\u2029\ufeff\ufff0-\uffff]")
_NOT_INDICATORS = bytes(b for b in range(256) if b not in b"&*!|>%@`?<\\")
"""All bytes but the rare ones that may be YAML syntax; `_refused_near_indicator` decides."""
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}\n")
_AFTER_FLOW = (re.compile(r"\][ ]*[^ \n#]"), re.compile(r"\}[ ]*[^ \n#]"))
"""Anything but a comment after a flow collection (each pattern starts with one literal
character, which keeps the search fast)."""
_GLUED = re.compile(r":[^ \n]")
"""A colon glued to what follows it (`a:1`): inside a flow collection, a key to some parsers
and text to others."""
# A JSON string (key or value) that ruamel's YAML 1.2 resolver could read as something else,
# or that rapidyaml may have rewritten (it writes `inf` as `.inf`): bool, null, int and float
# forms, merge and value keys, reserved indicators. Dates (YYYY-MM-DD) stay text on both paths.
# The prefilter finds the few strings that may be such, in one quick pass over the JSON.
_MAYBE_RISKY = re.compile(
    rb'"(?:"|[-+.0-9~<=@`]|[TtFfNn][rRaAuU][uUlL]|[iI][nN][fF](?:"|[iI][nN][iI][tT][yY]")|[nN][aA][nN]")'
)
_RISKY_STRING = re.compile(
    rb""""(?:
      (?!\d{4}-\d\d-\d\d")[-+]?\.?[0-9][0-9a-zA-Z_.+-]*  # number-like, dates excepted
    | [-+]?\.?(?i:inf|nan|infinity)
    | true|True|TRUE|false|False|FALSE|null|Null|NULL|~|<<|=|[@`][^"]*
    |                               # empty: as a key, ruamel reads `: x` as a null key
    )"
    """,
    re.X,
)
_DEEP = b"\n" + b" " * 120
"""A JSON line indented 60 levels: near the depth limit, which the reference loader enforces."""
_NONE = (1 << 64) - 1
"""rapidyaml's NONE node id."""


class Unsupported(Exception):
    """The fast path cannot answer exactly; the reference loader must."""


class TooManyNodes(Exception):
    """The document has more nodes than the limit, counted as the reference loader counts."""


def available() -> bool:
    """Whether rapidyaml is installed (a binary wheel; absent on some platforms)."""
    try:
        import ryml  # noqa: F401
    except ImportError:
        return False
    return True


def load(raw: bytes, text: str, max_nodes: int) -> tuple[Any, FastNodes] | None:
    """Data and lazy positions for `raw`, or None when the reference loader must decide.

    `raw` is the file's bytes and `text` their decoding (without a byte-order mark).
    `max_nodes` bounds the document: a larger one raises `TooManyNodes` (its nodes counted as
    the reference loader counts them), whatever its size.
    """
    body = raw[3:] if raw.startswith(_BOM) else raw
    if not _plain_enough(body, text):
        return None
    try:
        with _quiet_stderr():
            emitted = _json(body, max_nodes)
    except Unsupported:
        return None
    if _DEEP in emitted or _risky(emitted):
        return None
    try:
        data = json.loads(
            emitted, object_pairs_hook=_unique, parse_float=_float, parse_constant=_constant
        )
    except (Unsupported, ValueError):
        return None
    return data, FastNodes(text, len(body))


def _plain_enough(body: bytes, text: str) -> bool:
    """The text-level guard: True only for documents inside the subset described above."""
    return _refused(body, text) is None


def _refused(body: bytes, text: str) -> tuple[str, int] | None:
    """What the text-level guard refuses first: (what it is, its offset in `text`), or None.

    Byte-level checks first (each one pass in C); regular expressions only where one of the
    rare characters or sequences they look for is present.
    """
    unusual = body.translate(None, _ASCII_OK)
    if unusual and (
        unusual.translate(None, bytes(range(0x80, 0x100))) or _NON_ASCII_BAD.search(text)
    ):  # a tab, CR or control character, or a line break only ruamel knows
        found = _UNUSUAL.search(text)
        return "a tab, carriage return or control character", found.start() if found else -1
    indicators = body.translate(None, _NOT_INDICATORS)
    if indicators:
        at = _refused_near_indicator(text, set(indicators.decode()))
        if at >= 0:
            return _INDICATORS.get(text[at], _ESCAPE), at
    if body.startswith(b"...") or b"\n..." in body:
        return "a document end marker (`...`)", (
            0 if text.startswith("...") else text.find("\n...") + 1
        )
    # Over brackets and newlines only: every flow collection must close on its line with
    # nothing inside it but scalars (pairs become newlines, so nesting never pairs up).
    brackets = body.translate(None, _NOT_BRACKETS)
    if brackets.strip(b"\n"):
        unpaired = brackets.replace(b"[]", b"\n").replace(b"{}", b"\n").strip(b"\n")
        if unpaired.translate(None, b"\n"):
            what = "a flow collection (`[...]`, `{...}`) over several lines, or nested"
            return what, _unpaired_at(text)
        for kind in (0, 1) if b"{" in brackets else (0,):
            after = _AFTER_FLOW[kind].search(text)
            if after:
                return "text after a flow collection (`[...]`, `{...}`)", after.start() + 1
        glued = _glued_colon(text)
        if glued >= 0:
            return "a colon without a space after it in a flow collection", glued
    return None


def _glued_colon(text: str) -> int:
    """Where the flow collection holding a glued colon starts (-1: there is none).

    Asked once every flow collection is known to open and close on its line, unnested: a
    colon is inside one when its line has more openers than closers before it. Glued colons
    are rare (times, URLs), so this looks only at them, not at every collection.
    """
    for m in _GLUED.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        before = text[start : m.start()]
        for opener, closer in ("[]", "{}"):
            if before.count(opener) > before.count(closer):
                return start + before.rfind(opener)
    return -1


def _unpaired_at(text: str) -> int:
    """The offset of the first line whose brackets do not pair up on it (as the guard sees)."""
    for line in re.finditer(r"[^\n]*[\[\]{}][^\n]*", text):
        brackets = re.sub(r"[^\[\]{}]", "", line[0])
        while "[]" in brackets or "{}" in brackets:
            brackets = brackets.replace("[]", "").replace("{}", "")
        if brackets or re.search(r"[\[{][^\]}]*[\[{]", line[0]):
            return line.start() + min(i for i in map(line[0].find, "[]{}") if i >= 0)
    return -1


_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufff0-\uffff]")
"""The characters the guard's first check refuses (to locate the first of them)."""
_INDICATORS = {
    "&": "an anchor (`&`)",
    "*": "an alias (`*`)",
    "!": "a tag (`!`)",
    "|": "a block scalar (`|`)",
    ">": "a block scalar (`>`)",
    "%": "a directive (`%`), or a value that starts with `%`",
    "@": "a value that starts with `@`",
    "`": "a value that starts with a backquote",
    "?": "a complex key (`?`)",
    "<": "a merge key (`<<`)",
}
"""What each indicator character the guard refuses stands for, for the refusal message."""
_ESCAPE = 'a backslash escape other than \\n, \\t, \\" or \\\\'


def refusal(raw: bytes, text: str, max_nodes: int) -> tuple[str, int]:
    """Why `load` declines `raw`: what the construct is, and its offset in `text` (-1: none).

    Asked only when the reference loader will not take the file either (it is too large for
    it): the guard runs again, and after it the parse, to name the first thing it declines.
    """
    body = raw[3:] if raw.startswith(_BOM) else raw
    found = _refused(body, text)
    if found is not None:
        return found
    if not available():
        return "any YAML at all (rapidyaml is not installed)", -1
    quiet = _quiet_stderr(keep=True)
    try:
        with quiet:
            emitted = _json(body, max_nodes)
    except TooManyNodes:
        return f"more than {max_nodes:,} nodes", -1
    except Unsupported as exc:
        if "several" in str(exc):
            return str(exc), text.find("---")
        said = _RYML_ERROR.search(quiet.said)
        if said is None:
            return "nesting too deep for the fast loader", -1
        line, col, why = int(said[1]), int(said[2]), said[3].strip()
        start = 0
        for _ in range(line - 1):
            start = text.find("\n", start) + 1
        where = start + col - 1 if start or line == 1 else -1
        return f"YAML the fast loader cannot parse (rapidyaml: {why})", where
    if _DEEP in emitted:
        return "nesting near the depth limit", -1
    for m in _MAYBE_RISKY.finditer(emitted):
        risky = _RISKY_STRING.match(emitted, m.start())
        if risky:
            value = bytes(risky.group()[1:-1]).decode("utf-8", "replace")
            what = f"{value!r}, a value YAML reads in more than one way (quote it differently)"
            return what, _token_at(text, value)
    try:
        json.loads(emitted, object_pairs_hook=_unique, parse_float=_float, parse_constant=_constant)
    except (Unsupported, ValueError) as exc:
        token = str(exc.args[0]) if exc.args else ""
        if isinstance(exc, Unsupported) and str(exc).startswith("duplicate key"):
            return f"a {exc}", -1  # the reference loader would point at the second one
        return f"the number {token}, written with an exponent", _token_at(text, token)
    return "a construct the fast loader does not read", -1


_RYML_ERROR = re.compile(r"line=(\d+) col=(\d+)[^\n]*ERROR: \[parse\] ([^\n]*)")
"""Where and why rapidyaml refused a document, as its exception says it."""


def _token_at(text: str, value: str) -> int:
    """Where `value` first stands as a whole token in `text` (a hint for a message), or -1."""
    if not value:
        return -1
    found = re.search(rf"(?<![^\s\[{{,:'\"]){re.escape(value)}(?=[\s,\]}}:#'\"]|$)", text)
    return found.start() if found else -1


def _refused_near_indicator(text: str, chars: set[str]) -> int:
    """Where one of the rare indicator characters is first used as YAML syntax (-1: nowhere).

    Looks only at the characters themselves (a pattern tried at every position of a large
    file was slow); what a comment holds is text. The rules, for a character outside a
    comment: `&` and `*` start an anchor or alias where a name follows them at a token's
    start; `!` starts a tag at a token's start; any of `&*!|>%@` and backquote where a scalar
    starts (after indentation, `:`, `-`, `[`, `,`, `{` or `?` and spaces) is syntax; `?`
    alone at a token's start is a complex key; `<<` a merge key; a backslash followed by
    anything but n, t, a double quote or a backslash, an escape the fast path does not read.
    """
    found: list[int] = []
    for char in chars:  # str.find per character: a regular expression class scans slowly
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    line_end = comment = -1
    for at in sorted(found):
        if at >= line_end:  # the first indicator of a line
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", at)
            line_end = len(text) if line_end < 0 else line_end
            comment = _comment(text, line_start, line_end)
        if at < comment and _is_syntax(text, at, line_start):
            return at
    return -1


def _comment(text: str, start: int, end: int) -> int:
    """Where the line's comment starts (`end` if none, or if a quote might hide the `#`)."""
    mark = text.find("#", start, end)
    while mark >= 0:
        if mark == start or text[mark - 1] == " ":
            before = text[start:mark]
            return end if "'" in before or '"' in before else mark
        mark = text.find("#", mark + 1, end)
    return end


def _is_syntax(text: str, at: int, line_start: int) -> bool:
    char, after = text[at], text[at + 1 : at + 2]
    back = at - 1
    while back >= line_start and text[back] == " ":
        back -= 1
    scalar_start = back < line_start or text[back] in ":-[,{?"
    token_start = at == line_start or text[at - 1] in " [,{"
    if char in "&*":
        return scalar_start or (token_start and after not in ("", " ", "\n"))
    if char == "!":
        return scalar_start or token_start
    if char in "|>%@`":
        return scalar_start
    if char == "?":
        return token_start and after in ("", " ", "\n")
    if char == "<":
        return after == "<"
    return after not in ("n", "t", '"', "\\")  # a backslash


def _risky(emitted: bytearray) -> bool:
    """Whether a string in rapidyaml's JSON could mean something else to ruamel."""
    return any(_RISKY_STRING.match(emitted, m.start()) for m in _MAYBE_RISKY.finditer(emitted))


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):  # the reference loader says where
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise Unsupported(f"duplicate key {key!r}")
            seen.add(key)
    return mapping


def _float(literal: str) -> float:
    # rapidyaml writes `.5` as `0.5` and `1.` as `1.0`, both floats to ruamel too; with an
    # exponent the original spelling matters (ruamel reads `.5e3` as text), so refuse.
    if "e" in literal or "E" in literal:
        raise Unsupported(literal)
    return float(literal)


def _constant(literal: str) -> Any:
    raise Unsupported(literal)  # NaN, Infinity: never JSON that rapidyaml should write


def _json(body: bytes, max_nodes: int) -> bytearray:
    """Rapidyaml's JSON for a single-document `body` of at most `max_nodes` nodes."""
    import ryml

    tree, buffer = _parse(body)
    root = tree.root_id()
    if tree.is_stream(root) or tree.is_doc(root):
        raise Unsupported("several documents (`---`)")  # the reference loader decides
    size = tree.size()
    if size > max_nodes:
        raise TooManyNodes(max_nodes)
    try:
        # Into a buffer of ours: emit_json_malloc's buffer is never freed (a leak per call).
        out = bytearray(ryml.compute_json_length(tree, root))
        ryml.emit_json_in_place(tree, out, root)
    except Exception as exc:  # too deep to emit: ExceptionVisit
        raise Unsupported("rapidyaml cannot emit it") from exc
    finally:
        del tree, buffer  # in this order: the tree's views point into the buffer
    if size * 2 > max_nodes and size + _keys(out) > max_nodes:
        raise TooManyNodes(max_nodes)
    return out


def _keys(emitted: bytearray) -> int:
    """The number of mapping keys in rapidyaml's JSON: each ends with an unescaped `": `.

    A rapidyaml node holds a key and its value; the reference loader counts two nodes, so
    its count is the tree's size plus this. A `": ` inside a string has its quote escaped.
    """
    escaped = 0
    if b'\\": ' in emitted:  # rare: look for the runs of backslashes only then
        escaped = sum(len(m[1]) % 2 for m in _ESCAPED_KEY_END.finditer(emitted))
    return emitted.count(b'": ') - escaped


_ESCAPED_KEY_END = re.compile(rb'(\\+)": ')


def _parse(body: bytes) -> tuple[Any, bytearray]:
    """A rapidyaml tree over a private copy of `body`; the tree must never outlive the copy."""
    import ryml

    buffer = bytearray(body)
    tree = ryml.Tree()
    # Room for every node, and little more: a node starts on a new line, after `- `, `[`, `{`
    # or `,`. Too small an estimate only makes the tree grow (by doubling, up to 2x the room).
    try:
        tree.reserve(sum(body.count(c) for c in (b"\n", b"- ", b"[", b"{", b",")) + 4)
    except Exception as exc:  # rapidyaml's own exception type, when it cannot allocate
        raise MemoryError("rapidyaml cannot allocate its tree") from exc
    try:
        ryml.parse_in_place(buffer, tree)
    except Exception as exc:  # ryml raises its own exception types (and RuntimeError)
        raise Unsupported("rapidyaml refused the document") from exc
    return tree, buffer


class _quiet_stderr:
    """rapidyaml prints its parse errors to file descriptor 2: keep them off stakecli's stderr.

    With `keep`, what it printed is kept in `said` (a refusal message quotes it).
    """

    def __init__(self, keep: bool = False) -> None:
        self._keep = keep
        self.said = ""

    def __enter__(self) -> _quiet_stderr:
        try:
            self._saved: int | None = os.dup(2)
        except OSError:  # no stderr at all (`2>&-`): nothing to keep clean
            self._saved = None
            return self
        if self._keep:
            import tempfile

            self._file = tempfile.TemporaryFile()
            os.dup2(self._file.fileno(), 2)
        else:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 2)
            os.close(null)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._saved is not None:
            os.dup2(self._saved, 2)
            os.close(self._saved)
            if self._keep:
                self._file.seek(0)
                self.said = self._file.read(4000).decode("utf-8", "replace")
                self._file.close()


class _Buffer(ctypes.Structure):
    _fields_ = [
        ("buf", ctypes.c_void_p),
        ("obj", ctypes.c_void_p),
        ("len", ctypes.c_ssize_t),
        ("itemsize", ctypes.c_ssize_t),
        ("readonly", ctypes.c_int),
        ("ndim", ctypes.c_int),
        ("format", ctypes.c_char_p),
        ("shape", ctypes.c_void_p),
        ("strides", ctypes.c_void_p),
        ("suboffsets", ctypes.c_void_p),
        ("internal", ctypes.c_void_p),
    ]


def _address(view: Any) -> int:
    """Where a buffer's memory starts (rapidyaml's views are read-only memoryviews)."""
    info = _Buffer()
    get = ctypes.pythonapi.PyObject_GetBuffer
    get.argtypes = [ctypes.py_object, ctypes.POINTER(_Buffer), ctypes.c_int]
    release = ctypes.pythonapi.PyBuffer_Release
    release.argtypes = [ctypes.POINTER(_Buffer)]
    if get(view, ctypes.byref(info), 0) != 0:  # pragma: no cover - every view is a buffer
        raise Unsupported("not a buffer")
    try:
        return int(info.buf or 0)
    finally:
        release(ctypes.byref(info))


class FastNodes:
    """Positions of a fast-loaded document, computed on demand.

    `span` gives what ruamel's node marks give (0-based); a construct it cannot place
    exactly raises Unsupported, and the caller asks the reference loader instead.
    """

    def __init__(self, text: str, size: int = 0) -> None:
        self._text = text  # the document keeps it anyway; the bytes are made again when needed
        self.size = size
        """The document's size in bytes (without a byte-order mark)."""
        self._body = b""
        self._tree: Any = None
        self._buffer: bytearray | None = None
        self._lines = array("q")
        self._items: dict[int, list[int]] = {}
        self._keys: dict[int, dict[str, int]] = {}
        self.reference: Any = None
        """The reference loader's node tree, once something needed it."""

    def span(self, loc: Loc, *, at_key: bool = False) -> Span | None:
        """The span of `loc` as `loading.Document.position` defines it (0-based)."""
        tree = self._parsed()
        node, mark = tree.root_id(), (tree.root_id(), False)
        for part in loc:
            child, is_map = self._child(node, part)
            if child == _NONE:
                break
            mark = (child, at_key and is_map and part == loc[-1])
            node = child
        start, end = self._key(mark[0]) if mark[1] else self._value(mark[0])
        return (*self._line_col(start), *self._line_col(end))

    def _parsed(self) -> Any:
        if self._tree is None:
            self._body = self._text.encode("utf-8")  # the file's bytes, less any BOM
            with _quiet_stderr():
                self._tree, self._buffer = _parse(self._body)
            self._base = _address(self._buffer)
            # Where each line starts, counted in C (a Match object per line took 0.1 s at 10k).
            lengths = map((1).__add__, map(len, self._body.split(b"\n")))
            self._lines = array("q", accumulate(lengths, initial=0))  # 8 bytes a line
            self._lines.pop()
        return self._tree

    def _child(self, node: int, part: str | int) -> tuple[int, bool]:
        tree = self._tree
        if tree.is_seq(node):
            items = self._items.get(node)
            if items is None:  # tree.child(node, i) walks i siblings: list them once
                items = self._items[node] = []
                child = tree.first_child(node)
                while child != _NONE:
                    items.append(child)
                    child = tree.next_sibling(child)
            if isinstance(part, int) and 0 <= part < len(items):
                return items[part], False
            return _NONE, False
        if tree.is_map(node):
            keys = self._keys.get(node)
            if keys is None:  # find_child walks the siblings: index a mapping's keys once
                keys = self._keys[node] = {}
                child = tree.first_child(node)
                while child != _NONE:
                    view = tree.key(child)
                    if view is not None:
                        keys.setdefault(bytes(view).decode("utf-8", "replace"), child)
                    child = tree.next_sibling(child)
            found = keys.get(str(part))
            if found is None:  # a key written in a form the index does not hold (quoted...)
                return tree.find_child(node, str(part)), True
            return found, True
        return _NONE, False

    # Offsets below are byte offsets into the document; -1 stands for the end of the stream.

    def _scalar(self, view: Any, quoted: bool) -> tuple[int, int]:
        start = _address(view) - self._base
        body = self._body
        if not quoted:
            content = bytes(view)
            if b"\n" in content or body[start : start + len(content)] != content:
                raise Unsupported("multi-line plain scalar")  # folded: the view is shorter
            return start, start + len(content)
        start -= 1
        quote = body[start : start + 1]
        if quote == b"'":
            match = re.compile(rb"'(?:[^']|'')*'").match(body, start)
        elif quote == b'"':
            match = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S).match(body, start)
        else:
            match = None
        if match is None:
            raise Unsupported("quoted scalar")
        return start, match.end()

    def _key(self, node: int) -> tuple[int, int]:
        tree = self._tree
        view = tree.key(node)
        if view is None:
            raise Unsupported("empty key")
        return self._scalar(view, tree.is_key_quoted(node))

    def _value(self, node: int) -> tuple[int, int]:
        if self._tree.is_container(node):
            return self._start(node), self._end(node)
        return self._scalar_value(node)

    def _value_start(self, node: int) -> int:
        if self._tree.is_container(node):
            return self._start(node)
        return self._scalar_value(node)[0]

    def _value_end(self, node: int) -> int:
        if self._tree.is_container(node):
            return self._end(node)
        return self._scalar_value(node)[1]

    def _scalar_value(self, node: int) -> tuple[int, int]:
        tree = self._tree
        view = tree.val(node)
        if view is not None:
            return self._scalar(view, tree.is_val_quoted(node))
        if not tree.has_key(node):
            raise Unsupported("empty sequence item")
        colon = self._skip(self._key(node)[1], b" ")
        if self._body[colon : colon + 1] != b":":
            raise Unsupported("no colon after the key")
        return colon + 1, colon + 1  # ruamel places an empty value just after the colon

    def _start(self, node: int) -> int:
        tree = self._tree
        first, is_map, flow = tree.first_child(node), tree.is_map(node), tree.is_flow(node)
        if is_map and not flow:
            return self._key(first)[0]  # a block mapping starts at its first key
        indicator = (b"{" if is_map else b"[") if flow else b"-"
        if first != _NONE:
            at = self._back(self._key(first)[0] if is_map else self._value_start(first), b" \n")
        elif tree.has_key(node):  # `key: []`, `key: {}`: the bracket after the colon
            at = self._skip(self._key(node)[1], b" ")
            at = self._skip(at + 1, b" ") if self._body[at : at + 1] == b":" else -1
        else:
            raise Unsupported("empty flow collection as an item")
        if at < 0 or self._body[at : at + 1] != indicator:
            raise Unsupported("collection start")
        return at

    def _end(self, node: int) -> int:
        tree = self._tree
        last = tree.last_child(node)
        if tree.is_flow(node):
            after = self._start(node) + 1 if last == _NONE else self._value_end(last)
            close = self._skip(after, b" ,")
            if self._body[close : close + 1] != (b"}" if tree.is_map(node) else b"]"):
                raise Unsupported("flow collection end")
            return close + 1
        return self._next_token(self._value_end(last))

    def _next_token(self, at: int) -> int:
        """Where ruamel's block-end token sits: the next token after `at`, or the end."""
        body = self._body
        while at >= 0:
            at = self._skip(at, b" \n")
            if at >= len(body):
                return -1
            if body[at : at + 1] != b"#":
                return at
            if at and body[at - 1 : at] not in b" \n":
                raise Unsupported("comment")
            newline = body.find(b"\n", at)
            at = len(body) if newline < 0 else newline
        return -1

    def _skip(self, at: int, chars: bytes) -> int:
        body = self._body
        while at < len(body) and body[at] in chars:
            at += 1
        return at

    def _back(self, at: int, chars: bytes) -> int:
        """The offset of the first character before `at` that is not in `chars`."""
        at -= 1
        while at >= 0 and self._body[at] in chars:
            at -= 1
        return at

    def _line_col(self, offset: int) -> tuple[int, int]:
        body = self._body
        if offset < 0:  # the end of the stream: after the last line, column 0
            return len(self._lines) - (1 if body.endswith(b"\n") else 0), 0
        line = bisect.bisect_right(self._lines, offset) - 1
        start = self._lines[line]
        chunk = body[start:offset]
        return line, len(chunk) if chunk.isascii() else len(chunk.decode("utf-8"))
