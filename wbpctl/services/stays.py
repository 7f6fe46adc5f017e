"""Remissions, releases and returns: the events that move a stay's dates, end it, or take
it up again after a transfer."""

from __future__ import annotations

from datetime import date
from typing import Mapping, Sequence

from ..domain import milestones as ms
from ..domain.errors import Invalid, Notice, NotFound, Rejected
from ..domain.people import clean_text
from ..domain.plausibility import keys as notice_keys
from ..domain.release import StayCase, check_release, is_pretrial, parse_release_type
from ..domain.remission import (check_once_a_year, parse_remission_days, parse_remission_kind,
                                suggested_days)
from ..store import queries
from ..store.chain import new_uid
from .enrolments import end_enrolments_at_release
from .participants import dates_with, find_person, regno_text, stay_sentence
from .products import unpaid_notice
from .session import Session, Tx


def check_remission_stay(session: Session, stay: Mapping, when: date) -> None:
    """A remission is for a sentenced, fixed-term stay that is not a fine's substitute,
    and is granted within the stay."""
    sentence = stay_sentence(stay)
    if is_pretrial(stay["register_class"]):
        raise Rejected("remission_pretrial", reg_no=regno_text(session, stay))
    if sentence is None or not sentence.is_fixed_term:
        raise Rejected("remission_not_for_sentence", sentence=sentence.text() if sentence
                       else "-")
    if stay["fine_substitute"]:
        raise Rejected("remission_not_for_fine")
    end = stay["released_on"] or session.today.isoformat()
    if not stay["detained_on"] <= when.isoformat() <= end:
        raise Invalid("on", when.isoformat(), "remission_outside_stay",
                      start=stay["detained_on"], end=end)


def check_remission(session: Session, stay: Mapping, earlier: Sequence[Mapping],
                    remission_kind: str, when: date, granted: int, reason: str | None) -> date:
    """Every rule of a granted remission, given the stay and the remissions it has
    (``earlier``: kind, granted_on, days): the stay's expiry with it (on or before the
    day, it frees the person)."""
    check_remission_stay(session, stay, when)
    check_once_a_year(remission_kind, when,
                      [(date.fromisoformat(r["granted_on"]), r["kind"]) for r in earlier],
                      reason)
    detained, sentence = date.fromisoformat(stay["detained_on"]), stay_sentence(stay)
    grants = [(date.fromisoformat(r["granted_on"]), r["days"]) for r in earlier]
    before = ms.expiry_of(detained, sentence, [g for g in grants if g[0] <= when])
    if before < when:
        raise Rejected("remission_after_expiry", expiry=before.isoformat(),
                       on=when.isoformat())
    new_grants = sorted([*grants, (when, granted)], key=lambda g: g[0])   # stable
    return ms.expiry_of(detained, sentence, new_grants)


def remission_record(person_uid: str, stay_uid: str, remission_kind: str, on: str,
                     granted: int, reason: str | None, uid: str | None = None
                     ) -> tuple[str, str, dict]:
    """(kind, subject, payload) of a granted remission (``uid``: its id, default a new
    one)."""
    payload = {"uid": uid or new_uid(), "stay": stay_uid, "on": on, "kind": remission_kind,
               "days": granted}
    if reason:
        payload["override"] = reason
    return ("remission.granted", person_uid, payload)


