import pytest

from conftest import EXAMPLES
from helpers import varied_register
from stakecli import pipeline
from stakecli.core import rendering
from stakecli.core.config import Config, GridConfig
from stakecli.core.project import Workspace
from stakecli.core.publishing import INTERNAL_BANNER
from stakecli.kinds import documents as specs
from stakecli.stakeholders import attention, views
from stakecli.stakeholders.attention import Settings
from stakecli.stakeholders.model import Register


def spec(name):
    [found] = [s for s in specs() if s.name == name]
    return found


def render(name, folder, config=None):
    report = pipeline.run([folder], config or Config())
    [parsed] = [p for p in report.parsed if p.kind == "stakeholders"]
    workspace = Workspace(config or Config(), report.parsed)
    s = spec(name)
    return rendering.render(s.template, s.context(parsed, workspace)), parsed.model


def test_documents_are_registered_with_their_audience():
    assert (spec("stakeholder-map").kind, spec("stakeholder-map").audience) == (
        "stakeholders",
        "internal",
    )
    assert (spec("stakeholder-list").kind, spec("stakeholder-list").audience) == (
        "stakeholders",
        "external",
    )


@pytest.mark.parametrize("example", ["vendor-renewal", "partnership", "conflicting-kpis"])
def test_external_list_leaks_nothing_confidential(example):
    text, register = render("stakeholder-list", EXAMPLES / example)
    assert isinstance(register, Register)
    for person in register.stakeholders:
        if person.notes:
            assert person.notes not in text
        if person.confidential:
            assert person.name not in text
        else:
            assert rendering.md_cell(person.name) in text
        for hidden in [*person.positions, *person.interests]:
            assert hidden not in text
    for word in ("legitimacy", "resistant", "Definitive", "Manage closely", "gap"):
        assert word not in text


def test_external_list_of_the_partnership():
    text, _ = render("stakeholder-list", EXAMPLES / "partnership")
    assert text == (
        "# Onboarding rollout (Engineering x Marketing)\n\n"
        "| Name | Role | Organisation |\n|---|---|---|\n"
        "| Hannah Osei | Group Product Manager, Onboarding | Product |\n"
        "| Ingrid Holm | Finance Business Partner, Marketing | Finance |\n"
        "| Keisha Morgan | Support Operations Lead | Customer Support |\n"
        "| Lena Vogel | Senior Product Analyst | Data & Analytics |\n"
        "| Olivia Brandt | VP Product | Product & Engineering |\n"
        "| Priya Natarajan | Engineering Manager, Growth Platform | Engineering |\n"
        "| Ravi Shankar | Site Reliability Lead | Engineering |\n"
        "| Tomás Ferreira | Director of Product Marketing | Marketing |\n"
    )
    assert "Customer finance approver" not in text  # confidential: true


def test_map_document_matches_the_command(run):
    text, _ = render("stakeholder-map", EXAMPLES / "conflicting-kpis")
    stdout = run("stakeholders", EXAMPLES / "conflicting-kpis", "-f", "markdown").stdout
    assert INTERNAL_BANNER + text == stdout
    assert (
        "| 3 | Marcus Bell | Definitive | Definitive | Key players | Manage closely "
        "| leading → supportive | -1 (over-engaged) | 0.73 |\n"
    ) in text  # Circle power 3, proximity 2, urgency 4: (4*3/4 + 2*2/4 + 5*4/5) / 11 = 8/11


def test_diagrams_are_limited_but_the_table_is_complete():
    config = Config(grid=GridConfig(diagram_limit=2))
    text, _ = render("stakeholder-map", EXAMPLES / "conflicting-kpis", config)
    chart = text.split("```mermaid\n")[1].split("```")[0]
    assert [line for line in chart.splitlines() if line.startswith('    "')] == [
        '    "Tomasz Kowal": [0.9, 0.65]',
        '    "Priya Raman": [0.9, 0.58]',  # moved down: names apart
    ]
    flow = text.split("```mermaid\n")[2].split("```")[0]
    assert [
        line.strip() for line in flow.splitlines() if "[" in line and "subgraph" not in line
    ] == [
        's1["Tomasz Kowal"]',
        's2["Priya Raman"]',
    ]
    assert "-->" not in flow  # both drawn stakeholders influence only people left out
    assert "The 2 stakeholders who need attention most, of 8." in text
    attention = text.split("## Who needs attention")[1].split("## Stakeholder Circle")[0]
    attention = attention.split("## Hidden")[0]
    assert attention.count("\n| ") == 9  # header + 8 rows


@pytest.mark.parametrize("cutoff", [0, 1, 2, 3, 4, 5])
def test_chart_points_fall_on_the_side_of_the_midline_their_quadrant_says(cutoff):
    from stakecli.stakeholders.views import axis

    for score in range(1, 6):
        position = axis(score, cutoff)
        assert 0 < position < 1
        assert (position > 0.5) is (score > cutoff)


LOOP = (
    "{% for r in rows %}\n"
    "| {{ r.rank }} | {{ r.name | cell }}{% if r.hidden %} (hidden){% endif %} | {{ r.cls }} "
    "| {{ r.group }} | {{ r.quadrant }} | {{ r.strategy }} | {{ r.engagement }} | {{ r.gap }} "
    "|{% if circle %} {{ r.circle }} |{% endif %}\n\n{% endfor %}"
)
"""The attention table as the map's template once wrote it, row by row in the sandbox."""


@pytest.mark.parametrize("circle", [True, False])
def test_the_attention_rows_are_what_the_templates_loop_wrote(circle):
    ranked = views.ranked(varied_register(), Settings())
    loop = rendering.environment().from_string(LOOP)
    expected = loop.render(rows=[views.row(a) for a in ranked], circle=circle)
    assert views.attention_rows(ranked, circle=circle) == expected
    assert "Zoë \\| \\*bold\\*" in expected


def test_rows_are_built_for_a_template_that_reads_them(tmp_path):
    register = varied_register()
    ranked = views.ranked(register, Settings())
    context = views.map_context(register, ranked, Settings())
    rows = context["rows"]
    assert len(rows) == len(ranked)
    assert list(rows) == [views.row(a) for a in ranked]
    assert rows[0]["name"] == ranked[0].stakeholder.name
    (tmp_path / "stakeholder-map.md.j2").write_text(
        "{{ rows | length }} {% for r in rows %}{{ r.rank }}{% endfor %}", "utf-8"
    )
    text = rendering.render("stakeholder-map.md.j2", context, [tmp_path])
    assert text == "40 " + "".join(str(n) for n in range(1, 41))


def test_the_maps_of_one_register_share_its_ranking():
    register = varied_register()
    first = views.ranked(register, Settings())
    assert views.ranked(register, Settings()) == first
    assert views.ranked(register, Settings()) is not first  # a copy: callers may sort it
    lenient = Settings(threshold=2)
    assert views.ranked(register, lenient) == attention.rank(register.stakeholders, lenient)
    other = varied_register()
    assert views.ranked(other, Settings()) == attention.rank(other.stakeholders, Settings())
