"""The decision log on disk: the next number, a new record, and line-exact edits of old ones."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path

from stakecli.core.errors import UsageError

NUMBERED = re.compile(r"^(\d{4})-.*\.ya?ml$")


def folder_for(base: Path) -> Path:
    """`base/decisions`, or `base` itself when it is already a `decisions` folder."""
    return base if base.name == "decisions" else base / "decisions"


def numbered(folder: Path) -> dict[int, Path]:
    """The decision files of a folder by the number in their name."""
    found: dict[int, Path] = {}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        match = NUMBERED.match(path.name)
        if match:
            found.setdefault(int(match[1]), path)
    return found


def slug(title: str) -> str:
    """`Phased rollout, v2!` -> `phased-rollout-v2` (at most 50 characters)."""
    text = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return text[:50].rstrip("-") or "decision"


def record(number: int, title: str, today: dt.date, supersedes: int | None) -> str:
    """The YAML of a new proposed decision (valid as written; fill in the rest)."""
    link = f"supersedes: [{supersedes}]\n" if supersedes else ""
    return (
        "kind: decision\n"
        "version: 1\n"
        f"number: {number}\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\n"
        "status: proposed  # proposed | accepted | rejected | deprecated | superseded\n"
        f"date: {today.isoformat()}\n"
        "# review_by: YYYY-MM-DD\n"
        "# decision_type: one-way | two-way\n"
        "deciders: []  # register ids of who decides\n"
        "consulted: []\n"
        "informed: []\n"
        f"{link}"
        "context: |\n"
        "  What is the problem, and why does it need a decision now?\n"
        "drivers: []\n"
        "options: []  # - {name: ..., pros: [...], cons: [...]}\n"
        "# outcome: {chosen: <an option name>, rationale: ...}\n"
    )


def create(base: Path, title: str, today: dt.date, supersedes: int | None = None) -> Path:
    """Write the next numbered decision; never overwrites.

    With `supersedes`, the new record says `supersedes: [N]`; the old one stays in force until
    the new one is accepted (`stakecli decision status`, see `lifecycle.set_status`).
    """
    if not title.strip():
        raise UsageError("a decision needs a title")
    try:
        title.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError("the title is not valid UTF-8 text; retype it") from None
    folder = folder_for(base)
    from stakecli.core.publishing import new_file_mode, refuse_unsafe

    refuse_unsafe(folder / "x.yaml", base if folder != base else folder.parent)
    existing = numbered(folder)
    if supersedes is not None and supersedes not in existing:
        raise UsageError(f"no decision {supersedes} in {folder} to supersede")
    if supersedes is not None:
        by = superseded_by(existing[supersedes])
        if by is not None:
            raise UsageError(
                f"decision {supersedes} ({existing[supersedes]}) is already superseded by {by}; "
                "nothing was written (supersede the newer record instead)"
            )
    number = max(existing, default=0) + 1
    target = folder / f"{number:04d}-{slug(title)}.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".new-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(record(number, title.strip(), today, supersedes))
            os.fchmod(handle.fileno(), new_file_mode())  # mkstemp makes 0600
        try:
            os.link(tmp, target)  # atomic, and fails instead of replacing an existing file
        except FileExistsError:
            raise UsageError(f"{target} already exists; not overwritten") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return target


def superseded_by(path: Path) -> str | None:
    """Which record supersedes the one at `path` (`decision 3`), None if none does."""
    from stakecli.core.loading import Document, load

    doc = load(path)
    data = doc.data if isinstance(doc, Document) else None
    if not isinstance(data, dict):
        raise UsageError(f"{path} is not a decision record")
    by = data.get("superseded_by")
    if by is not None and by != []:
        return f"decision {numbers_text(by if isinstance(by, list) else [by])}"
    if data.get("status") == "superseded":
        return "another decision (its status is `superseded`)"
    return None


TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+|(?=\r?$))")
"""A top-level key and its colon, with the spaces after it (the value starts at the end)."""


def edit(text: str, changes: dict[str, str], after: str = "status") -> str:
    """Set top-level `key: value` lines of a YAML text, keeping every byte outside the values.

    A key that exists has its value replaced and nothing else: the spacing around its colon,
    any spaces after the value, an inline comment and the line's ending stay as they were (a
    value over several lines becomes one line, its first line's comment kept). A missing key
    is inserted after the value of `after`, ending as the file's lines end. Values are YAML.
    """
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    for key, value in changes.items():
        spans = _spans(lines)
        if key in spans:
            start, end = spans[key]
            lines[start:end] = [_replaced(lines[start], value)]
        else:
            at = spans[after][1] if after in spans else len(lines)
            if at and not lines[at - 1].endswith("\n"):
                lines[at - 1] += newline
            lines.insert(at, f"{key}: {value}{newline}")
    return "".join(lines)


def _replaced(line: str, value: str) -> str:
    """`line` (a top-level `key: value` line) with only its value replaced by `value`."""
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    head = TOP_KEY.match(body)
    assert head is not None  # `_spans` found the key by this pattern
    comment = _comment(body)
    start = head.end()
    if start > len(body) - len(comment) or start == len(body):
        start = body.index(":", len(head[1])) + 1  # no value: `key:`, `key:  # comment`
    prefix = body[:start]
    prefix += "" if prefix.endswith((" ", "\t")) else " "
    old = body[start : len(body) - len(comment)]
    spaces = old[len(old.rstrip(" \t")) :]
    return f"{prefix}{value}{spaces}{comment}{ending}"


def _spans(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Top-level key -> (first line, line after its value), comments between keys excluded."""
    starts = [(i, m[1]) for i, line in enumerate(lines) if (m := TOP_KEY.match(line))]
    spans: dict[str, tuple[int, int]] = {}
    for n, (i, key) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        while end > i + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        spans.setdefault(key, (i, end))
    return spans


def _comment(line: str) -> str:
    """The `  # ...` at the end of a one-line value (not a `#` inside quotes)."""
    body = line.rstrip("\n")
    quote = ""
    for i, ch in enumerate(body):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and i and body[i - 1] in " \t":
            j = i
            while j and body[j - 1] in " \t":
                j -= 1
            return body[j:]
    return ""


def numbers_text(numbers: list[int]) -> str:
    """`3` for one number, `[3, 5]` for several (the way people write them)."""
    return str(numbers[0]) if len(numbers) == 1 else "[" + ", ".join(map(str, numbers)) + "]"


def write_text(path: Path, text: str) -> None:
    """Replace a file atomically."""
    from stakecli.core.publishing import refuse_unsafe

    refuse_unsafe(path)  # never through a link
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            os.fchmod(handle.fileno(), mode)  # keep the record's mode (mkstemp makes 0600)
        Path(tmp).replace(path)
    finally:
        Path(tmp).unlink(missing_ok=True)
