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
from stakecli.raci.variants import VARIANTS, VariantSpec, daci, meaning, rapid

_H = "kind: raci\nversion: 1\nrows:\n"


def _rows(*rows: str) -> str:
    """A RACI file of the given `assign:` rows, named r1, r2..."""
    return _H + "".join(
        f"  - {{id: r{i}, name: Task {i}, assign: {{{row}}}}}\n" for i, row in enumerate(rows, 1)
    )


RULES = [
    Rule(
        "raci.one-accountable",
        "error",
        "R1: a row needs exactly one A (Accountable).",
        why="""With two accountable, each can assume the other signs off; with none, nobody
        answers for the outcome. One A per row is the point of a RACI.""",
        bad=_rows("ann: A, ben: A, cy: R, dee: I"),
        good=_rows("ann: A, ben: C, cy: R, dee: I"),
    ),
    Rule(
        "raci.implied-responsible",
        "error",
        "R2: a row has an A but no R; record AR if the A "
        "does the work (a warning when allow_accountable_as_responsible is set).",
        why="""A row with an A and no R leaves open whether the A does the work or nobody does;
        writing AR says it.""",
        bad=_rows("ann: A, ben: C, cy: I"),
        good=_rows("ann: AR, ben: C, cy: I"),
    ),
    Rule(
        "raci.no-responsible",
        "error",
        "R3: a row has no R and no A: the job may not get done.",
        why="""A task with people consulted and informed but nobody doing it or answering for
        it is a task nobody will do.""",
        bad=_rows("ann: C, ben: I"),
        good=_rows("ann: A, cy: R, ben: I"),
    ),
    Rule(
        "raci.many-responsible",
        "warning",
        "R4: more R in a row than max_responsible.",
        why="""Many R on one task blur who does what; the task can usually be broken down
        (DOMAIN.md 4.2; raci.max_responsible, 3 by default).""",
        bad=_rows("ann: A, ben: R, cy: R, dee: R, eve: R, fay: I"),
        good=_rows("ann: A, ben: R, cy: R, dee: C, eve: C, fay: I"),
    ),
    Rule(
        "raci.many-consulted",
        "warning",
        "R5: more C in a row than max_consulted.",
        why="""Each C is a two-way conversation before the decision; too many slow it down
        (raci.max_consulted, 4 by default).""",
        bad=_rows("ann: A, ben: R, cy: C, dee: C, eve: C, fay: C, gus: C"),
        good=_rows("ann: A, ben: R, cy: C, dee: C, eve: I, fay: I, gus: I"),
    ),
    Rule(
        "raci.many-informed",
        "info",
        "R6: more I in a row than max_informed.",
        why="""Routine updates to many people cost time and are soon ignored
        (raci.max_informed, 6 by default).""",
        bad=_rows("ann: AR, ben: I, cy: I, dee: I, eve: I, fay: I, gus: I, hal: I"),
        good=_rows("ann: AR, ben: C, cy: I, dee: I, eve: I, fay: I, gus: I, hal: I"),
    ),
    Rule(
        "raci.silo",
        "info",
        "R7: a row with no C and no I (possible silo).",
        why="""A task that consults and informs nobody is done in a corner: others may act in
        parallel without knowing.""",
        bad=_rows("ann: A, ben: R"),
        good=_rows("ann: A, ben: R, cy: I"),
    ),
    Rule(
        "raci.column-overloaded",
        "warning",
        "C1: a participant holds R in more rows than max_column_responsible.",
        why="""One person doing the work of many rows is a bottleneck and a single point of
        failure (raci.max_column_responsible, 5 by default).""",
        bad=_rows(*["ann: A, ben: R, cy: I"] * 6),
        good=_rows(*["ann: A, ben: R, cy: I"] * 3, *["ann: A, dee: R, cy: I"] * 3),
    ),
    Rule(
        "raci.column-full",
        "warning",
        "C2: a participant has a letter in every row.",
        why="""Someone in every row is in every meeting; do they need to be? Checked from
        raci.column_rules_min_rows (3) rows on.""",
        bad=_rows("ann: A, ben: R, cy: I", "ann: A, dee: R, cy: I", "ann: A, eve: R, cy: I"),
        good=_rows("ann: A, ben: R, cy: I", "ann: A, dee: R", "ben: A, eve: R, cy: I"),
    ),
    Rule(
        "raci.column-many-accountable",
        "warning",
        "C3: a participant holds A in more rows than max_column_accountable.",
        why="""Accountability concentrated in one person slows every decision down to their
        calendar; can some of it be pushed down? (raci.max_column_accountable, 3 by default).""",
        bad=_rows(*["ann: A, ben: R, cy: I"] * 4),
        good=_rows(*["ann: A, ben: R, cy: I"] * 2, *["dee: A, ben: R, cy: I"] * 2),
    ),
    Rule(
        "raci.column-idle",
        "info",
        "C4: a participant holds no R or A in any row.",
        why="""A participant who only ever is consulted or informed may not need a column, or
        may be an under-used role. Checked from raci.column_rules_min_rows (3) rows on.""",
        bad=_rows("ann: A, ben: R, cy: I", "ann: A, ben: R, cy: I", "ann: A, ben: R, cy: C"),
        good=_rows("ann: A, ben: R, cy: I", "ann: A, ben: R, cy: I", "ann: A, cy: R, ben: C"),
    ),
    Rule(
        "raci.multiple-letters",
        "warning",
        "X1: several letters in one cell (other than AR).",
        why="""'RC' in one cell means the role is not settled yet; each participant gets one
        letter per row (AR is the one allowed pair).""",
        bad=_rows("ann: A, ben: RC, cy: I"),
        good=_rows("ann: A, ben: R, cy: I"),
    ),
    Rule(
        "raci.unknown-letter",
        "error",
        "X2: a letter outside the variant's alphabet.",
        why="""A letter the variant does not define (S in plain RACI, X anywhere) has no agreed
        meaning; set `variant:` or use the variant's letters.""",
        bad=_rows("ann: A, ben: R, cy: S"),
        good="kind: raci\nversion: 1\nvariant: rasci\nrows:\n"
        "  - {id: r1, name: Task 1, assign: {ann: A, ben: R, cy: S}}\n",
    ),
    Rule(
        "raci.duplicate-row",
        "error",
        "Two rows of one matrix share an id.",
        why="""Rows are referenced by id from charters and decisions (`raci.yaml#launch`); two
        rows with one id make those references ambiguous.""",
        bad=_H + "  - {id: launch, name: Launch, assign: {ann: A, ben: R, cy: I}}\n"
        "  - {id: launch, name: Announce, assign: {ann: A, cy: R, ben: I}}\n",
        good=_H + "  - {id: launch, name: Launch, assign: {ann: A, ben: R, cy: I}}\n"
        "  - {id: announce, name: Announce, assign: {ann: A, cy: R, ben: I}}\n",
    ),
]


