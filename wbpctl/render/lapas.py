"""What every report shows of the Lapas it covers (``reports.lapas``): its title names
them, a note says which of its figures count the whole ledger whatever ``--lapas`` says
(not recorded per Lapas), and its rows per Lapas. A report of the usual ledger carries
none of these keys and shows none of it."""

from __future__ import annotations

import textwrap

from .messages import msg


def codes_text(codes: list[str], lang: str) -> str:
    """``KTL``, ``JMB and KTL``, ``JMB, KTL and MBO`` (``dan`` in Indonesian)."""
    if len(codes) < 2:
        return "".join(codes)
    return ", ".join(codes[:-1]) + msg("lapas_and", lang) + codes[-1]


def scope_name(report: dict, lang: str) -> str:
    """The Lapas a title names: the report's code as always, or the Lapas it covers."""
    codes = report.get("lapas_scope")
    return report["lapas"] if codes is None else codes_text(codes, lang)


def scope_line(report: dict, lang: str) -> str | None:
    """``Lapas: JMB and KTL`` for a report without a title, or None (the usual report)."""
    if "lapas_scope" not in report:
        return None
    return msg("lapas_covered", lang, codes=codes_text(report["lapas_scope"], lang))


def note(report: dict, part: str, lang: str) -> str | None:
    """The sentence saying that ``part`` of the report counts every Lapas of the ledger,
    or None when it need not be said."""
    if part not in report.get("not_per_lapas", ()):
        return None
    return msg("lapas_not_per_lapas", lang, what=msg("np_" + part, lang),
               ledger=codes_text(report["lapas_in_ledger"], lang))


def notes(report: dict, lang: str, width: int | None = None) -> list[str]:
    """Every such sentence of the report (each wrapped to ``width``, when given)."""
    said = [note(report, part, lang) or "" for part in report.get("not_per_lapas", ())]
    return [textwrap.fill(line, width) if width else line for line in said]


def csv_label(report: dict) -> str | None:
    """What a CSV row of the whole report says in its ``lapas`` column (``JMB+KTL``), or
    None: the usual report's CSV has no such column."""
    codes = report.get("lapas_scope")
    return None if codes is None else "+".join(codes)


def scope_cells(report: dict) -> list[list]:
    """The workbook's sheet of the scope: the Lapas covered, and each note (English: the
    workbook's cells are data, as in CSV)."""
    rows = [["lapas", ", ".join(report["lapas_scope"])],
            ["lapas_in_ledger", ", ".join(report["lapas_in_ledger"])]]
    if "lapas_asked" in report:
        rows.append(["lapas_asked", ", ".join(report["lapas_asked"])])
    rows += [["not_per_lapas", line] for line in notes(report, "en")]
    return rows


def scope_sheets(report: dict, lang: str, columns: tuple[str, ...] = ()) -> list:
    """The sheets a workbook adds for the scope (when the report is not the usual one)
    and, given the ``columns``, for the rows per Lapas (when it has them)."""
    from .workbook import Sheet, rows_sheet

    sheets = []
    if "lapas_scope" in report:
        sheets.append(Sheet(msg("s_lapas_scope", lang), ("field", "value"),
                            scope_cells(report)))
    if columns and report.get("by_lapas"):
        sheets.append(rows_sheet(msg("s_by_lapas", lang), report["by_lapas"], columns))
    return sheets
