"""A real stakeholder spreadsheet becomes a register: headings matched, words scored, ids made.

Read with `core.tables` (any CSV dialect, .xlsx); columns matched by `spreadsheet.ALIASES`
(or `--map`, or `spreadsheets.columns` in the config); High/Medium/Low, H/M/L, five-level
words, Tier 1-3 and 1-10 numbers scored through `spreadsheets` settings (DOMAIN_2.md 12.1,
docs/methods.md §2.8). Every problem is a finding at its cell (line, column of the source).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from stakecli.core import tables
from stakecli.core.config import SpreadsheetConfig
from stakecli.core.errors import UsageError
from stakecli.core.findings import Finding, Severity
from stakecli.core.rules import Rule
from stakecli.core.tables import Row, Table
from stakecli.stakeholders import spreadsheet as sheet
from stakecli.stakeholders.model import Stakeholder

_COLUMNS = "name,side,power,legitimacy,urgency,interest\n"
_ROW = "Dee Moss,internal,2,2,2,2\n"

RULES = [
    Rule(
        "csv.syntax",
        "error",
        "A spreadsheet to import cannot be read (a stray quote, a huge cell...).",
        why="""A CSV that does not parse would import as a register with rows shifted or cut;
        stakecli refuses it and names the line.""",
        bad=_COLUMNS + _ROW + "# (a cell of 200,000 characters)\n",
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.header",
        "error",
        "A spreadsheet to import has no header row naming its columns.",
        why="""Columns are matched to register fields by their headings, so the first row with
        anything in it must name them; an empty sheet has nothing to import.""",
        bad=",,,,,,\n,,,,,,\n",
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.unknown-column",
        "error",
        "A column names no register field; map it, skip it or keep it in the notes.",
        why="""A silently dropped column is lost data and a guessed one is wrong data; the
        finding offers a did-you-mean only when it is near-certain.""",
        bad=_COLUMNS.replace("\n", ",Phase\n") + _ROW.replace("\n", ",Initiation\n"),
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.skipped-column",
        "warning",
        "An unknown column was left out (--skip-unknown).",
        why="""Leaving a column out was asked for, but the data in it is not in the register:
        the warning says which column, so nobody wonders later where it went.""",
        bad=_COLUMNS.replace("\n", ",Phase\n") + _ROW.replace("\n", ",Initiation\n"),
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.column-in-notes",
        "info",
        "An unknown column was kept in the notes (--keep-unknown).",
        why="""A column with no field of its own is kept as `Heading: value` lines in each
        stakeholder's notes; the note says which column went there.""",
        bad=_COLUMNS.replace("\n", ",Phase\n") + _ROW.replace("\n", ",Initiation\n"),
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.duplicate-column",
        "error",
        "Two columns fill the same register field.",
        why="""With two columns for one field (Power and Influence, say) it is unclear which
        value the register should keep; map one of them elsewhere.""",
        bad=_COLUMNS.replace("\n", ",Influence\n") + _ROW.replace("\n", ",3\n"),
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.missing-column",
        "error",
        "A spreadsheet lacks a column every stakeholder needs.",
        why="""Every stakeholder needs a name and a side (internal or external); without a
        column for one of them (or `--default side=...`) the sheet cannot become a register.""",
        bad=_COLUMNS.replace("side,", "") + _ROW.replace("internal,", ""),
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.filled-score",
        "warning",
        "A required score had no column or a blank cell and got spreadsheets.missing_score.",
        why="""Salience and the grid need power, legitimacy, urgency and interest; a sheet
        without one gets the configured value (3), and the warning says it was not assessed.""",
        bad="name,side,power,interest\nDee Moss,internal,2,2\n",
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.at-cut-off",
        "warning",
        "A word or tier became a score exactly at the salience threshold or grid cut-off.",
        why="""'Medium' becomes 3, which the grid reads as low and salience as absent: said
        once per word, rather than letting the middle of a scale fall silently to the bottom.""",
        bad=_COLUMNS + "Dee Moss,internal,Medium,2,2,2\n",
        good=_COLUMNS + "Dee Moss,internal,High,2,2,2\n",
    ),
    Rule(
        "csv.rescaled",
        "warning",
        "A score column holds numbers above 5 and is read as a 1-10 scale (7 -> 4).",
        why="""A 1-10 rating halved and rounded up keeps its order on the 1-5 scale; the
        warning names the column, in case a number above 5 was a typo instead.""",
        bad=_COLUMNS + "Dee Moss,internal,7,2,2,2\n",
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.formula",
        "warning",
        "A cell starts like a formula (=, +, -, @): it would run when the sheet is opened.",
        why="""CSV injection (OWASP, CWE-1236): the text is imported as text, but a formula in
        a shared sheet can leak data when someone opens it; check where it came from.""",
        bad=_COLUMNS + '"=HYPERLINK(""http://x"")",internal,2,2,2,2\n',
        good=_COLUMNS + _ROW,
    ),
    Rule(
        "csv.kept-in-notes",
        "warning",
        "A value could not be placed (an owner no row names) and was kept in the notes.",
        why="""An owner is a register id; a name that matches no row (a team, a typo) cannot
        be one, so it is kept in the notes rather than dropped or guessed.""",
        bad=_COLUMNS.replace("\n", ",owner\n") + _ROW.replace("\n", ",The PMO\n"),
        good=_COLUMNS + _ROW,
    ),
]

