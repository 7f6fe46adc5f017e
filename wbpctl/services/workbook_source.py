"""Reading a workbook as the offices keep their lists: the first sheet of an .xlsx
(openpyxl, read-only: rows stream, memory stays flat), an .ods or an old .xls
(python-calamine, which reads them without LibreOffice).

Cells become the text the importer reads, the same as from a CSV export, with two
differences a CSV cannot make: a date cell is a date (written ISO, so no day/month
guessing), and a long number (a NIK a spreadsheet stored as a number) keeps the sign
that it was one, so that a NIK that may have lost its last digit is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Iterator

from ..domain.errors import Rejected

XLSX = (".xlsx", ".xlsm")
CALAMINE = (".ods", ".xls", ".xlsb")
_TITLE_LINES = 10


def is_workbook_name(path: str) -> bool:
    return Path(path).suffix.lower() in (*XLSX, *CALAMINE)


def cell_text(value: object) -> str:
    """A cell as the importer reads text. Spreadsheets keep 15 significant digits, so a
    16-digit number ending in 0 (or any number past 2^53) may have lost its last digit:
    it is written with '.0', which the NIK reader refuses with a hint; one ending in
    another digit was written by a tool that kept it, and is read."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else \
            value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, float) and not value.is_integer():
        return repr(value)
    if isinstance(value, (int, float)):
        whole = int(value)
        if abs(whole) >= 10 ** 14 and (whole % 10 == 0 or abs(whole) > 2 ** 53):
            return f"{whole}.0"
        return str(whole)
    return str(value)


@dataclass
class WorkbookSource:
    """An open sheet: its header, its rows with their row numbers (as the spreadsheet
    shows them), like ``CsvSource``."""

    name: str
    headers: list[str]
    sheet: str
    _rows: Iterator[tuple[int, list[str]]]
    _close: object
    header_line: int = 1
    size: int | None = None
    delimiter: str = ""
    encoding: str = "workbook"
    read: int = field(default=0)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        header = [h.strip() for h in self.headers]
        for number, cells in self._rows:
            self.read = number
            if not any(cell.strip() for cell in cells):
                continue
            if [c.strip() for c in cells[:len(header)]] == header:
                continue                     # a header repeated below
            yield number, cells

    def position(self) -> int:
        return self.read

    def close(self) -> None:
        close = self._close
        if callable(close):
            close()


def open_workbook(path: str, *, sheet: str | None = None) -> WorkbookSource:
    """Open the first sheet (or ``sheet``) of a workbook and find its header row: the
    first row with two values or more (a title printed above it is skipped)."""
    suffix = Path(path).suffix.lower()
    if not Path(path).exists():
        raise Rejected("import_file_missing", file=path)
    try:
        if suffix in XLSX:
            names, rows, close = _xlsx(path, sheet)
        else:
            names, rows, close = _calamine(path, sheet)
    except Rejected:
        raise
    except Exception as exc:    # a damaged or encrypted file: what the reader said
        raise Rejected("import_workbook_unreadable", file=path,
                       reason=str(exc) or type(exc).__name__) from None
    header_at, headers = 0, []
    buffered: list[tuple[int, list[str]]] = []
    for number, cells in rows:
        if sum(1 for c in cells if c.strip()) >= 2:
            header_at, headers = number, cells
            break
        buffered.append((number, cells))
        if len(buffered) > _TITLE_LINES:
            break
    if not headers:
        close()
        raise Rejected("import_empty", file=path)
    while headers and not headers[-1].strip():
        headers.pop()                 # the empty columns a sheet's used range carries
    return WorkbookSource(path, headers, names, rows, close, header_line=header_at,
                          size=None)


def _pick(names: list[str], sheet: str | None, path: str) -> str:
    if sheet is None:
        return names[0]
    for name in names:
        if name.strip().lower() == sheet.strip().lower():
            return name
    raise Rejected("import_sheet_missing", file=path, sheet=sheet, sheets=", ".join(names))


def _xlsx(path: str, sheet: str | None):
    import openpyxl   # only for workbooks: it takes a while to import

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    name = _pick(book.sheetnames, sheet, path)

    def rows() -> Iterator[tuple[int, list[str]]]:
        for number, values in enumerate(book[name].iter_rows(values_only=True), start=1):
            yield number, [cell_text(v) for v in values]

    return name, rows(), book.close


def _calamine(path: str, sheet: str | None):
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(path)
    name = _pick(book.sheet_names, sheet, path)

    def rows() -> Iterator[tuple[int, list[str]]]:
        data = book.get_sheet_by_name(name)
        for number, values in enumerate(data.iter_rows(), start=1):
            yield number, [cell_text(v) for v in values]

    return name, rows(), getattr(book, "close", None)
