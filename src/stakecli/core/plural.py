"""Counted nouns in messages: `1 file`, `2 files`, `1 RACI file`, `3 stakeholders`."""

from __future__ import annotations

IRREGULAR = {"person": "people", "analysis": "analyses", "matrix": "matrices"}
"""Plurals that are not the noun plus `s`."""


def plural(noun: str, n: int) -> str:
    """`noun` as it reads after the number `n` (the last word changes: `RACI file(s)`)."""
    if n == 1:
        return noun
    head, _, last = noun.rpartition(" ")
    regular = last + "es" if last.endswith(("s", "x", "ch", "sh")) else last + "s"
    many = IRREGULAR.get(last, regular)
    return f"{head} {many}" if head else many


def count(n: int, noun: str) -> str:
    """`n` and the noun in its right number: `count(1, 'document')` is `1 document`."""
    return f"{n:,} {plural(noun, n)}"
