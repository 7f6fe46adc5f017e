"""A person's processing history (UU PDP) and the proof that the ledger is sound and still
holds the heads printed on reports and kept in checkpoint files."""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from ..domain.errors import Invalid, Rejected
from ..domain.heads import Head, parse_head
from ..domain.nik import mask_nik
from ..domain.sponsors import mask_contact
from ..store import connection, ledger, merging, product_queries, queries, sponsor_queries
from ..store.projections import KINDS as EVENT_KINDS
from . import checkpoints, heads, sponsors
from .participants import find_person, record_access, regno_text
from .session import Session


def _masked(payload: dict) -> dict:
    """The payload with every NIK in it masked (registrations and corrections carry one)."""
    out = {}
    for key, value in payload.items():
        if key == "nik" and isinstance(value, str):
            out[key] = mask_nik(value)
        elif key == "contact" and isinstance(value, str):      # a sponsor's
            out[key] = mask_contact(value)
        elif isinstance(value, dict):
            out[key] = _masked(value)
        else:
            out[key] = value
    return out


def _kind(text: str) -> str:
    """A kind of event (``stay.released``) or a part of one (``stay``); anything else is
    refused, where it used to find nothing without a word."""
    wanted = text.strip().lower()
    if wanted in EVENT_KINDS or any(k.startswith(wanted + ".") for k in EVENT_KINDS):
        return wanted
    raise Invalid("kind", text, "log_kind_unknown",
                  parts=", ".join(sorted({k.split(".")[0] for k in EVENT_KINDS})))


def log(session: Session, who: str | None = None, *, limit: int | None = None,
        reveal: bool = False, since: str | date | None = None,
        until: str | date | None = None, actor: str | None = None,
        kind: str | None = None) -> Iterable[dict]:
    """Events in order; with WHO, every event about that person (their full history);
    filtered by day recorded (``since`` inclusive, ``until`` exclusive), actor and kind.

    Each event carries ``who`` (the register number and name of the person it is about)
    and, for a correction, ``previous`` (the values it replaced, as far as the events
    already read tell). NIKs inside payloads are masked unless ``reveal``; a reveal is
    itself recorded, before anything is shown (so revealed logs are gathered first;
    others stream, the first line at once however long the ledger).
    """
    wanted = _kind(kind) if kind else None
    reveal = session.reveals(reveal)
    start = session.date(since, "since", allow_future=True).isoformat() if since else None
    end = session.date(until, "until", allow_future=True).isoformat() if until else None
    with session.reading() as conn:
        # every record of the person (linked records of merged Lapas too)
        subjects = merging.group_uids(conn, find_person(session, conn, who)["uid"]) \
            if who else None
    rows = _events(session, subjects, limit, hide=not reveal,
                   filters=dict(since=start, until=end, actor=actor, kind=wanted))
    if not reveal:
        return rows
    gathered = list(rows)
    shown = sorted({r["subject"] for r in gathered if _has_nik(r["payload"])})
    record_access(session, shown, fields=["nik"], command="log")
    sponsors.record_access(session, sorted({r["subject"] for r in gathered
                                            if _has_contact(r["payload"])}), command="log")
    return gathered


# what a later correction may replace, by the event that first records it (only these are
# remembered, so a long log keeps little)
_CORRECTABLE = {
    "person.registered": ("name", "nik", "gender", "birth_date"),
    "stay.admitted": ("crime", "crime_category", "detained_on", "admitted_on", "sentence"),
    "remission.granted": ("days",),
    "enrolment.assigned": ("sponsor",),
    "enrolment.waitlisted": ("sponsor",),
    "enrolment.completed": ("hours", "result", "certificate"),
    "enrolment.dropped": ("reason",),
}


# payload fields that name other people or sponsors by uid
_NAMES_OTHERS = {"sponsor", "makers", "credits", "a", "b"}


class _Known:
    """What the events read so far say of each subject: its name and register numbers
    (for ``who``) and the values later corrections replace (for ``previous``). Bounded:
    the least recently seen subjects are forgotten."""

    SIZE = 5_000

    def __init__(self, session: Session, conn: sqlite3.Connection) -> None:
        self.session, self.conn = session, conn
        self.subjects: OrderedDict[str, dict] = OrderedDict()

    def of(self, subject: str) -> dict:
        found = self.subjects.pop(subject, None)
        if found is None:
            found = {"who": self._who(subject), "fields": {}}
        self.subjects[subject] = found
        if len(self.subjects) > self.SIZE:
            self.subjects.popitem(last=False)
        return found

    def _who(self, subject: str) -> str | None:
        person = queries.person_by_uid(self.conn, subject)
        if person is None:
            sponsor = sponsor_queries.sponsor_by_uid(self.conn, subject)
            if sponsor is not None:
                return sponsor["code"]
            # a product's events are about its code
            return subject if product_queries.product(self.conn, subject) else None
        stay = queries.latest_stay(self.conn, person["id"])
        return f"{regno_text(self.session, stay)} {person['name']}" if stay else person["name"]

    def names(self, payload: dict) -> dict[str, str]:
        """Who the people and sponsors a payload names by uid are (a sale's makers, a
        donation's sponsor), for the log to say."""
        uids = [payload.get("sponsor"), payload.get("a"), payload.get("b")]
        for key in ("makers", "credits"):
            uids += [item.get("person") for item in payload.get(key) or ()
                     if isinstance(item, dict)]
        return {uid: who for uid in uids if isinstance(uid, str)
                and (who := self.of(uid)["who"]) is not None}

    def note(self, known: dict, kind: str, payload: dict) -> dict | None:
        """Remember what this event says; return the values a correction replaced."""
        fields = known["fields"]
        changes = payload.get("changes")
        if isinstance(changes, dict):
            scope = fields.setdefault(payload.get("uid"), {})
            previous = {k: scope.get(k) for k in changes}
            scope.update(changes)
            return previous
        if kind == "person.admitted":      # a person and a stay: each under its own uid
            self.note(known, "person.registered", payload)
            self.note(known, "stay.admitted", {**payload, "uid": payload.get("stay")})
            return None
        if kind in _CORRECTABLE:
            kept = {k: payload[k] for k in _CORRECTABLE[kind] if k in payload}
            if kept:
                fields.setdefault(payload.get("uid"), {}).update(kept)
        return None


