"""The leak guard: what is confidential in a project, a redacted copy of it, and a scan.

Three layers keep confidential data out of documents for an external audience (see
docs/confidentiality.md):

1. Validation: `check` reports every public (shared) text field of a project that holds a
   confidential value, in any notation (`leak.public-text`), at that field's line. It is an
   error, so no command renders anything until it is fixed.
2. Structure (an allow-list): external contexts are built from `redact(model)`, which keeps
   only public fields. Every field marked `confidential(...)` becomes a `Withheld` value that
   refuses any use (printing, arithmetic, comparison, iteration, JSON), every list entry with
   `confidential: true` is gone, and so is every reference to such an entry by its id or
   name, wherever it is (deciders, owners, audiences, dictionary keys): a list loses the
   item, an optional field becomes empty, and an entry that cannot exist without it (a
   stance of a confidential person) is left out.
3. Text: `Guard.scan` searches the rendered text for every confidential value (strings of at
   least `MIN_LENGTH` characters, on word boundaries and whatever the case; amounts of at
   least `MIN_AMOUNT` in any notation, see `numbers`; the ids of confidential entries as whole
   words), so whatever a template does, a document that shows one is not written.

Values derived from confidential inputs are confidential too: a model class may name a
function in `derived_secrets = "module:function"` that yields `(loc, amount)` pairs (the
negotiation plan's yields every alternative's expected value, the reservation values derived
from the BATNA, the ZOPA and the split of the pie).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum
from fractions import Fraction
from functools import cache
from types import UnionType
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Literal,
    NamedTuple,
    NoReturn,
    Union,
    get_args,
    get_origin,
)

from pydantic import BaseModel

from stakecli.core.findings import Finding, Loc, Severity, dotted
from stakecli.core.model import is_confidential
from stakecli.core.rules import Rule

if TYPE_CHECKING:
    from stakecli.core.project import Workspace

MIN_LENGTH = 4
"""Confidential strings shorter than this are not searched for in text (layer 2 covers them)."""
MIN_AMOUNT = Decimal(1000)
"""Confidential numbers smaller than this (scores, weights) are not searched for in text."""

RULES = [
    Rule(
        "leak.public-text",
        "error",
        "A shared text field holds a confidential value (in any notation).",
        why="""Option and issue names, descriptions, criteria, proposal names and agenda items
        are shared with the other side; a BATNA, a reservation value or a candid note typed
        into one of them would reach every external document. Amounts are matched however
        they are written (4300000, 4,300,000, 4.3M, 4,300k, 86% of a known amount), and so are
        values derived from confidential ones (a reservation derived from the BATNA).""",
        bad="""
        kind: negotiation
        version: 1
        title: Renewal
        context: The fee is up for renewal; our walk-away is 4.3M.
        parties:
          - {id: ann, us: true, role: buyer, reservation: 4300000}
          - {id: cy, role: seller}
        """,
        good="""
        kind: negotiation
        version: 1
        title: Renewal
        context: The fee is up for renewal.
        parties:
          - {id: ann, us: true, role: buyer, reservation: 4300000}
          - {id: cy, role: seller}
        """,
    ),
]


class ConfidentialValueError(Exception):
    """An external document tried to use a confidential field.

    A plain exception, not a Jinja one: `validate` uses this module without importing
    Jinja, and the renderer catches it before any template error.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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

    __str__ = __format__ = __iter__ = __len__ = __bool__ = __eq__ = __ne__ = _refuse
    __lt__ = __le__ = __gt__ = __ge__ = __getitem__ = __contains__ = __int__ = _refuse
    __float__ = __index__ = __complex__ = __round__ = __trunc__ = __floor__ = __ceil__ = _refuse
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __matmul__ = _refuse
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _refuse
    __divmod__ = __rdivmod__ = __pow__ = __rpow__ = __neg__ = __pos__ = __abs__ = _refuse
    __and__ = __or__ = __xor__ = __lshift__ = __rshift__ = __invert__ = __hash__ = _refuse
    __html__ = __call__ = __reversed__ = _refuse

    def __getattr__(self, name: str) -> NoReturn:
        if name.startswith("__"):
            raise AttributeError(name)  # protocol probes (copy, pickle) are not a use
        self._refuse()

    def __repr__(self) -> str:
        return f"Withheld({self._where!r})"

    @property
    def where(self) -> str:
        """Which field this stands for (`parties[0].reservation`)."""
        return self._where


