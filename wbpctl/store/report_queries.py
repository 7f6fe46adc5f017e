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
    """Stays in custody at the start of day ``instant``: not away on a release they came
    back from (a transfer, a revoked PB; one not come back from is the stay's own
    release)."""
    return conn.execute(
        "SELECT (SELECT count(*) FROM stays WHERE admitted_on < :at AND (released_on IS NULL"
        " OR released_on >= :at))"
        " - (SELECT count(*) FROM absences WHERE left_on < :at AND returned_on >= :at)",
        {"at": instant}).fetchone()[0]


def releases_by_type(conn: sqlite3.Connection, start: str, end: str) -> dict[str, int]:
    """Releases in [start, end) by type, also those the stay has since come back from (a
    transfer, a revoked PB: ``absences``)."""
    counts: dict[str, int] = {}
    for table, column in (("stays", "released_on"), ("absences", "left_on")):
        for kind, n in conn.execute(
                f"SELECT release_type, count(*) FROM {table} WHERE {column} >= ?"
                f" AND {column} < ? GROUP BY release_type", (start, end)):
            counts[kind] = counts.get(kind, 0) + n
    return dict(sorted(counts.items()))


def returns_between(conn: sqlite3.Connection, start: str, end: str) -> dict[str, int]:
    """{kind: how many} of the absences that ended in [start, end): 'transfer' (back from
    a transfer) and 'revocation' (a technical return)."""
    return {r[0]: r[1] for r in conn.execute(
        "SELECT kind, count(*) FROM absences WHERE returned_on >= ? AND returned_on < ?"
        " GROUP BY kind", (start, end))}


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
    # (the upper bound is always true; it tells the planner this is a narrow range)
    add("SELECT track, count(*) FROM enrolments WHERE ended_on >= :end"
        " AND ended_on <= '9999-12-31' AND assigned_on < :end GROUP BY track", "active_end")
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


def _anniversary(day: str, year: str) -> str:
    """SQL for the month-day of ``day``'s anniversary in ``year``: 29 February falls on
    the 28th in a common year, as in ``add_period``."""
    leap = f"(({year}) % 4 = 0 AND ({year}) % 100 != 0 OR ({year}) % 400 = 0)"
    return (f"(CASE WHEN substr({day}, 6, 5) = '02-29' AND NOT {leap} THEN '02-28'"
            f" ELSE substr({day}, 6, 5) END)")


def recidivism_groups(conn: sqlite3.Connection, until: str, release_types: tuple[str, ...]
                      ) -> list[sqlite3.Row]:
    """Releases into the community of sentenced stays up to ``until``, counted by (cohort,
    trained, elapsed, needed): ``elapsed`` is how many whole years have passed since
    release by ``until`` (windows up to it are eligible); ``needed`` is the smallest k such
    that the person's next sentenced stay began within k years of release (NULL: none yet).

    Counting years once per release and grouping keeps this one pass over the
    releases, however many windows are asked for.
    """
    marks = ",".join(f":type{i}" for i in range(len(release_types)))
    rel_y = "CAST(substr(released_on, 1, 4) AS INTEGER)"
    until_y = "CAST(substr(:until, 1, 4) AS INTEGER)"
    back_y = "CAST(substr(back, 1, 4) AS INTEGER)"
    return conn.execute(
        f"""WITH trained AS MATERIALIZED (
            SELECT DISTINCT e.stay_id FROM enrolments e
            WHERE e.track IN (SELECT code FROM tracks WHERE kind = 'training')
                AND e.status = 'completed'),
        r AS (
            -- only sentenced stays (B.*, or sentenced later) are releases that count and
            -- stays that count as a return; a return from a transfer is the same stay
            SELECT s.released_on,
                (SELECT min(n.admitted_on) FROM stays n WHERE n.person_id = s.person_id
                    AND n.id > s.id AND n.register_class LIKE 'B.%') AS back,
                s.id IN trained AS trained
            FROM stays s WHERE s.released_on <= :until AND s.release_type IN ({marks})
                AND s.register_class LIKE 'B.%')
        SELECT {rel_y} AS cohort, trained,
            {until_y} - {rel_y}
                - (substr(:until, 6, 5) < {_anniversary("released_on", until_y)}) AS elapsed,
            CASE WHEN back IS NULL THEN NULL ELSE {back_y} - {rel_y}
                + (substr(back, 6, 5) > {_anniversary("released_on", back_y)}) END AS needed,
            count(*) AS n
        FROM r GROUP BY cohort, trained, elapsed, needed""",
        {"until": until, **{f"type{i}": t for i, t in enumerate(release_types)}}).fetchall()
