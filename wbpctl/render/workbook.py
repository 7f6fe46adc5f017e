"""Writing real workbooks (.xlsx) with openpyxl's write-only mode: rows stream, memory
stays flat, and the file appears whole (owner-only) or not at all.

What a spreadsheet would spoil is written so it cannot: every text is a text cell (a NIK
or a register number never becomes a number), an ISO date is a date cell, and a text
that a spreadsheet would run as a formula is neutralised (see ``domain.cells``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..domain.patterns import LazyPattern
from ..files import check_output
from .safe import cell, json_text

_ISO_DATE = LazyPattern(r"\d{4}-\d{2}-\d{2}")
_WIDTH_SAMPLE = 200       # rows looked at to size the columns
_MAX_WIDTH = 60


@dataclass
class Sheet:
    title: str
    columns: Sequence[str]
    rows: Iterable[Sequence[Any]]


def _value(value: Any, raw: bool) -> Any:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        if _ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                return value
        return cell(value, raw=raw)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json_text(value, sort_keys=True)
    return value


def write_workbook(path: Path, sheets: Sequence[Sheet], *, raw: bool = False) -> None:
    """Write ``sheets`` to the workbook ``path``: a frozen header row, columns as wide as
    their contents (from the first rows), dates as dates, texts as texts."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    check_output(path)
    book = Workbook(write_only=True)
    for sheet in sheets:
        ws = book.create_sheet(title=_sheet_title(sheet.title))
        rows = iter(sheet.rows)
        sample = [[_value(v, raw) for v in row]
                  for row in itertools.islice(rows, _WIDTH_SAMPLE)]
        for index, column in enumerate(sheet.columns):
            longest = max([len(str(column)), *(len(_shown(r[index])) for r in sample
                                               if index < len(r))])
            ws.column_dimensions[get_column_letter(index + 1)].width = min(longest + 2,
                                                                         _MAX_WIDTH)
        ws.freeze_panes = "A2"
        bold = Font(bold=True)
        header = []
        for column in sheet.columns:
            cell = WriteOnlyCell(ws, value=str(column))
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in itertools.chain(sample, ([_value(v, raw) for v in row] for row in rows)):
            ws.append([_cell(ws, v, WriteOnlyCell) for v in row])
    _save(book, path)


def rows_sheet(title: str, rows: Iterable[dict], columns: Sequence[str]) -> Sheet:
    return Sheet(title, columns, ([row.get(c) for c in columns] for row in rows))


def record_sheets(record: dict, sections: Sequence, lang: str) -> list[Sheet]:
    """A record (``participant show``, ``report opd``): a sheet per section; the record's
    own fields as field/value rows."""
    from .messages import msg

    sheets = []
    for section in sections:
        title = msg(section.title, lang)
        if section.key is None:
            sheets.append(Sheet(title, ("field", "value"),
                                [[c, record.get(c)] for c in section.columns]))
        else:
            sheets.append(rows_sheet(title, record.get(section.key) or [], section.columns))
    return sheets


def head_sheet(head: dict | None) -> list[Sheet]:
    """The ledger head a report was made from, as its last sheet."""
    if not head:
        return []
    return [Sheet("ledger_head", tuple(head), [list(head.values())])]


def _shown(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value or "")


def _cell(ws, value: Any, cell_type):
    if isinstance(value, date):
        cell = cell_type(ws, value=value)
        cell.number_format = "DD/MM/YYYY"
        return cell
    if isinstance(value, str):
        cell = cell_type(ws, value=value)
        cell.data_type = "s"      # text, even when it begins like a formula or a number
        return cell
    return value


def _sheet_title(title: str) -> str:
    """Sheet names: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Sheet"


def _save(book, path: Path) -> None:
    from .output import atomic_path

    with atomic_path(path, suffix=".xlsx") as tmp:
        book.save(tmp)
