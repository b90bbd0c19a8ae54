"""The repository's pre-commit hook, run by pre-commit itself against a sample repository.

Offline: pre-commit clones this repository from a local path, and installs it into the hook's
virtualenv with `PIP_NO_INDEX` and `PIP_FIND_LINKS` pointing at `.venv/wheelhouse` (built by
`make wheelhouse`, a prerequisite of `make test`): the build backend and every dependency.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
REGISTER = """\
kind: stakeholders
version: 1
stakeholders:
  - {id: ann, name: Ann, side: internal, power: 4, legitimacy: 4, urgency: 3, interest: 4}
  - {id: ben, name: Ben, side: internal, power: 3, legitimacy: 4, urgency: 3, interest: 4}
"""
GOOD = """\
kind: raci
version: 1
rows:
  - {id: launch, name: Launch, assign: {ann: A, ben: R}}
  - {id: review, name: Review, assign: {ann: AR, ben: I}}
"""

pytestmark = pytest.mark.slow


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def snapshot(dest: Path) -> str:
    """This repository's working tree as a one-commit repository; returns the commit sha."""
    listed = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "snapshot")
    return git(dest, "rev-parse", "HEAD")


def test_hook_fails_on_a_bad_file_and_passes_on_a_good_one(tmp_path):
    if not WHEELHOUSE.is_dir():
        pytest.skip("no .venv/wheelhouse: run `make wheelhouse` (make test does)")
    hook_repo, sample = tmp_path / "stakecli", tmp_path / "sample"
    hook_repo.mkdir()
    sample.mkdir()
    sha = snapshot(hook_repo)
    git(sample, "init", "-q")
    (sample / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {sha}\n"
        "    hooks:\n      - id: stakecli-validate\n"
    )
    (sample / "stakeholders.yaml").write_text(REGISTER)
    (sample / "raci.yaml").write_text(GOOD)
    git(sample, "add", "-A")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(WHEELHOUSE),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]

    good = subprocess.run(command, cwd=sample, env=env, capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "stakecli validate" in good.stdout
    assert "Passed" in good.stdout

    (sample / "raci.yaml").write_text(GOOD.replace("ben: R", "ben: A"))
    git(sample, "add", "-A")
    bad = subprocess.run(command, cwd=sample, env=env, capture_output=True, text=True)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "raci.yaml:4:" in bad.stdout
    assert "error [raci.one-accountable] 'Launch' has 2 accountable (ann, ben)" in bad.stdout
