"""RACI rules (docs/methods.md §5.2-§5.4) and the counting rules of its variants (§5.5).

Rows are checked horizontally (R1-R7), participants vertically (C1-C4, within one matrix), and
cells one by one (X1, X2). Load across every matrix of a folder is computed by `load()`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from stakecli.core.config import RaciConfig
from stakecli.core.findings import Finding, Loc, error, info, warning
from stakecli.core.project import Parsed, Workspace
from stakecli.core.rules import Rule
from stakecli.raci.model import Raci, Row
from stakecli.raci.refs import letters, row_counts
from stakecli.raci.variants import VARIANTS, VariantSpec, daci, rapid

RULES = [
    Rule("raci.one-accountable", "error", "R1: a row needs exactly one A (Accountable)."),
    Rule(
        "raci.implied-responsible",
        "error",
        "R2: a row has an A but no R; record AR if the A "
        "does the work (a warning when allow_accountable_as_responsible is set).",
    ),
    Rule("raci.no-responsible", "error", "R3: a row has no R and no A: the job may not get done."),
    Rule("raci.many-responsible", "warning", "R4: more R in a row than max_responsible."),
    Rule("raci.many-consulted", "warning", "R5: more C in a row than max_consulted."),
    Rule("raci.many-informed", "info", "R6: more I in a row than max_informed."),
    Rule("raci.silo", "info", "R7: a row with no C and no I (possible silo)."),
    Rule(
        "raci.column-overloaded",
        "warning",
        "C1: a participant holds R in more rows than max_column_responsible.",
    ),
    Rule("raci.column-full", "warning", "C2: a participant has a letter in every row."),
    Rule(
        "raci.column-many-accountable",
        "warning",
        "C3: a participant holds A in more rows than max_column_accountable.",
    ),
    Rule("raci.column-idle", "info", "C4: a participant holds no R or A in any row."),
    Rule("raci.multiple-letters", "warning", "X1: several letters in one cell (other than AR)."),
    Rule("raci.unknown-letter", "error", "X2: a letter outside the variant's alphabet."),
    Rule("raci.duplicate-row", "error", "Two rows of one matrix share an id."),
    Rule("raci.one-driver", "error", "DACI: a row needs exactly one D (Driver)."),
    Rule("raci.approver-missing", "error", "DACI: a row has no A (Approver)."),
    Rule("raci.many-approvers", "warning", "DACI: a row has more than one A (Approver)."),
    Rule("raci.one-decider", "error", "RAPID: a row needs exactly one D (Decide)."),
    Rule("raci.recommender-missing", "error", "RAPID: a row has no R (Recommend)."),
    Rule("raci.many-agree", "warning", "RAPID: more A (Agree) in a row than max_agree."),
]


def check(parsed: Parsed, workspace: Workspace) -> Iterator[Finding]:
    """Every rule of one matrix, with the project's thresholds."""
    matrix = parsed.model
    assert isinstance(matrix, Raci)
    yield from findings(matrix, workspace.config.raci)


def findings(matrix: Raci, config: RaciConfig) -> Iterator[Finding]:
    """Row, column and cell findings of one matrix."""
    spec = VARIANTS[matrix.variant]
    seen: dict[str, int] = {}
    for r, row in enumerate(matrix.rows):
        if row.id in seen:
            yield error(
                "raci.duplicate-row",
                ("rows", r, "id"),
                f"row id {row.id!r} is already used by rows[{seen[row.id]}]; give each row its own",
            )
        seen.setdefault(row.id, r)
        yield from _cells(row, r, spec)
        yield from _row(row, ("rows", r), spec, config)
    yield from _columns(matrix, spec, config)


def _cells(row: Row, r: int, spec: VariantSpec) -> Iterator[Finding]:
    for who, cell in row.assign.items():
        loc: Loc = ("rows", r, "assign", who)
        found = letters(cell)
        unknown = sorted(set(found) - set(spec.alphabet))
        if unknown:
            yield error(
                "raci.unknown-letter",
                loc,
                f"{who!r} in {row.name!r} has {', '.join(map(repr, unknown))}, not in the "
                f"{spec.alphabet} alphabet of this variant",
            )
        if len(found) > 1 and not (len(found) == 2 and set(found) == spec.pair):
            yield warning(
                "raci.multiple-letters",
                loc,
                f"{who!r} holds {cell!r} in {row.name!r}; give each participant one letter "
                "per row (several letters mean the role is not resolved yet)",
            )


