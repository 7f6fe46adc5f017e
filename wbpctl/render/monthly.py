"""The monthly summary in every format: terminal table with bars, markdown, CSV and HTML."""

from __future__ import annotations

from .safe import html_text as escape
from .safe import markdown_text, terminal_text

from .charts import columns_svg, grouped_bars_svg, text_bar
from . import display
from . import lapas as scope
from .formats import cell_text, table_onto, text_console, to_csv, to_json, to_markdown
from .heads import CSV_COLUMNS, csv_cells, footer
from .messages import header, msg, value_word
from .numbers import number
from .table import FREE_TEXT

FIGURES = ("registered", "readmitted", "in_custody_start", "in_custody_end", "assigned",
           "waitlisted", "completed", "failed", "dropped", "released", "transferred",
           "returned", "revoked", "deceased", "releasing_next_90_days", "past_expiry_in_custody",
           "completion_rate")
OPD_COLUMNS = ("opd", "name", "assigned", "waitlisted", "completed", "failed", "dropped",
               "active_end")
TRACK_COLUMNS = ("track", "opd", "assigned", "waitlisted", "completed", "failed", "dropped",
                 "active_end")
# the rows per Lapas as read (a narrow terminal leaves out the last first); the workbook
# has every figure
LAPAS_COLUMNS = ("lapas", "in_custody_end", "registered", "released", "assigned", "completed",
                 "completion_rate", "releasing_next_90_days", "past_expiry_in_custody",
                 "readmitted", "in_custody_start", "dropped", "failed", "waitlisted")
LAPAS_SHEET = ("lapas", "registered", "readmitted", "in_custody_start", "in_custody_end",
               *OPD_COLUMNS[2:], "released", "transferred", "returned", "revoked", "deceased",
               "releasing_next_90_days", "past_expiry_in_custody", "completion_rate")


def _figure(report: dict, key: str, lang: str) -> str:
    value = report[key]
    if key == "completion_rate":
        return display.rate_text(value, lang)
    return number(value, lang)


def _figure_rows(report: dict, lang: str) -> list[dict]:
    rows = [{"field": msg("m_" + k, lang), "value": _figure(report, k, lang)} for k in FIGURES]
    for kind, n in report["releases_by_type"].items():
        rows.append({"field": f"  {msg('m_released', lang)}: {value_word(kind, lang)}",
                     "value": number(n, lang)})
    return rows


def _title(report: dict, lang: str) -> str:
    name = report["lapas_name"] or msg("lapas_title", lang,
                                       codes=scope.scope_name(report, lang))
    return msg("monthly_title", lang, lapas=name,
               month=display.month_text(report["month"], lang))


def _generated(report: dict, lang: str) -> str:
    return msg("generated", lang, at=display.time_text(report["generated_at"], lang))


def render_monthly(report: dict, fmt: str, lang: str, *, color: bool = False,
                   width: int | None = None) -> str:
    if fmt == "json":
        return to_json(report)
    if fmt == "csv":
        return monthly_csv(report)
    if fmt == "markdown":
        return monthly_markdown(report, lang)
    if fmt == "html":
        return monthly_html(report, lang)
    return monthly_table(report, lang, color=color, width=width)


def monthly_csv(report: dict) -> str:
    """One row per OPD plus a total row; each names the ledger head. A report of another
    Lapas, or of several, says which in a ``lapas`` column, and of several adds a total
    row per Lapas."""
    columns = ("month", *OPD_COLUMNS, *CSV_COLUMNS)
    head = csv_cells(report["ledger_head"])
    label = scope.csv_label(report)
    within = {} if label is None else {"lapas": label}
    rows = [{"month": report["month"], **within, **r, **head} for r in report["by_opd"]]
    total = {"month": report["month"], **within, "opd": "TOTAL", "name": "", **head}
    for key in OPD_COLUMNS[2:]:
        total[key] = sum(r[key] for r in report["by_opd"])
    rows.append(total)
    if label is not None:
        columns = ("month", "lapas", *columns[1:])
        rows += [{"month": report["month"], "opd": "TOTAL", "name": "", **head,
                  **{k: r[k] for k in ("lapas", *OPD_COLUMNS[2:])}}
                 for r in report.get("by_lapas", ())]
    return to_csv(rows, columns)


def monthly_markdown(report: dict, lang: str) -> str:
    parts = [f"# {_title(report, lang)}", "",
             _generated(report, lang), "",
             to_markdown(_figure_rows(report, lang), ("field", "value"), lang,
                         msg("s_figures", lang)),
             *([to_markdown(report["by_lapas"], LAPAS_COLUMNS, lang, msg("s_by_lapas", lang))]
               if report.get("by_lapas") else []),
             to_markdown(report["by_opd"], OPD_COLUMNS, lang, msg("s_by_opd", lang)),
             to_markdown(report["by_track"], TRACK_COLUMNS, lang, msg("s_by_track", lang)),
             to_markdown(report["trend"], ("month", "completed", "released"), lang,
                         msg("s_trend", lang)),
             *_extra_sections("markdown", report, lang),
             footer(report["ledger_head"], lang) + "\n"]
    return "\n".join(parts)


