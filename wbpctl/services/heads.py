"""Ledger heads: the head now, reports made at a past head, and the proof a head is kept.

The head is read in the same snapshot as the figures of a report, so it names exactly
the ledger they were counted from. ``report_snapshot`` is how every report reads: the
live ledger now, or (``--at``) the ledger as it stood at a past head, replayed into a
scratch copy by the same replay that ``verify`` makes.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..domain.errors import Invalid, NotFound, Rejected, StorageError
from ..domain.heads import Head, HeadRef, parse_head
from ..store import connection, ledger, schema
from .session import Session


def head_of(session: Session, conn: sqlite3.Connection) -> Head:
    """The last event as a head (an empty ledger: seq 0 and the genesis hash)."""
    return ledger.head(conn) or Head(session.config.lapas_code, 0, ledger.GENESIS, None)


def current(session: Session) -> Head:
    with session.reading() as conn:
        return head_of(session, conn)


def merged(session: Session) -> list[Head]:
    """The last event of each other Lapas's chain merged into this ledger."""
    with session.reading() as conn:
        return ledger.chain_heads(conn)[1:] if ledger.chains(conn) else []


def locate(conn: sqlite3.Connection, ref: HeadRef, field: str) -> Head | None:
    """The event a written head names: by its seq, else by its hash (prefix); None when the
    ledger has no such event. Whether it is the same head is ``ref.differs``."""
    if ref.seq is not None:
        return ledger.head(conn, ref.seq)
    found = ledger.heads_by_hash(conn, ref.hash or "")
    if len(found) > 1:
        raise Invalid(field, ref.text, "head_hash_ambiguous")
    return found[0] if found else None


def find(conn: sqlite3.Connection, ref: HeadRef, field: str) -> Head:
    """The head someone wrote, as this ledger holds it. Not found (3) when the ledger has
    no such event; rejected (1) when it has the event but with another hash or Lapas."""
    head = locate(conn, ref, field)
    if head is None:
        raise _absent(conn, ref)
    if ref.differs(head):
        raise Rejected("head_differs", given=ref.text, seq=head.seq, found=head.short)
    return head


def _absent(conn: sqlite3.Connection, ref: HeadRef) -> NotFound:
    if ref.seq is None:
        return NotFound("head_hash_not_found", given=ref.text)
    return NotFound("head_not_found", given=ref.text, seq=ref.seq, events=ledger.count(conn))


@contextmanager
def report_snapshot(session: Session, at: str | None = None
                    ) -> Iterator[tuple[sqlite3.Connection, Head]]:
    """One consistent read of the ledger for a report, and the head it reads.

    With ``at`` (a head as printed on a report, or a seq) the events up to and including
    that one are checked and replayed into a scratch ledger on disk, and the report reads
    that; the head is the live ledger's event at that seq. So a report made at a head is,
    byte for byte, the report made when that head was the last event.
    """
    if at is None:
        with session.reading() as conn:
            yield conn, head_of(session, conn)
        return
    ref = parse_head(at, field="at")
    with session.reading() as conn:
        head = find(conn, ref, "at")
    try:
        with ledger.replayed(str(session.db_path), head.seq) as replay:
            problem = replay.walked.problem
            if problem is not None:
                raise Rejected("verify_chain", seq=problem.seq, detail=problem.detail)
            if (replay.walked.seq, replay.walked.hash) != (head.seq, head.hash):
                raise Rejected("head_differs", given=ref.text, seq=replay.walked.seq,
                               found=Head(head.lapas, replay.walked.seq, replay.walked.hash,
                                          None).short)
            scratch = connection.connect(Path(replay.path))
            try:
                schema.check(scratch, replay.path)
                with connection.snapshot(scratch, replay.path):
                    yield scratch, head
            finally:
                scratch.close()
    except sqlite3.Error as exc:
        raise connection.storage_error(exc, session.db_path) from None
    except OSError as exc:     # the scratch folder: /tmp full or not writable
        raise StorageError("replay_failed", reason=exc.strerror or str(exc)) from None
