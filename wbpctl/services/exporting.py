"""``wbpctl export``: the same columns ``wbpctl import`` reads.

``all`` writes every record of the ledger in the order it was made (one kind
per row), so importing it into an empty database replays the same decisions
and gives the same tables; the other kinds are lists for spreadsheets.

An anonymised export (``anonymize``) is meant to leave the Lapas: direct identifiers
and free texts are dropped, identifiers become keyed pseudonyms, and what could still
single a person out (the quasi-identifiers) is generalised: dates to their month, the
birth date to a five-year age band at detention, the offence to its category, the
sentence to its band. Its k (the smallest group of rows alike on all that is left) is
computed before anything is written, and an export under ``min_k`` is refused.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Callable, Iterator, NamedTuple

from ..domain.bands import SENTENCE_BANDS, age_on, five_year_band, month_of, sentence_band
from ..domain.enrolment import DROP_REASONS
from ..domain.errors import Invalid, Rejected
from ..domain.nik import mask_nik
from ..domain.offences import categorize
from ..domain.privacy import pseudonym, smallest_group
from ..domain.regno import RegisterNumber
from ..domain.sentence import parse_sentence
from ..domain.sponsors import mask_contact
from ..store import queries
from ..store import product_queries as pq
from ..store import sponsor_queries as sq
from . import sponsors
from .participants import record_access, regno_text, stay_sentence
from .privacy import export_key
from .session import Session
from .transfer_kinds import KINDS

# what an anonymised export leaves out (direct identifiers and free texts), replaces by
# a pseudonym, or shows by month
DROPPED = ("name", "nik", "certificate", "sponsor", "override", "crime", "contact", "buyer",
           "in_kind", "what", "ref", "void_reason")
PSEUDONYMISED = ("reg_no", "new_reg_no", "person_uid", "sponsor_uid", "donation_uid",
                 "spending_uid", "production_uid", "sale_uid", "payout_uid")
PSEUDONYMISED_LISTS = ("makers", "maker_uids")      # a batch's makers, comma-separated
DATES = ("detained_on", "admitted_on", "released_on", "granted_on", "assigned_on",
         "completed_on", "dropped_on", "sentenced_on", "returned_on", "revoked_on", "act_on",
         "received_on", "voided_on", "from_on", "until_on", "spent_on", "produced_on",
         "sold_on", "paid_on")
# a kind whose rows name no one (sales, the sponsor registry) has no k to compute
NAMES_PEOPLE = ("reg_no", "person_uid", "makers")
MIN_K = 5


def columns(kind: str, *, anonymize: bool = False) -> tuple[str, ...]:
    """The columns an export of ``kind`` writes; an anonymised one drops the identifying
    ones and has an age band where the birth date was."""
    names = KINDS[kind].columns
    if not anonymize:
        return names
    return tuple("age_band" if c == "birth_date" else c for c in names if c not in DROPPED)


def quasi_identifiers(kind: str) -> tuple[str, ...]:
    """What k is computed over: every column an anonymised export keeps but pseudonyms
    (new for each export, unless linkable); none when its rows name no one."""
    kept = columns(kind, anonymize=True)
    if not any(c in kept for c in NAMES_PEOPLE):
        return ()
    return tuple(c for c in kept if c not in PSEUDONYMISED + PSEUDONYMISED_LISTS)


class Exported(NamedTuple):
    rows: int
    k: int | None            # anonymised exports: the smallest group of rows alike


def _sentence_text(stay: sqlite3.Row) -> str:
    sentence = stay_sentence(stay)
    return sentence.text() if sentence else ""


def _masked(row: dict, person_uid: str | None, revealed: set[str]) -> dict:
    """A NIK (or a sponsor's contact) leaves unmasked only for the people (sponsors) in
    ``revealed``: those whose access was recorded before the export began."""
    if row.get("nik") and person_uid not in revealed:
        row["nik"] = mask_nik(row["nik"])
    if row.get("contact") and row.get("sponsor_uid") not in revealed:
        row["contact"] = mask_contact(row["contact"])
    return row


def _band_of(text: str) -> str:
    try:
        return sentence_band(parse_sentence(text))
    except Invalid:          # a term an older wbpctl let in (over 20 years)
        return SENTENCE_BANDS[-1]


def _anonymous(row: dict, names: tuple[str, ...], key: bytes, session: Session) -> dict:
    """``row`` in the columns ``names``, with identifiers as pseudonyms and
    quasi-identifiers generalised."""
    out = {c: row.get(c) for c in names}
    for name in PSEUDONYMISED:
        if out.get(name):
            out[name] = pseudonym(out[name], key)
    for name in PSEUDONYMISED_LISTS:
        if out.get(name):
            out[name] = ", ".join(pseudonym(part.strip(), key) for part in out[name].split(","))
    if "age_band" in out:
        born, detained = row.get("birth_date"), row.get("detained_on")
        out["age_band"] = None
        if born and detained:
            out["age_band"] = five_year_band(age_on(date.fromisoformat(born),
                                                    date.fromisoformat(detained)))
    if "crime" in row and not out.get("crime_category"):       # a stay: its category
        out["crime_category"] = categorize(row["crime"], session.config.offence_rules)
    if out.get("sentence"):
        out["sentence"] = _band_of(out["sentence"])
    for name in DATES:
        if out.get(name):
            out[name] = month_of(out[name])
    if out.get("reason") and out["reason"] not in DROP_REASONS:
        out["reason"] = ""           # a free text (a void's, a revocation's)
    return out


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

    for event in queries.own_events(conn):
        kind, subject, seq, payload = event.kind, event.subject, event.seq, event.payload
        if kind != "enrolment.dropped":
            release_on.pop(subject, None)
        if kind in ("stay.admitted", "person.admitted"):
            stay = queries.stay_by_uid(conn, payload["stay" if kind == "person.admitted"
                                                    else "uid"])
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
           reveal: bool = False, anonymize: bool = False, linkable: bool = False,
           min_k: int = MIN_K, begin: Callable[[], None] = lambda: None,
           anonymised: Callable[[Exported], None] = lambda done: None) -> Exported:
    """Stream the rows of one kind to ``write_row`` from one snapshot; returns how many
    (and k, for an anonymised export). ``begin`` is called once before the first row (a
    header, an opening bracket): never when nothing may be written.

    NIK is masked unless ``reveal``; ``anonymize`` writes an anonymised export (see the
    module's docstring), its pseudonyms keyed afresh unless ``linkable``, and tells
    ``anonymised`` its size and k before the first row.

    A reveal is recorded before anything leaves: a first pass finds whose NIK the export
    holds, their accesses are committed, and only then do rows flow. If the access cannot
    be recorded (the database locked, read-only, full), nothing is written. A reader that
    stops early (``| head``) has seen only what was recorded; someone registered between
    the two passes is exported masked.
    """
    if anonymize:
        return _export_anonymised(session, kind, write_row, linkable, min_k, begin,
                                  anonymised)
    names = KINDS[kind].columns
    revealed: set[str] = set()
    if session.reveals(reveal):
        with session.reading() as conn:
            # 'all' holds a NIK only in its participants rows: the same people
            people = {uid for row, uid in _rows(session, conn, "participants" if kind == "all"
                                                else kind) if uid and row.get("nik")}
            contacts = {row["sponsor_uid"] for row, _ in _rows(session, conn, "sponsors")
                        if row["contact"]} if kind in ("sponsors", "all") else set()
        record_access(session, sorted(people), fields=["nik"], command=f"export {kind}")
        sponsors.record_access(session, sorted(contacts), command=f"export {kind}")
        revealed = people | contacts
    begin()
    count = 0
    with session.reading() as conn:
        for row, uid in _rows(session, conn, kind):
            write_row(_masked({c: row.get(c) for c in names}, uid, revealed))
            count += 1
    return Exported(count, None)


def _export_anonymised(session: Session, kind: str, write_row: Callable[[dict], None],
                       linkable: bool, min_k: int, begin: Callable[[], None],
                       anonymised: Callable[[Exported], None]) -> Exported:
    """Every row generalised in memory (a few columns each) so that k is known before
    anything is written."""
    key = export_key(session, linkable)
    names = columns(kind, anonymize=True)
    with session.reading() as conn:
        rows = [_anonymous(row, names, key, session) for row, _ in _rows(session, conn, kind)]
    identifying = quasi_identifiers(kind)
    k = smallest_group(rows, identifying) if identifying else None
    if rows and k is not None and k < min_k:
        raise Rejected("anonymize_k_too_small", k=k, min_k=min_k,
                       columns=", ".join(identifying))
    done = Exported(len(rows), k)
    anonymised(done)
    begin()
    for row in rows:
        write_row(row)
    return done
