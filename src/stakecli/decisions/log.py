"""The decision log on disk: the next number, a new record, and superseding an old one."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

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
    """Write the next numbered decision; never overwrites. With `supersedes`, link both ways."""
    if not title.strip():
        raise UsageError("a decision needs a title")
    folder = folder_for(base)
    existing = numbered(folder)
    old = existing.get(supersedes) if supersedes is not None else None
    if supersedes is not None and old is None:
        raise UsageError(f"no decision {supersedes} in {folder} to supersede")
    number = max(existing, default=0) + 1
    target = folder / f"{number:04d}-{slug(title)}.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".new-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(record(number, title.strip(), today, supersedes))
        try:
            os.link(tmp, target)  # atomic, and fails instead of replacing an existing file
        except FileExistsError:
            raise UsageError(f"{target} already exists; not overwritten") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    if old is not None:
        mark_superseded(old, number)
    return target


def mark_superseded(path: Path, by: int) -> None:
    """Set `status: superseded` and `superseded_by` in place, keeping comments and order."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    data: Any = yaml.load(path.read_text("utf-8"))
    if not hasattr(data, "insert"):  # a CommentedMap: the round-trip mapping
        raise UsageError(f"{path} is not a decision record")
    data["status"] = "superseded"
    if "superseded_by" in data:
        data["superseded_by"] = by
    else:
        keys = list(data)
        at = keys.index("status") + 1 if "status" in keys else len(keys)
        data.insert(at, "superseded_by", by)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
        Path(tmp).replace(path)
    finally:
        Path(tmp).unlink(missing_ok=True)
