"""A person's processing history (UU PDP) and the proof that the ledger is sound and still
holds the heads printed on reports and kept in checkpoint files."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from ..domain.errors import Rejected
from ..domain.heads import Head, parse_head
from ..domain.nik import mask_nik
from ..store import connection, ledger
from . import checkpoints, heads
from .participants import find_person, record_access
from .session import Session


def _masked(payload: dict) -> dict:
    """The payload with every NIK in it masked (registrations and corrections carry one)."""
    out = {}
    for key, value in payload.items():
        if key == "nik" and isinstance(value, str):
            out[key] = mask_nik(value)
        elif isinstance(value, dict):
            out[key] = _masked(value)
        else:
            out[key] = value
    return out


def log(session: Session, who: str | None = None, *, limit: int | None = None,
        reveal: bool = False) -> Iterable[dict]:
    """Events in order; with WHO, every event about that person (their full history).

    NIKs inside payloads are masked unless ``reveal``; a reveal is itself recorded, before
    anything is shown (so revealed logs are gathered first; others stream).
    """
    reveal = session.reveals(reveal)
    with session.reading() as conn:
        subjects = [find_person(session, conn, who)["uid"]] if who else None
    rows = _events(session, subjects, limit, hide=not reveal)
    if not reveal:
        return rows
    gathered = list(rows)
    shown = sorted({r["subject"] for r in gathered if _has_nik(r["payload"])})
    record_access(session, shown, fields=["nik"], command="log")
    return gathered


def _events(session: Session, subjects: list[str] | None, limit: int | None, *,
            hide: bool) -> Iterator[dict]:
    with session.reading() as conn:
        for e in ledger.events(conn, subjects, limit):
            yield {"seq": e.seq, "uid": e.uid, "at": e.at, "actor": e.actor, "lapas": e.lapas,
                   "kind": e.kind, "subject": e.subject,
                   "payload": _masked(e.payload) if hide else e.payload, "batch": e.batch}


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
