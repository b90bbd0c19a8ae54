"""Existing decision logs moved over: MADR (2.x-4.x) and Nygard / adr-tools Markdown records.

Each `NNNN-slug.md` becomes `decisions/NNNN-slug.yaml` (MADR logs start at 0000). MADR front
matter (`status`, `date`, `decision-makers`/`deciders`, `consulted`, `informed`, `tags`) or its
older `* Status:` list, and adr-tools' `Date:` line and `## Status` section, give the header.
Sections map to fields (Context and Problem Statement / Context, Decision Drivers, Considered
Options, Decision Outcome, Consequences, Pros and Cons of the Options; Nygard's Decision becomes
the one chosen option); every other section is kept verbatim in `sections:`. Status words are
case-insensitive; "Superseded by ADR-0005", "Supersedes", "Amends" and "Amended by" become
links, mirrored on both records. Whatever cannot be mapped is reported at its file and line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stakecli.core.findings import Finding, Severity
from stakecli.core.rules import Rule

RULES = [
    Rule(
        "adr.skipped",
        "warning",
        "A Markdown file of the log has no NNNN- number: not imported.",
        why="""Decision records are numbered; a file without a number (the log's README, a
        template) is not one, and is named so that nothing is left behind unnoticed.""",
        bad="# file: docs/decisions/README.md\n# Decisions\n",
        good="# file: docs/decisions/0001-use-postgresql.md\n# Use PostgreSQL\n",
    ),
    Rule(
        "adr.unmapped",
        "info",
        "Something in an ADR could not become a field; what was done with it is said.",
        why="""Nothing is dropped silently: unknown sections are kept in `sections:`, people
        in no register and unknown statuses are reported at their file and line.""",
        bad="## Validation\n\nLoad test at 2x peak.\n  # no field: kept in sections",
        good="## Context and Problem Statement\n\nWhich database?\n",
    ),
]

NUMBERED = re.compile(r"^(\d{1,4})-(.+)\.(md|markdown)$", re.IGNORECASE)
STATUSES = {"proposed", "accepted", "rejected", "deprecated", "superseded"}
STATUS_WORDS = {
    "draft": "proposed",
    "open": "proposed",
    "approved": "accepted",
    "decided": "accepted",
    "obsolete": "deprecated",
    "declined": "rejected",
}
LINK_WORDS = (
    ("superseded by", "superseded_by"),
    ("supersedes", "supersedes"),
    ("amended by", "amended_by"),
    ("amends", "amends"),
)
_REF = re.compile(r"(?:ADR[-\s]?|\[|^|\s|#)0*(\d{1,4})\b(?:\.|\]|-|\s|$)?", re.IGNORECASE)
_LINK_TARGET = re.compile(r"\]\((?:[^)]*/)?0*(\d{1,4})-[^)]*\)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")


@dataclass(slots=True)
class Record:
    """One ADR read from Markdown: the decision data, and notes on what was not mapped."""

    source: Path
    number: int
    data: dict[str, Any]
    notes: list[Finding] = field(default_factory=list)

    def note(self, line: int, message: str) -> None:
        """Report something not mapped (info, at its line)."""
        self.notes.append(
            Finding("adr.unmapped", Severity.INFO, message, path=str(self.source), line=line)
        )


@dataclass(slots=True)
class Section:
    """A heading and the lines under it (with their 1-based line numbers)."""

    title: str
    level: int
    line: int
    body: list[tuple[int, str]] = field(default_factory=list)

    def text(self) -> str:
        """The body as one stripped block of text."""
        return "\n".join(t for _, t in self.body).strip()


def read_log(
    folder: Path, people: dict[str, str], today: dt.date
) -> tuple[list[Record], list[Finding]]:
    """Every numbered ADR of a folder, links mirrored; and the files skipped."""
    records: list[Record] = []
    skipped: list[Finding] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".md", ".markdown") or not path.is_file():
            continue
        match = NUMBERED.match(path.name)
        if match is None:
            skipped.append(
                Finding(
                    "adr.skipped",
                    Severity.WARNING,
                    "no NNNN- number in the file name: not a decision record, not imported",
                    path=str(path),
                    line=1,
                )
            )
            continue
        records.append(parse(path.read_text("utf-8"), path, int(match[1]), people, today))
    mirror(records)
    return records, skipped


def target_name(record: Record) -> str:
    """`0000-use-madr.md` -> `0000-use-madr.yaml` (the number padded to four digits)."""
    match = NUMBERED.match(record.source.name)
    slug = re.sub(r"[^\w.-]+", "-", match[2] if match else "decision").strip("-") or "decision"
    return f"{record.number:04d}-{slug}.yaml"


def parse(text: str, path: Path, number: int, people: dict[str, str], today: dt.date) -> Record:
    """One ADR (MADR or Nygard) as decision data."""
    record = Record(path, number, {"kind": "decision", "version": 1, "number": number})
    lines = text.splitlines()
    meta, start = _front_matter(lines, record)
    sections = _sections(lines, start)
    title = next((s for s in sections if s.level == 1), None)
    head = Section("", 1, 1) if title is None else title
    record.data["title"] = re.sub(r"^\d+\.\s*", "", head.title).strip() or path.stem
    meta.update(_inline_meta(head, record))
    _header(meta, record, people, today)
    _body([s for s in sections if s is not title], record)
    record.data = _ordered(record.data)
    return record


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """Keys in the order of the decision model, as `stakecli new decision` writes them."""
    from stakecli.decisions.model import Decision

    order = list(Decision.model_fields)
    return dict(sorted(data.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99))


def _front_matter(lines: list[str], record: Record) -> tuple[dict[str, tuple[int, Any]], int]:
    if not lines or lines[0].strip() != "---":
        return {}, 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        record.note(1, "front matter never closed (no second ---); read as text")
        return {}, 0
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe").load("\n".join(lines[1:end]))
    except YAMLError as exc:
        record.note(1, f"front matter is not YAML ({type(exc).__name__}); ignored")
        return {}, end + 1
    meta: dict[str, tuple[int, Any]] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            line = next((i + 1 for i in range(1, end) if lines[i].startswith(f"{key}:")), 1)
            meta[str(key).lower()] = (line, value)
    return meta, end + 1


def _sections(lines: list[str], start: int) -> list[Section]:
    sections: list[Section] = []
    fence = False
    current: Section | None = None
    for n in range(start, len(lines)):
        line = lines[n]
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        match = None if fence else _HEADING.match(line)
        if match:
            current = Section(match[2], len(match[1]), n + 1)
            sections.append(current)
        elif current is not None:
            current.body.append((n + 1, line))
    return sections


def _inline_meta(head: Section, record: Record) -> dict[str, tuple[int, Any]]:
    """adr-tools' `Date: 2018-01-01` and MADR 2's `* Status: accepted` lines under the title."""
    meta: dict[str, tuple[int, Any]] = {}
    kept: list[tuple[int, str]] = []
    for line, text in head.body:
        match = re.match(
            r"^\s*(?:[-*+]\s*)?(status|date|deciders|decision-makers|technical story|"
            r"tags|consulted|informed)\s*:\s*(.*)$",
            text,
            re.IGNORECASE,
        )
        if match:
            meta[match[1].lower()] = (line, match[2].strip())
        else:
            kept.append((line, text))
    head.body = kept
    return meta


def _header(
    meta: dict[str, tuple[int, Any]], record: Record, people: dict[str, str], today: dt.date
) -> None:
    data = record.data
    line, status = meta.pop("status", (1, None))
    if status is not None:
        _status(str(status), line, record)
    line, date = meta.pop("date", (1, None))
    data["date"] = _date(date, line, record, today)
    for key, target in (
        ("decision-makers", "deciders"),
        ("deciders", "deciders"),
        ("consulted", "consulted"),
        ("informed", "informed"),
    ):
        if key in meta:
            line, value = meta.pop(key)
            _people(value, target, line, record, people)
    if "tags" in meta:
        line, value = meta.pop("tags")
        data["tags"] = _items(value)
    for key, (line, value) in meta.items():
        data.setdefault("sections", {})[key.title()] = str(value)
        record.note(line, f"{key!r} has no field; kept in `sections`")


def _items(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in re.split(r"[,;]", str(value or "")) if v.strip()]


def _people(value: Any, target: str, line: int, record: Record, people: dict[str, str]) -> None:
    by_name = {name.casefold(): ident for ident, name in people.items()}
    found: list[str] = []
    unknown: list[str] = []
    for item in _items(value):
        who = item if item in people else by_name.get(item.casefold())
        (found if who else unknown).append(who or item)
    if found:
        record.data.setdefault(target, []).extend(found)
    if unknown:
        label = target.replace("_", " ").capitalize()
        record.data.setdefault("sections", {})[label] = ", ".join(unknown)
        record.note(
            line,
            f"{', '.join(unknown)} ({target}) are in no register; kept in "
            f"`sections.{label}`: add them to the register, then to `{target}`",
        )


def _date(value: Any, line: int, record: Record, today: dt.date) -> dt.date:
    if isinstance(value, dt.date):
        return value
    match = re.search(r"\d{4}-\d{2}-\d{2}", str(value or ""))
    if match:
        try:
            return dt.date.fromisoformat(match[0])
        except ValueError:
            pass
    record.note(line, f"no date ({value!r}); the import date {today.isoformat()} was used")
    return today


def _status(text: str, line: int, record: Record) -> None:
    """`Accepted`, `superseded by ADR-0005`, `Superseded by [5. X](0005-x.md)`, link lines."""
    for raw in [t for t in text.splitlines() if t.strip()] or [""]:
        part = re.sub(r"^[-*+]\s*", "", raw.strip())
        low = part.lower()
        link = next(((w, f) for w, f in LINK_WORDS if low.startswith(w)), None)
        if link:
            number = _number(part[len(link[0]) :])
            if number is None:
                record.note(line, f"{part!r} names no decision number; not linked")
                continue
            record.data.setdefault(link[1], []).append(number)
            if link[1] == "superseded_by":
                record.data["status"] = "superseded"
            continue
        word = re.sub(r"[^a-z]", "", low.split()[0]) if low.split() else ""
        status = word if word in STATUSES else STATUS_WORDS.get(word)
        if status is None:
            record.note(
                line,
                f"status {part!r} is not proposed, accepted, rejected, deprecated "
                "or superseded; imported as proposed",
            )
            status = "proposed"
        elif status != word:
            record.note(line, f"status {part!r} imported as {status}")
        record.data.setdefault("status", status)


def _number(text: str) -> int | None:
    match = _LINK_TARGET.search(text) or _REF.search(text)
    return int(match[1]) if match else None


_FIELDS = {
    "context and problem statement": "context",
    "context": "context",
    "problem statement": "context",
    "decision drivers": "drivers",
    "considered options": "options",
    "decision outcome": "outcome",
    "decision": "decision",
    "consequences": "consequences",
    "positive consequences": "good",
    "negative consequences": "bad",
    "pros and cons of the options": "pros-cons",
    "status": "status",
}


def _body(sections: list[Section], record: Record) -> None:
    data = record.data
    options: dict[str, dict[str, Any]] = {}
    parent = ""
    for s in sections:
        key = _FIELDS.get(s.title.strip().lower().rstrip(":"))
        if s.level == 2:
            parent = key or ""
        if key == "status":
            _status(s.text(), s.line, record)
        elif key == "context" and "context" not in data:
            data["context"] = s.text() or "(not recorded)"
        elif key == "drivers":
            data["drivers"] = _bullets(s) or [s.text()]
        elif key == "options":
            for name in _bullets(s):
                options.setdefault(_plain(name), {"name": _plain(name)})
        elif key == "outcome":
            _outcome(s, record, options)
        elif key == "decision":
            _nygard_decision(s, record, options)
        elif key in ("consequences", "good", "bad"):
            _consequences(s, record, key)
        elif parent == "pros-cons" and s.level >= 3:
            _pros_cons(s, options)
        elif key == "pros-cons":
            continue
        elif s.text() or s.level <= 2:
            data.setdefault("sections", {})[s.title.strip()] = s.text() or "(empty)"
            record.note(s.line, f"section {s.title.strip()!r} has no field; kept in `sections`")
    if options:
        data["options"] = list(options.values())
    if "context" not in data:
        data["context"] = "(not recorded)"
        record.note(1, "no Context section; `context` says '(not recorded)'")
    data.setdefault("status", "proposed")


def _bullets(s: Section) -> list[str]:
    items: list[str] = []
    for _, text in s.body:
        match = _BULLET.match(text)
        if match:
            items.append(match[1].strip())
        elif items and text.startswith(("  ", "\t")) and text.strip():
            items[-1] += " " + text.strip()
    return [i for i in items if i]


def _plain(text: str) -> str:
    """Markdown emphasis and link brackets removed: `[Option 1](#x)` -> `Option 1`."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`\[\]]", "", text).strip()
    if len(text) > 1 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
    return text or "option"


