"""Assigning people to tracks, the waitlist, completions and drops."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Mapping

from ..domain.catalog import Track
from ..domain.enrolment import parse_drop_reason, parse_hours, parse_result, places_free
from ..domain.errors import Invalid, NotFound, Rejected
from ..domain.people import clean_text
from ..store import queries
from ..store.chain import new_uid
from .catalog import find_track
from .participants import find_person
from .session import Session, Tx


def _track(conn: sqlite3.Connection, code: str, *, retired: bool = False) -> Track:
    """A track open for places (or, with ``retired``, any track), by code or name."""
    row = find_track(conn, code)
    if row is None or (row["retired"] and not retired):
        raise NotFound("track_not_found", track=code)
    return Track(row["code"], row["opd"], row["name"], row["kind"], row["phase"],
                 row["pembinaan"], row["capacity"])


def track_code(conn: sqlite3.Connection, text: str, *, retired: bool = False) -> str:
    return _track(conn, text, retired=retired).code


def fill_places(tx: Tx, track: Track, on: str) -> list[dict]:
    """Give each free place to the first in line, as its own event dated ``on`` (or the
    day they asked, when a voided act freed the place before they did). A retired track
    (one the config no longer names) takes nobody new: its line stays as it is."""
    if find_track(tx.conn, track.code)["retired"]:
        return []
    free = places_free(track.capacity, queries.count_active(tx.conn, track.code))
    promoted = []
    for waiting in queries.waitlist(tx.conn, track.code, free) if free else ():
        tx.record(*promotion_record(waiting, on, track.code))
        promoted.append({"uid": waiting["person_uid"], "name": waiting["name"]})
    return promoted


def promotion_record(waiting: Mapping, on: str, track: str) -> tuple[str, str, dict]:
    """(kind, subject, payload) of a place the first in line (``waiting``: a waitlist
    row) is given on ``on``, or the day they asked, when a voided act freed the place
    before they did."""
    return ("enrolment.promoted", waiting["person_uid"],
            {"uid": waiting["uid"], "on": max(on, waiting["requested_on"]), "track": track})


def check_assignment(who: str, spec: Track, stay: Mapping, when: date,
                     open_status: str | None) -> None:
    """The rules of a place that need no count of the track: the person is here (or
    released, for a post-release track), the day is within the stay, and they hold no
    place in the track yet (``open_status``: the one they hold, if any)."""
    if stay["status"] in ("transferred", "deceased"):
        raise Rejected("person_not_here", who=who, status=stay["status"])
    in_custody = stay["status"] == "in_custody"
    if not spec.open_to(in_custody):
        raise Rejected("track_custody_only" if spec.phase == "custody"
                       else "track_post_release_only", track=spec.code, who=who)
    began = stay["admitted_on"] if in_custody else stay["released_on"]
    if when.isoformat() < began:
        raise Invalid("on", when.isoformat(), "assign_before_stay", began=began)
    if open_status is not None:
        raise Rejected("already_in_track", who=who, track=spec.code, status=open_status)


def assignment_record(person_uid: str, stay_uid: str, spec: Track, on: str, room: bool,
                      funder: Mapping | None = None, uid: str | None = None
                      ) -> tuple[str, str, dict]:
    """(kind, subject, payload) of a place (``uid``: its id, default a new one): active
    while the track has ``room``, else on its waitlist."""
    payload = {"uid": uid or new_uid(), "person": person_uid, "stay": stay_uid,
               "track": spec.code, "on": on, "sponsor": funder["code"] if funder else None}
    if funder:
        payload["sponsor_uid"] = funder["uid"]
    return ("enrolment.assigned" if room else "enrolment.waitlisted", person_uid, payload)


def assign(session: Session, who: str, track: str, *, on: str | date | None = None,
           sponsor: str | None = None, tx: Tx | None = None,
           place_in_line: bool = True) -> dict:
    """An active place while the track has room, otherwise a place on its waitlist.

    ``place_in_line``: the result says where on the waitlist (what the person is told);
    an import leaves it out (None), since counting the line for each of thousands of rows
    made a big file's load grow with the square of its length."""
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        spec = _track(tx.conn, track)
        stay = queries.latest_stay(tx.conn, person["id"])
        when = session.date_or_today(on, "on")
        existing = queries.open_enrolment(tx.conn, person["id"], spec.code)
        check_assignment(who, spec, stay, when, existing["status"] if existing else None)
        funder = _sponsor(tx.conn, sponsor)
        promoted = fill_places(tx, spec, when.isoformat())
        room = places_free(spec.capacity, queries.count_active(tx.conn, spec.code)) > 0
        record = assignment_record(person["uid"], stay["stay_uid"], spec, when.isoformat(),
                                   room, funder)
        tx.record(*record)
        position = None if room or not place_in_line \
            else queries.count_waiting(tx.conn, spec.code)                       # the last
    return {"uid": record[2]["uid"], "name": person["name"], "track": spec.code,
            "status": "active" if room else "waitlisted", "position": position,
            "on": when.isoformat(), "promoted": promoted}


