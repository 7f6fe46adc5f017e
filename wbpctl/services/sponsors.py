"""Sponsors (donatur, "adopsi WBP"): the registry, donations, adoptions and spending.

One function per use case, shared by the single command, the import and the demo. Money
is whole rupiah (``domain.money``); what a sponsor has left is worked out by
``domain.funds`` from the donations and the spending recorded, never stored.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date

from ..domain import funds
from ..domain.errors import Invalid, Message, Notice, NotFound, Rejected
from ..domain.money import Rupiah, parse_rupiah
from ..domain.people import clean_name, clean_receipt, clean_text
from ..domain.uids import is_uid, parse_uid
from ..domain.sponsors import (PUBLIC_FUNDS, code_from_name, free_code, mask_contact, name_key,
                               parse_code, parse_consent, parse_kind)
from ..store import queries
from ..store import sponsor_queries as sq
from ..store.chain import new_uid
from .participants import find_person, regno_text
from .session import Session, Tx

# -- finding --------------------------------------------------------------------------------

def find_sponsor(conn: sqlite3.Connection, text: str) -> sqlite3.Row:
    """A sponsor by its code (``yayasan-peduli``, any case), its name as registered (any
    case and spacing), or its global id: the same lookup as a track."""
    wanted = str(text).strip()
    row = None
    if is_uid(wanted):
        row = sq.sponsor_by_uid(conn, wanted.lower())
    if row is None and wanted:
        row = sq.sponsor_by_code(conn, wanted.upper()) or \
            sq.sponsor_named(conn, name_key(wanted))
    if row is None:
        if wanted.upper() in PUBLIC_FUNDS:
            raise Rejected("sponsor_is_public_fund", sponsor=wanted.upper())
        raise NotFound("sponsor_not_found", sponsor=text)
    return row


def find_donation(conn: sqlite3.Connection, text: str) -> sqlite3.Row:
    """A donation by its receipt number (``--ref``), its number in ``donation list``
    (``12`` or ``#12``) or its global id."""
    wanted = str(text).strip()
    row = sq.donation_by(conn, "ref", wanted) if wanted else None
    if row is None and is_uid(wanted):
        row = sq.donation_by(conn, "uid", wanted.lower())
    if row is None and re.fullmatch(r"#?\d+", wanted):
        row = sq.donation_by(conn, "id", int(wanted.lstrip("#")))
    if row is None:
        raise NotFound("donation_not_found", donation=text)
    return row


# -- the registry ---------------------------------------------------------------------------

class _Codes:
    """``code in codes``: asked of the registry's unique index of codes, not of every
    code read into memory (``free_code`` tries a few)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __contains__(self, code: object) -> bool:
        return sq.sponsor_by_code(self.conn, str(code)) is not None


def register(session: Session, *, name: str, kind: str | None, contact: str | None = None,
             code: str | None = None, uid: str | None = None, tx: Tx | None = None) -> dict:
    """Register a sponsor (``sponsor.registered``) under a code made from its name unless
    one is given. A name already registered (in any case) is refused: a name finds a
    sponsor."""
    clean = clean_name(name)
    kind_value = parse_kind(kind) if kind not in (None, "") else None
    contact_value = clean_text(contact, field="contact", maximum=200)
    wanted = parse_code(code) if code not in (None, "") else None
    sponsor_uid = parse_uid(uid, "sponsor_uid") or new_uid()
    with session.transaction(tx) as tx:
        same = sq.sponsor_named(tx.conn, name_key(clean))
        if same is not None:
            raise Invalid("name", clean, "sponsor_name_taken", code=same["code"])
        codes = _Codes(tx.conn)
        if wanted in codes:
            raise Invalid("code", code, "sponsor_code_taken")
        if sq.sponsor_by_uid(tx.conn, sponsor_uid):
            raise Invalid("sponsor_uid", uid, "person_uid_taken")
        final = wanted or free_code(code_from_name(clean), codes)
        tx.record("sponsor.registered", sponsor_uid, {
            "uid": sponsor_uid, "code": final, "name": clean, "kind": kind_value,
            "contact": contact_value})
    return {"uid": sponsor_uid, "code": final, "name": clean, "kind": kind_value}


def correct(session: Session, sponsor: str, *, name: str | None = None,
            kind: str | None = None, contact: str | None = None, tx: Tx | None = None) -> dict:
    """Correct a sponsor's name, kind or contact (``sponsor.corrected``); only what differs
    is recorded, nothing differing, no event. The code stays: places and exports name it."""
    with session.transaction(tx) as tx:
        row = find_sponsor(tx.conn, sponsor)
        changes: dict = {}
        if name is not None and clean_name(name) != row["name"]:
            changes["name"] = clean_name(name)
            other = sq.sponsor_named(tx.conn, name_key(changes["name"]),
                                     other_than=row["id"])
            if other is not None:
                raise Invalid("name", name, "sponsor_name_taken", code=other["code"])
        if kind is not None and parse_kind(kind) != row["kind"]:
            changes["kind"] = parse_kind(kind)
        if contact is not None and clean_text(contact, field="contact", maximum=200) \
                != row["contact"]:
            changes["contact"] = clean_text(contact, field="contact", maximum=200)
        if changes:
            tx.record("sponsor.corrected", row["uid"], {"uid": row["uid"], "changes": changes})
    return {"code": row["code"], "name": changes.get("name", row["name"]), "changes": changes}


def link_free_texts(tx: Tx) -> int:
    """Older ledgers named a place's sponsor in free text: each text (spellings that differ
    only in case and spacing together) becomes a registered sponsor, its kind not yet
    said, and the places are linked to it by the same event; the texts stay as recorded.
    Run by ``init``; returns how many sponsors were made (0 when there is nothing to do)."""
    texts = sq.unlinked_sponsor_texts(tx.conn)
    groups: dict[str, list[str]] = {}
    for text in texts:
        groups.setdefault(name_key(text), []).append(text)
    existing = {name_key(r["name"]): r for r in sq.sponsors(tx.conn)}
    codes = {r["code"] for r in existing.values()}
    for key, spellings in groups.items():
        if key in existing:      # registered since under that very name
            uid = existing[key]["uid"]
            tx.record("sponsor.corrected", uid, {"uid": uid, "changes": {}, "texts": spellings})
            continue
        code = free_code(code_from_name(spellings[0]), codes)
        codes.add(code)
        uid = new_uid()
        tx.record("sponsor.registered", uid, {"uid": uid, "code": code, "name": spellings[0],
                                               "kind": None, "contact": None,
                                               "texts": spellings})
    return len(groups)


def record_access(session: Session, sponsor_uids: list[str], *, command: str) -> None:
    """A sponsor's contact is personal data: the ledger records who saw it unmasked."""
    if not sponsor_uids:
        return
    with session.transaction() as tx:
        for uid in sponsor_uids:
            tx.record("sponsor.accessed", uid, {"uid": uid, "fields": ["contact"],
                                                "command": command})