def monthly_table(report: dict, lang: str, *, color: bool = False, width: int | None = None
                  ) -> str:
    from rich.table import Table
    from rich.text import Text

    console = text_console(color, width)
    console.print(Text(_title(report, lang), style="bold"))
    figures = Table(title=msg("s_figures", lang), title_justify="left", show_header=False)
    figures.add_column()
    figures.add_column(justify="right")
    for row in _figure_rows(report, lang):
        figures.add_row(Text(row["field"]), Text(row["value"]))
    console.print(figures)
    if report.get("by_lapas"):
        table_onto(console, report["by_lapas"], LAPAS_COLUMNS, lang, msg("s_by_lapas", lang))

    largest = max([1, *(r["assigned"] for r in report["by_opd"]),
                   *(r["completed"] for r in report["by_opd"])])
    counts = ("assigned", "completed", "dropped", "active_end")
    opds = Table(title=msg("s_by_opd", lang), title_justify="left", header_style="bold")
    opds.add_column(header("opd", lang), no_wrap=True)       # a code is never cut
    for column in counts:
        opds.add_column(header(column, lang), justify="right")
    opds.add_column(msg("bars_assigned_completed", lang))
    bar = _bar_width(report["by_opd"], counts, lang, width)
    for r in report["by_opd"]:
        bars = Text(text_bar(r["assigned"], largest, bar), style="green")
        bars.append("\n" + text_bar(r["completed"], largest, bar), style="yellow")
        opds.add_row(Text(terminal_text(r["opd"])), *(Text(str(r[k])) for k in
                                       ("assigned", "completed", "dropped", "active_end")), bars)
    console.print(opds)
    table_onto(console, report["by_track"], TRACK_COLUMNS, lang, msg("s_by_track", lang))

    peak = max([1, *(t["completed"] for t in report["trend"]),
                *(t["released"] for t in report["trend"])])
    trend = Table(title=msg("s_trend", lang), title_justify="left", header_style="bold")
    for column in ("month", "completed", "released"):
        trend.add_column(header(column, lang))
    for t in report["trend"]:
        trend.add_row(Text(display.month_text(t["month"], lang, short=True)),
                      Text(f"{t['completed']:>3} {text_bar(t['completed'], peak, 15)}",
                           style="green"),
                      Text(f"{t['released']:>3} {text_bar(t['released'], peak, 15)}",
                           style="yellow"))
    console.print(trend)
    _extra_sections("table", report, lang, console)
    console.print(Text(_generated(report, lang), style="dim"))
    console.print(Text(footer(report["ledger_head"], lang), style="dim"))
    return console.file.getvalue()


def _bar_width(rows: list[dict], counts: tuple[str, ...], lang: str, width: int | None
               ) -> int:
    """The longest bar that leaves the OPD codes and the counts whole on a ``width``-column
    terminal: 20 characters when there is room, never fewer than 5."""
    if not width:
        return 20
    code = max([len(header("opd", lang)), *(len(r["opd"]) for r in rows)])
    numbers = sum(max([len(str(r[c])) for r in rows] + [len(word) for word in
                                                        header(c, lang).split()])
                  for c in counts)
    cells = len(counts) + 2
    return max(5, min(20, width - code - numbers - 3 * cells - 1))



_STYLE = """body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:60em}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .6em}
th{background:#eef3ef;text-align:left}td.n{text-align:right}td.n,td.k{white-space:nowrap}
footer{margin-top:2em;color:#666;font-size:.85em}footer p{margin:.2em 0}
.hash{font-family:ui-monospace,monospace;font-size:.8em;overflow-wrap:anywhere}
.signatures{margin-top:2.5em;page-break-inside:avoid}.signs{display:flex;gap:3em}
.sign{flex:1;text-align:center;display:flex;flex-direction:column}.sign p{margin:.2em 0}
.sign .space{flex:1;min-height:4.5em}
.sign .name{font-weight:bold;text-decoration:underline}
@page{size:210mm 297mm;margin:18mm 15mm}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}
svg,tr,.sign,.signatures{page-break-inside:avoid}thead{display:table-header-group}}"""


