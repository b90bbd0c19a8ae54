import pytest

from stakecli.core.quadrant import coordinate


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (0.0, "0"),
        (0.35, "0.35"),
        (0.3456, "0.346"),
        (0.5, "0.5"),
        (0.9999, "1"),
        (0.0004, "0"),
        (1.2, "1"),
        (-0.1, "0"),
    ],
)
def test_coordinates_are_in_the_forms_mermaid_accepts(value, text):
    assert coordinate(value) == text
