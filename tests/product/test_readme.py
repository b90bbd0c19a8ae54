"""Every command the README shows works as shown: same exit code, same output.

A ```console block holds `$ command` lines, each followed by the output it prints. A command
that should fail ends with `# exit N`; output that ends with a `...` line shows only the
first lines of what the command prints. Commands run in a scratch folder holding a copy of
`examples/`, one after the other, so that a block can build on the one before.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

BLOCK = re.compile(r"```console\n(.*?)```", re.S)
EXIT = re.compile(r"\s+# exit (\d+)$")


def readme_commands() -> list[tuple[str, int, str]]:
    """(command, expected exit code, expected stdout) for every `$` line of the README."""
    out: list[tuple[str, int, str]] = []
    for block in BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8")):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            match = EXIT.search(command)
            code = int(match.group(1)) if match else 0
            out.append((EXIT.sub("", command), code, output))
    return out


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", folder / "examples")
    return folder


@pytest.mark.parametrize(
    ("command", "code", "expected"), readme_commands(), ids=[c for c, _, _ in readme_commands()]
)
def test_readme_command_works_as_shown(scratch, command, code, expected):
    argv = shlex.split(command)
    assert argv[0] == "stakecli", "README console blocks show stakecli commands only"
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TZ": "UTC"}
    result = subprocess.run(
        [sys.executable, "-m", "stakecli", *argv[1:]],
        cwd=scratch,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == code, result.stdout + result.stderr
    if expected.endswith("...\n"):
        assert result.stdout.startswith(expected.removesuffix("...\n"))
        assert len(result.stdout) > len(expected) - 4
    else:
        assert result.stdout == expected
