"""The wheel installs into a fresh environment and works outside the source tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("stakecli-*.whl"))


def test_wheel_ships_the_templates(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {Path(n).name for n in names if n.startswith("stakecli/templates/")}
    expected = {p.name for p in (ROOT / "templates").iterdir() if p.is_file()}
    assert expected <= shipped


def test_installed_wheel_validates_an_example_outside_the_source_tree(wheel, tmp_path):
    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "work"
    shutil.copytree(EXAMPLES / "vendor-renewal", work)
    stakecli = env / "bin" / "stakecli"
    ok = subprocess.run(
        [str(stakecli), "validate", "."], cwd=work, capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    located = subprocess.run(
        [str(python), "-c", "import stakecli.core.rendering as r; print(r.builtin_templates())"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(env) in located.stdout
    assert Path(located.stdout.strip()).is_dir()
