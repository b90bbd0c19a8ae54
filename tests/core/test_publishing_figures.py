"""Figures of a document: an SVG written beside it, linked, checked, protected, never external."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES
from stakecli.core.documents import DocumentSpec
from stakecli.core.publishing import MARKER, digest, figure_name, take_figures

BRIEF = "negotiation.negotiation-brief.internal.md"
CHART = "negotiation.negotiation-brief.packages.internal.svg"


def spec(audience="internal") -> DocumentSpec:
    return DocumentSpec("brief", "negotiation", "t.md.j2", audience, lambda p, w: {})


@pytest.fixture
def vendor(tmp_path):
    """A copy of the vendor-renewal example, with its committed docs."""
    return shutil.copytree(EXAMPLES / "vendor-renewal", tmp_path / "vendor")


def test_a_figure_is_named_after_its_document_and_keeps_its_audience():
    internal, external = spec(), spec("external")
    assert figure_name(internal, Path("a/plan.yaml"), "chart") == "plan.brief.chart.internal.svg"
    assert figure_name(external, Path("plan.yaml"), "chart") == "plan.brief.chart.svg"


def test_the_template_gets_the_figures_link_and_the_svg_stays_out_of_it():
    context = {"figures": {"packages": "<svg/>", "none": None}, "title": "t"}
    found = take_figures(spec(), Path("my plan (v2).yaml"), context)
    assert found == (("my plan (v2).brief.packages.internal.svg", "<svg/>"),)
    assert context == {
        "figures": {"packages": "my%20plan%20%28v2%29.brief.packages.internal.svg", "none": None},
        "title": "t",
    }


def test_render_writes_the_brief_and_its_chart_beside_it_with_a_marker(run, vendor, tmp_path):
    out = tmp_path / "out"
    result = run("render", vendor / "negotiation.yaml", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert f"wrote {out / CHART}" in result.stderr.splitlines()
    first, _, svg = (out / CHART).read_text(encoding="utf-8").partition("\n")
    match = MARKER.match(first)
    assert match is not None
    assert (match["source"], match["document"], match["audience"]) == (
        "../vendor/negotiation.yaml",
        "negotiation-brief",
        "internal",
    )
    assert match["digest"] == digest(svg)
    assert svg.startswith("<svg ")
    assert f"]({CHART})" in (out / BRIEF).read_text(encoding="utf-8")
    assert run("negotiation", "chart", vendor).stdout == svg  # the picture the command draws


def test_the_brief_on_stdout_says_where_its_chart_would_be(run, vendor):
    for argv in (
        ["render", vendor / "negotiation.yaml", "-d", "negotiation-brief"],
        ["negotiation", vendor, "-f", "markdown"],
    ):
        result = run(*argv)
        assert result.exit_code == 0, result.stderr
        assert f"]({CHART})" in result.stdout
        assert result.stderr == (
            f"note: {BRIEF} links {CHART}, which only `stakecli render -o DIR` writes "
            "(beside the document); it is not in this output\n"
        )


def test_check_sees_a_missing_edited_or_orphaned_chart(run, vendor):
    docs = vendor / "docs"
    assert run("render", "--check", "--audience", "all", vendor).exit_code == 0
    chart = docs / CHART
    kept = chart.read_text(encoding="utf-8")
    chart.unlink()
    result = run("render", "--check", vendor)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{chart}: missing")
    assert "1 out of date" in result.stderr
    chart.write_text(kept.replace("Nash solution", "Nash"), encoding="utf-8")
    result = run("render", "--check", vendor)
    assert result.stdout.startswith(f"{chart}: edited after stakecli generated it")
    chart.write_text(kept, encoding="utf-8")
    (docs / "old.negotiation-brief.packages.internal.svg").write_text(kept, encoding="utf-8")
    result = run("render", "--check", vendor)
    assert result.exit_code == 1
    assert "old.negotiation-brief.packages.internal.svg: generated from a source" in result.stdout


def test_an_edited_chart_is_not_overwritten_without_force(run, vendor):
    chart = vendor / "docs" / CHART
    chart.write_text(chart.read_text(encoding="utf-8") + "<!-- mine -->\n", encoding="utf-8")
    result = run("render", vendor, "-o", vendor / "docs")
    assert result.exit_code == 1
    assert f"stakecli: {chart}: not overwritten: edited" in result.stderr
    assert chart.read_text(encoding="utf-8").endswith("<!-- mine -->\n")
    assert run("render", vendor, "-o", vendor / "docs", "--force").exit_code == 0
    assert run("render", "--check", vendor).exit_code == 0


def test_external_documents_get_no_figure_and_no_score(run, vendor, tmp_path):
    out = tmp_path / "out"
    assert run("render", vendor, "--audience", "external", "-o", out).exit_code == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".md", ".md"]
    assert not any(".internal." in p.name for p in out.iterdir())
    assert "svg" not in (out / "negotiation.proposal.md").read_text(encoding="utf-8")


def test_an_external_documents_figure_is_scanned_by_the_leak_guard(tmp_path):
    from stakecli import pipeline
    from stakecli.core import publishing
    from stakecli.core.errors import TemplateError

    shutil.copy(EXAMPLES / "vendor-renewal" / "negotiation.yaml", tmp_path)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "leaky.md.j2").write_text("Nothing to see here.\n")
    (workspace,) = pipeline.run([tmp_path]).workspaces
    (plan,) = [f.model for f in workspace.files if f.kind == "negotiation"]
    notes = plan.parties[0].notes
    assert notes

    def leaky(parsed, workspace):
        return {"figures": {"packages": f"<svg><text>{notes}</text></svg>"}}

    external = DocumentSpec("leaky", "negotiation", "leaky.md.j2", "external", leaky)
    with pytest.raises(TemplateError, match="is for an external audience but contains"):
        publishing.produce(workspace, [external], tmp_path, [])
    harmless = DocumentSpec("leaky", "negotiation", "leaky.md.j2", "external", lambda p, w: {})
    (doc,) = publishing.produce(workspace, [harmless], tmp_path, [])
    assert doc.figures == ()
