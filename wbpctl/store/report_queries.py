"""The aggregate reads reports make: one query each, counted in SQLite, not in Python."""

from __future__ import annotations

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
                              ) -> list[sqlite3.Row]:
    """Per live track, what happened in [start, end) and how many were active at ``end``."""
    return conn.execute(
        """SELECT t.code AS track, t.opd, t.name, t.kind,
            coalesce(sum(e.assigned_on >= :start AND e.assigned_on < :end), 0) AS assigned,
            coalesce(sum(e.waitlisted AND e.requested_on >= :start AND e.requested_on < :end), 0)
                AS waitlisted,
            coalesce(sum(e.status = 'completed' AND e.ended_on >= :start AND e.ended_on < :end), 0)
                AS completed,
            coalesce(sum(e.status = 'failed' AND e.ended_on >= :start AND e.ended_on < :end), 0)
                AS failed,
            coalesce(sum(e.status = 'dropped' AND e.ended_on >= :start AND e.ended_on < :end), 0)
                AS dropped,
            coalesce(sum(e.status = 'dropped' AND e.ended_on >= :start AND e.ended_on < :end
                AND e.reason NOT IN ('released', 'transferred')), 0) AS dropped_in_programme,
            coalesce(sum(e.assigned_on < :end AND (e.ended_on IS NULL OR e.ended_on >= :end)), 0)
                AS active_end
        FROM tracks t LEFT JOIN enrolments e ON e.track = t.code
        WHERE t.retired = 0 OR e.id IS NOT NULL
        GROUP BY t.code ORDER BY t.rowid""", {"start": start, "end": end}).fetchall()


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


def releases_with_outcome(conn: sqlite3.Connection, until: str,
                          release_types: tuple[str, ...]) -> list[sqlite3.Row]:
    """Every release into the community up to ``until``: its date, the person's next
    admission (if any), and whether a training was completed during that stay."""
    marks = ",".join("?" * len(release_types))
    return conn.execute(
        f"""SELECT s.id, s.released_on,
            (SELECT min(n.admitted_on) FROM stays n WHERE n.person_id = s.person_id
                AND n.id > s.id) AS readmitted_on,
            EXISTS (SELECT 1 FROM enrolments e JOIN tracks t ON t.code = e.track
                WHERE e.stay_id = s.id AND e.status = 'completed' AND t.kind = 'training')
                AS trained
        FROM stays s WHERE s.released_on IS NOT NULL AND s.released_on <= ?
            AND s.release_type IN ({marks})
        ORDER BY s.released_on""", (until, *release_types)).fetchall()