def remission(session: Session, who: str, *, on: str | date, kind: str,
              days: str | int | None = None, suggest: bool = False,
              override: str | None = None, release: bool = False,
              tx: Tx | None = None) -> dict:
    """Record a granted remission (or, with ``suggest``, only say what the table gives).

    A remission larger than what remains is recorded in full and frees the person on the
    day it is granted (*remisi langsung bebas*): ``freed`` says so, and ``release`` records
    that release (``remisi-bebas``) in the same transaction. A second RU or RK in one year
    needs ``override`` (the reason: another holiday, a correction of the decree).
    """
    remission_kind = parse_remission_kind(kind)
    when = session.date(on, "on")
    granted = None if suggest else parse_remission_days(days)
    reason = clean_text(override, field="override")
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        stay = queries.latest_stay(tx.conn, person["id"])
        earlier = queries.remissions_of_stay(tx.conn, stay["stay_id"])
        if suggest:
            check_remission_stay(session, stay, when)
        table = suggested_days(remission_kind, when, date.fromisoformat(stay["detained_on"]),
                               sum(1 for r in earlier if r["kind"] == remission_kind))
        if suggest:
            return {"name": person["name"], "kind": remission_kind, "on": when.isoformat(),
                    "suggested_days": table, "recorded": False}
        expiry = check_remission(session, stay, earlier, remission_kind, when, granted, reason)
        freed = expiry <= when
        if release and not freed:
            raise Rejected("remission_release_not_due", expiry=expiry.isoformat(),
                           on=when.isoformat())
        tx.record(*remission_record(person["uid"], stay["stay_uid"], remission_kind,
                                    when.isoformat(), granted, reason))
        released = _release(session, tx, who, person, stay, when, "remisi-bebas", None, None) \
            if release else None
    return {"name": person["name"], "reg_no": regno_text(session, stay),
            "kind": remission_kind, "on": when.isoformat(), "days": granted,
            "suggested_days": table, "expiry": expiry.isoformat(), "recorded": True,
            "freed": freed, "released": released}


def correct_remission(session: Session, who: str, *, on: str | date, kind: str,
                      days: str | int, tx: Tx | None = None) -> dict:
    """Correct the days of a remission recorded on ``on`` (``remission.corrected``); the
    same days again records nothing."""
    remission_kind = parse_remission_kind(kind)
    when = session.date(on, "on")
    granted = parse_remission_days(days)
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        stay = queries.latest_stay(tx.conn, person["id"])
        rows = queries.remissions_of_stay(tx.conn, stay["stay_id"])
        row = next((r for r in rows if r["granted_on"] == when.isoformat()
                    and r["kind"] == remission_kind), None)
        if row is None:
            raise NotFound("remission_not_found", who=who, on=when.isoformat(),
                           kind=remission_kind)
        after = ms.milestones(date.fromisoformat(stay["detained_on"]), stay_sentence(stay),
                              [(date.fromisoformat(r["granted_on"]),
                                granted if r["id"] == row["id"] else r["days"]) for r in rows],
                              session.config.rules)
        if granted != row["days"]:
            tx.record("remission.corrected", person["uid"], {"uid": row["uid"],
                                                             "changes": {"days": granted}})
    return {"name": person["name"], "kind": remission_kind, "on": when.isoformat(),
            "days": granted, "was": row["days"], "expiry": after.expiry.isoformat(),
            "recorded": granted != row["days"],
            "freed": stay["status"] == "in_custody" and after.expiry <= when}


def release(session: Session, who: str, *, on: str | date, release_type: str,
            override: str | None = None, to: str | None = None,
            tx: Tx | None = None) -> dict:
    """End the current stay once the release rules allow it (``domain.release``); open
    custody enrolments end with reason released/transferred. ``to``: where a transfer
    (``pindah``) goes."""
    kind = parse_release_type(release_type)
    reason = clean_text(override, field="override")
    destination = clean_text(to, field="to", maximum=100)
    if destination and kind != "pindah":
        raise Invalid("to", destination, "to_only_for_transfer")
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        stay = queries.latest_stay(tx.conn, person["id"])
        when = session.date(on, "on")
        return _release(session, tx, who, person, stay, when, kind, reason, destination)


def check_release_of(session: Session, who: str, stay: Mapping,
                     grants: list[tuple[date, int]], kind: str, when: date,
                     reason: str | None) -> list[Notice]:
    """The release rules (``domain.release``) for a stay with these remissions
    ((granted_on, days), in grant order): refused, or the warnings it deserves."""
    if stay["status"] != "in_custody":
        raise Rejected("release_not_in_custody", who=who, status=stay["status"])
    sentence = stay_sentence(stay)
    case = StayCase(stay["register_class"], date.fromisoformat(stay["admitted_on"]),
                    bool(sentence and sentence.is_fixed_term), len(grants))
    return check_release(kind, when, case, dates_with(session, stay, grants), reason,
                         grace_days=session.config.rules.ekspirasi_grace_days,
                         cb_max_months=session.config.rules.cb_max_sentence_months)


