"""The leak guard: what is confidential in a parsed file, a redacted copy, and a scan.

Two layers keep confidential data out of documents for an external audience:

1. Structure: external contexts are built from `redact(model)`, in which every field marked
   `confidential(...)` is a `Withheld` value that raises when it is printed, iterated,
   compared or tested, and every list entry with `confidential: true` is gone.
2. Text: `leaks(text, values)` searches the rendered text for every confidential value whose
   string form has at least `MIN_LENGTH` characters (shorter ones such as `3` or `low` would
   match by accident; layer 1 covers them) and that does not also occur inside a public
   (non-confidential) value of the folder: a date or phrase the user also wrote in a public
   field is not evidence of a leak when it shows up in a document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any, NoReturn

from jinja2 import TemplateRuntimeError
from pydantic import BaseModel

from stakecli.core.model import is_confidential

MIN_LENGTH = 4
"""Confidential values shorter than this are not searched for in rendered text."""


class ConfidentialValueError(TemplateRuntimeError):
    """An external document tried to use a confidential field."""


@dataclass(frozen=True, slots=True)
class Secret:
    """One confidential value and where it came from (`stakeholders[2].notes`)."""

    value: str
    where: str


class Withheld:
    """Stands in for a confidential field in an external context; any use of it raises."""

    __slots__ = ("_where",)

    def __init__(self, where: str) -> None:
        self._where = where

    def _refuse(self, *_: Any, **__: Any) -> NoReturn:
        raise ConfidentialValueError(
            f"{self._where} is confidential and cannot appear in a document for an "
            "external audience"
        )

    __str__ = __format__ = __iter__ = __len__ = __bool__ = __eq__ = _refuse
    __lt__ = __le__ = __gt__ = __ge__ = __getitem__ = __contains__ = __int__ = _refuse
    __float__ = __add__ = __radd__ = __html__ = _refuse
    __hash__ = None  # type: ignore[assignment]

    def __getattr__(self, name: str) -> NoReturn:
        if name.startswith("__"):
            raise AttributeError(name)  # protocol probes (copy, pickle) are not a use
        self._refuse()

    def __repr__(self) -> str:
        return f"Withheld({self._where!r})"


def _join(where: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{where}[{part}]"
    return f"{where}.{part}" if where else part


def is_withheld_entry(value: Any) -> bool:
    """Whether a list entry is marked `confidential: true` as a whole."""
    return isinstance(value, BaseModel) and getattr(value, "confidential", False) is True


def redact(model: Any, where: str = "") -> Any:
    """A copy of `model` fit for an external context (see the module docstring)."""
    if isinstance(model, BaseModel):
        update: dict[str, Any] = {}
        for name in type(model).model_fields:
            value = getattr(model, name)
            here = _join(where, name)
            if is_confidential(type(model), name) and value is not None:
                update[name] = Withheld(here)
            else:
                update[name] = redact(value, here)
        return model.model_copy(update=update)
    if isinstance(model, list):
        return [redact(v, _join(where, i)) for i, v in enumerate(model) if not is_withheld_entry(v)]
    return model


def secrets(model: Any, where: str = "") -> Iterator[Secret]:
    """Every confidential value in a parsed model, as the strings a document could show."""
    if isinstance(model, BaseModel):
        if is_withheld_entry(model):
            yield from _forms(model, where, whole=True)
            return
        for name in type(model).model_fields:
            value, here = getattr(model, name), _join(where, name)
            if is_confidential(type(model), name):
                yield from _forms(value, here, whole=True)
            else:
                yield from secrets(value, here)
    elif isinstance(model, list):
        for i, value in enumerate(model):
            yield from secrets(value, _join(where, i))


def _forms(value: Any, where: str, *, whole: bool) -> Iterator[Secret]:
    """The string forms of a confidential value (numbers also with thousands separators)."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _forms(getattr(value, name), _join(where, name), whole=whole)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _forms(item, _join(where, i), whole=whole)
    elif value is None or isinstance(value, bool | Enum):
        return  # an enum value is a shared word ('resistant'); redaction withholds it
    elif isinstance(value, int | float):
        for form in {str(value), f"{value:,}"}:
            yield Secret(form, where)
    elif isinstance(value, str | dt.date):
        yield Secret(str(value), where)


def public(model: Any) -> Iterator[str]:
    """Every string value of a model that is not confidential (what documents may show)."""
    if isinstance(model, BaseModel):
        if is_withheld_entry(model):
            return
        for name in type(model).model_fields:
            if not is_confidential(type(model), name):
                yield from public(getattr(model, name))
    elif isinstance(model, list):
        for value in model:
            yield from public(value)
    elif isinstance(model, str | int | float | dt.date) and not isinstance(model, bool):
        yield str(model)


def searchable(found: Iterable[Secret], public_text: Iterable[str] = ()) -> list[Secret]:
    """The secrets worth searching for in text, longest first, without duplicates.

    Left out: values shorter than `MIN_LENGTH`, and values that occur inside public text.
    """
    corpus = "\x00".join(public_text)
    unique = {
        s.value: s for s in found if len(s.value.strip()) >= MIN_LENGTH and s.value not in corpus
    }
    return sorted(unique.values(), key=lambda s: (-len(s.value), s.value))


def leaks(text: str, values: list[Secret]) -> list[Secret]:
    """The confidential values that appear in `text` (also once Markdown-escaped)."""
    from stakecli.core.rendering import md_text

    return [s for s in values if s.value in text or md_text(s.value) in text]