def _html_table(rows: list[dict], columns: tuple[str, ...], lang: str) -> str:
    out = ["<table><thead><tr>"]
    out += [f"<th>{escape(header(c, lang))}</th>" for c in columns]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>")
        for c in columns:
            value = row.get(c)
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            # codes one has to type never break across lines; names may
            cell = '<td class="n">' if numeric else ("<td>" if c in FREE_TEXT
                                                     else '<td class="k">')
            shown = number(value, lang) if numeric else cell_text(value)
            out.append(f"{cell}{escape(shown)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _signatures(report: dict, lang: str) -> str:
    """The signature block an official report carries (``report: signatories:`` in the
    config: each role, name and NIP), left out when none is configured."""
    people = report.get("signatories") or []
    if not people:
        return ""
    boxes = "".join(
        f'<div class="sign"><p>{escape(p.get("role", ""))}</p><div class="space"></div>'
        f'<p class="name">{escape(p.get("name", ""))}</p>'
        + (f'<p>NIP. {escape(p["nip"])}</p>' if p.get("nip") else "") + "</div>"
        for p in people)
    return f'<section class="signatures"><div class="signs">{boxes}</div></section>'


def monthly_html(report: dict, lang: str) -> str:
    """One self-contained page: figures, a bar chart per OPD, a 12-month trend."""
    title = _title(report, lang)
    opd_chart = grouped_bars_svg(
        [r["opd"] for r in report["by_opd"]],
        [(header("assigned", lang), [r["assigned"] for r in report["by_opd"]]),
         (header("completed", lang), [r["completed"] for r in report["by_opd"]])],
        title=msg("s_by_opd", lang))
    trend_chart = columns_svg(
        [display.month_text(t["month"], lang, short=True) for t in report["trend"]],
        [(header("completed", lang), [t["completed"] for t in report["trend"]]),
         (header("released", lang), [t["released"] for t in report["trend"]])],
        title=msg("s_trend", lang))
    figures = "".join(f"<tr><th>{escape(r['field'].strip())}</th><td class=\"n\">"
                      f"{escape(r['value'])}</td></tr>" for r in _figure_rows(report, lang))
    body = [
        f"<h1>{escape(title)}</h1>",
        f"<h2>{escape(msg('s_figures', lang))}</h2><table>{figures}</table>",
        *([f"<h2>{escape(msg('s_by_lapas', lang))}</h2>",
           _html_table(report["by_lapas"], LAPAS_COLUMNS, lang)]
          if report.get("by_lapas") else []),
        f"<h2>{escape(msg('s_by_opd', lang))}</h2>", opd_chart,
        _html_table(report["by_opd"], OPD_COLUMNS, lang),
        f"<h2>{escape(msg('s_trend', lang))}</h2>", trend_chart,
        f"<h2>{escape(msg('s_by_track', lang))}</h2>",
        _html_table(report["by_track"], TRACK_COLUMNS, lang),
        *_extra_sections("html", report, lang),
        _signatures(report, lang),
        f"<footer><p>{escape(_generated(report, lang))}</p>"
        f"<p>{escape(footer(report['ledger_head'], lang))}</p>"
        f"<p class=\"hash\">sha256 {escape(report['ledger_head']['hash'])}</p></footer>",
    ]
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def monthly_sheets(report: dict, lang: str) -> list:
    """The monthly report as a workbook: the figures, per OPD, per track, the trend, and
    the ledger head, a sheet each."""
    from .workbook import Sheet, head_sheet, rows_sheet

    figures = Sheet(msg("s_figures", lang), ("figure", "value"),
                    [[k, report[k]] for k in FIGURES] + [[f"released_{kind}", n] for kind, n in
                                                       report["releases_by_type"].items()])
    return [figures,
            rows_sheet(msg("s_by_opd", lang), report["by_opd"], OPD_COLUMNS),
            rows_sheet(msg("s_by_track", lang), report["by_track"], TRACK_COLUMNS),
            rows_sheet(msg("s_trend", lang), report["trend"], ("month", "completed", "released")),
            *_extra_sections("xlsx", report, lang),
            *scope.scope_sheets(report, lang, LAPAS_SHEET),
            *head_sheet(report["ledger_head"])]


def _extra_sections(fmt: str, report: dict, lang: str, console=None) -> list:
    """The sections other parts of the programme add (sponsors; products and sales), in
    ``fmt``: markdown and HTML texts, workbook sheets, or printed onto the table's
    ``console``."""
    from . import sales, sponsors

    parts: list = []
    for module, part in ((sponsors, "sponsors"), (sales, "products")):
        # a section not recorded per Lapas says so under it (the workbook: its scope sheet)
        note = scope.note(report, part, lang)
        if fmt == "table":
            module.monthly_section_table(report, lang, console)
            if note:
                from rich.text import Text
                console.print(Text(note, style="dim"))
        elif fmt == "xlsx":
            parts += module.monthly_section_sheets(report, lang)
        else:
            render = {"markdown": module.monthly_section_markdown,
                      "html": module.monthly_section_html}[fmt]
            parts.append(render(report, lang))
            if note:
                parts.append(f"_{markdown_text(note)}_\n" if fmt == "markdown"
                             else f'<p class="note">{escape(note)}</p>')
    return parts
