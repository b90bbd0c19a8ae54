"""YAML that stakecli writes for people: plain block style, one value per line, no surprises.

Keys keep their order, text that YAML would misread is quoted, and multi-line text becomes a
`|` block when that keeps it exact. The output is what ruamel.yaml's safe dumper writes with
its C emitter (libyaml) at these settings (`reference_dump`), but written directly: the
dumper represents every value as a node and resolves every scalar through regular
expressions, about 20 s for a 100,000-row import, where the direct writer takes about one.

The direct writer takes the plain data imports and starters produce: mappings, lists, text,
integers, booleans and null. It decides each scalar's style with libyaml's rules (plain when
the text reads back as itself, else single-quoted, else double-quoted with libyaml's escapes;
`|` blocks as the representer asks for them) and hands anything else (floats, dates, very
long text, keys that are not simple) to the reference dumper, one list item or top-level
entry at a time, so the output is the same. `tests/core/test_emitting_direct.py` holds the two
equal, byte for byte on ordinary text and in data for any text.
"""

from __future__ import annotations

import io
import re
from functools import cache
from typing import Any

CHUNK = 1000
"""Items of a long top-level list the reference dumper represents at once."""
LONG = 3000
"""Scalars longer than this, as written, go to the reference dumper (it folds past 4096)."""


def dump(data: Any, *comments: str) -> str:
    """Plain block-style YAML after `# comment` lines: pleasant to edit and to diff."""
    out = [f"# {_one_line(comment)}\n" for comment in comments]
    if not isinstance(data, dict):
        out.append(_reference(data))
        return "".join(out)
    for key, value in data.items():
        mark = len(out)
        try:
            _entry(key, value, 0, out)
        except _Delegate:
            del out[mark:]
            if not (isinstance(value, list) and value and _simple_key(key)):
                out.append(_reference({key: value}))
                continue
            out.append(f"{_key(key)}:\n")  # a long list: item by item
            for item in value:
                _item_or_reference(item, out)
    return "".join(out)


def reference_dump(data: Any, *comments: str) -> str:
    """What `dump` writes, by ruamel.yaml's safe dumper (the definition the writer follows)."""
    out = io.StringIO()
    for comment in comments:
        out.write(f"# {_one_line(comment)}\n")
    yaml = _yaml()
    if not isinstance(data, dict):
        yaml.dump(data, out)
        return out.getvalue()
    for key, value in data.items():  # one top-level key at a time, long lists in chunks:
        if isinstance(value, list) and len(value) > CHUNK:  # the node graph stays small
            yaml.dump({key: value[:CHUNK]}, out)
            for start in range(CHUNK, len(value), CHUNK):
                yaml.dump(value[start : start + CHUNK], out)  # `- ` items at column 0
        else:
            yaml.dump({key: value}, out)
    return out.getvalue()


@cache
def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    yaml.width = 4096  # one line per value: wrapped values make noisy diffs
    yaml.allow_unicode = True
    yaml.representer.sort_base_mapping_type_on_output = False
    yaml.representer.add_representer(str, _text)
    return yaml


def _reference(data: Any) -> str:
    return reference_dump(data)


def _text(representer: Any, value: str) -> Any:
    style = "|" if "\n" in value and _literal_safe(value) else None
    return representer.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _literal_safe(value: str) -> bool:
    """A `|` block keeps the text exactly only without trailing spaces or control characters."""
    lines = value.split("\n")
    clean = all(not line.endswith((" ", "\t")) and line.isprintable() for line in lines)
    return clean and not value.startswith((" ", "\n"))


def _one_line(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)


# -- The direct writer --------------------------------------------------------------------------


class _Delegate(Exception):
    """A value the direct writer leaves to the reference dumper."""


def _item_or_reference(item: Any, out: list[str]) -> None:
    mark = len(out)
    try:
        _item(item, 0, out)
    except _Delegate:
        del out[mark:]
        out.append(_reference([item]))  # `- ` at column 0, as in the mapping (indentless)


def _entry(key: Any, value: Any, indent: int, out: list[str], inline: bool = False) -> None:
    """`key: value` at `indent` (`inline`: after a `- ` already written)."""
    head = ("" if inline else " " * indent) + _key(key) + ":"
    if type(value) is dict and value:
        out.append(head + "\n")
        _mapping(value, indent + 2, out)
    elif type(value) is list and value:
        out.append(head + "\n")
        for item in value:  # a list in a mapping is not indented (libyaml's indentless style)
            _item(item, indent, out)
    else:
        out.append(head + " " + _scalar(value, indent + 2))


def _mapping(value: dict[Any, Any], indent: int, out: list[str], inline: bool = False) -> None:
    for key, child in value.items():
        _entry(key, child, indent, out, inline)
        inline = False


def _item(value: Any, indent: int, out: list[str], inline: bool = False) -> None:
    """`- value` at `indent` (`inline`: after a `- ` already written)."""
    head = ("" if inline else " " * indent) + "- "
    if type(value) is dict and value:
        out.append(head)
        _mapping(value, indent + 2, out, inline=True)
    elif type(value) is list and value:
        out.append(head)
        first = True
        for child in value:
            _item(child, indent + 2, out, inline=first)
            first = False
    else:
        out.append(head + _scalar(value, indent + 2))