Unknown = Literal["error", "skip", "notes"]

ENGAGEMENT_WORDS = {
    "unaware": "unaware",
    "resistant": "resistant",
    "resistor": "resistant",
    "resister": "resistant",
    "opposed": "resistant",
    "neutral": "neutral",
    "supportive": "supportive",
    "supporter": "supportive",
    "support": "supportive",
    "leading": "leading",
    "leader": "leading",
    "champion": "leading",
}
CHOICE_WORDS: dict[str, dict[str, str]] = {
    "side": {
        "internal": "internal",
        "int": "internal",
        "i": "internal",
        "external": "external",
        "ext": "external",
        "e": "external",
    },
    "type": {
        "person": "person",
        "individual": "person",
        "group": "group",
        "team": "group",
        "organisation": "organisation",
        "organization": "organisation",
        "org": "organisation",
    },
    "current": ENGAGEMENT_WORDS,
    "desired": ENGAGEMENT_WORDS,
}
TRUE = {"true", "yes", "y", "1", "x"}
FALSE = {"false", "no", "n", "0"}


@dataclass(frozen=True, slots=True)
class Options:
    """What the user said on the command line (and in the config's `spreadsheets:`)."""

    settings: SpreadsheetConfig = field(default_factory=SpreadsheetConfig)
    mapping: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    unknown: Unknown = "error"
    title: str | None = None
    threshold: int = 3
    cutoff: int = 3


@dataclass(slots=True)
class Imported:
    """The register data, where each stakeholder and field came from, and the findings."""

    data: dict[str, Any]
    findings: list[Finding]
    lines: list[int] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)
    """Field -> 1-based column of the source."""
    path: Path = Path()

    def at(self, index: int, name: str) -> tuple[int, int]:
        """(line, column) of a stakeholder's field in the source."""
        line = self.lines[index] if 0 <= index < len(self.lines) else 1
        return line, self.columns.get(name, 1)


def parse_pairs(pairs: Iterable[str], option: str) -> dict[str, str]:
    """`COLUMN=field` strings (the last `=` splits) -> {COLUMN: field}."""
    found: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.rpartition("=")
        if not sep or not key.strip() or not value.strip():
            raise UsageError(f"{option} {pair!r}: expected COLUMN=FIELD")
        found[key.strip()] = value.strip()
    return found


