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
from .lapas import lapas_code, scope_fields, scope_of
from .readiness import due_counts
from .sales import monthly_section as products_section
from .sponsors import monthly_section

COUNTS = ("assigned", "waitlisted", "completed", "failed", "dropped", "active_end")
# a row per Lapas, when the report covers several (the figures that are counted per stay)
BY_LAPAS = ("registered", "readmitted", "in_custody_start", "in_custody_end", *COUNTS,
            "released", "transferred", "returned", "revoked", "deceased",
            "releasing_next_90_days", "past_expiry_in_custody", "completion_rate")
# counted for the whole ledger whatever --lapas says: not recorded per Lapas
NOT_PER_LAPAS = ("sponsors", "products")


def completion_rate(completed: int, failed: int, dropped_in_programme: int) -> float | None:
    """Completed over those who finished or left for a reason of the programme's own
    (a drop because of release or transfer is not a failure of the track)."""
    denominator = completed + failed + dropped_in_programme
    return round(completed / denominator, 4) if denominator else None


def track_rows(conn, period: Period, lapas: rq.Lapas = None) -> list[dict]:
    return rq.enrolment_counts_by_track(conn, period.start.isoformat(), period.end.isoformat(),
                                        lapas)


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


def _counts(session: Session, conn, cut: Period, lapas: rq.Lapas) -> tuple[dict, list[dict]]:
    """The month's figures of the stays of ``lapas`` (None: all), and its rows per track."""
    start, end = cut.start.isoformat(), cut.end.isoformat()
    registered, readmitted = rq.stays_admitted(conn, start, end, lapas)
    by_type = rq.releases_by_type(conn, start, end, lapas)
    returned = rq.returns_between(conn, start, end, lapas)
    tracks = track_rows(conn, cut, lapas)
    overdue, due = due_counts(session, conn, within=90, as_of=cut.end - timedelta(days=1),
                              lapas=lapas)
    totals = {k: sum(r[k] for r in tracks) for k in (*COUNTS, "dropped_in_programme")}
    return {
        "registered": registered,
        "readmitted": readmitted,
        "in_custody_start": rq.in_custody_at(conn, start, lapas),
        "in_custody_end": rq.in_custody_at(conn, end, lapas),
        **{k: totals[k] for k in COUNTS},
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
    }, tracks


def monthly(session: Session, *, month: str | None = None, as_of: str | date | None = None,
            at: str | None = None, generated_at: str | None = None,
            lapas: str | None = None) -> dict:
    """Every figure of one month, from one consistent snapshot (of the ledger as it stood
    at head ``at``, when given), and the head it was read from. ``generated_at`` is the
    time to print instead of now, to make a report printed earlier again byte for byte.
    ``lapas``: the Lapas to count (``--lapas``; default all), with a row per Lapas when
    there are several."""
    stamp = (parse_timestamp(generated_at, field="generated_at") if generated_at
             else datetime.now(timezone.utc))
    today = session.as_of(as_of)
    label, period = month_period(month, today)
    if period.start > today:
        raise Invalid("month", month, "month_in_future", today=today.isoformat())
    cut = Period(period.start, min(period.end, day_after(today)))
    start, end = cut.start.isoformat(), cut.end.isoformat()
    with report_snapshot(session, at) as (conn, head):
        scope = scope_of(session, conn, lapas)
        figures, tracks = _counts(session, conn, cut, scope.only)
        trend_period = trailing_months(cut)
        trend = rq.monthly_trend(conn, trend_period.start.isoformat(), end, INTO_COMMUNITY,
                                 scope.only)
        sponsors = monthly_section(conn, start, end)
        products = products_section(session, conn, cut, trend_period)
        by_lapas = [{"lapas": code, **{k: v for k, v in _counts(
            session, conn, cut, (code,))[0].items() if k in BY_LAPAS}}
            for code in scope.codes] if scope.several else None
    report = {
        "month": label,
        "lapas": lapas_code(session, scope),
        **scope_fields(scope, NOT_PER_LAPAS),
        # a report of several Lapas, or of another, has no one name: its title names codes
        "lapas_name": session.config.lapas_name if scope.codes == (scope.own,) else None,
        "signatories": [dict(s) for s in session.config.signatories],
        "period_start": start,
        "period_end": end,
        "generated_at": stamp.isoformat(timespec="seconds"),
        "ledger_head": head.as_dict(),
        **figures,
        "by_opd": [{k: v for k, v in r.items() if k != "dropped_in_programme"}
                   for r in opd_rows(session, tracks)],
        "by_track": [{k: r[k] for k in ("track", "opd", "name", *COUNTS)} for r in tracks],
        "trend": [{"month": m, "completed": trend.get(m, {}).get("completed", 0),
                   "released": trend.get(m, {}).get("released", 0)}
                  for m in trend_period.months()],
        "sponsors": sponsors,
        "products": products,
    }
    if by_lapas is not None:
        report["by_lapas"] = by_lapas
    return report


def monthly_kept(session: Session, **options) -> tuple[dict, WbpError | None]:
    """The monthly report (``monthly``), its head then kept in the checkpoint file beside
    the database, unless it was made at a past head. A checkpoint that cannot be written
    (a read-only folder, a full disk) must not cost the month its report: the problem is
    returned for the caller to warn about."""
    report = monthly(session, **options)
    if options.get("at") is not None:
        return report, None
    return report, checkpoints.keep_quietly(session, Head(**report["ledger_head"]))