def json_default(value: Any) -> Any:
    """`json.dumps(default=...)` for template filters: a withheld value says it is one."""
    if isinstance(value, Withheld):
        value._refuse()
    raise TypeError(f"a {type(value).__name__} cannot be written as JSON")


@cache
def _marked(cls: type[BaseModel]) -> frozenset[str]:
    """The names of the fields of `cls` marked `confidential(...)`."""
    return frozenset(name for name in cls.model_fields if is_confidential(cls, name))


def _join(where: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{where}[{part}]"
    return f"{where}.{part}" if where else part


def is_withheld_entry(value: Any) -> bool:
    """Whether a list entry is marked `confidential: true` as a whole."""
    return isinstance(value, BaseModel) and getattr(value, "confidential", False) is True


# -- Layer 2: redaction ------------------------------------------------------------------------

_DROP = object()


def hidden_names(models: Iterable[Any]) -> frozenset[str]:
    """The ids and names of every `confidential: true` entry in `models`."""
    found: set[str] = set()

    def visit(value: Any) -> None:
        if isinstance(value, BaseModel):
            if is_withheld_entry(value):
                for name in ("id", "name"):
                    ident = getattr(value, name, None)
                    if isinstance(ident, str) and ident:
                        found.add(ident)
                return
            marked = _marked(type(value))
            for name in type(value).model_fields:
                if name not in marked:
                    visit(getattr(value, name))
        elif isinstance(value, list | tuple):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)

    for model in models:
        visit(model)
    return frozenset(found)


def redact(model: Any, where: str = "", hidden: frozenset[str] = frozenset()) -> Any:
    """A copy of `model` fit for an external context (layer 2 in the module docstring).

    `hidden` holds the ids and names of the project's confidential entries: references to
    them are removed (see `hidden_names`).
    """
    out = _redact(model, where, hidden)
    return None if out is _DROP else out


def _redact(model: Any, where: str, hidden: frozenset[str]) -> Any:
    if isinstance(model, BaseModel):
        update: dict[str, Any] = {}
        fields = type(model).model_fields
        for name, info in fields.items():
            value = getattr(model, name)
            here = _join(where, name)
            if name in _marked(type(model)) and value is not None:
                update[name] = Withheld(here)
                continue
            if isinstance(value, str) and value in hidden:
                if info.is_required():
                    return _DROP  # an entry about a confidential person is itself withheld
                update[name] = info.get_default(call_default_factory=True)
                continue
            out = _redact(value, here, hidden)
            if out is _DROP:
                if info.is_required():
                    return _DROP
                out = info.get_default(call_default_factory=True)
            update[name] = out
        return model.model_copy(update=update)
    if isinstance(model, list):
        kept = []
        for i, value in enumerate(model):
            if is_withheld_entry(value) or (isinstance(value, str) and value in hidden):
                continue
            out = _redact(value, _join(where, i), hidden)
            if out is not _DROP:
                kept.append(out)
        return kept
    if isinstance(model, dict):
        kept_map = {}
        for key, value in model.items():
            if isinstance(key, str) and key in hidden:
                continue
            if isinstance(value, str) and value in hidden:
                continue
            out = _redact(value, _join(where, str(key)), hidden)
            if out is not _DROP:
                kept_map[key] = out
        return kept_map
    return model


# -- What is secret and what is public ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Secret:
    """One confidential value and where it came from (`stakeholders[2].notes`).

    `number` is set for an amount (matched in any notation); `identity` marks the id of a
    confidential entry (matched as a whole word, in rendered documents only).
    """

    value: str
    where: str
    number: Decimal | None = None
    identity: bool = False


class Leaf(NamedTuple):
    """One scalar of a parsed file: where it is, its value, and whether it is confidential.

    `identity` marks the id of a `confidential: true` entry, `entry` its id and name. (A
    named tuple: a large register has a million of them, and a tuple is made fastest.)
    """

    loc: Loc
    value: Any
    secret: bool
    identity: bool = False
    entry: bool = False


def leaves(model: Any, loc: Loc = (), secret: bool = False) -> list[Leaf]:
    """Every scalar of a model with its loc; values under confidential fields are `secret`.

    Of an entry marked `confidential: true` only its id and name (and its confidential
    fields) count as secret; its other fields (a role, an organisation) are shared words and
    count as neither.
    """
    out: list[Leaf] = []
    _collect(model, loc, secret, out)
    return out


