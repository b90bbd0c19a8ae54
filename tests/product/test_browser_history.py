"""The history chart for a pull-request comment (`stakeholders history -f markdown`) parses."""

from __future__ import annotations

from product.helpers import diagrams
from stakeholders.test_history import repo  # noqa: F401  (the fixture: a real git history)


def test_the_history_timeline_parses_in_the_pinned_mermaid(mermaid, run, repo):  # noqa: F811
    _, folder, commits = repo
    result = run("stakeholders", "history", f"{commits[0]}..HEAD", folder, "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    assert [d.split()[0] for d in diagrams(result.stdout)] == ["timeline"]
    assert mermaid.errors(result.stdout) == []
