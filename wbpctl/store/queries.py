"""Every read the services and reports make: plain SQL, rows out."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Iterator

from .report_queries import Lapas, lapas_clause
from .subjects import subject_in, subject_is

# store.ledger (the chain, the projections, orjson) is imported by the few reads here that
# need it: a command that only reads people and stays should not load the writing side
if TYPE_CHECKING:
    from ..domain.heads import Head
    from ..domain.search import Search
    from .ledger import Event

_STAY_COLUMNS = """s.id AS stay_id, s.uid AS stay_uid, s.lapas, s.register_class, s.reg_seq,
    s.reg_year, s.detained_on, s.admitted_on, s.sentence_years, s.sentence_months,
    s.sentence_days, s.sentence_life, s.sentence_death, s.fine_substitute, s.crime, s.status,
    s.released_on, s.release_type, s.release_override, s.sentenced_on, s.transfer_to,
    s.crime_category"""

# The latest stay of each person is the one that says where they are now.
_LATEST_STAY = "s.id = (SELECT max(id) FROM stays WHERE person_id = p.id)"

# an absence (a release the stay came back from), in the columns of a released stay
_ABSENCE_AS_RELEASE = _STAY_COLUMNS.replace(
    "s.status,", "'released' AS status,").replace(
    "s.released_on, s.release_type, s.release_override,",
    "a.left_on AS released_on, a.release_type, a.release_override,").replace(
    "s.transfer_to", "a.to_lapas AS transfer_to")


def person_by_nik(conn: sqlite3.Connection, nik: str, lapas: str | None = None
                  ) -> sqlite3.Row | None:
    """The record of this NIK (of Lapas ``lapas`` only: one with a stay there)."""
    if lapas is None:
        return conn.execute("SELECT * FROM people WHERE nik = ? ORDER BY id", (nik,)).fetchone()
    return conn.execute("SELECT * FROM people p WHERE nik = ? AND EXISTS (SELECT 1 FROM stays"
                        " s WHERE s.person_id = p.id AND s.lapas = ?) ORDER BY id",
                        (nik, lapas)).fetchone()


def person_by_uid(conn: sqlite3.Connection, uid: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM people WHERE uid = wbpctl_uid(?)", (uid,)).fetchone()


def person_by_id(conn: sqlite3.Connection, person_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchone()


def stay_by_regno(conn: sqlite3.Connection, lapas: str, register_class: str, seq: int,
                  year: int) -> sqlite3.Row | None:
    return conn.execute(
        f"SELECT s.person_id, {_STAY_COLUMNS} FROM stays s WHERE s.lapas = ? AND"
        " s.register_class = ? AND s.reg_seq = ? AND s.reg_year = ?",
        (lapas, register_class, seq, year)).fetchone()


def lapas_of_person(conn: sqlite3.Connection, person_id: int) -> list[str]:
    """The Lapas where a person's record has stays."""
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT lapas FROM stays WHERE person_id = ? ORDER BY lapas", (person_id,))]


def stays_numbered_anywhere(conn: sqlite3.Connection, register_class: str, seq: int,
                            year: int) -> list[sqlite3.Row]:
    """Stays of any Lapas under this number (a merged ledger: one per Lapas at most)."""
    # The unique index begins with the Lapas, so a number alone would read every stay:
    # step through the Lapas the index holds (one probe each: ``l``), then look the number
    # up in each of them.
    return conn.execute(
        "WITH RECURSIVE l(lapas) AS (SELECT min(lapas) FROM stays UNION ALL"
        " SELECT (SELECT min(lapas) FROM stays WHERE lapas > l.lapas) FROM l"
        " WHERE l.lapas IS NOT NULL)"
        f" SELECT s.person_id, {_STAY_COLUMNS} FROM l CROSS JOIN stays s"
        " ON s.lapas = l.lapas AND s.register_class = ? AND s.reg_seq = ? AND s.reg_year = ?"
        " ORDER BY s.lapas", (register_class, seq, year)).fetchall()


def stay_by_previous_regno(conn: sqlite3.Connection, lapas: str, register_class: str,
                           seq: int, year: int) -> sqlite3.Row | None:
    """The stay that had this register number before a verdict gave it another."""
    # the expressions and the kind as the index events_replaced_regno has them
    row = conn.execute(
        "SELECT json_extract(e.payload, '$.uid') FROM events e JOIN commands c"
        " ON c.id = e.command WHERE e.kind = 'stay.sentenced'"
        " AND json_extract(e.payload, '$.previous.reg_seq') = ?"
        " AND json_extract(e.payload, '$.previous.reg_year') = ?"
        " AND json_extract(e.payload, '$.previous.register_class') = ? AND c.lapas = ?",
        (seq, year, register_class, lapas)).fetchone()
    return stay_by_uid(conn, row[0]) if row else None


