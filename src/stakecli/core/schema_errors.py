"""Turn pydantic validation errors into findings with stable codes and did-you-mean hints."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from stakecli.core.findings import Finding, Loc, Severity, dotted
from stakecli.core.rules import Rule

CODES: dict[str, str] = {
    "missing": "schema.missing",
    "extra_forbidden": "schema.unknown-key",
    "literal_error": "schema.invalid-choice",
    "enum": "schema.invalid-choice",
    "greater_than_equal": "schema.out-of-range",
    "less_than_equal": "schema.out-of-range",
    "greater_than": "schema.out-of-range",
    "less_than": "schema.out-of-range",
    "string_pattern_mismatch": "schema.pattern",
    "string_too_short": "schema.empty",
    "too_short": "schema.empty",
    "too_many_errors": "schema.too-many-errors",
    "entry_too_large": "schema.entry-too-large",
}

_HEAD = "kind: stakeholders\nversion: 1\nstakeholders:\n"
_DEE = "  - {id: dee, name: Dee Moss, side: internal, power: 2, legitimacy: 2, urgency: 2,"


def _register(rest: str) -> str:
    return _HEAD + _DEE + rest


RULES = [
    Rule(
        "schema.missing",
        "error",
        "A required key is missing.",
        why="""Every analysis reads the required keys; a stakeholder without `power` cannot be
        classified or placed on the grid, so the file is refused where the key is missing.""",
        bad=_HEAD + "  - {id: dee, name: Dee Moss, side: internal, legitimacy: 2, urgency: 2,\n"
        "     interest: 2}",
        good=_register("\n     interest: 2}"),
    ),
    Rule(
        "schema.unknown-key",
        "error",
        "A key the schema does not know (typo?): did-you-mean.",
        why="""An unknown key is usually a typo, and a typo in an optional key means the value
        is silently ignored (`ower: ben` leaves the stakeholder without an owner).""",
        bad=_register("\n     interest: 2, ower: dee}"),
        good=_register("\n     interest: 2, owner: dee}"),
    ),
    Rule(
        "schema.type",
        "error",
        "A value has the wrong type.",
        why="""A number written as words, or a list where one value belongs, would make every
        computation built on it wrong; the value is refused where it stands.""",
        bad=_register("\n     interest: high}"),
        good=_register("\n     interest: 4}"),
    ),
    Rule(
        "schema.invalid-choice",
        "error",
        "A value is not one of the allowed choices.",
        why="""Fields such as `side` drive the analysis by their value; a value outside the
        list (`inside` for `internal`) would be treated as neither.""",
        bad=_HEAD + "  - {id: dee, name: Dee Moss, side: inside, power: 2, legitimacy: 2,\n"
        "     urgency: 2, interest: 2}",
        good=_register("\n     interest: 2}"),
    ),
    Rule(
        "schema.out-of-range",
        "error",
        "A number is outside its documented scale.",
        why="""Scores are on documented scales (1 to 5 for power, legitimacy, urgency and
        interest); a 7 would push a stakeholder past every threshold.""",
        bad=_register("\n     interest: 7}"),
        good=_register("\n     interest: 5}"),
    ),
    Rule(
        "schema.pattern",
        "error",
        "An id or code does not match its pattern.",
        why="""Ids are referenced from other files and appear in file names and anchors; a
        space or a slash in one would break those references.""",
        bad=_HEAD + "  - {id: Dee Moss, name: Dee Moss, side: internal, power: 2, legitimacy: 2,"
        "\n     urgency: 2, interest: 2}",
        good=_register("\n     interest: 2}"),
    ),
    Rule(
        "schema.empty",
        "error",
        "A text or list that must not be empty is empty.",
        why="""An empty name or an empty list where one entry is needed is a placeholder that
        was never filled in; documents would show a blank.""",
        bad=_HEAD + "  - {id: dee, name: '', side: internal, power: 2, legitimacy: 2, urgency: 2,"
        "\n     interest: 2}",
        good=_register("\n     interest: 2}"),
    ),
    Rule(
        "schema.invalid",
        "error",
        "Any other schema violation.",
        why="""The model's own checks (a date that does not exist, a number that is not
        finite) catch values no simpler rule describes.""",
        bad="""
        kind: scorecard
        version: 1
        scorecards:
          - id: uptime
            name: Uptime
            type: gate
            metrics:
              - {id: m, name: M, owner: ann, unit: "%", comparator: ">=", threshold: .nan}
        """,
        good="""
        kind: scorecard
        version: 1
        scorecards:
          - id: uptime
            name: Uptime
            type: gate
            metrics:
              - {id: m, name: M, owner: ann, unit: "%", comparator: ">=", threshold: 99,
                 current: {value: 99.5, as_of: 2026-11-20}}
        """,
    ),
    Rule(
        "schema.too-many-errors",
        "error",
        "More than 10,000 schema errors in one file: the rest of it is not checked.",
        why="""Every error takes memory until all are reported; a file that is mostly wrong (a
        list of 2 million numbers where stakeholders belong) would exhaust the machine before
        the first line of output. After 10,000 the check stops; fix those and run it again.""",
        bad="# stakeholders: [1, 1, 1, ...] with 2,000,000 items",
        good=_register("\n     interest: 2}"),
    ),
    Rule(
        "schema.entry-too-large",
        "error",
        "One entry of a file holds more than 25,000 values; it is refused unchecked.",
        why="""No stakeholder, RACI row or negotiation party needs 25,000 values; an entry that
        large is a pasted dump or an attack on the checker, and validating it would take
        memory in proportion to its mistakes.""",
        bad="# one stakeholder whose tags list has 100,000 items",
        good=_register("\n     interest: 2, tags: [finance]}"),
    ),
]


def findings(
    exc: ValidationError | Invalid, model: type[BaseModel], data: Any = None
) -> Iterator[Finding]:
    """One finding per pydantic error, located by its `loc`; `data` supplies the bad value."""
    # include_input=False: formatting a huge or shared input has been seen to take a minute.
    for err in exc.errors(include_url=False, include_input=False, include_context=True):
        loc: Loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
        kind = err["type"]
        code = CODES.get(kind) or (
            "schema.type" if kind.endswith(("_type", "_parsing")) else "schema.invalid"
        )
        message = _message(err, loc, model) + _got(data, loc, kind)
        yield Finding(code, Severity.ERROR, message, loc=loc, at_key=kind == "extra_forbidden")


def _message(err: Any, loc: Loc, model: type[BaseModel]) -> str:
    where = dotted(loc) or "document"
    kind = err["type"]
    if kind == "extra_forbidden":
        known = sorted(fields_at(model, loc[:-1]))
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"did you mean {guess[0]!r}?" if guess else f"allowed keys: {', '.join(known)}"
        return f"unknown key {loc[-1]!r} in {dotted(loc[:-1]) or 'document'}; {hint}"
    if kind == "missing":
        return f"{where}: required key is missing; add it"
    msg = str(err["msg"])
    return f"{where}: {msg[0].lower()}{msg[1:]}"


def _got(data: Any, loc: Loc, kind: str) -> str:
    """`; got 7` for a short scalar input (never formats large or shared structures)."""
    if kind in ("missing", "extra_forbidden", "too_many_errors", "entry_too_large"):
        return ""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return ""
    if isinstance(data, bool | int | float) or (isinstance(data, str) and len(data) <= 60):
        return f"; got {data!r}"
    return ""


def fields_at(model: type[BaseModel], loc: Loc) -> set[str]:
    """The keys allowed at `loc` inside `model` (empty when loc leaves the models)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            current = _item_type(current)
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            current = field.annotation if field else None
        else:
            current = _item_type(current, mapping=True)
        current = _unwrap(current)
    return (
        set(current.model_fields)
        if isinstance(current, type) and issubclass(current, BaseModel)
        else set()
    )


