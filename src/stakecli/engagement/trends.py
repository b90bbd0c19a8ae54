"""Stakeholders over a range of git revisions, with the sentiment of each revision's logs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath

from stakecli.core import gitrev
from stakecli.engagement.model import Interaction, InteractionLog
from stakecli.engagement.rules import latest_moods
from stakecli.stakeholders import attention
from stakecli.stakeholders.history import History, build
from stakecli.stakeholders.model import Register

ReadRegister = Callable[[bytes, str, str], Register]
"""(bytes, path in the repository, label for findings) -> the checked register."""


def logs_at(root: Path, commit: str, folder: str) -> list[Interaction]:
    """The interactions of every interaction log under `folder` at `commit`.

    Files that do not parse at that revision are left out: `validate` reports them on the
    working tree.
    """
    from pydantic import ValidationError

    from stakecli.core.loading import Document, parse

    found: list[Interaction] = []
    for rel in gitrev.files(root, commit, folder):
        if PurePosixPath(rel).suffix not in (".yaml", ".yml"):
            continue
        raw = gitrev.show(root, commit, rel)
        if b"interactions" not in raw:
            continue
        doc = parse(raw, Path(rel))
        if not isinstance(doc, Document) or not isinstance(doc.data, dict):
            continue
        if doc.data.get("kind") != "interactions":
            continue
        try:
            found += InteractionLog.model_validate(doc.data).interactions
        except ValidationError:
            continue
    return found


def history(file: Path, span: str, settings: attention.Settings, read: ReadRegister) -> History:
    """The register at `file` at each revision of `span` that touched its folder.

    `read` checks a register read from git (the pipeline's `register_at`); its errors stop.
    """
    root, rel = gitrev.relative(file)
    folder = PurePosixPath(rel).parent.as_posix()
    points = []
    for commit, date in gitrev.revisions(root, span, folder):
        try:
            raw = gitrev.show(root, commit, rel)
        except gitrev.GitError:
            continue  # the register did not exist yet
        register = read(raw, rel, f"{commit[:7]}:{rel}")
        moods = {k: m.value for k, (_, m) in latest_moods(logs_at(root, commit, folder)).items()}
        points.append((commit, date, attention.rank(register.stakeholders, settings), moods))
    return build(points)
