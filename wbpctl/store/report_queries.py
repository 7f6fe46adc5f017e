"""The aggregate reads reports make: one query each, counted in SQLite, not in Python."""

from __future__ import annotations

import json
import sqlite3
from typing import Sequence

# ``lapas``: the Lapas whose stays a report counts (``domain.lapas.LapasScope.only``), and
# the people, places, absences and releases that hang off those stays; None: every stay
# of the ledger, and the query is then exactly the one it was before Lapas could be chosen.
Lapas = Sequence[str] | None


def lapas_clause(column: str, lapas: Lapas, name: str = "lapas") -> tuple[str, dict]:
    """(`` AND column IN (...)`` naming the parameter ``:name``, its parameters), or
    ("", {}) for every Lapas. One JSON parameter, however many codes."""
    if lapas is None:
        return "", {}
    return (f" AND {column} IN (SELECT value FROM json_each(:{name}))",
            {name: json.dumps(list(lapas))})


def stay_clause(column: str, lapas: Lapas) -> tuple[str, dict]:
    """``lapas_clause`` for a table that names a stay (``column``: its stay id)."""
    if lapas is None:
        return "", {}
    return (f" AND {column} IN (SELECT id FROM stays WHERE lapas IN"
            f" (SELECT value FROM json_each(:lapas)))", {"lapas": json.dumps(list(lapas))})


def stays_admitted(conn: sqlite3.Connection, start: str, end: str, lapas: Lapas = None
                   ) -> tuple[int, int]:
    """(stays admitted in [start, end), of which readmissions of someone seen before)."""
    only, params = lapas_clause("s.lapas", lapas)
    row = conn.execute(
        "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM stays e WHERE"
        " e.person_id = s.person_id AND e.id < s.id)), 0) FROM stays s"
        " WHERE s.admitted_on >= :start AND s.admitted_on < :end" + only,
        {"start": start, "end": end, **params}).fetchone()
    return row[0], row[1]


def in_custody_at(conn: sqlite3.Connection, instant: str, lapas: Lapas = None) -> int:
    """Stays in custody at the start of day ``instant``: not away on a release they came
    back from (a transfer, a revoked PB; one not come back from is the stay's own
    release)."""
    only, params = lapas_clause("lapas", lapas)
    away, _ = stay_clause("stay_id", lapas)
    return conn.execute(
        "SELECT (SELECT count(*) FROM stays WHERE admitted_on < :at AND (released_on IS NULL"
        f" OR released_on >= :at){only})"
        f" - (SELECT count(*) FROM absences WHERE left_on < :at AND returned_on >= :at{away})",
        {"at": instant, **params}).fetchone()[0]


def releases_by_type(conn: sqlite3.Connection, start: str, end: str, lapas: Lapas = None
                     ) -> dict[str, int]:
    """Releases in [start, end) by type, also those the stay has since come back from (a
    transfer, a revoked PB: ``absences``)."""
    counts: dict[str, int] = {}
    for table, column, (only, params) in (
            ("stays", "released_on", lapas_clause("lapas", lapas)),
            ("absences", "left_on", stay_clause("stay_id", lapas))):
        for kind, n in conn.execute(
                f"SELECT release_type, count(*) FROM {table} WHERE {column} >= :start"
                f" AND {column} < :end{only} GROUP BY release_type",
                {"start": start, "end": end, **params}):
            counts[kind] = counts.get(kind, 0) + n
    return dict(sorted(counts.items()))


def returns_between(conn: sqlite3.Connection, start: str, end: str, lapas: Lapas = None
                    ) -> dict[str, int]:
    """{kind: how many} of the absences that ended in [start, end): 'transfer' (back from
    a transfer) and 'revocation' (a technical return)."""
    only, params = stay_clause("stay_id", lapas)
    return {r[0]: r[1] for r in conn.execute(
        "SELECT kind, count(*) FROM absences WHERE returned_on >= :start"
        f" AND returned_on < :end{only} GROUP BY kind", {"start": start, "end": end, **params})}