def _events(session: Session, subjects: list[str] | None, limit: int | None, *,
            hide: bool, filters: dict) -> Iterator[dict]:
    with session.reading() as conn:
        known = _Known(session, conn)
        for e in ledger.events(conn, subjects, limit, **filters):
            about = known.of(e.subject)
            previous = known.note(about, e.kind, e.payload)
            names = known.names(e.payload) if _NAMES_OTHERS & e.payload.keys() else None
            yield {"seq": e.seq, "uid": e.uid, "at": e.at, "actor": e.actor, "lapas": e.lapas,
                   "kind": e.kind, "subject": e.subject,
                   "payload": _masked(e.payload) if hide else e.payload, "batch": e.batch,
                   "who": about["who"],
                   "previous": (_masked(previous) if hide else previous) if previous else None,
                   **({"names": names} if names else {}),
                   **({"merged": True} if e.merged else {})}


def _has_contact(payload: dict) -> bool:
    return any(k == "contact" and v or isinstance(v, dict) and _has_contact(v)
               for k, v in payload.items())


def _has_nik(payload: dict) -> bool:
    return any(k == "nik" and v or isinstance(v, dict) and _has_nik(v)
               for k, v in payload.items())


def verify(session: Session, *, quick: bool = False, head: str | None = None,
           heads_file: Path | None = None, public_key: Path | None = None) -> dict:
    """Check the hash chain and (unless quick) replay every event into a scratch database;
    then that every head given (``head``, and each line of the checkpoint file: the one
    beside the database, or ``heads_file``) is an event of this chain. Returns what was
    proven; raises ``Rejected`` naming the first thing that does not hold.

    The files and the heads written are read first, so a mistake in them is named before
    a replay that may take a minute."""
    session.connect()   # the usual checks: the file exists and is a current ledger
    claims: list[checkpoints.Claim] = []
    if head is not None:
        ref = parse_head(head, field="head")
        claims.append(checkpoints.Claim(ref))
    kept = checkpoints.read_claims(heads_file or checkpoints.file_for(session),
                                   required=heads_file is not None,
                                   public_key=checkpoints.public_key_for(session, public_key))
    claims += kept.claims if kept else []
    if head is not None and claims[0].ref.seq is None:     # a hash alone: which event
        with session.reading() as conn:
            found = heads.locate(conn, claims[0].ref, "head")
        if found is not None:
            claims[0] = replace(claims[0], ref=replace(claims[0].ref, seq=found.seq))
    try:
        total, problem, found_heads = ledger.verify(
            str(session.db_path), quick=quick,
            heads={c.ref.seq for c in claims if c.ref.seq is not None})
    except sqlite3.Error as exc:
        raise connection.storage_error(exc, session.db_path) from None
    if problem is not None and problem.kind == "chain" and problem.lapas:
        raise Rejected("verify_chain_merged", lapas=problem.lapas, seq=problem.seq,
                       detail=problem.detail)
    if problem is not None and problem.kind == "chain":
        raise Rejected("verify_chain", seq=problem.seq, detail=problem.detail)
    if problem is not None:
        raise Rejected("verify_projection", table=problem.table, detail=problem.detail)
    for claim in claims:
        _prove(claim, found_heads.get(claim.ref.seq) if claim.ref.seq else None, total)
    return {"events": total, "replayed": not quick,
            "head": found_heads[claims[0].ref.seq].short if head is not None else None,
            "checkpoints": None if kept is None else {
                "file": str(kept.file), "count": len(kept.claims), "signed": kept.signed,
                "checked_with": str(kept.checked_with) if kept.checked_with else None}}


def _prove(claim: "checkpoints.Claim", found: Head | None, total: int) -> None:
    """Raise naming ``claim`` unless ``found`` (the ledger's event at its seq) is it."""
    where = {} if claim.file is None else {
        "file": claim.file, "line": claim.line, "written_at": claim.written_at,
        "actor": claim.actor}
    prefix = "head" if claim.file is None else "checkpoint"
    if found is None:
        if claim.ref.seq is None:
            raise Rejected("head_hash_not_found", given=claim.ref.text)
        raise Rejected(f"{prefix}_not_found", given=claim.ref.text, seq=claim.ref.seq,
                       events=total, **where)
    if claim.ref.differs(found):
        raise Rejected(f"{prefix}_differs", given=claim.ref.text, seq=found.seq,
                       found=found.short, **where)
