"""``wbpctl report ...``: summaries built from one consistent snapshot, each naming the ledger
head it was made from, and made again exactly from that head with --at."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..render.sections import Section
from .state import (ExcelOpt, Format, FormatOpt, OutputOpt, RawCellsOpt, choose_format,
                    emit_text, output_style, state, warn_problem, write_workbook_output)

app = typer.Typer(help="Reports: monthly summary, per OPD, recidivism, readiness for release,"
                  " sponsors, sales.",
                  no_args_is_help=True, rich_markup_mode=None)


# the listing formats, and html
ReportFormat = Enum("ReportFormat", {**{f.name: f.value for f in Format}, "html": "html"},
                    type=str)


ReportFormatOpt = Annotated[Optional[ReportFormat], typer.Option(
    "--format", "-f", help="table, json, csv, markdown, html or xlsx (a workbook, with -o"
    " FILE) (default: from --output's extension, else table).", show_default=False)]
AsOfOpt = Annotated[Optional[str], typer.Option(
    "--as-of", metavar="DATE",
    help="The business date the figures are counted up to (default today). Facts entered"
    " later with earlier dates (a late remission, completion or admission) change a past"
    " --as-of report; to make a printed report again exactly, use --at.",
    show_default=False)]
AtOpt = Annotated[Optional[str], typer.Option(
    "--at", metavar="HEAD",
    help="Make the report from the ledger as it stood at HEAD, as printed at the foot of a"
    " report (KTL#5120:3f9a2c71), or a seq (5120): the events up to that one are checked"
    " and replayed into a scratch copy, so the output is byte for byte the report printed"
    " then (give the same options). Takes about as long as 'wbpctl verify'.",
    show_default=False)]
LapasOpt = Annotated[Optional[str], typer.Option(
    "--lapas", metavar="CODE[,CODE]",
    help="Count only the stays of these Lapas, by code (KTL, or KTL,JMB; any case), and"
    " the people, places and releases of those stays. Default: every Lapas whose stays"
    " the ledger holds (a ledger merged at the regional office holds several); a report"
    " of more than one adds a row per Lapas.", show_default=False)]
GeneratedAtOpt = Annotated[Optional[str], typer.Option(
    "--generated-at", metavar="TIME",
    help="The generation time to print instead of now, such as the one on a report"
    " made again with --at (2026-11-01T06:00:02+00:00).", show_default=False)]

# what is missing comes right after who: a narrow terminal leaves out the dates first
READINESS_COLUMNS = ("section", "due_on", "days_left", "reg_no", "name", "missing", "due_by",
                     "released_on", "premi_balance", "expiry", "pb_eligible", "cb_eligible",
                     "cmb")
OPD_SECTIONS = (
    Section("s_period", None, ("from", "to")),
    Section("s_by_opd", "by_opd", ("opd", "name", "assigned", "waitlisted", "completed",
                                   "failed", "dropped", "active_end", "completion_rate")),
    Section("s_by_track", "by_track", ("track", "opd", "assigned", "waitlisted", "completed",
                                       "failed", "dropped", "active_end", "completion_rate")),
    Section("s_cost", "cost_per_completion", ("track", "funded_by", "spent", "completed",
                                              "cost_per_completion")),
)
# a row per Lapas, when a report covers several
OPD_LAPAS_COLUMNS = ("lapas", "assigned", "waitlisted", "completed", "failed", "dropped",
                     "active_end", "completion_rate")
READINESS_LAPAS_COLUMNS = ("lapas", "overdue", "due", "released")


def _emit(ctx: typer.Context, chosen: str, output, render, sheets, excel: bool) -> None:
    """The report as text (``render(fmt, lang, color=, width=)``) to stdout or -o, or as a
    workbook (``sheets(lang)``) to -o FILE.xlsx."""
    lang = state(ctx).lang
    if chosen == "xlsx":
        return write_workbook_output(output, lambda: sheets(lang), raw=state(ctx).raw_cells)
    color, width = output_style(output)
    emit_text(ctx, chosen, output, render(chosen, lang, color=color, width=width), excel)


TEXT = ("table", "json", "csv", "markdown", "xlsx")


@app.command("monthly")
def monthly(
    ctx: typer.Context,
    month: Annotated[Optional[str], typer.Option(
        "--month", metavar="MONTH",
        help="YYYY-MM (or Oktober 2026), this or last. Default: last on the first three"
        " days of a month (so a cron job on the 1st reports the month just ended), else this.",
        show_default=False)] = None,
    as_of: AsOfOpt = None,
    at: AtOpt = None,
    lapas: LapasOpt = None,
    generated_at: GeneratedAtOpt = None,
    fmt: ReportFormatOpt = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """The monthly summary: admissions, places, completions, releases, by OPD and track,
    with a 12-month trend. Its ledger head is kept in the checkpoint file beside the
    database (see 'wbpctl checkpoint'); when that file cannot be written the report is
    still written, with one warning line. Silent on stderr when all went well (for cron).

    -o may name the month: -o 'laporan/bulanan-{month}.html' writes bulanan-2026-10.html
    for October 2026 (what a cron job on the 1st wants with --month last).

    With --lapas, the sponsors and the products sections still count the whole ledger
    (donations, spending and sales are not recorded per Lapas), and say so.

    Example: wbpctl report monthly --month last -o 'laporan/bulanan-{month}.html'
    """
    from ..reports.monthly import monthly_kept as build
    from ..render.monthly import monthly_sheets, render_monthly

    chosen = choose_format(fmt, output, (*TEXT, "html"))
    report, problem = build(state(ctx).session(), month=month, as_of=as_of, at=at,
                            generated_at=generated_at, lapas=lapas)
    if output is not None and "{month}" in str(output):
        output = Path(str(output).replace("{month}", report["month"]))
    _emit(ctx, chosen, output, lambda *a, **k: render_monthly(report, *a, **k),
          lambda lang: monthly_sheets(report, lang), excel)
    if problem is not None:
        warn_problem(ctx, "checkpoint_warning", problem)


@app.command("opd")
def opd(
    ctx: typer.Context,
    date_from: Annotated[Optional[str], typer.Option(
        "--from", metavar="DATE", help="First day, inclusive (default: 1 January of this year).",
        show_default=False)] = None,
    date_to: Annotated[Optional[str], typer.Option(
        "--to", metavar="DATE",
        help="Last day, exclusive (default: tomorrow, so today is included).",
        show_default=False)] = None,
    at: AtOpt = None,
    lapas: LapasOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """Per OPD and per track over any period: from inclusive, to exclusive.

    With --lapas, the cost per completion is still the whole ledger's (spending is not
    recorded per Lapas), and the report says so.

    Example: wbpctl report opd --from 2026-01-01 --to 2026-07-01 -f csv
    """
    from ..reports.opd import opd_report
    from ..render.reports import render_sections_report, sections_sheets

    chosen = choose_format(fmt, output, TEXT)
    report = opd_report(state(ctx).session(), start=date_from, end=date_to, at=at,
                        lapas=lapas)
    _emit(ctx, chosen, output,
          lambda *a, **k: render_sections_report(report, OPD_SECTIONS, *a, **k,
                                                 lapas_columns=OPD_LAPAS_COLUMNS),
          lambda lang: sections_sheets(report, OPD_SECTIONS, lang, OPD_LAPAS_COLUMNS), excel)


@app.command("recidivism")
def recidivism(
    ctx: typer.Context,
    windows: Annotated[str, typer.Option(
        "--windows", metavar="YEARS",
        help="Follow-up windows in years, comma-separated.")] = "1,2,3",
    compare: Annotated[str, typer.Option(
        "--compare", metavar="training|period",
        help="training: those who completed a training against those who did not; period:"
        " releases after programme_start (config.yaml) against those before it.")
    ] = "training",
    adjust: Annotated[Optional[str], typer.Option(
        "--adjust", metavar="sentence,age,offence",
        help="Compare like with like: stratify by sentence band, age band at release and"
        " offence category, and give the Mantel-Haenszel risk ratio next to the crude one.",
        show_default=False)] = None,
    as_of: AsOfOpt = None,
    at: AtOpt = None,
    lapas: LapasOpt = None,
    fmt: ReportFormatOpt = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """Can the data carry "recidivism down 20%"? Readmission within 1, 2, 3 years of
    release, by release year, for two groups, each rate with its 95% interval; the
    difference and the risk ratio with theirs; one verdict per window in words (lower,
    higher, cannot be concluded, too few releases) and how many releases a conclusive
    answer would take. A revoked PB/CB is a technical return, shown apart. A window counts
    only once it has fully elapsed; readmissions to other Lapas are not seen.

    With --lapas, only the releases from those Lapas are counted; a readmission to any
    Lapas of the ledger still counts.

    Example: wbpctl report recidivism --adjust sentence,age,offence -f html -o residivisme.html
    """
    from ..render.recidivism import recidivism_sheets, render_recidivism
    from ..reports.recidivism import recidivism as build

    chosen = choose_format(fmt, output, (*TEXT, "html"))
    report = build(state(ctx).session(), windows=windows, as_of=as_of, compare=compare,
                   adjust=adjust, at=at, lapas=lapas)
    _emit(ctx, chosen, output, lambda *a, **k: render_recidivism(report, *a, **k),
          lambda lang: recidivism_sheets(report, lang), excel)


@app.command("readiness")
def readiness(
    ctx: typer.Context,
    within: Annotated[int, typer.Option("--within", metavar="DAYS", min=1, max=3650,
                                        help="Days ahead (and back, for releases).")] = 90,
    as_of: AsOfOpt = None,
    at: AtOpt = None,
    lapas: LapasOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """Who is still in custody past expiry (days_left below zero), then who is due for
    release (expiry, or the PB, CB or CMB date of their route, within DAYS), and what they
    still lack: ADMINDUK (ID papers), KES-PREVENTIF (health check), 'training' (no
    completed training). Then who was released in the last DAYS without SALUR-KERJA (job
    referral) or KONSELING-KELUARGA (family counselling).

    Example: wbpctl report readiness --within 60 -f csv -o siap-bebas.csv
    """
    from ..reports.readiness import readiness as build
    from ..render.messages import msg
    from ..render.reports import render_rows_report, rows_sheets

    chosen = choose_format(fmt, output, TEXT)
    report = build(state(ctx).session(), within=within, as_of=as_of, at=at, lapas=lapas)
    _emit(ctx, chosen, output,
          lambda *a, **k: render_rows_report(report, READINESS_COLUMNS, *a, **k,
                                             lapas_columns=READINESS_LAPAS_COLUMNS),
          lambda lang: rows_sheets(report, msg("s_readiness", lang), READINESS_COLUMNS, lang,
                                   READINESS_LAPAS_COLUMNS), excel)



PeriodFrom = Annotated[Optional[str], typer.Option(
    "--from", metavar="DATE", help="First day, inclusive (default: since the beginning).",
    show_default=False)]
PeriodTo = Annotated[Optional[str], typer.Option(
    "--to", metavar="DATE", help="Last day, exclusive (default: tomorrow, so today is"
    " included); balances are what is left at this day.", show_default=False)]


@app.command("sponsors")
def sponsors(
    ctx: typer.Context,
    date_from: PeriodFrom = None,
    date_to: PeriodTo = None,
    at: AtOpt = None,
    lapas: LapasOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """Per sponsor: what came in (cash, in kind), what was spent from it, the balance
    left, the places it funds, and what they came to: people started, completed,
    released, and of those released, who came back (readmitted for a new sentence).

    With --lapas, the places, the people adopted and what they came to are those of the
    Lapas named; donations, spending and balances are the sponsor's whole (not recorded
    per Lapas), and the report says so.

    Example: wbpctl report sponsors --from 2026-01-01 -f csv -o donatur-2026.csv
    """
    from ..render.sponsors import render_sponsors, sponsors_sheets
    from ..reports.sponsors import sponsors_report

    chosen = choose_format(fmt, output, TEXT)
    report = sponsors_report(state(ctx).session(), start=date_from, end=date_to, at=at,
                             lapas=lapas)
    _emit(ctx, chosen, output, lambda *a, **k: render_sponsors(report, *a, **k),
          lambda lang: sponsors_sheets(report, lang), excel)


@app.command("sponsor")
def sponsor(
    ctx: typer.Context,
    sponsor: Annotated[str, typer.Argument(
        metavar="SPONSOR", help="Sponsor code or name.", show_default=False)],
    date_from: PeriodFrom = None,
    date_to: PeriodTo = None,
    at: AtOpt = None,
    lapas: LapasOpt = None,
    generated_at: GeneratedAtOpt = None,
    fmt: ReportFormatOpt = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """The statement a sponsor can be handed (-f html prints well): thanks, what came in,
    what it paid for, the places and what they came to, the people it adopts (by name only
    with their consent, otherwise initials and register class), and what is left.

    With --lapas, the places, the people adopted and what they came to are those of the
    Lapas named; donations, spending and balances are the sponsor's whole (not recorded
    per Lapas), and the report says so.

    Example: wbpctl report sponsor YAYASAN-PEDULI-JAMBI --from 2026-01-01 -f html
    -o laporan-donatur.html
    """
    from ..render.sponsors import render_statement, statement_sheets
    from ..reports.sponsors import statement

    chosen = choose_format(fmt, output, (*TEXT, "html"))
    report = statement(state(ctx).session(), sponsor, start=date_from, end=date_to, at=at,
                       generated_at=generated_at, lapas=lapas)
    _emit(ctx, chosen, output, lambda *a, **k: render_statement(report, *a, **k),
          lambda lang: statement_sheets(report, lang), excel)


@app.command("sales")
def sales(
    ctx: typer.Context,
    date_from: PeriodFrom = None,
    date_to: PeriodTo = None,
    by: Annotated[str, typer.Option(
        "--by", metavar="month|product|channel|track",
        help="How to group: per month, product, sales channel or track.")] = "product",
    at: AtOpt = None,
    lapas: LapasOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """Products made and sold, the stock at the end, the revenue, and how it was shared:
    the makers' premi, the cooperative's share and PNBP, with the split used and the
    regulation config.yaml names.

    Products, production, sales and premi are not recorded per Lapas: --lapas is
    checked against the ledger, but the figures are always the whole ledger's, and the
    report says so.

    Example: wbpctl report sales --from 2026-01-01 --by month -f csv -o penjualan.csv
    """
    from ..render.sales import render_sales, sales_sheets
    from ..reports.sales import sales_report

    chosen = choose_format(fmt, output, TEXT)
    report = sales_report(state(ctx).session(), start=date_from, end=date_to, by=by, at=at,
                          lapas=lapas)
    _emit(ctx, chosen, output, lambda *a, **k: render_sales(report, *a, **k),
          lambda lang: sales_sheets(report, lang), excel)
