"""Registering, finding, correcting and showing participants."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Callable, Iterable, Iterator, Mapping, NamedTuple, TYPE_CHECKING

from ..domain import milestones as ms
from ..domain.bounds import WORD, bounded, is_digits
from ..domain.catalog import normalize_code
from ..domain.errors import Invalid, Notice, NotFound, Rejected
from ..domain.federation import split_lapas
from ..domain.nik import (NikInfo, check_nik_agrees, mask_nik, nik_digits, parse_gender,
                          parse_nik)
from ..domain.people import check_stay_dates, clean_name, clean_text
from ..domain.offences import categorize, parse_category
from ..domain.plausibility import keys as notice_keys
from ..domain.plausibility import stay_notices
from ..domain.regno import RegisterNumber, looks_like_regno, parse_class, parse_regno
from ..domain.sentence import Sentence, check_class_agrees, parse_sentence
from ..domain.uids import is_uid
from ..store import queries
from ..store.chain import new_uid, new_uids
from .session import Session, Tx

# Imported where used, not here: every participant command loads this module, and a
# start should not pay for what it will not run (benchmarks/startup.py): the search
# (domain.search, participant list --search), the track catalogue (services.catalog,
# --track) and the records of other Lapas (store.merging, only written to on a
# registration in a ledger that merged others); store.ledger only to write.
if TYPE_CHECKING:
    from ..domain.search import Search
    from ..store.ledger import Draft

STATUSES = {"in-custody": "in_custody", "released": "released", "transferred": "transferred",
            "deceased": "deceased",
            # as an admin may type them
            "in_custody": "in_custody", "ditahan": "in_custody", "bebas": "released",
            "pindah": "transferred", "meninggal": "deceased"}


# -- finding people ----------------------------------------------------------


def find_person(session: Session, conn: sqlite3.Connection, who: str, *,
                own: bool = False) -> sqlite3.Row:
    """WHO is a register number (any spelling that parses; ``JMB:B.I-5/2026`` for a stay
    of another Lapas merged here), a 16-digit NIK, or the person's global id (as exports
    and merged ledgers carry it).

    ``own``: the person is to be written about, so must be a record of this Lapas (one
    with a stay here): another Lapas's records are read here, and written in its ledger."""
    text = bounded(who, "who", WORD).strip()
    row = None
    lapas, qualified = split_lapas(text)
    if looks_like_regno(qualified):
        reg = parse_regno(qualified, field="who")
        stay = stay_numbered(conn, lapas or session.config.lapas_code, reg)
        if stay is None and lapas is None:
            # a ledger that merged other Lapas: a number only one of them gave
            found = queries.stays_numbered_anywhere(conn, reg.register_class, reg.sequence,
                                                    reg.year)
            if len(found) > 1:
                raise Invalid("who", who, "who_in_several_lapas",
                              lapas=", ".join(f"{s['lapas']}:{qualified}" for s in found))
            stay = found[0] if found else None
        row = queries.person_by_id(conn, stay["person_id"]) if stay else None
    elif is_uid(text):
        row = queries.person_by_uid(conn, text.lower())
    else:
        digits = nik_digits(text)
        if len(digits) == 16 and is_digits(digits):
            # this Lapas's record of the NIK first, else another Lapas's merged here
            row = queries.person_by_nik(conn, digits, session.config.lapas_code) \
                or queries.person_by_nik(conn, digits)
    if row is None:
        raise NotFound("who_not_found", who=who)
    if own:
        lapas = queries.lapas_of_person(conn, row["id"])
        if lapas and session.config.lapas_code not in lapas:
            raise Rejected("who_of_other_lapas", who=who, lapas=", ".join(lapas))
    return row


def stay_numbered(conn: sqlite3.Connection, lapas: str, reg: RegisterNumber
                  ) -> sqlite3.Row | None:
    key = (lapas, reg.register_class, reg.sequence, reg.year)
    # a number a verdict replaced still names the same person
    return queries.stay_by_regno(conn, *key) or queries.stay_by_previous_regno(conn, *key)


def regno_text(session: Session, stay: sqlite3.Row) -> str:
    reg = RegisterNumber(stay["register_class"], stay["reg_seq"], stay["reg_year"])
    return reg.format(session.config.regno_format)


