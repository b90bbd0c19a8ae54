"""The RACI load counts each letter by what it means in its variant (DOMAIN.md 4.1, 4.3), and an
A that the project lets stand without an R is recorded as A/R (DOMAIN.md 4.2 R2)."""

from __future__ import annotations

import json
from typing import Any

from stakecli.core.config import RaciConfig
from stakecli.raci.model import Raci
from stakecli.raci.rules import load


def matrix(variant: str, *rows: dict[str, str]) -> Raci:
    return Raci.model_validate(
        {
            "kind": "raci",
            "version": 1,
            "variant": variant,
            "rows": [{"id": f"r{i}", "name": f"Row {i}", "assign": a} for i, a in enumerate(rows)],
        }
    )


RACI = matrix("raci", {"ann": "A", "bob": "R", "cy": "I"})
DACI = matrix("daci", {"ann": "A", "bob": "D", "cy": "I", "dee": "C"})
RAPID = matrix("rapid", {"ann": "A", "bob": "R", "cy": "I", "dee": "D"})


def test_accountable_approver_and_agree_are_three_roles_not_one_a():
    result = load([RACI, DACI, RAPID])
    assert result["ann"] == {"Accountable": 1, "Approver": 1, "Agree": 1}
    assert result["bob"] == {"Responsible": 1, "Driver": 1, "Recommend": 1}
    assert result["dee"] == {"Contributor": 1, "Decide": 1}


def test_informed_adds_up_across_raci_and_daci_but_rapid_input_stays_apart():
    assert load([RACI, DACI, RAPID])["cy"] == {"Informed": 2, "Input": 1}


def test_rasci_support_is_not_raci_vs_signatory():
    rasci = matrix("rasci", {"ann": "A", "bob": "R", "cy": "S", "dee": "I"})
    vs = matrix("raci-vs", {"ann": "A", "bob": "R", "cy": "S", "dee": "V"})
    assert load([rasci, vs])["cy"] == {"Support": 1, "Signatory": 1}


def test_allowed_accountable_without_responsible_counts_as_a_and_r():
    m = matrix("raci", {"ann": "A", "bob": "C"}, {"ann": "A", "bob": "R"})
    assert load([m])["ann"] == {"Accountable": 2}
    lenient = load([m], RaciConfig(allow_accountable_as_responsible=True))
    assert lenient["ann"] == {"Accountable": 2, "Responsible": 1}
    assert lenient["bob"] == {"Consulted": 1, "Responsible": 1}


FILES = {
    "raci.yaml": "kind: raci\nversion: 1\ntitle: Work\nrows:\n"
    "  - {id: build, name: Build, assign: {ann: A, bob: R, cy: I}}\n"
    "  - {id: ship, name: Ship, assign: {ann: A, cy: C}}\n",
    "daci.yaml": "kind: raci\nversion: 1\ntitle: Pick a vendor\nvariant: daci\nrows:\n"
    "  - {id: vendor, name: Vendor, assign: {bob: D, ann: A, cy: I}}\n",
    "rapid.yaml": "kind: raci\nversion: 1\ntitle: Pricing\nvariant: rapid\nrows:\n"
    "  - {id: price, name: Price, assign: {bob: R, ann: A, cy: D, dee: I}}\n",
}


def project(tmp_path: Any, config: str = "") -> Any:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    (tmp_path / ".stakecli.yaml").write_text(config or "rules: {}\n")
    return tmp_path


def test_json_load_has_one_column_per_meaning_with_its_variants(run, tmp_path):
    result = run("raci", project(tmp_path), "-f", "json")
    load = json.loads(result.stdout)["load"]
    assert [(c["id"], c["letter"], c["variants"]) for c in load["columns"]] == [
        ("responsible", "R", ["raci"]),
        ("accountable", "A", ["raci"]),
        ("consulted", "C", ["raci"]),
        ("informed", "I", ["daci", "raci"]),
        ("driver", "D", ["daci"]),
        ("approver", "A", ["daci"]),
        ("recommend", "R", ["rapid"]),
        ("agree", "A", ["rapid"]),
        ("input", "I", ["rapid"]),
        ("decide", "D", ["rapid"]),
    ]
    counts = {p["id"]: p["counts"] for p in load["people"]}
    assert {k: v for k, v in counts["ann"].items() if v} == {
        "accountable": 2,
        "approver": 1,
        "agree": 1,
    }
    assert {k: v for k, v in counts["cy"].items() if v} == {
        "consulted": 1,
        "informed": 2,
        "decide": 1,
    }


def test_allowed_a_without_r_is_a_slash_r_in_cells_load_and_json(run, tmp_path):
    folder = project(tmp_path, "raci: {allow_accountable_as_responsible: true}\n")
    result = run("raci", folder, "-f", "json")
    data = json.loads(result.stdout)
    work = next(m for m in data["matrices"] if m["title"] == "Work")
    ship = work["rows"][1]
    assert (ship["cells"], ship["implied_responsible"]) == (["A/R", "", "C"], ["ann"])
    assert work["rows"][0]["implied_responsible"] == []
    ann = next(p for p in data["load"]["people"] if p["id"] == "ann")
    assert (ann["counts"]["responsible"], ann["counts"]["accountable"]) == (1, 2)
    (finding,) = [f for f in data["findings"] if f["code"] == "raci.implied-responsible"]
    assert finding["severity"] == "warning"
    assert finding["message"] == (
        "'Ship' has no R; the project allows the accountable (ann) to do the work, so it is "
        "recorded as A/R; write 'AR' in that cell to say so"
    )


def test_markdown_load_heads_each_column_with_its_letter_and_meaning(run, tmp_path):
    folder = project(tmp_path, "raci: {allow_accountable_as_responsible: true}\n")
    result = run("raci", folder / "raci.yaml", "-f", "markdown")
    assert "| Ship | A/R |  | C |" in result.stdout
    assert (
        "| Person | R (Responsible) | A (Accountable) | C (Consulted) | I (Informed) | "
        "D (Driver) | A (Approver) | R (Recommend) | A (Agree) | I (Input) | D (Decide) | Total |"
    ) in result.stdout
    assert "A/R: accountable, and by the project's policy" in result.stdout
