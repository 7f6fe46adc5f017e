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
from ..domain.regno import RegisterNumber
from ..domain.sponsors import mask_contact
from ..store import queries
from ..store import product_queries as pq
from ..store import sponsor_queries as sq
from . import sponsors
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
        self.revealed_sponsors: set[str] = set()

    def row(self, row: dict, person_uid: str | None) -> dict:
        if row.get("contact"):      # a sponsor's phone or address: personal data too
            if self.anonymize:
                row["contact"] = ""
            elif not self.reveal and self.session.config.mask_nik:
                row["contact"] = mask_contact(row["contact"])
            else:
                self.revealed_sponsors.add(row["sponsor_uid"])
        if self.anonymize:
            for key in ("reg_no", "person_uid"):
                if row.get(key):
                    row[key] = pseudonym(row[key], self.salt)
            for key in ("makers", "maker_uids"):      # a batch's makers, comma-separated
                if row.get(key):
                    row[key] = ", ".join(pseudonym(part.strip(), self.salt)
                                         for part in row[key].split(","))
            for key in ("name", "nik", "birth_date", "certificate", "sponsor", "override",
                        "buyer"):
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
            "sentence": _sentence_text(stay), "crime": stay["crime"], "person_uid": person_uid,
            "crime_category": stay["crime_category"]}


def _rows(session: Session, conn: sqlite3.Connection, kind: str) -> Iterator[tuple[dict, str]]:
    """(row, person uid) for each record of ``kind``."""
    if kind == "participants":
        for r in queries.export_participants(conn):
            yield _participant_row(session, r, r, r["person_uid"]), r["person_uid"]
    elif kind == "enrolments":
        for r in queries.export_enrolments(conn):
            yield {"reg_no": regno_text(session, r), "nik": r["nik"], "track": r["track"],
                   "assigned_on": r["requested_on"],
                   "sponsor": r["sponsor_code"] or r["sponsor"]}, r["person_uid"]
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
                   "override": r["release_override"], "to_lapas": r["transfer_to"]}, \
                r["person_uid"]
    elif kind == "remissions":
        for r in queries.export_remissions(conn):
            yield {"reg_no": regno_text(session, r), "nik": r["nik"], "granted_on": r["granted_on"],
                   "kind": r["kind"], "days": r["days"], "override": r["override"]}, \
                r["person_uid"]
    elif kind == "verdicts":
        for r in queries.export_verdicts(conn):
            verdict = json.loads(r["verdict"])
            yield {**_verdict_row(session, verdict, r), "nik": r["nik"]}, r["person_uid"]
    elif kind == "returns":
        for r in queries.export_absence_ends(conn, "transfer"):
            yield {"reg_no": regno_text(session, r), "nik": r["nik"],
                   "returned_on": r["returned_on"], "from_lapas": r["from_lapas"]}, \
                r["person_uid"]
    elif kind == "revocations":
        for r in queries.export_absence_ends(conn, "revocation"):
            yield {"reg_no": regno_text(session, r), "nik": r["nik"],
                   "revoked_on": r["returned_on"], "reason": r["reason"]}, r["person_uid"]
    elif kind == "voids":
        for r in queries.export_voids(conn):
            payload = json.loads(r["payload"])
            stay = _stay_of_void(conn, r["kind"], payload, r["person_uid"])
            yield {"reg_no": regno_text(session, stay), "nik": r["nik"],
                   **_void_row(r["kind"], payload)}, r["person_uid"]
    elif kind in _SPONSOR_KINDS:
        yield from _SPONSOR_KINDS[kind](session, conn)
    else:
        yield from _all(session, conn)


# -- sponsors, donations, adoptions, spending ----------------------------------------------

def _person_cells(session: Session, conn: sqlite3.Connection, person_uid: str | None) -> dict:
    """A person a sponsor's row names: their current register number, NIK and global id."""
    if not person_uid:
        return {"reg_no": None, "nik": None, "person_uid": None}
    person = queries.person_by_uid(conn, person_uid)
    stay = queries.latest_stay(conn, person["id"])
    return {"reg_no": regno_text(session, stay), "nik": person["nik"], "person_uid": person_uid}


def _sponsor_rows(session: Session, conn: sqlite3.Connection) -> Iterator[tuple[dict, str]]:
    for r in sq.sponsors(conn):
        yield {"sponsor": r["code"], "name": r["name"], "kind": r["kind"],
               "contact": r["contact"], "sponsor_uid": r["uid"]}, None


