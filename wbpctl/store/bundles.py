"""Moving a Lapas's chain between ledgers: segments of a chain, read from a ledger or from a
bundle file, checked link by link, and stored in another ledger as they are.

A bundle (``.wbpb``) is gzip-compressed JSON lines: a header naming the Lapas, the head
the events continue (``after``) and the head they end at (``head``), then one line per
event with every field its hash covers, the payload as the exact stored text. It proves
itself: the hashes, recomputed from ``after``, must end at ``head``.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import chain, ledger, uids

MAGIC = "wbpctl-bundle"
VERSION = 1


@dataclass(frozen=True)
class Stored:
    """One event as its chain stores it: every field its hash covers."""

    seq: int
    uid: bytes
    at: str
    actor: str
    lapas: str
    kind: str
    subject: str
    payload: str
    batch: str | None
    hash: bytes


@dataclass
class Segment:
    """Events seq ``after + 1`` .. ``last`` of the chain of ``lapas``."""

    lapas: str
    legacy_upto: int
    after: int
    after_hash: bytes
    events: list[Stored]
    source: str
    own: bool = True      # the source's own chain (a bundle's is), not one it merged

    @property
    def last(self) -> int:
        return self.events[-1].seq if self.events else self.after

    @property
    def last_hash(self) -> bytes:
        return self.events[-1].hash if self.events else self.after_hash


class BadSource(Exception):
    """A file that is not a sound bundle or ledger: ``reason`` says what is wrong."""

    def __init__(self, source: str, reason: str, seq: int | None = None) -> None:
        super().__init__(reason)
        self.source, self.reason, self.seq = source, reason, seq


def check_links(segment: Segment) -> None:
    """Recompute every hash from ``after_hash``; a bundle that was altered is refused.

    Which format each event was hashed in is read from the hashes themselves, not taken
    from the header (which no hash covers): format 1 until the first format-2 event, then
    only format 2; ``legacy_upto`` becomes the last format-1 event found (0: none). Every
    event must name the Lapas of its chain (that field, unlike the header, is hashed)."""
    prev, legacy, format2 = segment.after_hash, 0, False
    for i, e in enumerate(segment.events):
        if e.seq != segment.after + 1 + i:
            raise BadSource(segment.source, "event_missing", segment.after + 1 + i)
        if e.lapas != segment.lapas:
            raise BadSource(segment.source, "event_of_other_lapas", e.seq)
        made = chain.hash_v2(prev, e.uid, e.at, e.actor, e.lapas, e.kind, e.subject,
                             e.payload, e.batch)
        if made == e.hash:
            format2 = True
        elif not format2:
            made = chain.hash_v1(prev, uids.uid_text(e.uid), e.at, e.actor, e.lapas,
                                 e.kind, e.subject, e.payload, e.batch)
            legacy = e.seq
        if made != e.hash:
            raise BadSource(segment.source, "event_altered", e.seq)
        prev = made
    segment.legacy_upto = legacy


# -- reading a chain from a ledger ---------------------------------------------------------

def read_chain(conn: sqlite3.Connection, info: ledger.ChainInfo, after: int = 0,
               source: str = "") -> Segment:
    """The events of a chain after seq ``after``, as stored."""
    base = info.id * ledger.SPAN
    after_hash = chain.GENESIS
    if after:
        row = conn.execute("SELECT hash FROM events WHERE seq = ?", (base + after,)).fetchone()
        after_hash = row[0]
    rows = ledger.stored_rows(conn, info.id, after + 1)
    events = [Stored(r[0] & ledger._N, *r[1:]) for r in rows]
    return Segment(info.lapas, info.legacy_upto, after, after_hash, events, source)


def read_ledger(path: Path) -> list[Segment]:
    """Every chain of another ledger file (opened read-only), each checked link by link."""
    source = str(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BadSource(source, "unreadable") from exc
    try:
        from .connection import APPLICATION_ID
        from .schema import EVENTS_READ_SINCE, SCHEMA_VERSION
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise BadSource(source, "not_a_ledger")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not EVENTS_READ_SINCE <= version <= SCHEMA_VERSION:
            raise BadSource(source, "old_ledger")
        conn.execute("BEGIN")
        segments = [read_chain(conn, info, 0, source) for info in ledger.chains(conn)]
        for segment, info in zip(segments, ledger.chains(conn)):
            segment.own = info.id == ledger.HOME
        conn.execute("ROLLBACK")
    except sqlite3.DatabaseError as exc:
        raise BadSource(source, "unreadable") from exc
    finally:
        conn.close()
    for segment in segments:
        check_links(segment)
    return segments


# -- bundle files ----------------------------------------------------------------------------

def _line(e: Stored) -> str:
    return json.dumps({"seq": e.seq, "uid": uids.uid_text(e.uid), "at": e.at,
                       "actor": e.actor, "lapas": e.lapas, "kind": e.kind,
                       "subject": e.subject, "payload": e.payload, "batch": e.batch,
                       "hash": e.hash.hex()}, ensure_ascii=False, separators=(",", ":"))


def write_bundle(segment: Segment, handle) -> None:
    """Write ``segment`` as a bundle into a binary file ``handle`` (gzip, JSON lines)."""
    header = {"format": MAGIC, "version": VERSION, "lapas": segment.lapas,
              "legacy_upto": segment.legacy_upto,
              "after": {"seq": segment.after, "hash": segment.after_hash.hex()},
              "head": {"seq": segment.last, "hash": segment.last_hash.hex()},
              "events": len(segment.events)}
    with gzip.GzipFile(fileobj=handle, mode="wb", mtime=0) as out:
        out.write((json.dumps(header, separators=(",", ":")) + "\n").encode("utf-8"))
        for e in segment.events:
            out.write((_line(e) + "\n").encode("utf-8"))


def _lines(path: Path) -> Iterator[str]:
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as handle:
        yield from handle


def read_bundle(path: Path) -> Segment:
    """A bundle file, checked: its header, every event's hash from ``after``, and that the
    last one is the head it names."""
    source = str(path)
    try:
        lines = _lines(path)
        header = json.loads(next(lines))
        if not isinstance(header, dict) or header.get("format") != MAGIC:
            raise BadSource(source, "not_a_bundle")
        if header.get("version") != VERSION:
            raise BadSource(source, "bundle_version")
        events = []
        for text in lines:
            d = json.loads(text)
            events.append(Stored(int(d["seq"]), uids.uid_bytes(d["uid"]), d["at"], d["actor"],
                                 d["lapas"], d["kind"], d["subject"], d["payload"], d["batch"],
                                 bytes.fromhex(d["hash"])))
        segment = Segment(str(header["lapas"]), int(header["legacy_upto"]),
                          int(header["after"]["seq"]), bytes.fromhex(header["after"]["hash"]),
                          events, source)
        head = header["head"]
    except BadSource:
        raise
    except (OSError, EOFError, zlib.error, StopIteration, UnicodeDecodeError, ValueError,
            KeyError, TypeError, AttributeError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise BadSource(source, "missing") from exc
        raise BadSource(source, "not_a_bundle") from exc
    try:
        if len(events) != header.get("events"):
            raise BadSource(source, "event_missing", segment.last + 1)
        check_links(segment)
        if (segment.last, segment.last_hash.hex()) != (head["seq"], head["hash"]):
            raise BadSource(source, "event_altered", head["seq"])
    except BadSource:
        raise
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise BadSource(source, "not_a_bundle") from exc
    return segment


def is_bundle(path: Path) -> bool:
    """Whether ``path`` starts as gzip does (a bundle) rather than as SQLite does."""
    try:
        with open(path, "rb") as handle:
            return handle.read(2) == b"\x1f\x8b"
    except OSError:
        return False