def stay_sentence(stay: sqlite3.Row) -> Sentence | None:
    if stay["sentence_life"] or stay["sentence_death"]:
        return Sentence(life=bool(stay["sentence_life"]), death=bool(stay["sentence_death"]))
    if stay["sentence_years"] is None:
        return None
    return Sentence(stay["sentence_years"], stay["sentence_months"], stay["sentence_days"])


def stay_dates(session: Session, conn: sqlite3.Connection, stay: sqlite3.Row) -> ms.Milestones:
    """Every date of a stay from its sentence and the remissions recorded (the dates
    ``participant show`` prints and every release rule checks)."""
    return dates_with(session, stay, queries.remission_grants(conn, stay["stay_id"]))


def dates_with(session: Session, stay: Mapping, grants: list[tuple[date, int]]
               ) -> ms.Milestones:
    """Every date of a stay with these remissions ((granted_on, days), in grant order)."""
    return ms.milestones(date.fromisoformat(stay["detained_on"]), stay_sentence(stay), grants,
                         session.config.rules)


# -- validating what a user typed ---------------------------------------------

def _identity(session: Session, nik: str | None, gender: str | None,
              birth_date: str | date | None) -> tuple[str | None, str | None, date | None]:
    """Parse NIK, gender and birth date; check they agree; fill gaps from the NIK."""
    sex = parse_gender(gender) if gender not in (None, "") else None
    born = session.optional_date(birth_date, "birth_date")
    info: NikInfo | None = None
    if nik not in (None, ""):
        info = parse_nik(nik, today=session.today)
        check_nik_agrees(info, gender=sex, birth_date=born)
        sex = sex or info.gender
        born = born or info.birth_date
    return (info.nik if info else None), sex, born


def _stay_fields(session: Session, reg_no: str, detained: str | date, sentence: str | None,
                 admitted: str | date | None, birth: date | None,
                 fine_substitute: bool = False, crime_category: str | None = None) -> dict:
    """A stay's fields checked against each other: class and sentence, the dates' order,
    kurungan in place of a fine only on a B.III number."""
    reg = parse_regno(reg_no)
    if fine_substitute and reg.register_class != "B.III":
        raise Invalid("reg_no", reg_no, "fine_substitute_needs_b3")
    parsed = parse_sentence(sentence) if sentence not in (None, "") else None
    check_class_agrees(reg.register_class, parsed, reg_no=str(reg_no),
                       sentence_text=str(sentence or ""))
    detained_on = session.date(detained, "detained")
    admitted_on = session.optional_date(admitted, "admitted") or detained_on
    check_stay_dates(detained_on, admitted_on, birth)
    return {"reg": reg, "sentence": parsed, "detained_on": detained_on, "admitted_on": admitted_on,
            "notices": stay_notices(reg.register_class, parsed, detained_on, birth),
            "crime_category": parse_category(crime_category, session.config.offence_categories)
            if crime_category not in (None, "") else None}


def _check_regno_free(tx: Tx, reg: RegisterNumber, reg_no: str) -> None:
    lapas = tx.session.config.lapas_code
    if queries.stay_by_regno(tx.conn, lapas, reg.register_class, reg.sequence, reg.year):
        raise Invalid("reg_no", reg_no, "regno_duplicate", lapas=lapas,
                      canonical=reg.format(tx.session.config.regno_format))


def _stay_payload(session: Session, person_uid: str | None, stay_uid: str | None, stay: dict,
                  crime: str | None, fine_substitute: bool) -> dict:
    reg: RegisterNumber = stay["reg"]
    payload = {
        "uid": stay_uid, "person": person_uid, "lapas": session.config.lapas_code,
        "register_class": reg.register_class, "reg_seq": reg.sequence, "reg_year": reg.year,
        "detained_on": stay["detained_on"].isoformat(),
        "admitted_on": stay["admitted_on"].isoformat(),
        "sentence": stay["sentence"].as_dict() if stay["sentence"] else None,
        "fine_substitute": fine_substitute, "crime": crime,
    }
    if stay["crime_category"]:
        payload["crime_category"] = stay["crime_category"]
    if stay["notices"]:
        payload["notices"] = notice_keys(stay["notices"])
    return payload


