"""The hostile suite: generated attacks on every kind and every command, each run as a real
process under a time and memory cap. None may print a traceback or an internal error; each
ends with exit 0, 1 or 2 within its cap.

The quick profile runs in `make test`; `STAKECLI_HOSTILE=long` adds the larger inputs.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLES

LONG = os.environ.get("STAKECLI_HOSTILE") == "long"
SECONDS = 60 if LONG else 30
MEMORY = 1024**3
KINDS = ("stakeholders", "negotiation", "raci", "charter", "scorecard", "decision", "comms")
CANARY = "Quokka-canary-91"


def head(kind: str) -> str:
    return f"kind: {kind}\nversion: 1\n"


def yaml_bomb(kind: str) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return "\n".join(lines) + f"\n{head(kind)}"


def deep(kind: str) -> str:
    return head(kind) + "title: " + "[" * 5000 + "]" * 5000 + "\n"


def many_keys(kind: str) -> str:
    n = 100_000 if LONG else 5_000
    return head(kind) + "".join(f"k{i}: {i}\n" for i in range(n))


def huge_value(kind: str) -> str:
    return head(kind) + "title: " + "x" * (9 * 1024 * 1024 if LONG else 2 * 1024 * 1024) + "\n"


def binary(kind: str) -> str:
    return head(kind) + "title: \x00\x01\x02\udcff\n"


def anchors_cycle(kind: str) -> str:
    return head(kind) + "title: &t [*t]\n"


def tags(kind: str) -> str:
    return head(kind) + "title: !!python/object/apply:os.system ['echo pwned']\n"


def big_ints(kind: str) -> str:
    return head(kind) + "title: x\nnumber: " + "9" * 5000 + "\n"


ATTACKS: dict[str, Callable[[str], str]] = {
    "alias bomb": yaml_bomb,
    "deep nesting": deep,
    "many keys": many_keys,
    "huge value": huge_value,
    "binary": binary,
    "alias cycle": anchors_cycle,
    "python tag": tags,
    "huge integer": big_ints,
}

COMMANDS: list[list[str]] = [
    ["validate"],
    ["validate", "--format", "json"],
    ["validate", "--format", "sarif"],
    ["render", "--audience", "all", "-o", "{out}"],
    ["render", "--audience", "external", "-o", "{out}"],
    ["stakeholders"],
    ["negotiation"],
    ["frontier"],
    ["raci"],
]


def limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (SECONDS, SECONDS + 5))


def stakecli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stakecli", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=SECONDS * 2,
        preexec_fn=limited,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def assert_clean(result: subprocess.CompletedProcess[str], what: str) -> None:
    assert result.returncode in (0, 1, 2), f"{what}: exit {result.returncode}: {result.stderr}"
    for text in (result.stdout, result.stderr):
        assert "Traceback" not in text, f"{what}: {text[-500:]}"
        assert "internal error" not in text, f"{what}: {text[-500:]}"


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_every_command_survives_a_hostile_file_of_every_kind(tmp_path, attack):
    folder = tmp_path / "p"
    folder.mkdir()
    for kind in KINDS:
        text = ATTACKS[attack](kind)
        (folder / f"{kind}.yaml").write_bytes(text.encode("utf-8", "surrogateescape"))
    targets = [folder / f"{kind}.yaml" for kind in KINDS] if LONG else [folder]
    for target in targets:
        for command in COMMANDS if LONG else COMMANDS[:1] + COMMANDS[3:4]:
            args = [a.replace("{out}", str(tmp_path / "out")) for a in command]
            assert_clean(stakecli(*args, target, cwd=tmp_path), f"{attack} {target} {command}")


TEMPLATE_PAYLOADS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.system('echo pwned') }}",
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "{{ 9 ** (9 ** 9) }}",
    "{{ 'a' * 10 ** 9 }}",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "{{ 10 ** 5000 }}",
    "{% include '../stakeholders.yaml' %}",
    "{% include '/etc/passwd' %}",
    "{{ decision.notes }}{{ decision.notes * 2 }}",
    "{{ decision|tojson }}",
]


@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS)
def test_template_payloads_are_clean_template_errors(tmp_path, payload):
    project = tmp_path / "p"
    import shutil

    shutil.copytree(EXAMPLES / "conflicting-kpis", project)
    (project / "templates").mkdir()
    for name in ("decision.md.j2", "decision-notice.md.j2"):
        (project / "templates" / name).write_text(payload + "\n")
    for audience in ("internal", "external") if LONG else ("all",):
        out = tmp_path / "o"
        result = stakecli("render", project, "--audience", audience, "-o", out, cwd=tmp_path)
        assert_clean(result, f"{payload} {audience}")
        assert "pwned" not in result.stdout + result.stderr
        assert "root:" not in result.stdout + result.stderr


def test_symlinked_targets_are_never_written_through(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n")
    out = tmp_path / "out"
    out.mkdir()
    for name in (
        "stakeholders.stakeholder-list.md",
        "stakeholders.stakeholder-map.internal.md",
        "raci.raci-chart.internal.md",
    ):
        (out / name).symlink_to(victim)
    for force in ((), ("--force",)):
        result = stakecli(
            "render", EXAMPLES / "partnership", "--audience", "all", "-o", out, *force, cwd=tmp_path
        )
        assert_clean(result, f"render {force}")
    target = tmp_path / "init"
    target.mkdir()
    (target / "stakeholders.yaml").symlink_to(victim)
    for force in ((), ("--force",)):
        assert_clean(stakecli("init", target, *force, cwd=tmp_path), f"init {force}")
    assert victim.read_text() == "keep\n"


def plant(text: str, field: str) -> str:
    """The example text with CANARY added to every value of `field:` lines."""
    out = []
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip()
        if stripped.startswith(f"{field}:") and stripped.rstrip() != f"{field}:":
            key, _, value = line.partition(":")
            value = value.strip()
            if value and value[0] not in "[{|>&*'\"" and not value[0].isdigit():
                line = f"{key}: {CANARY} {value}\n"
        out.append(line)
    return "".join(out)


@pytest.mark.parametrize("field", ["notes", "how", "description", "name", "rationale"])
def test_canaries_in_confidential_fields_never_reach_external_output(tmp_path, field):
    import shutil

    examples = ("vendor-renewal", "partnership", "conflicting-kpis")
    quick = dict.fromkeys(("vendor-renewal", examples[len(field) % 3]))  # the brief's kind first
    for example in examples if LONG else quick:
        project = tmp_path / example
        shutil.copytree(EXAMPLES / example, project)
        for path in project.rglob("*.yaml"):
            path.write_text(plant(path.read_text(), field))
        out = tmp_path / f"{example}-out"
        result = stakecli("render", project, "--audience", "external", "-o", out, cwd=tmp_path)
        assert_clean(result, f"{example} {field}")
        for doc in out.glob("*.md") if out.is_dir() else ():
            body = doc.read_text()
            if CANARY in body:  # a public field: allowed only where the field is public
                assert field in ("name", "description", "rationale"), doc