_SCALARS = (int, float, Fraction, Decimal, str, dt.date)


@cache
def _plan(cls: type[BaseModel]) -> tuple[tuple[tuple[str, bool], ...], Any]:
    """A model class's fields, each with whether it is marked, and its `derived_secrets`."""
    marked = _marked(cls)
    hook = getattr(cls, "derived_secrets", None)
    fields = tuple((name, name in marked) for name in cls.model_fields)
    return fields, _resolve(hook) if isinstance(hook, str) else None


def _collect(model: Any, loc: Loc, secret: bool, out: list[Leaf]) -> None:
    if type(model) is str:
        out.append(Leaf(loc, model, secret))
    elif isinstance(model, BaseModel):
        fields, hook = _plan(type(model))
        withheld = not secret and is_withheld_entry(model)
        for name, marked in fields:
            value = getattr(model, name)
            if value is None:
                continue
            hidden = secret or marked
            if withheld and not hidden:
                if name in ("id", "name") and isinstance(value, str):
                    out.append(Leaf((*loc, name), value, True, name == "id", entry=True))
                continue
            kind = type(value)
            if kind is str or kind is int:  # most leaves: no call for them
                out.append(Leaf((*loc, name), value, hidden))
            else:
                _collect(value, (*loc, name), hidden, out)
        if not secret and hook is not None:
            for where, value in hook(model):
                out.append(Leaf((*loc, *where), value, True))
    elif isinstance(model, list | tuple):
        for i, value in enumerate(model):
            _collect(value, (*loc, i), secret, out)
    elif isinstance(model, dict):
        for key, value in model.items():
            _collect(value, (*loc, str(key)), secret, out)
    elif model is None or isinstance(model, bool | Enum):
        return  # an enum value is a shared word ('resistant'); redaction withholds it
    elif isinstance(model, _SCALARS):
        out.append(Leaf(loc, model, secret))


@dataclass(slots=True)
class _Gathered:
    """What the guard and the check need of one file, gathered in one walk (`_gather`).

    `secret` holds every confidential leaf (as `leaves` gives them); the public side, kept
    only when asked for, holds values rather than a leaf per scalar: the public strings (and
    each of at least `MIN_LENGTH` characters with its loc, for the check's scan), the other
    public scalars, and the public ids.
    """

    secret: list[Leaf] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    scanned: list[tuple[Loc, str]] = field(default_factory=list)
    scalars: list[Any] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


_MARKED, _SCALAR, _NESTED = 0, 1, 2
_ABSENT = object()


Fields = tuple[tuple[str, int], ...]


@cache
def _fields(cls: type[BaseModel]) -> tuple[Fields, Fields]:
    """The fields of `cls` as `_gather` treats them, and those of them that may hold a secret.

    Each field is marked, scalar only, or possibly nested. A field whose type can hold no
    model (text, numbers, choices, lists of them) can hold no secret unless it is marked
    itself: the walk for secrets alone does not look at it.
    """
    marked = _marked(cls)
    every = tuple(
        (name, _MARKED if name in marked else _NESTED if _holds_model(info.annotation) else _SCALAR)
        for name, info in cls.model_fields.items()
    )
    return every, tuple(f for f in every if f[1] != _SCALAR)


@cache
def _flag(cls: type[BaseModel]) -> str | None:
    """`confidential` if instances of `cls` may be withheld entries (`is_withheld_entry`)."""
    return (
        "confidential"
        if hasattr(cls, "confidential") or "confidential" in cls.model_fields
        else None
    )


def _holds_model(tp: Any) -> bool:
    """Whether a value of type `tp` may contain a model (True when unsure)."""
    if tp in (str, int, float, bool, Decimal, Fraction, dt.date, dt.datetime, type(None)):
        return False
    if isinstance(tp, type):
        return not issubclass(tp, Enum)  # a model, or a class that may hold one
    origin = get_origin(tp)
    if origin is Literal:
        return False
    if origin is Annotated:
        return _holds_model(get_args(tp)[0])
    if origin in (list, tuple, dict, set, frozenset, Union, UnionType):
        return any(_holds_model(arg) for arg in get_args(tp) if arg is not Ellipsis)
    return True


