"""Nothing confidential reaches a document rendered for an external audience."""

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import EXAMPLES
from helpers import REGISTER, decision, project, put
from stakecli import pipeline
from stakecli.core import confidentiality, publishing
from stakecli.core.config import Config
from stakecli.core.documents import DocumentSpec
from stakecli.core.errors import TemplateError
from stakecli.core.project import Workspace
from stakecli.kinds import documents as specs
from stakecli.stakeholders.model import Register

EXAMPLE_FOLDERS = sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and p.name != "mistakes")


def workspace(folder: Path) -> Workspace:
    report = pipeline.run([folder], Config())
    assert not [f for f in report.findings if f.severity == "error"]
    return Workspace(Config(), report.parsed)


def every_secret(ws: Workspace) -> list[str]:
    """Every confidential string of the folder, at least 4 characters long."""
    found = [s.value for f in ws.files for s in confidentiality.secrets(f.model)]
    return sorted({v for v in found if len(v) >= confidentiality.MIN_LENGTH})


@pytest.mark.parametrize("folder", EXAMPLE_FOLDERS, ids=lambda p: p.name)
def test_no_external_document_of_an_example_contains_a_confidential_value(folder):
    ws = workspace(folder)
    external = [s for s in specs() if s.audience == "external"]
    rendered = publishing.produce(ws, external, folder, [])
    public = "\x00".join(t for f in ws.files for t in confidentiality.public(f.model))
    for doc in rendered:
        for value in every_secret(ws):
            if value not in public:  # the same words in a public field are no leak
                assert value not in doc.body, f"{doc.name} leaks {value!r}"


def test_the_examples_have_external_documents_and_secrets_to_check():
    ws = workspace(EXAMPLES / "conflicting-kpis")
    rendered = publishing.produce(
        ws, [s for s in specs() if s.audience == "external"], EXAMPLES, []
    )
    assert {d.name for d in rendered} >= {
        "0001-launch-vs-audit-window.decision-notice.md",
        "0002-beta-cohort.decision-notice.md",
        "0003-beta-cohort-after-fieldwork.decision-notice.md",
    }
    assert any(s.startswith("The CISO would have vetoed the full launch") for s in every_secret(ws))


def with_confidential_entry() -> Register:
    """The test register plus an entry marked `confidential: true`."""
    mole = {
        "id": "mole",
        "name": "Dee Mole",
        "side": "external",
        "power": 3,
        "legitimacy": 3,
        "urgency": 3,
        "interest": 3,
        "confidential": True,
    }
    return Register.model_validate({**REGISTER, "stakeholders": [*REGISTER["stakeholders"], mole]})


def test_secrets_cover_marked_fields_and_confidential_entries():
    register = with_confidential_entry()
    found = {(s.value, s.where) for s in confidentiality.secrets(register)}
    assert ("Secretly negotiating with a rival vendor.", "stakeholders[2].notes") in found
    assert ("5", "stakeholders[0].legitimacy") in found
    assert ("Dee Mole", "stakeholders[3].name") in found
    assert ("mole", "stakeholders[3].id") in found


def test_redaction_withholds_fields_and_drops_confidential_entries():
    register = with_confidential_entry()
    redacted = confidentiality.redact(register)
    assert [s.id for s in redacted.stakeholders] == ["ana", "bo", "cy"]
    with pytest.raises(
        confidentiality.ConfidentialValueError, match=r"stakeholders\[2\].notes is confidential"
    ):
        str(redacted.stakeholders[2].notes)
    with pytest.raises(confidentiality.ConfidentialValueError):
        bool(redacted.stakeholders[0].legitimacy)
    assert redacted.stakeholders[0].name == "Ana Lima"


def test_an_external_template_that_prints_a_confidential_field_fails(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = project(tmp_path / "p", decision(notes="We would accept a 20% cut."))
    (folder / "templates").mkdir()
    (folder / "templates/decision-notice.md.j2").write_text("# {{ title }}\n{{ decision.notes }}\n")
    result = run("render", folder, "--audience", "external", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr == (
        "stakecli: error: p/templates/decision-notice.md.j2:2: notes is confidential and "
        "cannot appear in a document for an external audience (stopped by the redaction of "
        "confidential fields); it was not written\n"
    )
    assert not (tmp_path / "out").exists()
    internal = run("render", folder, "-o", tmp_path / "out")  # the same field is fine inside
    assert internal.exit_code == 0


def test_an_external_template_cannot_reach_a_confidential_stakeholder(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = project(tmp_path / "p", decision(deciders=["cy"]))
    (folder / "templates").mkdir()
    (folder / "templates/decision-notice.md.j2").write_text(
        "{% for p in deciders %}{{ p.name }}{% endfor %}\n"
    )
    result = run("render", folder, "--audience", "external", "-d", "decision-notice")
    assert result.stdout == "Cy Park"
    register = dict(REGISTER)
    register["stakeholders"] = [dict(s) for s in REGISTER["stakeholders"]]
    register["stakeholders"][2]["confidential"] = True
    put(folder, "stakeholders.yaml", register)
    result = run("render", folder, "--audience", "external", "-d", "decision-notice")
    assert result.exit_code == 0
    assert result.stdout == ""  # a confidential entry is not in the external register


def test_the_text_guard_catches_a_leak_that_bypasses_redaction(tmp_path):
    folder = project(tmp_path, decision(notes="Our walk-away price is 4,200,000."))
    ws = workspace(folder)

    def sneaky(parsed, _ws):
        return {"raw": Path(parsed.path).read_text()}  # reads the file, not the model

    spec = DocumentSpec("sneaky", "decision", "x.md.j2", "external", sneaky)
    (tmp_path / "t").mkdir()
    (tmp_path / "t/x.md.j2").write_text("{{ raw|safe }}")
    message = (
        r"contains confidential data \(\S*decisions/0001-d1\.yaml notes; "
        r"found by the scan of the rendered text\); it was not"
    )
    with pytest.raises(TemplateError, match=message):
        publishing.produce(ws, [spec], folder, [tmp_path / "t"])
    internal = DocumentSpec("sneaky", "decision", "x.md.j2", "internal", sneaky)
    assert publishing.produce(ws, [internal], folder, [tmp_path / "t"])


def test_short_values_public_amounts_and_public_ids_are_not_searched():
    secrets = [
        confidentiality.Secret("5", "a"),
        confidentiality.Secret("by 20 February", "b"),
        confidentiality.Secret("Fears the reorg", "c"),
        confidentiality.Secret("4300000", "d", Decimal(4300000)),
        confidentiality.Secret("4875000", "e", Decimal(4875000)),
        confidentiality.Secret("mole", "f", identity=True),
        confidentiality.Secret("dee-x", "g", identity=True),
    ]
    kept = confidentiality.searchable(secrets, ["the flag ships by 20 February", "4300000", "mole"])
    assert sorted(s.where for s in kept) == ["b", "c", "e", "g"]