def convert(table: Table, path: Path, options: Options) -> Imported:
    """The register data of a table, and every problem located at its cell."""
    out = Imported({}, [], path=path)
    fields, extra = _columns(table, options, out)
    out.columns = {f: c + 1 for c, f in fields.items()}
    if any(f.severity is Severity.ERROR for f in out.findings):
        return out
    scorers = {c: _Scorer(f, [r.cell(c) for r in table.rows], options) for c, f in fields.items()}
    people = [_person(table, row, fields, extra, scorers) for row in table.rows]
    out.lines = [row.line for row in table.rows]
    for col, scorer in scorers.items():
        out.findings.extend(scorer.findings(path, col + 1, table.header[col]))
    _fill_defaults(people, options, out)
    _make_ids(people)
    _resolve_people(people, out)
    for person in people:
        _nest(person)
    out.data = {"kind": "stakeholders", "version": 1}
    if options.title:
        out.data["title"] = options.title
    out.data["stakeholders"] = people
    _formula_warnings(table, path, out)
    return out


def _columns(
    table: Table, options: Options, out: Imported
) -> tuple[dict[int, str], dict[int, str]]:
    """0-based column -> field, and the unknown columns kept in the notes -> their heading."""
    mapping = {**options.settings.columns, **options.mapping}
    by_norm = {sheet.normalise(k): v for k, v in mapping.items()}
    for target in mapping.values():
        if target not in sheet.FIELDS and target not in (sheet.NOTES, sheet.SKIP):
            raise UsageError(
                f"--map: no register field {target!r}; fields: {', '.join(sheet.FIELDS)}, "
                "or notes, skip"
            )
    fields: dict[int, str] = {}
    extra: dict[int, str] = {}
    seen: dict[str, int] = {}
    for col, heading in enumerate(table.header):
        mapped = mapping.get(heading) or by_norm.get(sheet.normalise(heading))
        name = mapped or sheet.ALIASES.get(sheet.normalise(heading))
        if name is None and not heading and not any(r.cell(col) for r in table.rows):
            continue  # an empty, unnamed column: a spreadsheet artefact
        if name == sheet.SKIP:
            continue
        if name is None:
            out.findings.extend(_unknown(heading, col, table, options, out.path))
            if options.unknown == "notes":
                extra[col] = heading or f"column {col + 1}"
            continue
        if mapped == sheet.NOTES:
            extra[col] = heading  # `--map Strategy=notes`: "Strategy: ..." in the notes
            continue
        if name in seen:
            first = table.header[seen[name]]
            out.findings.append(
                _at(
                    out.path,
                    table.header_line,
                    col + 1,
                    "csv.duplicate-column",
                    f"columns {first!r} and {heading!r} both fill {name!r}; "
                    f"map one elsewhere, e.g. --map {_quote(heading)}=notes",
                )
            )
            continue
        seen[name] = col
        fields[col] = name
    out.findings.extend(_missing(fields, options, table, out.path))
    return fields, extra


def _unknown(
    heading: str, col: int, table: Table, options: Options, path: Path
) -> Iterator[Finding]:
    import difflib

    shown = heading or f"(column {col + 1})"
    if options.unknown == "skip":
        yield _at(
            path,
            table.header_line,
            col + 1,
            "csv.skipped-column",
            f"column {shown!r} is not a register field; skipped",
            Severity.WARNING,
        )
        return
    if options.unknown == "notes":
        yield _at(
            path,
            table.header_line,
            col + 1,
            "csv.column-in-notes",
            f"column {shown!r} is kept in each stakeholder's notes",
            Severity.INFO,
        )
        return
    # Only a near-certain guess is offered: a wrong did-you-mean is worse than none.
    guess = difflib.get_close_matches(sheet.normalise(heading), list(sheet.ALIASES), 1, 0.85)
    hint = f"did you mean {sheet.HEADING[sheet.ALIASES[guess[0]]]!r}? " if guess else ""
    yield _at(
        path,
        table.header_line,
        col + 1,
        "csv.unknown-column",
        f"column {shown!r} is not a register field; {hint}map it with "
        f"--map {_quote(shown)}=FIELD, or use --skip-unknown or --keep-unknown",
    )


