"""The register itself as a table: every field, one column each, under the headings import reads.

Lists are joined with `; `, or with line breaks when an item holds a `;` (a single such item
ends with a line break, so import splits it the same way); booleans are `true`/`false`; an
absent value is an empty cell. `core.tables` neutralises formula-leading cells on the way out.
Several raters' answers (`ratings`) go into one cell as JSON. The register's title is not a
cell: give it back with `import --title`.
"""

from __future__ import annotations

from typing import Any

from stakecli.stakeholders import spreadsheet as sheet
from stakecli.stakeholders.model import Register, Stakeholder


def table(register: Register) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a register, in `spreadsheet.HEADINGS` order."""
    header = [heading for _, heading in sheet.HEADINGS]
    return header, [row(s) for s in register.stakeholders]


def row(s: Stakeholder) -> list[str]:
    """One stakeholder's cells."""
    values = values_of(s)
    return [cell(values.get(name)) for name in sheet.FIELDS]


def values_of(s: Stakeholder) -> dict[str, Any]:
    """Field -> value, with engagement and discovery flattened into their columns."""
    values: dict[str, Any] = dict(s)
    for name in sheet.STRUCTURED:
        items = values.pop(name)
        values[name] = _json(items) if items else None
    engagement = values.pop("engagement")
    if engagement is not None:
        values.update(current=engagement.current, desired=engagement.desired)
        values["actions"] = engagement.actions
    discovery = values.pop("discovered")
    if discovery is not None:
        for column, key in sheet.DISCOVERY.items():
            values[column] = getattr(discovery, key)
    circle = values.pop("circle")
    if circle is not None:
        for column, key in sheet.CIRCLE.items():
            values[column] = getattr(circle, key)
    return values


def _json(items: list[Any]) -> str:
    import json

    dumped = [item.model_dump(mode="json", exclude_defaults=True) for item in items]
    return json.dumps(dumped, ensure_ascii=False, separators=(", ", ": "))


def cell(value: Any) -> str:
    """The text of one cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        items = [str(v) for v in value]
        if any(";" in item for item in items):
            return "\n".join(items) + ("\n" if len(items) == 1 else "")
        return "; ".join(items)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(getattr(value, "value", value))
