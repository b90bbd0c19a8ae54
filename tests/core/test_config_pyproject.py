"""A pyproject.toml that does not parse never silently switches the project's gates off."""

from stakecli.core import config


def test_a_broken_pyproject_with_stakecli_settings_is_a_config_error(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.stakecli]\nrules = {"stakeholders.no-owner" = "error"\n'  # unclosed table
    )
    (tmp_path / "stakeholders.yaml").write_text("kind: stakeholders\nversion: 1\n")
    result = run("validate", tmp_path)
    assert result.exit_code == 2
    assert "pyproject.toml: cannot read [tool.stakecli]" in result.stderr


def test_a_broken_pyproject_without_stakecli_is_not_ours_to_judge(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[project\nname = 'x'\n")
    assert config.find(tmp_path) is None
