"""The hash-chained event ledger: append (and apply), read, and verify by replay."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Iterator, NamedTuple

from ..domain.heads import Head
from ..domain.nik import mask_nik
from . import projections, schema

GENESIS = "0" * 64


# One encoder for every payload: json.dumps with options builds a new one per call.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(payload: dict) -> str:
    """The one text of a payload that its hash covers: sorted keys, no spaces, UTF-8."""
    return _CANONICAL.encode(payload)


@dataclass(frozen=True)
class Event:
    seq: int
    uid: str
    at: str
    actor: str
    lapas: str
    kind: str
    subject: str
    payload: dict
    batch: str | None
    prev_hash: str
    hash: str


def event_hash(prev_hash: str, uid: str, at: str, actor: str, lapas: str, kind: str,
               subject: str, payload_json: str, batch: str | None) -> str:
    # The unit separator cannot occur in canonical JSON or our fields, so no two ways of
    # splitting the same text into fields hash alike.
    import hashlib   # here, not at the top: commands that only read never hash

    text = "\x1f".join((prev_hash, uid, at, actor, lapas, kind, subject, payload_json,
                        batch or ""))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_last_uid_ms = 0
_uid_counter = 0


def new_uids(count: int) -> list[str]:
    """Time-ordered UUIDs (version 7), many at once, increasing within this process.

    Time order keeps the unique indexes on ``uid`` appending at their end instead of
    writing all over the B-tree, which is what makes a large import fast; the random
    bits keep ids from two Lapas apart when their ledgers are merged.
    """
    global _last_uid_ms, _uid_counter
    now = time.time_ns() // 1_000_000
    ms, counter = (now, 0) if now > _last_uid_ms else (_last_uid_ms, _uid_counter)
    tails = os.urandom(8 * count).hex()
    out = []
    for i in range(count):
        if counter >= 0xFFF:          # 4096 ids in one millisecond: borrow the next
            ms, counter = ms + 1, 0
        counter += 1
        # 48 bits of milliseconds, version 7, a 12-bit counter; the variant, 62 random bits
        head = f"{(ms << 16) | 0x7000 | counter:016x}"
        tail = f"{(int(tails[16 * i:16 * i + 16], 16) & 0x3FFF_FFFF_FFFF_FFFF) | (1 << 63):016x}"
        out.append(f"{head[:8]}-{head[8:12]}-{head[12:]}-{tail[:4]}-{tail[4:]}")
    _last_uid_ms, _uid_counter = ms, counter
    return out


def new_uid() -> str:
    return new_uids(1)[0]


INSERT_EVENT = ("INSERT INTO events (seq, uid, at, actor, lapas, kind, subject, payload, batch,"
                " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")


class Ledger:
    """Appends events inside the caller's write transaction and applies each one."""

    def __init__(self, conn: sqlite3.Connection, *, actor: str, lapas: str,
                 batch: str | None = None) -> None:
        self.conn = conn
        self.actor = actor
        self.lapas = lapas
        self.batch = batch
        self._last: tuple[int, str] | None = None

    def _tail(self) -> tuple[int, str]:
        if self._last is None:
            row = self.conn.execute(
                "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
            self._last = (row[0], row[1]) if row else (0, GENESIS)
        return self._last

    def mark(self) -> tuple[int, str] | None:
        """Where the chain ends now, to go back to after a rolled-back savepoint."""
        return self._last

    def reset(self, mark: tuple[int, str] | None) -> None:
        self._last = mark

    def append(self, kind: str, subject: str, payload: dict) -> Event:
        return self.append_many([(kind, subject, payload)])[0]

    def append_many(self, records: list[tuple[str, str, dict]]) -> list[Event]:
        """Chain, store and apply events in order: one executemany per table."""
        assert self.conn.in_transaction, "events are appended inside a write transaction"
        seq, prev_hash = self._tail()
        at = datetime.now(timezone.utc).isoformat(timespec="microseconds")
        made: list[Event] = []
        rows = []
        for (kind, subject, payload), uid in zip(records, new_uids(len(records))):
            if kind not in projections.KINDS:
                raise ValueError(f"unknown event kind {kind!r}")
            seq += 1
            payload_json = canonical_json(payload)
            digest = event_hash(prev_hash, uid, at, self.actor, self.lapas, kind, subject,
                                payload_json, self.batch)
            rows.append((seq, uid, at, self.actor, self.lapas, kind, subject, payload_json,
                         self.batch, prev_hash, digest))
            made.append(Event(seq, uid, at, self.actor, self.lapas, kind, subject, payload,
                              self.batch, prev_hash, digest))
            prev_hash = digest
        self.conn.executemany(INSERT_EVENT, rows)
        projections.apply_many(self.conn, made)
        self._last = (seq, prev_hash)
        return made


def _row_to_event(row: sqlite3.Row) -> Event:
    return Event(row["seq"], row["uid"], row["at"], row["actor"], row["lapas"], row["kind"],
                 row["subject"], json.loads(row["payload"]), row["batch"], row["prev_hash"],
                 row["hash"])


def events(conn: sqlite3.Connection, subjects: list[str] | None = None,
           limit: int | None = None, *, since: str | None = None, until: str | None = None,
           actor: str | None = None, kind: str | None = None) -> Iterator[Event]:
    """Events in order (streamed), optionally only those about some subjects, recorded on
    or after ``since`` and before ``until`` (UTC times or dates), by ``actor`` (with or
    without the OS account beside it), of
    ``kind`` (a whole kind, or its first part: ``stay``), optionally the last N."""
    sql = "SELECT * FROM events"
    where: list[str] = []
    params: list = []
    if subjects is not None:
        where.append("subject IN (%s)" % ",".join("?" * len(subjects)))
        params += subjects
    if since is not None:
        where.append("at >= ?")
        params.append(since)
    if until is not None:
        where.append("at < ?")
        params.append(until)
    if actor is not None:
        # the name as given, alone or with the OS account wbpctl records beside it
        where.append("(actor = ? OR substr(actor, 1, length(?) + 5) = ? || ' (os:')")
        params += [actor, actor, actor]
    if kind is not None:
        where.append("(kind = ? OR kind LIKE ? || '.%')")
        params += [kind, kind]
    if where:
        sql += " WHERE " + " AND ".join(where)
    if limit is not None:
        sql = f"SELECT * FROM ({sql} ORDER BY seq DESC LIMIT ?)"
        params.append(limit)
    sql += " ORDER BY seq"
    return (_row_to_event(r) for r in conn.execute(sql, params))


def count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM events").fetchone()[0]


@dataclass(frozen=True)
class Problem:
    """What ``verify`` found first: where, and what is wrong."""

    kind: str       # "chain" or "projection"
    seq: int | None
    table: str | None
    key: str | None
    detail: str


_COLUMNS = "seq, uid, at, actor, lapas, kind, subject, payload, batch, prev_hash, hash"


class _Replayed(NamedTuple):
    """What ``projections.apply_many`` needs of an event, and no more (a replay makes
    millions of them)."""

    kind: str
    payload: dict


class Walked(NamedTuple):
    """How far a walk along the chain got: the first problem (or None), and the seq and
    hash of the last event it found sound."""

    problem: Problem | None
    seq: int
    hash: str


def _walk(cursor: sqlite3.Cursor, on_rows=None) -> Walked:
    """Check every link of the chain (rows as plain tuples in ``_COLUMNS`` order), handing
    each slice of rows to ``on_rows``. The hash is ``event_hash``, inlined: this loop runs
    once per event of the ledger."""
    import hashlib

    prev_hash, expected = GENESIS, 1
    sha256 = hashlib.sha256
    while rows := cursor.fetchmany(20000):
        for seq, uid, at, actor, lapas, kind, subject, payload, batch, prev, digest in rows:
            if seq != expected:
                return Walked(Problem("chain", expected, "events", None,
                                      f"event #{expected} is missing"), expected - 1, prev_hash)
            if prev != prev_hash:
                return Walked(Problem("chain", seq, "events", None,
                                      "prev_hash does not match the event before"),
                              expected - 1, prev_hash)
            text = "\x1f".join((prev, uid, at, actor, lapas, kind, subject, payload,
                                batch or ""))
            if sha256(text.encode("utf-8")).hexdigest() != digest:
                return Walked(Problem("chain", seq, "events", None,
                                      "content does not match its hash"), expected - 1, prev_hash)
            prev_hash, expected = digest, seq + 1
        if on_rows is not None:
            on_rows(rows)
    return Walked(None, expected - 1, prev_hash)


def _tuples(conn: sqlite3.Connection, table: str, upto: int | None = None) -> sqlite3.Cursor:
    cursor = conn.cursor()
    cursor.row_factory = None
    if upto is None:
        return cursor.execute(f"SELECT {_COLUMNS} FROM {table} ORDER BY seq")
    return cursor.execute(f"SELECT {_COLUMNS} FROM {table} WHERE seq <= ? ORDER BY seq", (upto,))


def _first_difference(scratch: sqlite3.Connection, table: str) -> Problem | None:
    """Compare live.table with the replayed main.table row by row on the primary key, in
    SQL (no sorting, no Python per row); name the first odd row and column."""
    key = "code" if table in ("opds", "tracks", "products") else "id"
    columns = [r[1] for r in scratch.execute(f"PRAGMA main.table_info({table})")]
    same = " AND ".join(f"a.{c} IS b.{c}" for c in columns)
    odd = scratch.execute(
        f"SELECT a.{key} FROM live.{table} a LEFT JOIN main.{table} b ON b.{key} = a.{key}"
        f" WHERE NOT ({same}) ORDER BY a.{key} LIMIT 1").fetchone()
    if odd is None:
        odd = scratch.execute(
            f"SELECT b.{key} FROM main.{table} b LEFT JOIN live.{table} a ON a.{key} = b.{key}"
            f" WHERE a.{key} IS NULL ORDER BY b.{key} LIMIT 1").fetchone()
        if odd is None:
            return None
    value = odd[0]
    live = scratch.execute(f"SELECT * FROM live.{table} WHERE {key} = ?", (value,)).fetchone()
    replayed = scratch.execute(f"SELECT * FROM main.{table} WHERE {key} = ?", (value,)
                               ).fetchone()
    if live is None:
        return Problem("projection", None, table, str(value),
                       f"row {key}={value} is missing from the table")
    if replayed is None:
        return Problem("projection", None, table, str(value),
                       f"row {key}={value} is not in the ledger")
    column = next(c for c in live.keys() if live[c] != replayed[c])
    shown = mask_nik if column == "nik" else (lambda v: v)   # verify reveals no NIK
    return Problem("projection", None, table, str(value),
                   f"row {key}={value}: {column} is {shown(live[column])!r},"
                   f" the ledger says {shown(replayed[column])!r}")


# -- replaying into a scratch database: ``verify`` and reports ``--at`` a past head ----------

@contextmanager
def _scratch(live_path: str) -> Iterator[tuple[sqlite3.Connection, str, list[str]]]:
    """A scratch database in a temporary folder (removed on leaving, even on error), with
    the full schema of a current ledger made by the numbered migrations and marked as a
    wbpctl ledger (so every query runs on it unchanged), the live ledger attached as
    ``live``. The projection tables' secondary indexes are left out, since filling tables
    without them and building them after is faster: their CREATE statements are yielded.

    The file is on disk with a bounded cache, so memory stays flat however long the ledger.
    """
    import tempfile

    from .. import files

    folder = tempfile.mkdtemp(prefix="wbpctl-replay-")    # owner-only
    files.track(folder)           # swept at the next start if this process is killed
    try:
        path = os.path.join(folder, "replay.db")
        scratch = sqlite3.connect(path, isolation_level=None)
        try:
            scratch.row_factory = sqlite3.Row
            scratch.execute("PRAGMA journal_mode = OFF")
            scratch.execute("PRAGMA synchronous = OFF")
            scratch.execute("PRAGMA cache_size = -64000")
            scratch.execute("BEGIN")
            schema.migrate(scratch, path)
            indexes = schema.secondary_indexes(scratch)
            for name, _ in indexes:
                scratch.execute(f"DROP INDEX {name}")
            scratch.execute("COMMIT")
            # an absolute name: never read as a "file:" URI, whatever the path holds
            scratch.execute("ATTACH DATABASE ? AS live", (os.path.abspath(live_path),))
            yield scratch, path, [sql for _, sql in indexes]
        finally:
            scratch.close()
    finally:
        files.remove_path(folder)
        files.untrack(folder)


def _replay(scratch: sqlite3.Connection, upto: int | None = None, *, apply: bool = True
            ) -> Walked:
    """Walk the live chain (up to and including event ``upto``, or all of it) inside the
    caller's transaction, applying each slice of events to the scratch tables with the
    same ``projections.apply_many`` that live writes use. The one replay of wbpctl."""
    cursor = _tuples(scratch, "live.events", upto)
    if not apply:
        return _walk(cursor)
    loads = json.loads

    def replay(rows: list[tuple]) -> None:
        projections.apply_many(scratch, [_Replayed(r[5], loads(r[7])) for r in rows])

    return _walk(cursor, replay)


class Verified(NamedTuple):
    events: int
    problem: Problem | None
    heads: dict[int, Head]     # the events asked for by seq, read in the same snapshot


def verify(path: str, *, quick: bool = False, heads: Iterable[int] = ()) -> Verified:
    """Check the chain and (unless ``quick``) replay every event into a scratch database
    and compare every projection table with it, all in one read snapshot; read the
    events at the seqs in ``heads`` in that snapshot too (to prove checkpoints).

    The comparison is SQL, not Python.
    """
    with _scratch(path) as (scratch, _, _):
        scratch.execute("BEGIN")
        try:
            total = scratch.execute("SELECT count(*) FROM live.events").fetchone()[0]
            found = {seq: h for seq in heads if (h := head(scratch, seq, "live")) is not None}
            problem = _replay(scratch, apply=not quick).problem
            if problem is None and not quick:
                for table in schema.PROJECTION_TABLES:
                    problem = _first_difference(scratch, table)
                    if problem:
                        break
            return Verified(total, problem, found)
        finally:
            if scratch.in_transaction:
                scratch.execute("ROLLBACK")


class Replay(NamedTuple):
    """A ledger replayed up to one event: the scratch file to read, and how the walk went
    (``walked.problem`` set when the chain is broken before that event)."""

    path: str
    walked: Walked


@contextmanager
def replayed(path: str, upto: int) -> Iterator[Replay]:
    """The projection tables as they stood just after event ``upto``: the chain is walked
    and replayed up to it into a scratch ledger (secondary indexes built after the replay,
    for speed), which is removed when the block ends, even on error."""
    with _scratch(path) as (scratch, file, indexes):
        scratch.execute("BEGIN")
        walked = _replay(scratch, upto)
        scratch.execute("COMMIT")
        scratch.execute("DETACH DATABASE live")
        if walked.problem is None:
            # A small cache for the index builds: SQLite's sorter then sorts in small runs
            # and merges them, which measured no slower on a national ledger (5 million
            # events) and kept memory at 30 MB instead of 150 MB.
            scratch.execute("PRAGMA cache_size = -8000")
            scratch.execute("BEGIN")
            for sql in indexes:
                scratch.execute(sql)
            scratch.execute("COMMIT")
        scratch.close()
        yield Replay(file, walked)


# -- heads ---------------------------------------------------------------------------------

def head(conn: sqlite3.Connection, seq: int | None = None, database: str = "main"
         ) -> Head | None:
    """The event at ``seq`` (default: the last) as a head, or None when there is none."""
    where = "WHERE seq = ?" if seq is not None else "ORDER BY seq DESC LIMIT 1"
    row = conn.execute(f"SELECT lapas, seq, hash, at FROM {database}.events {where}",
                       () if seq is None else (seq,)).fetchone()
    return Head(row[0], row[1], row[2], row[3]) if row else None


def heads_by_hash(conn: sqlite3.Connection, prefix: str, limit: int = 2) -> list[Head]:
    """Events whose hash starts with ``prefix`` (hex), at most ``limit``: a full scan, done
    only when someone names a head by its hash alone."""
    rows = conn.execute("SELECT lapas, seq, hash, at FROM events WHERE substr(hash, 1, ?) = ?"
                        " ORDER BY seq LIMIT ?", (len(prefix), prefix.lower(), limit))
    return [Head(r[0], r[1], r[2], r[3]) for r in rows]