def _quote(heading: str) -> str:
    return f"'{heading}'" if re.search(r"[^\w.-]", heading) else heading


def _missing(
    fields: dict[int, str], options: Options, table: Table, path: Path
) -> Iterator[Finding]:
    present = set(fields.values()) | set(options.defaults)
    if not present & {"name", "id"}:
        yield _at(
            path,
            table.header_line,
            1,
            "csv.missing-column",
            "no name column (Stakeholder, Name) or ID column; add one or --map one",
        )
    if "side" not in present:
        yield _at(
            path,
            table.header_line,
            1,
            "csv.missing-column",
            "no Internal/External column; add one, --map one, or give --default side=internal",
        )
    if options.settings.missing_score is None:
        for name in sheet.REQUIRED_SCORES:
            if name not in present:
                yield _at(
                    path,
                    table.header_line,
                    1,
                    "csv.missing-column",
                    f"no {name} column; add one or --map one",
                )


class _Scorer:
    """One score column: how its words and numbers become 1-5, and what to warn about."""

    def __init__(self, name: str, cells: list[str], options: Options) -> None:
        self.name = name
        self.options = options
        self.five = self.ten = False
        if name in sheet.SCORES:  # the scale of a score column is read from all its cells
            distinct = set(cells)
            words = {_word(c) for c in distinct if c}
            self.five = bool(words & {"very high", "very low", "vh", "vl"})
            numbers = [float(c) for c in distinct if tables.is_number(c)]
            self.ten = bool(numbers) and 5 < max(numbers) <= 10
        self.converted: dict[str, tuple[int, int]] = {}
        """Cell text -> (score, first line it was read on)."""
        self._scores: dict[str, Any] = {}
        """Cell text -> its score (cells repeat: a column holds a few words or numbers)."""

    def score(self, text: str, line: int = 1) -> Any:
        """The 1-5 score of a cell; the text itself when it is none (the schema says why)."""
        if text in self._scores:
            return self._scores[text]
        value = self._score(text, line)
        if len(self._scores) < 10_000:
            self._scores[text] = value
        return value

    def _score(self, text: str, line: int) -> Any:
        if self.name not in sheet.SCORES:
            return int(text) if _DIGITS.fullmatch(text) else text
        word = _word(text)
        settings = self.options.settings
        table = settings.five_level_scale if self.five else settings.scale
        tier = re.fullmatch(r"(?:tier|t)\s*(\d+)", word)
        value: int | None = None
        if word in table:
            value = table[word]
        elif tier and int(tier[1]) in settings.tiers:
            value = settings.tiers[int(tier[1])]
        elif tables.is_number(text) and float(text).is_integer():
            number = int(float(text))
            if not self.ten:
                return number
            value = max(1, math.ceil(number / 2))
        if value is None:
            return text
        self.converted.setdefault(text, (value, line))
        return value

    def findings(self, path: Path, col: int, heading: str) -> Iterator[Finding]:
        """One warning per word that lands on a cut-off (never one per row)."""
        if self.ten:
            yield _at(
                path,
                1,
                col,
                "csv.rescaled",
                f"column {heading!r} has numbers above 5: read as a 1-10 scale, each halved and "
                "rounded up (7 -> 4); --map it to another field if that is wrong",
                Severity.WARNING,
            )
        for text, (value, line) in self.converted.items():
            limits = []
            if self.name in ("power", "interest") and value == self.options.cutoff:
                limits.append(f"the grid cut-off (grid.cutoff {self.options.cutoff}: low)")
            if self.name in ("power", "legitimacy", "urgency") and value == self.options.threshold:
                limits.append(
                    f"the salience threshold (salience.threshold {self.options.threshold}: absent)"
                )
            if limits:
                yield _at(
                    path,
                    line,
                    col,
                    "csv.at-cut-off",
                    f"{text!r} in column {heading!r} becomes {self.name} {value}, exactly "
                    f"{' and '.join(limits)}; change the scale in the config's "
                    "`spreadsheets:` if you mean otherwise",
                    Severity.WARNING,
                )


