"""The recidivism report in every format: the verdicts in words first, then the detail.

Table, markdown and HTML speak the reader's language (18,2% in Indonesian); JSON and
CSV keep the numbers as numbers and the codes as codes.
"""

from __future__ import annotations

from .safe import html_text as escape

from . import lapas as scope
from .charts import intervals_svg
from .formats import to_csv, to_json, to_markdown, to_table
from .heads import CSV_COLUMNS, csv_cells, footer
from .messages import msg
from .numbers import number, percent
from .table import paragraph_lines

ROW_COLUMNS = ("cohort", "window_years", "group", "released", "eligible", "readmitted",
               "technical_returns", "rate", "ci_low", "ci_high")
COMPARISON_COLUMNS = ("difference_pp", "diff_ci_low", "diff_ci_high", "risk_ratio",
                      "rr_ci_low", "rr_ci_high", "adjusted_risk_ratio", "adj_ci_low",
                      "adj_ci_high", "verdict")
METHOD = ("rec_method_1", "rec_method_2", "rec_method_3", "rec_method_4", "rec_method_5")


def render_recidivism(report: dict, fmt: str, lang: str, *, color: bool = False,
                      width: int | None = None) -> str:
    if fmt == "json":
        return to_json(report)
    if fmt == "csv":
        return recidivism_csv(report)
    if fmt == "html":
        return recidivism_html(report, lang)
    if fmt == "markdown":
        return recidivism_markdown(report, lang)
    return recidivism_table(report, lang, color=color, width=width)


def _csv_rows(rows: list[dict], comparisons: list[dict], extra: dict) -> list[dict]:
    compared = {(c["cohort"], c["window_years"]): c for c in comparisons}
    return [{**extra, **row, **{k: compared[(row["cohort"], row["window_years"])][k]
                                for k in COMPARISON_COLUMNS}} for row in rows]


def recidivism_csv(report: dict) -> str:
    """One row per cohort (and ``all``), window and group, with the comparison of its
    cohort and window repeated on both groups' rows, and the ledger head. A report of
    another Lapas, or of several, says which in a ``lapas`` column, and of several adds
    each Lapas's rows over all cohorts."""
    head = csv_cells(report["ledger_head"])
    label = scope.csv_label(report)
    if label is None:
        rows = [{**row, **head} for row in _csv_rows(report["rows"], report["comparisons"], {})]
        return to_csv(rows, (*ROW_COLUMNS, *COMPARISON_COLUMNS, *CSV_COLUMNS))
    rows = _csv_rows(report["rows"], report["comparisons"], {"lapas": label})
    for part in report.get("by_lapas", ()):
        rows += _csv_rows(part["rows"], part["comparisons"], {"lapas": part["lapas"]})
    return to_csv([{**row, **head} for row in rows],
                  ("lapas", *ROW_COLUMNS, *COMPARISON_COLUMNS, *CSV_COLUMNS))


def _group(group: str, lang: str) -> str:
    return msg("g_" + group, lang)


def verdict_sentences(report: dict, lang: str) -> list[str]:
    """One sentence per window: the rates, the change with its interval, the verdict; then
    what a conclusive answer would take."""
    lines = []
    for s in report["summary"]:
        g1, g2 = (_group(g, lang) for g in s["groups"])
        common = dict(window=s["window_years"], group_1=g1, group_2=g2,
                      rate_1=percent(s["rate_1"], lang), rate_2=percent(s["rate_2"], lang),
                      n_1=number(s["eligible_1"], lang), n_2=number(s["eligible_2"], lang))
        if s["verdict"] == "too_few":
            lines.append(msg("rec_sentence_too_few", lang, minimum=30, **common))
        elif s["relative_change"] is None:
            lines.append(msg("rec_sentence_no_ratio", lang,
                             verdict=msg("verdict_" + s["verdict"], lang), **common))
        else:
            adjusted = msg("rec_adjusted", lang, what=", ".join(
                msg("a_" + a, lang) for a in report["adjust"])) if s["adjusted"] else ""
            lines.append(msg("rec_sentence", lang, adjusted=adjusted,
                             change=percent(s["relative_change"], lang, 0, signed=True),
                             low=percent(s["change_ci_low"], lang, 0, signed=True),
                             high=percent(s["change_ci_high"], lang, 0, signed=True),
                             verdict=msg("verdict_" + s["verdict"], lang), **common))
        if s["needed_per_group"] is not None and s["verdict"] not in ("lower", "higher"):
            key = "rec_needed" if s["years_needed"] is not None else "rec_needed_no_pace"
            lines.append("  " + msg(key, lang, claim=percent(-s["claimed_change"], lang, 0),
                                    base=percent(s["rate_2"], lang),
                                    needed=number(s["needed_per_group"], lang),
                                    per_year=number(s["releases_last_year"], lang),
                                    years=s["years_needed"]))
    return lines


def _scope(report: dict, lang: str) -> str:
    return msg("rec_scope", lang, lapas=", ".join(report["scope"]["readmissions_seen_in"])
               or report["lapas"])


