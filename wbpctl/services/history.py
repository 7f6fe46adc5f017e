"""A person's processing history (UU PDP) and the proof that the ledger is sound."""

from __future__ import annotations

import sqlite3
from typing import Iterable, Iterator

from ..domain.nik import mask_nik
from ..store import connection, ledger
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
    with session.reading() as conn:
        subjects = [find_person(session, conn, who)["uid"]] if who else None
    rows = _events(session, subjects, limit, hide=session.config.mask_nik and not reveal)
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


def verify(session: Session, *, quick: bool = False) -> dict:
    """Check the hash chain and (unless quick) replay every event into a scratch database."""
    session.connect()   # the usual checks: the file exists and is a current ledger
    try:
        total, problem, _ = ledger.verify(str(session.db_path), quick=quick)
    except sqlite3.Error as exc:
        raise connection.storage_error(exc, session.db_path) from None
    return {"ok": problem is None, "events": total, "replayed": not quick,
            "problem": None if problem is None else {
                "kind": problem.kind, "seq": problem.seq, "table": problem.table,
                "key": problem.key, "detail": problem.detail}}