def _contact(contact: str | None, shown: bool) -> str | None:
    return contact if shown else mask_contact(contact)


# -- money of one sponsor -------------------------------------------------------------------

def _gifts(conn: sqlite3.Connection, sponsor_id: int, before: str | None = None
           ) -> list[funds.Gift]:
    return [funds.Gift(r["purpose"], r["track"] if r["purpose"] == "track" else
                       r["person_uid"] if r["purpose"] == "person" else None, r["amount"])
            for r in sq.cash_gifts(conn, sponsor_id, before)]


def _costs(conn: sqlite3.Connection, sponsor_id: int, before: str | None = None
           ) -> list[funds.Cost]:
    return [funds.Cost(r["track"], r["person_uid"], r["amount"])
            for r in sq.sponsored_costs(conn, sponsor_id, before)]


def pools(conn: sqlite3.Connection, sponsor_id: int, before: str | None = None
          ) -> dict[funds.Pool, int]:
    """What the sponsor has left for each purpose (spending dated before ``before``)."""
    return funds.balances(_gifts(conn, sponsor_id, before), _costs(conn, sponsor_id, before))


def _overdrawn(conn: sqlite3.Connection, sponsor: sqlite3.Row) -> list[Notice]:
    """A warning per purpose the sponsor's spending now exceeds (a donation lowered or
    voided after it was spent)."""
    return [Notice("sponsor_overdrawn", sponsor=sponsor["code"],
                   purpose=_pool_text(conn, pool) or Message("v_general"),
                   amount=Rupiah(-amount))
            for pool, amount in funds.overdrawn(pools(conn, sponsor["id"])).items()]


