"""Read files at git revisions through git itself (`git show REV:path`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from stakecli.core.errors import StakeError


class GitError(StakeError):
    """git is missing, the folder is not in a repository, or a revision or file is unknown."""


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {' '.join(args)} took longer than 60 s") from None


def toplevel(path: Path) -> Path:
    """The root of the work tree that holds `path`."""
    folder = path.resolve()
    folder = folder if folder.is_dir() else folder.parent
    done = _git(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise GitError(f"{path} is not inside a git repository")
    return Path(done.stdout.decode().strip()).resolve()


def relative(path: Path) -> tuple[Path, str]:
    """(repository root, `path` relative to it in git's `/` form)."""
    root = toplevel(path)
    try:
        rel = path.resolve().relative_to(root)
    except ValueError:
        raise GitError(f"{path} is outside the repository at {root}") from None
    return root, rel.as_posix()


def verify(root: Path, rev: str) -> str:
    """The commit `rev` names; an unknown revision raises GitError."""
    if rev.startswith("-"):
        raise GitError(f"unknown revision {rev!r}")
    done = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    if done.returncode != 0:
        raise GitError(f"unknown revision {rev!r} in {root}")
    return done.stdout.decode().strip()


def show(root: Path, rev: str, rel: str) -> bytes:
    """The bytes of `rel` at `rev`; a file absent at that revision raises GitError."""
    commit = verify(root, rev)
    done = _git(root, "show", f"{commit}:{rel}")
    if done.returncode != 0:
        raise GitError(f"{rel} does not exist at revision {rev!r}")
    return done.stdout


def revisions(root: Path, span: str, rel: str) -> list[tuple[str, str]]:
    """(commit, ISO date) of the commits of `span` that touched `rel`, oldest first.

    `span` is `A..B` (A itself included, as the starting point) or one revision and its history.
    """
    start, dots, end = span.partition("..")
    ends = [verify(root, end or "HEAD")] if dots else [verify(root, span)]
    args = ["log", "--reverse", "--format=%H %cs", *ends]
    if dots and start:
        args.append(f"^{verify(root, start)}")
    done = _git(root, *args, "--", rel)
    if done.returncode != 0:
        raise GitError(f"git log failed for {span!r}: {done.stderr.decode().strip()}")
    found = [tuple(line.split(" ", 1)) for line in done.stdout.decode().splitlines() if line]
    if dots and start:
        first = verify(root, start)
        dated = _git(root, "log", "-1", "--format=%H %cs", first)
        found.insert(0, tuple(dated.stdout.decode().split()))
    return [(c, d) for c, d in found]


def files(root: Path, rev: str, folder: str) -> list[str]:
    """Paths (relative to the root) of the files under `folder` at `rev`."""
    commit = verify(root, rev)
    done = _git(root, "ls-tree", "-r", "--name-only", commit, "--", folder)
    if done.returncode != 0:
        raise GitError(f"cannot list {folder} at revision {rev!r}")
    return [line for line in done.stdout.decode().splitlines() if line]
