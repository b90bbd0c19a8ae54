"""Tab completion without building the application: answers from a table, or defers to Typer.

Every Tab press runs stakecli again. Answering through Typer means importing it, building the
invoked command and coercing the words typed so far through pydantic: about twice the cost of
`import typer` (bench/bench_startup.py). The words a user completes need none of that: the
names of commands and options, an option's choices, the values the callbacks of
`stakecli.cli.completion` list. This module answers from `completion_index.json`, a table of
the command tree that `python -m stakecli.cli.completion_index` writes from the application
itself, so it knows every command, option and choice Typer knows.

Exactness is the contract, as for the fast YAML loader: `answer` returns None, and Typer
answers, for every command line it cannot read exactly as Typer's resilient parsing would (an
unknown option, a global option, `--`, `=` forms, an option value starting with `-`) and for
any answer that carries help text in shells that show it (Typer renders that text with rich,
to the terminal's width). `tests/cli/test_fastcomplete.py` compares the two on every command,
option and choice, and on generated command lines. `STAKECLI_COMMAND_TABLE=0` switches the
table off (for Tab and for `stakecli --help`, which lists the commands from it).
"""

import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

INDEX = Path(__file__).with_name("completion_index.json")
VARIABLE = "_STAKECLI_COMPLETE"
VERSION = 1
"""The table's layout; a table of another layout is not read."""

Node = dict[str, Any]
Item = tuple[str, str | None]
"""A completion: the value, and its help text (None when it has none)."""


class Answer:
    """What to print (None: print nothing) and the exit status."""

    __slots__ = ("status", "text")

    def __init__(self, text: str | None, status: int = 0) -> None:
        self.text = text
        self.status = status


def answer(environ: Mapping[str, str]) -> Answer | None:
    """The shell's completions for the command line in `environ`, or None to ask Typer."""
    action, _, shell = environ.get(VARIABLE, "").partition("_")
    if action != "complete":
        return None  # `source_bash` and the like: Typer writes the script
    words = _words(shell, environ)
    if words is None:
        return None
    args, incomplete = words
    root = table()
    if root is None:
        return None
    items = complete(root, args, incomplete)
    if items is None:
        return None
    return _formatted(shell, items, environ)


def _words(shell: str, environ: Mapping[str, str]) -> tuple[list[str], str] | None:
    """The complete words after the program name, and the word being completed.

    Read from the environment each shell's script sets, as Typer's completion classes do.
    """
    if shell == "bash":
        try:
            cwords = _split(environ["COMP_WORDS"])
            cword = int(environ["COMP_CWORD"])
        except (KeyError, ValueError):
            return None
        return cwords[1:cword], cwords[cword] if cword < len(cwords) else ""
    line = environ.get("_TYPER_COMPLETE_ARGS", "")
    cwords = _split(line)
    if shell in ("zsh", "fish"):
        args = cwords[1:]
        if args and not line.endswith(" "):
            return args[:-1], args[-1]
        return args, ""
    if shell in ("powershell", "pwsh"):
        incomplete = environ.get("_TYPER_COMPLETE_WORD_TO_COMPLETE", "")
        return (cwords[1:-1] if incomplete else cwords[1:]), incomplete
    return None