def _pool_text(conn: sqlite3.Connection, pool: funds.Pool) -> str:
    kind, target = pool
    if kind == "person":
        person = queries.person_by_uid(conn, target)
        return person["name"] if person else target
    return target if kind == "track" else None


# -- donations ------------------------------------------------------------------------------

def _money(amount: object, in_kind: str | None, value: object) -> tuple[int, str | None]:
    """(rupiah, goods): cash (``amount``) or goods with their value (``in_kind``, ``value``)."""
    goods = clean_text(in_kind, field="in_kind", maximum=200)
    if goods:
        if amount not in (None, ""):
            raise Invalid("amount", amount, "donation_amount_and_goods")
        if value in (None, ""):
            raise Invalid("value", "", "donation_goods_value")
        return parse_rupiah(value, field="value"), goods
    if value not in (None, ""):
        raise Invalid("value", value, "donation_value_without_goods")
    if amount in (None, ""):
        raise Invalid("amount", "", "donation_amount_required")
    return parse_rupiah(amount, field="amount"), None


def _purpose(session: Session, conn: sqlite3.Connection, for_track: str | None,
             for_who: str | None, general: bool) -> tuple[str, str | None, sqlite3.Row | None]:
    """(purpose, track, person): one of a track, a person, or the programme (general)."""
    from .enrolments import track_code

    given = [text for text in (for_track, for_who) if text not in (None, "")]
    if len(given) > 1 or (given and general):
        raise Invalid("for", ", ".join(given), "donation_one_purpose")
    if for_track not in (None, ""):
        return "track", track_code(conn, for_track), None
    if for_who not in (None, ""):
        return "person", None, find_person(session, conn, for_who)
    return "general", None, None


def add_donation(session: Session, sponsor: str, *, on: str | date | None = None,
                 amount: object = None, in_kind: str | None = None, value: object = None,
                 for_track: str | None = None, for_who: str | None = None,
                 general: bool = False, ref: str | None = None, uid: str | None = None,
                 tx: Tx | None = None) -> dict:
    """Record a donation (``donation.recorded``): cash, or goods at their value, for a
    track, a person or the programme; ``ref`` (a receipt number) is unique."""
    rupiah, goods = _money(amount, in_kind, value)
    receipt = clean_receipt(ref)
    donation_uid = parse_uid(uid, "donation_uid") or new_uid()
    with session.transaction(tx) as tx:
        row = find_sponsor(tx.conn, sponsor)
        when = session.date_or_today(on, "on")
        purpose, track, person = _purpose(session, tx.conn, for_track, for_who, general)
        if receipt and sq.donation_by(tx.conn, "ref", receipt):
            raise Invalid("ref", receipt, "donation_ref_used")
        if sq.donation_by(tx.conn, "uid", donation_uid):
            raise Invalid("donation_uid", uid, "person_uid_taken")
        tx.record("donation.recorded", person["uid"] if person else row["uid"], {
            "uid": donation_uid, "sponsor": row["uid"], "on": when.isoformat(),
            "amount": rupiah, "in_kind": goods, "purpose": purpose, "track": track,
            "person": person["uid"] if person else None, "ref": receipt})
        number = sq.donation_by(tx.conn, "uid", donation_uid)["id"]
    return {"id": number, "uid": donation_uid, "sponsor": row["code"], "name": row["name"],
            "on": when.isoformat(), "amount": Rupiah(rupiah), "in_kind": goods,
            "purpose": purpose, "for": track or (person["name"] if person else None)}


