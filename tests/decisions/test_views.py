"""The decision documents name every decision that replaced one, not only the first."""

from helpers import codes, decision, project


def split(tmp_path):
    """Decision 1, split into decisions 2 and 3 (both accepted, both replacing it)."""
    return project(
        tmp_path,
        decision(1, status="superseded", superseded_by=[2, 3]),
        decision(2, title="Vendor for Europe", supersedes=[1]),
        decision(3, title="Vendor for Asia", supersedes=[1]),
    )


def test_a_split_decision_is_valid(tmp_path):
    assert codes(split(tmp_path)) == []


def test_the_memo_notice_and_log_name_both_successors(run, tmp_path):
    folder = split(tmp_path)
    first = folder / "decisions/0001-d1.yaml"
    memo = run("render", first, "-d", "decision-memo").stdout
    assert (
        "**Status:** superseded by [0002. Vendor for Europe](0002-d2.decision-memo.internal.md), "
        "[0003. Vendor for Asia](0003-d3.decision-memo.internal.md)  \n"
    ) in memo
    notice = run("render", first, "-d", "decision-notice", "--audience", "external").stdout
    assert "**Status:** superseded (superseded by decisions 0002, 0003)" in notice
    log = run("render", folder, "-d", "decisions").stdout
    assert (
        "| superseded by [0002](0002-d2.decision-memo.internal.md), "
        "[0003](0003-d3.decision-memo.internal.md) |"
    ) in log