def _unwrap(tp: Any) -> Any:
    """`Model | None` -> Model; `Annotated[X, ...]` -> X."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            models = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = next(
                (a for a in models if isinstance(a, type) and issubclass(a, BaseModel)),
                models[0] if models else None,
            )
        else:
            return tp


def _item_type(tp: Any, *, mapping: bool = False) -> Any:
    args = typing.get_args(_unwrap(tp))
    if not args:
        return None
    return args[-1] if mapping else args[0]


# -- Bounded validation -------------------------------------------------------------------------

SMALL = 20_000
"""A document of at most this many values is validated in one call: pydantic collects every
error before it returns (about 1.3 KB each), and one value can give up to seven (an empty
mapping missing its keys), so larger documents are validated in parts."""
PART = 20_000
"""Values per call when a document's top-level lists are validated in parts."""
MAX_ENTRY = 25_000
"""An entry (one item of a top-level list, or the rest of the document) holding more values
than this is refused unchecked: no stakecli entry needs that many (a party of a negotiation
of 1,500 issues holds about 10,000)."""
MAX_ERRORS = 10_000
"""After this many schema errors in one file the rest of it is not checked."""
MAX_DEPTH = 100
"""Values nested deeper than this make an entry too large."""


class Invalid(Exception):
    """Schema errors of a document validated in parts (`validate`), as pydantic lists them."""

    def __init__(self, details: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(details)} schema errors")
        self.details = details

    def errors(self, **_: Any) -> list[dict[str, Any]]:
        """The errors, in the form `ValidationError.errors()` gives them."""
        return self.details