def _admit(tx: Tx, person_uid: str, stay: dict, crime: str | None,
           fine_substitute: bool) -> str:
    stay_uid = new_uid()
    tx.record("stay.admitted", person_uid,
              _stay_payload(tx.session, person_uid, stay_uid, stay, crime, fine_substitute))
    return stay_uid


# -- use cases ----------------------------------------------------------------

class Registration(NamedTuple):
    """A registration that passed every rule needing no database (see
    ``plan_registration``), with its event's payload already in the form the ledger
    stores (``stored``: no ids in it, so it is made before they are known). Plain values
    only: a plan crosses from the process that reads a big import file
    (``services.import_rows``), and a tuple of them crosses fastest."""

    reg_no: str           # as typed, for error messages
    nik_text: str | None  # as typed
    name: str
    nik: str | None
    reg_key: tuple[str, int, int]    # class, number, year
    notices: list[Notice]
    uid: str | None
    stored: str

    @property
    def reg(self) -> RegisterNumber:
        return RegisterNumber(*self.reg_key)


def plan_registration(session: Session, *, name: str, reg_no: str, detained: str | date,
                      sentence: str | None, admitted: str | date | None = None,
                      nik: str | None = None, gender: str | None = None,
                      birth_date: str | date | None = None, crime: str | None = None,
                      fine_substitute: bool = False, uid: str | None = None,
                      crime_category: str | None = None) -> Registration:
    """Every rule of a registration that needs no database: fields, NIK, class, dates."""
    clean = clean_name(name)
    nik_value, sex, born = _identity(session, nik, gender, birth_date)
    stay = _stay_fields(session, reg_no, detained, sentence, admitted, born, fine_substitute,
                        crime_category)
    if uid is not None and not is_uid(uid):
        raise Invalid("person_uid", uid, "person_uid_taken")
    from ..store.ledger import encode

    crime = clean_text(crime, field="crime")
    payload = {"name": clean, "nik": nik_value, "gender": sex,
               "birth_date": born.isoformat() if born else None,
               **_stay_payload(session, None, None, stay, crime, fine_substitute)}
    reg = stay["reg"]
    return Registration(str(reg_no), nik, clean, nik_value,
                        (reg.register_class, reg.sequence, reg.year), stay["notices"], uid,
                        encode("person.admitted", payload).text)


class Pending:
    """Keys claimed by registrations checked but not yet written (a bulk import's batch)."""

    def __init__(self) -> None:
        self.regs: set[tuple[str, int, int]] = set()
        self.niks: dict[str, str] = {}       # NIK -> the register number that claimed it
        self.uids: set[str] = set()


def check_registration(tx: Tx, plan: Registration, pending: Pending | None = None, *,
                       regno_known_free: bool = False,
                       known_niks: dict[str, int] | None = None) -> None:
    """The rules that need the ledger: register number, NIK and global id are free.

    A bulk caller that has already looked up its batch says so: ``regno_known_free``, and
    ``known_niks`` ({nik: person id} of the batch's NIKs that are taken).
    """
    session = tx.session
    if pending is not None and plan.reg_key in pending.regs:
        raise Invalid("reg_no", plan.reg_no, "regno_duplicate", lapas=session.config.lapas_code,
                      canonical=plan.reg.format(session.config.regno_format))
    if not regno_known_free:
        _check_regno_free(tx, plan.reg, plan.reg_no)
    if plan.nik:
        if pending is not None and plan.nik in pending.niks:
            raise Invalid("nik", plan.nik_text, "nik_held", reg_no=pending.niks[plan.nik])
        if known_niks is None:
            row = queries.person_by_nik(tx.conn, plan.nik, session.config.lapas_code)
            owner = row["id"] if row is not None else None
        else:
            owner = known_niks.get(plan.nik)
        if owner is not None:
            latest = queries.latest_stay(tx.conn, owner)
            if latest is not None and latest["status"] != "in_custody":
                raise Invalid("nik", plan.nik_text, "nik_of_released_person",
                              reg_no=regno_text(session, latest))
            _nik_held(session, tx.conn, plan.nik_text, owner)
    if plan.uid is not None and ((pending is not None and plan.uid in pending.uids)
                                 or queries.person_by_uid(tx.conn, plan.uid)):
        raise Invalid("person_uid", plan.uid, "person_uid_taken")
    if pending is not None:
        pending.regs.add(plan.reg_key)
        if plan.nik:
            pending.niks[plan.nik] = plan.reg.format(session.config.regno_format)
        if plan.uid:
            pending.uids.add(plan.uid)