def _sponsor(conn: sqlite3.Connection, text: str | None) -> sqlite3.Row | None:
    """The registered sponsor a place names (by code or name), or None."""
    if clean_text(text, field="sponsor") is None:
        return None
    from .sponsors import find_sponsor
    return find_sponsor(conn, text)


def _open(tx: Tx, person: sqlite3.Row, spec: Track, who: str) -> sqlite3.Row:
    row = queries.open_enrolment(tx.conn, person["id"], spec.code)
    if row is None:
        raise Rejected("not_in_track", who=who, track=spec.code)
    return row


def check_active(who: str, spec: Track, row: Mapping | None) -> None:
    """A completion ends an active place (``row``: the place the person holds in the
    track, if any)."""
    if row is None:
        raise Rejected("not_in_track", who=who, track=spec.code)
    if row["status"] != "active":
        raise Rejected("complete_waitlisted", who=who, track=spec.code)


def check_completion(spec: Track, row: Mapping, when: date, certificate: str | None,
                     certificate_used: bool) -> None:
    """A completion comes no earlier than the place began, with a certificate number
    the track has not given before (``certificate_used``)."""
    if when.isoformat() < row["assigned_on"]:
        raise Invalid("on", when.isoformat(), "complete_before_assign",
                      assigned_on=row["assigned_on"])
    if certificate and certificate_used:
        raise Invalid("certificate", certificate, "certificate_used", track=spec.code)


def completion_record(person_uid: str, row: Mapping, spec: Track, on: str,
                      hours: float | None, result: str, certificate: str | None
                      ) -> tuple[str, str, dict]:
    return ("enrolment.completed", person_uid, {
        "uid": row["uid"], "on": on, "hours": hours, "result": result,
        "certificate": certificate, "track": spec.code})


def complete(session: Session, who: str, track: str, *, on: str | date | None = None,
             hours: str | float | None = None, result: str | None = None,
             certificate: str | None = None, tx: Tx | None = None) -> dict:
    """End an active enrolment with its result (a service track: delivered)."""
    outcome = parse_result(result)
    hours = parse_hours(hours)
    certificate = clean_text(certificate, field="certificate", maximum=100)
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        spec = _track(tx.conn, track, retired=True)   # its places still end
        row = queries.open_enrolment(tx.conn, person["id"], spec.code)
        check_active(who, spec, row)
        when = session.date_or_today(on, "on")
        check_completion(spec, row, when, certificate, bool(certificate) and
                         queries.certificate_used(tx.conn, spec.code, certificate))
        tx.record(*completion_record(person["uid"], row, spec, when.isoformat(), hours,
                                     outcome, certificate))
        promoted = fill_places(tx, spec, when.isoformat())
    return {"name": person["name"], "track": spec.code, "kind": spec.kind, "result": outcome,
            "on": when.isoformat(), "promoted": promoted}


def check_drop(row: Mapping, when: date) -> None:
    """A drop ends a place (active or waiting) not before it was asked for."""
    if when.isoformat() < row["requested_on"]:
        raise Invalid("on", when.isoformat(), "drop_before_assign",
                      assigned_on=row["requested_on"])


def drop_record(person_uid: str, row: Mapping, on: str, reason: str) -> tuple[str, str, dict]:
    return ("enrolment.dropped", person_uid, {"uid": row["uid"], "on": on, "reason": reason,
                                              "track": row["track"]})


def _drop(tx: Tx, person_uid: str, row: sqlite3.Row, on: str, reason: str) -> None:
    tx.record(*drop_record(person_uid, row, on, reason))


