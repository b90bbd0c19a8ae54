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


def cells(text: str) -> int:
    """Terminal cells of one line of text, as rich counts them (ASCII without rich's tables)."""
    if text.isascii() and text.isprintable():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def cell_width(text: str) -> int:
    """Terminal cells `text` takes up on its widest line."""
    if text.isascii() and text.isprintable():  # one cell per character, one line (C checks)
        return len(text)
    return max((cells(line) for line in text.split("\n")), default=0)


def _widest(column: Sequence[str]) -> int:
    """`max(map(cell_width, column))`, 0 for none; a column of printable ASCII in one C pass."""
    if _as_is(column, normal=False):
        return max(map(len, column), default=0)
    return max(map(cell_width, set(column)), default=0)  # a column repeats its values


def _as_is(column: Sequence[str], *, normal: bool = True) -> bool:
    """Whether every cell is printable ASCII (one cell per character, on one line).

    With `normal`, also whether every cell is shown as written: no space at either end and
    none doubled, so `" ".join(cell.split())` would leave it unchanged.
    """
    joined = "\x00".join(column)
    if not joined.isascii() or joined.count("\x00") != len(column) - (1 if column else 0):
        return False
    if not joined.replace("\x00", "").isprintable():
        return False
    if not normal:
        return True
    edges = ("  ", " \x00", "\x00 ")
    return not any(e in joined for e in edges) and joined[:1] != " " and joined[-1:] != " "