class _Worthy(Exception):
    """A secret worth searching for was found: the walk for secrets alone may stop."""


def _gather(model: Any, public: bool = True, *, until_worthy: bool = False) -> _Gathered:
    """The leaves of `model` as `_Gathered` holds them; without `public`, its secrets only.

    The same walk as `leaves` (a test holds the two equal), without a `Leaf` per public
    scalar: on a 150,000-stakeholder register that is a million objects fewer. Without
    `public`, fields that can hold no secret are not looked at; `until_worthy` stops the walk
    (raising `_Worthy`) at the first secret the leak check would search for.
    """
    found = _Gathered()
    secret = found.secret
    texts, scanned, scalars, ids = found.texts, found.scanned, found.scalars, found.ids

    def text(loc: Loc, value: str, name: str | int) -> None:
        if public:
            texts.append(value)
            if name == "id":
                ids.add(value)
            if len(value) >= MIN_LENGTH:
                scanned.append((loc, value))

    def entry(value: BaseModel, loc: Loc) -> None:
        cls, values = type(value), value.__dict__
        flag = _flag(cls)
        withheld = flag is not None and (
            values[flag] is True if flag in values else is_withheld_entry(value)
        )
        every, may_hide = _fields(cls)
        get = values.get
        for name, kind in every if public or withheld else may_hide:
            item = get(name, _ABSENT)
            if item is _ABSENT:
                item = getattr(value, name)
            if item is None:
                continue
            if kind == _MARKED:
                if until_worthy:
                    _stop_if_worthy(item, (*loc, name))
                elif type(item) is str or type(item) is int:
                    secret.append(Leaf((*loc, name), item, True))
                else:
                    _collect(item, (*loc, name), True, secret)
                continue
            if withheld:
                if name in ("id", "name") and isinstance(item, str):
                    secret.append(Leaf((*loc, name), item, True, name == "id", entry=True))
                continue
            kind_of = type(item)
            if kind_of is str:
                texts.append(item)
                if name == "id":
                    ids.add(item)
                if len(item) >= MIN_LENGTH:
                    scanned.append(((*loc, name), item))
            elif kind_of is int:
                scalars.append(item)
            elif kind_of is list:
                if item:
                    walk(item, (*loc, name), name)
            elif kind == _NESTED or not isinstance(item, bool | Enum):
                walk(item, (*loc, name), name)
        hook = _hook(type(value))
        if hook is not None:
            derived = [Leaf((*loc, *where), amount_, True) for where, amount_ in hook(value)]
            if until_worthy and _searched(derived):
                raise _Worthy
            secret.extend(derived)

    def walk(value: Any, loc: Loc, name: str | int) -> None:
        if type(value) is str:
            text(loc, value, name)
        elif isinstance(value, BaseModel):
            entry(value, loc)
        elif isinstance(value, list | tuple):
            for i, item in enumerate(value):
                if type(item) is str:
                    text((*loc, i), item, i)
                else:
                    walk(item, (*loc, i), i)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*loc, str(key)), str(key))
        elif value is None or isinstance(value, bool | Enum):
            return
        elif isinstance(value, str):  # a str subclass that is no enum
            text(loc, value, name)
        elif isinstance(value, _SCALARS) and public:
            scalars.append(value)

    walk(model, (), "")
    return found


def _stop_if_worthy(value: Any, loc: Loc) -> None:
    """Raise `_Worthy` if the confidential `value` gives a secret the check searches for."""
    kind = type(value)
    if kind is int:
        if not -MIN_AMOUNT < value < MIN_AMOUNT:
            raise _Worthy
    elif kind is str:
        if loc[-1] != "id" and len(value.strip()) >= MIN_LENGTH:
            raise _Worthy
    else:
        found: list[Leaf] = []
        _collect(value, loc, True, found)
        if _searched(found):
            raise _Worthy


@cache
def _hook(cls: type[BaseModel]) -> Any:
    """The `derived_secrets` function a model class names, if any (see the module doc)."""
    hook = getattr(cls, "derived_secrets", None)
    return _resolve(hook) if isinstance(hook, str) else None


