"""Remissions and releases: the events that move a stay's dates and end it."""

from __future__ import annotations

from datetime import date

from ..domain import milestones as ms
from ..domain.errors import Invalid, NotFound, Rejected
from ..domain.people import clean_text
from ..domain.release import check_release, parse_release_type
from ..domain.remission import parse_remission_days, parse_remission_kind, suggested_days
from ..store import queries
from ..store.ledger import new_uid
from .enrolments import end_enrolments_at_release
from .participants import find_person, regno_text, stay_sentence
from .session import Session, Tx


def remission(session: Session, who: str, *, on: str | date, kind: str,
              days: str | int | None = None, suggest: bool = False, tx: Tx | None = None) -> dict:
    """Record a granted remission (or, with ``suggest``, only say what the table gives)."""
    remission_kind = parse_remission_kind(kind)
    when = session.date(on, "on")
    granted = None if suggest else parse_remission_days(days)
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who)
        stay = queries.latest_stay(tx.conn, person["id"])
        sentence = stay_sentence(stay)
        if sentence is None or not sentence.is_fixed_term:
            raise Rejected("remission_not_for_sentence", sentence=sentence.text() if sentence
                           else "-")
        if stay["fine_substitute"]:
            raise Rejected("remission_not_for_fine")
        end = stay["released_on"] or session.today.isoformat()
        if not stay["detained_on"] <= when.isoformat() <= end:
            raise Invalid("on", when.isoformat(), "remission_outside_stay",
                          start=stay["detained_on"], end=end)
        earlier = [r for r in queries.remissions_of_person(tx.conn, person["id"])
                   if r["stay_uid"] == stay["stay_uid"]]
        table = suggested_days(remission_kind, when, date.fromisoformat(stay["detained_on"]),
                               sum(1 for r in earlier if r["kind"] == remission_kind))
        if suggest:
            return {"name": person["name"], "kind": remission_kind, "on": when.isoformat(),
                    "suggested_days": table, "recorded": False}
        days = granted
        after = _dates_granting(session, stay, [*queries.remission_days(tx.conn,
                                                                        stay["stay_id"]), days],
                                when)
        tx.record("remission.granted", person["uid"], {
            "uid": new_uid(), "stay": stay["stay_uid"], "on": when.isoformat(),
            "kind": remission_kind, "days": days})
    return {"name": person["name"], "kind": remission_kind, "on": when.isoformat(),
            "days": days, "suggested_days": table, "expiry": after.expiry.isoformat(),
            "recorded": True}


def _dates_granting(session: Session, stay, remission_days: list[int],
                    granted_on: date) -> ms.Milestones:
    """The stay's dates with these remissions; a remission may not move the expiry before
    the day it was granted."""
    after = ms.milestones(date.fromisoformat(stay["detained_on"]), stay_sentence(stay),
                          remission_days, session.config.rules)
    if after.expiry < granted_on:
        raise Rejected("remission_past_grant", expiry=after.expiry.isoformat(),
                       on=granted_on.isoformat())
    return after


def correct_remission(session: Session, who: str, *, on: str | date, kind: str,
                      days: str | int, tx: Tx | None = None) -> dict:
    """Correct the days of a remission recorded on ``on`` (``remission.corrected``); the
    same days again records nothing."""
    remission_kind = parse_remission_kind(kind)
    when = session.date(on, "on")
    granted = parse_remission_days(days)
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who)
        stay = queries.latest_stay(tx.conn, person["id"])
        rows = queries.remissions_of_stay(tx.conn, stay["stay_id"])
        row = next((r for r in rows if r["granted_on"] == when.isoformat()
                    and r["kind"] == remission_kind), None)
        if row is None:
            raise NotFound("remission_not_found", who=who, on=when.isoformat(),
                           kind=remission_kind)
        after = _dates_granting(session, stay, [granted if r["id"] == row["id"] else r["days"]
                                                for r in rows], when)
        if granted != row["days"]:
            tx.record("remission.corrected", person["uid"], {"uid": row["uid"],
                                                             "changes": {"days": granted}})
    return {"name": person["name"], "kind": remission_kind, "on": when.isoformat(),
            "days": granted, "was": row["days"], "expiry": after.expiry.isoformat(),
            "recorded": granted != row["days"]}


def release(session: Session, who: str, *, on: str | date, release_type: str,
            override: str | None = None, tx: Tx | None = None) -> dict:
    """End the current stay; open custody enrolments end with reason released/transferred."""
    kind = parse_release_type(release_type)
    reason = clean_text(override, field="override")
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who)
        stay = queries.latest_stay(tx.conn, person["id"])
        if stay["status"] != "in_custody":
            raise Rejected("release_not_in_custody", who=who, status=stay["status"])
        when = session.date(on, "on")
        if when.isoformat() < stay["detained_on"]:
            raise Invalid("on", when.isoformat(), "release_before_detention",
                          detained=stay["detained_on"])
        dates = ms.milestones(date.fromisoformat(stay["detained_on"]), stay_sentence(stay),
                              queries.remission_days(tx.conn, stay["stay_id"]),
                              session.config.rules)
        check_release(kind, when, dates, reason)
        tx.record("stay.released", person["uid"], {"uid": stay["stay_uid"],
                                                   "on": when.isoformat(), "type": kind,
                                                   "override": reason})
        ended = end_enrolments_at_release(tx, person["uid"], stay["stay_id"], when.isoformat(),
                                          kind)
    return {"name": person["name"], "reg_no": regno_text(session, stay), "on": when.isoformat(),
            "type": kind, "ended_enrolments": ended}
