"""Points of a Mermaid quadrantChart: coordinates in the only forms Mermaid's lexer accepts."""

from __future__ import annotations


def coordinate(value: float) -> str:
    """A chart coordinate as Mermaid reads it: `0`, `1` or `0.` and up to three decimals.

    Mermaid's quadrantChart lexer takes `1` or `0.x` but rejects `1.0` and `1.000`, so
    trailing zeros go. Values outside 0..1 are clamped to the chart.
    """
    text = f"{min(max(value, 0.0), 1.0):.3f}".rstrip("0").rstrip(".")
    return text or "0"
