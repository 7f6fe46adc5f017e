"""The aggregate reads reports make: one query each, counted in SQLite, not in Python."""

from __future__ import annotations

import json
import sqlite3


def stays_admitted(conn: sqlite3.Connection, start: str, end: str) -> tuple[int, int]:
    """(stays admitted in [start, end), of which readmissions of someone seen before)."""
    row = conn.execute(
        "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM stays e WHERE"
        " e.person_id = s.person_id AND e.id < s.id)), 0) FROM stays s"
        " WHERE s.admitted_on >= ? AND s.admitted_on < ?", (start, end)).fetchone()
    return row[0], row[1]


def in_custody_at(conn: sqlite3.Connection, instant: str) -> int:
    """Stays in custody at the start of day ``instant``."""
    return conn.execute(
        "SELECT count(*) FROM stays WHERE admitted_on < ? AND (released_on IS NULL OR"
        " released_on >= ?)", (instant, instant)).fetchone()[0]


def releases_by_type(conn: sqlite3.Connection, start: str, end: str) -> dict[str, int]:
    return {r[0]: r[1] for r in conn.execute(
        "SELECT release_type, count(*) FROM stays WHERE released_on >= ? AND released_on < ?"
        " GROUP BY release_type ORDER BY release_type", (start, end))}


def enrolment_counts_by_track(conn: sqlite3.Connection, start: str, end: str
                              ) -> list[dict]:
    """Per live track, what happened in [start, end) and how many were active at ``end``.

    Five small queries, each a range on one indexed date column, instead of one pass
    over every enrolment ever made (a national ledger holds millions).
    """
    period = {"start": start, "end": end}
    rows: dict[str, dict] = {}
    for r in conn.execute("SELECT code, opd, name, kind FROM tracks WHERE retired = 0"
                          " ORDER BY rowid"):
        rows[r["code"]] = {"track": r["code"], "opd": r["opd"], "name": r["name"],
                           "kind": r["kind"], "assigned": 0, "waitlisted": 0, "completed": 0,
                           "failed": 0, "dropped": 0, "dropped_in_programme": 0,
                           "active_end": 0}

    def add(sql: str, column: str) -> None:
        for track, n in conn.execute(sql, period):
            if track not in rows:    # a retired track with activity still shows
                row = conn.execute("SELECT code, opd, name, kind FROM tracks WHERE code = ?",
                                   (track,)).fetchone()
                rows[track] = {"track": track, "opd": row["opd"], "name": row["name"],
                               "kind": row["kind"], **{k: 0 for k in (
                                   "assigned", "waitlisted", "completed", "failed", "dropped",
                                   "dropped_in_programme", "active_end")}}
            rows[track][column] += n

    add("SELECT track, count(*) FROM enrolments WHERE assigned_on >= :start"
        " AND assigned_on < :end GROUP BY track", "assigned")
    add("SELECT track, count(*) FROM enrolments WHERE requested_on >= :start"
        " AND requested_on < :end AND waitlisted GROUP BY track", "waitlisted")
    for status in ("completed", "failed", "dropped"):
        add(f"SELECT track, count(*) FROM enrolments WHERE ended_on >= :start"
            f" AND ended_on < :end AND status = '{status}' GROUP BY track", status)
    add("SELECT track, count(*) FROM enrolments WHERE ended_on >= :start AND ended_on < :end"
        " AND status = 'dropped' AND reason NOT IN ('released', 'transferred') GROUP BY track",
        "dropped_in_programme")
    # active at the end: began before it, and ended after it or not yet
    add("SELECT track, count(*) FROM enrolments WHERE ended_on >= :end AND assigned_on < :end"
        " GROUP BY track", "active_end")
    add("SELECT track, count(*) FROM enrolments WHERE ended_on IS NULL AND assigned_on < :end"
        " GROUP BY track", "active_end")
    return list(rows.values())


def monthly_trend(conn: sqlite3.Connection, start: str, end: str,
                  release_types: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """{YYYY-MM: {completed, released}} for completions and community releases."""
    trend: dict[str, dict[str, int]] = {}
    for month, n in conn.execute(
            "SELECT substr(ended_on, 1, 7), count(*) FROM enrolments WHERE status = 'completed'"
            " AND ended_on >= ? AND ended_on < ? GROUP BY 1", (start, end)):
        trend.setdefault(month, {})["completed"] = n
    marks = ",".join("?" * len(release_types))
    for month, n in conn.execute(
            "SELECT substr(released_on, 1, 7), count(*) FROM stays WHERE released_on >= ?"
            f" AND released_on < ? AND release_type IN ({marks}) GROUP BY 1",
            (start, end, *release_types)):
        trend.setdefault(month, {})["released"] = n
    return trend


def recidivism_cells(conn: sqlite3.Connection, until: str, release_types: tuple[str, ...],
                     windows: tuple[int, ...]) -> list[sqlite3.Row]:
    """Per release year, window and trained-or-not: released, eligible, readmitted.

    A release is eligible for window k once k years have passed by ``until``; it is
    readmitted when the person's next stay began (admission) no later than k years
    after release. k years are calendar years; 29 February + 1 year is 28 February.
    """
    marks = ",".join("?" * len(release_types))
    plus_k = "date(r.released_on, '+' || w.value || ' years')"
    horizon = (f"CASE WHEN substr(r.released_on, 6, 5) = '02-29'"
               f" AND substr({plus_k}, 6, 2) = '03' THEN date({plus_k}, '-1 day')"
               f" ELSE {plus_k} END")
    return conn.execute(
        f"""WITH r AS (
            SELECT s.released_on, CAST(substr(s.released_on, 1, 4) AS INTEGER) AS cohort,
                (SELECT min(n.admitted_on) FROM stays n WHERE n.person_id = s.person_id
                    AND n.id > s.id) AS back,
                EXISTS (SELECT 1 FROM enrolments e JOIN tracks t ON t.code = e.track
                    WHERE e.stay_id = s.id AND e.status = 'completed'
                    AND t.kind = 'training') AS trained
            FROM stays s WHERE s.released_on IS NOT NULL AND s.released_on <= ?
                AND s.release_type IN ({marks})),
        h AS (SELECT r.cohort, r.trained, r.back, w.value AS k, {horizon} AS horizon
              FROM r, json_each(?) w)
        SELECT cohort, k, trained, count(*) AS released,
            sum(horizon <= ?) AS eligible,
            sum(horizon <= ? AND back IS NOT NULL AND back <= horizon) AS readmitted
        FROM h GROUP BY cohort, k, trained ORDER BY cohort, k, trained DESC""",
        (until, *release_types, json.dumps(list(windows)), until, until)).fetchall()