def stays_of(conn: sqlite3.Connection, person_id: int) -> list[sqlite3.Row]:
    return conn.execute(f"SELECT {_STAY_COLUMNS} FROM stays s WHERE s.person_id = ? ORDER BY s.id",
                        (person_id,)).fetchall()


def latest_stay(conn: sqlite3.Connection, person_id: int) -> sqlite3.Row | None:
    return conn.execute(
        f"SELECT {_STAY_COLUMNS} FROM stays s WHERE s.person_id = ? ORDER BY s.id DESC LIMIT 1",
        (person_id,)).fetchone()


# a place's sponsor as the registry names it now (an older ledger's free text, linked)
_SPONSOR_CODE = "(SELECT code FROM sponsors WHERE id = e.sponsor_id) AS sponsor_code"


def enrolments_of(conn: sqlite3.Connection, person_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        f"SELECT e.*, t.opd, t.kind, t.phase, s.uid AS stay_uid, {_SPONSOR_CODE}"
        " FROM enrolments e"
        " JOIN tracks t ON t.code = e.track JOIN stays s ON s.id = e.stay_id"
        " WHERE e.person_id = ? ORDER BY e.id", (person_id,)).fetchall()


def remissions_of_person(conn: sqlite3.Connection, person_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT r.*, s.uid AS stay_uid FROM remissions r JOIN stays s ON s.id = r.stay_id"
        " WHERE s.person_id = ? ORDER BY r.granted_on, r.id", (person_id,)).fetchall()


