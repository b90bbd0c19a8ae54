"""Spreadsheet tables in and out, for any kind: CSV dialects, .xlsx sheets, formula-safe cells.

Reading (DOMAIN_2.md 12.2, 12.4): CSV is decoded as UTF-8 with or without a BOM, its delimiter
sniffed among `,` `;` and tab (falling back to `,`) unless given; `.xlsx` is read with openpyxl
in read-only mode, cached values rather than formulas, and always closed. Every cell becomes a
string trimmed of spaces ('' when empty), each row keeps the line (CSV) or row number (XLSX) it came
from, so problems can be located at the cell.

Writing (12.2, 12.3): CSV is UTF-8 with a BOM and CRLF line ends (what Excel reads as UTF-8);
a text cell starting with `=`, `+`, `-`, `@`, tab, CR or NUL gets a leading `'` (OWASP ASVS
1.2.10, CWE-1236) unless it is wholly a number; `.xlsx` cells holding text are string-typed, so
no cell can become a formula. `unescape` undoes the CSV prefix on the way back in.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stakecli.core.errors import UsageError

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")
"""First characters that make a spreadsheet read a cell as a formula (OWASP; CWE-1236)."""
DELIMITERS = ",;\t"
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: the cells in column order and the line (or sheet row) it came from."""

    line: int
    cells: tuple[str, ...]

    def cell(self, column: int) -> str:
        """The cell of a 0-based column ('' past the end of a short row)."""
        return self.cells[column] if column < len(self.cells) else ""


@dataclass(slots=True)
class Table:
    """A header row and the data rows under it (blank rows dropped)."""

    header: list[str]
    rows: list[Row] = field(default_factory=list)
    header_line: int = 1
    delimiter: str | None = None
    """The CSV delimiter; None for a sheet of a workbook."""
    formulas: list[tuple[int, int]] = field(default_factory=list)
    """(line, 1-based column) of XLSX cells holding a formula, read as their cached value."""

    def text(self, row: Row, column: int) -> str:
        """A cell's text, the CSV formula escape undone (XLSX cells are typed, never escaped)."""
        cell = row.cell(column)
        return unescape(cell) if self.delimiter is not None else cell


class TableError(UsageError):
    """A file cannot be read as a table at all; `line` says where, when known."""

    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.col = col


def is_xlsx(path: Path) -> bool:
    """Whether a path names an Excel workbook (by its suffix)."""
    return path.suffix.lower() in XLSX_SUFFIXES


def read(path: Path, *, delimiter: str | None = None, sheet: str | None = None) -> Table:
    """The table in a CSV file or an XLSX sheet (the first, or `sheet`)."""
    if is_xlsx(path):
        return read_xlsx(path, sheet)
    if sheet is not None:
        raise UsageError(f"{path}: --sheet applies to .xlsx workbooks only")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{path}: not UTF-8 text (byte {exc.start}); save the sheet as 'CSV UTF-8' or as .xlsx"
        ) from None
    return read_csv(text, delimiter)


def sniff(text: str) -> str:
    """The delimiter of a CSV text: `,`, `;` or tab, from its first lines (`,` if unsure)."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        found = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = ","
    first = sample.split("\n", 1)[0]
    # The sniffer can pick a character that merely recurs inside quoted cells; the header line
    # (quotes aside) settles it when it holds only one of the candidates.
    bare = re.sub(r'"[^"]*"', "", first)
    present = [d for d in DELIMITERS if d in bare]
    if len(present) == 1:
        return present[0]
    return found


def read_csv(text: str, delimiter: str | None = None) -> Table:
    """The table of a CSV text; a row a CSV reader refuses raises TableError at its line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    used = delimiter if delimiter is not None else sniff(text)
    if len(used) != 1:
        raise UsageError(f"--delimiter must be one character, got {used!r}")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=used, strict=False)
    header: list[str] | None = None
    table: Table | None = None
    try:
        start = 1
        for cells in reader:
            stripped = tuple(trim(c) for c in cells)
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in stripped):
                continue  # blank lines are fine in a spreadsheet
            if header is None:
                header = list(stripped)
                table = Table(header, header_line=line, delimiter=used)
                continue
            assert table is not None
            table.rows.append(Row(line, stripped))
    except csv.Error as exc:
        raise TableError(f"unreadable CSV: {exc}", reader.line_num) from None
    if table is None:
        raise TableError("the first row must name the columns")
    return table