def _nik_held(session: Session, conn: sqlite3.Connection, nik: str | None,
              holder: int) -> None:
    """Refuse a NIK another person of this ledger holds, naming them by register number
    (what the clerk looks them up by)."""
    latest = queries.latest_stay(conn, holder)
    if latest is None:
        raise Invalid("nik", nik, "nik_duplicate")
    raise Invalid("nik", nik, "nik_held", reg_no=regno_text(session, latest))


def registration_records(plans: list[Registration], person_uids: Iterable[str]
                         ) -> list[Draft]:
    """The one event of each registration, ``person.admitted``: the person (the subject)
    and their first stay (the event's new uid is the stay's; how it is stored compact:
    ``store.payloads``)."""
    from ..store.ledger import Draft, Encoded

    return [Draft("person.admitted", person_uid, Encoded(plan.stored))
            for plan, person_uid in zip(plans, person_uids)]


def register_checked(tx: Tx, plans: list[Registration]) -> None:
    """Write registrations that passed ``check_registration``, as one batch of events."""
    uids = iter(new_uids(sum(1 for plan in plans if plan.uid is None)))
    records = registration_records(plans, [plan.uid or next(uids) for plan in plans])
    tx.record_many(records)
    link_by_nik(tx, [r.subject for r, plan in zip(records, plans) if plan.nik])


def link_by_nik(tx: Tx, uids: list[str]) -> list[dict]:
    """The same NIK in two Lapas is one person: each of these records with a NIK that a
    record of another Lapas (merged into this ledger) has is linked to the earliest such
    record, by a ``person.linked`` event of this ledger's own chain. Nothing to do (and
    nothing read) in a ledger that merged no other Lapas."""
    from ..store import merging

    if not uids or not merging.has_merged(tx.conn):
        return []
    made = []
    for found in merging.records_by_uid(tx.conn, uids):
        if not found.nik:
            continue
        for other in merging.records_with_nik(tx.conn, found.nik):
            if other.group != merging.record(tx.conn, found.uid).group:
                tx.record("person.linked", found.uid, {"a": other.uid, "b": found.uid,
                                                       "basis": "nik"})
                made.append({"a": other.uid, "b": found.uid, "nik": found.nik})
                break
    return made


def register(session: Session, *, name: str, reg_no: str, detained: str | date,
             sentence: str | None, admitted: str | date | None = None, nik: str | None = None,
             gender: str | None = None, birth_date: str | date | None = None,
             crime: str | None = None, fine_substitute: bool = False,
             uid: str | None = None, crime_category: str | None = None,
             tx: Tx | None = None) -> dict:
    """Register a person and their first stay (``person.registered`` + ``stay.admitted``).

    ``uid`` keeps the global id a person already has in another ledger (an import).
    """
    plan = plan_registration(session, name=name, reg_no=reg_no, detained=detained,
                             sentence=sentence, admitted=admitted, nik=nik, gender=gender,
                             birth_date=birth_date, crime=crime,
                             fine_substitute=fine_substitute, uid=uid,
                             crime_category=crime_category)
    person_uid = uid or new_uid()
    with session.transaction(tx) as tx:
        check_registration(tx, plan)
        tx.record_many(registration_records([plan], [person_uid]))
        link_by_nik(tx, [person_uid] if plan.nik else [])
    return {"uid": person_uid, "name": plan.name,
            "reg_no": plan.reg.format(session.config.regno_format),
            "notices": plan.notices}


