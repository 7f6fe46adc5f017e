"""Reports other than the monthly one, each ending with the ledger head it was made from:
a footer line in table and markdown, ``ledger_head`` in JSON, two columns in CSV (a
footer line would break CSV readers)."""

from __future__ import annotations

from typing import Sequence

from .formats import render_record, to_csv, to_json, to_markdown, to_table
from .heads import CSV_COLUMNS, csv_cells, footer
from .sections import Section


def render_rows_report(report: dict, columns: Sequence[str], fmt: str, lang: str, *,
                       color: bool = False, width: int | None = None) -> str:
    """A report of rows (``{"ledger_head": ..., "rows": [...]}``)."""
    head, rows = report["ledger_head"], report["rows"]
    if fmt == "json":
        return to_json(report)
    if fmt == "csv":
        return to_csv([{**row, **csv_cells(head)} for row in rows], (*columns, *CSV_COLUMNS))
    if fmt == "markdown":
        return to_markdown(rows, columns, lang) + "\n" + footer(head, lang) + "\n"
    return to_table(rows, columns, lang, color=color, width=width) + footer(head, lang) + "\n"


def render_sections_report(report: dict, sections: Sequence[Section], fmt: str, lang: str, *,
                           color: bool = False, width: int | None = None) -> str:
    """A report laid out in sections (``report opd``)."""
    head = report["ledger_head"]
    return render_record(report, sections, fmt, lang, color=color, width=width,
                         footer=footer(head, lang), csv_extra=csv_cells(head))
