"""Hidden stakeholders in the JSON, CSV and Markdown outputs, `--hidden`, and the partial maps."""

import csv
import io
import json

from conftest import EXAMPLES
from stakecli.core.publishing import INTERNAL_BANNER

PROJECT = EXAMPLES / "product-team"


def test_json_carries_hidden_and_discovered(run):
    data = json.loads(run("stakeholders", PROJECT, "-f", "json").stdout)
    by_id = {s["id"]: s for s in data["stakeholders"]}
    assert by_id["pm"]["hidden"] is False
    assert by_id["pm"]["discovered"] is None
    assert by_id["nw-finance"]["hidden"] is True
    assert by_id["nw-finance"]["discovered"] == {
        "method": "interview",
        "source": "Rosa Diaz at the loading dock: 'Dana in finance signs anything over 20k'",
        "interview": "int-02",
        "journey_stage": "purchase",
        "visibility": "backstage",
    }


def test_csv_carries_hidden_and_discovered_columns(run):
    rows = list(csv.DictReader(io.StringIO(run("stakeholders", PROJECT, "-f", "csv").stdout)))
    vp = next(r for r in rows if r["id"] == "nw-vp")
    assert (vp["hidden"], vp["discovered_method"], vp["discovered_interview"]) == (
        "true", "interview", "int-03",
    )  # fmt: skip
    assert (vp["journey_stage"], vp["visibility"]) == ("renewal", "backstage")
    assert next(r for r in rows if r["id"] == "pm")["hidden"] == "false"


def test_hidden_filters_and_markdown_lists_where_they_were_found(run):
    table = run("stakeholders", PROJECT, "--hidden").stdout
    assert "nw-finance" in table
    assert "nw-vp" in table
    assert "pm " not in table
    others = run("stakeholders", PROJECT, "--not-hidden", "-f", "json").stdout
    assert {s["hidden"] for s in json.loads(others)["stakeholders"]} == {False}
    text = run("stakeholders", PROJECT, "-f", "markdown").stdout
    assert "| Dana Reyes | interview | Rosa Diaz" in text
    assert "| Dana Reyes (hidden) |" in text


def test_internal_external_and_hidden_maps_render_as_documents(run):
    for name, present, absent in [
        ("internal-map", "Maya Okafor", "Sam Whitfield"),
        ("external-map", "Sam Whitfield", "Maya Okafor"),
        ("hidden-map", "Arjun Mehta", "Sam Whitfield"),
    ]:
        result = run("render", PROJECT / "stakeholders.yaml", "--document", name)
        assert result.exit_code == 0, result.stderr
        title = f"customers: {name.split('-')[0]} stakeholders\n"
        assert result.stdout.startswith(
            INTERNAL_BANNER + "# Shipment exceptions dashboard: product team and " + title
        )
        assert present in result.stdout
        assert absent not in result.stdout
