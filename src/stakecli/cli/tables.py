"""Tables that fit the terminal: column priorities, numbers never split, text cut with `…`.

Every table command lays its rows out here, so they all behave the same at any width: the
console's width (the terminal's, or `COLUMNS`, or 80 in a pipe). A column is either *fixed*
(numbers, ids, letters: shown whole or not at all) or *text* (shortened with an ellipsis down to
its minimum). When even the minimums do not fit, the columns of the lowest priority go first,
and the caller can say so under the table.
"""

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

ELLIPSIS = "…"
GAP = 3
"""Cells of a table row apart (one space of padding either side of a one-space rule)."""


@dataclass(frozen=True, slots=True)
class Col:
    r"""One column: its header, whether it may be shortened, and how much it matters.

    Attributes:
        header: the heading (may span lines, `R\\nResponsible`).
        fixed: never shortened: a number, an id, a RACI letter.
        priority: 0 is always shown; higher numbers are dropped first when space runs out.
        justify: cell alignment.
        minimum: the narrowest a text column gets before columns are dropped.
        wrap: a number column's heading may wrap onto several lines to stay narrow.
    """

    header: str
    fixed: bool = False
    priority: int = 0
    justify: Literal["left", "right", "center"] = "left"
    minimum: int = 12
    wrap: bool = True


def cell_width(text: str) -> int:
    """Terminal cells `text` takes up on its widest line."""
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.split("\n")), default=0)