def correct_donation(session: Session, donation: str, *, on: str | date | None = None,
                     amount: object = None, in_kind: str | None = None, value: object = None,
                     for_track: str | None = None, for_who: str | None = None,
                     general: bool = False, ref: str | None = None,
                     tx: Tx | None = None) -> dict:
    """Correct what was recorded of a donation (``donation.corrected``): its date, amount
    (``amount`` makes it cash; ``in_kind``/``value`` goods), purpose or receipt number.
    A correction that leaves the sponsor's spending above what it gave is recorded with a
    warning (the spending happened)."""
    with session.transaction(tx) as tx:
        row = find_donation(tx.conn, donation)
        if row["voided_on"]:
            raise Rejected("donation_voided", donation=donation, on=row["voided_on"])
        changes: dict = {}
        if on not in (None, ""):
            changes["on"] = session.date(on, "on").isoformat()
        if amount not in (None, "") or in_kind not in (None, "") or value not in (None, ""):
            goods = in_kind if in_kind not in (None, "") else (
                row["in_kind"] if amount in (None, "") else None)
            worth = value if value not in (None, "") else (
                row["amount"] if goods and amount in (None, "") else None)
            changes["amount"], changes["in_kind"] = _money(amount, goods, worth)
        if for_track not in (None, "") or for_who not in (None, "") or general:
            purpose, track, person = _purpose(session, tx.conn, for_track, for_who, general)
            changes.update(purpose=purpose, track=track,
                           person=person["uid"] if person else None)
        if ref not in (None, ""):
            receipt = clean_receipt(ref)
            other = sq.donation_by(tx.conn, "ref", receipt)
            if other is not None and other["id"] != row["id"]:
                raise Invalid("ref", receipt, "donation_ref_used")
            changes["ref"] = receipt
        recorded = {"on": row["received_on"], "amount": row["amount"], "in_kind": row["in_kind"],
                    "purpose": row["purpose"], "track": row["track"],
                    "person": row["person_uid"], "ref": row["ref"]}
        changes = {k: v for k, v in changes.items() if v != recorded[k]}
        notices: list[Notice] = []
        if changes:
            tx.record("donation.corrected", changes.get("person") or row["person_uid"]
                      or row["sponsor_uid"], {"uid": row["uid"], "changes": changes})
            notices = _overdrawn(tx.conn, sq.sponsor_by_uid(tx.conn, row["sponsor_uid"]))
    return {"id": row["id"], "sponsor": row["sponsor_code"], "changes": changes,
            "notices": notices}


def void_donation(session: Session, donation: str, *, reason: str,
                  on: str | date | None = None, tx: Tx | None = None) -> dict:
    """A donation entered in error, or that never arrived (``donation.voided``): it stays
    in the ledger and in the lists, marked void, and no longer counts."""
    why = clean_text(reason, field="reason")
    if not why:
        raise Invalid("reason", reason, "void_reason_required")
    with session.transaction(tx) as tx:
        row = find_donation(tx.conn, donation)
        if row["voided_on"]:
            raise Rejected("donation_voided", donation=donation, on=row["voided_on"])
        when = session.date_or_today(on, "on")
        tx.record("donation.voided", row["person_uid"] or row["sponsor_uid"], {"uid": row["uid"],
                                                          "on": when.isoformat(), "reason": why})
        notices = _overdrawn(tx.conn, sq.sponsor_by_uid(tx.conn, row["sponsor_uid"]))
    return {"id": row["id"], "sponsor": row["sponsor_code"], "amount": Rupiah(row["amount"]),
            "on": when.isoformat(), "reason": why, "notices": notices}


# -- adoption -------------------------------------------------------------------------------

def adopt(session: Session, sponsor: str, who: str, *, start: str | date,
          until: str | date | None = None, consent: object = None,
          tx: Tx | None = None) -> dict:
    """``adopt SPONSOR WHO --from D``: the sponsor supports the person over a period. The
    person's consent to be named to the sponsor is recorded (default no: the sponsor sees
    initials and register class only). The same sponsor, person and start again with
    another end or consent is a correction (``adoption.corrected``)."""
    with session.transaction(tx) as tx:
        row = find_sponsor(tx.conn, sponsor)
        person = find_person(session, tx.conn, who, own=True)
        begins = session.date(start, "from", allow_future=True)
        ends = session.date(until, "until", allow_future=True) if until not in (None, "") \
            else None
        if ends is not None and ends < begins:
            raise Invalid("until", ends.isoformat(), "adoption_ends_before",
                          start=begins.isoformat())
        first = queries.stays_of(tx.conn, person["id"])[0]
        if begins.isoformat() < first["admitted_on"]:
            raise Invalid("from", begins.isoformat(), "adoption_before_stay",
                          began=first["admitted_on"])
        agreed = parse_consent(consent) if consent is not None else None
        mine = sq.adoptions(tx.conn, sponsor_id=row["id"], person_id=person["id"])
        same = next((a for a in mine if a["from_on"] == begins.isoformat()), None)
        if same is not None:
            changes: dict = {}
            if until not in (None, "") and ends.isoformat() != same["until_on"]:
                changes["until"] = ends.isoformat()
            if agreed is not None and agreed != bool(same["consent"]):
                changes["consent"] = agreed
            if changes:
                tx.record("adoption.corrected", person["uid"], {"uid": same["uid"],
                                                                "changes": changes})
            return {"sponsor": row["code"], "name": person["name"], "from": same["from_on"],
                    "new": False, "changes": changes}
        for other in mine:
            if (other["until_on"] is None or other["until_on"] >= begins.isoformat()) and \
                    (ends is None or other["from_on"] <= ends.isoformat()):
                raise Rejected("adoption_overlaps", sponsor=row["code"], who=who,
                               start=other["from_on"], until=other["until_on"] or "-")
        tx.record("adoption.recorded", person["uid"], {
            "uid": new_uid(), "sponsor": row["uid"], "person": person["uid"],
            "from": begins.isoformat(), "until": ends.isoformat() if ends else None,
            "consent": bool(agreed)})
    return {"sponsor": row["code"], "name": person["name"], "from": begins.isoformat(),
            "until": ends.isoformat() if ends else None, "consent": bool(agreed), "new": True,
            "changes": {}}