def _donation_row(session: Session, conn: sqlite3.Connection, d: dict) -> dict:
    return {"sponsor": d["sponsor"], "received_on": d["on"], "amount": d["amount"],
            "in_kind": d.get("in_kind"), "track": d.get("track"), "ref": d.get("ref"),
            "donation_uid": d["uid"], "voided_on": d.get("voided_on"),
            "void_reason": d.get("void_reason"), **_person_cells(session, conn, d.get("person"))}


def _donation_state(row: sqlite3.Row) -> dict:
    return {"uid": row["uid"], "sponsor": row["sponsor_code"], "on": row["received_on"],
            "amount": row["amount"], "in_kind": row["in_kind"], "purpose": row["purpose"],
            "track": row["track"], "person": row["person_uid"], "ref": row["ref"],
            "voided_on": row["voided_on"], "void_reason": row["void_reason"]}


def _donation_rows(session: Session, conn: sqlite3.Connection) -> Iterator[tuple[dict, str]]:
    for r in sq.donations(conn):
        yield _donation_row(session, conn, _donation_state(r)), r["person_uid"]


def _adoption_row(session: Session, conn: sqlite3.Connection, a: sqlite3.Row) -> dict:
    return {"sponsor": a["sponsor_code"], "from_on": a["from_on"], "until_on": a["until_on"],
            "consent": "yes" if a["consent"] else "no",
            **_person_cells(session, conn, a["person_uid"])}


def _adoption_rows(session: Session, conn: sqlite3.Connection) -> Iterator[tuple[dict, str]]:
    for a in sq.adoptions(conn):
        yield _adoption_row(session, conn, a), a["person_uid"]


def _spending_row(session: Session, conn: sqlite3.Connection, x: sqlite3.Row) -> dict:
    return {"track": x["track"], "spent_on": x["spent_on"], "amount": x["amount"],
            "what": x["what"], "funded_by": x["sponsor_code"] or x["funded_by"],
            "ref": x["ref"], "override": x["override"], "spending_uid": x["uid"],
            **_person_cells(session, conn, x["person_uid"])}


def _spending_rows(session: Session, conn: sqlite3.Connection) -> Iterator[tuple[dict, str]]:
    # in the order recorded: a sponsor's costs draw on its money in that order
    for x in sorted(sq.spending(conn), key=lambda x: x["id"]):
        yield _spending_row(session, conn, x), x["person_uid"]


# -- production, sales, payouts --------------------------------------------------------------

def _production_row(session: Session, conn: sqlite3.Connection, b: sqlite3.Row) -> dict:
    makers = pq.maker_rows(conn, b["id"])
    return {"product": b["product"], "produced_on": b["produced_on"], "qty": b["qty"],
            "makers": ", ".join(regno_text(session, m) for m in makers),
            "shares": ",".join(str(m["weight"]) for m in makers), "batch": b["batch"],
            "maker_uids": ",".join(m["person_uid"] for m in makers),
            "production_uid": b["uid"]}


def _production_rows(session: Session, conn: sqlite3.Connection) -> Iterator[tuple[dict, str]]:
    for b in pq.export_production(conn):
        yield _production_row(session, conn, b), None


def _sale_row(s: sqlite3.Row) -> dict:
    return {"product": s["product"], "sold_on": s["sold_on"], "qty": s["qty"],
            "price": s["price"], "channel": s["channel"], "buyer": s["buyer"], "ref": s["ref"],
            "premi_share": s["premi_share"], "cooperative_share": s["cooperative_share"],
            "sale_uid": s["uid"]}


def _sale_rows(session: Session, conn: sqlite3.Connection) -> Iterator[tuple[dict, str]]:
    # in the order recorded: each takes the oldest stock left by the ones before it
    for s in pq.export_sales(conn):
        yield _sale_row(s), None


def _payout_row(session: Session, conn: sqlite3.Connection, y: sqlite3.Row) -> dict:
    return {"paid_on": y["paid_on"], "amount": y["amount"], "ref": y["ref"],
            "payout_uid": y["uid"], **_person_cells(session, conn, y["person_uid"])}


def _payout_rows(session: Session, conn: sqlite3.Connection) -> Iterator[tuple[dict, str]]:
    for y in pq.export_payouts(conn):
        yield _payout_row(session, conn, y), y["person_uid"]


_SPONSOR_KINDS = {"sponsors": _sponsor_rows, "donations": _donation_rows,
                  "adoptions": _adoption_rows, "spending": _spending_rows,
                  "production": _production_rows, "sales": _sale_rows,
                  "payouts": _payout_rows}


