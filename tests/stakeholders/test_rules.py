import pytest

from conftest import EXAMPLES
from stakecli import pipeline

HEAD = """\
kind: stakeholders
version: 1
stakeholders:
  - id: owner
    name: Relationship Owner
    side: internal
    power: 2
    legitimacy: 2
    urgency: 2
    interest: 2
"""


def findings(tmp_path, body, name="stakeholders.yaml"):
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    report = pipeline.run([path])
    return [(f.code, f.line, f.col, f.severity.value) for f in report.findings]


def entry(id="x", p=2, leg=2, u=2, i=2, extra=""):
    return (
        f"  - id: {id}\n    name: Someone\n    side: external\n"
        f"    power: {p}\n    legitimacy: {leg}\n    urgency: {u}\n    interest: {i}\n" + extra
    )


@pytest.mark.parametrize(
    ("scores", "flagged"),
    [
        ((5, 5, 5, 1), True),  # definitive
        ((5, 1, 1, 5), True),  # manage closely (key players), dormant
        ((5, 5, 1, 1), False),  # dominant, keep satisfied
        ((3, 3, 3, 3), False),  # at the midpoint: nothing present, minimal effort
    ],
    ids=["definitive", "manage-closely", "dominant", "midpoint"],
)
def test_no_owner(tmp_path, scores, flagged):
    p, leg, u, i = scores
    got = findings(tmp_path, entry(p=p, leg=leg, u=u, i=i))
    assert got == ([("stakeholders.no-owner", 11, 5, "warning")] if flagged else [])
    assert findings(tmp_path, entry(p=p, leg=leg, u=u, i=i, extra="    owner: owner\n")) == []


def test_gap_without_actions(tmp_path):
    gap = "    engagement: {current: resistant, desired: supportive}\n"
    assert findings(tmp_path, entry(extra=gap)) == [
        ("stakeholders.gap-without-actions", 18, 17, "warning")
    ]
    planned = (
        "    engagement:\n      current: resistant\n      desired: supportive\n"
        "      actions: [Weekly one-to-one]\n"
    )
    assert findings(tmp_path, entry(extra=planned)) == []
    same = "    engagement: {current: neutral, desired: neutral}\n"
    assert findings(tmp_path, entry(extra=same)) == []


def test_over_engagement_is_a_gap_too(tmp_path):
    over = "    engagement: {current: leading, desired: neutral}\n"
    assert [c for c, *_ in findings(tmp_path, entry(extra=over))] == [
        "stakeholders.gap-without-actions"
    ]


def test_hidden_without_source(tmp_path):
    assert findings(tmp_path, entry(extra="    hidden: true\n")) == [
        ("stakeholders.hidden-without-source", 18, 13, "warning")
    ]
    method_only = "    hidden: true\n    discovered: {method: interview}\n"
    assert findings(tmp_path, entry(extra=method_only)) == [
        ("stakeholders.hidden-without-source", 19, 17, "warning")
    ]
    sourced = "    hidden: true\n    discovered: {method: interview, source: Interview 4}\n"
    assert findings(tmp_path, entry(extra=sourced)) == []


def test_unknown_owner_and_influence_are_errors_at_the_reference(tmp_path):
    body = entry(extra="    owner: nobody\n    influences: [owner, ghost]\n")
    assert findings(tmp_path, body) == [
        ("stakeholders.unknown-reference", 18, 12, "error"),
        ("stakeholders.unknown-reference", 19, 25, "error"),
    ]
    fixed = entry(extra="    owner: owner\n    influences: [owner]\n")
    assert findings(tmp_path, fixed) == []


def test_references_may_point_into_another_register_of_the_folder(tmp_path):
    other = tmp_path / "partners.yaml"
    other.write_text(HEAD.replace("id: owner", "id: partner"), encoding="utf-8")
    (tmp_path / "stakeholders.yaml").write_text(
        HEAD + entry(extra="    influences: [partner]\n"), encoding="utf-8"
    )
    assert pipeline.run([tmp_path]).findings == []
    # Named alone, the register is still checked within its project (docs/projects.md).
    assert pipeline.run([tmp_path / "stakeholders.yaml"]).findings == []


def test_rules_follow_the_configured_threshold(tmp_path):
    from stakecli.core.config import Config, SalienceConfig

    path = tmp_path / "stakeholders.yaml"
    path.write_text(HEAD + entry(p=3, leg=3, u=3), encoding="utf-8")
    lenient = Config(salience=SalienceConfig(threshold=2))
    assert [f.code for f in pipeline.run([path], lenient).findings] == ["stakeholders.no-owner"]
    assert pipeline.run([path]).findings == []


@pytest.mark.parametrize("example", ["vendor-renewal", "partnership", "conflicting-kpis"])
def test_shipped_examples_are_clean(example):
    root = EXAMPLES / example
    report = pipeline.run([root])
    assert report.findings == []
    assert len(report.parsed) >= 1


def test_domain_8_2_engagement_level_outside_pmbok_is_a_validation_error(tmp_path):
    bad = "    engagement: {current: enthusiastic, desired: supportive}\n"
    assert findings(tmp_path, entry(extra=bad)) == [("schema.invalid-choice", 18, 27, "error")]


def test_a_stakeholder_that_influences_itself_is_an_error_at_the_entry(tmp_path):
    body = entry("x", extra="    influences: [owner, x]\n")
    assert ("stakeholders.self-influence", 18, 25, "error") in findings(tmp_path, body)
    path = tmp_path / "stakeholders.yaml"
    (finding,) = [f for f in pipeline.run([path]).findings if f.code.endswith("self-influence")]
    assert finding.message == "'x' influences itself; list the other stakeholders it influences"