def readmit(session: Session, who: str, *, reg_no: str, detained: str | date,
            sentence: str | None, admitted: str | date | None = None,
            crime: str | None = None, fine_substitute: bool = False,
            crime_category: str | None = None, tx: Tx | None = None) -> dict:
    """Open a new stay for someone released: the event recidivism counts."""
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        born = date.fromisoformat(person["birth_date"]) if person["birth_date"] else None
        stay = _stay_fields(session, reg_no, detained, sentence, admitted, born,
                            fine_substitute, crime_category)
        latest = queries.latest_stay(tx.conn, person["id"])
        if latest is not None and latest["status"] == "in_custody":
            raise Rejected("readmit_in_custody", who=who, reg_no=regno_text(session, latest))
        if latest is not None and latest["status"] == "transferred" and \
                stay["detained_on"].isoformat() == latest["detained_on"]:
            # the same detention date: the same sentence, coming back from the transfer
            raise Rejected("readmit_is_return", who=who, reg_no=regno_text(session, latest))
        if latest is not None and latest["released_on"] and \
                stay["detained_on"].isoformat() < latest["released_on"]:
            raise Invalid("detained", str(detained), "readmit_before_release",
                          released_on=latest["released_on"])
        _check_regno_free(tx, stay["reg"], reg_no)
        _admit(tx, person["uid"], stay, clean_text(crime, field="crime"), fine_substitute)
    return {"uid": person["uid"], "name": person["name"],
            "reg_no": stay["reg"].format(session.config.regno_format),
            "notices": stay["notices"]}


def record_verdict(session: Session, who: str, *, sentence: str, on: str | date,
                   register_class: str | None = None, reg_no: str | None = None,
                   tx: Tx | None = None) -> dict:
    """A verdict: the pre-trial stay of WHO becomes a sentenced one (``stay.sentenced``).

    The same stay and detention date, so it is neither a release nor a readmission; the
    register number is ``reg_no`` when the office gives a new one, else the same sequence
    and year under the new class. The old class and number stay in the ledger.
    """
    from ..domain.release import is_pretrial
    parsed = parse_sentence(sentence)
    new_reg = parse_regno(reg_no) if reg_no else None
    wanted = parse_class(register_class, field="class") if register_class else None
    if new_reg and wanted and new_reg.register_class != wanted:
        raise Invalid("reg_no", reg_no, "verdict_class_differs", register_class=wanted)
    wanted = wanted or (new_reg.register_class if new_reg else None)
    if wanted is None:
        raise Invalid("class", "", "verdict_class_required")
    if is_pretrial(wanted):
        raise Invalid("class", wanted, "verdict_class_pretrial")
    when = session.date(on, "on")
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        stay = queries.latest_stay(tx.conn, person["id"])
        if stay["status"] != "in_custody" or not is_pretrial(stay["register_class"]):
            raise Rejected("verdict_not_pretrial", who=who, reg_no=regno_text(session, stay),
                           status=stay["status"])
        reg = new_reg or RegisterNumber(wanted, stay["reg_seq"], stay["reg_year"])
        text = reg.format(session.config.regno_format)
        check_class_agrees(wanted, parsed, reg_no=text, sentence_text=str(sentence))
        if when.isoformat() < stay["detained_on"]:
            raise Invalid("on", when.isoformat(), "verdict_before_detention",
                          detained=stay["detained_on"])
        _check_regno_free(tx, reg, text)
        born = date.fromisoformat(person["birth_date"]) if person["birth_date"] else None
        notices = stay_notices(wanted, parsed, date.fromisoformat(stay["detained_on"]), born)
        payload = {"uid": stay["stay_uid"], "on": when.isoformat(), "register_class": wanted,
                   "reg_seq": reg.sequence, "reg_year": reg.year, "sentence": parsed.as_dict(),
                   "previous": {"register_class": stay["register_class"],
                                "reg_seq": stay["reg_seq"], "reg_year": stay["reg_year"]}}
        if notices:
            payload["notices"] = notice_keys(notices)
        tx.record("stay.sentenced", person["uid"], payload)
    return {"uid": person["uid"], "name": person["name"], "reg_no": text,
            "was": regno_text(session, stay), "sentence": parsed.text(), "on": when.isoformat(),
            "notices": notices}


