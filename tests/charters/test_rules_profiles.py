"""Charter completeness profiles: PMBOK 5, PMBOK 6, default, custom (DOMAIN.md 5.2)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from stakecli import pipeline
from stakecli.core.config import PROFILES, CharterConfig
from stakecli.core.config import validate as validate_config
from stakecli.core.errors import ConfigError

REGISTER = """
kind: stakeholders
version: 1
stakeholders:
  - {id: ann, name: Ann Lee, side: internal, power: 4, legitimacy: 4, urgency: 3, interest: 4,
     owner: ben}
  - {id: ben, name: Ben Ode, side: internal, power: 3, legitimacy: 4, urgency: 3, interest: 4}
"""
MINIMAL = "kind: charter\nversion: 1\ntitle: T\npurpose: Ship it.\n"
PMBOK6 = """
kind: charter
version: 1
title: Billing migration
purpose: Move billing off the legacy platform.
goals:
  - {statement: Migrate every account, success_criteria: [No invoice lost, 99.9% uptime]}
requirements: [Invoices keep their numbers]
scope:
  description: Accounts, invoices and payment methods.
  in: [Accounts]
  out: [Pricing]
  deliverables: [Migrated ledger]
risks: [Overall risk is moderate; the ledger export is untested]
milestones:
  - {name: Dry run, due: 2027-02-01}
financial_resources: {amount: 250000, currency: EUR, notes: Approved by the board}
stakeholders: [ann, ben]
approval_requirements: [The sponsor signs off the dry-run report]
exit_criteria: ["All accounts migrated, or the sponsor cancels after a failed dry run"]
manager: {id: ben, responsibility: Runs the migration, authority: Spends up to 20k EUR}
sponsor: {id: ann, authority: Approves the budget and the go-live}
"""


def check(tmp_path: Path, charter: str, config: str) -> list[tuple[str, str, int | None]]:
    (tmp_path / "stakeholders.yaml").write_text(textwrap.dedent(REGISTER).lstrip())
    (tmp_path / "charter.yaml").write_text(textwrap.dedent(charter).lstrip())
    (tmp_path / ".stakecli.yaml").write_text(config)
    report = pipeline.run([tmp_path], pipeline.settings(tmp_path, None))
    return [(f.code, f.message, f.line) for f in report.findings]


def missing(found: list[tuple[str, str, int | None]]) -> list[str]:
    return [m.split("`")[1].rstrip(":") for c, m, _ in found if c == "charter.missing-section"]


def test_pmbok6_profile_lists_what_a_minimal_charter_lacks(tmp_path):
    found = check(tmp_path, MINIMAL, "charter: {profile: pmbok6}\n")
    assert missing(found) == [
        "goals", "requirements", "scope", "risks", "milestones", "financial_resources",
        "stakeholders", "approval_requirements", "exit_criteria", "manager", "sponsor",
    ]  # fmt: skip
    exit_criteria = next(f for f in found if "`exit_criteria:`" in f[1])
    assert exit_criteria == (
        "charter.missing-section",
        "the charter has no `exit_criteria:` (project exit criteria); the PMBOK 6 profile "
        "requires it",
        1,
    )


def test_pmbok5_profile_asks_for_risks_budget_assumptions_and_constraints(tmp_path):
    found = check(tmp_path, MINIMAL, "charter: {profile: pmbok5}\n")
    assert missing(found) == [
        "goals", "requirements", "assumptions", "constraints", "scope", "risks", "milestones",
        "budget", "stakeholders", "approval_requirements", "manager", "sponsor",
    ]  # fmt: skip


def test_a_pmbok6_charter_passes_pmbok6_and_lacks_only_pmbok5s_own_sections(tmp_path):
    assert check(tmp_path, PMBOK6, "charter: {profile: pmbok6}\n") == []
    assert missing(check(tmp_path, PMBOK6, "charter: {profile: pmbok5}\n")) == [
        "assumptions",
        "constraints",
        "budget",
    ]


def test_default_profile_is_todays_list(tmp_path):
    assert PROFILES["default"] == (
        "purpose", "goals", "decision_rights", "escalation", "scorecards", "signatories"
    )  # fmt: skip
    assert missing(check(tmp_path, PMBOK6, "rules: {}\n")) == [
        "decision_rights",
        "escalation",
        "scorecards",
        "signatories",
    ]


def test_custom_profile_uses_its_own_list(tmp_path):
    config = "charter: {profile: custom, required_sections: [exit_criteria, sponsor]}\n"
    assert missing(check(tmp_path, MINIMAL, config)) == ["exit_criteria", "sponsor"]
    assert CharterConfig(required_sections=["risks"]).chosen == "custom"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"profile": "custom"}, "profile custom needs `required_sections: [...]`"),
        (
            {"profile": "pmbok6", "required_sections": ["risks"]},
            "profile pmbok6 has its own sections; use `profile: custom`",
        ),
        ({"profile": "pmbok7"}, "charter.profile: Input should be"),
    ],
)
def test_contradictory_profile_settings_are_a_config_error(data, message):
    with pytest.raises(ConfigError, match=r"x\.yaml: charter") as caught:
        validate_config({"charter": data}, Path("x.yaml"))
    assert message in str(caught.value)


def test_key_stakeholders_manager_and_sponsor_resolve_to_the_register(tmp_path):
    bad = PMBOK6.replace("stakeholders: [ann, ben]", "stakeholders: [ann, bne]").replace(
        "sponsor: {id: ann", "sponsor: {id: zed"
    )
    found = [(c, line) for c, _, line in check(tmp_path, bad, "charter: {profile: pmbok6}\n")]
    assert found == [("refs.unknown-id", 17), ("refs.unknown-id", 21)]


def test_charter_document_shows_the_pmbok_sections(tmp_path, run):
    check(tmp_path, PMBOK6, "charter: {profile: pmbok6}\n")
    result = run("render", tmp_path, "-d", "charter")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    for expected in (
        "Completeness (PMBOK 6 profile): every required section is filled.",
        "## High-level requirements\n\n* Invoices keep their numbers\n",
        "## High-level risks\n\n* Overall risk is moderate; the ledger export is untested\n",
        "| Dry run | 2027-02-01 |",
        "## Preapproved financial resources\n\n250,000.00 EUR: Approved by the board\n",
        "## Key stakeholders\n\nAnn Lee, Ben Ode.\n",
        "| Project manager | Ben Ode | Runs the migration | Spends up to 20k EUR |",
        "| Sponsor | Ann Lee | — | Approves the budget and the go-live |",
        "## Approval requirements\n\n* The sponsor signs off the dry-run report\n",
        "## Exit criteria\n\n* All accounts migrated, or the sponsor cancels after a failed dry",
        "* Deliverable: Migrated ledger",
        "Success criteria: No invoice lost; 99.9% uptime.",
    ):
        assert expected in text, expected