def validate(model: type[BaseModel], data: Any) -> BaseModel:
    """`model.model_validate(data)` in bounded memory; its errors go to `findings`.

    Raises pydantic's `ValidationError`, or `Invalid` with at most `MAX_ERRORS` errors. A
    document of more than `SMALL` values is validated in parts: each top-level list in runs
    of items of about `PART` values, the rest of the document apart; the items, validated
    models, then pass through the whole model's validation unchanged. The errors are the
    ones the one call would give (a test holds the two equal).
    """
    if not isinstance(data, dict) or _values(data, SMALL) <= SMALL:
        return model.model_validate(data)
    errors: list[dict[str, Any]] = []
    rest: dict[Any, Any] = {}
    parts: dict[str, list[Any]] = {}
    unknown = held = 0
    for key, value in data.items():
        if key not in model.model_fields:  # one error each; pydantic does not look inside
            unknown += 1
            if unknown <= MAX_ERRORS:  # more than errors shown: the rest are not looked at
                rest[key] = value
            continue
        adapter = _items(model, key) if type(value) is list else None
        if adapter is not None:
            parts[key] = _in_parts(adapter, key, value, errors)
            rest[key] = []
            continue
        values = _values(value, MAX_ENTRY)
        if held + values > MAX_ENTRY:  # the rest of the document is one call: bounded too
            errors.append(_too_large((key,)))
        else:
            rest[key] = value
            held += values
    if not errors:
        try:
            return model.model_validate({**rest, **parts})  # each item is validated already
        except ValidationError as exc:
            errors.extend(_plain(exc))
    else:  # the errors of everything else; the lists stand empty for this, their own are known
        try:
            model.model_validate(rest)
        except ValidationError as exc:
            errors.extend(e for e in _plain(exc) if tuple(e["loc"][:1]) not in _keys(parts))
    if unknown > MAX_ERRORS or len(errors) > MAX_ERRORS:
        last = errors[min(len(errors), MAX_ERRORS) - 1]["loc"] if errors else ()
        errors = [*errors[:MAX_ERRORS], _too_many(tuple(last))]
    raise Invalid(errors)


def _keys(parts: dict[str, list[Any]]) -> set[tuple[str]]:
    return {(key,) for key in parts}


def _plain(exc: ValidationError) -> list[dict[str, Any]]:
    found = exc.errors(include_url=False, include_input=False, include_context=True)
    return [dict(e) for e in found]


def _in_parts(adapter: Any, key: str, items: list[Any], errors: list[dict[str, Any]]) -> list[Any]:
    """The items of a top-level list, validated a run of about `PART` values at a time.

    Their errors go to `errors`, each loc shifted to the whole document.
    """
    out: list[Any] = []
    run: list[Any] = []
    start = size = 0

    def flush() -> None:
        nonlocal run, start, size
        try:
            out.extend(adapter.validate_python(run))
        except ValidationError as exc:
            for e in _plain(exc):
                errors.append({**e, "loc": (key, start + e["loc"][0], *e["loc"][1:])})
        start, run, size = start + len(run), [], 0

    for i, item in enumerate(items):
        if len(errors) > MAX_ERRORS:
            break
        values = _values(item, MAX_ENTRY)
        if values > MAX_ENTRY:
            flush()
            errors.append(_too_large((key, i)))
            start += 1
            continue
        if run and size + values > PART:
            flush()
        run.append(item)
        size += values
    if run and len(errors) <= MAX_ERRORS:
        flush()
    return out


@cache
def _items_adapter(model: type[BaseModel], key: str) -> Any:
    from pydantic import ConfigDict, TypeAdapter

    field = model.model_fields[key]
    decorators = model.__pydantic_decorators__
    if (
        field.metadata
        or decorators.model_validators
        or any(
            key in d.info.fields or "*" in d.info.fields
            for d in decorators.field_validators.values()
        )
    ):
        return None  # constraints or validators on the list itself: validated whole
    if typing.get_origin(field.annotation) is not list:
        return None
    (item,) = typing.get_args(field.annotation)
    return TypeAdapter(list[item], config=ConfigDict(**model.model_config))  # type: ignore[valid-type]


def _items(model: type[BaseModel], key: Any) -> Any:
    """A validator of the items of `model`'s list field `key`, if it can be validated in parts."""
    known = isinstance(key, str) and key in model.model_fields
    return _items_adapter(model, key) if known else None


def _values(value: Any, stop: int, depth: int = 0) -> int:
    """How many values `value` holds (keys count), counting no further than past `stop`.

    Nesting deeper than `MAX_DEPTH` counts as too many (files are refused deeper than 64
    levels when loaded; data from elsewhere, such as a JSON cell of an import, may not be).
    """
    if depth > MAX_DEPTH:
        return stop + 1
    kind = type(value)
    if kind is dict:
        count = 1 + len(value)
        children: Any = value.values()
    elif kind is list:
        count, children = 1, value
    else:
        return 1
    for child in children:
        inner = type(child)
        nested = inner is dict or inner is list
        count += _values(child, stop - count, depth + 1) if nested else 1
        if count > stop:
            break
    return count


def _too_large(loc: tuple[Any, ...]) -> dict[str, Any]:
    return {
        "type": "entry_too_large",
        "loc": loc,
        "msg": f"holds more than {MAX_ENTRY:,} values; no entry needs that many, so it is "
        "refused unchecked",
    }


def _too_many(loc: tuple[Any, ...]) -> dict[str, Any]:
    return {
        "type": "too_many_errors",
        "loc": loc,
        "msg": f"more than {MAX_ERRORS:,} schema errors; the rest of the file is not checked "
        "(fix these first)",
    }