def correct(session: Session, who: str, *, name: str | None = None, nik: str | None = None,
            gender: str | None = None, birth_date: str | None = None,
            crime: str | None = None, crime_category: str | None = None,
            tx: Tx | None = None) -> dict:
    """Correct a person's record: one ``person.corrected`` (and ``stay.corrected`` for the
    offence and its category)."""
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        changes: dict = {}
        if name is not None:
            changes["name"] = clean_name(name)
        new_gender = parse_gender(gender) if gender is not None else person["gender"]
        new_birth = (session.date(birth_date, "birth_date") if birth_date is not None
                     else (date.fromisoformat(person["birth_date"]) if person["birth_date"]
                           else None))
        new_nik = person["nik"]
        if nik is not None:
            info = parse_nik(nik, today=session.today)
            new_nik = info.nik
            check_nik_agrees(info, gender=new_gender, birth_date=new_birth)
            new_gender = new_gender or info.gender
            new_birth = new_birth or info.birth_date
            other = queries.person_by_nik(tx.conn, info.nik, session.config.lapas_code)
            if other is not None and other["id"] != person["id"]:
                _nik_held(session, tx.conn, nik, other["id"])
        elif new_nik and (gender is not None or birth_date is not None):
            check_nik_agrees(parse_nik(new_nik, today=session.today),
                             gender=new_gender, birth_date=new_birth)
        if new_birth is not None:
            for stay in queries.stays_of(tx.conn, person["id"]):
                check_stay_dates(date.fromisoformat(stay["detained_on"]),
                                 date.fromisoformat(stay["admitted_on"]), new_birth)
        for column, value in (("nik", new_nik), ("gender", new_gender),
                              ("birth_date", new_birth.isoformat() if new_birth else None)):
            if value != person[column]:
                changes[column] = value
        if "name" in changes and changes["name"] == person["name"]:
            del changes["name"]
        stay_changes: dict = {}
        latest = queries.latest_stay(tx.conn, person["id"])
        if crime is not None:
            crime_text = clean_text(crime, field="crime")
            if crime_text != latest["crime"]:
                stay_changes["crime"] = crime_text
        if crime_category is not None:
            category = parse_category(crime_category, session.config.offence_categories) \
                if crime_category.strip() else None
            if category != latest["crime_category"]:
                stay_changes["crime_category"] = category
        if not changes and not stay_changes:
            raise Rejected("nothing_to_change", who=who)
        if changes:
            tx.record("person.corrected", person["uid"], {"uid": person["uid"],
                                                          "changes": changes})
        if stay_changes:
            tx.record("stay.corrected", person["uid"], {"uid": latest["stay_uid"],
                                                        "changes": stay_changes})
    return {"uid": person["uid"], "name": changes.get("name", person["name"]),
            "changed": sorted([*changes, *stay_changes])}


def correct_stay(session: Session, reg_no: str, *, detained: str | date | None = None,
                 admitted: str | date | None = None, sentence: str | None = None,
                 crime: str | None = None, tx: Tx | None = None) -> dict:
    """Correct one stay's dates, sentence or offence (``stay.corrected``), re-checking the
    register class and the order of dates."""
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, reg_no, own=True)
        reg = parse_regno(reg_no)
        stay = queries.stay_by_regno(tx.conn, session.config.lapas_code, reg.register_class,
                                     reg.sequence, reg.year)
        detained_on = session.date(detained, "detained") if detained else \
            date.fromisoformat(stay["detained_on"])
        admitted_on = session.date(admitted, "admitted") if admitted else \
            date.fromisoformat(stay["admitted_on"])
        parsed = parse_sentence(sentence) if sentence else stay_sentence(stay)
        check_class_agrees(reg.register_class, parsed, reg_no=reg_no,
                           sentence_text=str(sentence or ""))
        born = date.fromisoformat(person["birth_date"]) if person["birth_date"] else None
        check_stay_dates(detained_on, admitted_on, born)
        if stay["released_on"] and stay["released_on"] < detained_on.isoformat():
            raise Invalid("detained", detained_on.isoformat(), "detained_after_release",
                          released_on=stay["released_on"])
        changes: dict = {}
        if detained_on.isoformat() != stay["detained_on"]:
            changes["detained_on"] = detained_on.isoformat()
        if admitted_on.isoformat() != stay["admitted_on"]:
            changes["admitted_on"] = admitted_on.isoformat()
        if parsed != stay_sentence(stay):
            changes["sentence"] = parsed.as_dict() if parsed else None
        if crime is not None and clean_text(crime, field="crime") != stay["crime"]:
            changes["crime"] = clean_text(crime, field="crime")
        if not changes:
            raise Rejected("nothing_to_change", who=reg_no)
        tx.record("stay.corrected", person["uid"], {"uid": stay["stay_uid"], "changes": changes})
    return {"uid": person["uid"], "name": person["name"], "changed": sorted(changes)}


