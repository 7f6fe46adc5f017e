"""``wbpctl export``: the same columns ``wbpctl import`` reads.

``all`` writes every record of the ledger in the order it was made (one kind
per row), so importing it into an empty database replays the same decisions
and gives the same tables; the other kinds are lists for spreadsheets.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Callable, Iterator

from ..domain.nik import mask_nik
from ..domain.privacy import pseudonym
from ..store import queries
from .participants import record_access, regno_text, stay_sentence
from .session import Session
from .transfer_kinds import KINDS


def _sentence_text(stay: sqlite3.Row) -> str:
    sentence = stay_sentence(stay)
    return sentence.text() if sentence else ""


class _Privacy:
    """Masks (default), reveals, or anonymizes the identifying columns of a row."""

    def __init__(self, session: Session, conn: sqlite3.Connection, reveal: bool,
                 anonymize: bool) -> None:
        self.session, self.reveal, self.anonymize = session, reveal, anonymize
        # the first event's hash: the same ledger always gives the same pseudonyms
        self.salt = queries.first_hash(conn)
        self.revealed: set[str] = set()

    def row(self, row: dict, person_uid: str | None) -> dict:
        if self.anonymize:
            for key in ("reg_no", "person_uid"):
                if row.get(key):
                    row[key] = pseudonym(row[key], self.salt)
            for key in ("name", "nik", "birth_date", "certificate", "sponsor", "override"):
                if key in row:
                    row[key] = ""
        elif row.get("nik") and not self.reveal and self.session.config.mask_nik:
            row["nik"] = mask_nik(row["nik"])
        elif row.get("nik") and person_uid:
            self.revealed.add(person_uid)
        return row


def _participant_row(session: Session, stay: sqlite3.Row, person: sqlite3.Row,
                     person_uid: str) -> dict:
    return {"reg_no": regno_text(session, stay), "name": person["name"], "nik": person["nik"],
            "gender": person["gender"], "birth_date": person["birth_date"],
            "detained_on": stay["detained_on"], "admitted_on": stay["admitted_on"],
            "sentence": _sentence_text(stay), "crime": stay["crime"], "person_uid": person_uid}


def _rows(session: Session, conn: sqlite3.Connection, kind: str) -> Iterator[tuple[dict, str]]:
    """(row, person uid) for each record of ``kind``."""
    if kind == "participants":
        for r in queries.export_participants(conn):
            yield _participant_row(session, r, r, r["person_uid"]), r["person_uid"]
    elif kind == "enrolments":
        for r in queries.export_enrolments(conn):
            yield {"reg_no": regno_text(session, r), "nik": r["nik"], "track": r["track"],
                   "assigned_on": r["requested_on"], "sponsor": r["sponsor"]}, r["person_uid"]
    elif kind == "completions":
        for r in queries.export_enrolments(conn):
            if r["status"] in ("completed", "failed"):
                yield {"reg_no": regno_text(session, r), "nik": r["nik"], "track": r["track"],
                       "completed_on": r["ended_on"], "hours": r["hours"],
                       "result": r["result"], "certificate": r["certificate"]}, r["person_uid"]
    elif kind == "drops":
        for r in queries.export_enrolments(conn):
            automatic = r["reason"] in ("released", "transferred", "other") and \
                r["ended_on"] == r["released_on"]
            if r["status"] == "dropped" and not automatic:
                yield {"reg_no": regno_text(session, r), "nik": r["nik"], "track": r["track"],
                       "dropped_on": r["ended_on"], "reason": r["reason"]}, r["person_uid"]
    elif kind == "releases":
        for r in queries.export_releases(conn):
            yield {"reg_no": regno_text(session, r), "nik": r["nik"],
                   "released_on": r["released_on"], "release_type": r["release_type"],
                   "override": r["release_override"]}, r["person_uid"]
    elif kind == "remissions":
        for r in queries.export_remissions(conn):
            yield {"reg_no": regno_text(session, r), "nik": r["nik"], "granted_on": r["granted_on"],
                   "kind": r["kind"], "days": r["days"]}, r["person_uid"]
    else:
        yield from _all(session, conn)


def _all(session: Session, conn: sqlite3.Connection) -> Iterator[tuple[dict, str]]:
    """Every user's act in ledger order; what the system did by itself (waitlist moves,
    enrolments ended by a release) is left out, since the import does it again. Each row
    holds the record as it is now: a later correction is in the row of the act it
    corrects (as a person's corrections are in their participants row)."""
    release_on: dict[str, str] = {}   # subject -> date of a release just seen
    for event in queries.all_events(conn):
        kind, subject = event["kind"], event["subject"]
        payload = json.loads(event["payload"])
        if kind != "enrolment.dropped":
            release_on.pop(subject, None)
        if kind == "stay.admitted":
            stay = queries.stay_by_uid(conn, payload["uid"])
            person = queries.person_by_id(conn, stay["person_id"])
            yield {"record": "participants",
                   **_participant_row(session, stay, person, person["uid"])}, person["uid"]
        elif kind in ("enrolment.assigned", "enrolment.waitlisted"):
            enrolment, reg_no = _enrolment_of(session, conn, payload["uid"])
            yield {"record": "enrolments", "reg_no": reg_no, "track": enrolment["track"],
                   "assigned_on": payload["on"], "sponsor": enrolment["sponsor"]}, None
        elif kind == "enrolment.completed":
            enrolment, reg_no = _enrolment_of(session, conn, payload["uid"])
            yield {"record": "completions", "reg_no": reg_no,
                   "track": enrolment["track"], "completed_on": payload["on"],
                   "hours": enrolment["hours"], "result": enrolment["result"],
                   "certificate": enrolment["certificate"]}, None
        elif kind == "enrolment.dropped":
            if release_on.get(subject) == payload["on"]:
                continue   # ended by the release just before it
            enrolment, reg_no = _enrolment_of(session, conn, payload["uid"])
            yield {"record": "drops", "reg_no": reg_no,
                   "track": enrolment["track"], "dropped_on": payload["on"],
                   "reason": enrolment["reason"]}, None
        elif kind == "remission.granted":
            stay = queries.stay_by_uid(conn, payload["stay"])
            remission = queries.remission_by_uid(conn, payload["uid"])
            yield {"record": "remissions", "reg_no": regno_text(session, stay),
                   "granted_on": payload["on"], "kind": payload["kind"],
                   "days": remission["days"]}, None
        elif kind == "stay.released":
            stay = queries.stay_by_uid(conn, payload["uid"])
            release_on[subject] = payload["on"]
            yield {"record": "releases", "reg_no": regno_text(session, stay),
                   "released_on": payload["on"], "release_type": payload["type"],
                   "override": payload.get("override")}, None


def _enrolment_of(session: Session, conn: sqlite3.Connection, uid: str
                  ) -> tuple[sqlite3.Row, str]:
    """An enrolment as it is now, and the register number of its stay."""
    enrolment = queries.enrolment_by_uid(conn, uid)
    stay = queries.stay_by_uid(conn, queries.stay_uid_of(conn, enrolment["stay_id"]))
    return enrolment, regno_text(session, stay)


def export(session: Session, kind: str, write_row: Callable[[dict], None], *,
           reveal: bool = False, anonymize: bool = False) -> int:
    """Stream the rows of one kind to ``write_row`` from one snapshot; returns how many.

    NIK is masked unless ``reveal`` (each reveal recorded as an access); ``anonymize``
    drops names, NIK and birth dates and replaces ids with stable pseudonyms.
    """
    columns = KINDS[kind].columns
    count = 0
    with session.reading() as conn:
        privacy = _Privacy(session, conn, reveal, anonymize)
        for row, uid in _rows(session, conn, kind):
            write_row(privacy.row({c: row.get(c) for c in columns}, uid))
            count += 1
    if reveal and privacy.revealed:
        record_access(session, sorted(privacy.revealed), fields=["nik"],
                      command=f"export {kind}")
    return count