def implied_responsible(row: Row, spec: VariantSpec, config: RaciConfig) -> list[str]:
    """Participants whose A stands for A/R in `row` (docs/methods.md §5.2, R2), in cell order.

    Only when the project allows an A without an R (`allow_accountable_as_responsible`) and
    the row of a RACI-family matrix has an A but no R: the A then also does the work.
    """
    if spec.family != "raci" or not config.allow_accountable_as_responsible:
        return []
    held = row_counts(row, spec)
    return [] if held.get("R") else list(held.get("A", []))


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
    """One row's findings: its variant's counting rules, then how widely it consults/informs."""
    held = row_counts(row, spec)
    name = repr(row.name)
    assign = (*loc, "assign")
    if spec.family == "raci":
        yield from _raci(held, assign, name, config)
    elif spec.family == "daci":
        yield from daci(held, assign, name)
    else:
        yield from rapid(held, assign, name, config)
    yield from _breadth(held, assign, name, spec, config)


def _who(held: dict[str, list[str]], letter: str) -> str:
    """The participants holding `letter`, comma-separated, or 'nobody'."""
    return ", ".join(held.get(letter, [])) or "nobody"


def _raci(held: dict[str, list[str]], loc: Loc, name: str, config: RaciConfig) -> Iterator[Finding]:
    """R1-R4 of the RACI family: one A, an R (or an A who does the work), not too many R."""
    accountable, responsible = len(held.get("A", [])), len(held.get("R", []))
    if accountable != 1:
        yield error(
            "raci.one-accountable",
            loc,
            f"{name} has {accountable} accountable ({_who(held, 'A')}); expected exactly 1",
        )
    if responsible == 0:
        yield from _no_responsible(held, loc, name, config)
    if responsible > config.max_responsible:
        yield warning(
            "raci.many-responsible",
            loc,
            f"{name} has {responsible} responsible ({_who(held, 'R')}), more than "
            f"{config.max_responsible}; can the task be broken down?",
        )


