"""A user template runs within limits of time, output, loop iterations and integer size."""

from __future__ import annotations

import time

import pytest

from helpers import decision, project
from stakecli.core import rendering
from stakecli.core.errors import TemplateError

BOMBS = {
    "nested range": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}"
    "{% endfor %}",
    "power": "{{ 9 ** (9 ** 9) }}",
    "repeated string": "{{ 'a' * 10 ** 9 }}",
    "repeated list": "{{ ([1] * 100000) * 100000 }}",
    "growing product": "{% set x = 10 ** 1000 %}{{ x * x * x * x * x }}",
    "recursion": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "int to string": "{{ 10 ** 1200 }}{{ (10 ** 1200) ~ '' }}",
    "padding": "{{ 'x'|center(1000000000) }}",
    "format width": "{{ '%1000000000s' % 'x' }}",
    "format method": "{{ '{:>1000000000}'.format('x') }}",
    "output": "{% for i in range(100000) %}{{ 'y' * 999 }}{% endfor %}",
    "overflow": "{{ 10 ** 400 / 3 }}",
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_a_template_bomb_is_a_template_error_naming_file_and_line(run, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(rendering, "MAX_ITERATIONS", 100_000)  # the shipped limits, smaller:
    monkeypatch.setattr(rendering, "MAX_OUTPUT", 1_000_000)  # the same code path, faster
    folder = project(tmp_path / "p", decision())
    (folder / "templates").mkdir()
    (folder / "templates/decision.md.j2").write_text(f"first line\n{BOMBS[name]}\n")
    started = time.monotonic()
    result = run("render", folder, "-d", "decision-memo")
    assert time.monotonic() - started < 15
    assert result.exit_code == 2, result.stdout[:200]
    assert result.stderr.startswith("stakecli: error: p/templates/decision.md.j2:"), result.stderr
    assert "internal error" not in result.stderr


def test_a_long_running_template_is_stopped(monkeypatch, tmp_path):
    monkeypatch.setattr(rendering, "MAX_SECONDS", 0.5)
    monkeypatch.setattr(rendering, "MAX_ITERATIONS", 10**12)
    (tmp_path / "slow.md.j2").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    started = time.monotonic()
    with pytest.raises(TemplateError, match=r"slow\.md\.j2:1: template stopped: ran longer"):
        rendering.render("slow.md.j2", {}, [tmp_path])
    assert time.monotonic() - started < 5


def test_ordinary_templates_stay_well_inside_the_limits(tmp_path):
    (tmp_path / "ok.md.j2").write_text(
        "{% for i in range(1000) %}{{ i * 2 }} {{ 2 ** 64 }} {{ 'ab' * 3 }}{% endfor %}"
    )
    assert rendering.render("ok.md.j2", {}, [tmp_path]).startswith("0 18446744073709551616 ababab")
