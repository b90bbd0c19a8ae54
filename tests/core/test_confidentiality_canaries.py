"""Canaries: a marked value in every confidential field, and in every public text field.

Every example project together holds every kind that has confidential fields. Each test
plants a canary (a distinctive string or amount) and proves that no document for an external
audience contains it, in any notation: either the document is refused or the canary is not
in it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from conftest import EXAMPLES
from helpers import replaced, with_file
from stakecli import pipeline
from stakecli.core import confidentiality, publishing
from stakecli.core.config import Config
from stakecli.core.errors import TemplateError
from stakecli.core.project import Parsed, Workspace
from stakecli.kinds import documents as specs

EXAMPLE_FOLDERS = sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and p.name != "mistakes")
CANARY = "Zanzibar-canary-7Q"
AMOUNT = Decimal(7_654_321)
NOTATIONS = [
    "7654321",
    "7,654,321",
    "7 654 321",
    "7.654.321",
    "7654321.0",
    "7.65M",
    "7.65 million",
    "7,654k",
    "USD 7,654,321.00",
]


def workspace(folder: Path) -> Workspace:
    report = pipeline.run([folder], Config())
    assert not report.errors(), report.errors()
    (ws,) = report.workspaces
    return ws


def external_bodies(ws: Workspace, root: Path) -> list[str]:
    """The body of every external document, or none where the guard refused one."""
    bodies = []
    refusals = []
    for spec in (s for s in specs() if s.audience == "external"):
        try:
            bodies.extend(d.body for d in publishing.produce(ws, [spec], root, []))
        except TemplateError as exc:
            refusals.append(str(exc))
    assert all("confidential" in r for r in refusals), refusals
    return bodies


def canary_shows(body: str) -> bool:
    return CANARY.casefold() in confidentiality.normalised(body)


def amount_shows(body: str) -> bool:
    guard = confidentiality.Guard(amounts={AMOUNT: confidentiality.Secret("x", "canary", AMOUNT)})
    return bool(guard.scan(body))


def confidential_leaves(ws: Workspace) -> list[tuple[int, confidentiality.Leaf]]:
    return [
        (i, leaf)
        for i, f in enumerate(ws.files)
        for leaf in confidentiality.leaves(f.model)
        if leaf.secret and leaf.loc[-1] not in ("ev", "worst", "best") and _planted(f, leaf)
    ]


def _planted(parsed: Parsed, leaf: confidentiality.Leaf) -> bool:
    """Whether the leaf exists in the model (derived amounts do not)."""
    node: Any = parsed.model
    for part in leaf.loc:
        if (
            isinstance(node, BaseModel)
            and isinstance(part, str)
            and part in type(node).model_fields
        ):
            node = getattr(node, part)
        elif isinstance(node, list) and isinstance(part, int):
            node = node[part]
        elif isinstance(node, dict) and part in {str(k) for k in node}:
            node = next(v for k, v in node.items() if str(k) == part)
        else:
            return False
    return True


@pytest.mark.parametrize("folder", EXAMPLE_FOLDERS, ids=lambda p: p.name)
def test_a_canary_in_any_confidential_field_reaches_no_external_document(folder):
    ws = workspace(folder)
    planted = confidential_leaves(ws)
    assert planted, "the example has confidential fields to plant canaries in"
    for index, leaf in planted:
        if isinstance(leaf.value, str):
            value: Any = f"{CANARY} {leaf.value}"
            shows = canary_shows
        elif isinstance(leaf.value, int | float) and not isinstance(leaf.value, bool):
            value = float(AMOUNT) if isinstance(leaf.value, float) else int(AMOUNT)
            shows = amount_shows
        else:
            continue
        changed = with_file(ws, index, replaced(ws.files[index].model, leaf.loc, value))
        for body in external_bodies(changed, folder):
            assert not shows(body), f"{ws.files[index].path} {leaf.loc} reaches a document"


def public_text_leaves(ws: Workspace) -> list[tuple[int, confidentiality.Leaf]]:
    return [
        (i, leaf)
        for i, f in enumerate(ws.files)
        for leaf in confidentiality.leaves(f.model)
        if not leaf.secret and isinstance(leaf.value, str) and leaf.loc[-1] not in ("id", "kind")
    ]


def a_secret_amount(ws: Workspace) -> Decimal | None:
    guard = confidentiality.guard((str(f.path), f.model) for f in ws.files)
    return max(guard.amounts, default=None)


def a_secret_text(ws: Workspace) -> str | None:
    guard = confidentiality.guard((str(f.path), f.model) for f in ws.files)
    return min((s.value for s in guard.texts), key=len, default=None)


def written(value: Decimal, notation: int) -> str:
    """`value` in one of the notations the guard must recognise."""
    n = int(value)
    forms = [
        f"{n}",
        f"{n:,}",
        f"{n:,}".replace(",", " "),
        f"{n:,}".replace(",", "."),
        f"{n}.0",
        f"{n / 1e6:.2f}M" if n >= 10**6 else f"{n / 1e3:.1f}k",
        f"{n / 1e6:.2f} million" if n >= 10**6 else f"{n / 1e3:.1f} thousand",
        f"{n // 1000:,}k" if n % 1000 == 0 else f"{n / 1e3:.1f}k",
    ]
    return forms[notation % len(forms)]


@pytest.mark.parametrize("folder", EXAMPLE_FOLDERS, ids=lambda p: p.name)
def test_a_confidential_value_in_any_public_text_field_is_an_error_there(folder):
    ws = workspace(folder)
    fields = public_text_leaves(ws)
    assert fields
    amount = a_secret_amount(ws)
    text = a_secret_text(ws)
    if amount is None and text is None:  # nothing searchable: make a confidential score big
        index, leaf = next(
            (i, leaf) for i, leaf in confidential_leaves(ws) if isinstance(leaf.value, int)
        )
        ws = with_file(ws, index, replaced(ws.files[index].model, leaf.loc, int(AMOUNT)))
        amount = AMOUNT
    for n, (index, leaf) in enumerate(fields):
        planted = (
            f"see {written(amount, n)} here"
            if amount is not None and (text is None or n % 2 == 0)
            else f"see {text} here"
        )
        changed = with_file(ws, index, replaced(ws.files[index].model, leaf.loc, planted))
        found = [f for f in confidentiality.check(changed) if f.code == "leak.public-text"]
        assert [(f.path, f.loc) for f in found] == [(str(ws.files[index].path), leaf.loc)], (
            f"{planted!r} in {leaf.loc}"
        )
        for body in external_bodies(changed, folder):
            assert "see" not in body or planted not in body


def test_every_notation_of_an_amount_is_found():
    guard = confidentiality.Guard(
        amounts={Decimal(4_300_000): confidentiality.Secret("4300000", "floor", Decimal(4300000))},
        bases=[Decimal(5_000_000)],
    )
    for text in [
        "4300000",
        "4,300,000",
        "4 300 000",
        "4\u202f300\u202f000",
        "4.300.000",
        "4300000.0",
        "4.3M",
        "4.3 million",
        "4,300k",
        "USD4,300,000.00",
        "-4,300,000",
        "86% of the list price",
        "their floor 4.30 mn",
    ]:
        assert [s.where for s in guard.scan(f"x {text} y")] == ["floor"], text
    for text in ["4,301,000", "43,000", "4.4M", "15% off", "2026-04-30", "v4.3"]:
        assert guard.scan(f"x {text} y") == [], text


def test_a_reservation_derived_from_the_batna_is_as_secret_as_the_batna():
    ws = workspace(EXAMPLES / "vendor-renewal")
    (index,) = [i for i, f in enumerate(ws.files) if f.kind == "negotiation"]
    plan = ws.files[index].model
    loc = ("issues", 0, "options", 0, "name")
    name = "Annual fee discount (our walk-away is 4,875,000; their floor 4300000)"
    changed = with_file(ws, index, replaced(plan, loc, name))
    found = list(confidentiality.check(changed))
    assert [(f.code, f.loc) for f in found] == [("leak.public-text", loc)] * 2
    messages = " ".join(f.message for f in found)
    assert "parties[0]." in messages  # derived from the BATNA: halden sets no reservation
    assert "parties[1].reservation" in messages
    assert "4,875,000" not in messages  # the message names the field, not the value


def test_the_option_name_leak_is_a_validate_error_and_nothing_renders(run, tmp_path):
    import shutil

    folder = tmp_path / "vr"
    shutil.copytree(EXAMPLES / "vendor-renewal", folder)
    plan = folder / "negotiation.yaml"
    text = plan.read_text()
    first_option = "      - {id: d0, name: "
    assert first_option in text
    plan.write_text(
        text.replace(
            first_option, first_option + "'Discount (our walk-away is 4.875M)', x: ", 1
        ).replace(", x: ", "} #", 1)
    )
    result = run("validate", plan)
    assert result.exit_code == 1
    assert "[leak.public-text] issues[0].options[0].name is shared" in result.stdout
    rendered = run("render", folder, "--audience", "external", "-o", tmp_path / "out")
    assert rendered.exit_code == 1
    assert not (tmp_path / "out").exists()


REGISTER = """\
kind: stakeholders
version: 1
stakeholders:
  - {id: ann, name: Ann Lee, side: internal, power: 4, legitimacy: 4, urgency: 4, interest: 4,
     owner: mole-x, influences: [mole-x], tags: [leads]}
  - {id: mole-x, name: Dora Quill, side: external, power: 3, legitimacy: 3, urgency: 3,
     interest: 3, confidential: true, tags: [leads]}
