"""Per OPD and per track over any period: from inclusive, to exclusive."""

from __future__ import annotations

from datetime import date

from ..domain.errors import Invalid
from ..domain.periods import Period, this_year_so_far
from ..services.heads import report_snapshot
from ..services.session import Session
from .lapas import lapas_code, scope_fields, scope_of
from .monthly import COUNTS, completion_rate, opd_rows, track_rows
from .sponsors import cost_per_completion

# spending is not recorded per Lapas: the cost per completion is the whole ledger's
NOT_PER_LAPAS = ("cost_per_completion",)


def _totals(tracks: list[dict]) -> dict:
    totals = {k: sum(r[k] for r in tracks) for k in (*COUNTS, "dropped_in_programme")}
    return {**{k: totals[k] for k in COUNTS}, "completion_rate": completion_rate(
        totals["completed"], totals["failed"], totals["dropped_in_programme"])}


def opd_report(session: Session, *, start: str | date | None = None,
               end: str | date | None = None, at: str | None = None,
               lapas: str | None = None) -> dict:
    """Counts per OPD and track over [start, end); default: this year up to today.
    ``lapas``: the Lapas whose places to count (default all), with a row per Lapas when
    there are several; the cost per completion is always the whole ledger's (spending
    is not recorded per Lapas)."""
    default = this_year_so_far(session.today)
    start = session.date(start, "from", allow_future=True) if start else default.start
    end = session.date(end, "to", allow_future=True) if end else default.end
    if end <= start:
        raise Invalid("to", end.isoformat(), "period_empty", start=start.isoformat())
    period = Period(start, end)
    with report_snapshot(session, at) as (conn, head):
        scope = scope_of(session, conn, lapas)
        tracks = track_rows(conn, period, scope.only)
        # what was spent on a track over what it came to in the whole ledger: spending
        # names no Lapas, so it is not divided by the completions of some of them
        every = tracks if scope.only is None else track_rows(conn, period)
        costs = cost_per_completion(conn, start.isoformat(), end.isoformat(),
                                    {r["track"]: r["completed"] for r in every})
        by_lapas = [{"lapas": code, **_totals(track_rows(conn, period, (code,)))}
                    for code in scope.codes] if scope.several else None
    opds = opd_rows(session, tracks)
    for row in (*tracks, *opds):
        row["completion_rate"] = completion_rate(row["completed"], row["failed"],
                                                 row["dropped_in_programme"])
    keep = (*COUNTS, "completion_rate")
    report = {"from": start.isoformat(), "to": end.isoformat(),
              "lapas": lapas_code(session, scope), **scope_fields(scope, NOT_PER_LAPAS),
              "ledger_head": head.as_dict(),
              "by_opd": [{"opd": r["opd"], "name": r["name"], **{k: r[k] for k in keep}}
                         for r in opds],
              "by_track": [{"track": r["track"], "opd": r["opd"], "name": r["name"],
                            **{k: r[k] for k in keep}} for r in tracks],
              "cost_per_completion": costs}
    if by_lapas is not None:
        report["by_lapas"] = by_lapas
    return report