def shorten(text: str, width: int) -> str:
    """`text` cut to `width` cells, ending in `…` when anything was cut."""
    if cells(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    if text.isascii() and text.isprintable():
        return text[: width - 1].rstrip() + ELLIPSIS
    from rich.cells import set_cell_size

    return set_cell_size(text, width - 1).rstrip() + ELLIPSIS


def header_width(col: Col, values: int, rows: bool) -> int:
    """Cells a heading needs: a number column's heading wraps to its values' width.

    `values` is the widest of the column's cells (`rows`: whether there are any). Never below
    its longest word; `gain for Halden Retail Group` does not widen a column of amounts.
    """
    if not col.fixed or not col.wrap or not rows:
        return cell_width(col.header)
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
    widest = [_widest([r[i] for r in rows]) for i in range(len(cols))]
    natural = [max(header_width(c, widest[i], bool(rows)), widest[i]) for i, c in enumerate(cols)]
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


def text_table(cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int) -> str | None:
    """The text rich prints for `table(cols, rows, width)` where it writes no style.

    Headings at the bottom of the heading row, a rule of `─` under them, cells three spaces
    apart, each padded to its column's width as its column is justified (tests compare the
    two for any table). None when even the columns that always stay are wider than `width`
    (rich then squeezes the table its own way) or a text is not `_simple`.
    """
    sizes = layout(cols, rows, width)
    shown = [(c, s) for c, s in zip(cols, sizes, strict=True) if s is not None]
    if sum(s for _, s in shown) + GAP * (len(shown) - 1) > width:
        return None
    heads_simple = all(_simple(line) for c in cols for line in c.header.split("\n"))
    if not heads_simple or not all(_simple(" ".join(x.split())) for r in rows for x in r):
        return None
    heads = [wrap_header(c.header, s).split("\n") for c, s in shown]
    height = max((len(h) for h in heads), default=1)
    heads = [[""] * (height - len(h)) + h for h in heads]
    lines = [
        "   ".join(_justify(h[n], c, s) for h, (c, s) in zip(heads, shown, strict=True))
        for n in range(height)
    ]
    lines.append("─" * (sum(s for _, s in shown) + GAP * (len(shown) - 1)))
    index = [i for i, s in enumerate(sizes) if s is not None]
    for r in rows:
        lines.append(
            "   ".join(
                _justify(shorten(" ".join(r[i].split()), s), c, s)
                for i, (c, s) in zip(index, shown, strict=True)
            )
        )
    return "".join(line + "\n" for line in lines)


def _simple(text: str) -> bool:
    """Text whose cells rich counts one character at a time: printable, nothing combining.

    Zero-width joiners, variation selectors, combining marks and control codes are measured
    and padded by rich in ways of its own; a table holding any is left to rich.
    """
    if text.isascii():
        return text.isprintable()
    import unicodedata

    return all(ch.isprintable() and not unicodedata.combining(ch) and ch != "\ufe0f" for ch in text)


def _justify(text: str, col: Col, size: int) -> str:
    if col.justify != "left":
        text = text.rstrip()  # as rich's right and centre justification do
    pad = size - cells(text)
    if col.justify == "right":
        return " " * pad + text
    if col.justify == "center":
        return " " * (pad // 2) + text + " " * (pad - pad // 2)
    return text + " " * pad


_CONTROLS = dict.fromkeys((7, 8, 11, 12, 13))
"""Bell, backspace, vertical tab, form feed and carriage return: rich's Text drops them."""


def strip_controls(text: str) -> str:
    """`text` without the control codes rich's Text removes."""
    return text.translate(_CONTROLS)


class Plain:
    """The part of a rich Console that tables use, for output rich would write without style.

    In a pipe, a file or with `--color never`, rich writes plain text; writing that text
    directly saves importing and laying out with rich (a tenth of a `stakecli frontier` run).
    `print` writes what rich's `Console.print(text, markup=False)` writes: emoji codes such
    as `:smile:` replaced, its control codes dropped, then a newline.
    """

    def __init__(self, stream: Any, width: int) -> None:
        self.stream = stream
        self.width = width

    def print(self, text: str, *_: Any, **__: Any) -> None:
        """Write one text and a newline, as rich would."""
        if "\t" in text:  # rich expands tabs by cells (never in a folded title or note)
            from rich.console import Console

            Console(file=self.stream, width=self.width, highlight=False, soft_wrap=True).print(
                text, markup=False
            )
            return
        if ":" in text:
            from rich._emoji_replace import _emoji_replace

            text = _emoji_replace(text)
        self.stream.write(strip_controls(text) + "\n")


def plain(
    cols: Sequence[Col],
    rows: Sequence[Sequence[str]],
    width: int,
    sizes: Sequence[int | None] | None = None,
) -> tuple[str, list[str]]:
    """The header line and the row lines of an aligned table without rules (`kubectl get`).

    Fast for 10,000 rows, easy to grep and cut; laid out like `table`, two spaces apart.
    `sizes` is `layout(cols, rows, width, gap=2)`, if the caller has it already.
    """
    if sizes is None:
        sizes = layout(cols, rows, width, gap=2)
    shown = [(i, s) for i, s in enumerate(sizes) if s is not None]
    header = "  ".join(_column([cols[i].header], s, cols[i])[0] for i, s in shown)
    if not shown:
        return header.rstrip(), ["" for _ in rows]
    columns = [_column([r[i] for r in rows], size, cols[i]) for i, size in shown]
    return header.rstrip(), ["  ".join(parts).rstrip() for parts in zip(*columns, strict=True)]


def _column(column: Sequence[str], size: int, col: Col) -> list[str]:
    """Each cell on one line, shortened to `size` cells and padded to it as `col` justifies."""
    right = col.justify == "right"
    simple = _as_is(column)  # then a cell that fits is shown as written
    if simple and max(map(len, column), default=0) <= size:
        return [c.rjust(size) if right else c.ljust(size) for c in column]
    done: dict[str, str] = {}  # a column repeats its values (a class, a quadrant, a dash)
    out = []
    for cell in column:
        if simple and len(cell) <= size:
            out.append(cell.rjust(size) if right else cell.ljust(size))
            continue
        shown = done.get(cell)
        if shown is None:
            text = shorten(" ".join(cell.split()), size)
            pad = " " * (size - cells(text))
            shown = done[cell] = pad + text if right else text + pad
        out.append(shown)
    return out


def dropped(
    cols: Sequence[Col],
    rows: Sequence[Sequence[str]],
    width: int,
    gap: int = GAP,
    sizes: Sequence[int | None] | None = None,
) -> list[str]:
    """The headers of the columns `table` leaves out at `width` (`sizes`: its `layout`)."""
    if sizes is None:
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
    text = text_table(cols, rows, width) if isinstance(out, Plain) else None
    if text is not None:
        out.stream.write(text)
    elif isinstance(out, Plain):
        from rich.console import Console

        plain = Console(file=out.stream, width=width, highlight=False, soft_wrap=True)
        plain.print(table(cols, rows, width))
    else:
        out.print(table(cols, rows, width))
    note(out, dropped(cols, rows, width))


def note(out: Any, gone: list[str], hint: str = " or use --format") -> None:
    """Say which columns a narrow terminal left out, and how to see them."""
    if gone:
        text = f"(not shown at this width: {', '.join(gone)}; widen the terminal{hint})"
        out.print(fold(text, out.width), markup=False, highlight=False)
