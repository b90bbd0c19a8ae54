"""User templates: override built-ins by name, run sandboxed, fail with file:line."""

import pytest

from helpers import decision, project
from stakecli.core.publishing import INTERNAL_BANNER


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return project(tmp_path / "proj", decision(title="Pick a vendor"))


def test_the_folders_templates_override_the_builtin(run, folder):
    (folder / "templates").mkdir()
    (folder / "templates/decision.md.j2").write_text("Memo {{ number }}: {{ title }}\n")
    result = run("render", folder, "-d", "decision-memo")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == INTERNAL_BANNER + "Memo 0001: Pick a vendor\n"


def test_templates_beside_the_file_win_over_those_higher_up(run, folder):
    for where, text in [("templates", "top"), ("decisions/templates", "near")]:
        (folder / where).mkdir()
        (folder / where / "decision.md.j2").write_text(text + "\n")
    assert run("render", folder, "-d", "decision-memo").stdout == INTERNAL_BANNER + "near\n"


def test_the_templates_option_wins_over_the_folder(run, folder, tmp_path):
    (folder / "templates").mkdir()
    (folder / "templates/decision.md.j2").write_text("folder\n")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine/decision.md.j2").write_text("option\n")
    result = run("render", folder, "-d", "decision-memo", "--templates", tmp_path / "mine")
    assert result.stdout == INTERNAL_BANNER + "option\n"


def test_an_undefined_variable_names_the_template_file_and_line(run, folder):
    (folder / "templates").mkdir()
    (folder / "templates/decision.md.j2").write_text("# {{ title }}\n\nfine\n{{ foo }}\n")
    result = run("render", folder, "-d", "decision-memo")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "stakecli: error: proj/templates/decision.md.j2:4: 'foo' is undefined\n"


def test_a_missing_attribute_names_the_line_too(run, folder):
    (folder / "templates").mkdir()
    (folder / "templates/decision.md.j2").write_text(
        "{% for o in options %}\n{{ o.nope }}\n{% endfor %}\n"
    )
    result = run("render", folder, "-d", "decision-memo")
    assert result.exit_code == 2
    assert result.stderr.startswith("stakecli: error: proj/templates/decision.md.j2:2: ")
    assert "'nope'" in result.stderr


def test_a_syntax_error_names_the_template_file_and_line(run, folder):
    (folder / "templates").mkdir()
    (folder / "templates/decision.md.j2").write_text("ok\n{% if %}\n")
    result = run("render", folder, "-d", "decision-memo")
    assert result.exit_code == 2
    assert result.stderr.startswith("stakecli: error: proj/templates/decision.md.j2:2: ")


def test_user_templates_run_in_the_sandbox(run, folder):
    (folder / "templates").mkdir()
    (folder / "templates/decision.md.j2").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}\n"
    )
    result = run("render", folder, "-d", "decision-memo")
    assert result.exit_code == 2
    assert "proj/templates/decision.md.j2:1: access to attribute '__class__'" in result.stderr


def test_user_strings_are_escaped_in_user_templates_too(run, folder):
    source = folder / "decisions/0001-d1.yaml"
    source.write_text(source.read_text().replace("Pick a vendor", "Pick | <b>vendor</b>"))
    (folder / "templates").mkdir()
    (folder / "templates/decision.md.j2").write_text(
        "{{ decision.title }} / {{ decision.title|safe }}\n"
    )
    result = run("render", folder, "-d", "decision-memo")
    assert (
        result.stdout == INTERNAL_BANNER + "Pick \\| \\<b\\>vendor\\</b\\> / Pick | <b>vendor</b>\n"
    )
