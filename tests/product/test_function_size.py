"""Views and commands stay short enough to read at a glance.

A view module builds what a document, a chart or a terminal table shows (`views.py`,
`text.py`, `record_text.py`, `documents.py`, `records.py`, `chart.py` in any package): none
of its functions is longer than `VIEW_LINES`, signature included. A longer one is split into
helpers named for the part each builds (a table, a section, a row), and the function lists
the parts.

A command's body parses its options, calls one library function and prints: the lines of
its statements, after the signature and without the docstring and the imports (a command
imports lazily, for start-up), are at most `COMMAND_LINES`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "stakecli"
VIEW_MODULES = {"views", "text", "record_text", "documents", "records", "chart"}
VIEW_LINES = 40
COMMAND_LINES = 15


def functions(path: Path) -> Iterator[ast.FunctionDef]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef):
            yield node


def is_command(function: ast.FunctionDef) -> bool:
    """Registered with `@<app or group>.command(...)`."""
    return any(
        isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "command"
        for d in function.decorator_list
    )


def length(function: ast.FunctionDef) -> int:
    assert function.end_lineno is not None
    return function.end_lineno - function.lineno + 1


def body_lines(function: ast.FunctionDef) -> int:
    """Lines of the body's statements other than the docstring and the imports."""
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    lines: set[int] = set()
    for statement in body:
        if not isinstance(statement, ast.Import | ast.ImportFrom):
            assert statement.end_lineno is not None
            lines.update(range(statement.lineno, statement.end_lineno + 1))
    return len(lines)


def name(path: Path, function: ast.FunctionDef) -> str:
    return f"{path.relative_to(PACKAGE)}:{function.name}"


def test_no_view_function_is_longer_than_the_budget():
    views = [p for p in PACKAGE.rglob("*.py") if p.stem in VIEW_MODULES]
    assert len(views) >= 10  # the budget covers every domain's views, not a misspelt glob
    long = {name(p, f): length(f) for p in views for f in functions(p) if length(f) > VIEW_LINES}
    assert long == {}, f"split these into helpers that say what they build (max {VIEW_LINES})"


def test_command_bodies_parse_options_call_the_library_and_print():
    commands = [(p, f) for p in (PACKAGE / "cli").glob("*.py") for f in functions(p)]
    commands = [(p, f) for p, f in commands if is_command(f)]
    assert len(commands) >= 20
    long = {name(p, f): body_lines(f) for p, f in commands if body_lines(f) > COMMAND_LINES}
    assert long == {}, f"move the work into the library or named helpers (max {COMMAND_LINES})"


def test_the_measures_count_what_they_say():
    source = '''
@group.command("x")
def command(
    path: Path = Path(),
) -> None:
    """Docstring.

    More.
    """
    from stakecli import pipeline

    found = pipeline.one(
        path, "raci"
    )
    print(found)
'''
    (function,) = (f for f in ast.walk(ast.parse(source)) if isinstance(f, ast.FunctionDef))
    assert is_command(function)
    assert length(function) == 13
    assert body_lines(function) == 4
