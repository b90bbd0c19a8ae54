"""Shared fixtures: run the CLI in-process, write files, compare golden output."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stakecli.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
DATA = Path(__file__).resolve().parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden files.")


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


Run = Callable[..., Result]


@pytest.fixture
def run() -> Run:
    """Invoke stakecli in-process: run("validate", "x.yaml") -> Result.

    Tables are laid out for `COLUMNS` (a wide 200 unless a test sets it: tests/cli/
    test_tables.py checks the narrow widths), as in a pipe.
    """

    def invoke(*args: str | Path, input: str | None = None) -> Result:
        runner = CliRunner(env={"COLUMNS": os.environ.get("COLUMNS", "200")})
        result = runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """write("sub/file.yaml", yaml_text) -> path, with the text dedented."""

    def make(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return make


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """golden("name.md", text): compare with tests/golden/name.md (--update-golden rewrites)."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"missing golden file {path}; run `make golden`"
        assert text == path.read_text(encoding="utf-8")

    return check