"""
DECISION = """\
kind: decision
version: 1
number: 1
title: Pick a vendor
status: accepted
date: 2026-01-10
deciders: [ann, mole-x]
consulted: [mole-x]
informed: [ann, mole-x]
stances:
  - {stakeholder: mole-x, position: Wants the incumbent, interest: Continuity}
context: Which vendor.
options: [{name: A}, {name: B}]
outcome: {chosen: A, rationale: Cheaper}
"""


def test_a_confidential_stakeholder_is_not_named_wherever_it_is_referenced(run, tmp_path):
    folder = tmp_path / "p"
    (folder / "decisions").mkdir(parents=True)
    (folder / "stakeholders.yaml").write_text(REGISTER)
    (folder / "decisions/0001-pick.yaml").write_text(DECISION)
    (folder / "templates").mkdir()
    (folder / "templates/decision-notice.md.j2").write_text(
        "{{ decision.deciders }} {{ decision.consulted }} {{ decision.stances }} {{ deciders }}\n"
    )
    (folder / "templates/stakeholder-list.md.j2").write_text(
        "{% for row in rows %}{{ row.name }} {{ row }}{% endfor %}\n"
    )
    result = run("render", folder, "--audience", "external", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    for doc in (tmp_path / "out").glob("*.md"):
        body = doc.read_text()
        assert "mole-x" not in body, doc.name
        assert "Dora Quill" not in body, doc.name
    assert "ann" in (tmp_path / "out/0001-pick.decision-notice.md").read_text()


def test_a_template_cannot_read_the_yaml_or_follow_a_link_out(run, tmp_path):
    folder = tmp_path / "p"
    (folder / "decisions").mkdir(parents=True)
    (folder / "stakeholders.yaml").write_text(REGISTER)
    (folder / "decisions/0001-pick.yaml").write_text(DECISION)
    templates = folder / "templates"
    templates.mkdir()
    (templates / "decision-notice.md.j2").write_text('{% include "../stakeholders.yaml" %}\n')
    result = run("render", folder, "-d", "decision-notice", "--audience", "external")
    assert result.exit_code == 2
    assert "not found" in result.stderr
    (tmp_path / "secret.txt").write_text("Dora Quill is the mole\n")
    (templates / "decision-notice.md.j2").write_text('{% include "people.txt" %}\n')
    (templates / "people.txt").symlink_to(tmp_path / "secret.txt")
    result = run("render", folder, "-d", "decision-notice", "--audience", "external")
    assert result.exit_code == 2
    assert "is not a template" in result.stderr
    (templates / "decision-notice.md.j2").write_text('{% include "people.md.j2" %}\n')
    (templates / "people.md.j2").symlink_to(tmp_path / "secret.txt")
    result = run("render", folder, "-d", "decision-notice", "--audience", "external")
    assert result.exit_code == 2
    assert "leads out of its template folder" in result.stderr
    assert "Dora" not in result.stdout + result.stderr


def test_every_internal_document_says_so_and_no_external_one_does(tmp_path):
    for folder in EXAMPLE_FOLDERS:
        ws = workspace(folder)
        for doc in publishing.produce(ws, specs(), folder, []):
            internal = doc.spec.audience == "internal"
            assert doc.body.startswith(publishing.INTERNAL_BANNER) is internal, doc.name
            assert doc.name.endswith(".internal.md") is internal, doc.name


def test_withheld_values_refuse_arithmetic_hashing_and_json():
    import json

    withheld = confidentiality.Withheld("parties[0].reservation")
    for use in (
        lambda: withheld - 1,
        lambda: 1 * withheld,
        lambda: withheld / 2,
        lambda: -withheld,
        lambda: round(withheld),
        lambda: hash(withheld),
        lambda: withheld in {"a": 1},
        lambda: json.dumps(withheld, default=confidentiality.json_default),
    ):
        with pytest.raises(confidentiality.ConfidentialValueError, match="is confidential"):
            use()


def test_arithmetic_on_a_withheld_value_in_a_template_is_a_confidentiality_error(run, tmp_path):
    folder = tmp_path / "p"
    (folder / "decisions").mkdir(parents=True)
    (folder / "stakeholders.yaml").write_text(REGISTER)
    (folder / "decisions/0001-pick.yaml").write_text(
        DECISION.replace("context:", "notes: x\ncontext:")
    )
    (folder / "templates").mkdir()
    for expression in ("decision.notes * 2", "decision.notes|tojson", "decision.notes - 1"):
        (folder / "templates/decision-notice.md.j2").write_text(f"{{{{ {expression} }}}}\n")
        result = run("render", folder, "-d", "decision-notice", "--audience", "external")
        assert result.exit_code == 2, expression
        assert "notes is confidential" in result.stderr
        assert "internal error" not in result.stderr