def _previous_regno(session: Session, verdict: dict) -> str:
    before = verdict["previous"]
    return RegisterNumber(before["register_class"], before["reg_seq"], before["reg_year"]
                          ).format(session.config.regno_format)


def _verdict_row(session: Session, verdict: dict, stay: sqlite3.Row) -> dict:
    """A verdict as a row: the stay named by its number before the verdict; the class,
    number and sentence it has now."""
    return {"reg_no": _previous_regno(session, verdict),
            "sentenced_on": verdict["on"], "register_class": stay["register_class"],
            "sentence": _sentence_text(stay), "new_reg_no": regno_text(session, stay)}


def _void_row(kind: str, payload: dict) -> dict:
    target = {"release.voided": "release", "remission.voided": "remission"}.get(
        kind, payload.get("track"))
    return {"target": target, "act_on": payload["on"],
            "kind": payload.get("kind") if kind == "remission.voided" else None,
            "reason": payload["reason"]}


def _stay_of_void(conn: sqlite3.Connection, kind: str, payload: dict,
                  person_uid: str) -> sqlite3.Row:
    if kind == "release.voided":
        return queries.stay_by_uid(conn, payload["uid"])
    if kind == "remission.voided":
        return queries.stay_by_uid(conn, payload["stay"])
    enrolment = queries.enrolment_by_uid(conn, payload["uid"])
    stay_uid = queries.stay_uid_of(conn, enrolment["stay_id"]) if enrolment else \
        queries.enrolment_payload(conn, person_uid, payload["uid"])["stay"]
    return queries.stay_by_uid(conn, stay_uid)


