"""The sponsor reports in every format, the statement a donor is handed as a printable page,
and the sponsors section of the monthly report. Money is written as the reader's language
writes it (``Rp 5.000.000``) in tables, markdown and HTML; JSON and CSV keep the number."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from . import lapas as scope
from .display import date_text
from .formats import _shown, to_csv, to_json, to_markdown, to_table, table_onto
from .heads import CSV_COLUMNS, csv_cells, footer
from .messages import header, msg
from .numbers import rupiah
from .safe import markdown_text
from .sections import Section

REPORT_COLUMNS = ("sponsor", "name", "donated_cash", "spent", "balance", "started", "completed",
                  "released", "came_back", "seats", "adopted", "donated_in_kind", "kind")
# on a terminal the code says who; a narrow one leaves out the columns from the right
TABLE_COLUMNS = tuple(c for c in REPORT_COLUMNS if c != "name")
STATEMENT_SECTIONS = (
    Section("s_statement", None, ("sponsor", "name", "from", "to", "donated_cash",
                                  "donated_in_kind", "spent", "balance", "seats", "started",
                                  "completed", "released", "came_back", "adopted")),
    Section("s_came_in", "donations", ("received_on", "amount", "in_kind", "purpose", "for",
                                       "ref")),
    Section("s_paid_for", "spending", ("spent_on", "track", "amount", "what", "for")),
    Section("s_places", "places", ("track", "name", "seats", "started", "completed")),
    Section("s_adopted", "adoptees", ("person", "register_class", "from", "until", "status",
                                     "completed_tracks")),
    Section("s_balances", "balances", ("purpose", "for", "balance")),
)
PURPOSE_COLUMNS = ("purpose", "for", "donations", "amount")
# a row per Lapas: what the places and people came to (money is not recorded per Lapas)
LAPAS_COLUMNS = ("lapas", "seats", "started", "completed", "released", "came_back", "adopted")


# -- report sponsors -----------------------------------------------------------------------

def render_sponsors(report: dict, fmt: str, lang: str, *, color: bool = False,
                    width: int | None = None) -> str:
    head = report["ledger_head"]
    if fmt == "json":
        return to_json(report)
    if fmt == "csv":
        return sponsors_csv(report)
    title = period_title("sp_title", report, lang)
    rows = [*report["rows"], {"sponsor": msg("total", lang), **report["totals"]}]
    by_lapas = report.get("by_lapas") or []
    if fmt == "markdown":
        return f"# {title}\n\n" + to_markdown(rows, REPORT_COLUMNS, lang) + "\n" + "".join(
            [to_markdown(by_lapas, LAPAS_COLUMNS, lang, msg("s_by_lapas", lang)) + "\n"]
            if by_lapas else []) + "".join(
            f"_{markdown_text(line)}_\n\n" for line in scope.notes(report, lang)) + \
            footer(head, lang) + "\n"
    return title + "\n" + to_table(rows, TABLE_COLUMNS, lang, color=color, width=width) + \
        "".join(["\n" + to_table(by_lapas, LAPAS_COLUMNS, lang, title=msg("s_by_lapas", lang),
                                  color=color, width=width)] if by_lapas else []) + \
        "".join(line + "\n" for line in scope.notes(report, lang, width)) + \
        footer(head, lang) + "\n"


def sponsors_csv(report: dict) -> str:
    """One row per sponsor and the ledger head. A report of another Lapas, or of several,
    says which in a ``lapas`` column, and of several adds a row per Lapas of what the
    places and people came to (its money columns empty: not recorded per Lapas)."""
    head = csv_cells(report["ledger_head"])
    label = scope.csv_label(report)
    if label is None:
        return to_csv([{**row, **head} for row in report["rows"]],
                      (*REPORT_COLUMNS, *CSV_COLUMNS))
    rows = [{"lapas": label, **row, **head} for row in report["rows"]]
    rows += [{**row, **head} for row in report.get("by_lapas", ())]
    return to_csv(rows, ("lapas", *REPORT_COLUMNS, *CSV_COLUMNS))


def period_title(key: str, report: dict, lang: str, **more: str) -> str:
    """A report's title with its period in the reader's dates, both days included: the
    report's ``to`` is the day after the last (``--to`` is exclusive), so the title names
    the day before it, as people say a period ("1 Nov s.d. 30 Nov")."""
    start = date_text(report["from"], lang) if report["from"] else msg("sp_beginning", lang)
    last = date.fromisoformat(report["to"]) - timedelta(days=1)
    return msg(key, lang, lapas=scope.scope_name(report, lang), start=start,
               end=date_text(last, lang),
               name=report.get("name", ""), **more)


def sponsors_sheets(report: dict, lang: str) -> list:
    from .workbook import head_sheet, rows_sheet
    return [rows_sheet(msg("s_sponsors", lang), report["rows"], REPORT_COLUMNS),
            *scope.scope_sheets(report, lang, LAPAS_COLUMNS),
            *head_sheet(report["ledger_head"])]


# -- report sponsor S (the statement) ------------------------------------------------------

def render_statement(report: dict, fmt: str, lang: str, *, color: bool = False,
                     width: int | None = None) -> str:
    if fmt == "html":
        return statement_html(report, lang)
    from .reports import render_sections_report
    return render_sections_report(report, STATEMENT_SECTIONS, fmt, lang, color=color,
                                  width=width, lapas_columns=LAPAS_COLUMNS)


def statement_sheets(report: dict, lang: str) -> list:
    from .reports import sections_sheets
    return sections_sheets(report, STATEMENT_SECTIONS, lang, LAPAS_COLUMNS)


_STYLE = """body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:50em}
h1{font-size:1.5em;margin-bottom:.2em}p.lead{font-size:1.1em}
h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .6em}
th{background:#eef3ef;text-align:left}td.n{text-align:right}
.figures td{min-width:10em}.privacy{color:#555;font-size:.9em}
footer{margin-top:2em;color:#666;font-size:.85em}footer p{margin:.2em 0}
.hash{font-family:ui-monospace,monospace;font-size:.8em;overflow-wrap:anywhere}
@media print{body{margin:0}h2{page-break-after:avoid}tr{page-break-inside:avoid}}"""


def _cell(column: str, value: object, lang: str) -> str:
    numeric = isinstance(value, int) and not isinstance(value, bool)
    return ('<td class="n">' if numeric else "<td>") + escape(_shown(column, value, lang)) \
        + "</td>"


def _table(rows: list[dict], columns: tuple[str, ...], lang: str) -> str:
    if not rows:
        return f"<p>{escape(msg('none', lang))}</p>"
    head = "".join(f"<th>{escape(header(c, lang))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(_cell(c, r.get(c), lang) for c in columns) + "</tr>"
                   for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _total(rows: list[dict], key: str = "amount") -> int:
    return sum(r[key] for r in rows)


def statement_html(report: dict, lang: str) -> str:
    """One page to print and hand over: thanks, what came in, what it paid for, what the
    places and people came to, what is left. No one is named without their consent."""
    title = msg("st_title", lang, name=report["name"])
    period = period_title("st_period", report, lang)
    figures = "".join(
        f"<tr><th>{escape(header(k, lang))}</th>{_cell(k, report[k], lang)}</tr>"
        for k in ("seats", "started", "completed", "released", "came_back", "adopted"))
    cash, goods = report["donated_cash"], report["donated_in_kind"]
    def say(key: str, tag: str = "p", css: str = "", **params: object) -> str:
        attribute = f' class="{css}"' if css else ""
        return f"<{tag}{attribute}>{escape(msg(key, lang, **params))}</{tag}>"

    def table(index: int) -> str:
        section = STATEMENT_SECTIONS[index]
        return _table(report[section.key], section.columns, lang)

    body = [
        f"<h1>{escape(title)}</h1>", f"<p>{escape(period)}</p>",
        say("st_thanks", "p", "lead", name=report["name"],
            lapas=report["lapas_name"] or msg("lapas_title", lang,
                                              codes=scope.scope_name(report, lang))),
        say("s_came_in", "h2"),
        say("st_came_in", cash=rupiah(cash, lang), goods=rupiah(goods, lang),
            count=len(report["donations"])),
        table(1),
        say("s_paid_for", "h2"), say("st_paid_for", spent=rupiah(report["spent"], lang)),
        table(2), say("s_places", "h3") if report["places"] else "",
        table(3) if report["places"] else "",
        say("s_outcomes", "h2"), f'<table class="figures">{figures}</table>',
        _table(report["by_lapas"], LAPAS_COLUMNS, lang) if report.get("by_lapas") else "",
        say("s_adopted", "h2"), table(4), say("st_privacy", "p", "privacy"),
        say("s_balances", "h2"),
        say("st_left", balance=rupiah(report["balance"], lang), end=report["to"]),
        table(5),
        *(f'<p class="privacy">{escape(line)}</p>' for line in scope.notes(report, lang)),
        f"<footer><p>{escape(msg('generated', lang, at=report['generated_at']))}</p>"
        f"<p>{escape(footer(report['ledger_head'], lang))}</p>"
        f"<p class=\"hash\">sha256 {escape(report['ledger_head']['hash'])}</p></footer>",
    ]
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>\n"
            + "\n".join(part for part in body if part) + "\n</body></html>\n")


# -- the monthly report's sponsors section ---------------------------------------------------

def _monthly_figures(section: dict, lang: str) -> list[dict]:
    return [{"field": msg("ms_" + k, lang), "value": rupiah(section[k], lang)
             if k in ("cash", "in_kind", "spent") else str(section[k])}
            for k in ("donations", "sponsors", "cash", "in_kind", "spent")]


def monthly_section_table(report: dict, lang: str, console) -> None:
    """Print the section onto the monthly report's console."""
    from rich.table import Table
    from rich.text import Text

    section = report["sponsors"]
    figures = Table(title=msg("s_month_sponsors", lang), title_justify="left",
                    show_header=False)
    figures.add_column()
    figures.add_column(justify="right")
    for row in _monthly_figures(section, lang):
        figures.add_row(Text(row["field"]), Text(row["value"]))
    console.print(figures)
    if section["top_purposes"]:
        table_onto(console, section["top_purposes"], PURPOSE_COLUMNS, lang,
                   msg("s_top_purposes", lang))


def monthly_section_markdown(report: dict, lang: str) -> str:
    section = report["sponsors"]
    return to_markdown(_monthly_figures(section, lang), ("field", "value"), lang,
                       msg("s_month_sponsors", lang)) + "\n" + \
        to_markdown(section["top_purposes"], PURPOSE_COLUMNS, lang, msg("s_top_purposes", lang))


def monthly_section_html(report: dict, lang: str) -> str:
    section = report["sponsors"]
    figures = "".join(f"<tr><th>{escape(r['field'])}</th><td class=\"n\">"
                      f"{escape(r['value'])}</td></tr>" for r in _monthly_figures(section, lang))
    return (f"<h2>{escape(msg('s_month_sponsors', lang))}</h2><table>{figures}</table>"
            f"<h3>{escape(msg('s_top_purposes', lang))}</h3>"
            + _table(section["top_purposes"], PURPOSE_COLUMNS, lang))


def monthly_section_sheets(report: dict, lang: str) -> list:
    from .workbook import Sheet, rows_sheet
    section = report["sponsors"]
    return [Sheet(msg("s_month_sponsors", lang), ("figure", "value"),
                  [[k, section[k]] for k in ("donations", "sponsors", "cash", "in_kind",
                                             "spent")]),
            rows_sheet(msg("s_top_purposes", lang), section["top_purposes"], PURPOSE_COLUMNS)]