_DIGITS = re.compile(r"\d+")
_SEPARATORS = re.compile(r"[-_/.]")


@lru_cache(maxsize=10_000)
def _word(text: str) -> str:
    return " ".join(_SEPARATORS.sub(" ", text.casefold()).split())


def _person(
    table: Table,
    row: Row,
    fields: dict[int, str],
    extra: dict[int, str],
    scorers: dict[int, _Scorer],
) -> dict[str, Any]:
    person: dict[str, Any] = {}
    notes: list[str] = []
    for col, name in fields.items():
        text = table.text(row, col)
        text = text if name in sheet.LISTS else text.strip()
        if text:
            person[name] = _value(name, text, scorers[col], row.line)
    for col, heading in extra.items():
        text = table.text(row, col).strip()
        if text:
            notes.append(f"{heading}: {text}")
    if notes:
        person["notes"] = "\n".join([person["notes"], *notes] if "notes" in person else notes)
    return person


def _value(name: str, text: str, scorer: _Scorer, line: int = 1) -> Any:
    if name in sheet.STRUCTURED:
        import json

        try:
            return json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: brackets nested 1,000 deep
            return text  # the schema says what is wrong, at this cell
    if name in sheet.LISTS:
        parts = text.split("\n") if "\n" in text else text.split(";")
        return [p.strip() for p in parts if p.strip()]
    if name in sheet.BOOLEANS:
        word = text.casefold()
        return True if word in TRUE else False if word in FALSE else text
    if name in sheet.CHOICES:
        return _choice(name, text)
    if name in sheet.SCORES or name in sheet.NUMBERS:
        return scorer.score(text, line)
    return text


@lru_cache(maxsize=10_000)
def _choice(name: str, text: str) -> str:
    word = "-".join(_word(text).split())
    return CHOICE_WORDS.get(name, {}).get(word, word)


def _fill_defaults(people: list[dict[str, Any]], options: Options, out: Imported) -> None:
    for name, text in options.defaults.items():
        if name not in sheet.FIELDS:
            raise UsageError(f"--default: no register field {name!r}")
        scorer = _Scorer(name, [text], options)
        for person in people:
            person.setdefault(name, _value(name, text, scorer))
    fill = options.settings.missing_score
    if fill is None:
        return
    for name in sheet.REQUIRED_SCORES:
        blank = [i for i, p in enumerate(people) if name not in p]
        if not blank:
            continue
        for i in blank:
            people[i][name] = fill
        col = out.columns.get(name)
        where = (
            f"column {name!r} is blank in row(s) {_rows([out.lines[i] for i in blank])}"
            if col
            else f"no {name} column"
        )
        out.findings.append(
            _at(
                out.path,
                1,
                col or 1,
                "csv.filled-score",
                f"{where}: set to {fill} (spreadsheets.missing_score); assess them, or give "
                f"--default {name}=N",
                Severity.WARNING,
            )
        )


def _rows(lines: list[int]) -> str:
    shown = ", ".join(map(str, lines[:8]))
    return shown + (f" and {len(lines) - 8} more" if len(lines) > 8 else "")


