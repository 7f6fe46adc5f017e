"""The reads of sponsors, donations, adoptions and spending: the registry, what a balance is
computed from, and the figures of the sponsor reports."""

from __future__ import annotations

import json
import sqlite3

from .report_queries import Lapas, lapas_clause, stay_clause

_DONATION = """d.*, s.code AS sponsor_code, s.name AS sponsor_name, s.uid AS sponsor_uid,
    p.uid AS person_uid, p.name AS person_name"""
_DONATION_FROM = """donations d JOIN sponsors s ON s.id = d.sponsor_id
    LEFT JOIN people p ON p.id = d.person_id"""
_SPENDING = """x.*, s.code AS sponsor_code, s.uid AS sponsor_uid, p.uid AS person_uid,
    p.name AS person_name"""
_SPENDING_FROM = """spending x LEFT JOIN sponsors s ON s.id = x.sponsor_id
    LEFT JOIN people p ON p.id = x.person_id"""


# -- the registry ---------------------------------------------------------------------------

def sponsors(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM sponsors ORDER BY code").fetchall()


def sponsor_named(conn: sqlite3.Connection, key: str, *, other_than: int | None = None
                  ) -> sqlite3.Row | None:
    """The sponsor whose name has this key (``domain.sponsors.name_key``; index
    sponsors_name), the first by code; ``other_than``: a sponsor id left out."""
    return conn.execute("SELECT * FROM sponsors WHERE name_key = ? AND id IS NOT ?"
                        " ORDER BY code LIMIT 1", (key, other_than)).fetchone()


def sponsor_by_uid(conn: sqlite3.Connection, uid: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM sponsors WHERE uid = ?", (uid,)).fetchone()


def sponsor_by_code(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM sponsors WHERE code = ?", (code,)).fetchone()


def sponsor_by_id(conn: sqlite3.Connection, sponsor_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM sponsors WHERE id = ?", (sponsor_id,)).fetchone()


def unlinked_sponsor_texts(conn: sqlite3.Connection) -> list[str]:
    """The free-text sponsors of places (an older ledger's) not yet linked to the registry,
    each once, in the order they were first written."""
    return [r[0] for r in conn.execute(
        "SELECT sponsor FROM enrolments WHERE sponsor_id IS NULL AND sponsor IS NOT NULL"
        " GROUP BY sponsor ORDER BY min(id)")]


# -- donations ------------------------------------------------------------------------------

def donation_by(conn: sqlite3.Connection, column: str, value: object) -> sqlite3.Row | None:
    assert column in ("uid", "ref", "id")
    return conn.execute(f"SELECT {_DONATION} FROM {_DONATION_FROM} WHERE d.{column} = ?",
                        (value,)).fetchone()


def donations(conn: sqlite3.Connection, *, sponsor_id: int | None = None,
              start: str | None = None, end: str | None = None) -> list[sqlite3.Row]:
    """Donations (voided ones too), by date received, optionally of one sponsor and in
    [start, end)."""
    where, params = ["1"], []
    if sponsor_id is not None:
        where.append("d.sponsor_id = ?")
        params.append(sponsor_id)
    if start:
        where.append("d.received_on >= ?")
        params.append(start)
    if end:
        where.append("d.received_on < ?")
        params.append(end)
    return conn.execute(f"SELECT {_DONATION} FROM {_DONATION_FROM} WHERE {' AND '.join(where)}"
                        " ORDER BY d.received_on, d.id", params).fetchall()


def donation_like(conn: sqlite3.Connection, sponsor_id: int, received_on: str, amount: int,
                  in_kind: str | None) -> sqlite3.Row | None:
    """A donation recorded with these very facts (an import row seen before)."""
    return conn.execute(f"SELECT {_DONATION} FROM {_DONATION_FROM} WHERE d.sponsor_id = ?"
                        " AND d.received_on = ? AND d.amount = ? AND d.in_kind IS ?",
                        (sponsor_id, received_on, amount, in_kind)).fetchone()


def cash_gifts(conn: sqlite3.Connection, sponsor_id: int, before: str | None = None
               ) -> list[sqlite3.Row]:
    """(purpose, track, person uid, amount) of a sponsor's cash donations that stand (not
    voided), received before ``before`` when given: what a balance is made of."""
    return conn.execute(
        "SELECT d.purpose, d.track, p.uid AS person_uid, d.amount FROM donations d"
        " LEFT JOIN people p ON p.id = d.person_id WHERE d.sponsor_id = ? AND d.in_kind IS NULL"
        " AND d.voided_on IS NULL AND (? IS NULL OR d.received_on < ?) ORDER BY d.id",
        (sponsor_id, before, before)).fetchall()


def sponsored_costs(conn: sqlite3.Connection, sponsor_id: int, before: str | None = None
                    ) -> list[sqlite3.Row]:
    """(track, person uid, amount) of the spending a sponsor funded, in the order it was
    recorded (the order costs draw on the pools)."""
    return conn.execute(
        "SELECT x.track, p.uid AS person_uid, x.amount FROM spending x LEFT JOIN people p"
        " ON p.id = x.person_id WHERE x.sponsor_id = ? AND (? IS NULL OR x.spent_on < ?)"
        " ORDER BY x.id", (sponsor_id, before, before)).fetchall()


# -- spending and adoptions -----------------------------------------------------------------

def spending(conn: sqlite3.Connection, *, sponsor_id: int | None = None,
             start: str | None = None, end: str | None = None) -> list[sqlite3.Row]:
    where, params = ["1"], []
    if sponsor_id is not None:
        where.append("x.sponsor_id = ?")
        params.append(sponsor_id)
    if start:
        where.append("x.spent_on >= ?")
        params.append(start)
    if end:
        where.append("x.spent_on < ?")
        params.append(end)
    return conn.execute(f"SELECT {_SPENDING} FROM {_SPENDING_FROM} WHERE {' AND '.join(where)}"
                        " ORDER BY x.spent_on, x.id", params).fetchall()


def spending_by(conn: sqlite3.Connection, column: str, value: object) -> sqlite3.Row | None:
    assert column in ("uid", "ref")
    return conn.execute(f"SELECT {_SPENDING} FROM {_SPENDING_FROM} WHERE x.{column} = ?",
                        (value,)).fetchone()


def spending_like(conn: sqlite3.Connection, track: str, spent_on: str, amount: int,
                  what: str) -> sqlite3.Row | None:
    """A spending recorded with these very facts (an import row seen before)."""
    return conn.execute(f"SELECT {_SPENDING} FROM {_SPENDING_FROM} WHERE x.track = ? AND"
                        " x.spent_on = ? AND x.amount = ? AND x.what = ?",
                        (track, spent_on, amount, what)).fetchone()


# The Lapas an adoption belongs to (of ``adoptions a``): that of the person's stay when it
# began (the latest admitted by then; failing that, their latest), so that each adoption
# counts in one Lapas of a merged ledger.
# (SQLite does not let a subquery's ORDER BY name the outer row: hence two of them.)
ADOPTED_LAPAS = ("coalesce((SELECT st.lapas FROM stays st WHERE st.person_id = a.person_id"
                 " AND st.admitted_on <= a.from_on ORDER BY st.admitted_on DESC, st.id DESC"
                 " LIMIT 1), (SELECT st.lapas FROM stays st WHERE st.person_id = a.person_id"
                 " ORDER BY st.id DESC LIMIT 1))")


def adoptions(conn: sqlite3.Connection, *, sponsor_id: int | None = None,
              person_id: int | None = None) -> list[sqlite3.Row]:
    """Adoptions with the person's name and current register class and status, and the
    Lapas the adoption belongs to (``ADOPTED_LAPAS``)."""
    where, params = ["1"], []
    if sponsor_id is not None:
        where.append("a.sponsor_id = ?")
        params.append(sponsor_id)
    if person_id is not None:
        where.append("a.person_id = ?")
        params.append(person_id)
    return conn.execute(
        "SELECT a.*, s.code AS sponsor_code, s.uid AS sponsor_uid, p.uid AS person_uid,"
        " p.name AS person_name, st.register_class, st.reg_seq, st.reg_year, st.status,"
        f" {ADOPTED_LAPAS} AS lapas FROM adoptions a JOIN sponsors s ON s.id = a.sponsor_id"
        " JOIN people p ON p.id = a.person_id"
        " JOIN stays st ON st.id = (SELECT max(id) FROM stays WHERE person_id = p.id)"
        f" WHERE {' AND '.join(where)} ORDER BY a.from_on, a.id", params).fetchall()


# -- figures for reports --------------------------------------------------------------------

def sponsor_figures(conn: sqlite3.Connection, sponsor_id: int, start: str, end: str,
                    release_types: tuple[str, ...], lapas: Lapas = None) -> dict:
    """What came in, what went out, and what the places and people a sponsor is linked to
    came to, over [start, end).

    People linked: those in a place the sponsor funds, those it adopts, those a donation
    was given for. ``released``: released into the community in the period from a
    sentenced stay; ``came_back``: of those, readmitted for a new sentence since.

    ``lapas`` narrows the places (by their stay), the adoptions (by ``ADOPTED_LAPAS``) and
    the releases (by the stay released; a new sentence anywhere still counts) to those
    Lapas; money is not recorded per Lapas and is always the sponsor's whole.
    """
    period = {"s": sponsor_id, "start": start, "end": end}
    places_only, places_params = stay_clause("stay_id", lapas)
    adopted_only, _ = lapas_clause(ADOPTED_LAPAS, lapas)
    out_only, _ = lapas_clause("s.lapas", lapas)
    money = conn.execute(
        "SELECT coalesce(sum(CASE WHEN in_kind IS NULL THEN amount END), 0),"
        " coalesce(sum(CASE WHEN in_kind IS NOT NULL THEN amount END), 0), count(*)"
        " FROM donations WHERE sponsor_id = :s AND voided_on IS NULL"
        " AND received_on >= :start AND received_on < :end", period).fetchone()
    spent = conn.execute(
        "SELECT coalesce(sum(amount), 0) FROM spending WHERE sponsor_id = :s"
        " AND spent_on >= :start AND spent_on < :end", period).fetchone()[0]
    places = conn.execute(
        "SELECT (SELECT count(*) FROM enrolments WHERE sponsor_id = :s AND requested_on >= :start"
        f"   AND requested_on < :end{places_only}),"
        " (SELECT count(DISTINCT person_id) FROM enrolments WHERE sponsor_id = :s"
        f"   AND assigned_on >= :start AND assigned_on < :end{places_only}),"
        " (SELECT count(*) FROM enrolments WHERE sponsor_id = :s AND status = 'completed'"
        f"   AND ended_on >= :start AND ended_on < :end{places_only}),"
        " (SELECT count(*) FROM adoptions a WHERE sponsor_id = :s AND from_on < :end"
        f"   AND (until_on IS NULL OR until_on >= :start){adopted_only})",
        {**period, **places_params}).fetchone()
    marks = ",".join(f":type{i}" for i in range(len(release_types)))
    outcome = conn.execute(
        f"""WITH linked AS (
            SELECT person_id FROM enrolments WHERE sponsor_id = :s
            UNION SELECT person_id FROM adoptions WHERE sponsor_id = :s
            UNION SELECT person_id FROM donations WHERE sponsor_id = :s
                AND person_id IS NOT NULL AND voided_on IS NULL),
        out AS (
            SELECT s.person_id, s.id, s.released_on FROM stays s JOIN linked l
                ON l.person_id = s.person_id
            WHERE s.released_on >= :start AND s.released_on < :end
                AND s.release_type IN ({marks})
                AND s.register_class LIKE 'B.%'{out_only})
        SELECT count(DISTINCT person_id), count(DISTINCT CASE WHEN EXISTS (
            SELECT 1 FROM stays n WHERE n.person_id = out.person_id AND n.id > out.id
                AND n.register_class LIKE 'B.%') THEN person_id END)
        FROM out""", {**period, **places_params,
                      **{f"type{i}": t for i, t in enumerate(release_types)}}).fetchone()
    return {"donated_cash": money[0], "donated_in_kind": money[1], "donations": money[2],
            "spent": spent, "seats": places[0], "started": places[1], "completed": places[2],
            "adopted": places[3], "released": outcome[0], "came_back": outcome[1]}


def donations_summary(conn: sqlite3.Connection, start: str, end: str) -> sqlite3.Row:
    """(donations, cash, in kind, spent) over [start, end), voided donations left out."""
    return conn.execute(
        "SELECT (SELECT count(*) FROM donations WHERE voided_on IS NULL AND received_on >= :start"
        "   AND received_on < :end) AS donations,"
        " (SELECT coalesce(sum(amount), 0) FROM donations WHERE voided_on IS NULL"
        "   AND in_kind IS NULL AND received_on >= :start AND received_on < :end) AS cash,"
        " (SELECT coalesce(sum(amount), 0) FROM donations WHERE voided_on IS NULL"
        "   AND in_kind IS NOT NULL AND received_on >= :start AND received_on < :end) AS in_kind,"
        " (SELECT coalesce(sum(amount), 0) FROM spending WHERE sponsor_id IS NOT NULL"
        "   AND spent_on >= :start AND spent_on < :end) AS spent,"
        " (SELECT count(DISTINCT sponsor_id) FROM donations WHERE voided_on IS NULL"
        "   AND received_on >= :start AND received_on < :end) AS sponsors",
        {"start": start, "end": end}).fetchone()


def donations_by_purpose(conn: sqlite3.Connection, start: str, end: str) -> list[sqlite3.Row]:
    """(purpose, track, donations, amount) over [start, end), the largest first."""
    return conn.execute(
        "SELECT purpose, track, count(*) AS donations, sum(amount) AS amount FROM donations"
        " WHERE voided_on IS NULL AND received_on >= ? AND received_on < ?"
        " GROUP BY purpose, track ORDER BY amount DESC, purpose, track", (start, end)).fetchall()


def spending_by_track(conn: sqlite3.Connection, start: str, end: str) -> list[sqlite3.Row]:
    """(track, funder, amount) over [start, end): the funder a sponsor's code, APBD or
    DIPA."""
    return conn.execute(
        "SELECT x.track, coalesce(s.code, x.funded_by) AS funded_by, sum(x.amount) AS amount"
        " FROM spending x LEFT JOIN sponsors s ON s.id = x.sponsor_id"
        " WHERE x.spent_on >= ? AND x.spent_on < ? GROUP BY x.track, 2 ORDER BY x.track, 2",
        (start, end)).fetchall()


def enrolments_of_sponsor(conn: sqlite3.Connection, sponsor_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM enrolments WHERE sponsor_id = ? ORDER BY id",
                        (sponsor_id,)).fetchall()


def sponsor_counts(conn: sqlite3.Connection) -> dict[int, sqlite3.Row]:
    """{sponsor id: (seats, adopted, donated)} for the registry's list."""
    return {r["id"]: r for r in conn.execute(
        "SELECT s.id, (SELECT count(*) FROM enrolments e WHERE e.sponsor_id = s.id) AS seats,"
        " (SELECT count(*) FROM adoptions a WHERE a.sponsor_id = s.id) AS adopted,"
        " (SELECT coalesce(sum(amount), 0) FROM donations d WHERE d.sponsor_id = s.id"
        "   AND d.voided_on IS NULL) AS donated FROM sponsors s")}


def register_classes(conn: sqlite3.Connection, person_uids: list[str]) -> dict[str, str]:
    """{person uid: register class of their latest stay}."""
    return {r[0]: r[1] for r in conn.execute(
        "SELECT p.uid, s.register_class FROM people p JOIN stays s ON s.id ="
        " (SELECT max(id) FROM stays WHERE person_id = p.id)"
        " WHERE p.uid IN (SELECT wbpctl_uid(value) FROM json_each(?))",
        (json.dumps(person_uids),))}


def places_by_track(conn: sqlite3.Connection, sponsor_id: int, start: str, end: str,
                    lapas: Lapas = None) -> list[sqlite3.Row]:
    """Per track: places a sponsor funds begun (asked for) in [start, end), of which
    started and completed by ``end`` (places of stays of ``lapas``, when given)."""
    only, params = stay_clause("e.stay_id", lapas)
    return conn.execute(
        "SELECT e.track, t.name, count(*) AS seats,"
        " sum(e.assigned_on IS NOT NULL AND e.assigned_on < :end) AS started,"
        " sum(e.status = 'completed' AND e.ended_on < :end) AS completed"
        " FROM enrolments e JOIN tracks t ON t.code = e.track WHERE e.sponsor_id = :s"
        f" AND e.requested_on >= :start AND e.requested_on < :end{only} GROUP BY e.track"
        " ORDER BY e.track", {"s": sponsor_id, "start": start, "end": end, **params}
    ).fetchall()


def completed_tracks_of(conn: sqlite3.Connection, person_id: int, end: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT track FROM enrolments WHERE person_id = ? AND status = 'completed'"
        " AND ended_on < ? ORDER BY ended_on, id", (person_id, end))]
