"""How each kind of event changes the projection tables.

``apply`` is the only writer of these tables: live commands call it right
after appending an event, and ``verify`` calls it to replay the whole ledger
into a scratch database. An event's payload must therefore hold everything
its change needs; nothing here may read the clock, the config or the caller.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .ledger import Event

RELEASE_STATUS = {"pindah": "transferred", "meninggal": "deceased"}  # all others: released


def _id(conn: sqlite3.Connection, table: str, uid: str) -> int:
    row = conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
    if row is None:
        raise LookupError(f"{table} {uid} not found while applying an event")
    return row[0]


def _update(conn: sqlite3.Connection, table: str, uid: str, changes: dict) -> None:
    if changes:
        columns = ", ".join(f"{column} = ?" for column in changes)
        conn.execute(f"UPDATE {table} SET {columns} WHERE uid = ?", (*changes.values(), uid))


def _catalog_synced(conn: sqlite3.Connection, p: dict) -> None:
    for opd in p["opds"]:
        conn.execute("INSERT INTO opds (code, name) VALUES (:code, :name) "
                     "ON CONFLICT(code) DO UPDATE SET name = excluded.name", opd)
    conn.execute("UPDATE tracks SET retired = 1")
    for track in p["tracks"]:
        conn.execute(
            "INSERT INTO tracks (code, opd, name, kind, phase, pembinaan, capacity, retired) "
            "VALUES (:code, :opd, :name, :kind, :phase, :pembinaan, :capacity, 0) "
            "ON CONFLICT(code) DO UPDATE SET opd = excluded.opd, name = excluded.name, "
            "kind = excluded.kind, phase = excluded.phase, pembinaan = excluded.pembinaan, "
            "capacity = excluded.capacity, retired = 0", track)


def _person_registered(conn: sqlite3.Connection, p: dict) -> None:
    conn.execute("INSERT INTO people (uid, name, nik, gender, birth_date) "
                 "VALUES (:uid, :name, :nik, :gender, :birth_date)", p)


def _person_corrected(conn: sqlite3.Connection, p: dict) -> None:
    allowed = {"name", "nik", "gender", "birth_date"}
    _update(conn, "people", p["uid"], {k: v for k, v in p["changes"].items() if k in allowed})


def _stay_admitted(conn: sqlite3.Connection, p: dict) -> None:
    sentence = p["sentence"] or {}
    conn.execute(
        "INSERT INTO stays (uid, person_id, lapas, register_class, reg_seq, reg_year,"
        " detained_on, admitted_on, sentence_years, sentence_months, sentence_days,"
        " sentence_life, sentence_death, fine_substitute, crime, status)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, 'in_custody')",
        (p["uid"], _id(conn, "people", p["person"]), p["lapas"], p["register_class"],
         p["reg_seq"], p["reg_year"], p["detained_on"], p["admitted_on"],
         sentence.get("years"), sentence.get("months"), sentence.get("days"),
         int(sentence.get("life", False)), int(sentence.get("death", False)),
         int(p.get("fine_substitute", False)), p.get("crime")))


def _stay_corrected(conn: sqlite3.Connection, p: dict) -> None:
    changes = {k: v for k, v in p["changes"].items()
               if k in {"crime", "detained_on", "admitted_on"}}
    if "sentence" in p["changes"]:
        sentence = p["changes"]["sentence"] or {}
        changes.update(sentence_years=sentence.get("years"),
                       sentence_months=sentence.get("months"),
                       sentence_days=sentence.get("days"),
                       sentence_life=int(sentence.get("life", False)),
                       sentence_death=int(sentence.get("death", False)))
    _update(conn, "stays", p["uid"], changes)


def _stay_released(conn: sqlite3.Connection, p: dict) -> None:
    _update(conn, "stays", p["uid"], {
        "status": RELEASE_STATUS.get(p["type"], "released"), "released_on": p["on"],
        "release_type": p["type"], "release_override": p.get("override")})


def _remission_granted(conn: sqlite3.Connection, p: dict) -> None:
    conn.execute("INSERT INTO remissions (uid, stay_id, granted_on, kind, days) "
                 "VALUES (?,?,?,?,?)",
                 (p["uid"], _id(conn, "stays", p["stay"]), p["on"], p["kind"], p["days"]))


def _enrolment_opened(status: str) -> Callable[[sqlite3.Connection, dict], None]:
    def apply(conn: sqlite3.Connection, p: dict) -> None:
        conn.execute(
            "INSERT INTO enrolments (uid, person_id, stay_id, track, status, requested_on,"
            " waitlisted, assigned_on, sponsor) VALUES (?,?,?,?,?,?,?,?,?)",
            (p["uid"], _id(conn, "people", p["person"]), _id(conn, "stays", p["stay"]),
             p["track"], status, p["on"], int(status == "waitlisted"),
             p["on"] if status == "active" else None, p.get("sponsor")))
    return apply


def _enrolment_promoted(conn: sqlite3.Connection, p: dict) -> None:
    _update(conn, "enrolments", p["uid"], {"status": "active", "assigned_on": p["on"]})


def _enrolment_completed(conn: sqlite3.Connection, p: dict) -> None:
    _update(conn, "enrolments", p["uid"], {
        "status": "failed" if p.get("result") == "fail" else "completed",
        "ended_on": p["on"], "result": p.get("result"), "hours": p.get("hours"),
        "certificate": p.get("certificate")})


def _enrolment_dropped(conn: sqlite3.Connection, p: dict) -> None:
    _update(conn, "enrolments", p["uid"], {"status": "dropped", "ended_on": p["on"],
                                           "reason": p["reason"]})


def _no_change(conn: sqlite3.Connection, p: dict) -> None:
    """Events that record an act (such as revealing a NIK) without changing a table."""


HANDLERS: dict[str, Callable[[sqlite3.Connection, dict], None]] = {
    "catalog.synced": _catalog_synced,
    "person.registered": _person_registered,
    "person.corrected": _person_corrected,
    "person.accessed": _no_change,
    "stay.admitted": _stay_admitted,
    "stay.corrected": _stay_corrected,
    "stay.released": _stay_released,
    "remission.granted": _remission_granted,
    "enrolment.assigned": _enrolment_opened("active"),
    "enrolment.waitlisted": _enrolment_opened("waitlisted"),
    "enrolment.promoted": _enrolment_promoted,
    "enrolment.completed": _enrolment_completed,
    "enrolment.dropped": _enrolment_dropped,
}


def apply(conn: sqlite3.Connection, event: "Event") -> None:
    HANDLERS[event.kind](conn, event.payload)