def _rate_text(row: dict, lang: str) -> str:
    if row["rate"] is None:
        return "-"
    return (f"{percent(row['rate'], lang)} ({number(row['ci_low'] * 100, lang, 1)}"
            f"\u2013{number(row['ci_high'] * 100, lang, 1)})")


def _display_rows(report: dict, lang: str) -> list[dict]:
    return [{"cohort": str(r["cohort"]) if r["cohort"] != "all" else msg("all_cohorts", lang),
             "window_years": r["window_years"], "group": _group(r["group"], lang),
             "eligible": number(r["eligible"], lang), "readmitted": number(r["readmitted"], lang),
             "technical_returns": number(r["technical_returns"], lang),
             "rate_ci": _rate_text(r, lang)} for r in report["rows"]]


def _signed_pp(value: float | None, lang: str) -> str:
    if value is None:
        return "-"
    return ("+" if value > 0 else "") + number(value, lang, 1)


def _display_comparisons(report: dict, lang: str) -> list[dict]:
    out = []
    for c in report["comparisons"]:
        ratio = "-" if c["risk_ratio"] is None else (
            f"{number(c['risk_ratio'], lang, 2)} ({number(c['rr_ci_low'], lang, 2)}"
            f"\u2013{number(c['rr_ci_high'], lang, 2)})")
        adjusted = "-" if c["adjusted_risk_ratio"] is None else (
            f"{number(c['adjusted_risk_ratio'], lang, 2)} ({number(c['adj_ci_low'], lang, 2)}"
            f"\u2013{number(c['adj_ci_high'], lang, 2)})")
        difference = "-" if c["difference_pp"] is None else (
            f"{_signed_pp(c['difference_pp'], lang)} ({_signed_pp(c['diff_ci_low'], lang)}"
            f"\u2013{_signed_pp(c['diff_ci_high'], lang)})")
        out.append({"cohort": str(c["cohort"]) if c["cohort"] != "all"
                    else msg("all_cohorts", lang), "window_years": c["window_years"],
                    "difference_pp": difference, "risk_ratio": ratio,
                    "adjusted_risk_ratio": adjusted,
                    "verdict": msg("verdict_" + c["verdict"], lang)})
    return out


ROW_SHOWN = ("cohort", "window_years", "group", "eligible", "readmitted", "technical_returns",
             "rate_ci")


def _comparison_columns(report: dict) -> tuple[str, ...]:
    adjusted = ("adjusted_risk_ratio",) if report["adjust"] else ()
    return ("cohort", "window_years", "difference_pp", "risk_ratio", *adjusted, "verdict")


def _title(report: dict, lang: str) -> str:
    return msg("rec_title", lang, lapas=scope.scope_name(report, lang), as_of=report["as_of"])


def _lapas_columns(report: dict, lang: str) -> tuple[str, ...]:
    """The columns of the rows per Lapas: each group's column is headed by its name."""
    return ("lapas", "window_years", "verdict", *(_group(g, lang) for g in report["groups"]),
            "relative_change")


def _display_lapas(report: dict, lang: str) -> list[dict]:
    """Each Lapas's verdict per window: each group's rate (and how many it is of), the
    change and the verdict in words."""
    first, second = (_group(g, lang) for g in report["groups"])
    out = []
    for part in report.get("by_lapas", ()):
        for s in part["summary"]:
            change = "-" if s["relative_change"] is None else (
                f"{percent(s['relative_change'], lang, 0, signed=True)}"
                f" ({percent(s['change_ci_low'], lang, 0, signed=True)}"
                f"\u2013{percent(s['change_ci_high'], lang, 0, signed=True)})"
                if s["change_ci_low"] is not None
                else percent(s["relative_change"], lang, 0, signed=True))
            out.append({"lapas": part["lapas"], "window_years": s["window_years"],
                        first: _rate_of(s["rate_1"], s["eligible_1"], lang),
                        second: _rate_of(s["rate_2"], s["eligible_2"], lang),
                        "relative_change": change,
                        "verdict": msg("verdict_" + s["verdict"], lang)})
    return out


def _rate_of(rate: float | None, eligible: int, lang: str) -> str:
    return ("-" if rate is None else percent(rate, lang)) + f" (n={number(eligible, lang)})"


def recidivism_table(report: dict, lang: str, *, color: bool = False,
                     width: int | None = None) -> str:
    lines = [*paragraph_lines(_title(report, lang), width, style="bold", color=color)]
    for sentence in verdict_sentences(report, lang):
        lines += paragraph_lines(sentence, width)
    lines += paragraph_lines(_scope(report, lang), width, style="dim", color=color)
    text = "\n".join(lines) + "\n\n"
    text += to_table(_display_rows(report, lang), ROW_SHOWN, lang,
                     title=msg("s_rates", lang), color=color, width=width)
    text += "\n" + to_table(_display_comparisons(report, lang), _comparison_columns(report),
                            lang, title=msg("s_comparisons", lang), color=color, width=width)
    if report.get("by_lapas"):
        text += "\n" + to_table(_display_lapas(report, lang), _lapas_columns(report, lang),
                                lang, title=msg("s_by_lapas", lang), color=color, width=width)
    return text + footer(report["ledger_head"], lang) + "\n"


