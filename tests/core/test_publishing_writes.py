"""No write harms a file: links, folders, modes, for every command that writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import EXAMPLES

VICTIM = "precious data\n"


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "victim.txt"
    path.parent.mkdir()
    path.write_text(VICTIM)
    return path


def test_init_refuses_a_link_in_place_of_a_file_even_a_dangling_one(run, tmp_path, victim):
    target = tmp_path / "new"
    target.mkdir()
    (target / "stakeholders.yaml").symlink_to(victim)
    result = run("init", target)
    assert result.exit_code == 2
    assert "already exist" in result.stderr
    assert victim.read_text() == VICTIM
    dangling = tmp_path / "other"
    dangling.mkdir()
    (dangling / "stakeholders.yaml").symlink_to(tmp_path / "outside" / "created-by-init.yaml")
    result = run("init", dangling)
    assert result.exit_code == 2
    assert not (tmp_path / "outside" / "created-by-init.yaml").exists()


def test_init_force_replaces_the_link_not_its_target(run, tmp_path, victim):
    target = tmp_path / "new"
    target.mkdir()
    (target / "stakeholders.yaml").symlink_to(victim)
    result = run("init", target, "--force")
    assert result.exit_code == 0, result.stderr
    assert victim.read_text() == VICTIM
    assert not (target / "stakeholders.yaml").is_symlink()
    assert "kind: stakeholders" in (target / "stakeholders.yaml").read_text()


def test_init_never_writes_through_a_linked_folder_out_of_the_target(run, tmp_path, victim):
    target = tmp_path / "new"
    target.mkdir()
    (target / "docs").symlink_to(victim.parent)
    result = run("init", target, "--example", "vendor-renewal", "--force")
    assert result.exit_code == 2
    assert "symbolic link" in result.stderr
    assert "outside" in result.stderr
    assert sorted(p.name for p in victim.parent.iterdir()) == ["victim.txt"]
    assert not (target / "stakeholders.yaml").exists()  # all or nothing


def test_new_files_get_the_users_umask(run, tmp_path):
    old = os.umask(0o022)
    try:
        assert run("init", tmp_path / "p").exit_code == 0
        assert stat.S_IMODE((tmp_path / "p/stakeholders.yaml").stat().st_mode) == 0o644
        made = run("new", "decision", "Pick", "--dir", tmp_path / "p")
        assert made.exit_code == 0, made.stderr
        assert stat.S_IMODE(Path(made.stdout.strip()).stat().st_mode) == 0o644
        out = tmp_path / "out"
        assert run("render", tmp_path / "p", "-o", out).exit_code == 0
        assert {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()} == {0o644}
    finally:
        os.umask(old)


def test_render_does_not_overwrite_a_links_target(run, tmp_path, victim):
    out = tmp_path / "out"
    out.mkdir()
    name = "stakeholders.stakeholder-list.md"
    (out / name).symlink_to(victim)
    result = run("render", EXAMPLES / "partnership", "--audience", "external", "-o", out)
    assert result.exit_code == 1
    assert "a symbolic link" in result.stderr
    assert victim.read_text() == VICTIM
    forced = run("render", EXAMPLES / "partnership", "--audience", "external", "-o", out, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert victim.read_text() == VICTIM
    assert not (out / name).is_symlink()


def test_render_onto_a_folder_is_a_clean_error(run, tmp_path):
    out = tmp_path / "out"
    (out / "stakeholders.stakeholder-list.md").mkdir(parents=True)
    result = run("render", EXAMPLES / "partnership", "--audience", "external", "-o", out)
    assert result.exit_code == 2
    assert "is a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_import_and_chart_do_not_write_through_links(run, tmp_path, victim):
    csv = tmp_path / "people.csv"
    csv.write_text(
        "id,name,side,power,legitimacy,urgency,interest\ndee,Dee Moss,internal,2,2,2,2\n"
    )
    link = tmp_path / "register.yaml"
    link.symlink_to(victim)
    assert run("stakeholders", "import", csv, "-o", link).exit_code == 2
    assert run("stakeholders", "import", csv, "-o", link, "--force").exit_code == 0
    assert victim.read_text() == VICTIM
    assert not link.is_symlink()
    svg = tmp_path / "chart.svg"
    svg.symlink_to(victim)
    assert run("negotiation", "chart", EXAMPLES / "vendor-renewal", "-o", svg).exit_code == 2
    forced = run("negotiation", "chart", EXAMPLES / "vendor-renewal", "-o", svg, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert victim.read_text() == VICTIM
    assert not svg.is_symlink()
    folder = tmp_path / "a-folder.svg"
    folder.mkdir()
    onto = run("negotiation", "chart", EXAMPLES / "vendor-renewal", "-o", folder, "--force")
    assert onto.exit_code == 2
    assert "is a folder" in onto.stderr


def test_new_decision_does_not_write_into_a_linked_decisions_folder(run, tmp_path, victim):
    project = tmp_path / "p"
    project.mkdir()
    (project / "decisions").symlink_to(victim.parent)
    result = run("new", "decision", "Pick", "--dir", project)
    assert result.exit_code == 2
    assert "outside" in result.stderr
    assert sorted(p.name for p in victim.parent.iterdir()) == ["victim.txt"]