def record_access(session: Session, person_uids: list[str], *, fields: list[str],
                  command: str) -> None:
    """Revealing personal data is a processing activity: the ledger records who saw it."""
    if not person_uids:
        return
    with session.transaction() as tx:
        for uid in person_uids:
            tx.record("person.accessed", uid, {"uid": uid, "fields": fields, "command": command})


# -- reading ------------------------------------------------------------------

def _nik_out(nik: str | None, reveal: bool) -> str | None:
    """``reveal`` as ``Session.reveals`` decided it (and the access already recorded)."""
    return nik if reveal else mask_nik(nik)


def stay_dict(session: Session, conn: sqlite3.Connection, stay: sqlite3.Row) -> dict:
    sentence = stay_sentence(stay)
    grants = queries.remission_grants(conn, stay["stay_id"])
    dates = ms.milestones(date.fromisoformat(stay["detained_on"]), sentence, grants,
                          session.config.rules)
    overdue = None
    if stay["status"] == "in_custody" and dates.expiry and dates.expiry < session.today:
        overdue = (session.today - dates.expiry).days
    return {
        "uid": stay["stay_uid"],
        "reg_no": regno_text(session, stay),
        "register_class": stay["register_class"],
        "lapas": stay["lapas"],
        "detained_on": stay["detained_on"],
        "admitted_on": stay["admitted_on"],
        "sentence": sentence.text() if sentence else None,
        "kurungan": stay["register_class"] == "B.III",
        "fine_substitute": bool(stay["fine_substitute"]),
        "crime": stay["crime"],
        "crime_category": stay["crime_category"],
        "offence_category": stay["crime_category"] or categorize(
            stay["crime"], session.config.offence_rules),
        "status": stay["status"],
        "released_on": stay["released_on"],
        "release_type": stay["release_type"],
        "release_override": stay["release_override"],
        "transfer_to": stay["transfer_to"],
        "sentenced_on": stay["sentenced_on"],
        "remission_days": sum(days for _, days in grants),
        **dates.as_dict(),
        "days_past_expiry": overdue,
    }


def enrolment_dict(row: sqlite3.Row, position: int | None = None) -> dict:
    ended = row["ended_on"]
    status = row["status"]
    return {
        "uid": row["uid"],
        "track": row["track"],
        "opd": row["opd"],
        "kind": row["kind"],
        "status": status,
        "requested_on": row["requested_on"],
        "assigned_on": row["assigned_on"],
        "completed_on": ended if status in ("completed", "failed") else None,
        "dropped_on": ended if status == "dropped" else None,
        "reason": row["reason"],
        "result": row["result"],
        "certificate": row["certificate"],
        "hours": row["hours"],
        "sponsor": row["sponsor_code"] or row["sponsor"],
        "waitlist_position": position,
        "stay": row["stay_uid"],
    }


def show(session: Session, who: str, *, reveal: bool = False) -> dict:
    """One person: identity, every stay with its dates, enrolments and remissions."""
    reveal = session.reveals(reveal)
    with session.reading() as conn:
        person = find_person(session, conn, who)
        stays = [stay_dict(session, conn, s) for s in queries.stays_of(conn, person["id"])]
        enrolments = []
        for row in queries.enrolments_of(conn, person["id"]):
            position = None
            if row["status"] == "waitlisted":
                position = queries.waitlist_position(conn, row["track"], row["id"])
            enrolments.append(enrolment_dict(row, position))
        remissions = [{"uid": r["uid"], "stay": r["stay_uid"], "granted_on": r["granted_on"],
                       "kind": r["kind"], "days": r["days"], "override": r["override"]}
                      for r in queries.remissions_of_person(conn, person["id"])]
        from .products import premi_record
        premi = premi_record(conn, person["id"])
    if reveal and person["nik"]:
        record_access(session, [person["uid"]], fields=["nik"], command="participant show")
    current = stays[-1] if stays else {}
    return {
        "id": person["id"],
        "uid": person["uid"],
        "name": person["name"],
        "nik": _nik_out(person["nik"], reveal),
        "gender": person["gender"],
        "birth_date": person["birth_date"],
        "status": current.get("status"),
        "reg_no": current.get("reg_no"),
        "stays": stays,
        "enrolments": enrolments,
        "remissions": remissions,
        **premi,
    }


