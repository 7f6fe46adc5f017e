"""Voiding what was entered in error: an act cancelled as if it had never happened.

The act stays in the ledger (and in ``wbpctl log``); a ``*.voided`` event undoes what it
did to the tables, so reports and rates no longer count it. Only the latest act of a
thing can be voided (a completion before the assignment it ended), and only while what
it would give back still makes sense: a release only while it is the person's latest
event of that stay, a remission only while the stay is not released.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from ..domain.catalog import Track
from ..domain.errors import Invalid, NotFound, Rejected
from ..domain.people import clean_text
from ..domain.remission import parse_remission_kind
from ..domain.words import word_key
from ..store import queries
from .enrolments import _track, fill_places, release_drop_reason
from .participants import find_person, regno_text
from .session import Session, Tx

RELEASE_WORDS = {"release", "bebas", "pembebasan", "pelepasan"}
REMISSION_WORDS = {"remission", "remisi"}


def void(session: Session, who: str, what: str, *, on: str | date, reason: str,
         kind: str | None = None, tx: Tx | None = None) -> dict:
    """Cancel WHO's ``what`` (a track's assignment, completion or drop; ``release``; or
    ``remission``) that happened on ``on``, with a reason. ``kind`` picks the remission
    when two of different kinds were granted that day."""
    why = clean_text(reason, field="reason")
    if not why:
        raise Invalid("reason", reason, "void_reason_required")
    when = session.date(on, "on")
    target = word_key(what)
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        if target in RELEASE_WORDS:
            done = _void_release(tx, who, person, when, why)
        elif target in REMISSION_WORDS:
            done = _void_remission(tx, who, person, when, why,
                                   parse_remission_kind(kind) if kind else None)
        else:
            done = _void_enrolment_act(tx, who, person, _track(tx.conn, what, retired=True),
                                       when, why)
    return {"name": person["name"], "on": when.isoformat(), "reason": why, **done}


def already_void(session: Session, conn: sqlite3.Connection, person_uid: str, what: str,
                 on: date, *, act: str | None = None) -> bool:
    """Whether a void of ``what`` (of its ``act``, for a track) on ``on`` is already
    recorded for this person: an import that meets the act or the void again (a file
    loaded twice) finds nothing new."""
    target = word_key(what)
    for kind, payload in queries.voids_about(conn, person_uid):
        if payload["on"] != on.isoformat() or payload.get("cause") \
                or act not in (None, payload.get("act")):
            continue
        if kind == "release.voided" and target in RELEASE_WORDS:
            return True
        if kind == "remission.voided" and target in REMISSION_WORDS:
            return True
        if kind == "enrolment.voided" and target not in RELEASE_WORDS | REMISSION_WORDS:
            track = _track(conn, what, retired=True)
            if payload["track"] == track.code:
                return True
    return False


def _void_release(tx: Tx, who: str, person: sqlite3.Row, when: date, why: str) -> dict:
    stay = queries.latest_stay(tx.conn, person["id"])
    if stay["status"] == "in_custody" or stay["released_on"] != when.isoformat():
        raise NotFound("void_no_release", who=who, on=when.isoformat())
    enrolments = queries.enrolments_of_stay(tx.conn, stay["stay_id"])
    later = [e["track"] for e in enrolments
             if e["requested_on"] > when.isoformat() or e["phase"] == "post-release"]
    if later:
        raise Rejected("void_release_has_later", who=who, tracks=", ".join(later))
    tx.record("release.voided", person["uid"], {
        "uid": stay["stay_uid"], "on": when.isoformat(), "type": stay["release_type"],
        "reason": why})
    # the places the release ended come back with it (as end_enrolments_at_release chose
    # them: that day, that reason)
    automatic = release_drop_reason(stay["release_type"])
    restored = []
    for e in enrolments:
        if e["status"] == "dropped" and e["ended_on"] == when.isoformat() \
                and e["reason"] == automatic:
            tx.record("enrolment.voided", person["uid"], {
                "uid": e["uid"], "act": "drop", "on": when.isoformat(), "track": e["track"],
                "reason": why, "cause": "release"})
            restored.append(e["track"])
    return {"what": "release", "reg_no": regno_text(tx.session, stay),
            "type": stay["release_type"], "restored": restored}


def _void_remission(tx: Tx, who: str, person: sqlite3.Row, when: date, why: str,
                    kind: str | None) -> dict:
    stay = queries.latest_stay(tx.conn, person["id"])
    rows = [r for r in queries.remissions_of_stay(tx.conn, stay["stay_id"])
            if r["granted_on"] == when.isoformat() and kind in (None, r["kind"])]
    if not rows:
        raise NotFound("remission_not_found", who=who, on=when.isoformat(), kind=kind or "")
    if len(rows) > 1:
        raise Rejected("void_remission_which", who=who, on=when.isoformat(),
                       kinds=", ".join(r["kind"] for r in rows))
    if stay["status"] != "in_custody":
        # the release was checked against the dates this remission gave
        raise Rejected("void_remission_released", who=who, released_on=stay["released_on"])
    row = rows[0]
    tx.record("remission.voided", person["uid"], {
        "uid": row["uid"], "stay": stay["stay_uid"], "on": when.isoformat(),
        "kind": row["kind"], "days": row["days"], "reason": why})
    return {"what": "remission", "reg_no": regno_text(tx.session, stay), "kind": row["kind"],
            "days": row["days"]}


def _acts(row: sqlite3.Row) -> list[tuple[str, str]]:
    """(act, date) of an enrolment in the order they happened."""
    acts = [("assignment", row["requested_on"])]
    if row["status"] in ("completed", "failed"):
        acts.append(("completion", row["ended_on"]))
    elif row["status"] == "dropped":
        acts.append(("drop", row["ended_on"]))
    return acts


def _void_enrolment_act(tx: Tx, who: str, person: sqlite3.Row, track: Track, when: date,
                        why: str) -> dict:
    day = when.isoformat()
    rows = queries.enrolments_for(tx.conn, person["id"], track.code)
    for row in reversed(rows):
        acts = _acts(row)
        if acts[-1][1] == day:
            act = acts[-1][0]
            break
        if any(on == day for _, on in acts):
            raise Rejected("void_not_latest", who=who, track=track.code, act=acts[-1][0],
                           on=acts[-1][1])
    else:
        raise NotFound("void_no_act", who=who, track=track.code, on=day)
    if act != "assignment":
        # the place comes back: only where the person may hold it now
        stay = queries.stay_by_uid(tx.conn, queries.stay_uid_of(tx.conn, row["stay_id"]))
        latest = queries.latest_stay(tx.conn, person["id"])
        if stay["stay_id"] != latest["stay_id"] or latest["status"] in ("transferred",
                                                                         "deceased") \
                or not track.open_to(latest["status"] == "in_custody"):
            raise Rejected("void_place_gone", who=who, track=track.code, act=act)
        other = queries.open_enrolment(tx.conn, person["id"], track.code)
        if other is not None:
            raise Rejected("already_in_track", who=who, track=track.code,
                           status=other["status"])
    tx.record("enrolment.voided", person["uid"], {
        "uid": row["uid"], "act": act, "on": day, "track": track.code, "reason": why})
    promoted = []
    if act == "assignment" and row["status"] == "active":
        promoted = fill_places(tx, track, day)
    return {"what": act, "track": track.code, "promoted": promoted}