def enrolment_counts_by_track(conn: sqlite3.Connection, start: str, end: str,
                              lapas: Lapas = None) -> list[dict]:
    """Per live track, what happened in [start, end) and how many were active at ``end``.

    Five small queries, each a range on one indexed date column, instead of one pass
    over every enrolment ever made (a national ledger holds millions).
    """
    only, params = stay_clause("stay_id", lapas)
    period = {"start": start, "end": end, **params}
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
        f" AND assigned_on < :end{only} GROUP BY track", "assigned")
    add("SELECT track, count(*) FROM enrolments WHERE requested_on >= :start"
        f" AND requested_on < :end AND waitlisted{only} GROUP BY track", "waitlisted")
    for status in ("completed", "failed", "dropped"):
        add(f"SELECT track, count(*) FROM enrolments WHERE ended_on >= :start"
            f" AND ended_on < :end AND status = '{status}'{only} GROUP BY track", status)
    add("SELECT track, count(*) FROM enrolments WHERE ended_on >= :start AND ended_on < :end"
        " AND status = 'dropped' AND reason NOT IN ('released', 'transferred')"
        f"{only} GROUP BY track", "dropped_in_programme")
    # active at the end: began before it, and ended after it or not yet
    # (the upper bound is always true; it tells the planner this is a narrow range)
    add("SELECT track, count(*) FROM enrolments WHERE ended_on >= :end"
        f" AND ended_on <= '9999-12-31' AND assigned_on < :end{only} GROUP BY track",
        "active_end")
    add("SELECT track, count(*) FROM enrolments WHERE ended_on IS NULL AND assigned_on < :end"
        f"{only} GROUP BY track", "active_end")
    return list(rows.values())


def monthly_trend(conn: sqlite3.Connection, start: str, end: str,
                  release_types: tuple[str, ...], lapas: Lapas = None
                  ) -> dict[str, dict[str, int]]:
    """{YYYY-MM: {completed, released}} for completions and community releases."""
    trend: dict[str, dict[str, int]] = {}
    only, params = stay_clause("stay_id", lapas)
    for month, n in conn.execute(
            "SELECT substr(ended_on, 1, 7), count(*) FROM enrolments WHERE status = 'completed'"
            f" AND ended_on >= :start AND ended_on < :end{only} GROUP BY 1",
            {"start": start, "end": end, **params}):
        trend.setdefault(month, {})["completed"] = n
    marks = ",".join(f":type{i}" for i in range(len(release_types)))
    only, params = lapas_clause("lapas", lapas)
    for month, n in conn.execute(
            "SELECT substr(released_on, 1, 7), count(*) FROM stays WHERE released_on >= :start"
            f" AND released_on < :end AND release_type IN ({marks}){only} GROUP BY 1",
            {"start": start, "end": end, **params,
             **{f"type{i}": t for i, t in enumerate(release_types)}}):
        trend.setdefault(month, {})["released"] = n
    return trend


def _anniversary(day: str, year: str) -> str:
    """SQL for the month-day of ``day``'s anniversary in ``year``: 29 February falls on
    the 28th in a common year, as in ``add_period``."""
    leap = f"(({year}) % 4 = 0 AND ({year}) % 100 != 0 OR ({year}) % 400 = 0)"
    return (f"(CASE WHEN substr({day}, 6, 5) = '02-29' AND NOT {leap} THEN '02-28'"
            f" ELSE substr({day}, 6, 5) END)")


def _years_until(day: str) -> str:
    """SQL for the smallest whole k such that ``day`` falls within k years of
    ``released_on`` (NULL when ``day`` is)."""
    year = f"CAST(substr({day}, 1, 4) AS INTEGER)"
    return (f"CASE WHEN {day} IS NULL THEN NULL ELSE {year} - CAST(substr(released_on, 1, 4)"
            f" AS INTEGER) + (substr({day}, 6, 5) > {_anniversary('released_on', year)}) END")


