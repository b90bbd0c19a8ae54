"""The journey document's Mermaid lines cannot be broken by user text."""

from stakecli.engagement.views import journey_text


def test_separators_and_comment_marks_become_spaces():
    assert journey_text("Approve: budget, #1; now") == "Approve budget 1 now"
    assert journey_text(":::") == "-"


def test_the_example_journey_diagram_has_integer_scores_1_to_5(run):
    from conftest import EXAMPLES

    text = run("render", EXAMPLES / "product-team" / "journey.yaml", "-d", "journey-map").stdout
    block = text.split("```mermaid\n")[1].split("```")[0]
    tasks = [line.strip() for line in block.splitlines() if line.startswith("      ")]
    assert tasks[:3] == [
        "Webinar: 4: Sam Whitfield",
        "Pilot set-up call: 3: Sam Whitfield, Rosa Diaz",
        "Connects the three carrier feeds: 3: Priya Nair",
    ]
    assert all(1 <= int(t.split(": ")[1]) <= 5 and t.count(":") == 2 for t in tasks)
    assert "Approves the purchase order against the quarter's budget: 2: Dana Reyes" in tasks