# -- spending -------------------------------------------------------------------------------

def parse_funder(conn: sqlite3.Connection, text: str | None) -> tuple[str, sqlite3.Row | None]:
    """(APBD | DIPA | sponsor, the sponsor's row): who pays; APBD when nobody is named."""
    if text in (None, "") or str(text).strip().upper() in PUBLIC_FUNDS:
        return (str(text).strip().upper() if text not in (None, "") else "APBD"), None
    return "sponsor", find_sponsor(conn, text)


def spend(session: Session, *, track: str, on: str | date | None = None, amount: object,
          what: str, funded_by: str | None = None, for_who: str | None = None,
          override: str | None = None, ref: str | None = None, uid: str | None = None,
          tx: Tx | None = None) -> dict:
    """Record a cost of a track (``spending.recorded``), funded by a sponsor, APBD or DIPA.
    A sponsor's cost draws on what it gave for that person, that track, then the programme
    (``domain.funds``); more than that is refused unless ``override`` says why."""
    from .enrolments import track_code

    rupiah = parse_rupiah(amount, field="amount")
    description = clean_text(what, field="what", maximum=200)
    if not description:
        raise Invalid("what", what or "", "what_required")
    reason = clean_text(override, field="override")
    receipt = clean_receipt(ref)
    spending_uid = parse_uid(uid, "spending_uid") or new_uid()
    with session.transaction(tx) as tx:
        code = track_code(tx.conn, track)
        when = session.date_or_today(on, "on")
        funder, sponsor = parse_funder(tx.conn, funded_by)
        person = find_person(session, tx.conn, for_who, own=True) if for_who not in (None, "") else None
        if receipt and sq.spending_by(tx.conn, "ref", receipt):
            raise Invalid("ref", receipt, "spending_ref_used")
        left = None
        if sponsor is not None:
            cost = funds.Cost(code, person["uid"] if person else None, rupiah)
            gifts, costs = _gifts(tx.conn, sponsor["id"]), _costs(tx.conn, sponsor["id"])
            short = funds.shortfall(gifts, costs, cost)
            if short and not reason:
                raise Rejected("overspend", sponsor=sponsor["code"], track=code,
                               amount=Rupiah(rupiah), available=Rupiah(rupiah - short))
            after = funds.balances(gifts, [*costs, cost])
            left = sum(after.get(pool, 0) for pool in funds.draw_order(cost))
        payload = {"uid": spending_uid, "track": code, "on": when.isoformat(),
                   "amount": rupiah, "what": description, "funded_by": funder,
                   "sponsor": sponsor["uid"] if sponsor else None,
                   "person": person["uid"] if person else None, "ref": receipt}
        if reason:
            payload["override"] = reason
        tx.record("spending.recorded", person["uid"] if person else
                  sponsor["uid"] if sponsor else code, payload)
    return {"uid": spending_uid, "track": code, "on": when.isoformat(),
            "amount": Rupiah(rupiah), "funded_by": sponsor["code"] if sponsor else funder,
            "left": Rupiah(left) if left is not None else None}


# -- reading --------------------------------------------------------------------------------

