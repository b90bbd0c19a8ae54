"""Tab completion from the table gives what Typer gives, or leaves the answer to Typer."""

import functools
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stakecli.cli import completion_index, fastcomplete

ROOT = Path(__file__).resolve().parents[2]
INDEX = fastcomplete.table()
assert INDEX is not None
SHELLS = ("bash", "zsh", "fish", "powershell")


@pytest.fixture(autouse=True)
def folder(tmp_path, monkeypatch):
    """A working folder with files and folders to complete paths from."""
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "stakeholders.yaml").write_text("kind: stakeholders\n")
    (tmp_path / "exports.csv").write_text("id\n")
    (tmp_path / ".hidden").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def environ(shell: str, args: list[str], incomplete: str, fish: str = "get-args") -> dict[str, str]:
    """The environment the completion script of `shell` sets for `stakecli ARGS INCOMPLETE`."""
    words = ["stakecli", *args]
    env = {"_STAKECLI_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        line = " ".join([*words, incomplete]) if incomplete else " ".join(words) + " "
        env |= {"COMP_WORDS": line, "COMP_CWORD": str(len(words))}
    elif shell == "powershell":
        env |= {
            "_TYPER_COMPLETE_ARGS": " ".join([*words, incomplete]),
            "_TYPER_COMPLETE_WORD_TO_COMPLETE": incomplete,
        }
    else:
        env["_TYPER_COMPLETE_ARGS"] = (
            " ".join([*words, incomplete]) if incomplete else (" ".join(words) + " ")
        )
        if shell == "fish":
            env["_TYPER_COMPLETE_FISH_ACTION"] = fish
    return env


@functools.cache
def typer_root() -> Any:
    """The application's click command, as Typer builds it for a completion."""
    from typer._completion_classes import completion_init
    from typer.main import get_command

    from stakecli.cli import app

    completion_init()
    return get_command(app)


def typer_answer(env: dict[str, str], monkeypatch) -> tuple[str | None, int]:
    """What Typer prints and its exit status for the same completion."""
    from typer._click.shell_completion import get_completion_class

    root = typer_root()
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    shell = env["_STAKECLI_COMPLETE"].partition("_")[2]
    cls = get_completion_class(shell)
    assert cls is not None
    comp = cls(root, {}, "stakecli", "_STAKECLI_COMPLETE")
    try:
        return comp.complete(), 0
    except SystemExit as exc:  # fish's is-args answers with the exit status alone
        return None, int(exc.code or 0)
    finally:
        for key in env:
            monkeypatch.delenv(key)


def check(shell: str, args: list[str], incomplete: str, monkeypatch, fish: str = "get-args"):
    """The table's answer, asserted equal to Typer's when it gives one."""
    env = environ(shell, args, incomplete, fish)
    fast = fastcomplete.answer(env)
    if fast is not None:
        assert (fast.text, fast.status) == typer_answer(env, monkeypatch), (shell, args, incomplete)
    return fast


def paths(node: dict[str, Any], words: list[str]) -> list[tuple[list[str], dict[str, Any]]]:
    found = [(words, node)]
    for name, sub in node.get("commands", {}).items():
        found += paths(sub, [*words, name])
    return found


COMMANDS = paths(INDEX, [])


def cases() -> list[tuple[list[str], str]]:
    """Command lines for every command, option, choice and callback of the table."""
    found: list[tuple[list[str], str]] = []
    for words, node in COMMANDS:
        starts = {"", "-", "--", "--c", "-f", "x", "e", "ex", "--nothing"}
        starts |= {name[:2] for name in node.get("commands", {})}
        for param in node["params"]:
            starts |= {name[:3] for name in param["opts"] + param["secondary"]}
            if param["kind"] == "option" and not param["flag"]:
                values = {"", "zz", *(c[:1] for c in param["choices"] or ())}
                found += [([*words, param["opts"][-1]], v) for v in sorted(values)]
                found.append(([*words, param["opts"][0], "value"], "--"))
            elif param["kind"] == "option":
                found.append(([*words, param["opts"][0]], "--"))
                found.append(([*words, param["opts"][0]], ""))
        found += [(words, start) for start in sorted(starts)]
        found += [([*words, "examples/"], ""), ([*words, "examples/"], "--")]
        found.append(([*words, "a", "b"], ""))
    return found


CASES = cases()


@pytest.mark.parametrize("shell", SHELLS)
def test_the_table_answers_as_typer_does_for_every_command_option_and_choice(shell, monkeypatch):
    answered = [case for case in CASES if check(shell, *case, monkeypatch) is not None]
    if shell == "bash":  # bash shows no help text: the table answers nearly everything
        assert len(answered) >= 0.9 * len(CASES)
    else:  # other shells show help, which Typer renders: the table answers values only
        assert len(answered) >= 0.3 * len(CASES)


def test_fish_asks_whether_there_are_arguments_with_the_exit_status(monkeypatch):
    have = check("fish", ["schema"], "", monkeypatch, fish="is-args")
    assert have is not None
    assert (have.text, have.status) == (None, 0)
    none = check("fish", ["validate", "--config"], "", monkeypatch, fish="is-args")
    assert none is not None
    assert (none.text, none.status) == (None, 1)


def test_common_presses_are_answered_with_what_the_user_sees(monkeypatch):
    def bash(*words: str) -> list[str]:
        *args, incomplete = words
        found = check("bash", list(args), incomplete, monkeypatch)
        assert found is not None
        assert found.text is not None
        return found.text.split("\n")

    assert bash("val") == ["validate"]
    assert bash("validate", "--fo") == ["--format"]
    assert bash("validate", "--format", "") == ["text", "json", "github", "sarif"]
    assert bash("render", "--audience", "ex") == ["external"]
    assert bash("schema", "ra") == ["raci"]
    assert bash("init", "--with", "raci,ne") == ["raci,negotiation"]
    assert bash("stakeholders", "ex") == ["export", "examples/", "exports.csv"]
    assert bash("stakeholders", "examples/", "--so") == ["--sort"]
    assert bash("negotiation", "de") == ["debrief"]
    assert "--strict" not in bash("validate", "--strict", "--")  # given once already


@pytest.mark.parametrize(
    ("args", "incomplete"),
    [
        (["--color", "never", "validate"], "--"),  # a global option: Typer hoists it
        (["validate", "--", "x"], ""),
        (["validate", "--format=json"], ""),
        (["validate", "--unknown"], ""),
        (["validate"], "--format=j"),
        (["stakeholders", "--help"], ""),
    ],
)
def test_what_the_table_cannot_read_exactly_is_left_to_typer(args, incomplete):
    assert fastcomplete.answer(environ("bash", args, incomplete)) is None


def test_switched_off_and_non_completion_instructions_are_left_to_typer(monkeypatch):
    env = environ("bash", ["validate"], "--fo")
    assert fastcomplete.answer({**env, "_STAKECLI_COMPLETE": "source_bash"}) is None
    assert fastcomplete.answer({**env, "_STAKECLI_COMPLETE": "complete_tcsh"}) is None
    monkeypatch.setenv("STAKECLI_COMMAND_TABLE", "0")
    assert fastcomplete.answer({**env, "_STAKECLI_COMPLETE": "source_bash"}) is None
    assert fastcomplete.answer({**env, "_STAKECLI_COMPLETE": "complete_tcsh"}) is None


VOCABULARY = sorted(
    {name for words, _ in COMMANDS for name in words}
    | {n for _, node in COMMANDS for p in node["params"] for n in p["opts"] + p["secondary"]}
    | {c for _, node in COMMANDS for p in node["params"] for c in p["choices"] or ()}
    | {"examples/", "x", "-", "--", "=", "--format=json", "'a b", '"'}
)


def own_words(node: dict[str, Any]) -> list[str]:
    """Words a command line of this command is made of: its options, choices, paths."""
    words = {"examples/", "x", "exports.csv"}
    for param in node["params"]:
        words |= set(param["opts"] + param["secondary"]) | set(param["choices"] or ())
    return sorted(words | set(node.get("commands", {})))


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    shell=st.sampled_from(SHELLS),
    line=st.one_of(
        st.lists(st.sampled_from(VOCABULARY), max_size=5),  # anything, in any order
        st.sampled_from(COMMANDS).flatmap(  # a command, then words it knows
            lambda found: st.lists(st.sampled_from(own_words(found[1])), max_size=4).map(
                lambda tail: [*found[0], *tail]
            )
        ),
    ),
    incomplete=st.sampled_from(["", "-", "--", "e", "x", "--f", "=", "ra", "ex"]),
)
def test_on_generated_command_lines_the_table_agrees_with_typer_or_defers(
    shell, line, incomplete, monkeypatch
):
    check(shell, line, incomplete, monkeypatch)


def test_the_table_is_up_to_date_with_the_commands():
    current = fastcomplete.INDEX.read_text(encoding="utf-8")
    assert current == completion_index.text(), (
        "run `python -m stakecli.cli.completion_index` after changing commands or options"
    )


def test_a_tab_press_answers_without_importing_typer(folder):
    probe = (
        "import sys\n"
        "from stakecli.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "sys.stderr.write('TYPER ' + str('typer' in sys.modules) + ' ' + str(code))\n"
    )
    env = {**os.environ, **environ("bash", ["validate"], "--fo")}
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert proc.stdout == "--format\n"
    assert proc.stderr.endswith("TYPER False 0")
    slow = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**env, "STAKECLI_COMMAND_TABLE": "0"},
        check=False,
    )
    assert slow.stdout == "--format\n"
    assert slow.stderr.endswith("TYPER True 0")
