"""Who is due for release soon, and what they still lack (DOMAIN.md, "Reintegration").

First everyone still in custody after their expiry (``overdue``, with how many days),
then everyone whose expiry, or the date of their early route (PB, CB, CMB), falls in the
window. Before release everyone should have ID papers (ADMINDUK delivered), a health
check (KES-PREVENTIF) and at least one completed training; after release a job
referral (SALUR-KERJA) and family counselling (KONSELING-KELUARGA).
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from ..domain.milestones import Milestones, milestones
from ..domain.release import INTO_COMMUNITY
from ..services.heads import report_snapshot
from ..services.participants import regno_text, stay_sentence
from ..services.session import Session
from ..store import product_queries as pq
from ..store import queries
from ..store.report_queries import Lapas
from .lapas import lapas_code, scope_fields, scope_of

BEFORE_RELEASE = ("ADMINDUK", "KES-PREVENTIF")
AFTER_RELEASE = ("SALUR-KERJA", "KONSELING-KELUARGA")
TRAINING = "training"   # stands in ``missing`` for "no completed training"
SECTIONS = ("overdue", "due", "released")


def readiness(session: Session, *, within: int = 90, as_of: str | date | None = None,
              at: str | None = None, lapas: str | None = None) -> dict:
    """One row per person: section ``due`` (in custody, expiry or PB date in the window,
    soonest first) then section ``released`` (released in the last ``within`` days); with
    the ledger head the rows were read from. ``lapas``: the Lapas whose stays to list
    (``--lapas``; default all); of several, each row names its Lapas and ``by_lapas``
    counts each section per Lapas."""
    day = session.as_of(as_of)
    with report_snapshot(session, at) as (conn, head):
        scope = scope_of(session, conn, lapas)
        rows = readiness_rows(session, conn, within=within, as_of=day, lapas=scope.only,
                              name_lapas=not scope.usual)
    if scope.usual:
        return {"ledger_head": head.as_dict(), "rows": rows}
    report = {"lapas": lapas_code(session, scope), **scope_fields(scope),
              "ledger_head": head.as_dict(), "rows": rows}
    if scope.several:
        report["by_lapas"] = [{"lapas": code, **{section: sum(
            1 for r in rows if r["lapas"] == code and r["section"] == section)
            for section in SECTIONS}} for code in scope.codes]
    return report


def _due(session: Session, stay: sqlite3.Row, grants: list, as_of: date, end: date
         ) -> tuple[date, Milestones] | None:
    """(the date that puts a candidate stay on the list, its dates), or None: its expiry
    when already past (overdue), else the soonest of expiry, PB, CB and CMB in the window."""
    dates = milestones(date.fromisoformat(stay["detained_on"]), stay_sentence(stay), grants,
                       session.config.rules)
    if dates.expiry is not None and dates.expiry < as_of:
        return dates.expiry, dates
    in_window = [d for d in (dates.expiry, dates.pb_eligible, dates.cb_eligible, dates.cmb)
                 if d is not None and as_of <= d <= end]
    return (min(in_window), dates) if in_window else None


def _candidates(session: Session, conn: sqlite3.Connection, as_of: date, end: date,
                lapas: Lapas = None) -> list[tuple[sqlite3.Row, tuple[date, Milestones]]]:
    lead = session.config.rules.cmb_max_leave_months * 31
    candidates = queries.stays_due_candidates(conn, as_of.isoformat(), end.isoformat(),
                                              lead_days=lead, lapas=lapas)
    grants = queries.remission_grants_of(conn, [s["stay_id"] for s in candidates],
                                         as_of.isoformat())
    return [(stay, found) for stay in candidates
            if (found := _due(session, stay, grants.get(stay["stay_id"], []), as_of, end))]


def due_counts(session: Session, conn: sqlite3.Connection, *, within: int, as_of: date,
               lapas: Lapas = None) -> tuple[int, int]:
    """(in custody past expiry, due within ``within`` days): the monthly report's figures,
    without working out what each one lacks."""
    found = _candidates(session, conn, as_of, as_of + timedelta(days=within), lapas)
    overdue = sum(1 for _, (soonest, _) in found if soonest < as_of)
    return overdue, len(found) - overdue


_ROUTES = (("pb", "pb_eligible"), ("cb", "cb_eligible"), ("cmb", "cmb"),
           ("ekspirasi", "expiry"))


def readiness_rows(session: Session, conn: sqlite3.Connection, *, within: int, as_of: date,
                   lapas: Lapas = None, name_lapas: bool = False) -> list[dict]:
    """``readiness`` inside the caller's snapshot: with ``lapas``, only stays of those
    Lapas; with ``name_lapas``, each row names its stay's Lapas."""
    found = _candidates(session, conn, as_of, as_of + timedelta(days=within), lapas)
    # names and completions only for those actually due, not every candidate
    done = queries.completed_tracks(conn, [stay["stay_id"] for stay, _ in found],
                                    as_of.isoformat())
    names = queries.names_of(conn, [stay["person_id"] for stay, _ in found])
    # the premi someone leaves with (or is owed): part of being ready
    savings = pq.premi_balances(conn, [stay["person_id"] for stay, _ in found])
    due = []
    for stay, (soonest, dates) in found:
        completed = done.get(stay["stay_id"], set())
        codes = {track for track, _ in completed}
        missing = [c for c in BEFORE_RELEASE if c not in codes]
        if not any(kind == "training" for _, kind in completed):
            missing.append(TRAINING)
        iso = dates.as_dict()
        # the route that date belongs to: the release type an officer would record
        route = next((kind for kind, key in _ROUTES if iso[key] == soonest.isoformat()), None)
        due.append({"section": "overdue" if soonest < as_of else "due",
                    "reg_no": regno_text(session, stay), "name": names[stay["person_id"]],
                    "due_on": soonest.isoformat(), "due_by": route,
                    "days_left": (soonest - as_of).days,
                    "expiry": iso["expiry"], "pb_eligible": iso["pb_eligible"],
                    "cb_eligible": iso["cb_eligible"], "cmb": iso["cmb"],
                    "released_on": None, "release_type": None, "missing": missing,
                    "premi_balance": savings[stay["person_id"]],
                    **({"lapas": stay["lapas"]} if name_lapas else {})})
    # the overdue first (longest overdue first), then the due, soonest first
    due.sort(key=lambda r: (r["section"] != "overdue", r["due_on"], r["reg_no"]))
    released_stays = queries.stays_released_between(
        conn, (as_of - timedelta(days=within)).isoformat(), as_of.isoformat(), INTO_COMMUNITY,
        lapas)
    done = queries.completed_tracks(conn, [s["stay_id"] for s in released_stays],
                                    as_of.isoformat())
    savings = pq.premi_balances(conn, [s["person_id"] for s in released_stays])
    released = []
    for stay in released_stays:
        codes = {track for track, _ in done.get(stay["stay_id"], set())}
        missing = [c for c in AFTER_RELEASE if c not in codes]
        if missing:
            released.append({"section": "released", "reg_no": regno_text(session, stay),
                             "name": stay["name"], "due_on": None, "due_by": None,
                             "days_left": None,
                             "expiry": None, "pb_eligible": None, "cb_eligible": None,
                             "cmb": None,
                             "released_on": stay["released_on"],
                             "release_type": stay["release_type"], "missing": missing,
                             "premi_balance": savings[stay["person_id"]],
                             **({"lapas": stay["lapas"]} if name_lapas else {})})
    released.sort(key=lambda r: (r["released_on"], r["reg_no"]))
    return due + released