def _outcome(s: Section, record: Record, options: dict[str, dict[str, Any]]) -> None:
    text = s.text()
    match = re.search(r"chosen option:\s*(.+?),\s*because[,:]?\s*(.*)", text, re.I | re.S)
    if match is None:
        if text:
            record.data.setdefault("sections", {})[s.title.strip()] = text
            record.note(s.line, "no 'Chosen option: X, because ...' line; kept in `sections`")
        return
    chosen = _plain(match[1])
    rationale = re.split(r"\n\s*\n", match[2].strip())[0].strip() or "(not recorded)"
    name = next((n for n in options if n.casefold() == chosen.casefold()), None)
    if name is None:
        name = next((n for n in options if n.casefold().startswith(chosen.casefold())), chosen)
        options.setdefault(name, {"name": name})
    if "\n" not in rationale:
        rationale = " ".join(rationale.split())
    record.data["outcome"] = {"chosen": name, "rationale": rationale}


def _nygard_decision(s: Section, record: Record, options: dict[str, dict[str, Any]]) -> None:
    """Nygard's Decision ("We will ...") is the one option chosen, in the record's words."""
    text = s.text() or "(not recorded)"
    name = record.data["title"]
    options.setdefault(name, {"name": name, "description": text})
    record.data["outcome"] = {"chosen": name, "rationale": text}