def release_record(person_uid: str, stay_uid: str, kind: str, on: str, reason: str | None,
                   destination: str | None, notices: list[Notice]) -> tuple[str, str, dict]:
    """(kind, subject, payload) of a release, with the keys of its warnings."""
    payload = {"uid": stay_uid, "on": on, "type": kind, "override": reason}
    if destination:
        payload["to"] = destination
    if notices:
        payload["notices"] = notice_keys(notices)
    return ("stay.released", person_uid, payload)


def _release(session: Session, tx: Tx, who: str, person, stay, when: date, kind: str,
             reason: str | None, destination: str | None) -> dict:
    notices = check_release_of(session, who, stay,
                               queries.remission_grants(tx.conn, stay["stay_id"]), kind, when,
                               reason)
    tx.record(*release_record(person["uid"], stay["stay_uid"], kind, when.isoformat(), reason,
                              destination, notices))
    ended = end_enrolments_at_release(tx, person["uid"], stay["stay_id"], when.isoformat(), kind)
    notices = [*notices, *unpaid_notice(tx.conn, person)]    # premi left: pay or carry it
    return {"name": person["name"], "reg_no": regno_text(session, stay), "on": when.isoformat(),
            "type": kind, "to": destination, "ended_enrolments": ended, "notices": notices}


def return_from_transfer(session: Session, who: str, *, on: str | date,
                         from_lapas: str | None = None, tx: Tx | None = None) -> dict:
    """Someone transferred out (``pindah``) comes back: the same stay goes on, with its
    detention date, sentence, remissions and register number (``stay.returned``). Not a
    readmission."""
    origin = clean_text(from_lapas, field="from", maximum=100)
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        stay = queries.latest_stay(tx.conn, person["id"])
        if stay["status"] != "transferred":
            raise Rejected("return_not_transferred", who=who, reg_no=regno_text(session, stay),
                           status=stay["status"])
        when = session.date(on, "on")
        if when.isoformat() < stay["released_on"]:
            raise Invalid("on", when.isoformat(), "return_before_transfer",
                          left_on=stay["released_on"])
        tx.record("stay.returned", person["uid"], {
            "uid": stay["stay_uid"], "transfer": new_uid(), "on": when.isoformat(),
            "left_on": stay["released_on"], "to": stay["transfer_to"],
            "from": origin or stay["transfer_to"]})
    return {"name": person["name"], "reg_no": regno_text(session, stay), "on": when.isoformat(),
            "left_on": stay["released_on"], "from": origin or stay["transfer_to"]}


REVOCABLE = ("pb", "cb", "cmb")   # conditional releases: Bapas supervises, a breach revokes


def revoke(session: Session, who: str, *, on: str | date, reason: str,
           tx: Tx | None = None) -> dict:
    """A PB, CB or CMB revoked (*pencabutan*): the person comes back to serve the rest of
    the same sentence (``stay.revoked``). Recidivism counts it as a technical return,
    apart from a readmission for a new offence."""
    why = clean_text(reason, field="reason")
    if not why:
        raise Invalid("reason", reason, "reason_required")
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        stay = queries.latest_stay(tx.conn, person["id"])
        if stay["status"] != "released" or stay["release_type"] not in REVOCABLE:
            raise Rejected("revoke_not_conditional", who=who, reg_no=regno_text(session, stay),
                           type=stay["release_type"] or stay["status"])
        when = session.date(on, "on")
        if when.isoformat() < stay["released_on"]:
            raise Invalid("on", when.isoformat(), "revoke_before_release",
                          released_on=stay["released_on"])
        tx.record("stay.revoked", person["uid"], {
            "uid": stay["stay_uid"], "absence": new_uid(), "on": when.isoformat(),
            "reason": why, "type": stay["release_type"], "released_on": stay["released_on"]})
    return {"name": person["name"], "reg_no": regno_text(session, stay), "on": when.isoformat(),
            "type": stay["release_type"], "released_on": stay["released_on"], "reason": why}
