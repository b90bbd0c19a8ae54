"""The strict base model and the field helpers every file kind shares."""

from __future__ import annotations

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


def is_confidential(model: type[BaseModel], name: str) -> bool:
    """Whether field `name` of `model` is marked confidential."""
    extra = model.model_fields[name].json_schema_extra
    return isinstance(extra, dict) and bool(extra.get(CONFIDENTIAL_KEY))