def read_xlsx(path: Path, sheet: str | None = None) -> Table:
    """The table of one sheet: cached values (never formulas), the workbook always closed."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, InvalidFileException...
        raise UsageError(f"{path}: not a readable .xlsx workbook: {exc}") from None
    try:
        names = book.sheetnames
        if sheet is not None and sheet not in names:
            raise UsageError(f"{path}: no sheet {sheet!r}; sheets: {', '.join(names)}")
        ws = book[sheet or names[0]]
        ws.reset_dimensions()  # stored dimensions may be wrong; read what is there
        rows = [
            (n, tuple(_cell_text(v) for v in values))
            for n, values in enumerate(ws.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    table = _from_rows(rows)
    table.formulas = _formula_cells(path, sheet or names[0])
    return table


def _formula_cells(path: Path, sheet: str) -> list[tuple[int, int]]:
    """Where a sheet holds formulas: their cached values were read, so say so."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    try:
        ws = book[sheet]
        ws.reset_dimensions()
        return [
            (r, c)
            for r, values in enumerate(ws.iter_rows(values_only=True), start=1)
            for c, v in enumerate(values, start=1)
            if isinstance(v, str) and v.startswith("=")
        ]
    finally:
        book.close()


def _from_rows(rows: Iterable[tuple[int, tuple[str, ...]]]) -> Table:
    table: Table | None = None
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        if table is None:
            table = Table(list(cells), header_line=line)
        else:
            table.rows.append(Row(line, cells))
    if table is None:
        raise TableError("the sheet is empty; its first row must name the columns")
    while table.header and not table.header[-1]:
        table.header.pop()  # trailing formatted-but-empty columns
    return table


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return trim(str(value))


def trim(cell: str) -> str:
    """A cell without surrounding spaces; a line break at its end stays (it splits lists)."""
    return cell.strip(" \t")


def is_number(text: str) -> bool:
    """Whether a cell is wholly a number (`-5`, `2.5`): exported as a number, never escaped."""
    return bool(_NUMBER.match(text))


def escape(text: str) -> str:
    """`'`-prefix a cell a spreadsheet would run as a formula (and one already `'`-led)."""
    if text and (text.startswith(TRIGGERS) or text[0] == "'") and not is_number(text):
        return "'" + text  # the cheap test first: most cells start with neither
    return text


def unescape(text: str) -> str:
    """Undo `escape`: drop one `'` before a formula trigger or another `'`."""
    if len(text) > 1 and text[0] == "'" and (text[1] in TRIGGERS or text[1] == "'"):
        return text[1:]
    return text


def is_formula_like(text: str) -> bool:
    """An unescaped cell that a spreadsheet would run as a formula."""
    return bool(text) and text.startswith(TRIGGERS) and not is_number(text)


def to_csv(header: Sequence[str], rows: Iterable[Sequence[str]], delimiter: str = ",") -> str:
    """CSV text with formula-leading cells escaped; write it with `csv_bytes`."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([escape(h) for h in header])
    writer.writerows([escape(c) for c in row] for row in rows)
    return out.getvalue()


def csv_bytes(text: str) -> bytes:
    """UTF-8 with a BOM: Excel reads it as UTF-8 only then (DOMAIN_2.md 12.2)."""
    return b"\xef\xbb\xbf" + text.encode("utf-8")


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[str]]]]) -> bytes:
    """A workbook of (sheet title, header, rows); text is string-typed, numbers are numbers."""
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        ws = book.create_sheet(_sheet_title(title))
        for values in [header, *rows]:
            try:
                ws.append([_xlsx_cell(ws, v) for v in values])
            except IllegalCharacterError:
                ws.append([_xlsx_cell(ws, _printable(v)) for v in values])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(ws: Any, value: str) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if value and is_number(value) and _exact_number(value):
        return float(value) if any(c in value for c in ".eE") else int(value)
    cell = WriteOnlyCell(ws, value=None)
    cell.value = value if value else None
    if value:
        cell.data_type = "s"  # never a formula, whatever the first character (12.4)
    return cell


def _exact_number(value: str) -> bool:
    """A number the sheet stores and gives back as the same text."""
    try:
        number = float(value) if any(c in value for c in ".eE") else int(value)
    except ValueError:
        return False
    return _cell_text(number) == value


def _printable(value: str) -> str:
    return "".join(c if c in "\t\n\r" or ord(c) >= 32 else "?" for c in value)


def _sheet_title(title: str) -> str:
    cleaned = re.sub(r"[\\/*?:\[\]]", " ", title).strip() or "Sheet"
    return cleaned[:31]


def write_atomic(target: Path, data: bytes) -> None:
    """Write bytes via a temporary file in the same folder and a rename: never half a file.

    As `publishing.write_atomic`: never through a symbolic link (the link itself is replaced;
    callers refuse an existing target without --force), never onto a folder, the user's umask.
    """
    from stakecli.core.publishing import write_atomic as write

    write(target, data, force=True)
