"""The test suite mirrors the source: one folder per package, one file name per module.

`tests/<package>/test_<module>.py` (or `test_<module>_<aspect>.py`) tests
`src/stakecli/<package>/<module>.py`; `tests/test_<module>.py` tests a top-level module such as
`src/stakecli/pipeline.py`. Tests of the product as a whole (README, packaging, pre-commit, the
examples, fuzzing) live in `tests/product/`, which mirrors no module.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT

TESTS = ROOT / "tests"
SRC = ROOT / "src" / "stakecli"
PRODUCT = "product"
"""The one folder of whole-product tests; its files may have any `test_*.py` name."""
HELPERS = {"__init__.py", "conftest.py", "helpers.py"}
"""The only Python files beside tests: packages, fixtures and a folder's shared builders."""
DATA = {"data", "golden", "__pycache__", "node_modules"}
"""Folders that hold test data, not tests (node_modules: the browser tests' npm packages)."""


def modules(package: Path) -> set[str]:
    """The module names of a source package, a leading underscore dropped (`_app` -> `app`)."""
    return {p.stem.lstrip("_") for p in package.glob("*.py") if p.name != "__init__.py"}


def mirrors(test: Path) -> bool:
    """Whether `tests/<folder>/test_<name>.py` names a module of `src/stakecli/<folder>`."""
    folder = test.parent.relative_to(TESTS)
    if folder.parts == (PRODUCT,):
        return True
    if test.name == "test_tests.py" and folder == Path():
        return True
    package = SRC.joinpath(*folder.parts)
    if not (package / "__init__.py").exists():
        return False
    name = test.stem.removeprefix("test_")
    return any(name == m or name.startswith(f"{m}_") for m in modules(package))


def python_files() -> list[Path]:
    return sorted(
        p for p in TESTS.rglob("*.py") if not DATA.intersection(p.relative_to(TESTS).parts)
    )


def test_every_test_file_mirrors_a_source_module():
    strays = [
        str(p.relative_to(TESTS))
        for p in python_files()
        if p.name.startswith("test_") and not mirrors(p)
    ]
    assert strays == [], (
        "test files must be tests/<package>/test_<module>[_<aspect>].py for a module of "
        "src/stakecli/<package> (or sit in tests/product/)"
    )


def test_only_tests_and_helpers_sit_in_the_test_folders():
    others = [
        str(p.relative_to(TESTS))
        for p in python_files()
        if not p.name.startswith("test_") and p.name not in HELPERS
    ]
    assert others == []


def test_every_test_folder_is_a_package():
    # Packages keep same-named files apart (tests/raci/test_rules.py, tests/comms/test_rules.py).
    folders = {p.parent for p in python_files() if p.parent != TESTS}
    assert [
        str(f.relative_to(TESTS)) for f in sorted(folders) if not (f / "__init__.py").exists()
    ] == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("raci/test_rules.py", True),
        ("raci/test_rules_variants.py", True),
        ("cli/test_app.py", True),
        ("test_pipeline.py", True),
        ("product/test_anything.py", True),
        ("raci/test_nothing.py", False),
        ("analysis/test_raci.py", False),
        ("test_raci.py", False),
        ("raci/test_rulesx.py", False),
    ],
)
def test_the_mirror_rule(path, expected):
    assert mirrors(TESTS / path) is expected