def _resolve(target: str) -> Any:
    """The function a `module:function` path names (imported on first use)."""
    import importlib

    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def amount(value: Any) -> Decimal | None:
    """A number as an exact Decimal (a Fraction rounded to cents); None if not a number."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, Fraction):
            if value.denominator == 1:
                return Decimal(value.numerator)
            return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"))
        if isinstance(value, int | float | Decimal):
            return Decimal(str(value))
    except (InvalidOperation, ValueError, OverflowError):
        return None
    return None


def secrets(model: Any, where: str = "", found: list[Leaf] | None = None) -> Iterator[Secret]:
    """Every confidential value in a parsed model, as the strings a document could show."""
    for leaf in leaves(model) if found is None else found:
        if not leaf.secret:
            continue
        here = _join(where, dotted(leaf.loc)) if where else dotted(leaf.loc)
        number = amount(leaf.value)
        if number is not None:
            forms = {f"{number:,}", str(number)}
            if not isinstance(leaf.value, Fraction):
                forms.add(str(leaf.value))
            for form in sorted(forms):
                yield Secret(form, here, number)
        elif leaf.identity:
            yield Secret(leaf.value, here, identity=True)
        elif leaf.loc[-1:] == ("id",):
            continue  # an id inside a confidential field is a label ('freeze'), not prose
        else:
            yield Secret(str(leaf.value), here)


def public(model: Any) -> Iterator[str]:
    """Every string value of a model that is not confidential (what documents may show)."""
    for leaf in leaves(model):
        if not leaf.secret:
            yield str(leaf.value)


def searchable(found: Iterable[Secret], public_text: Iterable[str] = ()) -> list[Secret]:
    """The secrets worth searching for in text, longest first, without duplicates.

    Left out: strings shorter than `MIN_LENGTH`, amounts under `MIN_AMOUNT` and amounts that
    are themselves public (a proposal's price), and ids that also occur in public text.
    """
    texts = list(public_text)
    return _searchable(found, lambda: _numbers_in(texts), lambda: "\x00".join(texts))


def _searchable(
    found: Iterable[Secret], numbers: Callable[[], set[Decimal]], corpus: Callable[[], str]
) -> list[Secret]:
    """`searchable`, with the public numbers and text made only if a secret needs them."""
    public_numbers: set[Decimal] | None = None
    public_corpus: str | None = None
    unique: dict[tuple[str, bool], Secret] = {}
    for s in found:
        if s.number is not None:
            if abs(s.number) < MIN_AMOUNT:
                continue
            if public_numbers is None:
                public_numbers = numbers()
            if abs(s.number) in public_numbers:
                continue
        elif len(s.value.strip()) < MIN_LENGTH:
            continue
        elif s.identity:
            if public_corpus is None:
                public_corpus = corpus()
            if s.value in public_corpus:
                continue
        unique.setdefault((s.value, s.number is not None), s)
    return sorted(unique.values(), key=lambda s: (-len(s.value), s.value))


_NUMERIC = re.compile(r"\d|inf|nan", re.IGNORECASE)
"""What any text `Decimal` reads holds (a digit of any script, infinity, NaN)."""


def _numbers_in(texts: Iterable[str]) -> set[Decimal]:
    found = (_public_number(t) for t in texts if _NUMERIC.search(t))
    return {n for n in found if n is not None}


def _public_number(text: str) -> Decimal | None:
    try:
        return abs(Decimal(text))
    except InvalidOperation:
        return None


def _worth(found: list[Leaf]) -> list[Leaf]:
    """The secret leaves that may give a searchable secret: no short text, no small score."""
    return [
        leaf
        for leaf in found
        if not (type(leaf.value) is int and -MIN_AMOUNT < leaf.value < MIN_AMOUNT)
        and not (type(leaf.value) is str and len(leaf.value.strip()) < MIN_LENGTH)
    ]


# -- Numbers in any notation -------------------------------------------------------------------

_SEPARATORS = ",.\u00a0\u202f\u2009 '\u2019_"
_NUMBER = re.compile(
    r"(?<![\d.,])"
    r"(?P<num>\d{1,3}(?:(?P<sep>[" + _SEPARATORS + r"])\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
    r"(?:[ \u00a0]?(?P<suffix>thousand|million|billion|mn|bn|k|m|b)(?![A-Za-z]))?"
    r"(?P<pct>[ \u00a0]?(?:%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_SCALE = {
    "k": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "million": 10**6,
    "b": 10**9, "bn": 10**9, "billion": 10**9,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Written:
    """One number as written in text: its readings, the scale it names, and whether it is a %."""

    start: int
    end: int
    readings: tuple[Decimal, ...]
    scale: int
    percent: bool


def numbers(text: str) -> Iterator[Written]:
    """Every number written in `text`, with each way it can be read.

    Thousands may be grouped with `,`, `.`, a space, a thin space, `'` or `_`, and the decimal
    mark is `.` or `,` (so `4.300` reads both as 4300 and 4.3); a scale word or letter
    (`k`/thousand, `m`/`mn`/million, `b`/`bn`/billion) multiplies; `%` or `percent` marks a
    percentage.
    """
    for match in _NUMBER.finditer(text):
        raw, sep = match["num"], match["sep"]
        readings: list[Decimal] = []
        if sep:
            head, _, tail = raw.rpartition(sep)
            groups = raw.count(sep)
            decimal = ""
            if len(tail) > 3:  # 4,300,000.50: the last group carries the decimal part
                tail, decimal = tail[:3], tail[4:]
            digits = raw.split(sep)
            digits[-1] = tail
            whole = "".join(digits)
            readings.append(Decimal(f"{whole}.{decimal}" if decimal else whole))
            if groups == 1 and sep in ",." and not decimal:
                readings.append(Decimal(f"{head}.{tail}"))
        else:
            readings.append(Decimal(raw.replace(",", ".")))
        suffix = (match["suffix"] or "").lower()
        yield Written(
            match.start(), match.end(), tuple(readings), _SCALE.get(suffix, 1), bool(match["pct"])
        )


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _significant(value: Decimal) -> int:
    return len(value.normalize().as_tuple().digits)


def _rounds_to(value: Decimal, shown: Decimal) -> bool:
    """Whether `value` rounded to the places `shown` has equals `shown` (2+ significant digits)."""
    if _significant(shown) < 2:
        return False
    try:
        quantum = Decimal(1).scaleb(-_places(shown))
        return value.quantize(quantum, rounding=ROUND_HALF_UP) == shown
    except InvalidOperation:
        return False


# -- The scan ----------------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\([\\|`*_\[\]<>#~])")
_MERMAID = re.compile(r"#(\d{1,6});")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_NUL = re.compile("\x00")


def normalised(text: str) -> str:
    """Text as a reader sees it: Markdown and Mermaid escapes undone, whitespace runs a space."""
    if "\\" in text:  # each pattern needs its character: most text has neither
        text = _ESCAPE.sub(r"\1", text)
    if "#" in text:
        text = _MERMAID.sub(lambda m: chr(min(int(m[1]), 0x10FFFF)), text)
    return _SPACES.sub(" ", text).casefold()


@dataclass
class Guard:
    """The confidential values of a project, ready to be searched for in any text."""

    texts: list[Secret] = field(default_factory=list)
    amounts: dict[Decimal, Secret] = field(default_factory=dict)
    identities: list[Secret] = field(default_factory=list)
    bases: list[Decimal] = field(default_factory=list)
    hidden: frozenset[str] = frozenset()
    _first: dict[str, list[tuple[str, int, Secret]]] = field(default_factory=dict)
    _grouped: dict[str, list[tuple[int, int, dict[str, list[tuple[int, str, Secret]]]]]] = field(
        default_factory=dict
    )

    def __post_init__(self) -> None:
        for s in self.texts:
            needle = normalised(s.value).strip()
            word = _WORD.search(needle)
            key, offset = (word[0], word.start()) if word else ("", 0)
            self._first.setdefault(key, []).append((needle, offset, s))

    def _groups(self, word: str) -> list[tuple[int, int, dict[str, list[tuple[int, str, Secret]]]]]:
        """The needles that start with `word`, by offset and by their first characters.

        Each group holds the needles with one offset of the word, keyed by their first `size`
        characters (the shortest needle's length): only those can start where the text does.
        """
        if word not in self._grouped:
            by_offset: dict[int, list[tuple[int, str, Secret]]] = {}
            for index, (needle, offset, s) in enumerate(self._first[word]):
                by_offset.setdefault(offset, []).append((index, needle, s))
            groups = []
            for offset, needles in by_offset.items():
                size = min(len(needle) for _, needle, _ in needles)
                table: dict[str, list[tuple[int, str, Secret]]] = {}
                for item in needles:
                    table.setdefault(item[1][:size], []).append(item)
                groups.append((offset, size, table))
            self._grouped[word] = groups
        return self._grouped[word]

    def scan(self, text: str, *, identities: bool = True) -> list[Secret]:
        """The confidential values that appear in `text` (each once, in order of appearance)."""
        found: dict[str, Secret] = {}
        plain = normalised(text)
        for _, s in sorted(self._hits(plain), key=lambda hit: hit[0]):
            found.setdefault(s.where, s)
        if identities:
            for s in self.identities:
                ident = re.escape(s.value.casefold())
                mermaid = re.escape("n_" + re.sub(r"[^a-z0-9_]", "_", s.value.casefold()))
                if re.search(rf"(?<![\w-])(?:{ident}|{mermaid})(?![\w-])", plain):
                    found.setdefault(s.where, s)
        return list(found.values())

    def scan_each(self, texts: list[str]) -> list[list[Secret]]:
        """`scan(text, identities=False)` of each of `texts` (as written in YAML), in one pass."""
        if not texts:
            return []
        plain = _SPACES.sub(" ", "\x00".join(texts)).casefold()
        hits = self._hits(plain)
        if not hits:
            return [[] for _ in texts]
        starts = [0, *(m.end() for m in _NUL.finditer(plain))]  # a scan in C
        if len(starts) != len(texts):  # a text holds a NUL: each text's own length, then
            each = (len(_SPACES.sub(" ", text).casefold()) + 1 for text in texts[:-1])
            starts = list(itertools.accumulate(each, initial=0))  # (no space run crosses one)
        out: list[dict[str, Secret]] = [{} for _ in texts]
        for at, s in sorted(hits, key=lambda hit: hit[0]):
            out[bisect.bisect_right(starts, at) - 1].setdefault(s.where, s)
        return [list(found.values()) for found in out]

    def _hits(self, plain: str) -> list[tuple[int, Secret]]:
        found: list[tuple[int, Secret]] = []
        if self.texts:
            self._scan_texts(plain, found)
        if self.amounts:
            self._scan_amounts(plain, found)
        return found

    def _scan_texts(self, plain: str, found: list[tuple[int, Secret]]) -> None:
        # What a walk over every word of `plain` finds (each word that starts a needle, each
        # needle that starts there, in that order), found with one C search per such word: a
        # big project's public text has a few hundred thousand words and starts few needles.
        words = set(_WORD.findall(plain))
        matches: list[tuple[int, int, int, Secret]] = []
        for word in (w for w in self._first if w and w in words):
            groups = self._groups(word)
            start = plain.find(word)
            while start != -1:
                end = start + len(word)
                if (start == 0 or not _WORD_CHAR.match(plain, start - 1)) and (
                    end == len(plain) or not _WORD_CHAR.match(plain, end)
                ):  # the whole word (what `_WORD` matches), not a part of one
                    for offset, size, table in groups:
                        at = start - offset
                        if at < 0:
                            continue
                        for index, needle, s in table.get(plain[at : at + size], ()):
                            if plain.startswith(needle, at) and _bounded(
                                plain, at, at + len(needle)
                            ):
                                matches.append((start, index, at, s))
                start = plain.find(word, start + 1)
        matches.sort(key=lambda m: (m[0], m[1]))
        found.extend((at, s) for _, _, at, s in matches)
        for needle, _, s in self._first.get("", ()):
            at = plain.find(needle)
            while at != -1:
                found.append((at, s))
                at = plain.find(needle, at + 1)

    def _scan_amounts(self, plain: str, found: list[tuple[int, Secret]]) -> None:
        for written in numbers(plain):
            for reading in written.readings:
                value = reading * written.scale
                if written.percent:
                    hit = self._percentage(reading)
                elif value in self.amounts:
                    hit = self.amounts[value]
                elif written.scale > 1:
                    hit = next(
                        (
                            s
                            for v, s in self.amounts.items()
                            if _rounds_to(v / written.scale, reading)
                        ),
                        None,
                    )
                else:
                    hit = None
                if hit is not None:
                    found.append((written.start, hit))
                    break

    def _percentage(self, shown: Decimal) -> Secret | None:
        for base in self.bases:
            for value, s in self.amounts.items():
                if _rounds_to(value / base * 100, shown):
                    return s
        return None


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not glued to letters or digits on either side."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    first, last = text[start], text[end - 1]
    return not (first.isalnum() and before.isalnum()) and not (last.isalnum() and after.isalnum())


def guard(models: Iterable[tuple[str, Any]]) -> Guard:
    """The guard of a project from its `(label, model)` pairs (label: the file path)."""
    return _guard([(label, _gather(model)) for label, model in models])


def _guard(gathered: list[tuple[str, _Gathered]]) -> Guard:
    secret_values: list[Secret] = []
    hidden: set[str] = set()
    ids: set[str] = set()
    for label, found in gathered:
        hidden.update(leaf.value for leaf in found.secret if leaf.entry)
        ids.update(found.ids)
        secret_values.extend(
            Secret(s.value, f"{label} {s.where}", s.number, s.identity)
            for s in secrets(None, found=_worth(found.secret))
        )

    def public_texts() -> Iterator[str]:
        for _, found in gathered:
            yield from found.texts
            yield from map(str, found.scalars)

    # A confidential value that is the id of a public entry is a reference (who a stance is
    # about, which option it serves), not a secret: the id is shown anyway.
    chosen = [
        s
        for s in _searchable(
            secret_values, lambda: _numbers_in(public_texts()), lambda: "\x00".join(public_texts())
        )
        if s.number is not None or s.value not in ids
    ]
    amounts: dict[Decimal, Secret] = {}
    for s in chosen:
        if s.number is not None:
            amounts.setdefault(abs(s.number), s)
    bases: set[Decimal] = set()
    if amounts:  # percentages are read against the public amounts
        for _, found in gathered:
            for value in found.scalars:
                if type(value) is int and -MIN_AMOUNT < value < MIN_AMOUNT:
                    continue
                number = amount(value)
                if number is not None and abs(number) >= MIN_AMOUNT:
                    bases.add(abs(number))
    return Guard(
        texts=[s for s in chosen if s.number is None and not s.identity],
        amounts=amounts,
        identities=[s for s in chosen if s.identity],
        bases=sorted(bases),
        hidden=frozenset(hidden),
    )


def leaks(text: str, values: list[Secret]) -> list[Secret]:
    """The confidential values of `values` that appear in `text`, in any notation."""
    amounts: dict[Decimal, Secret] = {}
    for s in values:
        if s.number is not None:
            amounts.setdefault(abs(s.number), s)
    found = Guard(
        texts=[s for s in values if s.number is None and not s.identity],
        amounts=amounts,
        identities=[s for s in values if s.identity],
    ).scan(text)
    return found


# -- Layer 1: validation -----------------------------------------------------------------------


def check(workspace: Workspace) -> Iterator[Finding]:
    """`leak.public-text` at every public text field that holds a confidential value.

    The secrets are gathered first, alone; only if one is worth searching for is the public
    side gathered and scanned (most large registers hold no candid notes or big amounts).
    """
    files = list(workspace.files)
    if not any(_worth_searching(f.model) for f in files):
        return
    gathered = [(str(f.path), _gather(f.model)) for f in files]
    project = _guard(gathered)
    if not (project.texts or project.amounts):
        return
    for label, found in gathered:
        scanned = found.scanned
        for (loc, _), hits in zip(
            scanned, project.scan_each([text for _, text in scanned]), strict=True
        ):
            for hit in hits:
                yield Finding(
                    "leak.public-text",
                    Severity.ERROR,
                    f"{dotted(loc)} is shared with external audiences but holds a "
                    f"confidential value ({_describe(hit)}); remove it or mark the field's "
                    "entry confidential",
                    path=label,
                    loc=loc,
                )


def _searched(found: list[Leaf]) -> bool:
    """Whether a secret leaf of `found` is one the check searches for (a text or an amount)."""
    for s in secrets(None, found=_worth(found)):
        if s.number is not None:
            if abs(s.number) >= MIN_AMOUNT:
                return True
        elif not s.identity and len(s.value.strip()) >= MIN_LENGTH:
            return True
    return False


def _worth_searching(model: Any) -> bool:
    """Whether `model` holds a secret the check searches for; stops at the first one."""
    try:
        _gather(model, public=False, until_worthy=True)
    except _Worthy:
        return True
    return False


def _describe(secret: Secret) -> str:
    label, _, where = secret.where.rpartition(" ")
    what = "the amount" if secret.number is not None else "the text"
    return f"{what} of {where or label}" + (f" in {label}" if where else "")
