"""The README works as typed: its set-up lines, then every tour command, in a fresh shell.

The set-up is the ```sh block of "Quick start": each line runs in the clone, in a bash with
a clean environment (no virtualenv active, PATH=/usr/bin:/bin), as a reader pastes it.
`make demo` itself is not re-run here: `make test` builds the same `.venv` before pytest.
A ```console block holds `$ command` lines, each followed by the output it prints. A command
that should fail ends with `# exit N`; output that ends with a `...` line shows only the
first lines of what the command prints. Each command runs, as written, in a new shell that
ran the set-up lines, in a scratch folder holding a copy of `examples/`, one after the
other, so that a block can build on the one before.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```console\n(.*?)```", re.S)
SETUP = re.compile(r"## Quick start\n.*?```sh\n(.*?)```", re.S)
EXIT = re.compile(r"\s+# exit (\d+)$")
CLEAN = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC", "NO_COLOR": "1"}


def setup_lines() -> list[str]:
    """The set-up commands of Quick start, comments dropped."""
    match = SETUP.search(README)
    assert match, "README's Quick start has a ```sh block of set-up lines"
    lines = [line.split("  #")[0].strip() for line in match.group(1).splitlines()]
    return [line for line in lines if line]


def readme_commands() -> list[tuple[str, int, str]]:
    """(command as written, expected exit code, expected stdout) for every `$` line."""
    out: list[tuple[str, int, str]] = []
    for block in BLOCK.findall(README):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            match = EXIT.search(command)
            code = int(match.group(1)) if match else 0
            out.append((command, code, output))
    return out


def shell(script: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """`script` in a new non-interactive bash that inherits nothing from this process."""
    env = {**CLEAN, "HOME": str(home), "COLUMNS": "100"}
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", folder / "examples")
    return folder


def prelude(scratch: Path) -> str:
    """The set-up lines run in the clone, then a move to the scratch folder."""
    steps = [line for line in setup_lines() if not line.startswith("make ")]
    return " && ".join([f"cd {ROOT}", *steps, f"cd {scratch}"])


def test_setup_is_make_demo_then_a_line_that_puts_stakecli_on_path(tmp_path):
    lines = setup_lines()
    assert lines[0] == "make demo"
    bare = shell("stakecli --version", ROOT, tmp_path)
    assert bare.returncode == 127  # a fresh shell does not know stakecli...
    ready = shell(prelude(tmp_path) + " && stakecli --version", ROOT, tmp_path)
    assert ready.returncode == 0, ready.stderr  # ...until the set-up lines ran
    assert ready.stdout.startswith("stakecli ")


@pytest.mark.parametrize(
    ("command", "code", "expected"), readme_commands(), ids=[c for c, _, _ in readme_commands()]
)
def test_readme_command_works_as_typed(scratch, command, code, expected):
    assert command.startswith("stakecli "), "README console blocks show stakecli commands only"
    result = shell(f"{prelude(scratch)} && {command}", scratch, scratch)
    assert result.returncode == code, result.stdout + result.stderr
    if expected.endswith("...\n"):
        assert result.stdout.startswith(expected.removesuffix("...\n"))
        assert len(result.stdout) > len(expected) - 4
    else:
        assert result.stdout == expected