def _row(row: Row, loc: Loc, spec: VariantSpec, config: RaciConfig) -> Iterator[Finding]:
    held = row_counts(row, spec)
    name = repr(row.name)

    def who(letter: str) -> str:
        return ", ".join(held.get(letter, [])) or "nobody"

    def n(letter: str) -> int:
        return len(held.get(letter, []))

    assign = (*loc, "assign")
    if spec.family == "raci":
        if n("A") != 1:
            yield error(
                "raci.one-accountable",
                assign,
                f"{name} has {n('A')} accountable ({who('A')}); expected exactly 1",
            )
        if n("R") == 0 and n("A") > 0:
            make = warning if config.allow_accountable_as_responsible else error
            yield make(
                "raci.implied-responsible",
                assign,
                f"{name} has no R; if the accountable ({who('A')}) also does the work, "
                "write 'AR' in that cell",
            )
        elif n("R") == 0:
            yield error(
                "raci.no-responsible", assign, f"{name} has no R and no A: the job may not get done"
            )
        if n("R") > config.max_responsible:
            yield warning(
                "raci.many-responsible",
                assign,
                f"{name} has {n('R')} responsible ({who('R')}), more than "
                f"{config.max_responsible}; can the task be broken down?",
            )
    elif spec.family == "daci":
        yield from daci(held, assign, name)
    else:
        yield from rapid(held, assign, name, config)
    yield from _breadth(held, assign, name, spec, config)


def _breadth(
    held: dict[str, list[str]], loc: Loc, name: str, spec: VariantSpec, config: RaciConfig
) -> Iterator[Finding]:
    consulted = held.get(spec.consulted, [])
    informed = held.get(spec.informed, []) if spec.informed else []
    if len(consulted) > config.max_consulted:
        yield warning(
            "raci.many-consulted",
            loc,
            f"{name} consults {len(consulted)} ({', '.join(consulted)}), more than "
            f"{config.max_consulted}; do all of them need a say? It slows the decision",
        )
    if len(informed) > config.max_informed:
        yield info(
            "raci.many-informed",
            loc,
            f"{name} informs {len(informed)}, more than {config.max_informed}; "
            "do all of them need routine updates?",
        )
    if not consulted and not informed:
        yield info(
            "raci.silo",
            loc,
            f"{name} consults and informs nobody: a possible silo or uninformed parallel action",
        )


def _columns(matrix: Raci, spec: VariantSpec, config: RaciConfig) -> Iterator[Finding]:
    total = len(matrix.rows)
    for who in matrix.columns():
        cells = [
            (r, set(letters(row.assign[who])) & set(spec.alphabet))
            for r, row in enumerate(matrix.rows)
            if who in row.assign
        ]
        loc = _column_loc(matrix, who, cells)
        work = sum(bool(held & set(spec.work)) for _, held in cells)
        own = sum(bool(held & set(spec.own)) for _, held in cells)
        if work > config.max_column_responsible:
            yield warning(
                "raci.column-overloaded",
                loc,
                f"{who!r} holds {'/'.join(spec.work)} in {work} rows, more than "
                f"{config.max_column_responsible}; can they cope with the load?",
            )
        if own > config.max_column_accountable:
            yield warning(
                "raci.column-many-accountable",
                loc,
                f"{who!r} holds {'/'.join(spec.own)} in {own} rows, more than "
                f"{config.max_column_accountable}; can accountability be pushed down?",
            )
        if total < config.column_rules_min_rows:
            continue
        if len(cells) == total:
            yield warning(
                "raci.column-full",
                loc,
                f"{who!r} has a letter in all {total} rows; do they need to be in everything?",
            )
        if work == 0 and own == 0:
            yield info(
                "raci.column-idle",
                loc,
                f"{who!r} holds no {'/'.join(spec.work + spec.own)} in any row; "
                "can the role be eliminated, or expanded?",
            )


def _column_loc(matrix: Raci, who: str, cells: list[tuple[int, set[str]]]) -> Loc:
    if who in matrix.participants:
        return ("participants", matrix.participants.index(who))
    return ("rows", cells[0][0], "assign", who) if cells else ("rows",)


def load(matrices: Iterable[Raci]) -> dict[str, Counter[str]]:
    """Person (register id; roles resolved) -> letter -> rows holding it, across matrices."""
    per_person: dict[str, Counter[str]] = {}
    for matrix in matrices:
        spec = VARIANTS[matrix.variant]
        for row in matrix.rows:
            for who, cell in row.assign.items():
                held = set(letters(cell)) & set(spec.alphabet)
                for person in matrix.people(who):
                    per_person.setdefault(person, Counter()).update(held)
    return dict(sorted(per_person.items()))
