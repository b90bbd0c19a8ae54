"""Turn pydantic validation errors into findings with stable codes and did-you-mean hints."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
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
]


def findings(exc: ValidationError, model: type[BaseModel], data: Any = None) -> Iterator[Finding]:
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
    if kind in ("missing", "extra_forbidden"):
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
