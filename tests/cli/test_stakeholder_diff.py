import json
import subprocess

import pytest

from stakecli.core.publishing import INTERNAL_BANNER

BASE = """\
kind: stakeholders
version: 1
stakeholders:
  - id: ngo
    name: Residents' group
    side: external
    power: 2
    legitimacy: 5
    urgency: 4
    interest: 5
    engagement: {current: neutral, desired: supportive, actions: [Town hall]}
  - id: cfo
    name: CFO
    side: internal
    power: 5
    legitimacy: 5
    urgency: 2
    interest: 2
  - id: old
    name: Departed VP
    side: internal
    power: 4
    legitimacy: 4
    urgency: 4
    interest: 4
"""

CHANGED = (
    BASE.replace("power: 2\n", "power: 5\n", 1)
    .replace("current: neutral", "current: supportive")
    .replace("interest: 2\n", "interest: 5\n")
    .split("  - id: old")[0]
    + """\
  - id: new
    name: "New | Regulator"
    side: external
    power: 1
    legitimacy: 5
    urgency: 1
    interest: 1
"""
)


def git(cwd, *args):
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path):
    """A repository whose register lives in a sub-folder: one commit, then a change."""
    root = tmp_path / "repo"
    folder = root / "programmes" / "launch"
    folder.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (folder / "stakeholders.yaml").write_text(BASE, encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    (folder / "stakeholders.yaml").write_text(CHANGED, encoding="utf-8")
    return root, folder


def test_text_report_against_the_working_tree(run, repo, monkeypatch):
    _, folder = repo
    monkeypatch.chdir(folder)
    result = run("stakeholders", "diff", "HEAD")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "programmes/launch/stakeholders.yaml: HEAD -> working tree\n"
        "class transitions:\n"
        "  ngo (Residents' group): dependent -> definitive\n"
        "quadrant moves:\n"
        "  cfo (CFO): keep-satisfied -> key-players\n"
        "  ngo (Residents' group): keep-informed -> key-players\n"
        "engagement changes:\n"
        "  ngo (Residents' group): neutral (desired supportive, gap +1) -> "
        "supportive (desired supportive, gap 0)\n"
        "added:\n"
        "  + new (New | Regulator): discretionary, minimal-effort\n"
        "removed:\n"
        "  - old (Departed VP): definitive, key-players\n"
    )


def test_two_revisions_and_a_path_from_the_repository_root(run, repo, monkeypatch):
    root, _ = repo
    git(root, "commit", "-q", "-am", "second")
    monkeypatch.chdir(root)
    result = run("stakeholders", "diff", "HEAD~1", "HEAD", "programmes/launch", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["register"], data["from"], data["to"]) == (
        "programmes/launch/stakeholders.yaml",
        "HEAD~1",
        "HEAD",
    )
    assert data["changes"]["class_transitions"] == [
        {"id": "ngo", "name": "Residents' group", "from": "dependent", "to": "definitive"}
    ]
    assert [m["id"] for m in data["changes"]["quadrant_moves"]] == ["cfo", "ngo"]
    assert data["changes"]["added"] == [
        {
            "id": "new",
            "name": "New | Regulator",
            "class": "discretionary",
            "quadrant": "minimal-effort",
        }
    ]
    assert data["changes"]["removed"][0]["id"] == "old"
    same = run("stakeholders", "diff", "HEAD", "programmes/launch/stakeholders.yaml", "-f", "json")
    assert json.loads(same.stdout)["changes"] == {
        "added": [],
        "removed": [],
        "class_transitions": [],
        "quadrant_moves": [],
        "engagement_changes": [],
    }


def test_markdown_is_fit_for_a_pull_request_comment(run, repo):
    _, folder = repo
    out = run("stakeholders", "diff", "main", folder, "-f", "markdown").stdout
    assert out.startswith(
        INTERNAL_BANNER
        + "### Stakeholder changes in programmes/launch/stakeholders.yaml: main → working tree\n"
    )
    assert "| Residents' group (`ngo`) | dependent | definitive |\n" in out
    assert "| New \\| Regulator (`new`) | discretionary | minimal-effort |\n" in out
    assert "**Removed**" in out


def test_no_changes_says_so(run, repo):
    _, folder = repo
    (folder / "stakeholders.yaml").write_text(BASE, encoding="utf-8")
    result = run("stakeholders", "diff", "HEAD", folder)
    assert result.stdout.endswith("no changes to classes, quadrants, engagement or membership\n")
    md = run("stakeholders", "diff", "HEAD", folder, "-f", "markdown").stdout
    assert "No changes to salience classes" in md


def test_changes_is_an_alias(run, repo):
    _, folder = repo
    assert run("stakeholders", "changes", "HEAD", folder).stdout == (
        run("stakeholders", "diff", "HEAD", folder).stdout
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "unknown revision 'nope' in {root}"),
        (["main..HEAD"], "unknown revision 'main..HEAD' in {root}"),
        (["HEAD~5"], "unknown revision 'HEAD~5' in {root}"),
    ],
)
def test_git_errors_are_one_line_and_exit_2(run, repo, args, message):
    root, folder = repo
    result = run("stakeholders", "diff", *args, folder)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"stakecli: error: {message.format(root=root.resolve())}\n"


def test_file_absent_at_a_revision(run, repo):
    _, folder = repo
    (folder / "extra.yaml").write_text(BASE, encoding="utf-8")
    result = run("stakeholders", "diff", "HEAD", folder / "extra.yaml")
    assert (result.exit_code, result.stderr) == (
        2,
        "stakecli: error: programmes/launch/extra.yaml does not exist at revision 'HEAD'\n",
    )


def test_not_a_repository(run, tmp_path):
    (tmp_path / "stakeholders.yaml").write_text(BASE, encoding="utf-8")
    result = run("stakeholders", "diff", "HEAD", tmp_path)
    assert (result.exit_code, result.stderr) == (
        2,
        f"stakecli: error: {tmp_path} is not inside a git repository\n",
    )


def test_invalid_register_at_a_revision_is_located(run, repo):
    root, folder = repo
    (folder / "stakeholders.yaml").write_text(BASE.replace("power: 2", "power: 7"))
    git(root, "commit", "-q", "-am", "broken")
    (folder / "stakeholders.yaml").write_text(BASE, encoding="utf-8")
    result = run("--color", "never", "stakeholders", "diff", "HEAD", folder)
    assert result.exit_code == 1  # findings stop it, as in every command (docs/projects.md)
    assert result.stdout == ""
    assert result.stderr.startswith(
        "HEAD:programmes/launch/stakeholders.yaml:7:12: error "
        "[schema.out-of-range] stakeholders[0].power"
    )


def test_wrong_number_of_arguments(run, repo):
    _, folder = repo
    result = run("stakeholders", "diff", "a", "b", str(folder), "extra")
    assert (result.exit_code, result.stderr) == (
        2,
        "stakecli: error: diff takes REV1 [REV2] [PATH]\n",
    )
