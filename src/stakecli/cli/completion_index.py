"""Writes `completion_index.json`: the table Tab completion and `stakecli --help` read.

    python -m stakecli.cli.completion_index          # rewrite the table
    python -m stakecli.cli.completion_index --check  # exit 1 if it is out of date

The table is read from the application Typer builds (every command, its options and
arguments, their choices and completion callbacks), so it cannot disagree with it; a test
fails when a change to the commands leaves it out of date.
"""

import argparse
import json
import sys
from typing import Any

from stakecli.cli.fastcomplete import INDEX, VERSION


def build() -> dict[str, Any]:
    """The command tree as the completion table holds it."""
    from typer.main import get_command

    from stakecli.cli import app

    root = get_command(app)
    return {"version": VERSION, "root": _node(root, _context(root, None))}


def _context(command: Any, parent: Any) -> Any:
    """The context a completion builds for the command (its settings: `-h` as well)."""
    name = "stakecli" if parent is None else command.name
    return command.make_context(name, [], parent=parent, resilient_parsing=True)


def _node(command: Any, ctx: Any) -> dict[str, Any]:
    from typer.core import TyperGroup

    from stakecli.cli._app import DefaultCommandGroup

    group = isinstance(command, TyperGroup)
    node: dict[str, Any] = {
        "group": group,
        "default": getattr(command, "default", None) if group else None,
        "paths": isinstance(command, DefaultCommandGroup),
        "hidden": bool(command.hidden),
        "short": command.get_short_help_str(),
        "help_text": command.help,
        "short_help": command.short_help,
        "deprecated": command.deprecated,
        "panel": _value(getattr(command, "rich_help_panel", None)),
        "params": [_param(p, command, ctx) for p in command.get_params(ctx)],
    }
    if group:
        if type(command).shell_complete not in (TyperGroup.shell_complete,) and not node["paths"]:
            raise SystemExit(f"{command.name}: a group with its own completion; teach the table")
        node["commands"] = {
            name: _node(sub, _context(sub, ctx))
            for name in command.list_commands(ctx)
            if (sub := command.get_command(ctx, name)) is not None
        }
    return node


def _value(setting: Any) -> Any:
    """A Typer setting's value (Typer wraps defaults in a placeholder)."""
    from typer.models import DefaultPlaceholder

    return setting.value if isinstance(setting, DefaultPlaceholder) else setting


def _param(param: Any, command: Any, ctx: Any) -> dict[str, Any]:
    from typer.core import TyperArgument, TyperOption

    if not isinstance(param, TyperOption | TyperArgument):
        raise SystemExit(f"{param.name}: not a Typer parameter; teach the table")
    desc = param.type_descriptor
    choices = desc.choices if desc.is_choice else None
    found: dict[str, Any] = {
        "id": param.name,
        "kind": "option" if isinstance(param, TyperOption) else "argument",
        "opts": list(param.opts),
        "secondary": list(param.secondary_opts),
        "flag": bool(getattr(param, "is_flag", False) or getattr(param, "count", False)),
        "multiple": bool(param.multiple),
        "nargs": param.nargs,
        "hidden": bool(getattr(param, "hidden", False)),
        "help": getattr(param, "help", None),
        "complete": _callback(param),
        "choices": None if choices is None else [_as_str(c) for c in choices],
        "case_sensitive": bool(desc.case_sensitive),
        "file": bool(desc.is_file),
    }
    if param is command.get_help_option(ctx):
        # Click names the help option from a set: the order of its names differs from one
        # process to the next, so the table keeps the configured names and the reader
        # builds the same set (see fastcomplete._help_names).
        found["opts"] = []
        found["help_names"] = list(ctx.help_option_names)
    if found["kind"] == "option" and not found["flag"] and param.nargs != 1:
        raise SystemExit(f"{param.name}: an option of {param.nargs} values; teach the table")
    return found


def _callback(param: Any) -> str | None:
    """The name of the `stakecli.cli.completion` function behind a parameter's completion."""
    custom = param._custom_shell_complete
    if custom is None:
        return None
    for cell in custom.__closure__ or ():
        for value in _unwrapped(cell.cell_contents):
            if getattr(value, "__module__", "") == "stakecli.cli.completion":
                return str(value.__name__)
    raise SystemExit(f"{param.name}: completes with a function outside stakecli.cli.completion")


def _unwrapped(value: Any) -> list[Any]:
    """The function and what it closes over (Typer wraps a callback twice)."""
    found = [value]
    for cell in getattr(value, "__closure__", None) or ():
        found += _unwrapped(cell.cell_contents)
    return found


def _as_str(choice: Any) -> str:
    from typer._param_types import choice_as_str

    return str(choice_as_str(choice))


def text() -> str:
    """The table as the file holds it."""
    return json.dumps(build(), indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    """Rewrite the table, or with --check say whether it is current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the table is stale")
    args = parser.parse_args()
    fresh = text()
    if args.check:
        current = INDEX.read_text(encoding="utf-8") if INDEX.exists() else ""
        if current != fresh:
            sys.stderr.write(f"{INDEX} is stale: run python -m stakecli.cli.completion_index\n")
            sys.exit(1)
        return
    INDEX.write_text(fresh, encoding="utf-8")


if __name__ == "__main__":
    main()