def _purpose_text(row: sqlite3.Row, session: Session | None = None) -> str:
    if row["purpose"] == "track":
        return row["track"]
    if row["purpose"] == "person":
        return row["person_name"]
    return None


def donation_dict(row: sqlite3.Row) -> dict:
    return {"id": row["id"], "uid": row["uid"], "sponsor": row["sponsor_code"],
            "received_on": row["received_on"], "amount": row["amount"],
            "in_kind": row["in_kind"], "purpose": row["purpose"], "track": row["track"],
            "for": _purpose_text(row), "ref": row["ref"], "voided_on": row["voided_on"],
            "void_reason": row["void_reason"]}


def list_donations(session: Session, *, sponsor: str | None = None,
                   start: str | date | None = None, end: str | date | None = None
                   ) -> list[dict]:
    with session.reading() as conn:
        sponsor_id = find_sponsor(conn, sponsor)["id"] if sponsor else None
        begins = session.date(start, "from", allow_future=True).isoformat() if start else None
        ends = session.date(end, "to", allow_future=True).isoformat() if end else None
        return [donation_dict(r) for r in sq.donations(conn, sponsor_id=sponsor_id,
                                                       start=begins, end=ends)]


def _pool_rows(conn: sqlite3.Connection, sponsor_id: int) -> list[dict]:
    order = {"track": 0, "person": 1, "general": 2}
    return [{"purpose": kind, "for": _pool_text(conn, (kind, target)), "balance": amount}
            for (kind, target), amount in sorted(pools(conn, sponsor_id).items(),
                                                 key=lambda i: (order[i[0][0]], str(i[0][1])))]


def list_sponsors(session: Session, *, reveal: bool = False) -> list[dict]:
    """The registry: each sponsor with what it gave, has left, the places it funds and the
    people it adopts. Contacts masked unless ``reveal`` or the database's policy shows
    them (each showing recorded before it is returned)."""
    shown = session.reveals(reveal)
    with session.reading() as conn:
        counts = sq.sponsor_counts(conn)
        rows = [{"code": r["code"], "name": r["name"], "kind": r["kind"],
                 "contact": _contact(r["contact"], shown), "uid": r["uid"],
                 "donated": counts[r["id"]]["donated"],
                 "balance": funds.total(pools(conn, r["id"])),
                 "seats": counts[r["id"]]["seats"], "adopted": counts[r["id"]]["adopted"]}
                for r in sq.sponsors(conn)]
    if shown:
        record_access(session, [r["uid"] for r in rows if r["contact"]],
                      command="sponsor list")
    return rows


def show(session: Session, sponsor: str, *, reveal: bool = False) -> dict:
    """One sponsor: who, the donations, the spending it funded, the places, adoptions and
    what is left per purpose."""
    shown = session.reveals(reveal)
    with session.reading() as conn:
        row = find_sponsor(conn, sponsor)
        donations = [donation_dict(d) for d in sq.donations(conn, sponsor_id=row["id"])]
        spent = [{"spent_on": x["spent_on"], "track": x["track"], "amount": x["amount"],
                  "what": x["what"], "for": x["person_name"], "ref": x["ref"],
                  "override": x["override"]}
                 for x in sq.spending(conn, sponsor_id=row["id"])]
        adopted = [{"reg_no": regno_text(session, a), "name": a["person_name"],
                    "from": a["from_on"], "until": a["until_on"], "consent": bool(a["consent"]),
                    "status": a["status"]}
                   for a in sq.adoptions(conn, sponsor_id=row["id"])]
        balances = _pool_rows(conn, row["id"])
        seats = len(sq.enrolments_of_sponsor(conn, row["id"]))
    if shown and row["contact"]:
        record_access(session, [row["uid"]], command="sponsor show")
    cash = sum(d["amount"] for d in donations if not d["voided_on"] and not d["in_kind"])
    goods = sum(d["amount"] for d in donations if not d["voided_on"] and d["in_kind"])
    return {"code": row["code"], "uid": row["uid"], "name": row["name"], "kind": row["kind"],
            "contact": _contact(row["contact"], shown),
            "donated_cash": cash, "donated_in_kind": goods,
            "spent": sum(x["amount"] for x in spent),
            "balance": sum(b["balance"] for b in balances), "seats": seats,
            "donations": donations, "spending": spent, "adoptions": adopted,
            "balances": balances}