def drop(session: Session, who: str, track: str, *, reason: str,
         on: str | date | None = None, tx: Tx | None = None) -> dict:
    """End an active or waitlisted enrolment with a reason; a freed place moves the line."""
    why = parse_drop_reason(reason)
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        spec = _track(tx.conn, track, retired=True)   # its places still end
        row = _open(tx, person, spec, who)
        when = session.date_or_today(on, "on")
        check_drop(row, when)
        _drop(tx, person["uid"], row, when.isoformat(), why)
        promoted = fill_places(tx, spec, when.isoformat()) if row["status"] == "active" else []
    return {"name": person["name"], "track": spec.code, "reason": why, "on": when.isoformat(),
            "promoted": promoted}


def _enrolment_on(tx: Tx, person: sqlite3.Row, spec: Track, who: str,
                  on: date | None) -> sqlite3.Row:
    """The enrolment a correction is about: the one that began or ended on ``on``, else
    the latest."""
    rows = queries.enrolments_for(tx.conn, person["id"], spec.code)
    if not rows:
        raise NotFound("never_in_track", who=who, track=spec.code)
    if on is not None:
        rows = [r for r in rows if on.isoformat() in (r["requested_on"], r["ended_on"])]
        if not rows:
            raise NotFound("no_enrolment_on", who=who, track=spec.code, on=on.isoformat())
    return rows[-1]


# how each correctable field of an enrolment is read, as when it was first recorded (the
# sponsor is looked up in the registry)
CORRECTABLE = {
    "hours": parse_hours,
    "result": parse_result,
    "certificate": lambda text: clean_text(text, field="certificate", maximum=100),
    "reason": parse_drop_reason,
}


def correct(session: Session, who: str, track: str, *, on: str | date | None = None,
            sponsor: str | None = None, hours: str | float | None = None,
            result: str | None = None, certificate: str | None = None,
            reason: str | None = None, tx: Tx | None = None) -> dict:
    """Correct what was recorded of an enrolment (``enrolment.corrected``): its sponsor
    (one of the registry, or none: an empty text); the hours, certificate and result of a
    completion; the reason of a drop. Only what differs is recorded; nothing differing, no
    event."""
    asked = {"hours": hours, "result": result, "certificate": certificate, "reason": reason}
    given = {field: CORRECTABLE[field](text) for field, text in asked.items()
             if text is not None}
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        spec = _track(tx.conn, track, retired=True)   # its records are corrected
        row = _enrolment_on(tx, person, spec, who, session.optional_date(on, "on"))
        if given.keys() & {"hours", "result", "certificate"} and \
                row["status"] not in ("completed", "failed"):
            raise Rejected("correct_not_completed", who=who, track=spec.code,
                           status=row["status"])
        if "reason" in given and row["status"] != "dropped":
            raise Rejected("correct_not_dropped", who=who, track=spec.code, status=row["status"])
        changes = {field: value for field, value in given.items() if value != row[field]}
        if sponsor is not None:
            funder = _sponsor(tx.conn, sponsor)
            if (funder["id"] if funder else None) != row["sponsor_id"] or \
                    (funder is None and row["sponsor"] is not None):
                changes["sponsor"] = funder["code"] if funder else None
                if funder:
                    changes["sponsor_uid"] = funder["uid"]
        if changes.get("certificate") and queries.certificate_used(tx.conn, spec.code,
                                                                    changes["certificate"]):
            raise Invalid("certificate", certificate, "certificate_used", track=spec.code)
        if changes:
            tx.record("enrolment.corrected", person["uid"], {"uid": row["uid"],
                                                             "track": spec.code,
                                                             "changes": changes})
    return {"name": person["name"], "track": spec.code,
            "changes": {k: v for k, v in changes.items() if k != "sponsor_uid"}}


def release_drop_reason(release_type: str) -> str:
    """The reason a release gives the places it ends."""
    return {"pindah": "transferred", "meninggal": "other"}.get(release_type, "released")


def end_enrolments_at_release(tx: Tx, person_uid: str, stay_id: int, on: str,
                              release_type: str) -> list[str]:
    """A release ends open custody-phase enrolments (reason ``released``); a transfer or a
    death ends every open one (``transferred`` / ``other``). Freed places move the lines."""
    leaving = release_type in ("pindah", "meninggal")
    reason = release_drop_reason(release_type)
    ended = []
    for row in queries.open_enrolments_of_stay(tx.conn, stay_id):
        if leaving or row["phase"] == "custody":
            _drop(tx, person_uid, row, on, reason)
            ended.append(row["track"])
    for code in dict.fromkeys(ended):
        fill_places(tx, _track(tx.conn, code, retired=True), on)
    return ended
