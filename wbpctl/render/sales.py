"""``report sales`` in every format, and the monthly report's "Produk dan penjualan"
section with its chart of revenue per month per product."""

from __future__ import annotations

import textwrap
from fractions import Fraction
from html import escape

from . import lapas as scope
from .charts import stacked_columns_svg
from .formats import to_csv, to_json, to_markdown, to_table, table_onto
from .heads import CSV_COLUMNS, csv_cells, footer
from .messages import header, msg
from .numbers import percent
from .sponsors import period_title

# what a narrow terminal leaves out first comes last: the split before what was made
FIGURES = ("sold", "stock", "revenue", "premi", "cooperative", "pnbp", "produced")
MONTHLY_COLUMNS = ("product", "name", *FIGURES)


def _columns(report: dict) -> tuple[str, ...]:
    by = report["by"]
    return (by, "name", *FIGURES) if by == "product" else (by, *FIGURES)


def split_line(split: dict, lang: str) -> str:
    """``Split: premi 50%, cooperative 20%, PNBP 30% (PP 31/1999 ...)``"""
    def share(key: str) -> str:
        return percent(float(Fraction(split[key])), lang, 0)

    line = msg("sales_split", lang, premi=share("premi"), cooperative=share("cooperative"),
               pnbp=share("pnbp"))
    return line + (f" ({split['regulation']})" if split.get("regulation") else "")


def _notes(report: dict, lang: str) -> list[str]:
    notes = [split_line(report["split"], lang)]
    current = {k: report["split"][k] for k in ("premi", "cooperative", "pnbp")}
    for used in report["shares_used"]:
        if {k: used[k] for k in current} != current:
            notes.append(msg("sales_split_used", lang, sales=used["sales"],
                             split=split_line(used, lang)))
    return notes + scope.notes(report, lang)


def render_sales(report: dict, fmt: str, lang: str, *, color: bool = False,
                 width: int | None = None) -> str:
    head = report["ledger_head"]
    columns = _columns(report)
    if fmt == "json":
        return to_json(report)
    if fmt == "csv":
        # a ledger of several Lapas, or a report asked for some, says whose sales these are
        label = scope.csv_label(report)
        within = {} if label is None else {"lapas": label}
        return to_csv([{**within, **row, **csv_cells(head)} for row in report["rows"]],
                      (*within, *columns, *CSV_COLUMNS))
    title = period_title("sales_title", report, lang, by=header(report["by"], lang))
    rows = [*report["rows"], {report["by"]: msg("total", lang), **report["totals"]}]
    notes = "\n".join(textwrap.fill(note, width) if width else note
                      for note in _notes(report, lang))
    if fmt == "markdown":
        return f"# {title}\n\n{notes}\n\n" + to_markdown(rows, columns, lang) + "\n" + \
            footer(head, lang) + "\n"
    return f"{title}\n{notes}\n" + to_table(rows, columns, lang, color=color, width=width) + \
        footer(head, lang) + "\n"


def sales_sheets(report: dict, lang: str) -> list:
    from .workbook import Sheet, head_sheet, rows_sheet
    return [rows_sheet(msg("s_sales_report", lang), report["rows"], _columns(report)),
            Sheet(msg("s_split", lang), ("share", "value"),
                  [[k, report["split"][k]] for k in ("premi", "cooperative", "pnbp",
                                                      "regulation")]),
            *scope.scope_sheets(report, lang),
            *head_sheet(report["ledger_head"])]


# -- the monthly report's section ------------------------------------------------------------

def _trend(report: dict) -> tuple[list[str], list[tuple[str, list[int]]]]:
    section = report["products"]
    months = [t["month"] for t in section["revenue_trend"]]
    series = [(r["product"], [t[r["product"]] for t in section["revenue_trend"]])
              for r in section["by_product"]]
    return months, [s for s in series if any(s[1])]


def monthly_section_table(report: dict, lang: str, console) -> None:
    from rich.text import Text

    section = report["products"]
    table_onto(console, section["by_product"], MONTHLY_COLUMNS, lang,
               msg("s_month_products", lang))
    console.print(Text(split_line(section["split"], lang), style="dim"))


def monthly_section_markdown(report: dict, lang: str) -> str:
    section = report["products"]
    months, series = _trend(report)
    trend = [{"month": m, **{name: values[i] for name, values in series}}
             for i, m in enumerate(months)]
    return to_markdown(section["by_product"], MONTHLY_COLUMNS, lang,
                       msg("s_month_products", lang)) + "\n" + \
        split_line(section["split"], lang) + "\n\n" + \
        to_markdown(trend, ("month", *(name for name, _ in series)), lang,
                    msg("s_revenue_trend", lang))


def monthly_section_html(report: dict, lang: str) -> str:
    from .sponsors import _table

    section = report["products"]
    months, series = _trend(report)
    chart = stacked_columns_svg(months, series, title=msg("s_revenue_trend", lang),
                                unit="Rp ")
    return (f"<h2>{escape(msg('s_month_products', lang))}</h2>"
            + _table(section["by_product"], MONTHLY_COLUMNS, lang)
            + f"<p>{escape(split_line(section['split'], lang))}</p>"
            + f"<h3>{escape(msg('s_revenue_trend', lang))}</h3>" + chart)


def monthly_section_sheets(report: dict, lang: str) -> list:
    from .workbook import rows_sheet
    section = report["products"]
    return [rows_sheet(msg("s_month_products", lang), section["by_product"], MONTHLY_COLUMNS),
            rows_sheet(msg("s_revenue_trend", lang), section["revenue_trend"],
                       ("month", *(r["product"] for r in section["by_product"])))]