def _scalar(value: Any, indent: int) -> str:
    """A scalar (or an empty collection) and its line break; a `|` block indents to `indent`."""
    kind = type(value)
    if kind is str:
        return _string(value, indent)
    if kind is bool:
        return "true\n" if value else "false\n"
    if kind is int:
        return f"{value}\n"
    if value is None:
        return "null\n"
    if kind is list and not value:
        return "[]\n"
    if kind is dict and not value:
        return "{}\n"
    raise _Delegate  # floats, dates and the rest: ruamel's representer decides their text


_SPECIAL = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd]|[\u2028\u2029\ufeff]")
"""Characters libyaml does not write as they are (its IS_PRINTABLE, less breaks and BOM)."""
_FIRST = frozenset("#,[]{}&*!|>'\"%@`")
"""First characters that keep text from being plain (libyaml's leading indicators)."""


_SIMPLE = re.compile(r"[A-Za-z][A-Za-z0-9 _.,;/()&+'-]*(?<! )\Z")
"""Text libyaml writes plain if the resolver reads it as text: no indicator, colon, hash,
break or trailing space can be in it (and most letters start no resolver's pattern)."""


def _string(value: str, indent: int) -> str:
    if _SIMPLE.match(value) and len(value) <= LONG and _reads_as_text(value):
        return value + "\n"  # most text: no further look
    if "\n" in value:
        if _literal_safe(value) and not _SPECIAL.search(value.replace("\n", "")):
            return _literal(value, indent)
        return _double(value) + "\n"
    if (value.isascii() and value.isprintable()) or not _SPECIAL.search(value):
        text = value if _plain(value) else "'" + value.replace("'", "''") + "'"
    else:
        text = _double(value)
    if len(text) > LONG:
        raise _Delegate
    return text + "\n"


def _plain(value: str) -> bool:
    """Whether libyaml writes one-line printable text as it is (in block context)."""
    if not value or value[0] in _FIRST or value[0] == " " or value[-1] == " ":
        return False
    if value[0] in "?:-" and (len(value) == 1 or value[1] == " "):
        return False
    if value.startswith(("---", "...")) or ": " in value or value[-1] == ":" or " #" in value:
        return False
    return _reads_as_text(value)


def _reads_as_text(value: str) -> bool:
    """Whether ruamel's YAML 1.2 resolver reads `value`, unquoted, as a string."""
    for tag, pattern in _resolvers(value[:1]):
        if pattern.match(value):
            return bool(tag == "tag:yaml.org,2002:str")
    return True


@cache
def _resolvers(first: str) -> tuple[tuple[str, Any], ...]:
    """The implicit resolvers ruamel tries for a scalar starting with `first`, in its order."""
    from ruamel.yaml.resolver import VersionedResolver

    table = VersionedResolver().versioned_resolver
    return tuple((str(t), p) for t, p in [*table.get(first, []), *table.get(None, [])])


_ESCAPES = {
    "\0": "0", "\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r",
    "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\u2028": "L", "\u2029": "P",
}  # fmt: skip


def _double(value: str) -> str:
    """Text in libyaml's double-quoted style (on one line: no text it would fold comes here)."""
    out = ['"']
    for char in value:
        if char in _ESCAPES:
            out.append("\\" + _ESCAPES[char])
        elif _SPECIAL.match(char):
            code = ord(char)
            out.append(f"\\x{code:02X}" if code <= 0xFF else
                       f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")  # fmt: skip
        else:
            out.append(char)
    out.append('"')
    text = "".join(out)
    if len(text) > LONG:
        raise _Delegate
    return text


def _literal(value: str, indent: int) -> str:
    """A `|` block: chomping as libyaml chooses it, lines at `indent`, empty lines bare."""
    if not value.endswith("\n"):
        chomp = "-"
    elif value == "\n" or value.endswith("\n\n"):
        chomp = "+"
    else:
        chomp = ""
    pad = " " * indent
    lines = "\n".join(pad + line if line else "" for line in value.split("\n"))
    return f"|{chomp}\n{lines}" + ("" if value.endswith("\n") else "\n")


def _simple_key(key: Any) -> bool:
    try:
        _key(key)
    except _Delegate:
        return False
    return True


def _key(key: Any) -> str:
    """A mapping key as libyaml writes a simple key (one line, at most 128 bytes)."""
    known = _KEYS.get(key) if type(key) is str else None
    if known is not None:
        return known
    text = _new_key(key)
    if len(_KEYS) < 10_000:  # keys repeat (a register's field names); the memo stays small
        _KEYS[key] = text
    return text


_KEYS: dict[str, str] = {}


def _new_key(key: Any) -> str:
    if type(key) is not str or "\n" in key or len(key.encode()) > 128:
        raise _Delegate
    if _SPECIAL.search(key):
        raise _Delegate  # double-quoted keys: rare, and the reference dumper knows them
    if key and _plain(key):
        return key
    return "'" + key.replace("'", "''") + "'"