def _consequences(s: Section, record: Record, key: str) -> None:
    found = record.data.setdefault("consequences", {})
    items = _bullets(s)
    if not items and s.text():
        items = [p.strip() for p in re.split(r"\n\s*\n", s.text()) if p.strip()]
    for item in items:
        kind = {"good": "good", "bad": "bad"}.get(key, "neutral")
        match = re.match(r"^(good|bad|neutral)\s*,?\s*(?:because)?\s*[,:]?\s*(.*)$", item, re.I)
        if match:
            kind, item = match[1].lower(), match[2] or item
        found.setdefault(kind, []).append(" ".join(item.split()))


def _pros_cons(s: Section, options: dict[str, dict[str, Any]]) -> None:
    title = _plain(s.title)
    name = next((n for n in options if n.casefold() == title.casefold()), title)
    option = options.setdefault(name, {"name": name})
    neutral = []
    for item in _bullets(s):
        match = re.match(r"^(good|bad|neutral)\s*,?\s*(?:because)?\s*[,:]?\s*(.*)$", item, re.I)
        kind, text = (match[1].lower(), match[2] or item) if match else ("", item)
        if kind == "good":
            option.setdefault("pros", []).append(text)
        elif kind == "bad":
            option.setdefault("cons", []).append(text)
        else:
            neutral.append(text)
    prose = "\n".join(t for _, t in s.body if t.strip() and not _BULLET.match(t)).strip()
    parts = ([prose] if prose else []) + [f"Neutral: {n}" for n in neutral]
    if parts:
        option["description"] = "\n".join(parts)


