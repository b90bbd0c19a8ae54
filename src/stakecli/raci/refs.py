"""RACI cells and row references: the one letter parser and the one `<file>#<row>` resolver.

Every kind that points at a RACI row (a charter's decision rights, a decision's `raci:`, and
any kind added later) resolves the reference here, so it means the same everywhere:

* `<row>`: the row with that id, which must be unique across the project's RACI files;
* `<file>#<row>`: the row in the RACI file named by its `id`, its file name or stem, or its
  path relative to the referring file's folder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from stakecli.raci.model import Raci, Row
from stakecli.raci.variants import VARIANTS, VariantSpec

SEPARATORS = " /,+"
"""Characters allowed between letters of one cell ('A/R' is 'AR')."""


def letters(cell: str) -> list[str]:
    """The letters of one cell, upper-cased, separators dropped: 'a/r' -> ['A', 'R']."""
    return [c for c in cell.upper() if c not in SEPARATORS]


def row_counts(row: Row, spec: VariantSpec) -> dict[str, list[str]]:
    """Letter -> the participants holding it in `row` (known letters only, once per cell)."""
    holders: dict[str, list[str]] = {}
    for who, cell in row.assign.items():
        for letter in sorted(set(letters(cell)) & set(spec.alphabet)):
            holders.setdefault(letter, []).append(who)
    return holders


def deciders(matrix: Raci, row: Row) -> tuple[str, list[str]]:
    """(the deciding letter of the matrix's variant, the register ids holding it in `row`).

    The deciding letter is A (Accountable, or Approver in DACI) and D (Decide) in RAPID; a
    role column stands for the people the matrix gives that role.
    """
    letter = VARIANTS[matrix.variant].own
    held = row_counts(row, VARIANTS[matrix.variant]).get(letter, [])
    return letter, sorted({person for who in held for person in matrix.people(who)})


Matrices = Sequence[tuple[Path, Raci]]
"""The RACI files of a project, with their paths."""


def resolve(ref: str, referrer: Path, matrices: Matrices) -> tuple[Raci, Row] | str:
    """The (matrix, row) `ref` names, or a message saying why it names none."""
    target, _, row_id = ref.rpartition("#")
    if target:
        candidates = [(p, m) for p, m in matrices if _names(target, p, m, referrer)]
        if not candidates:
            return f"no RACI file {target!r} in the project (ref {ref!r})"
    else:
        candidates = list(matrices)
    rows = [(m, row) for _, m in candidates for row in m.rows if row.id == row_id]
    if not rows:
        return f"no RACI row {row_id!r} found for {ref!r}" + (
            "" if matrices else "; the project has no RACI file"
        )
    if len(rows) > 1:
        return f"row id {row_id!r} is in {len(rows)} RACI files; write `<file>#{row_id}`"
    return rows[0]


def matrices_of(files: Iterable[tuple[Path, object]]) -> list[tuple[Path, Raci]]:
    """The RACI models among (path, model) pairs."""
    return [(p, m) for p, m in files if isinstance(m, Raci)]


def _names(target: str, path: Path, matrix: Raci, referrer: Path) -> bool:
    if target in (matrix.id, path.name, path.stem):
        return True
    try:
        return (referrer.parent / target).resolve() == path.resolve()
    except (OSError, ValueError):  # a path with a NUL byte, or one the OS cannot resolve
        return False
