"""The monthly summary the regency and Kanwil read; a cron job writes it on the 1st."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ..domain.dates import parse_timestamp
from ..domain.errors import Invalid, WbpError
from ..domain.heads import Head
from ..domain.periods import Period, day_after, month_period, trailing_months
from ..domain.release import INTO_COMMUNITY
from ..services import checkpoints
from ..services.heads import report_snapshot
from ..services.session import Session
from ..store import report_queries as rq
from .readiness import due_counts
from .sales import monthly_section as products_section
from .sponsors import monthly_section

COUNTS = ("assigned", "waitlisted", "completed", "failed", "dropped", "active_end")


def completion_rate(completed: int, failed: int, dropped_in_programme: int) -> float | None:
    """Completed over those who finished or left for a reason of the programme's own
    (a drop because of release or transfer is not a failure of the track)."""
    denominator = completed + failed + dropped_in_programme
    return round(completed / denominator, 4) if denominator else None


def track_rows(conn, period: Period) -> list[dict]:
    return rq.enrolment_counts_by_track(conn, period.start.isoformat(), period.end.isoformat())


def opd_rows(session: Session, tracks: list[dict]) -> list[dict]:
    names = {o.code: o.name for o in session.config.opds}
    by_opd: dict[str, dict] = {}
    for row in tracks:
        total = by_opd.setdefault(row["opd"], {"opd": row["opd"],
                                               "name": names.get(row["opd"], row["opd"]),
                                               **{k: 0 for k in COUNTS},
                                               "dropped_in_programme": 0})
        for key in (*COUNTS, "dropped_in_programme"):
            total[key] += row[key]
    return list(by_opd.values())


def monthly(session: Session, *, month: str | None = None, as_of: str | date | None = None,
            at: str | None = None, generated_at: str | None = None) -> dict:
    """Every figure of one month, from one consistent snapshot (of the ledger as it stood
    at head ``at``, when given), and the head it was read from. ``generated_at`` is the
    time to print instead of now, to make a report printed earlier again byte for byte."""
    stamp = (parse_timestamp(generated_at, field="generated_at") if generated_at
             else datetime.now(timezone.utc))
    today = session.as_of(as_of)
    label, period = month_period(month, today)
    if period.start > today:
        raise Invalid("month", month, "month_in_future", today=today.isoformat())
    cut = Period(period.start, min(period.end, day_after(today)))
    start, end = cut.start.isoformat(), cut.end.isoformat()
    with report_snapshot(session, at) as (conn, head):
        registered, readmitted = rq.stays_admitted(conn, start, end)
        by_type = rq.releases_by_type(conn, start, end)
        returned = rq.returns_between(conn, start, end)
        tracks = track_rows(conn, cut)
        trend_period = trailing_months(cut)
        trend = rq.monthly_trend(conn, trend_period.start.isoformat(), end, INTO_COMMUNITY)
        overdue, due = due_counts(session, conn, within=90, as_of=cut.end - timedelta(days=1))
        in_custody_start = rq.in_custody_at(conn, start)
        in_custody_end = rq.in_custody_at(conn, end)
        sponsors = monthly_section(conn, start, end)
        products = products_section(session, conn, cut, trend_period)
    totals = {k: sum(r[k] for r in tracks) for k in (*COUNTS, "dropped_in_programme")}
    return {
        "month": label,
        "lapas": session.config.lapas_code,
        "lapas_name": session.config.lapas_name,
        "signatories": [dict(s) for s in session.config.signatories],
        "period_start": start,
        "period_end": end,
        "generated_at": stamp.isoformat(timespec="seconds"),
        "ledger_head": head.as_dict(),
        "registered": registered,
        "readmitted": readmitted,
        "in_custody_start": in_custody_start,
        "in_custody_end": in_custody_end,
        "assigned": totals["assigned"],
        "waitlisted": totals["waitlisted"],
        "completed": totals["completed"],
        "failed": totals["failed"],
        "dropped": totals["dropped"],
        "active_end": totals["active_end"],
        "released": sum(n for t, n in by_type.items() if t in INTO_COMMUNITY),
        "releases_by_type": {t: n for t, n in by_type.items() if t in INTO_COMMUNITY},
        "transferred": by_type.get("pindah", 0),
        "returned": returned.get("transfer", 0),
        "revoked": returned.get("revocation", 0),
        "deceased": by_type.get("meninggal", 0),
        "releasing_next_90_days": due,
        "past_expiry_in_custody": overdue,
        "completion_rate": completion_rate(totals["completed"], totals["failed"],
                                           totals["dropped_in_programme"]),
        "by_opd": [{k: v for k, v in r.items() if k != "dropped_in_programme"}
                   for r in opd_rows(session, tracks)],
        "by_track": [{k: r[k] for k in ("track", "opd", "name", *COUNTS)} for r in tracks],
        "trend": [{"month": m, "completed": trend.get(m, {}).get("completed", 0),
                   "released": trend.get(m, {}).get("released", 0)}
                  for m in trend_period.months()],
        "sponsors": sponsors,
        "products": products,
    }


def monthly_kept(session: Session, **options) -> tuple[dict, WbpError | None]:
    """The monthly report (``monthly``), its head then kept in the checkpoint file beside
    the database, unless it was made at a past head. A checkpoint that cannot be written
    (a read-only folder, a full disk) must not cost the month its report: the problem is
    returned for the caller to warn about."""
    report = monthly(session, **options)
    if options.get("at") is not None:
        return report, None
    return report, checkpoints.keep_quietly(session, Head(**report["ledger_head"]))
