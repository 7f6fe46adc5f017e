"""``wbpctl import``: a CSV file goes in whole or not at all.

Every row goes through the same service as the single command, inside one
write transaction (its events share one batch id). A row that breaks a rule is
rolled back to its savepoint and reported with its line, column, value and rule,
and checking goes on, so one run lists every bad row; any bad row, or
``--dry-run``, rolls the whole transaction back. A row identical to what the
ledger holds is ``unchanged`` and writes nothing, so loading a file twice is a
no-op; a row that differs is a correction only with ``update``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from ..domain.enrolment import parse_drop_reason
from ..domain.errors import Invalid, Message, NotFound, Notice, Rejected, WbpError
from ..domain.headers import Layout, match_headers
from ..domain.cells import restore_text
from ..domain.damage import nik_damaged, text_damaged
from ..domain.nik import mask_nik, parse_gender, parse_nik
from ..domain.offences import parse_category
from ..domain.privacy import is_pseudonym
from ..domain.people import clean_name, clean_receipt, clean_text
from ..domain.regno import parse_regno, regno_or_none
from ..domain.release import parse_release_type
from ..domain.money import parse_rupiah
from ..domain.products import Split, parse_channel, parse_qty
from ..domain.remission import parse_remission_days, parse_remission_kind
from ..domain.sentence import parse_sentence
from ..domain.sponsors import mask_contact, name_key, parse_consent
from ..domain.sponsors import parse_kind as parse_sponsor_kind
from ..store import queries
from ..store import product_queries as pq
from ..store import sponsor_queries as sq
from ..store.chain import new_uid
from . import enrolments, participants, products, sponsors, stays, voids
from .csv_source import CsvSource
from .import_bulk import BULK, Bulk
from .import_rows import Row, Rows
from .session import Session, Tx
from .transfer_kinds import FIELD_COLUMNS, KINDS, REJECTION_COLUMN, WHO, Kind

NEW, UNCHANGED, CHANGED = "new", "unchanged", "changed"
FORCE = "force"   # ``update=FORCE``: a correction even where it looks like spreadsheet damage


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    value: object
    error: WbpError
    cells: list[str]


@dataclass(frozen=True)
class RowWarning:
    line: int
    notice: Notice


@dataclass
class ImportResult:
    kind: str
    dry_run: bool
    batch: str
    by_record: dict[str, dict[str, int]] = field(default_factory=dict)
    rejected: int = 0
    events: int = 0
    warned: int = 0

    def count(self, record: str, outcome: str, rows: int = 1) -> None:
        per = self.by_record.setdefault(record, {NEW: 0, UNCHANGED: 0, CHANGED: 0})
        per[outcome] += rows

    @property
    def counts(self) -> dict[str, int]:
        """New, unchanged and changed rows over every kind of record."""
        return {outcome: sum(per[outcome] for per in self.by_record.values())
                for outcome in (NEW, UNCHANGED, CHANGED)}

    @property
    def written(self) -> bool:
        return not self.dry_run and self.rejected == 0 and self.events > 0


class _RollBack(Exception):
    """Ends the import transaction without keeping anything (dry run or a bad row)."""


def _cell(values: dict, key: str) -> str | None:
    value = values.get(key)
    return value if value else None


def _who(values: dict) -> str:
    who = _cell(values, "reg_no") or _cell(values, "nik")
    if who is None:
        raise Invalid("reg_no", "", "import_who_missing")
    return who


# -- one handler per kind: parse the row, say whether it is new, call the service ----------

def _stay_fields(v: dict) -> dict:
    """A participants row as the stay arguments of ``register`` and ``readmit``."""
    if _cell(v, "detained_on") is None:
        raise Invalid("detained", "", "import_value_missing")
    return dict(reg_no=_cell(v, "reg_no") or "", detained=v["detained_on"],
                sentence=_cell(v, "sentence"), admitted=_cell(v, "admitted_on"),
                crime=_cell(v, "crime"), crime_category=_cell(v, "crime_category"))


def _person_fields(v: dict) -> dict:
    return dict(name=_cell(v, "name") or "", nik=_cell(v, "nik"), gender=_cell(v, "gender"),
                birth_date=_cell(v, "birth_date"))


def _person_uid(v: dict) -> str | None:
    return (_cell(v, "person_uid") or "").lower() or None


def _participant(session: Session, tx: Tx, v: dict, update: bool):
    reg = parse_regno(_cell(v, "reg_no") or "")
    key = (session.config.lapas_code, reg.register_class, reg.sequence, reg.year)
    stay = queries.stay_by_regno(tx.conn, *key) or queries.stay_by_previous_regno(tx.conn, *key)
    if stay is not None:
        return _participant_again(session, tx, stay, v, update)
    person_uid = _person_uid(v)
    if person_uid and queries.person_by_uid(tx.conn, person_uid):
        done = participants.readmit(session, person_uid, tx=tx, **_stay_fields(v))
    else:
        done = participants.register(session, uid=person_uid, tx=tx, **_stay_fields(v),
                                     **_person_fields(v))
    return NEW, done["notices"]


def _participant_again(session: Session, tx: Tx, stay: sqlite3.Row, v: dict,
                       update: bool) -> str:
    """The register number is known: unchanged, a correction (``update``), or an error."""
    person = queries.person_by_id(tx.conn, stay["person_id"])
    person_changes: dict = {}
    stay_changes: dict = {}
    if _cell(v, "name") and clean_name(v["name"]) != person["name"]:
        person_changes["name"] = v["name"]
    if _cell(v, "nik") and parse_nik(v["nik"], today=session.today).nik != person["nik"]:
        person_changes["nik"] = v["nik"]
    if _cell(v, "gender") and parse_gender(v["gender"]) != person["gender"]:
        person_changes["gender"] = v["gender"]
    if _cell(v, "birth_date") and \
            session.date(v["birth_date"], "birth_date").isoformat() != person["birth_date"]:
        person_changes["birth_date"] = v["birth_date"]
    for column, name in (("detained_on", "detained"), ("admitted_on", "admitted")):
        if _cell(v, column) and session.date(v[column], name).isoformat() != stay[column]:
            stay_changes[name] = v[column]
    if _cell(v, "sentence") and parse_sentence(v["sentence"]) != \
            participants.stay_sentence(stay):
        stay_changes["sentence"] = v["sentence"]
    if _cell(v, "crime") and clean_text(v["crime"], field="crime") != stay["crime"]:
        stay_changes["crime"] = v["crime"]
    if _cell(v, "crime_category") and parse_category(
            v["crime_category"], session.config.offence_categories) != stay["crime_category"]:
        person_changes["crime_category"] = v["crime_category"]

    if update and update != FORCE:
        _refuse_damage(person, person_changes, session)

    def correct() -> None:
        reg_no = participants.regno_text(session, stay)
        if person_changes:
            participants.correct(session, reg_no, tx=tx, **person_changes)
        if stay_changes:
            participants.correct_stay(session, reg_no, tx=tx, **stay_changes)

    differing = [FIELD_COLUMNS.get(c, c) for c in [*person_changes, *stay_changes]]
    return _again(v, differing, update, correct)


def _refuse_damage(person: sqlite3.Row, changes: dict, session: Session) -> None:
    """A correction that is exactly what a spreadsheet does to a value is not one."""
    if "nik" in changes and nik_damaged(person["nik"], parse_nik(
            changes["nik"], today=session.today).nik):
        raise Invalid("nik", changes["nik"], "import_spreadsheet_damage",
                      recorded=mask_nik(person["nik"]), how=Message("damage_nik_zeros"))
    if "name" in changes and text_damaged(person["name"], clean_name(changes["name"])):
        raise Invalid("name", changes["name"], "import_spreadsheet_damage",
                      recorded=person["name"], how=Message("damage_mojibake"))


def _find(session: Session, tx: Tx, v: dict) -> tuple[str, sqlite3.Row]:
    who = _who(v)
    return who, participants.find_person(session, tx.conn, who, own=True)


def _track_code(tx: Tx, v: dict, *, retired: bool = False) -> str:
    return enrolments.track_code(tx.conn, _cell(v, "track") or "", retired=retired)


def _on(session: Session, v: dict, column: str) -> date:
    text = _cell(v, column)
    if text is None:
        raise Invalid(column, "", "import_value_missing")
    return session.date(text, column)


def _differences(v: dict, recorded: sqlite3.Row, parsers: dict[str, Callable]) -> list[str]:
    """The columns of a row that state something other than what is recorded (an empty
    cell states nothing)."""
    return [column for column, parse in parsers.items()
            if _cell(v, column) is not None and parse(v[column]) != recorded[column]]


def _fields(*names: str) -> dict[str, Callable]:
    return {name: enrolments.CORRECTABLE[name] for name in names}


def _again(v: dict, differing: list[str], update: bool, correct: Callable[[], None]) -> str:
    """A row about a record that exists: unchanged, a correction (``update``), or an error."""
    if not differing:
        return UNCHANGED
    if not update:
        raise Invalid(differing[0], v.get(differing[0]), "import_differs",
                      fields=", ".join(differing))
    correct()
    return CHANGED


def _enrolment(session: Session, tx: Tx, v: dict, update: bool) -> str:
    who, person = _find(session, tx, v)
    track, on = _track_code(tx, v), _on(session, v, "assigned_on")
    for e in queries.enrolments_for(tx.conn, person["id"], track):
        if e["requested_on"] == on.isoformat():
            named = _cell(v, "sponsor")
            differing = ["sponsor"] if named is not None and \
                sponsors.find_sponsor(tx.conn, named)["id"] != e["sponsor_id"] else []
            return _again(v, differing, update,
                          lambda: enrolments.correct(session, who, track, on=on,
                                                     sponsor=v["sponsor"], tx=tx))
    if voids.already_void(session, tx.conn, person["uid"], track, on, act="assignment"):
        return UNCHANGED
    enrolments.assign(session, who, track, on=on, sponsor=_cell(v, "sponsor"), tx=tx,
                      place_in_line=False)
    return NEW


def _completion(session: Session, tx: Tx, v: dict, update: bool) -> str:
    who, person = _find(session, tx, v)
    track, on = _track_code(tx, v, retired=True), _on(session, v, "completed_on")
    for e in queries.enrolments_for(tx.conn, person["id"], track):
        if e["status"] in ("completed", "failed") and e["ended_on"] == on.isoformat():
            differing = _differences(v, e, _fields("result", "hours", "certificate"))
            return _again(v, differing, update, lambda: enrolments.correct(
                session, who, track, on=on, tx=tx, **{c: v[c] for c in differing}))
    if voids.already_void(session, tx.conn, person["uid"], track, on, act="completion"):
        return UNCHANGED
    enrolments.complete(session, who, track, on=on, hours=_cell(v, "hours"),
                        result=_cell(v, "result"), certificate=_cell(v, "certificate"), tx=tx)
    return NEW


def _drop(session: Session, tx: Tx, v: dict, update: bool) -> str:
    who, person = _find(session, tx, v)
    track, on = _track_code(tx, v, retired=True), _on(session, v, "dropped_on")
    reason = parse_drop_reason(_cell(v, "reason") or "")
    for e in queries.enrolments_for(tx.conn, person["id"], track):
        if e["status"] == "dropped" and e["ended_on"] == on.isoformat():
            return _again(v, _differences(v, e, _fields("reason")), update,
                          lambda: enrolments.correct(session, who, track, on=on,
                                                     reason=reason, tx=tx))
    if voids.already_void(session, tx.conn, person["uid"], track, on, act="drop"):
        return UNCHANGED
    enrolments.drop(session, who, track, reason=reason, on=on, tx=tx)
    return NEW


def _release(session: Session, tx: Tx, v: dict, update: bool):
    who, person = _find(session, tx, v)
    on = _on(session, v, "released_on")
    kind = parse_release_type(_cell(v, "release_type") or "")
    for stay in queries.stays_of(tx.conn, person["id"]):
        if any(a["left_on"] == on.isoformat() and a["release_type"] == kind
               for a in queries.absences_of_stay(tx.conn, stay["stay_id"])):
            return UNCHANGED    # a release the stay has come back from
        if stay["released_on"] == on.isoformat():
            if stay["release_type"] == kind:
                return UNCHANGED
            # the type decided what the release allowed and ended: not a field to edit
            raise Invalid("release_type", v.get("release_type"), "import_release_differs",
                          recorded=stay["release_type"])
    if voids.already_void(session, tx.conn, person["uid"], "release", on):
        return UNCHANGED
    done = stays.release(session, who, on=on, release_type=kind, override=_cell(v, "override"),
                         to=_cell(v, "to_lapas"), tx=tx)
    return NEW, done["notices"]


def _remission(session: Session, tx: Tx, v: dict, update: bool) -> str:
    who, person = _find(session, tx, v)
    on = _on(session, v, "granted_on")
    kind = parse_remission_kind(_cell(v, "kind") or "")
    days = parse_remission_days(_cell(v, "days") or "")
    # the stay the row's number names (an export's row of an earlier stay), else the
    # latest: a remission already recorded there is this row, unchanged or corrected
    stay = _numbered_stay(session, tx, v) or queries.latest_stay(tx.conn, person["id"])
    for r in queries.remissions_of_stay(tx.conn, stay["stay_id"]):
        if r["granted_on"] == on.isoformat() and r["kind"] == kind:
            return _again(v, _differences(v, r, {"days": parse_remission_days}), update,
                          lambda: stays.correct_remission(session, who, on=on, kind=kind,
                                                          days=days, tx=tx))
    if voids.already_void(session, tx.conn, person["uid"], "remission", on):
        return UNCHANGED
    stays.remission(session, who, on=on, kind=kind, days=days, override=_cell(v, "override"),
                    tx=tx)
    return NEW


def _numbered_stay(session: Session, tx: Tx, v: dict) -> sqlite3.Row | None:
    """The stay of this Lapas a row's register number names (its number now, or one a
    verdict replaced), or None (no number, or another Lapas's)."""
    reg = regno_or_none(_cell(v, "reg_no") or "")
    return participants.stay_numbered(tx.conn, session.config.lapas_code, reg) if reg \
        else None


def _verdict(session: Session, tx: Tx, v: dict, update: bool):
    """A verdict row names the stay by its number before the verdict (or a NIK); a stay
    already sentenced as the row says is unchanged."""
    on = _on(session, v, "sentenced_on")
    try:
        who, person = _find(session, tx, v)
    except NotFound:
        if not _cell(v, "new_reg_no"):
            raise
        who = v["new_reg_no"]
        person = participants.find_person(session, tx.conn, who, own=True)
    stay = queries.latest_stay(tx.conn, person["id"])
    if stay["sentenced_on"] == on.isoformat():
        return UNCHANGED
    done = participants.record_verdict(session, who, sentence=_cell(v, "sentence") or "",
                                       on=on, register_class=_cell(v, "register_class"),
                                       reg_no=_cell(v, "new_reg_no"), tx=tx)
    return NEW, done["notices"]


def _absence_end(kind: str, column: str, record: Callable[..., object]):
    """A row that ends an absence (a return from a transfer, a revocation): unchanged when
    the stay already came back of that kind on that day."""
    def handle(session: Session, tx: Tx, v: dict, update: bool) -> str:
        who, person = _find(session, tx, v)
        on = _on(session, v, column)
        stay = queries.latest_stay(tx.conn, person["id"])
        if any(a["returned_on"] == on.isoformat() and a["kind"] == kind
               for a in queries.absences_of_stay(tx.conn, stay["stay_id"])):
            return UNCHANGED
        record(session, who, on, v, tx)
        return NEW
    return handle


_return = _absence_end("transfer", "returned_on", lambda session, who, on, v, tx:
                       stays.return_from_transfer(session, who, on=on,
                                                  from_lapas=_cell(v, "from_lapas"), tx=tx))
_revocation = _absence_end("revocation", "revoked_on", lambda session, who, on, v, tx:
                           stays.revoke(session, who, on=on, reason=_cell(v, "reason") or "",
                                        tx=tx))


def _void(session: Session, tx: Tx, v: dict, update: bool) -> str:
    """A void already recorded (the same thing, the same day) is unchanged."""
    who, person = _find(session, tx, v)
    on = _on(session, v, "act_on")
    target = _cell(v, "target") or ""
    if voids.already_void(session, tx.conn, person["uid"], target, on):
        return UNCHANGED
    voids.void(session, who, target, on=on, reason=_cell(v, "reason") or "",
               kind=_cell(v, "kind"), tx=tx)
    return NEW


# -- sponsors and their money ------------------------------------------------------------

def _row_person(session: Session, tx: Tx, v: dict) -> sqlite3.Row | None:
    """The person a row names, if any: by global id (exact across ledgers), else register
    number or NIK."""
    who = _person_uid(v) or _cell(v, "reg_no") or _cell(v, "nik")
    return participants.find_person(session, tx.conn, who, own=True) if who else None


def _contact_differs(cell: str | None, recorded: str | None) -> bool:
    """A contact cell states something else than what is recorded; a masked export's cell
    (``0812*******890``) states the same when it masks the recorded one."""
    if cell is None:
        return False
    return cell != recorded and not (recorded and cell == mask_contact(recorded))


def _sponsor(session: Session, tx: Tx, v: dict, update: bool) -> str:
    uid = (_cell(v, "sponsor_uid") or "").lower() or None
    code = _cell(v, "sponsor")
    if _cell(v, "contact") and "*" in v["contact"] and uid is None and code is None:
        raise Invalid("contact", v["contact"], "contact_masked")
    row = (sq.sponsor_by_uid(tx.conn, uid) if uid else None) or \
        (sq.sponsor_by_code(tx.conn, code.upper()) if code else None)
    if row is None and uid is None and code is None and _cell(v, "name"):
        row = sq.sponsor_named(tx.conn, name_key(v["name"]))
    if row is None:
        if _cell(v, "contact") and "*" in v["contact"]:
            raise Invalid("contact", v["contact"], "contact_masked")
        sponsors.register(session, name=_cell(v, "name") or "", kind=_cell(v, "kind"),
                          contact=_cell(v, "contact"), code=code, uid=uid, tx=tx)
        return NEW
    differing = [c for c, differs in (
        ("name", _cell(v, "name") and clean_name(v["name"]) != row["name"]),
        ("kind", _cell(v, "kind") and parse_sponsor_kind(v["kind"]) != row["kind"]),
        ("contact", _contact_differs(_cell(v, "contact"), row["contact"]))) if differs]
    if "contact" in differing and "*" in v["contact"]:
        raise Invalid("contact", v["contact"], "contact_masked")
    return _again(v, differing, update, lambda: sponsors.correct(
        session, row["code"], tx=tx, **{c: v[c] for c in differing}))


def _donation_fields(session: Session, tx: Tx, v: dict) -> dict:
    """A donations row as the arguments of ``add_donation``/``correct_donation``."""
    person = _row_person(session, tx, v)
    goods = _cell(v, "in_kind")
    return dict(on=_on(session, v, "received_on"), amount=None if goods else _cell(v, "amount"),
                in_kind=goods, value=_cell(v, "amount") if goods else None,
                for_track=_cell(v, "track"), for_who=person["uid"] if person else None,
                general=not (_cell(v, "track") or person), ref=clean_receipt(_cell(v, "ref")))


def _donation(session: Session, tx: Tx, v: dict, update: bool) -> str:
    """A donation is known by its global id, else its receipt number, else the very facts
    (sponsor, date, amount, goods); a voided_on cell voids it (as a correction)."""
    fields = _donation_fields(session, tx, v)
    sponsor = sponsors.find_sponsor(tx.conn, _cell(v, "sponsor") or "")
    uid = (_cell(v, "donation_uid") or "").lower() or None
    row = (sq.donation_by(tx.conn, "uid", uid) if uid else None) or \
        (sq.donation_by(tx.conn, "ref", fields["ref"]) if fields["ref"] else None)
    amount = parse_rupiah(_cell(v, "amount") or "", field="amount")
    if row is None and uid is None and not fields["ref"]:
        row = sq.donation_like(tx.conn, sponsor["id"], fields["on"].isoformat(), amount,
                               clean_text(fields["in_kind"], field="in_kind", maximum=200))
    if row is None:
        done = sponsors.add_donation(session, sponsor["uid"], uid=uid, tx=tx, **fields)
        if _cell(v, "voided_on"):
            sponsors.void_donation(session, str(done["id"]), on=v["voided_on"],
                                   reason=_cell(v, "void_reason") or "", tx=tx)
        return NEW
    if row["sponsor_id"] != sponsor["id"]:
        raise Invalid("sponsor", v.get("sponsor"), "import_differs", fields="sponsor")
    person = fields["for_who"]
    purpose = "track" if fields["for_track"] else "person" if person else "general"
    differing = [c for c, differs in (
        ("received_on", fields["on"].isoformat() != row["received_on"]),
        ("amount", amount != row["amount"]),
        ("in_kind", clean_text(fields["in_kind"], field="in_kind", maximum=200)
         != row["in_kind"]),
        ("track", purpose != row["purpose"] or (purpose == "track" and enrolments.track_code(
            tx.conn, fields["for_track"]) != row["track"])
         or (purpose == "person" and person != row["person_uid"]))) if differs]
    voiding = bool(_cell(v, "voided_on")) and not row["voided_on"]

    def correct() -> None:
        if differing:
            sponsors.correct_donation(session, row["uid"], tx=tx, **fields)
        if voiding:
            sponsors.void_donation(session, row["uid"], on=v["voided_on"],
                                   reason=_cell(v, "void_reason") or "", tx=tx)

    return _again(v, [*differing, *(["voided_on"] if voiding else [])], update, correct)


def _adoption(session: Session, tx: Tx, v: dict, update: bool) -> str:
    sponsor = sponsors.find_sponsor(tx.conn, _cell(v, "sponsor") or "")
    person = _row_person(session, tx, v)
    if person is None:
        raise Invalid("reg_no", "", "import_who_missing")
    start = _on(session, v, "from_on")
    for row in sq.adoptions(tx.conn, sponsor_id=sponsor["id"], person_id=person["id"]):
        if row["from_on"] == start.isoformat():
            differing = [c for c, differs in (
                ("until_on", _cell(v, "until_on") and session.date(
                    v["until_on"], "until", allow_future=True).isoformat() != row["until_on"]),
                ("consent", _cell(v, "consent") is not None
                 and parse_consent(v["consent"]) != bool(row["consent"]))) if differs]
            return _again(v, differing, update, lambda: sponsors.adopt(
                session, sponsor["uid"], person["uid"], start=start, until=_cell(v, "until_on"),
                consent=_cell(v, "consent"), tx=tx))
    sponsors.adopt(session, sponsor["uid"], person["uid"], start=start,
                   until=_cell(v, "until_on"), consent=_cell(v, "consent"), tx=tx)
    return NEW


def _spending(session: Session, tx: Tx, v: dict, update: bool) -> str:
    """A spending is known by its global id, else its receipt number, else the very facts
    (track, date, amount, what); one recorded is never changed by an import."""
    uid = (_cell(v, "spending_uid") or "").lower() or None
    ref = clean_receipt(_cell(v, "ref"))      # as recorded: a file read again finds it
    on = _on(session, v, "spent_on")
    amount = parse_rupiah(_cell(v, "amount") or "", field="amount")
    track = enrolments.track_code(tx.conn, _cell(v, "track") or "")
    what = clean_text(_cell(v, "what"), field="what", maximum=200) or ""
    row = (sq.spending_by(tx.conn, "uid", uid) if uid else None) or \
        (sq.spending_by(tx.conn, "ref", ref) if ref else None)
    if row is None and uid is None and not ref:
        row = sq.spending_like(tx.conn, track, on.isoformat(), amount, what)
    if row is not None:
        recorded = (row["track"], row["spent_on"], row["amount"], row["what"])
        if (track, on.isoformat(), amount, what) != recorded:
            raise Invalid("amount", v.get("amount"), "import_spending_differs",
                          recorded=f"{row['spent_on']} {row['track']} {row['amount']}")
        return UNCHANGED
    person = _row_person(session, tx, v)
    sponsors.spend(session, track=track, on=on, amount=amount, what=what,
                   funded_by=_cell(v, "funded_by"), for_who=person["uid"] if person else None,
                   override=_cell(v, "override"), ref=ref, uid=uid, tx=tx)
    return NEW


# -- products, sales and premi ---------------------------------------------------------------

def _production(session: Session, tx: Tx, v: dict, update: bool) -> str:
    """A batch is known by its global id, else its product and batch number, else the very
    facts (product, date, quantity); one recorded is never changed by an import."""
    uid = (_cell(v, "production_uid") or "").lower() or None
    product = products.find_product(tx.conn, _cell(v, "product") or "", retired=True)
    on = _on(session, v, "produced_on")
    qty = parse_qty(_cell(v, "qty") or "")
    makers = _cell(v, "maker_uids") or _cell(v, "makers") or ""
    row = (pq.batch_by_uid(tx.conn, uid) if uid else None) or \
        (pq.batch(tx.conn, product["code"], v["batch"]) if _cell(v, "batch") else None)
    if row is None and uid is None and not _cell(v, "batch"):
        row = next(iter(pq.production_like(tx.conn, product["code"], on.isoformat(), qty)),
                   None)
    if row is not None:
        if (row["product"], row["produced_on"], row["qty"]) != (product["code"], on.isoformat(),
                                                                 qty):
            raise Invalid("qty", v.get("qty"), "import_recorded_differs",
                          recorded=f"{row['product']} {row['batch']} {row['produced_on']}"
                                   f" {row['qty']}")
        return UNCHANGED
    products.produce(session, product["code"], on=on, qty=qty, makers=makers,
                     shares=_cell(v, "shares"), batch=_cell(v, "batch"), uid=uid, tx=tx)
    return NEW


def _sale(session: Session, tx: Tx, v: dict, update: bool) -> str:
    """A sale is known by its global id, else its receipt number, else the very facts;
    ``premi_share``/``cooperative_share`` give the split it was made with (default: the
    config's)."""
    uid = (_cell(v, "sale_uid") or "").lower() or None
    product = products.find_product(tx.conn, _cell(v, "product") or "", retired=True)
    on = _on(session, v, "sold_on")
    qty = parse_qty(_cell(v, "qty") or "")
    price = parse_rupiah(v["price"], field="price") if _cell(v, "price") else product["price"]
    channel = parse_channel(_cell(v, "channel") or "")
    receipt = clean_receipt(_cell(v, "ref"))      # as recorded: a file read again finds it
    row = (pq.sale_by(tx.conn, "uid", uid) if uid else None) or \
        (pq.sale_by(tx.conn, "ref", receipt) if receipt else None)
    if row is None and uid is None and not receipt:
        row = pq.sale_like(tx.conn, product["code"], on.isoformat(), qty, price, channel)
    if row is not None:
        if (row["product"], row["sold_on"], row["qty"], row["price"]) != (
                product["code"], on.isoformat(), qty, price):
            raise Invalid("qty", v.get("qty"), "import_recorded_differs",
                          recorded=f"{row['product']} {row['sold_on']} {row['qty']}")
        return UNCHANGED
    split = None
    if _cell(v, "premi_share") or _cell(v, "cooperative_share"):
        config = session.config.sales_split
        try:
            split = Split.of(_cell(v, "premi_share") or config.premi,
                             _cell(v, "cooperative_share") or config.cooperative)
        except (ValueError, ZeroDivisionError):
            raise Invalid("premi_share", v.get("premi_share"), "shares_invalid") from None
    products.sell(session, product["code"], on=on, qty=qty, price=price, channel=channel,
                  buyer=_cell(v, "buyer"), ref=receipt, split=split, uid=uid, tx=tx)
    return NEW


def _payout(session: Session, tx: Tx, v: dict, update: bool) -> str:
    uid = (_cell(v, "payout_uid") or "").lower() or None
    person = _row_person(session, tx, v)
    if person is None:
        raise Invalid("reg_no", "", "import_who_missing")
    on = _on(session, v, "paid_on")
    amount = parse_rupiah(_cell(v, "amount") or "", field="amount")
    receipt = clean_receipt(_cell(v, "ref"))      # as recorded: a file read again finds it
    row = (pq.payout_by(tx.conn, "uid", uid) if uid else None) or \
        (pq.payout_by(tx.conn, "ref", receipt) if receipt else None)
    if row is None and uid is None and not receipt:
        row = pq.payout_like(tx.conn, person["id"], on.isoformat(), amount)
    if row is not None:
        if (row["person_id"], row["paid_on"], row["amount"]) != (person["id"], on.isoformat(),
                                                                  amount):
            raise Invalid("amount", v.get("amount"), "import_recorded_differs",
                          recorded=f"{row['paid_on']} {row['amount']}")
        return UNCHANGED
    products.pay_premi(session, person["uid"], on=on, amount=amount, ref=receipt, uid=uid,
                       tx=tx)
    return NEW


HANDLERS: dict[str, Callable[..., str | tuple[str, list[Notice]]]] = {
    "participants": _participant, "enrolments": _enrolment, "completions": _completion,
    "drops": _drop, "releases": _release, "remissions": _remission, "verdicts": _verdict,
    "returns": _return, "revocations": _revocation, "voids": _void,
    "sponsors": _sponsor, "donations": _donation, "adoptions": _adoption,
    "spending": _spending,
    "production": _production, "sales": _sale, "payouts": _payout,
    # ``export all`` writes a donation's later corrections and void as rows of their own,
    # where they happened (what was spent in between was checked against the amount then)
    "donation_changes": lambda session, tx, v, update: _donation(session, tx, v, True),
}


def _column(kind: Kind, layout: Layout, error: WbpError, values: dict) -> tuple[str, object]:
    """The file's column and the cell an error is about (the row itself when neither)."""
    if isinstance(error, Invalid):
        name = FIELD_COLUMNS.get(error.field, error.field)
        if f"{error.field}_on" in kind.columns:      # from/until: from_on/until_on
            name = f"{error.field}_on"
        if name == "on" and kind.date_column:
            name = kind.date_column
        if name == "reg_no" and "reg_no" not in layout.positions and "nik" in layout.positions:
            name = "nik"
        return layout.column_of(name), values.get(name, error.value)
    return "", ""


def _row_error(kind: Kind, layout: Layout, line: int, cells: list[str], values: dict,
               error: WbpError) -> RowError:
    """A rejected row as reported. A date that can only be month-first proves the whole
    column is, so the file is refused as a whole: its other dates were read wrong."""
    column, value = _column(kind, layout, error, values)
    if isinstance(error, Invalid) and error.rule == "date_month_first":
        raise Rejected("import_month_first", column=column, line=line, value=value,
                       month=str(value).split("/")[1] if "/" in str(value) else "?")
    return RowError(line, column, value, error, layout.fit(cells))


def _stray_error(layout: Layout, cells: list[str], column: int, value: str,
                 delimiter: str) -> WbpError:
    """A value outside the named columns: most often a delimiter inside a value that is
    not in quotes, which shifts every column after it."""
    if len(cells) > layout.width:
        return Rejected("import_row_too_long", cells=len(cells), width=layout.width,
                        delimiter=delimiter)
    return Invalid(f"#{column}", value, "import_value_without_header")


class _Batch:
    """Participants rows planned but not yet written. At each flush two queries find which
    register numbers and NIKs of the batch are taken, then the rows are checked and
    written in file order, new ones with one executemany per table (the bulk path of
    ``register``); a row whose register number is known goes the one-by-one way, after
    the new rows before it are written."""

    SIZE = 2000

    def __init__(self, tx: Tx, result: ImportResult, report: Callable[[RowError], None],
                 layout: Layout, one_by_one: Callable[..., RowError | None]) -> None:
        self.tx, self.result, self.report, self.layout = tx, result, report, layout
        self.one_by_one = one_by_one
        self.rows: list[tuple[int, list[str], dict | None, participants.Registration]] = []
        self.keys: set[tuple[str, int, int]] = set()
        self.uids: set[str] = set()     # global ids of people registered by planned rows
        self.errors: list[RowError] = []
        self.replaced: set[tuple[str, int, int]] | None = None

    def planned(self, line: int, cells: list[str], values: dict | None,
                plan: participants.Registration) -> None:
        self.rows.append((line, cells, values, plan))
        self.keys.add(plan.reg_key)
        if plan.uid:
            self.uids.add(plan.uid)
        if len(self.rows) >= self.SIZE:
            self.flush()

    def failed(self, line: int, cells: list[str], values: dict | None, error: WbpError
               ) -> None:
        if values is None:
            values = _values(list(self.layout.positions.items()), cells)
        self.errors.append(_row_error(KINDS["participants"], self.layout, line, cells, values,
                                      error))
        self.result.rejected += 1

    def _write(self, plans: list[participants.Registration]) -> None:
        if plans:
            participants.register_checked(self.tx, plans)
            self.result.count("participants", NEW, len(plans))

    def flush(self) -> None:
        if not self.rows and not self.errors:
            return      # the rows of other kinds ask for a flush before each of theirs
        conn, lapas = self.tx.conn, self.tx.session.config.lapas_code
        known = queries.known_regnos(conn, lapas, [plan.reg_key for *_, plan in self.rows])
        known |= self._replaced() & self.keys
        niks: dict[str, int] | None = queries.people_by_niks(
            conn, [plan.nik for *_, plan in self.rows if plan.nik], lapas)
        pending = participants.Pending()
        accepted: list[participants.Registration] = []
        for line, cells, values, plan in self.rows:
            if plan.reg_key in known:
                self._write(accepted)
                accepted, pending = [], participants.Pending()
                niks = None   # a correction may have changed NIKs: ask the ledger again
                error = self.one_by_one(line, cells, values, "participants")
                if error is not None:
                    self.errors.append(error)
                continue
            try:
                participants.check_registration(self.tx, plan, pending, regno_known_free=True,
                                                known_niks=niks)
            except WbpError as error:
                self.failed(line, cells, values, error)
                continue
            accepted.append(plan)
        self._write(accepted)
        for error in sorted(self.errors, key=lambda e: e.line):
            self.report(error)
        self.rows, self.keys, self.uids, self.errors = [], set(), set(), []

    def _replaced(self) -> set[tuple[str, int, int]]:
        """Register numbers a verdict replaced: each still names its person, so a row
        with one goes the one-by-one way (which finds them). Read once, and again after
        an 'all' file's verdict (``verdict_recorded``)."""
        if self.replaced is None:
            self.replaced = queries.replaced_regnos(self.tx.conn,
                                                    self.tx.session.config.lapas_code)
        return self.replaced

    def verdict_recorded(self) -> None:
        self.replaced = None


def _values(positions: list[tuple[str, int]], cells: list[str]) -> dict:
    """A row as column -> cell (stripped, as it was before ``safe_text``)."""
    return {name: restore_text(cells[i].strip()) if i < len(cells) else ""
            for name, i in positions}


def _preparer(session: Session, kind_name: str, layout: Layout, source: CsvSource
              ) -> Callable[[int, list[str]], Row]:
    """What is checked of a row alone (no ledger): an anonymised export ends the import,
    a value outside the named columns is the row's error, and a participants row is
    planned (``participants.plan_registration``)."""
    positions = list(layout.positions.items())

    def prepare(line: int, cells: list[str]) -> Row:
        values = _values(positions, cells)
        if is_pseudonym(values.get("reg_no")) or is_pseudonym(values.get("person_uid")):
            raise Rejected("import_anonymized", file=source.name)
        stray = layout.stray_value(cells)
        if stray is not None:
            return Row(line, cells, values, None,
                       _stray_error(layout, cells, *stray, source.delimiter), None)
        whole = kind_name == "all" and \
            (values.get("record") or "").strip().lower() == "participants"
        if kind_name != "participants" and not whole:
            return Row(line, cells, values, None, None, None)
        person_uid = _person_uid(values)
        try:
            plan = participants.plan_registration(session, uid=person_uid,
                                                  **_stay_fields(values),
                                                  **_person_fields(values))
        except WbpError as error:
            # an 'all' file's row the plan refuses may still be a known person's (a row
            # naming only what changes): the single command's way says what it is
            return Row(line, cells, values, None, None if whole else error, person_uid)
        return Row(line, cells, values, plan, None, person_uid)

    return prepare


def _new_participant(tx: Tx, row: Row, batch: _Batch) -> participants.Registration | None:
    """The plan of a participants row, or None when it must go the one-by-one way now (a
    readmission of a known person, or a register number already in this batch); a row
    that broke a rule raises it."""
    if row.person_uid in batch.uids:
        batch.flush()   # the person comes back later in the file: a readmission
    if row.person_uid and queries.person_by_uid(tx.conn, row.person_uid):
        return None
    if row.error is not None:
        raise row.error
    plan = row.plan
    return None if plan.reg_key in batch.keys else plan


def run_import(session: Session, kind_name: str, source: CsvSource, *, dry_run: bool = False,
               update: bool | str = False, ignore_extra: bool = False, strict: bool = False,
               on_error: Callable[[RowError], None] = lambda e: None,
               on_warning: Callable[[RowWarning], None] = lambda w: None,
               on_progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Check every row, then keep all of them or none. A row's warnings (an implausible
    sentence, a late release) are reported through ``on_warning``, or with ``strict``
    reject the row."""
    kind = KINDS[kind_name]
    if "age_band" in (h.strip().lower() for h in source.headers):
        # a column only an anonymised export has: say so rather than "unknown column"
        raise Rejected("import_anonymized", file=source.name)
    layout = match_headers(source.headers, kind.columns, kind.required,
                           session.config.import_headers,
                           one_of=WHO if kind.by_who else (), ignore_extra=ignore_extra,
                           skip=(REJECTION_COLUMN,))
    result = ImportResult(kind_name, dry_run, new_uid())
    positions = list(layout.positions.items())
    try:
        with session.transaction(batch=result.batch) as tx:

            def one_by_one(line: int, cells: list[str], values: dict | None, record: str
                           ) -> RowError | None:
                """One row through its handler, undone alone if it is refused."""
                if values is None:
                    values = _values(positions, cells)
                try:
                    with tx.step():
                        handler = HANDLERS.get(record)
                        if handler is None:
                            raise Invalid("record", record, "import_record_unknown",
                                          choices=", ".join(HANDLERS))
                        outcome = handler(session, tx, values, update)
                        outcome, notices = outcome if isinstance(outcome, tuple) \
                            else (outcome, [])
                        if notices and strict:
                            raise notices[0].as_error()
                except WbpError as error:
                    result.rejected += 1
                    return _row_error(KINDS.get(record, kind), layout, line, cells, values,
                                      error)
                result.count(record, outcome)
                warned(line, notices)
                return None

            def warned(line: int, notices: list[Notice]) -> None:
                for notice in notices:
                    result.warned += 1
                    on_warning(RowWarning(line, notice))

            batch = _Batch(tx, result, on_error, layout, one_by_one)
            bulk: Bulk | None = None    # the bulk path of the kind of the rows now read

            def bulk_for(record: str) -> Bulk | None:
                """The bulk path of a row's kind; the rows another kind's path decided
                are written first (``import all``: a row may be decided on them)."""
                nonlocal bulk
                if bulk is not None and bulk.KIND != record:
                    bulk.close()
                    bulk = None
                if bulk is None and record in BULK:
                    bulk = BULK[record](tx, result.count, one_by_one)
                return bulk

            rows = Rows(source, _preparer(session, kind_name, layout, source),
                        parallel=kind_name == "participants")
            try:
                for number, row in enumerate(rows, start=1):
                    # a row from the reading process comes without its values (see Row)
                    line, cells, values = row.line, row.cells, row.values
                    record = kind_name
                    if kind_name == "all":
                        record = (values.get("record") or "").strip().lower()
                    if on_progress is not None and number % 1000 == 0:
                        on_progress(number, rows.position())
                    if row.error is not None and row.person_uid is None:
                        batch.failed(line, cells, values, row.error)
                        continue
                    if record == "participants":
                        bulk_for(record)
                    # an 'all' file's participants row is batched only when it is clean (a
                    # plan and no warning): a known person's row is compared with the
                    # record before it is checked, and messages keep the file's order
                    if kind_name == "participants" or (
                            record == "participants" and row.plan is not None
                            and not row.plan.notices):
                        try:
                            plan = _new_participant(tx, row, batch)
                        except WbpError as error:
                            batch.failed(line, cells, values, error)
                            continue
                        if plan is not None:
                            notices = plan.notices
                            if notices and strict:
                                batch.failed(line, cells, values, notices[0].as_error())
                                continue
                            warned(line, notices)
                            batch.planned(line, cells, values, plan)
                            continue
                    batch.flush()   # what comes next may depend on the rows before it
                    path = bulk_for(record)
                    error = path.take(line, cells, values) if path is not None \
                        else one_by_one(line, cells, values, record)
                    if record == "verdicts":
                        batch.verdict_recorded()
                    if error is not None:
                        on_error(error)
            finally:
                rows.close()
            batch.flush()
            bulk_for("")
            result.events = tx.written
            if dry_run or result.rejected:
                raise _RollBack
    except _RollBack:
        pass
    return result
