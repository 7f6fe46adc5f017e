"""Who is due for release soon, and what they still lack (DOMAIN.md, "Reintegration").

Before release everyone should have ID papers (ADMINDUK delivered), a health
check (KES-PREVENTIF) and at least one completed training; after release a job
referral (SALUR-KERJA) and family counselling (KONSELING-KELUARGA).
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from ..domain.milestones import release_dates
from ..domain.release import INTO_COMMUNITY
from ..services.heads import report_snapshot
from ..services.participants import regno_text, stay_sentence
from ..services.session import Session
from ..store import queries

BEFORE_RELEASE = ("ADMINDUK", "KES-PREVENTIF")
AFTER_RELEASE = ("SALUR-KERJA", "KONSELING-KELUARGA")
TRAINING = "training"   # stands in ``missing`` for "no completed training"


def readiness(session: Session, *, within: int = 90, as_of: str | date | None = None,
              at: str | None = None) -> dict:
    """One row per person: section ``due`` (in custody, expiry or PB date in the window,
    soonest first) then section ``released`` (released in the last ``within`` days); with
    the ledger head the rows were read from."""
    day = session.as_of(as_of)
    with report_snapshot(session, at) as (conn, head):
        rows = readiness_rows(session, conn, within=within, as_of=day)
    return {"ledger_head": head.as_dict(), "rows": rows}


def _due(session: Session, stay: sqlite3.Row, remissions: list[int], as_of: date,
         end: date) -> tuple[date, date | None, date | None] | None:
    """(soonest date in the window, expiry, PB date) of a candidate stay, or None."""
    expiry, pb = release_dates(date.fromisoformat(stay["detained_on"]), stay_sentence(stay),
                               remissions, session.config.rules)
    in_window = [d for d in (expiry, pb) if d is not None and as_of <= d <= end]
    return (min(in_window), expiry, pb) if in_window else None


def due_count(session: Session, conn: sqlite3.Connection, *, within: int, as_of: date) -> int:
    """How many in custody have expiry or PB date within ``within`` days (the monthly
    report's figure), without working out what each one lacks."""
    end = as_of + timedelta(days=within)
    candidates = queries.stays_due_candidates(conn, as_of.isoformat(), end.isoformat())
    remissions = queries.remission_days_of(conn, [s["stay_id"] for s in candidates],
                                           as_of.isoformat())
    return sum(1 for stay in candidates
               if _due(session, stay, remissions.get(stay["stay_id"], []), as_of, end))


def readiness_rows(session: Session, conn: sqlite3.Connection, *, within: int, as_of: date
                   ) -> list[dict]:
    """``readiness`` inside the caller's snapshot (the monthly report counts these rows)."""
    end = as_of + timedelta(days=within)
    candidates = queries.stays_due_candidates(conn, as_of.isoformat(), end.isoformat())
    remissions = queries.remission_days_of(conn, [s["stay_id"] for s in candidates],
                                           as_of.isoformat())
    found = [(stay, dates) for stay in candidates
             if (dates := _due(session, stay, remissions.get(stay["stay_id"], []), as_of, end))]
    # names and completions only for those actually due, not every candidate
    done = queries.completed_tracks(conn, [stay["stay_id"] for stay, _ in found],
                                    as_of.isoformat())
    names = queries.names_of(conn, [stay["person_id"] for stay, _ in found])
    due = []
    for stay, (soonest, expiry, pb) in found:
        completed = done.get(stay["stay_id"], set())
        codes = {track for track, _ in completed}
        missing = [c for c in BEFORE_RELEASE if c not in codes]
        if not any(kind == "training" for _, kind in completed):
            missing.append(TRAINING)
        due.append({"section": "due", "reg_no": regno_text(session, stay),
                    "name": names[stay["person_id"]],
                    "due_on": soonest.isoformat(), "days_left": (soonest - as_of).days,
                    "expiry": expiry.isoformat() if expiry else None,
                    "pb_eligible": pb.isoformat() if pb else None,
                    "released_on": None, "release_type": None, "missing": missing})
    due.sort(key=lambda r: (r["due_on"], r["reg_no"]))
    released_stays = queries.stays_released_between(
        conn, (as_of - timedelta(days=within)).isoformat(), as_of.isoformat(), INTO_COMMUNITY)
    done = queries.completed_tracks(conn, [s["stay_id"] for s in released_stays],
                                    as_of.isoformat())
    released = []
    for stay in released_stays:
        codes = {track for track, _ in done.get(stay["stay_id"], set())}
        missing = [c for c in AFTER_RELEASE if c not in codes]
        if missing:
            released.append({"section": "released", "reg_no": regno_text(session, stay),
                             "name": stay["name"], "due_on": None, "days_left": None,
                             "expiry": None, "pb_eligible": None,
                             "released_on": stay["released_on"],
                             "release_type": stay["release_type"], "missing": missing})
    released.sort(key=lambda r: (r["released_on"], r["reg_no"]))
    return due + released