def recidivism_markdown(report: dict, lang: str) -> str:
    parts = [f"# {_title(report, lang)}", ""]
    parts += [f"- {line.strip()}" for line in verdict_sentences(report, lang)]
    parts += ["", f"_{_scope(report, lang)}_", "",
              to_markdown(_display_rows(report, lang), ROW_SHOWN, lang, msg("s_rates", lang)),
              to_markdown(_display_comparisons(report, lang), _comparison_columns(report), lang,
                          msg("s_comparisons", lang)),
              *([to_markdown(_display_lapas(report, lang), _lapas_columns(report, lang), lang,
                             msg("s_by_lapas", lang))] if report.get("by_lapas") else []),
              f"## {msg('s_method', lang)}", ""]
    parts += [f"{i}. {msg(key, lang)}" for i, key in enumerate(METHOD, start=1)]
    parts += ["", footer(report["ledger_head"], lang)]
    return "\n".join(parts) + "\n"


_STYLE = """body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:60em}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .6em}
th{background:#eef3ef;text-align:left}p.verdict{font-size:1.05em}p.scope{color:#555}
footer{margin-top:2em;color:#666;font-size:.85em}footer p{margin:.2em 0}
@media print{body{margin:0}h2{page-break-after:avoid}svg,tr{page-break-inside:avoid}}"""


def _html_table(rows: list[dict], columns: tuple[str, ...], lang: str) -> str:
    from .messages import header
    head = "".join(f"<th>{escape(header(c, lang))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(
        f"<td>{escape(str(r[c]))}</td>"
        for c in columns) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def recidivism_html(report: dict, lang: str) -> str:
    """One self-contained page: the verdicts, a chart per window of each group's rate with
    its interval per cohort, the tables, and the method in five lines."""
    title = _title(report, lang)
    body = [f"<h1>{escape(title)}</h1>"]
    body += [f'<p class="verdict">{escape(line.strip())}</p>'
             for line in verdict_sentences(report, lang)]
    body.append(f'<p class="scope">{escape(_scope(report, lang))}</p>')
    for window in report["windows"]:
        rows = [r for r in report["rows"] if r["window_years"] == window]
        labels = list(dict.fromkeys(str(r["cohort"]) for r in rows))
        series = []
        for group in report["groups"]:
            by_cohort = {str(r["cohort"]): r for r in rows if r["group"] == group}
            series.append((_group(group, lang), [
                (by_cohort[c]["rate"], by_cohort[c]["ci_low"], by_cohort[c]["ci_high"])
                if c in by_cohort and by_cohort[c]["rate"] is not None else None
                for c in labels]))
        chart_title = msg("rec_chart", lang, window=window)
        body += [f"<h2>{escape(chart_title)}</h2>",
                 intervals_svg([msg("all_cohorts", lang) if c == "all" else c
                                for c in labels], series, title=chart_title)]
    body += [f"<h2>{escape(msg('s_rates', lang))}</h2>",
             _html_table(_display_rows(report, lang), ROW_SHOWN, lang),
             f"<h2>{escape(msg('s_comparisons', lang))}</h2>",
             _html_table(_display_comparisons(report, lang), _comparison_columns(report), lang),
             *([f"<h2>{escape(msg('s_by_lapas', lang))}</h2>",
                _html_table(_display_lapas(report, lang), _lapas_columns(report, lang), lang)]
               if report.get("by_lapas") else []),
             f"<h2>{escape(msg('s_method', lang))}</h2><ol>"
             + "".join(f"<li>{escape(msg(key, lang))}</li>" for key in METHOD) + "</ol>",
             f"<footer><p>{escape(footer(report['ledger_head'], lang))}</p>"
             f"<p class=\"hash\">sha256 {escape(report['ledger_head']['hash'])}</p></footer>"]
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


SUMMARY_COLUMNS = ("window_years", "rate_1", "rate_2", "eligible_1", "eligible_2",
                   "relative_change", "change_ci_low", "change_ci_high", "adjusted", "verdict",
                   "needed_per_group", "releases_last_year", "years_needed")


def recidivism_sheets(report: dict, lang: str) -> list:
    """The recidivism report as a workbook: the verdicts, the rates, the comparisons and
    the ledger head, a sheet each (numbers as numbers)."""
    from .workbook import Sheet, head_sheet, rows_sheet

    verdicts = Sheet(msg("s_verdicts", lang), ("sentence",),
                     [[line.strip()] for line in verdict_sentences(report, lang)])
    return [verdicts, rows_sheet("summary", report["summary"], SUMMARY_COLUMNS),
            rows_sheet(msg("s_rates", lang), report["rows"], ROW_COLUMNS),
            rows_sheet(msg("s_comparisons", lang), report["comparisons"],
                       ("cohort", "window_years", *COMPARISON_COLUMNS)),
            *scope.scope_sheets({**report, "by_lapas": [
                {"lapas": part["lapas"], **s} for part in report.get("by_lapas", ())
                for s in part["summary"]]}, lang, ("lapas", *SUMMARY_COLUMNS)),
            *head_sheet(report["ledger_head"])]