def remission_by_uid(conn: sqlite3.Connection, uid: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM remissions WHERE uid = ?", (uid,)).fetchone()


def remission_grants(conn: sqlite3.Connection, stay_id: int) -> list[tuple[date, int]]:
    """(granted_on, days) of each remission of a stay, in grant order."""
    return [(date.fromisoformat(r[0]), r[1]) for r in conn.execute(
        "SELECT granted_on, days FROM remissions WHERE stay_id = ? ORDER BY granted_on, id",
        (stay_id,))]


_REG_TEXT = "(x.register_class || '-' || x.reg_seq || '/' || x.reg_year)"


def _search_clause(search: "Search") -> tuple[str, list]:
    """Who a search finds: a name holding every word (the FTS5 trigram index for words of
    three letters or more, LIKE on the key for shorter ones), a register number written
    loosely or a part of one, or a whole NIK (never a part of one: a NIK is not searched by
    its digits)."""
    alternatives, params = [], []
    name = []
    if (query := search.exact_query()) is not None:
        name.append("p.id IN (SELECT rowid FROM people_search WHERE people_search MATCH ?)")
        params.append(query)
    for word in search.short_words():        # letters and digits only: no LIKE wildcard
        name.append("p.name_key LIKE ?")
        params.append(f"%{word}%")
    if name:
        alternatives.append("(" + " AND ".join(name) + ")")
    if search.regno is None and any(ch.isdigit() for ch in search.text):   # a part of one
        part = search.text.lower()
        for special in ("\\", "%", "_"):
            part = part.replace(special, "\\" + special)
        alternatives.append(f"p.id IN (SELECT x.person_id FROM stays x WHERE {_REG_TEXT}"
                            f" LIKE ? ESCAPE '\\')")
        params.append(f"%{part}%")
    if search.regno is not None:
        alternatives.append("p.id IN (SELECT x.person_id FROM stays x WHERE"
                            " x.register_class = ? AND x.reg_seq = ? AND x.reg_year = ?)")
        params += [search.regno.register_class, search.regno.sequence, search.regno.year]
    if search.nik is not None:
        alternatives.append("p.nik = ?")
        params.append(search.nik)
    if not alternatives:          # punctuation only: it names no one
        return "0", []
    return "(" + " OR ".join(alternatives) + ")", params


def search_candidates(conn: sqlite3.Connection, query: str) -> sqlite3.Cursor:
    """(id, name_key) of every name an FTS5 query matches: the candidates of a search
    that tolerates misspellings (streamed; the caller judges each)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(
        "SELECT p.id, p.name_key FROM people_search JOIN people p ON p.id = people_search.rowid"
        " WHERE people_search MATCH ?", (query,))


def list_people(conn: sqlite3.Connection, *, status: str | None = None,
                search: "Search | None" = None, ids: list[int] | None = None,
                track: str | None = None, opd: str | None = None) -> sqlite3.Cursor:
    """People with their latest stay; filters combine with AND.

    ``search``: see ``_search_clause``; ``ids``: only these people (a search's candidates).
    ``track`` / ``opd``: people with an active or waitlisted enrolment there.
    """
    where, params = [], []
    if status:
        where.append("s.status = ?")
        params.append(status)
    if search is not None:
        clause, more = _search_clause(search)
        where.append(clause)
        params += more
    if ids is not None:
        where.append("p.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(ids))
    if track or opd:
        # from the track's index to the people, not from every person to their enrolments
        clause = ("p.id IN (SELECT e.person_id FROM enrolments e JOIN tracks t ON"
                  " t.code = e.track WHERE e.status IN ('active', 'waitlisted')")
        if track:
            clause += " AND e.track = ?"
            params.append(track)
        if opd:
            clause += " AND t.opd = ?"
            params.append(opd)
        where.append(clause + ")")
    sql = (f"SELECT p.*, {_STAY_COLUMNS},"
           " (SELECT count(*) FROM stays WHERE person_id = p.id) AS stay_count,"
           " (SELECT count(*) FROM enrolments WHERE person_id = p.id AND status = 'active')"
           " AS active_enrolments"
           f" FROM people p JOIN stays s ON {_LATEST_STAY}")
    if where:
        sql += " WHERE " + " AND ".join(where)
    return conn.execute(sql + " ORDER BY p.name COLLATE NOCASE, p.id", params)


def opds(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT o.code, o.name, count(t.code) AS tracks FROM opds o LEFT JOIN tracks t"
        " ON t.opd = o.code AND t.retired = 0 GROUP BY o.code ORDER BY o.rowid").fetchall()


def opd(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM opds WHERE code = ?", (code,)).fetchone()


def catalog(conn: sqlite3.Connection) -> tuple[list[dict], list[dict]]:
    """This ledger's own OPDs and live tracks as stored, in the shape of a catalog.synced
    payload (not those merged from another Lapas, whose codes begin with ``LAPAS:``)."""
    opd_rows = [dict(r) for r in conn.execute(
        "SELECT code, name FROM opds WHERE instr(code, ':') = 0 ORDER BY rowid")]
    track_rows = [dict(r) for r in conn.execute(
        "SELECT code, opd, name, kind, phase, pembinaan, capacity FROM tracks"
        " WHERE retired = 0 AND instr(code, ':') = 0 ORDER BY rowid")]
    return opd_rows, track_rows


def track(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM tracks WHERE code = ?", (code,)).fetchone()


def track_named(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    """A track by its name, in any case."""
    return conn.execute("SELECT * FROM tracks WHERE lower(name) = lower(?)",
                        (name,)).fetchone()


def track_counts(conn: sqlite3.Connection, *, opd: str | None = None,
                 phase: str | None = None) -> list[sqlite3.Row]:
    where, params = ["t.retired = 0"], []
    if opd:
        where.append("t.opd = ?")
        params.append(opd)
    if phase:
        where.append("t.phase = ?")
        params.append(phase)
    return conn.execute(
        "SELECT t.*, "
        " (SELECT count(*) FROM enrolments e WHERE e.track = t.code AND e.status = 'active') AS active,"
        " (SELECT count(*) FROM enrolments e WHERE e.track = t.code AND e.status = 'waitlisted') AS waiting,"
        " (SELECT count(*) FROM enrolments e WHERE e.track = t.code AND e.status = 'completed') AS completed"
        " FROM tracks t WHERE " + " AND ".join(where) + " ORDER BY t.rowid", params).fetchall()


def open_enrolment(conn: sqlite3.Connection, person_id: int, track: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT * FROM enrolments WHERE person_id = ? AND track = ? AND status IN"
        " ('active', 'waitlisted') ORDER BY id LIMIT 1", (person_id, track)).fetchone()


def open_enrolments_of_stay(conn: sqlite3.Connection, stay_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT e.*, t.phase FROM enrolments e JOIN tracks t ON t.code = e.track"
        " WHERE e.stay_id = ? AND e.status IN ('active', 'waitlisted') ORDER BY e.id",
        (stay_id,)).fetchall()


def enrolments_of_stay(conn: sqlite3.Connection, stay_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT e.*, t.phase FROM enrolments e JOIN tracks t ON t.code = e.track"
        " WHERE e.stay_id = ? ORDER BY e.id", (stay_id,)).fetchall()


def _voided(kind: str) -> str:
    """SQL: whether an event of ``kind`` (a void) is about the person ``p`` (a query
    deciding a row leaves a person with a voided act to the one-by-one way)."""
    about = subject_is("v.subject", "wbpctl_uid_text(p.uid)")
    return f"EXISTS (SELECT 1 FROM events v WHERE {about} AND v.kind = '{kind}')"


# The queries that decide an import's row find a person's places by person
# (enrolments_person); a ``+`` keeps SQLite from choosing an index by track or day
# instead, which an import of one cohort (one track, one day) fills with thousands of
# rows to step through for each row.
#
# The person a stay of this Lapas is numbered so (``n``), and their latest stay (``s``).
_NUMBERED = (" FROM stays n JOIN people p ON p.id = n.person_id"
             " JOIN stays s ON s.id = (SELECT max(id) FROM stays WHERE person_id = p.id)")
_NUMBERED_SO = (" WHERE n.lapas = ?1 AND n.register_class = ?2 AND n.reg_seq = ?3"
                " AND n.reg_year = ?4")


def placement_facts(conn: sqlite3.Connection, lapas: str, register_class: str, seq: int,
                    year: int, track: str, on: str) -> sqlite3.Row | None:
    """What an import decides a place on, in one query (``services.import_bulk``): the
    person this Lapas gave the number, their latest stay (what
    ``enrolments.check_assignment`` reads), the status of the place they
    hold in ``track`` (``open_status``), whether they asked for it on ``on`` already
    (``asked_that_day``), and whether an act of a track was voided for them."""
    return conn.execute(
        "SELECT p.id AS person_id, p.uid AS person_uid, s.uid AS stay_uid, s.status,"
        " s.admitted_on, s.released_on,"
        " (SELECT e.status FROM enrolments e WHERE e.person_id = p.id AND +e.track = ?5"
        "  AND e.status IN ('active', 'waitlisted') ORDER BY e.id LIMIT 1) AS open_status,"
        " EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id AND +e.track = ?5"
        "  AND +e.requested_on = ?6) AS asked_that_day,"
        f" {_voided('enrolment.voided')} AS voided {_NUMBERED} {_NUMBERED_SO}",
        (lapas, register_class, seq, year, track, on)).fetchone()


def ending_facts(conn: sqlite3.Connection, lapas: str, register_class: str, seq: int,
                 year: int, track: str, on: str, ended: tuple[str, ...]) -> sqlite3.Row | None:
    """What an import decides the end of a place on (a completion, a drop), in one
    query: the person this Lapas gave the number, the place they hold in ``track`` (uid,
    status, assigned_on, requested_on, track: as ``open_enrolment`` finds it, else
    NULL), whether a place of theirs in the track ended ``on`` with a status of ``ended``
    (``ended_that_day``), and whether an act of a track was voided for them."""
    marks = ",".join("?" * len(ended))
    return conn.execute(
        "SELECT p.id AS person_id, p.uid AS person_uid, o.uid, o.status, o.assigned_on,"
        " o.requested_on, o.track,"
        " EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id AND +e.track = ?5"
        f"  AND +e.ended_on = ?6 AND e.status IN ({marks})) AS ended_that_day,"
        f" {_voided('enrolment.voided')} AS voided {_NUMBERED}"
        " LEFT JOIN enrolments o ON o.id = (SELECT id FROM enrolments WHERE person_id = p.id"
        "  AND +track = ?5 AND status IN ('active', 'waitlisted') ORDER BY id LIMIT 1)"
        f" {_NUMBERED_SO}", (lapas, register_class, seq, year, track, on, *ended)).fetchone()


def remission_facts(conn: sqlite3.Connection, lapas: str, register_class: str, seq: int,
                    year: int) -> sqlite3.Row | None:
    """What an import decides a remission on, in one query: the person this Lapas gave
    the number, their latest stay (what ``stays.check_remission`` reads), the stay the
    number names (``numbered_id``: an earlier one, for a row of an export), the latest
    stay's remissions (``remissions``: a JSON list of kind, granted_on and days, in the
    order ``remissions_of_stay`` gives), and whether a remission was voided for them."""
    return conn.execute(
        "SELECT p.id AS person_id, p.uid AS person_uid, s.id AS stay_id, s.uid AS stay_uid,"
        " n.id AS numbered_id, s.register_class, s.reg_seq, s.reg_year, s.detained_on,"
        " s.released_on, s.sentence_years, s.sentence_months, s.sentence_days,"
        " s.sentence_life, s.sentence_death, s.fine_substitute,"
        " (SELECT json_group_array(json_object('kind', r.kind, 'granted_on', r.granted_on,"
        "  'days', r.days)) FROM (SELECT * FROM remissions WHERE stay_id = s.id"
        "  ORDER BY granted_on, id) r) AS remissions,"
        f" {_voided('remission.voided')} AS voided {_NUMBERED} {_NUMBERED_SO}",
        (lapas, register_class, seq, year)).fetchone()


def release_facts(conn: sqlite3.Connection, lapas: str, register_class: str, seq: int,
                  year: int) -> sqlite3.Row | None:
    """What an import decides a release on, in one query: the person this Lapas gave the
    number and their latest stay (what ``stays.check_release_of`` reads), how many stays
    they have, whether the stay was ever interrupted (``absences``), whether they earned
    premi, the stay's remissions (``grants``: a JSON list of [granted_on, days] in grant
    order), its open places (``places``: uid, track, status, phase, as
    ``open_enrolments_of_stay`` gives them), and whether a release was voided for them."""
    return conn.execute(
        "SELECT p.id AS person_id, p.uid AS person_uid, s.id AS stay_id, s.uid AS stay_uid,"
        " s.status, s.release_type, s.released_on, s.register_class, s.reg_seq, s.reg_year,"
        " s.admitted_on, s.detained_on, s.sentence_years, s.sentence_months,"
        " s.sentence_days, s.sentence_life, s.sentence_death,"
        " (SELECT count(*) FROM stays WHERE person_id = p.id) AS stays,"
        " EXISTS (SELECT 1 FROM absences WHERE stay_id = s.id) AS absences,"
        " EXISTS (SELECT 1 FROM premi_credits WHERE person_id = p.id) AS premi,"
        " (SELECT json_group_array(json_array(granted_on, days)) FROM (SELECT granted_on, days"
        "  FROM remissions WHERE stay_id = s.id ORDER BY granted_on, id)) AS grants,"
        " (SELECT json_group_array(json_object('uid', uid, 'track', track, 'status', status,"
        "  'phase', phase)) FROM (SELECT e.uid, e.track, e.status, t.phase FROM enrolments e"
        "  JOIN tracks t ON t.code = e.track WHERE e.stay_id = s.id"
        "  AND e.status IN ('active', 'waitlisted') ORDER BY e.id)) AS places,"
        f" {_voided('release.voided')} AS voided {_NUMBERED} {_NUMBERED_SO}",
        (lapas, register_class, seq, year)).fetchone()


def count_active(conn: sqlite3.Connection, track: str) -> int:
    return conn.execute("SELECT count(*) FROM enrolments WHERE track = ? AND status = 'active'",
                        (track,)).fetchone()[0]


def waitlist(conn: sqlite3.Connection, track: str, limit: int) -> list[sqlite3.Row]:
    """The first ``limit`` on the waitlist, first in line first."""
    return conn.execute(
        "SELECT e.*, p.name, p.uid AS person_uid FROM enrolments e"
        " JOIN people p ON p.id = e.person_id WHERE e.track = ? AND e.status = 'waitlisted'"
        " ORDER BY e.id LIMIT ?", (track, limit)).fetchall()


def count_waiting(conn: sqlite3.Connection, track: str) -> int:
    return conn.execute("SELECT count(*) FROM enrolments WHERE track = ? AND status ="
                        " 'waitlisted'", (track,)).fetchone()[0]


def waitlist_position(conn: sqlite3.Connection, track: str, enrolment_id: int) -> int:
    """Place in line of a waitlisted enrolment (1 is next): those waiting since before it."""
    return conn.execute(
        "SELECT count(*) FROM enrolments WHERE track = ? AND status = 'waitlisted' AND id <= ?",
        (track, enrolment_id)).fetchone()[0]


def roster(conn: sqlite3.Connection, track: str, status: str, limit: int | None = None
           ) -> list[sqlite3.Row]:
    order = "e.ended_on DESC, e.id DESC" if status in ("completed", "failed") else "e.id"
    sql = (f"SELECT e.*, p.name, p.uid AS person_uid, {_STAY_COLUMNS}, {_SPONSOR_CODE}"
           " FROM enrolments e"
           " JOIN people p ON p.id = e.person_id JOIN stays s ON s.id = e.stay_id"
           f" WHERE e.track = ? AND e.status = ? ORDER BY {order}")
    params: list = [track, status]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return conn.execute(sql, params).fetchall()


def certificate_used(conn: sqlite3.Connection, track: str, certificate: str) -> bool:
    """A track gave this number already (index enrolments_certificate)."""
    return conn.execute("SELECT 1 FROM enrolments WHERE track = ? AND certificate = ?",
                        (track, certificate)).fetchone() is not None


def is_empty(conn: sqlite3.Connection) -> bool:
    """No person, stay or enrolment yet (a catalogue sync alone does not count)."""
    return conn.execute("SELECT NOT EXISTS (SELECT 1 FROM events WHERE kind != 'catalog.synced')"
                        ).fetchone()[0] == 1


# Sentence length in 30-day months as days, for a coarse filter in SQL.
_SENTENCE_DAYS30 = ("((coalesce(s.sentence_years, 0) * 12 + coalesce(s.sentence_months, 0)) * 30"
                    " + coalesce(s.sentence_days, 0))")


def stays_due_candidates(conn: sqlite3.Connection, as_of: str, end: str, *,
                         lead_days: int = 0, lapas: Lapas = None) -> list[sqlite3.Row]:
    """Stays in custody on ``as_of`` whose expiry is already past, or whose 2/3 date or
    expiry may fall in [as_of, end + lead_days] (``lead_days``: how long before expiry a
    CMB leave can begin).

    A coarse filter in SQL (a month as 365.25/12 days, ten days' slack either side); the
    exact calendar dates are computed in Python for these candidates only. Remission only
    brings dates forward (never before its grant date, which is past), so the approximate
    expiry is never later than the true one. ``lapas``: only stays of those Lapas.
    """
    only, params = lapas_clause("s.lapas", lapas)
    scale = 365.25 / 360
    return conn.execute(
        f"""WITH inside AS (
            -- in custody on as_of, as two index ranges (an OR would scan every stay)
            SELECT id FROM stays WHERE released_on IS NULL AND admitted_on <= :as_of
            UNION ALL
            SELECT id FROM stays WHERE released_on > :as_of AND released_on <= '9999-12-31'
                AND admitted_on <= :as_of)
        SELECT * FROM (
            SELECT *, julianday(detained_on) + sentence_days30 * {scale} - remission
                    AS expiry_approx,
                julianday(detained_on) + (sentence_days30 - remission) * 2.0 / 3 * {scale}
                    AS two_thirds_approx
            FROM (
                SELECT s.person_id, {_STAY_COLUMNS},
                    {_SENTENCE_DAYS30} AS sentence_days30,
                    coalesce((SELECT sum(days) FROM remissions r WHERE r.stay_id = s.id
                              AND r.granted_on <= :as_of), 0) AS remission
                FROM inside JOIN stays s ON s.id = inside.id
                WHERE s.sentence_life = 0 AND s.sentence_death = 0
                    AND s.sentence_years IS NOT NULL{only}
                    AND NOT EXISTS (SELECT 1 FROM absences a WHERE a.stay_id = s.id
                                    AND a.left_on <= :as_of AND a.returned_on > :as_of)))
        WHERE expiry_approx <= julianday(:end) + :lead + 10
           OR two_thirds_approx BETWEEN julianday(:as_of) - 10 AND julianday(:end) + 10""",
        {"as_of": as_of, "end": end, "lead": lead_days, **params}).fetchall()


def stays_released_between(conn: sqlite3.Connection, start: str, end: str,
                           types: tuple[str, ...], lapas: Lapas = None) -> list[sqlite3.Row]:
    """Stays released into the community with start < released_on <= end (of the Lapas
    ``lapas``, when given)."""
    only, params = lapas_clause("s.lapas", lapas)
    marks = ",".join(f":type{i}" for i in range(len(types)))
    return conn.execute(
        f"SELECT p.id AS person_id, p.name, p.uid AS person_uid, {_STAY_COLUMNS} FROM stays s"
        " JOIN people p ON p.id = s.person_id WHERE s.released_on > :start"
        f" AND s.released_on <= :end AND s.release_type IN ({marks}){only}",
        {"start": start, "end": end, **params,
         **{f"type{i}": t for i, t in enumerate(types)}}).fetchall()


def names_of(conn: sqlite3.Connection, person_ids: list[int]) -> dict[int, str]:
    return {r[0]: r[1] for r in conn.execute(
        "SELECT id, name FROM people WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(person_ids),))}


def completed_tracks(conn: sqlite3.Connection, stay_ids: list[int], as_of: str
                     ) -> dict[int, set[tuple[str, str]]]:
    """{stay_id: {(track, kind)}} of enrolments of these stays passed by ``as_of``."""
    done: dict[int, set[tuple[str, str]]] = {}
    for stay_id, track, kind in conn.execute(
            "SELECT e.stay_id, e.track, t.kind FROM enrolments e JOIN tracks t ON"
            " t.code = e.track WHERE e.stay_id IN (SELECT value FROM json_each(?))"
            " AND e.status = 'completed' AND e.ended_on <= ?",
            (json.dumps(stay_ids), as_of)):
        done.setdefault(stay_id, set()).add((track, kind))
    return done


def remission_grants_of(conn: sqlite3.Connection, stay_ids: list[int], as_of: str
                        ) -> dict[int, list[tuple[date, int]]]:
    """{stay_id: [(granted_on, days), ...]} of these stays' remissions granted by ``as_of``,
    in order."""
    found: dict[int, list[tuple[date, int]]] = {}
    for stay_id, on, days in conn.execute(
            "SELECT stay_id, granted_on, days FROM remissions WHERE stay_id IN"
            " (SELECT value FROM json_each(?)) AND granted_on <= ?"
            " ORDER BY stay_id, granted_on, id", (json.dumps(stay_ids), as_of)):
        found.setdefault(stay_id, []).append((date.fromisoformat(on), days))
    return found


def known_regnos(conn: sqlite3.Connection, lapas: str, keys: list[tuple[str, int, int]]
                 ) -> set[tuple[str, int, int]]:
    """Which of these (class, sequence, year) register numbers a stay of ``lapas`` has."""
    # CROSS JOIN keeps the batch as the outer loop, so each key is one probe of the unique
    # index; a row-value IN made SQLite scan every stay of the class instead.
    return {(r[0], r[1], r[2]) for r in conn.execute(
        "SELECT s.register_class, s.reg_seq, s.reg_year FROM json_each(?) AS k"
        " CROSS JOIN stays AS s ON s.lapas = ? AND s.register_class = json_extract(k.value,"
        " '$[0]') AND s.reg_seq = json_extract(k.value, '$[1]')"
        " AND s.reg_year = json_extract(k.value, '$[2]')", (json.dumps(keys), lapas))}


def replaced_regnos(conn: sqlite3.Connection, lapas: str) -> set[tuple[str, int, int]]:
    """The (class, sequence, year) register numbers a verdict replaced on a stay of
    ``lapas`` (each still names its person: ``stay_by_previous_regno``), found from the
    stays that have a verdict, by their people's events (read once, not per number)."""
    about = subject_is("e.subject", "wbpctl_uid_text(p.uid)")
    return {(r[0], r[1], r[2]) for r in conn.execute(
        "SELECT DISTINCT json_extract(e.payload, '$.previous.register_class'),"
        " json_extract(e.payload, '$.previous.reg_seq'),"
        " json_extract(e.payload, '$.previous.reg_year')"
        " FROM stays s JOIN people p ON p.id = s.person_id"
        f" JOIN events e ON {about} AND e.kind = 'stay.sentenced'"
        " WHERE s.lapas = ? AND s.sentenced_on IS NOT NULL", (lapas,))}


def people_by_niks(conn: sqlite3.Connection, niks: list[str], lapas: str) -> dict[str, int]:
    """{nik: person id} for those of these NIKs that belong to someone of Lapas ``lapas``
    (a record with a stay there; another Lapas's, merged here, does not count)."""
    return {r[0]: r[1] for r in conn.execute(
        "SELECT nik, id FROM people p WHERE nik IN (SELECT value FROM json_each(?))"
        " AND EXISTS (SELECT 1 FROM stays s WHERE s.person_id = p.id AND s.lapas = ?)",
        (json.dumps(niks), lapas))}


def enrolments_for(conn: sqlite3.Connection, person_id: int, track: str) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM enrolments WHERE person_id = ? AND track = ? ORDER BY id",
                        (person_id, track)).fetchall()