def slug(name: str) -> str:
    """`Dana Whitfield (CFO)` -> `dana-whitfield-cfo`: an id made from a name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return text[:60].rstrip("-") or "stakeholder"


def _make_ids(people: list[dict[str, Any]]) -> None:
    """Ids for rows without one: from the name, unique, the same on every import."""
    taken = {str(p["id"]) for p in people if "id" in p}
    for i, person in enumerate(people):
        if "id" in person:
            continue
        base = slug(str(person.get("name", ""))) if person.get("name") else f"row-{i + 1}"
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        taken.add(ident)
        person["id"] = ident
        person.setdefault("name", ident)


def _resolve_people(people: list[dict[str, Any]], out: Imported) -> None:
    """`owner` and `influences` may name people by name: turn names into their ids."""
    ids = {str(p["id"]) for p in people}
    by_name = {str(p.get("name", "")).casefold(): str(p["id"]) for p in people}

    def resolve(value: str) -> str | None:
        return value if value in ids else by_name.get(value.casefold())

    for i, person in enumerate(people):
        owner = person.get("owner")
        if isinstance(owner, str):
            found = resolve(owner)
            if found is None and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", owner):
                continue  # an id of another register: `validate` checks it
            if found is None:
                del person["owner"]
                _note(person, f"Owner: {owner}")
                line, col = out.at(i, "owner")
                out.findings.append(
                    _at(
                        out.path,
                        line,
                        col,
                        "csv.kept-in-notes",
                        f"owner {owner!r} names no row of the sheet; kept in the notes",
                        Severity.WARNING,
                    )
                )
            else:
                person["owner"] = found
        if isinstance(person.get("influences"), list):
            person["influences"] = [resolve(v) or v for v in person["influences"]]


def _note(person: dict[str, Any], text: str) -> None:
    person["notes"] = f"{person['notes']}\n{text}" if person.get("notes") else text


def _nest(person: dict[str, Any]) -> None:
    """Engagement and discovery columns become their mappings; field order as in the model."""
    engagement = {k: person.pop(k) for k in sheet.ENGAGEMENT if k in person}
    if engagement:
        if "current" in engagement and "desired" in engagement:
            person["engagement"] = engagement
        else:
            for k, v in engagement.items():
                label = sheet.HEADING[k]
                _note(person, f"{label}: {'; '.join(v) if isinstance(v, list) else v}")
    discovery = {key: person.pop(col) for col, key in sheet.DISCOVERY.items() if col in person}
    if discovery:
        person["discovered"] = discovery
    circle = {key: person.pop(col) for col, key in sheet.CIRCLE.items() if col in person}
    if circle:
        person["circle"] = circle
    order = _field_order()
    ranked = sorted(person, key=lambda k: order.get(k, len(order)))
    items = [(k, person[k]) for k in ranked]
    person.clear()
    person.update(items)


@lru_cache(maxsize=1)
def _field_order() -> dict[str, int]:
    return {name: i for i, name in enumerate(Stakeholder.model_fields)}


def _formula_warnings(table: Table, path: Path, out: Imported) -> None:
    triggers = frozenset(t[0] for t in tables.TRIGGERS)
    for row in table.rows:
        for col, cell in enumerate(row.cells, start=1):
            if cell[:1] in triggers and tables.is_formula_like(cell):
                out.findings.append(
                    _at(
                        path,
                        row.line,
                        col,
                        "csv.formula",
                        f"cell {cell[:40]!r} starts like a formula; imported as text",
                        Severity.WARNING,
                    )
                )
    for line, col in table.formulas:
        out.findings.append(
            _at(
                path,
                line,
                col,
                "csv.formula",
                "a formula: its value as Excel last saved it was imported",
                Severity.WARNING,
            )
        )


def _at(
    path: Path, line: int, col: int, code: str, message: str, severity: Severity = Severity.ERROR
) -> Finding:
    return Finding(code, severity, message, path=str(path), line=line, col=col)


def table_finding(source: Path, exc: tables.TableError) -> Finding:
    """The finding of a file that cannot be read as a table at all."""
    code = "csv.header" if "name the columns" in str(exc) else "csv.syntax"
    return _at(source, exc.line, exc.col, code, str(exc))
