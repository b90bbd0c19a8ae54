"""A RACI matrix as a spreadsheet, both ways: rows of activities or decisions, columns of people.

The layout practitioners publish: the first column names the activity (any heading:
Activity, Task, Decision...), one column per person or role with its letters in the cells
(`R`, `A`, `A/R`, `C, I`); optional `ID` and `Notes` columns. A column heading that is a
register id, or a register name, is that person; any other heading becomes a role that no one
holds yet (`roles: {project-manager: []}`), so a matrix drawn before the register exists
imports and validates without noise. Export writes `ID`, the activity, each participant and
`Notes`, which import reads back into the same rows. Roles' holders, the variant and the title
live in raci.yaml, not in the sheet: give them with `--variant` and `--title`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stakecli.core.findings import Finding, Severity
from stakecli.core.rules import Rule
from stakecli.core.tables import Table
from stakecli.raci.model import Raci

RULES = [
    Rule(
        "raci.sheet-duplicate-column",
        "error",
        "Two columns of a RACI sheet name the same participant.",
        why="""Two columns for one person (by id and by name, say) would give them two cells
        in a row; which letters hold is unclear, so the import stops.""",
        bad="Activity,Dana Whitfield,cfo\nApprove budget,A,R\n  # cfo is Dana Whitfield",
        good="Activity,cfo,pm\nApprove budget,A,R\n",
    ),
    Rule(
        "raci.sheet-no-rows",
        "error",
        "A RACI sheet has no activity rows under its header.",
        why="""A header with no activity under it is not a matrix (often the wrong sheet of a
        workbook); importing it would write an empty raci.yaml.""",
        bad="Activity,cfo,pm\n",
        good="Activity,cfo,pm\nApprove budget,A,R\n",
    ),
    Rule(
        "raci.sheet-new-role",
        "info",
        "A column names no register id or name and became a role nobody holds yet.",
        why="""A role-only matrix is a normal first draft; the column becomes a role with no
        holder (`roles: {legal-counsel: []}`), to be staffed later under `roles:`.""",
        bad="Activity,cfo,Legal counsel\nApprove budget,A,C\n  # no Legal counsel in the register",
        good="Activity,cfo,pm\nApprove budget,A,R\n",
    ),
]

BLANKS = {"", "-", "–", "—", "n/a"}  # noqa: RUF001 (dashes as published)
"""Cells that hold no letter."""
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_ID_HEADINGS = {"id", "ref", "key", "no", "number"}
_NOTE_HEADINGS = {"notes", "note", "comments", "comment", "remarks"}


@dataclass(slots=True)
class Imported:
    """The RACI data and the findings, each at its cell."""

    data: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    """The sheet line of each row."""
    columns: dict[str, int] = field(default_factory=dict)
    """Participant -> 1-based column."""


def slug(text: str) -> str:
    """`Project Manager` -> `project-manager`."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "participant"


def convert(
    table: Table,
    path: Path,
    people: Mapping[str, str],
    *,
    variant: str = "raci",
    title: str | None = None,
    ident: str | None = None,
) -> Imported:
    """The raci.yaml data of a matrix sheet; `people` is register id -> name (may be empty)."""
    out = Imported({})
    header = [h.strip() for h in table.header]
    norm = [re.sub(r"\W+", "", h.casefold()) for h in header]
    id_col = next((i for i, n in enumerate(norm) if n in _ID_HEADINGS), None)
    notes_col = next((i for i, n in enumerate(norm) if n in _NOTE_HEADINGS), None)
    name_col = next(i for i in range(len(header)) if i not in (id_col, notes_col))
    participants, roles = _participants(header, {id_col, notes_col, name_col}, people, path, out)
    rows = list(_rows(table, id_col, name_col, notes_col, participants, out))
    out.columns = {who: col + 1 for col, who in participants.items()}
    if not rows:
        out.findings.append(
            Finding(
                "raci.sheet-no-rows",
                Severity.ERROR,
                "no activity rows under the header",
                path=str(path),
                line=table.header_line,
                col=1,
            )
        )
    data: dict[str, Any] = {"kind": "raci", "version": 1}
    if ident:
        data["id"] = ident
    if title:
        data["title"] = title
    if variant != "raci":
        data["variant"] = variant
    if roles:
        data["roles"] = {r: [] for r in roles}
    data["participants"] = list(participants.values())
    data["rows"] = rows
    out.data = data
    return out


def _participants(
    header: list[str], skip: set[int | None], people: Mapping[str, str], path: Path, out: Imported
) -> tuple[dict[int, str], list[str]]:
    by_name = {name.casefold(): ident for ident, name in people.items()}
    participants: dict[int, str] = {}
    roles: list[str] = []
    for col, heading in enumerate(header):
        if col in skip or not heading:
            continue
        if heading in people:
            who = heading
        elif heading.casefold() in by_name:
            who = by_name[heading.casefold()]
        else:
            who = heading if _ID.match(heading) else slug(heading)
            if who not in people:
                roles.append(who)
                if people:
                    out.findings.append(
                        Finding(
                            "raci.sheet-new-role",
                            Severity.INFO,
                            f"column {heading!r} names no one in the register; it is the "
                            f"role {who!r}, held by nobody yet",
                            path=str(path),
                            line=1,
                            col=col + 1,
                        )
                    )
        if who in participants.values():
            out.findings.append(
                Finding(
                    "raci.sheet-duplicate-column",
                    Severity.ERROR,
                    f"column {heading!r} is {who!r} again",
                    path=str(path),
                    line=1,
                    col=col + 1,
                )
            )
            continue
        participants[col] = who
    return participants, roles


def _rows(
    table: Table,
    id_col: int | None,
    name_col: int,
    notes_col: int | None,
    participants: dict[int, str],
    out: Imported,
) -> Iterator[dict[str, Any]]:
    taken: set[str] = set()
    for row in table.rows:
        name = table.text(row, name_col).strip()
        if not name:
            continue
        out.lines.append(row.line)
        wanted = table.text(row, id_col).strip() if id_col is not None else ""
        base = wanted or slug(name)
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        taken.add(ident)
        assign = {}
        for col, who in participants.items():
            cell = table.text(row, col).strip()
            if cell.casefold() not in BLANKS:
                assign[who] = cell.upper()
        entry: dict[str, Any] = {"id": ident, "name": name, "assign": assign}
        if notes_col is not None and table.text(row, notes_col).strip():
            entry["notes"] = table.text(row, notes_col).strip()
        yield entry


def locate(finding: Finding, imported: Imported, path: Path) -> Finding:
    """Move a finding about raci.yaml to the sheet: its row, and the participant's column."""
    from dataclasses import replace

    loc = finding.loc
    line, col = 1, 1
    if len(loc) >= 2 and loc[0] == "rows" and isinstance(loc[1], int):
        line = imported.lines[loc[1]] if loc[1] < len(imported.lines) else 1
        if len(loc) >= 4 and loc[2] == "assign":
            col = imported.columns.get(str(loc[3]), 1)
    elif len(loc) >= 2 and loc[0] == "participants" and isinstance(loc[1], int):
        col = list(imported.columns.values())[loc[1]] if loc[1] < len(imported.columns) else 1
    return replace(finding, path=str(path), line=line, col=col, loc=(), end_line=None, end_col=None)


def table(matrix: Raci) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a matrix: ID, the activity, one column per participant, Notes."""
    columns = matrix.columns()
    header = ["ID", "Activity", *columns, "Notes"]
    rows = [
        [row.id, row.name, *(row.assign.get(c, "") for c in columns), row.notes or ""]
        for row in matrix.rows
    ]
    return header, rows
