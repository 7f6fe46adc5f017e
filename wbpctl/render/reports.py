"""Reports other than the monthly one, each ending with the ledger head it was made from:
a footer line in table and markdown, ``ledger_head`` in JSON, two columns in CSV (a
footer line would break CSV readers).

A report of another Lapas, or of several (``render.lapas``), names them: a line above a
report of rows and a ``lapas`` column in its CSV, a field of a report in sections; of
several, a row per Lapas (``by_lapas``) under ``lapas_columns``."""

from __future__ import annotations

from typing import Sequence

from . import lapas as scope
from .formats import render_record, to_csv, to_json, to_markdown, to_table
from .heads import CSV_COLUMNS, csv_cells, footer
from .messages import msg
from .sections import Section


def render_rows_report(report: dict, columns: Sequence[str], fmt: str, lang: str, *,
                       color: bool = False, width: int | None = None,
                       lapas_columns: Sequence[str] = ()) -> str:
    """A report of rows (``{"ledger_head": ..., "rows": [...]}``)."""
    head, rows = report["ledger_head"], report["rows"]
    if fmt == "json":
        return to_json(report)
    columns = _row_columns(report, columns, fmt)
    if fmt == "csv":
        return to_csv([{**row, **csv_cells(head)} for row in rows], (*columns, *CSV_COLUMNS))
    line = scope.scope_line(report, lang)
    by_lapas = report.get("by_lapas") or []
    if fmt == "markdown":
        return (f"{line}\n\n" if line else "") + to_markdown(rows, columns, lang) + (
            "\n" + to_markdown(by_lapas, lapas_columns, lang, msg("s_by_lapas", lang))
            if by_lapas else "") + "\n" + footer(head, lang) + "\n"
    return (f"{line}\n" if line else "") + \
        to_table(rows, columns, lang, color=color, width=width) + (
            "\n" + to_table(by_lapas, lapas_columns, lang, title=msg("s_by_lapas", lang),
                            color=color, width=width) if by_lapas else "") + \
        footer(head, lang) + "\n"


def _row_columns(report: dict, columns: Sequence[str], fmt: str) -> tuple[str, ...]:
    """The columns of a report of rows: with ``lapas`` (after the first) where its rows
    name their Lapas: in every CSV of such a report, and where they are of several."""
    if "lapas_scope" not in report or not (fmt == "csv" or report.get("by_lapas")):
        return tuple(columns)
    return (*columns[:1], "lapas", *columns[1:])


def rows_sheets(report: dict, title: str, columns: Sequence[str], lang: str,
                lapas_columns: Sequence[str] = ()) -> list:
    """A report of rows as a workbook: the rows, the Lapas it covers and its rows per
    Lapas (when it is not the usual report), and the ledger head."""
    from .workbook import head_sheet, rows_sheet

    return [rows_sheet(title, report["rows"], _row_columns(report, columns, "csv")),
            *scope.scope_sheets(report, lang, tuple(lapas_columns)),
            *head_sheet(report["ledger_head"])]


def lapas_sections(report: dict, sections: Sequence[Section], fmt: str,
              lapas_columns: Sequence[str]) -> list[Section]:
    """The report's sections, with the Lapas it covers as the first field of its own
    (CSV also names the parts not recorded per Lapas there: the others say it in words)
    and a section of rows per Lapas."""
    if "lapas_scope" not in report:
        return list(sections)
    extra = ("not_per_lapas",) if fmt == "csv" and "not_per_lapas" in report else ()
    laid = [s._replace(columns=("lapas", *s.columns, *extra)) if s.key is None else s
            for s in sections]
    if report.get("by_lapas"):
        laid.append(Section("s_by_lapas", "by_lapas", tuple(lapas_columns)))
    return laid


def render_sections_report(report: dict, sections: Sequence[Section], fmt: str, lang: str, *,
                           color: bool = False, width: int | None = None,
                           lapas_columns: Sequence[str] = ()) -> str:
    """A report laid out in sections (``report opd``)."""
    head = report["ledger_head"]
    lines = [*scope.notes(report, lang, width if fmt == "table" else None), footer(head, lang)]
    laid = lapas_sections(report, sections, fmt, lapas_columns)
    return render_record(report, laid, fmt, lang, color=color, width=width,
                         footer=("\n\n" if fmt == "markdown" else "\n").join(lines),
                         csv_extra=csv_cells(head))


def sections_sheets(report: dict, sections: Sequence[Section], lang: str,
                    lapas_columns: Sequence[str] = ()) -> list:
    """A report in sections as a workbook: a sheet per section (and per Lapas), the
    Lapas it covers, and the ledger head."""
    from .workbook import head_sheet, record_sheets

    laid = lapas_sections(report, sections, "xlsx", lapas_columns)
    return [*record_sheets(report, laid, lang), *scope.scope_sheets(report, lang),
            *head_sheet(report["ledger_head"])]