def _all(session: Session, conn: sqlite3.Connection) -> Iterator[tuple[dict, str]]:
    """Every user's act in ledger order; what the system did by itself (waitlist moves,
    enrolments ended by a release, places given back by a voided release) is left out,
    since the import does it again. Each row holds the record as it is now: a later
    correction is in the row of the act it corrects (as a person's corrections are in
    their participants row). An act that was voided is written as it was, and its void
    after it, so the import cancels it again. A stay is named by the register number it
    had at that point (a verdict may give it a new one)."""
    verdicts = queries.verdict_events(conn)
    release_on: dict[str, str] = {}   # subject -> date of a release just seen
    donations: dict[str, dict] = {}   # uid -> a donation as it stood at that point
    # sponsors first, as they are now: a place of an older ledger names one in free text
    # before its sponsor was registered (by ``init``), and nothing else comes before them
    for row, _ in _sponsor_rows(session, conn):
        yield {"record": "sponsors", **row}, None

    def reg_no(stay: sqlite3.Row, seq: int) -> str:
        verdict = verdicts.get(stay["stay_uid"])
        if verdict is not None and seq < verdict[0]:
            return _previous_regno(session, verdict[1])
        return regno_text(session, stay)

    for event in queries.all_events(conn):
        kind, subject, seq = event["kind"], event["subject"], event["seq"]
        payload = json.loads(event["payload"])
        if kind != "enrolment.dropped":
            release_on.pop(subject, None)
        if kind == "stay.admitted":
            stay = queries.stay_by_uid(conn, payload["uid"])
            person = queries.person_by_id(conn, stay["person_id"])
            row = _participant_row(session, stay, person, person["uid"])
            if stay["stay_uid"] in verdicts:     # registered before the verdict: pre-trial
                row.update(reg_no=reg_no(stay, seq), sentence="")
            yield {"record": "participants", **row}, person["uid"]
        elif kind in ("enrolment.assigned", "enrolment.waitlisted"):
            enrolment = queries.enrolment_by_uid(conn, payload["uid"])
            stay = queries.stay_by_uid(conn, payload["stay"])
            yield {"record": "enrolments", "reg_no": reg_no(stay, seq),
                   "track": payload["track"], "assigned_on": payload["on"],
                   "sponsor": (enrolment["sponsor_code"] or enrolment["sponsor"]) if enrolment
                   else payload.get("sponsor")}, None
        elif kind == "enrolment.completed":
            enrolment, stay = _enrolment_of(conn, subject, payload["uid"])
            now = enrolment if enrolment is not None else payload
            yield {"record": "completions", "reg_no": reg_no(stay, seq),
                   "track": now["track"], "completed_on": payload["on"],
                   "hours": now["hours"], "result": now["result"],
                   "certificate": now["certificate"]}, None
        elif kind == "enrolment.dropped":
            if release_on.get(subject) == payload["on"]:
                continue   # ended by the release just before it
            enrolment, stay = _enrolment_of(conn, subject, payload["uid"])
            yield {"record": "drops", "reg_no": reg_no(stay, seq),
                   "track": (enrolment or payload)["track"], "dropped_on": payload["on"],
                   "reason": enrolment["reason"] if enrolment and enrolment["reason"]
                   else payload["reason"]}, None
        elif kind == "remission.granted":
            stay = queries.stay_by_uid(conn, payload["stay"])
            remission = queries.remission_by_uid(conn, payload["uid"])
            yield {"record": "remissions", "reg_no": reg_no(stay, seq),
                   "granted_on": payload["on"], "kind": payload["kind"],
                   "days": remission["days"] if remission else payload["days"],
                   "override": payload.get("override")}, None
        elif kind == "stay.released":
            stay = queries.stay_by_uid(conn, payload["uid"])
            release_on[subject] = payload["on"]
            yield {"record": "releases", "reg_no": reg_no(stay, seq),
                   "released_on": payload["on"], "release_type": payload["type"],
                   "override": payload.get("override"), "to_lapas": payload.get("to")}, None
        elif kind == "stay.sentenced":
            stay = queries.stay_by_uid(conn, payload["uid"])
            yield {"record": "verdicts", **_verdict_row(session, payload, stay)}, None
        elif kind == "stay.returned":
            stay = queries.stay_by_uid(conn, payload["uid"])
            yield {"record": "returns", "reg_no": reg_no(stay, seq),
                   "returned_on": payload["on"], "from_lapas": payload.get("from")}, None
        elif kind == "stay.revoked":
            stay = queries.stay_by_uid(conn, payload["uid"])
            yield {"record": "revocations", "reg_no": reg_no(stay, seq),
                   "revoked_on": payload["on"], "reason": payload["reason"]}, None
        elif kind in queries.VOIDED_KINDS and not payload.get("cause"):
            stay = _stay_of_void(conn, kind, payload, subject)
            yield {"record": "voids", "reg_no": reg_no(stay, seq),
                   **_void_row(kind, payload)}, None
        elif kind == "donation.recorded":
            sponsor = sq.sponsor_by_uid(conn, payload["sponsor"])
            donations[payload["uid"]] = {**payload, "sponsor": sponsor["code"]}
            yield {"record": "donations", **_donation_row(
                session, conn, donations[payload["uid"]])}, payload.get("person")
        elif kind in ("donation.corrected", "donation.voided"):
            # as it stood after the change, at the point it was made
            state = donations[payload["uid"]]
            if kind == "donation.voided":
                state.update(voided_on=payload["on"], void_reason=payload["reason"])
            else:
                state.update(payload["changes"])
            yield {"record": "donation_changes", **_donation_row(session, conn, state)}, \
                state.get("person")
        elif kind == "adoption.recorded":
            adoption = next(a for a in sq.adoptions(conn) if a["uid"] == payload["uid"])
            yield {"record": "adoptions", **_adoption_row(session, conn, adoption)}, \
                adoption["person_uid"]
        elif kind == "spending.recorded":
            yield {"record": "spending", **_spending_row(
                session, conn, sq.spending_by(conn, "uid", payload["uid"]))}, payload.get("person")
        elif kind == "production.recorded":
            yield {"record": "production", **_production_row(
                session, conn, pq.batch_by_uid(conn, payload["uid"]))}, None
        elif kind == "sale.recorded":
            yield {"record": "sales", **_sale_row(pq.sale_by(conn, "uid", payload["uid"]))}, None
        elif kind == "premi.paid":
            payout = pq.payout_by(conn, "uid", payload["uid"])
            yield {"record": "payouts", **_payout_row(session, conn, {
                **dict(payout), "person_uid": payload["person"]})}, payload["person"]


def _enrolment_of(conn: sqlite3.Connection, person_uid: str, uid: str
                  ) -> tuple[sqlite3.Row | None, sqlite3.Row]:
    """An enrolment as it is now (None when its assignment was voided) and its stay."""
    enrolment = queries.enrolment_by_uid(conn, uid)
    stay_uid = queries.stay_uid_of(conn, enrolment["stay_id"]) if enrolment else \
        queries.enrolment_payload(conn, person_uid, uid)["stay"]
    return enrolment, queries.stay_by_uid(conn, stay_uid)


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
    if reveal and privacy.revealed_sponsors:
        sponsors.record_access(session, sorted(privacy.revealed_sponsors),
                               command=f"export {kind}")
    return count