def mirror(records: list[Record]) -> None:
    """Make every link two-way, as stakecli's log requires (adr-tools writes both, MADR one)."""
    by_number = {r.number: r for r in records}
    pairs = (("supersedes", "superseded_by"), ("amends", "amended_by"))
    for record in records:
        for forward, backward in pairs:
            for n in list(record.data.get(forward, [])):
                _add(record, n, by_number.get(n), backward)
            for n in list(record.data.get(backward, [])):
                _add(record, n, by_number.get(n), forward)
    for record in records:
        record.data = _ordered(record.data)
        newer = [by_number[n] for n in record.data.get("superseded_by", []) if n in by_number]
        if newer and all(r.data.get("status") in ("proposed", "rejected") for r in newer):
            record.note(
                1,
                "superseded by a decision that is not accepted: kept in force (accepted) until "
                "it is; `stakecli decision status N accepted` then marks it superseded",
            )
            del record.data["superseded_by"]
            if record.data.get("status") == "superseded":
                record.data["status"] = "accepted"
        elif newer:
            record.data["status"] = "superseded"


def _add(source: Record, number: int, other: Record | None, key: str) -> None:
    """Mirror a link of `source` to decision `number` on that decision's record."""
    if other is None:
        source.note(1, f"links to decision {number}, which is not in the folder; link dropped")
        for name in ("supersedes", "superseded_by", "amends", "amended_by"):
            if number in source.data.get(name, []):
                source.data[name].remove(number)
        return
    values = other.data.setdefault(key, [])
    if source.number not in values:
        values.append(source.number)
        other.note(1, f"`{key}: {source.number}` added to mirror decision {source.number}")


def files(records: list[Record], folder: Path) -> Iterator[tuple[Path, Record]]:
    """Target path of each record in the decisions folder."""
    for record in records:
        yield folder / target_name(record), record