def list_people(session: Session, *, status: str = "all", search: str | None = None,
                track: str | None = None, opd: str | None = None, reveal: bool = False,
                spelt_otherwise: Callable[[], None] = lambda: None) -> Iterable[dict]:
    """Everyone, with their current (latest) stay; filters combine.

    Rows stream from one snapshot, so a national list does not sit in memory; with
    ``reveal`` they are gathered first, because the reveal is recorded before anything
    is shown.

    ``search`` finds a name as it is spelt (accents, word order and, when nothing matches
    as written, a letter or two off: see ``domain.search``), a register number written
    loosely or a part of one, and a NIK only whole (16 digits): a part of a NIK matched
    anywhere let anyone recover a full NIK digit by digit. A search that matched a NIK is
    recorded as an access to it. ``spelt_otherwise`` is called before the first of the
    people found only spelt otherwise (so the caller can say so).
    """
    reveal = session.reveals(reveal)
    status = str(status).strip().lower()
    opd = normalize_code(opd) if opd else None
    everyone = status in ("all", "semua")
    wanted = None if everyone else STATUSES.get(status)
    if not everyone and wanted is None:
        raise Invalid("status", status, "status_unknown",
                      choices="in-custody, released, transferred, deceased, all")
    with session.reading() as conn:
        if track:
            from .catalog import find_track
            found = find_track(conn, track)
            if found is None:
                raise NotFound("track_not_found", track=track)
            track = found["code"]
        if opd and queries.opd(conn, opd) is None:
            raise NotFound("opd_not_found", opd=opd)
        if search:
            from ..domain.search import parse_search
        wanted_search = parse_search(search) if search else None
        nik = wanted_search.nik if wanted_search else None
        owner = queries.person_by_nik(conn, nik) if nik else None
    if owner is not None:
        record_access(session, [owner["uid"]], fields=["nik"],
                      command="participant list --search")
    rows = _people(session, wanted, wanted_search, None, track, opd, reveal)
    if wanted_search is not None:
        rows = _or_spelt_otherwise(session, rows, wanted_search, wanted, track, opd, reveal,
                                   spelt_otherwise)
    if not reveal:
        return rows
    people = list(rows)
    record_access(session, [p["uid"] for p in people if p["nik"]], fields=["nik"],
                  command="participant list")
    return people


def _or_spelt_otherwise(session: Session, rows: Iterator[dict], search: Search,
                        status: str | None, track: str | None, opd: str | None,
                        reveal: bool, said: Callable[[], None]) -> Iterator[dict]:
    """The people a search finds as written; when it finds no one, those whose name is
    spelt a letter or two otherwise."""
    first = next(rows, None)
    if first is not None:
        yield first
        yield from rows
        return
    query = search.fuzzy_query()
    if query is None:
        return
    from ..domain.search import matcher

    close = matcher(search)
    with session.reading() as conn:
        ids = [row_id for row_id, key in queries.search_candidates(conn, query)
               if close(key or "")]
    if ids:
        said()
        yield from _people(session, status, None, ids, track, opd, reveal)


def _people(session: Session, status: str | None, search: Search | None,
            ids: list[int] | None, track: str | None, opd: str | None,
            reveal: bool) -> Iterator[dict]:
    with session.reading() as conn:
        for row in queries.list_people(conn, status=status, search=search, ids=ids,
                                       track=track, opd=opd):
            sentence = stay_sentence(row)
            yield {
                "id": row["id"], "uid": row["uid"], "reg_no": regno_text(session, row),
                "name": row["name"], "nik": _nik_out(row["nik"], reveal),
                "gender": row["gender"], "birth_date": row["birth_date"],
                "register_class": row["register_class"], "status": row["status"],
                "detained_on": row["detained_on"], "admitted_on": row["admitted_on"],
                "sentence": sentence.text() if sentence else None,
                "released_on": row["released_on"], "release_type": row["release_type"],
                "stays": row["stay_count"], "active_enrolments": row["active_enrolments"],
            }
