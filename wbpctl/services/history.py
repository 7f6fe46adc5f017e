"""A person's processing history (UU PDP) and the proof that the ledger is sound."""

from __future__ import annotations

from ..store import ledger
from .participants import find_person
from .session import Session


def log(session: Session, who: str | None = None, *, limit: int | None = None) -> list[dict]:
    """Events in order; with WHO, every event about that person (their full history)."""
    with session.reading() as conn:
        subjects = [find_person(session, conn, who)["uid"]] if who else None
        found = ledger.events(conn, subjects, limit)
    return [{"seq": e.seq, "uid": e.uid, "at": e.at, "actor": e.actor, "lapas": e.lapas,
             "kind": e.kind, "subject": e.subject, "payload": e.payload, "batch": e.batch}
            for e in found]


def verify(session: Session, *, quick: bool = False) -> dict:
    """Check the hash chain and (unless quick) replay every event into a scratch database."""
    with session.reading() as conn:
        total, problem = ledger.verify(conn, quick=quick)
    return {"ok": problem is None, "events": total, "replayed": not quick,
            "problem": None if problem is None else {
                "kind": problem.kind, "seq": problem.seq, "table": problem.table,
                "key": problem.key, "detail": problem.detail}}
