"""``wbpctl report ...``: summaries built from one consistent snapshot."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .state import FormatOpt, OutputOpt, show_rows, state

app = typer.Typer(help="Reports: readiness for release.", no_args_is_help=True,
                  rich_markup_mode=None)

AsOfOpt = Annotated[Optional[str], typer.Option(
    "--as-of", help="Report as on this date (default today), so past reports are reproducible.",
    show_default=False)]

READINESS_COLUMNS = ("section", "due_on", "days_left", "reg_no", "name", "expiry",
                     "pb_eligible", "released_on", "missing")


@app.command("readiness")
def readiness(
    ctx: typer.Context,
    within: Annotated[int, typer.Option("--within", min=1, max=3650,
                                        help="Days ahead (and back, for releases).")] = 90,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
) -> None:
    """Who is due for release (expiry or PB date within DAYS) and what they still lack:
    ADMINDUK (ID papers), KES-PREVENTIF (health check), 'training' (no completed training).
    Then who was released in the last DAYS without SALUR-KERJA (job referral) or
    KONSELING-KELUARGA (family counselling).

    Example: wbpctl report readiness --within 60 -f csv -o siap-bebas.csv
    """
    from ..reports.readiness import readiness as build

    session = state(ctx).session()
    day = session.date(as_of, "as_of", allow_future=True) if as_of else None
    rows = build(session, within=within, as_of=day)
    show_rows(ctx, rows, READINESS_COLUMNS, fmt, output)
