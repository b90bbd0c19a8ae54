"""The strict base model and the field helpers every file kind shares."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

CONFIDENTIAL_KEY = "x-stakecli-confidential"
"""JSON Schema marker on fields that never appear in documents for an external audience."""


class Model(BaseModel):
    """Strict base: unknown keys are typos; parsed files are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=80),
    Field(description="Stable identifier: letters, digits, '-', '_' or '.'; unique in the folder."),
]
Text = Annotated[str, StringConstraints(min_length=1)]


def confidential(default: Any = None, **kwargs: Any) -> Any:
    """A field whose value is internal-only (our BATNA, candid notes about people)."""
    return Field(default, json_schema_extra={CONFIDENTIAL_KEY: True}, **kwargs)


def empty_list(**kwargs: Any) -> Any:
    """A list field that defaults to a new empty list, as `Field(default=[])` does.

    Pydantic deep-copies a mutable default for every instance (a Python `copy.deepcopy`),
    a factory is called directly: on a 100,000-entry register that is 0.5 s a list field.
    The published schema still says `"default": []`.
    """
    return Field(default_factory=list, json_schema_extra={"default": []}, **kwargs)


def is_confidential(model: type[BaseModel], name: str) -> bool:
    """Whether field `name` of `model` is marked confidential."""
    extra = model.model_fields[name].json_schema_extra
    return isinstance(extra, dict) and bool(extra.get(CONFIDENTIAL_KEY))


def one_or_many(schema: dict[str, Any]) -> None:
    """`json_schema_extra` of a list field that also takes one item (`x: 3` for `x: [3]`).

    The published schema then accepts what `validate` accepts: a list, or one of its items;
    for a mapping of lists (`roles: {lead: ana}`), each value likewise.
    """
    if schema.get("type") == "array" and "items" in schema:
        items = schema.pop("items")
        array = {"type": "array", "items": items}
        for key in ("minItems", "maxItems", "uniqueItems"):
            if key in schema:
                array[key] = schema.pop(key)
        del schema["type"]
        schema["anyOf"] = [items, array]
        return
    for key in ("additionalProperties", "patternProperties"):
        holders = schema.get(key)
        if not isinstance(holders, dict):
            continue
        if holders.get("type") == "array":  # additionalProperties: the value schema itself
            schema[key] = {"anyOf": [holders["items"], holders]}
            continue
        for name, many in holders.items():  # patternProperties: pattern -> value schema
            if isinstance(many, dict) and many.get("type") == "array":
                holders[name] = {"anyOf": [many["items"], many]}


def any_case(choices: Any, description: str = "") -> dict[str, Any]:
    """The JSON Schema of a choice `validate` reads in any case (`Accepted` is `accepted`).

    Each choice matches letter by letter in either case (JSON Schema patterns have no
    case-insensitive flag); use it with `WithJsonSchema`.
    """
    values = [str(getattr(c, "value", c)) for c in choices]
    letters = "|".join(
        "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in value)
        for value in values
    )
    schema: dict[str, Any] = {
        "anyOf": [{"enum": values}, {"type": "string", "pattern": f"^({letters})$"}]
    }  # the enum first: editors complete from it
    if description:
        schema["description"] = description
    return schema