def shorten(text: str, width: int) -> str:
    """`text` cut to `width` cells, ending in `…` when anything was cut."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    return set_cell_size(text, width - 1).rstrip() + ELLIPSIS


def header_width(col: Col, rows: Sequence[Sequence[str]], index: int) -> int:
    """Cells a heading needs: a number column's heading wraps to its values' width.

    Never below its longest word; `gain for Halden Retail Group` does not widen a column of
    amounts.
    """
    if not col.fixed or not col.wrap or not rows:
        return cell_width(col.header)
    values = max(cell_width(r[index]) for r in rows)
    words = max((cell_width(w) for w in col.header.split()), default=0)
    return min(cell_width(col.header), max(values, words))


def wrap_header(header: str, width: int) -> str:
    """A heading on as many lines as `width` needs, each line cut to fit."""
    lines = [
        piece
        for line in header.split("\n")
        for piece in (textwrap.wrap(line, width, break_long_words=False) or [""])
    ]
    return "\n".join(shorten(line, width) for line in lines)


def layout(
    cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int, gap: int = GAP
) -> list[int | None]:
    """Each column's width, or None for a column dropped to make the table fit in `width`."""
    natural = [
        max([header_width(c, rows, i), *(cell_width(r[i]) for r in rows)])
        for i, c in enumerate(cols)
    ]
    least = [
        n if c.fixed else min(n, max(c.minimum, 1)) for c, n in zip(cols, natural, strict=True)
    ]
    # a droppable column with nothing in it says nothing
    kept = [
        i for i, c in enumerate(cols) if not (rows and c.priority and not any(r[i] for r in rows))
    ]

    def needed(indices: list[int], sizes: list[int]) -> int:
        return sum(sizes[i] for i in indices) + gap * (len(indices) - 1)

    while needed(kept, least) > width:
        droppable = [i for i in kept if cols[i].priority > 0]
        if not droppable:
            break
        kept.remove(max(droppable, key=lambda i: (cols[i].priority, i)))
    sizes = {i: least[i] for i in kept}
    spare = width - needed(kept, least)
    growing = [i for i in kept if sizes[i] < natural[i]]
    while spare > 0 and growing:
        share = max(spare // len(growing), 1)
        for i in sorted(growing, key=lambda i: sizes[i]):
            step = min(share, natural[i] - sizes[i], spare)
            sizes[i] += step
            spare -= step
        growing = [i for i in kept if sizes[i] < natural[i]]
    return [sizes.get(i) for i in range(len(cols))]


def table(cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int) -> Any:
    """A rich Table of `rows` laid out for `width` cells (no column wider than its share)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    sizes = layout(cols, rows, width)
    out = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
    shown = [i for i, s in enumerate(sizes) if s is not None]
    for i in shown:
        c, size = cols[i], sizes[i]
        assert size is not None
        header = wrap_header(c.header, size)
        out.add_column(
            Text(header), justify=c.justify, width=size, no_wrap=True, overflow="ellipsis"
        )
    for r in rows:
        cells = []
        for i in shown:
            size = sizes[i]
            assert size is not None
            cells.append(Text(shorten(" ".join(r[i].split()), size)))
        out.add_row(*cells)
    return out


def plain(cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int) -> tuple[str, list[str]]:
    """The header line and the row lines of an aligned table without rules (`kubectl get`).

    Fast for 10,000 rows, easy to grep and cut; laid out like `table`, two spaces apart.
    """
    from rich.cells import cell_len

    sizes = layout(cols, rows, width, gap=2)
    shown = [(i, s) for i, s in enumerate(sizes) if s is not None]

    def line(cells: Sequence[str]) -> str:
        parts = []
        for i, size in shown:
            text = shorten(" ".join(cells[i].split()), size)
            pad = " " * (size - cell_len(text))
            parts.append(pad + text if cols[i].justify == "right" else text + pad)
        return "  ".join(parts).rstrip()

    return line([c.header for c in cols]), [line(r) for r in rows]


def dropped(
    cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int, gap: int = GAP
) -> list[str]:
    """The headers of the columns `table` leaves out at `width`."""
    sizes = layout(cols, rows, width, gap)
    return [
        " ".join(c.header.split())
        for i, (c, s) in enumerate(zip(cols, sizes, strict=True))
        if s is None and any(r[i] for r in rows)
    ]


NUMBER = re.compile(r"^[-+]?[\d.,]+\s*(%|[A-Z]{3})?$|^(yes|no|—|-|)$")
"""A cell that must never be split: an amount, a score, a share, yes/no or a dash."""


def guess(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[Col]:
    """Columns for a table of strings: numbers fixed and right-aligned, later columns droppable.

    The first column and the first number column always stay; the others go from the right
    when the terminal is too narrow.
    """
    cols = []
    first_number = True
    for i, header in enumerate(headers):
        numeric = bool(rows) and all(NUMBER.match(r[i].strip()) for r in rows)
        keep = i == 0 or (numeric and first_number)
        first_number = first_number and not numeric
        if numeric:
            cols.append(Col(header, fixed=True, justify="right", priority=0 if keep else i))
        else:
            cols.append(Col(header, priority=0 if keep else i, minimum=14))
    return cols


def fold(text: str, width: int, *, units: Sequence[str] = ()) -> str:
    """A sentence or title wrapped to `width` (long words are not broken).

    With `units`, the text is those pieces joined by `; `, each kept on one line if it fits.
    """
    if units:
        text = "; ".join(u.replace(" ", "\u00a0") for u in units)
    folded = "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) or line
        for line in text.split("\n")
    )
    return folded.replace("\u00a0", " ")


def show(out: Any, title: str, cols: Sequence[Col], rows: Sequence[Sequence[str]]) -> None:
    """Print `title` and the table of `rows` on the console `out`, fitted to its width."""
    width = out.width
    if title:
        out.print(fold(title, width), style="bold", markup=False, highlight=False)
    out.print(table(cols, rows, width))
    note(out, dropped(cols, rows, width))


def note(out: Any, gone: list[str], hint: str = " or use --format") -> None:
    """Say which columns a narrow terminal left out, and how to see them."""
    if gone:
        text = f"(not shown at this width: {', '.join(gone)}; widen the terminal{hint})"
        out.print(fold(text, out.width), markup=False, highlight=False)
