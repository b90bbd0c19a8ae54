"""JSON documents for stdout: `json.dumps(obj, indent=2, ensure_ascii=False)`, faster.

With `indent`, the standard library encodes in pure Python, one generator per container;
a 10,000-stakeholder analysis takes it about 0.3 s. `dumps` writes the same text, byte for
byte, appending to one list with the strings escaped by the C encoder, in about a third of
the time. Anything it does not know (a type `json` would pass to `default`, a circular
structure) goes to `json.dumps` itself, so errors and edge cases are the standard library's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

_INT = int.__repr__
_FLOAT = float.__repr__


class _Unknown(Exception):
    """A value this module leaves to `json.dumps`."""


class Encoded:
    """A value that writes its own JSON, for a part of a document worth writing by hand.

    `write(newline)` must return what `dumps` writes for `plain()` where the value's first
    line follows `newline` (a line break and the indentation of the value's depth); `plain`
    gives the value itself, for `json.dumps` and for tests.
    """

    __slots__ = ("plain", "write")

    def __init__(self, write: Callable[[str], str], plain: Callable[[], Any]) -> None:
        self.write = write
        self.plain = plain


def dumps(obj: Any) -> str:
    """`json.dumps(obj, indent=2, ensure_ascii=False)` (an `Encoded` value as its `plain()`)."""
    return encode(obj)


def encode(value: Any, newline: str = "\n") -> str:
    """The JSON of `value` as `dumps` writes it where its first line follows `newline`."""
    out: list[str] = []
    try:
        _value(value, out, newline, 0)
    except (_Unknown, RecursionError):
        text = json.dumps(value, indent=2, ensure_ascii=False, default=_plain)
        return text.replace("\n", newline)  # a JSON string never holds a raw line break
    return "".join(out)


def _plain(value: Any) -> Any:
    if isinstance(value, Encoded):
        return value.plain()
    return json.JSONEncoder().default(value)  # the standard library's TypeError


MAX_DEPTH = 200
"""Deeper nesting than this (or a cycle) is left to `json.dumps`."""


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == float("-inf"):
        return "-Infinity"
    return _FLOAT(value)


def _scalar(value: Any) -> str | None:
    """The JSON of a scalar, in the order `json` tests types; None for a list or a mapping."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return _INT(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, list | tuple | dict | Encoded):
        return None
    raise _Unknown


def _key(key: Any) -> str:
    """A mapping key as `json` writes it (a string; numbers, booleans and null as text)."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_float(key))
    if key is True:
        return '"true"'
    if key is False:
        return '"false"'
    if key is None:
        return '"null"'
    if isinstance(key, int):
        return encode_basestring(_INT(key))
    raise _Unknown


def _value(value: Any, out: list[str], newline: str, depth: int) -> None:
    """Append the JSON of `value`, whose first line is already indented by `newline`."""
    kind = type(value)
    if kind is dict:
        _mapping(value, out, newline, depth)
    elif kind is list or kind is tuple:
        _sequence(value, out, newline, depth)
    elif kind is Encoded:
        out.append(value.write(newline))
    else:
        text = _scalar(value)
        if text is not None:
            out.append(text)
        elif isinstance(value, dict):
            _mapping(value, out, newline, depth)
        else:
            _sequence(value, out, newline, depth)


def _mapping(value: dict[Any, Any], out: list[str], newline: str, depth: int) -> None:
    if not value:
        out.append("{}")
        return
    if depth >= MAX_DEPTH:
        raise _Unknown
    inner = newline + "  "
    lead = "{" + inner
    after = "," + inner
    append, encode = out.append, encode_basestring
    for key, item in value.items():
        name = encode(key) if type(key) is str else _key(key)
        kind = type(item)
        if kind is str:
            append(f"{lead}{name}: {encode(item)}")
        elif kind is int:
            append(f"{lead}{name}: {_INT(item)}")
        elif item is None:
            append(f"{lead}{name}: null")
        elif kind is dict or kind is list or kind is tuple:
            append(f"{lead}{name}: ")
            _value(item, out, inner, depth + 1)
        else:
            text = _scalar(item)
            if text is None:
                append(f"{lead}{name}: ")
                _value(item, out, inner, depth + 1)
            else:
                append(f"{lead}{name}: {text}")
        lead = after
    append(newline + "}")


def _sequence(value: list[Any] | tuple[Any, ...], out: list[str], newline: str, depth: int) -> None:
    if not value:
        out.append("[]")
        return
    if depth >= MAX_DEPTH:
        raise _Unknown
    inner = newline + "  "
    lead = "[" + inner
    after = "," + inner
    append, encode = out.append, encode_basestring
    for item in value:
        kind = type(item)
        if kind is str:
            append(lead + encode(item))
        elif kind is int:
            append(lead + _INT(item))
        else:
            append(lead)
            _value(item, out, inner, depth + 1)
        lead = after
    append(newline + "]")