def absences_of_stay(conn: sqlite3.Connection, stay_id: int) -> list[sqlite3.Row]:
    """The times this stay was interrupted and went on (transfers come back from, revoked
    releases), in order."""
    return conn.execute("SELECT * FROM absences WHERE stay_id = ? ORDER BY left_on, id",
                        (stay_id,)).fetchall()


VOIDED_KINDS = ("enrolment.voided", "release.voided", "remission.voided")


def voids_about(conn: sqlite3.Connection, person_uid: str) -> list[tuple[str, dict]]:
    """(kind, payload) of every void recorded about a person, oldest first."""
    about, params = subject_in("subject", [person_uid])
    return [(r[0], json.loads(r[1])) for r in conn.execute(
        f"SELECT kind, payload FROM events WHERE {about} AND kind IN (?, ?, ?) ORDER BY seq",
        (*params, *VOIDED_KINDS))]


def remissions_of_stay(conn: sqlite3.Connection, stay_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM remissions WHERE stay_id = ? ORDER BY granted_on, id",
                        (stay_id,)).fetchall()


# -- exports --------------------------------------------------------------------

_REG = "s.register_class || '-' || s.reg_seq || '/' || s.reg_year"


def export_participants(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    """One row per stay, in the order they were admitted to the ledger."""
    return conn.execute(
        f"SELECT p.uid AS person_uid, p.name, p.nik, p.gender, p.birth_date, {_STAY_COLUMNS}"
        " FROM stays s JOIN people p ON p.id = s.person_id ORDER BY s.id")


def export_enrolments(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    return conn.execute(
        f"SELECT e.*, p.nik, p.uid AS person_uid, {_STAY_COLUMNS}, {_SPONSOR_CODE}"
        " FROM enrolments e JOIN stays s ON s.id = e.stay_id"
        " JOIN people p ON p.id = e.person_id ORDER BY e.requested_on, e.id")


def export_remissions(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    return conn.execute(
        f"SELECT r.granted_on, r.kind, r.days, r.override, p.nik, p.uid AS person_uid,"
        f" {_STAY_COLUMNS}"
        " FROM remissions r"
        " JOIN stays s ON s.id = r.stay_id JOIN people p ON p.id = s.person_id"
        " ORDER BY r.granted_on, r.id")


def export_releases(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    """Every release of a stay, also those it came back from (a transfer, a revoked PB),
    in date order."""
    return conn.execute(
        f"SELECT * FROM (SELECT p.nik, p.uid AS person_uid, {_STAY_COLUMNS} FROM stays s"
        " JOIN people p ON p.id = s.person_id WHERE s.released_on IS NOT NULL"
        f" UNION ALL SELECT p.nik, p.uid AS person_uid, {_ABSENCE_AS_RELEASE}"
        " FROM absences a JOIN stays s ON s.id = a.stay_id JOIN people p ON p.id = s.person_id)"
        " ORDER BY released_on, stay_id")


def export_verdicts(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    """Stays sentenced after a pre-trial start, with the payload of their verdict (the
    number before it)."""
    return conn.execute(
        f"SELECT p.nik, p.uid AS person_uid, {_STAY_COLUMNS}, e.payload AS verdict"
        " FROM events e JOIN stays s ON s.uid = wbpctl_uid(json_extract(e.payload, '$.uid'))"
        " JOIN people p ON p.id = s.person_id WHERE e.kind = 'stay.sentenced' ORDER BY e.seq")


def export_absence_ends(conn: sqlite3.Connection, kind: str) -> Iterator[sqlite3.Row]:
    """Returns from transfers (``kind`` 'transfer') or revocations ('revocation')."""
    return conn.execute(
        f"SELECT p.nik, p.uid AS person_uid, a.returned_on, a.from_lapas, a.reason,"
        f" {_STAY_COLUMNS} FROM absences a JOIN stays s ON s.id = a.stay_id"
        " JOIN people p ON p.id = s.person_id WHERE a.kind = ? ORDER BY a.returned_on, a.id",
        (kind,))


def export_voids(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    """Voids a person asked for (not those a voided release made by itself)."""
    return conn.execute(
        "SELECT e.kind, e.payload, p.nik, p.uid AS person_uid FROM events e"
        " JOIN people p ON p.uid = wbpctl_uid(e.subject) WHERE e.kind IN (?, ?, ?)"
        " AND json_extract(e.payload, '$.cause') IS NULL ORDER BY e.seq", VOIDED_KINDS)


def stay_by_uid(conn: sqlite3.Connection, uid: str) -> sqlite3.Row | None:
    return conn.execute(f"SELECT s.person_id, {_STAY_COLUMNS} FROM stays s"
                        " WHERE s.uid = wbpctl_uid(?)", (uid,)).fetchone()


def enrolment_by_uid(conn: sqlite3.Connection, uid: str) -> sqlite3.Row | None:
    return conn.execute(f"SELECT e.*, {_SPONSOR_CODE} FROM enrolments e WHERE e.uid = ?",
                        (uid,)).fetchone()


def latest_about(conn: sqlite3.Connection, subject: str) -> sqlite3.Row | None:
    """The last event about ``subject``: one probe of the subject index, however long the
    ledger (how the privacy policy is read on every command that shows a NIK)."""
    from .ledger import SPAN

    about, params = subject_in("e.subject", [subject])
    return conn.execute("SELECT e.seq, c.at, c.actor, e.kind, e.payload FROM events e"
                        f" JOIN commands c ON c.id = e.command WHERE {about}"
                        " AND e.seq < ? ORDER BY e.seq DESC LIMIT 1",
                        (*params, SPAN)).fetchone()


def legacy_head(conn: sqlite3.Connection) -> Head | None:
    """The last format-1 event of this ledger's own chain, when the format-2 event that
    names it (``ledger.migrated``) is not written yet."""
    from . import ledger

    row = conn.execute("SELECT legacy_upto FROM chains WHERE id = 0").fetchone()
    if row is None or row[0] == 0 or conn.execute(
            "SELECT 1 FROM events WHERE kind = 'ledger.migrated' AND seq < ?",
            (ledger.SPAN,)).fetchone():
        return None
    return ledger.head(conn, row[0])


def stay_uid_of(conn: sqlite3.Connection, stay_id: int) -> str:
    return conn.execute("SELECT uid FROM stays WHERE id = ?", (stay_id,)).fetchone()[0]


def own_events(conn: sqlite3.Connection) -> Iterator[Event]:
    """The events of this ledger's own chain, in order, their payloads whole."""
    from . import ledger

    return ledger.events(conn, own=True)


def verdict_events(conn: sqlite3.Connection) -> dict[str, tuple[int, dict]]:
    """{stay uid: (seq, payload)} of every verdict (few: pre-trial stays later sentenced)."""
    return {json.loads(r[1])["uid"]: (r[0], json.loads(r[1])) for r in conn.execute(
        "SELECT seq, payload FROM events WHERE kind = 'stay.sentenced' ORDER BY seq")}


def enrolment_payload(conn: sqlite3.Connection, person_uid: str, uid: str) -> dict | None:
    """The assignment (or waitlisting) event's payload of an enrolment no longer in the
    table (its assignment was voided)."""
    about, params = subject_in("subject", [person_uid])
    for (payload,) in conn.execute(
            f"SELECT payload FROM events WHERE {about} AND kind IN ('enrolment.assigned',"
            " 'enrolment.waitlisted')", params):
        data = json.loads(payload)
        if data["uid"] == uid:
            return data
    return None