def _no_responsible(
    held: dict[str, list[str]], loc: Loc, name: str, config: RaciConfig
) -> Iterator[Finding]:
    """R2/R3 for a row without an R: implied by its A (if any), or nobody does the job."""
    if not held.get("A"):
        yield error(
            "raci.no-responsible", loc, f"{name} has no R and no A: the job may not get done"
        )
    elif config.allow_accountable_as_responsible:
        yield warning(
            "raci.implied-responsible",
            loc,
            f"{name} has no R; the project allows the accountable ({_who(held, 'A')}) to do "
            "the work, so it is recorded as A/R; write 'AR' in that cell to say so",
        )
    else:
        yield error(
            "raci.implied-responsible",
            loc,
            f"{name} has no R; if the accountable ({_who(held, 'A')}) also does the work, "
            "write 'AR' in that cell",
        )


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
    """Per participant: too much work or ownership; in a big enough matrix, everywhere or idle."""
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
        yield from _column_load(who, loc, work, own, spec, config)
        if total >= config.column_rules_min_rows:
            idle = work == 0 and own == 0
            yield from _column_reach(who, loc, len(cells), total, idle=idle, spec=spec)


def _column_load(
    who: str, loc: Loc, work: int, own: int, spec: VariantSpec, config: RaciConfig
) -> Iterator[Finding]:
    """A participant who does the work, or owns the outcome, in more rows than configured."""
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


def _column_reach(
    who: str, loc: Loc, filled: int, total: int, *, idle: bool, spec: VariantSpec
) -> Iterator[Finding]:
    """A participant with a letter in every row, or without any work or ownership."""
    if filled == total:
        yield warning(
            "raci.column-full",
            loc,
            f"{who!r} has a letter in all {total} rows; do they need to be in everything?",
        )
    if idle:
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


def load(matrices: Iterable[Raci], config: RaciConfig | None = None) -> dict[str, Counter[str]]:
    """Person (register id; roles resolved) -> role meaning -> rows holding it, across matrices.

    Counted by meaning (`variants.MEANING`), never by letter: DACI's A (Approver) and RAPID's
    A (Agree) are not RACI's A (Accountable). An A recorded as A/R (`implied_responsible`)
    counts as Accountable and Responsible.
    """
    config = config or RaciConfig()
    per_person: dict[str, Counter[str]] = {}
    for matrix in matrices:
        spec = VARIANTS[matrix.variant]
        for row in matrix.rows:
            implied = implied_responsible(row, spec, config)
            for who, cell in row.assign.items():
                held = set(letters(cell)) & set(spec.alphabet)
                if who in implied:
                    held.add("R")
                roles = [meaning(matrix.variant, letter) for letter in held]
                for person in matrix.people(who):
                    per_person.setdefault(person, Counter()).update(roles)
    return dict(sorted(per_person.items()))
