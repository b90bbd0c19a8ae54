"""The internal brief and the external proposal (no confidential value leaks)."""

import json

import pytest

from conftest import ROOT
from stakecli import kinds, pipeline
from stakecli.core import rendering
from stakecli.core.config import Config
from stakecli.core.model import is_confidential
from stakecli.core.project import Workspace
from stakecli.core.publishing import take_figures
from stakecli.negotiation.text import money

VENDOR = ROOT / "examples" / "vendor-renewal"


def rendered(name, folder=VENDOR):
    report = pipeline.run([folder], Config())
    workspace = Workspace(Config(), report.parsed)
    (parsed,) = workspace.of_kind("negotiation")
    spec = next(s for s in kinds.documents() if s.name == name)
    context = spec.context(parsed, workspace)
    take_figures(spec, parsed.path, context)  # as publishing does: links in, SVG out
    return parsed.model, rendering.render(spec.template, context)


def confidential_strings(model):
    """Every user value held in a field marked confidential, as text a document could show.

    A value that also appears in a public field (an aspiration equal to a published price
    option) is public anyway and is left out.
    """
    found, public = [], []

    def walk(value, secret):
        if hasattr(type(value), "model_fields"):
            for name in type(value).model_fields:
                walk(getattr(value, name), secret or is_confidential(type(value), name))
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item, secret)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item, secret)
        elif isinstance(value, str):
            (found if secret else public).append(value)
        elif isinstance(value, int | float) and not isinstance(value, bool) and abs(value) >= 1000:
            (found if secret else public).append(money(value))

    walk(model, False)
    return [x for x in found if not any(x in text for text in public)]


def test_proposal_document_leaves_out_every_confidential_value():
    plan, text = rendered("proposal")
    secrets = confidential_strings(plan)
    assert "Switch to Contoso Analytics" in secrets
    assert money(4300000) in secrets  # Northwind's estimated reservation value
    for secret in secrets:
        assert secret not in text, secret
    for internal in ("Fallback if they hold on price", "Northwind's stated position", "4,875,000"):
        assert internal not in text
    assert "Three-year partnership bundle" in text
    assert "Our opening proposal" in text
    assert "Availability SLA" in text
    assert "Peer-benchmark discounts for three-year enterprise analytics renewals" in text


def test_the_proposal_spec_is_external_and_the_brief_internal():
    audience = {s.name: s.audience for s in kinds.documents()}
    assert audience["proposal"] == "external"
    assert audience["negotiation-brief"] == "internal"


def test_brief_holds_the_batna_reservation_values_and_the_chart():
    _, text = rendered("negotiation-brief")
    assert "Switch to Contoso Analytics" in text
    assert "Zone of possible agreement: from 4,300,000 USD (the least Northwind Data" in text
    assert "Accept Three-year partnership bundle: we pay 4,500,000 USD" in text
    assert "](negotiation.negotiation-brief.packages.internal.svg)" in text
    assert "<svg" not in text
    assert "| Sam Okafor | lead | Runs the sessions; Owns the concession plan |" in text
    assert "Simulation: how often each proposal beats our BATNA (10,000 draws, seed 0)" in text


def test_the_brief_names_people_and_options_never_ids():
    _, text = rendered("negotiation-brief")
    for ident in ("halden-retail |", "price=d15", "| northwind |", "proc-lead |", "vendor-cs |"):
        assert ident not in text
    assert "EV = sum" not in text
    assert ".33 USD" not in text
    assert "the first 8 shown (all of them: stakecli frontier --format json)" in text


def test_brief_is_deterministic(run):
    first = run("negotiation", VENDOR, "-f", "markdown")
    assert first.exit_code == 0, first.stderr
    assert run("negotiation", VENDOR, "-f", "markdown").stdout == first.stdout


def test_user_strings_are_escaped_in_the_brief(run, write):
    path = write(
        "n.yaml",
        """
        kind: negotiation
        version: 1
        title: "Pipes | and *stars*"
        parties:
          - {id: a, us: true, positions: ["x | y"]}
          - {id: b}
        """,
    )
    text = run("negotiation", path, "-f", "markdown").stdout
    assert "# Negotiation brief: Pipes \\| and \\*stars\\*" in text
    assert "| x \\| y |" in text


SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("command", [["negotiation"], ["negotiation", "packages"], ["frontier"]])
def test_json_output_is_only_json(run, command):
    result = run(*command, VENDOR, "--format", "json")
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)
