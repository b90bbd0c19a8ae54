"""`stakecli stakeholders history A..B`: stakeholders over a range of real git revisions."""

import json
import re
import subprocess

import pytest

REGISTER = """\
kind: stakeholders
version: 1
stakeholders:
  - {id: cfo, name: Carla CFO, side: internal, power: 5, legitimacy: 5, urgency: 2, interest: 2}
  - {id: ngo, name: Residents, side: external, power: 2, legitimacy: 5, urgency: 4, interest: 5}
"""
LOG = """\
kind: interactions
version: 1
interactions:
  - {date: 2026-10-01, participants: [cfo], type: call, summary: Intro, sentiment: positive}
"""


def git(cwd, *args):
    done = subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
        cwd=cwd, check=True, capture_output=True, text=True,
        env={"GIT_COMMITTER_DATE": "2026-10-01T12:00:00", "GIT_AUTHOR_DATE": "2026-10-01T12:00:00",
             "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path):
    """Three commits: a register; a log and a power change; a falling sentiment."""
    root = tmp_path / "repo"
    folder = root / "launch"
    (folder / "interactions").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (folder / "stakeholders.yaml").write_text(REGISTER)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "register")
    (folder / "stakeholders.yaml").write_text(REGISTER.replace("interest: 2}", "interest: 5}"))
    (folder / "interactions" / "oct.yaml").write_text(LOG)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "log")
    extra = "  - {date: 2026-10-09, participants: [cfo], type: call, summary: No, sentiment: 10}\n"
    (folder / "interactions" / "oct.yaml").write_text(LOG + extra)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "souring")
    (root / "unrelated.txt").write_text("x")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "unrelated")
    commits = git(root, "log", "--reverse", "--format=%h").split()
    return root, folder, commits


def test_json_history_has_each_revision_that_touched_the_folder(run, repo):
    _, folder, commits = repo
    result = run("stakeholders", "history", f"{commits[0]}..HEAD", folder, "-f", "json")
    assert result.exit_code == 0, result.stderr
    revisions = json.loads(result.stdout)["revisions"]
    assert [r["commit"][:7] for r in revisions] == [c[:7] for c in commits[:3]]
    cfo = [r["stakeholders"]["cfo"] for r in revisions]
    assert [(s["class"], s["quadrant"], s["sentiment"]) for s in cfo] == [
        ("dominant", "keep-satisfied", "none"),
        ("dominant", "key-players", "positive"),
        ("dominant", "key-players", "negative"),
    ]
    assert revisions[0]["stakeholders"]["ngo"] == {
        "class": "dependent", "quadrant": "keep-informed", "engagement": "not assessed",
        "sentiment": "none",
    }  # fmt: skip


def test_markdown_history_has_a_mermaid_timeline_and_a_table_of_changes(run, repo):
    _, folder, commits = repo
    result = run("stakeholders", "history", f"{commits[0]}..HEAD", folder, "-f", "markdown")
    text = result.stdout
    short = [c[:7] for c in commits]
    block = re.search(r"```mermaid\n(.*?)```", text, re.S).group(1)
    assert block == (
        "timeline\n"
        "    title Stakeholder history\n"
        f"    {short[0]} 2026-10-01 : 2 stakeholders\n"
        f"    {short[1]} 2026-10-01 : Carla CFO quadrant keep-satisfied → key-players"
        " : Carla CFO sentiment none → positive\n"
        f"    {short[2]} 2026-10-01 : Carla CFO sentiment positive → negative\n"
    )
    assert (
        f"| `{short[2]}` | 2026-10-01 | Carla CFO | dominant | key-players "
        "| not assessed | negative |" in text
    )
    assert text.count("| Residents |") == 1  # listed once: it never changed


def test_text_history_and_a_single_revision(run, repo):
    _, folder, commits = repo
    result = run("stakeholders", "history", commits[1], folder)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{commits[0][:7]} 2026-10-01: 2 stakeholders\n"
        f"{commits[1][:7]} 2026-10-01:\n"
        "  Carla CFO quadrant keep-satisfied → key-players\n"
        "  Carla CFO sentiment none → positive\n"
    )


def test_an_unknown_revision_is_one_error_line(run, repo):
    _, folder, _ = repo
    result = run("stakeholders", "history", "nope..HEAD", folder)
    assert result.exit_code == 2
    assert result.stderr.startswith("stakecli: error: unknown revision 'nope'")