def lapas_codes(conn: sqlite3.Connection) -> list[str]:
    """The Lapas whose stays this ledger holds (the scope of what it can see)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT lapas FROM stays ORDER BY lapas")]


def recidivism_releases(conn: sqlite3.Connection, until: str, release_types: tuple[str, ...],
                        programme_start: str | None, lapas: Lapas = None
                        ) -> list[sqlite3.Row]:
    """Releases into the community of sentenced stays up to ``until``, counted by what the
    recidivism report groups, compares and adjusts for:

    * ``cohort`` (year of release), ``trained`` (a training completed during the stay by
      the release), ``after_start`` (released on or after ``programme_start``),
      ``recent`` (released in the year up to ``until``);
    * ``elapsed``: whole years passed since release by ``until`` (windows up to it are
      eligible);
    * ``needed``: the smallest k such that the person's next sentenced stay began within
      k years (a new offence); ``technical``: the same for the revocation of this very
      release (a PB/CB/CMB revoked). A release has one or the other, never both: a
      revoked release is an ``absences`` row of a stay that went on, so the next stay
      follows the stay's own, later, release;
    * ``sentence_band`` (0: up to 1 year, 1: to 3, 2: to 5, 3: longer), ``age`` at
      release (NULL: birth date unknown), the offence as written and its category.

    Counting once per release and grouping keeps this one pass over the releases,
    however many windows are asked for. ``lapas`` keeps the releases from those Lapas
    (and says each one's, for the per-Lapas rows); the next stay may be anywhere.
    """
    only, params = lapas_clause("s.lapas", lapas)
    marks = ",".join(f":type{i}" for i in range(len(release_types)))
    until_y = "CAST(substr(:until, 1, 4) AS INTEGER)"
    return conn.execute(
        f"""WITH done AS MATERIALIZED (
            SELECT e.stay_id, min(e.ended_on) AS first_done FROM enrolments e
            WHERE e.track IN (SELECT code FROM tracks WHERE kind = 'training')
                AND e.status = 'completed' GROUP BY e.stay_id),
        next AS MATERIALIZED (
            -- the stays' own releases; only sentenced stays (B.*, or sentenced later)
            -- count, and only a sentenced stay as the next one: the person's own, or one
            -- of another record of the same person (a Lapas merged into this ledger and
            -- linked, see person.linked) admitted after the release
            SELECT s.id AS stay_id, s.released_on,
                (SELECT min(n.admitted_on) FROM stays n WHERE n.person_id = s.person_id
                    AND n.id > s.id AND n.register_class LIKE 'B.%') AS own_back,
                (SELECT min(n.admitted_on) FROM people q JOIN stays n ON n.person_id = q.id
                    WHERE (q.same_as = coalesce(p.same_as, p.id) OR q.id = p.same_as)
                    AND q.id != p.id AND n.admitted_on > s.released_on
                    AND n.register_class LIKE 'B.%') AS linked_back
            FROM stays s JOIN people p ON p.id = s.person_id
            WHERE s.released_on <= :until AND s.release_type IN ({marks})
                AND s.register_class LIKE 'B.%'{only}),
        r AS (
            SELECT stay_id, released_on,
                coalesce(min(own_back, linked_back), own_back, linked_back) AS back,
                NULL AS revoked
            FROM next
            UNION ALL
            -- conditional releases revoked since: the stay went on
            SELECT a.stay_id, a.left_on, NULL,
                CASE WHEN a.returned_on <= :until THEN a.returned_on END
            FROM absences a JOIN stays s ON s.id = a.stay_id
            WHERE a.kind = 'revocation' AND a.left_on <= :until
                AND s.register_class LIKE 'B.%'{only}),
        x AS (
            SELECT r.released_on, r.back, r.revoked, done.first_done, p.birth_date,
                s.sentence_life OR s.sentence_death AS unbounded,
                (coalesce(s.sentence_years, 0) * 12 + coalesce(s.sentence_months, 0)) * 30
                    + coalesce(s.sentence_days, 0) AS days30,
                s.crime, s.crime_category, s.lapas
            FROM r JOIN stays s ON s.id = r.stay_id JOIN people p ON p.id = s.person_id
                LEFT JOIN done ON done.stay_id = r.stay_id)
        SELECT CAST(substr(released_on, 1, 4) AS INTEGER) AS cohort,
            coalesce(first_done <= released_on, 0) AS trained,
            coalesce(released_on >= :start, 0) AS after_start,
            released_on > date(:until, '-1 year') AS recent,
            {until_y} - CAST(substr(released_on, 1, 4) AS INTEGER)
                - (substr(:until, 6, 5) < {_anniversary("released_on", until_y)}) AS elapsed,
            {_years_until("back")} AS needed,
            {_years_until("revoked")} AS technical,
            CASE WHEN unbounded THEN 3 WHEN days30 <= 360 THEN 0 WHEN days30 <= 1080 THEN 1
                WHEN days30 <= 1800 THEN 2 ELSE 3 END AS sentence_band,
            CASE WHEN birth_date IS NULL THEN NULL
                ELSE CAST(substr(released_on, 1, 4) AS INTEGER)
                     - CAST(substr(birth_date, 1, 4) AS INTEGER)
                     - (substr(released_on, 6, 5) < substr(birth_date, 6, 5)) END AS age,
            crime, crime_category, lapas, count(*) AS n
        FROM x
        GROUP BY cohort, trained, after_start, recent, elapsed, needed, technical,
            sentence_band, age, crime, crime_category, lapas""",
        {"until": until, "start": programme_start, **params,
         **{f"type{i}": t for i, t in enumerate(release_types)}}).fetchall()