def _split(line: str) -> list[str]:
    """Words as click's `split_arg_string` splits them (shlex, tolerant of an open quote)."""
    import shlex

    lex = shlex.shlex(line, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out: list[str] = []
    try:
        out.extend(lex)
    except ValueError:
        out.append(lex.token)
    return out


def table() -> Node | None:
    """The root of the completion table, or None if it cannot be read or is switched off."""
    if os.environ.get("STAKECLI_COMMAND_TABLE", "1") == "0":
        return None
    try:
        found = json.loads(INDEX.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(found, dict) or found.get("version") != VERSION:
        return None
    root: Node = found["root"]
    _help_names(root)
    return root


def _help_names(node: Node) -> None:
    """Name each help option as click does in this process.

    Click takes the configured names less those other options use, as a set, whose order
    follows the process's string hashes; the same set built here has the same order.
    """
    for param in node["params"]:
        if "help_names" in param:
            names = set(param["help_names"])
            for other in node["params"]:
                names.difference_update(other["opts"])
                names.difference_update(other["secondary"])
            param["opts"] = list(names)
    for sub in node.get("commands", {}).values():
        _help_names(sub)


def complete(root: Node, args: list[str], incomplete: str) -> list[Item] | None:
    """Completions of `incomplete` after `args`, as click's resolution gives them, or None."""
    if incomplete == "=":
        incomplete = ""
    elif "=" in incomplete and incomplete.startswith("-"):
        return None
    if "--" in args or any("=" in word or word == "-" for word in args):
        return None
    if set(args) & set(_names(root)):
        return None  # global options move to the front (hoisting): Typer decides
    found = _resolve(root, args)
    if found is None:
        return None
    node, given = found
    if incomplete.startswith("-"):
        return _command_items(node, given, incomplete)
    params = node["params"]
    if args:
        for param in params:
            if param["kind"] == "option" and not param["flag"] and args[-1] in param["opts"]:
                return _value_items(param, incomplete)
    for param in params:
        if param["kind"] == "argument" and (param["nargs"] == -1 or param["id"] not in given):
            return _value_items(param, incomplete)
    return _command_items(node, given, incomplete)


def _names(node: Node) -> list[str]:
    return [n for p in node["params"] if p["kind"] == "option" for n in p["opts"] + p["secondary"]]


def _resolve(root: Node, args: list[str]) -> tuple[Node, set[str]] | None:
    """The command the words lead to and the parameters they give, or None if unsure."""
    node, words = root, list(args)
    while node["group"]:
        if node["default"] and words and words[0] not in node["commands"]:
            if words[0] in ("-h", "--help"):
                return None
            words = [node["default"], *words]
        if not words:
            return node, set()
        if words[0].startswith("-"):
            return None
        sub = node["commands"].get(words[0])
        if sub is None:
            return node, set()  # an unknown command: click completes at the group
        node, words = sub, words[1:]
    return _parse(node, words)


def _parse(node: Node, words: list[str]) -> tuple[Node, set[str]] | None:
    """The parameters a leaf command's words give (options anywhere, then positionals)."""
    options = {n: p for p in node["params"] if p["kind"] == "option" for n in p["opts"]}
    options.update({n: p for p in node["params"] if p["kind"] == "option" for n in p["secondary"]})
    given: set[str] = set()
    positional = 0
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("-"):
            param = options.get(word)
            if param is None:
                return None
            if not param["flag"]:
                i += 1
                if i == len(words):
                    break  # no value yet: click's resilient parsing leaves it unset
                if words[i].startswith("-"):
                    return None
            given.add(param["id"])
        else:
            positional += 1
        i += 1
    for param in node["params"]:
        if param["kind"] != "argument":
            continue
        if param["nargs"] == -1:
            if positional:
                given.add(param["id"])
            positional = 0
        elif param["nargs"] == 1 and positional:
            given.add(param["id"])
            positional -= 1
        elif param["nargs"] != 1:
            return None
    return node, given


def _command_items(node: Node, given: set[str], incomplete: str) -> list[Item]:
    """A command's own completions: its subcommands, its options, and paths if it says so."""
    items: list[Item] = []
    if node["group"]:
        items += [
            (name, sub["short"])
            for name, sub in node["commands"].items()
            if name.startswith(incomplete) and not sub["hidden"]
        ]
    if incomplete and not incomplete[0].isalnum():
        for param in node["params"]:
            if param["kind"] != "option" or param["hidden"]:
                continue
            if not param["multiple"] and param["id"] in given:
                continue
            items += [
                (name, param["help"])
                for name in param["opts"] + param["secondary"]
                if name.startswith(incomplete)
            ]
    if node.get("paths"):
        from stakecli.cli.completion import complete_paths

        items += [(path, None) for path in complete_paths(incomplete)]
    return items


def _value_items(param: Node, incomplete: str) -> list[Item]:
    """Values of an option or argument: its callback's, its choices, or nothing."""
    if param["complete"]:
        values = _callback(param["complete"])(incomplete)
        return [(v, None) for v in values if v.startswith(incomplete)]
    if param["choices"] is not None:
        if param["case_sensitive"]:
            return [(c, None) for c in param["choices"] if c.startswith(incomplete)]
        low = incomplete.lower()
        return [(c, None) for c in param["choices"] if c.lower().startswith(low)]
    if param["file"]:
        return [(incomplete, None)]
    return []


def _callback(name: str) -> Callable[[str], list[str]]:
    import stakecli.cli.completion as completion

    function: Callable[[str], list[str]] = getattr(completion, name)
    return function


def _formatted(shell: str, items: list[Item], environ: Mapping[str, str]) -> Answer | None:
    """The items as Typer's completion class for `shell` writes them."""
    values = [value for value, _ in items]
    if shell == "bash":
        return Answer("\n".join(values))
    if any(help_ is not None for _, help_ in items):
        return None  # help text goes through rich's rendering: Typer's to write
    if shell == "zsh":
        if not values:
            return Answer("_files")
        quoted = "\n".join(f'"{_zsh_escape(v)}"' for v in values)
        return Answer(f"_arguments '*: :(({quoted}))'")
    if shell == "fish":
        action = environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":
            return Answer(None, 0 if values else 1)
        return Answer("\n".join(values) if action == "get-args" and values else "")
    return Answer("\n".join(f"{v}::: " for v in values))


def _zsh_escape(text: str) -> str:
    return (
        text.replace('"', '""')
        .replace("'", "''")
        .replace("$", "\\$")
        .replace("`", "\\`")
        .replace(":", r"\\:")
    )


def run() -> None:
    """Answer the shell and exit if the table can answer this completion; else return."""
    found = answer(os.environ)
    if found is None:
        return
    if found.text is not None:
        sys.stdout.write(found.text + "\n")
        sys.stdout.flush()
    sys.exit(found.status)
