"""Per OPD and per track over any period: from inclusive, to exclusive."""

from __future__ import annotations

from datetime import date

from ..domain.errors import Invalid
from ..domain.periods import Period, this_year_so_far
from ..services.heads import report_snapshot
from ..services.session import Session
from .monthly import COUNTS, completion_rate, opd_rows, track_rows
from .sponsors import cost_per_completion


def opd_report(session: Session, *, start: str | date | None = None,
               end: str | date | None = None, at: str | None = None) -> dict:
    """Counts per OPD and track over [start, end); default: this year up to today."""
    default = this_year_so_far(session.today)
    start = session.date(start, "from", allow_future=True) if start else default.start
    end = session.date(end, "to", allow_future=True) if end else default.end
    if end <= start:
        raise Invalid("to", end.isoformat(), "period_empty", start=start.isoformat())
    with report_snapshot(session, at) as (conn, head):
        tracks = track_rows(conn, Period(start, end))
        costs = cost_per_completion(conn, start.isoformat(), end.isoformat(),
                                    {r["track"]: r["completed"] for r in tracks})
    opds = opd_rows(session, tracks)
    for row in (*tracks, *opds):
        row["completion_rate"] = completion_rate(row["completed"], row["failed"],
                                                 row["dropped_in_programme"])
    keep = (*COUNTS, "completion_rate")
    return {"from": start.isoformat(), "to": end.isoformat(), "lapas": session.config.lapas_code,
            "ledger_head": head.as_dict(),
            "by_opd": [{"opd": r["opd"], "name": r["name"], **{k: r[k] for k in keep}}
                       for r in opds],
            "by_track": [{"track": r["track"], "opd": r["opd"], "name": r["name"],
                          **{k: r[k] for k in keep}} for r in tracks],
            "cost_per_completion": costs}
