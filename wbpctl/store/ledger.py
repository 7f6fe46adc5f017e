"""The hash-chained event ledger: append (and apply), read, and verify by replay."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Iterator, NamedTuple

from ..domain.errors import Rejected
from ..domain.heads import Head
from ..domain.nik import mask_nik
from ..domain.federation import qualify
from . import chain, projections, schema
from .payloads import IMPLIED, compact, expand

GENESIS = "0" * 64              # the genesis hash as heads write it (hex)

# Each origin Lapas has its own chain; its events are stored at seq chain * SPAN + n, n
# counting from 1, so this ledger's own chain (0) keeps seq == n, as before merging, and
# each chain is one range of the primary key (no extra column, no extra index).
SPAN = 1 << 40
HOME = 0
_N = SPAN - 1

@dataclass(frozen=True)
class Event:
    seq: int           # the event's place in its chain (1, 2, ...)
    uid: str
    at: str
    actor: str
    lapas: str
    kind: str
    subject: str
    payload: dict
    batch: str | None
    hash: str          # hex
    merged: bool = False   # an event of another Lapas's chain, taken in by a merge


class Draft(NamedTuple):
    """An event a service wants: the ledger gives it its place, time and hash. ``uid``
    when the service must know it in advance (the stay a registration admits)."""

    kind: str
    subject: str
    payload: dict
    uid: str | None = None


class Mark(NamedTuple):
    """Where the chain ends (seq, hash) and the command row, to go back to after a
    rolled-back savepoint."""

    seq: int
    hash: bytes
    command: int | None


INSERT_EVENT = ("INSERT INTO events (seq, command, uid, kind, subject, payload, hash)"
                " VALUES (?,?,?,?,?,?,?)")


class Ledger:
    """Appends events to this ledger's own chain inside the caller's write transaction
    and applies each one. One Ledger is one command: its time, actor, Lapas and batch are
    stored once (``commands``) and covered by the hash of each of its events."""

    def __init__(self, conn: sqlite3.Connection, *, actor: str, lapas: str,
                 batch: str | None = None) -> None:
        self.conn = conn
        self.actor = actor
        self.lapas = lapas
        self.batch = batch
        self._last: Mark | None = None
        self._at: str | None = None

    def _tail(self) -> Mark:
        if self._last is None:
            row = self.conn.execute(
                "SELECT seq, hash FROM events WHERE seq < ? ORDER BY seq DESC LIMIT 1",
                (SPAN,)).fetchone()
            self._last = Mark(row[0], row[1], None) if row else Mark(0, chain.GENESIS, None)
        return self._last

    def mark(self) -> Mark | None:
        """Where the chain ends now (None before the first append)."""
        return self._last

    def reset(self, mark: Mark | None) -> None:
        self._last = mark

    def _command(self, tail: Mark) -> int:
        if tail.command is not None:
            return tail.command
        if self._at is None:
            self._at = datetime.now(timezone.utc).isoformat(timespec="microseconds")
        if tail.seq == 0:
            self.conn.execute("INSERT OR IGNORE INTO chains (id, lapas) VALUES (?, ?)",
                              (HOME, self.lapas))
        own = self.conn.execute("SELECT lapas FROM chains WHERE id = ?", (HOME,)).fetchone()
        if own is not None and own[0] != self.lapas and tail.seq > 0:
            # the config names another Lapas than the one whose ledger this is
            raise Rejected("ledger_of_other_lapas", lapas=own[0], config=self.lapas)
        return self.conn.execute(
            "INSERT INTO commands (lapas, at, actor, batch) VALUES (?,?,?,?)",
            (self.lapas, self._at, self.actor, self.batch)).lastrowid

    def append(self, kind: str, subject: str, payload: dict, uid: str | None = None) -> Event:
        return self.append_many([Draft(kind, subject, payload, uid)])[0]

    def append_many(self, records: Iterable[tuple]) -> list[Event]:
        """Chain, store and apply events in order: one executemany per table."""
        assert self.conn.in_transaction, "events are appended inside a write transaction"
        records = [Draft(*r) for r in records]
        tail = self._tail()
        command = self._command(tail)
        seq, prev = tail.seq, tail.hash
        at, actor, lapas, batch = self._at, self.actor, self.lapas, self.batch
        made: list[Event] = []
        rows = []
        fresh = iter(chain.new_uid_bytes(sum(1 for r in records if r.uid is None)))
        hash_v2, encode, kinds = chain.hash_v2, chain.payload_json, projections.KINDS
        for kind, subject, payload, uid in records:
            if kind not in kinds:
                raise ValueError(f"unknown event kind {kind!r}")
            raw = next(fresh) if uid is None else chain.uid_bytes(uid)
            uid = uid or chain.uid_text(raw)
            seq += 1
            stored = compact(kind, payload)
            payload_json = encode(stored)
            digest = hash_v2(prev, raw, at, actor, lapas, kind, subject, payload_json, batch)
            rows.append((seq, command, raw, kind, subject, payload_json, digest))
            if kind in IMPLIED:     # what the stored payload leaves to the event's fields
                payload = {**payload, "uid": subject, "stay": uid, "lapas": lapas}
            made.append(Event(seq, uid, at, actor, lapas, kind, subject, payload, batch,
                              digest.hex()))
            prev = digest
        self.conn.executemany(INSERT_EVENT, rows)
        projections.apply_many(self.conn, made)
        self._last = Mark(seq, prev, command)
        return made


_SELECT = ("SELECT e.seq, e.uid, c.at, c.actor, c.lapas, e.kind, e.subject, e.payload,"
           " c.batch, e.hash FROM events e JOIN commands c ON c.id = e.command")


def _row_to_event(row: tuple) -> Event:
    seq, raw, at, actor, lapas, kind, subject, payload, batch, digest = row
    uid = chain.uid_text(raw)
    return Event(seq & _N, uid, at, actor, lapas, kind, subject,
                 expand(kind, chain.payload_of(payload), subject, uid, lapas), batch,
                 digest.hex(),
                 seq >= SPAN)


def events(conn: sqlite3.Connection, subjects: list[str] | None = None,
           limit: int | None = None, *, since: str | None = None, until: str | None = None,
           actor: str | None = None, kind: str | None = None, own: bool = False
           ) -> Iterator[Event]:
    """Events in order (streamed: this ledger's own chain, then each merged chain),
    optionally only those about some subjects, recorded on or after ``since`` and before
    ``until`` (UTC times or dates), only this ledger's own (``own``), by ``actor`` (with or without the OS account beside
    it), of ``kind`` (a whole kind, or its first part: ``stay``), optionally the last N."""
    sql = _SELECT
    where: list[str] = []
    params: list = []
    if own:
        where.append("e.seq < ?")
        params.append(SPAN)
    if subjects is not None:
        where.append("e.subject IN (%s)" % ",".join("?" * len(subjects)))
        params += subjects
    if since is not None:
        where.append("c.at >= ?")
        params.append(since)
    if until is not None:
        where.append("c.at < ?")
        params.append(until)
    if actor is not None:
        # the name as given, alone or with the OS account wbpctl records beside it
        where.append("(c.actor = ? OR substr(c.actor, 1, length(?) + 5) = ? || ' (os:')")
        params += [actor, actor, actor]
    if kind is not None:
        where.append("(e.kind = ? OR e.kind LIKE ? || '.%')")
        params += [kind, kind]
    if where:
        sql += " WHERE " + " AND ".join(where)
    # one person's events (few) in the order they happened, whichever Lapas recorded them
    order = "at, seq" if subjects is not None else "seq"
    if limit is not None:
        sql = f"SELECT * FROM ({sql} ORDER BY c.at DESC, e.seq DESC LIMIT ?)" \
            if subjects is not None else f"SELECT * FROM ({sql} ORDER BY e.seq DESC LIMIT ?)"
        params.append(limit)
        sql += f" ORDER BY {order}"
    else:
        sql += " ORDER BY c.at, e.seq" if subjects is not None else " ORDER BY e.seq"
    cursor = conn.cursor()
    cursor.row_factory = None
    return (_row_to_event(r) for r in cursor.execute(sql, params))


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
    lapas: str | None = None     # the chain, when it is not this ledger's own


class _Replayed(NamedTuple):
    """What ``projections.apply_many`` needs of an event, and no more (a replay makes
    millions of them)."""

    kind: str
    payload: dict


class Walked(NamedTuple):
    """How far a walk along a chain got: the first problem (or None), and the seq and
    hash (hex) of the last event it found sound."""

    problem: Problem | None
    seq: int
    hash: str


class ChainInfo(NamedTuple):
    id: int
    lapas: str
    legacy_upto: int


def chains(conn: sqlite3.Connection, database: str = "main") -> list[ChainInfo]:
    """The chains this ledger holds, its own first."""
    return [ChainInfo(*r) for r in conn.execute(
        f"SELECT id, lapas, legacy_upto FROM {database}.chains ORDER BY id")]


_COLUMNS = ("e.seq, e.uid, c.at, c.actor, c.lapas, e.kind, e.subject, e.payload, c.batch,"
            " e.hash")


def stored_rows(conn: sqlite3.Connection, chain_id: int, first: int = 1) -> sqlite3.Cursor:
    """The events of one chain from n = ``first``, every field their hash covers, as
    tuples in ``_COLUMNS`` order (what a bundle carries)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    base = chain_id * SPAN
    return cursor.execute(
        f"SELECT {_COLUMNS} FROM events e JOIN commands c ON c.id = e.command"
        " WHERE e.seq BETWEEN ? AND ? ORDER BY e.seq", (base + first, base + _N))


def _rows(conn: sqlite3.Connection, database: str, chain_id: int, first: int = 1,
          last: int | None = None) -> sqlite3.Cursor:
    """The events of one chain from n = ``first`` to ``last`` (or its end), as they are
    walked: (seq, uid, command, kind, subject, payload, hash), the text as UTF-8 bytes (as
    they are hashed: no decoding and encoding again of millions of payloads)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    base = chain_id * SPAN
    return cursor.execute(
        "SELECT seq, uid, command, CAST(kind AS BLOB), CAST(subject AS BLOB),"
        f" CAST(payload AS BLOB), hash FROM {database}.events WHERE seq BETWEEN ? AND ?"
        " ORDER BY seq", (base + first, base + (last if last is not None else _N)))


class _Commands:
    """What the commands of a ledger share, as the walk hashes it: the time, actor and
    Lapas (with the separators around them) and the batch, encoded once per command."""

    def __init__(self, conn: sqlite3.Connection, database: str) -> None:
        self.conn, self.database = conn, database
        self.parts: dict[int, tuple[bytes, bytes, str]] = {}

    def __getitem__(self, command: int) -> tuple[bytes, bytes, str]:
        found = self.parts.get(command)
        if found is None:
            row = self.conn.execute(
                f"SELECT at, actor, lapas, batch FROM {self.database}.commands WHERE id = ?",
                (command,)).fetchone()
            if row is None:
                raise KeyError(command)
            at, actor, lapas, batch = row
            found = (f"{at}\x1f{actor}\x1f{lapas}\x1f".encode("utf-8"),
                     ("\x1f" + (batch or "")).encode("utf-8"), lapas)
            if len(self.parts) > 10_000:     # a ledger of many small commands: stay small
                self.parts.clear()
            self.parts[command] = found
        return found


_SEP = b"\x1f"


class _Walker:
    """Checks the links of one chain, slice by slice, from where it last stopped."""

    def __init__(self, info: ChainInfo, commands: _Commands, seq: int = 0,
                 prev: bytes = chain.GENESIS) -> None:
        self.info = info
        self.commands = commands
        self.seq = seq
        self.prev = prev
        self.problem: Problem | None = None

    def _fail(self, seq: int, detail: str) -> None:
        self.problem = Problem("chain", seq, "events", None, detail,
                               None if self.info.id == HOME else self.info.lapas)

    def walk(self, cursor: sqlite3.Cursor, on_rows=None, *, check: bool = True) -> bool:
        """Check every row of ``cursor`` (``_rows``) against the chain so far, handing
        each checked slice to ``on_rows``; False at the first broken link. The hashes are
        ``chain.hash_v1``/``hash_v2`` over the same bytes, inlined: this loop runs once
        per event of the ledger. Without ``check`` only the order of the events is
        checked (another process checks the hashes at the same time: ``verify``)."""
        if not check:
            return self._follow(cursor, on_rows)
        import hashlib   # here: commands that only read never hash

        sha256, join, commands = hashlib.sha256, b"".join, self.commands
        tag, sep, legacy = chain.FORMAT_TAG, _SEP, self.info.legacy_upto
        expected, prev = self.seq + 1, self.prev
        last_command, mid, tail = None, b"", b""
        while rows := cursor.fetchmany(20000):
            for seq, uid, command, kind, subject, payload, digest in rows:
                seq &= _N
                if seq != expected:
                    self.seq, self.prev = expected - 1, prev
                    self._fail(expected, f"event #{expected} is missing")
                    return False
                if command != last_command:
                    try:
                        mid, tail, _ = commands[command]
                    except KeyError:
                        self.seq, self.prev = expected - 1, prev
                        self._fail(seq, "the command it belongs to is missing")
                        return False
                    last_command = command
                if seq > legacy:
                    made = sha256(join((tag, prev, uid, mid, kind, sep, subject, sep, payload,
                                        tail))).digest()
                else:
                    h = uid.hex()
                    made = sha256(join((
                        prev.hex().encode(), sep,
                        f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}".encode(), sep,
                        mid, kind, sep, subject, sep, payload, tail))).digest()
                if made != digest:
                    self.seq, self.prev = expected - 1, prev
                    self._fail(seq, "content does not match its hash")
                    return False
                prev, expected = digest, seq + 1
            if on_rows is not None:
                on_rows(rows)
        self.seq, self.prev = expected - 1, prev
        return True

    def _follow(self, cursor: sqlite3.Cursor, on_rows) -> bool:
        expected, prev = self.seq + 1, self.prev
        while rows := cursor.fetchmany(20000):
            for row in rows:
                if row[0] & _N != expected:
                    self.seq, self.prev = expected - 1, prev
                    self._fail(expected, f"event #{expected} is missing")
                    return False
                prev, expected = row[6], expected + 1
            if on_rows is not None:
                on_rows(rows)
        self.seq, self.prev = expected - 1, prev
        return True

    def walked(self) -> Walked:
        return Walked(self.problem, self.seq, self.prev.hex())


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

    # owner-only; swept at the next start if this process is killed
    with files.temporary(lambda: tempfile.mkdtemp(prefix="wbpctl-replay-")) as folder:
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


def as_applied(kind: str, payload: str | bytes, subject: str | bytes, uid: bytes, lapas: str,
               foreign: str | None) -> _Replayed:
    """A stored event as the projections apply it: its payload read back whole, and, for
    another Lapas's event (``foreign``, its code), its catalogue codes qualified. The one
    reading of stored events for the replay and for a merge."""
    payload = chain.payload_of(payload)
    if kind in IMPLIED:
        payload = expand(kind, payload, subject if isinstance(subject, str)
                         else subject.decode(), chain.uid_text(uid), lapas)
    if foreign is not None:
        payload = qualify(kind, payload, foreign)
    return _Replayed(kind, payload)


class _Stop(Exception):
    """A merged chain's range failed its check in the middle of a replay."""


def _replay(scratch: sqlite3.Connection, upto: int | None = None, *, apply: bool = True,
            check: bool = True) -> Walked:
    """Walk this ledger's own chain (up to and including event ``upto``, or all of it)
    inside the caller's transaction, applying each slice of events to the scratch tables
    with the same ``projections.apply_many`` that live writes use. At each
    ``ledger.merged`` event, the range of the other Lapas's chain it names is walked and
    applied there, as the merge applied it. The one replay of wbpctl.

    Without ``apply`` only the links of every chain are checked; without ``check`` the
    events are applied with their hashes unchecked (``verify`` checks them in another
    process meanwhile)."""
    infos = chains(scratch, "live")
    home = next((c for c in infos if c.id == HOME), None)
    commands = _Commands(scratch, "live")
    if not apply:
        first: Walked | None = None
        for info in infos:
            walker = _Walker(info, commands)
            ok = walker.walk(_rows(scratch, "live", info.id))
            if info.id == HOME:
                first = walker.walked()
            if not ok:
                return walker.walked()
        return first or Walked(None, 0, GENESIS)
    if home is None:
        return Walked(None, 0, GENESIS)
    loads = chain.payload_of
    others = {c.lapas: _Walker(c, commands) for c in infos if c.id != HOME}

    kinds: dict[bytes, str] = {}

    def events_of(rows: list[tuple], foreign: str | None) -> list[_Replayed]:
        out = []
        for _, uid, command, kind, subject, payload, _ in rows:
            kind = kinds.get(kind) or kinds.setdefault(kind, kind.decode())
            out.append(as_applied(kind, payload, subject, uid,
                                  commands[command][2] if kind in IMPLIED else "", foreign))
        return out

    def merge(payload: dict) -> None:
        walker = others.get(payload["lapas"])
        if walker is None or payload["from"] != walker.seq + 1:
            raise _Stop(Problem("chain", payload["from"], "events", None,
                                f"events #{payload['from']}-#{payload['to']} are missing",
                                payload["lapas"]))
        ok = walker.walk(_rows(scratch, "live", walker.info.id, payload["from"],
                               payload["to"]),
                         lambda rows: projections.apply_many(
                             scratch, events_of(rows, walker.info.lapas)), check=check)
        if not ok:
            raise _Stop(walker.problem)
        if walker.seq != payload["to"] or walker.prev.hex() != payload["head"]:
            raise _Stop(Problem("chain", payload["to"], "events", None,
                                "the merged events are not those the merge recorded",
                                payload["lapas"]))

    def replay(rows: list[tuple]) -> None:
        start = 0
        for i, r in enumerate(rows):
            if r[3] == b"ledger.merged":
                projections.apply_many(scratch, events_of(rows[start:i], None))
                merge(loads(r[5]))
                start = i + 1
        projections.apply_many(scratch, events_of(rows[start:], None))

    walker = _Walker(home, commands)
    try:
        walker.walk(_rows(scratch, "live", HOME, 1, upto), replay, check=check)
    except _Stop as stop:
        return Walked(stop.args[0], walker.seq, walker.prev.hex())
    if walker.problem is None and upto is None:
        for other in others.values():     # every merged event was applied by a merge
            last = scratch.execute("SELECT max(seq) FROM live.events WHERE seq BETWEEN ? AND ?",
                                   (other.info.id * SPAN + 1, other.info.id * SPAN + _N)
                                   ).fetchone()[0]
            if last is not None and last & _N != other.seq:
                return Walked(Problem("chain", other.seq + 1, "events", None,
                                      "events that no merge recorded", other.info.lapas),
                              walker.seq, walker.prev.hex())
    return walker.walked()


class Verified(NamedTuple):
    events: int
    problem: Problem | None
    heads: dict[int, Head]     # the events asked for by seq, read in the same snapshot


# Below this many events a second process costs more than it saves.
PARALLEL_FROM = 50_000


def _check_ranges(path: str, ranges: list[tuple[int, int, int]], send) -> None:
    """In a process of its own: check the links of events ``first``..``last`` of each
    chain (the first from the stored hash of the event before it, which the range before
    checks), and send the first problem, or None."""
    try:
        conn = sqlite3.connect(f"{os.path.abspath(path)}", isolation_level=None)
        conn.execute("BEGIN")
        infos = {c.id: c for c in chains(conn)}
        commands = _Commands(conn, "main")
        for chain_id, first, last in ranges:
            prev = chain.GENESIS if first == 1 else conn.execute(
                "SELECT hash FROM events WHERE seq = ?", (chain_id * SPAN + first - 1,)
            ).fetchone()[0]
            walker = _Walker(infos[chain_id], commands, first - 1, prev)
            if not walker.walk(_rows(conn, "main", chain_id, first, last)):
                send.send(walker.problem)
                return
            if walker.seq != last:
                walker._fail(walker.seq + 1, f"event #{walker.seq + 1} is missing")
                send.send(walker.problem)
                return
        send.send(None)
    except BaseException as error:       # said to the parent, which raises it
        send.send(RuntimeError(f"checking the chain failed: {error!r}"))
    finally:
        send.close()


class _Checker:
    """The hash checks of some ranges of chains, made by a forked process while this one
    goes on (two cores: the hashing and the replay of a verify overlap)."""

    def __init__(self, path: str, ranges: list[tuple[int, int, int]]) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.receive, send = context.Pipe(duplex=False)
        self.process = context.Process(target=_check_ranges, args=(path, ranges, send),
                                       daemon=True)
        self.process.start()
        send.close()

    def result(self) -> Problem | None:
        try:
            found = self.receive.recv()
        except EOFError:
            found = RuntimeError("checking the chain failed: the checking process died")
        finally:
            self.process.join()
        if isinstance(found, BaseException):
            raise found
        return found

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()


def _parallel() -> bool:
    import multiprocessing

    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def _ends(scratch: sqlite3.Connection) -> dict[int, int]:
    """The last seq of every chain in this snapshot."""
    return {info.id: row[0] & _N for info in chains(scratch, "live")
            if (row := scratch.execute(
                "SELECT max(seq) FROM live.events WHERE seq BETWEEN ? AND ?",
                (info.id * SPAN + 1, info.id * SPAN + _N)).fetchone())[0] is not None}


def verify(path: str, *, quick: bool = False, heads: Iterable[int] = ()) -> Verified:
    """Check every chain and (unless ``quick``) replay every event into a scratch
    database and compare every projection table with it, all in one read snapshot; read
    the events of this ledger's own chain at the seqs in ``heads`` in that snapshot too
    (to prove checkpoints).

    On a ledger of many events with two cores, another process checks the hashes (the
    first half of the own chain with --quick; all of them otherwise) while this one
    checks the rest (--quick) or replays: the events it reads are those of this snapshot
    (events are only ever appended, so the same events). The comparison is SQL, not
    Python.
    """
    with _scratch(path) as (scratch, _, _):
        scratch.execute("BEGIN")
        checker: _Checker | None = None
        try:
            total = scratch.execute("SELECT count(*) FROM live.events").fetchone()[0]
            found = {seq: h for seq in heads if (h := head(scratch, seq, "live")) is not None}
            ends = _ends(scratch)
            # The chains hold sum(ends) events once every walk has found each of its
            # events from #1 to its end, so only a count that differs needs the scan of
            # every event for those outside the chains (seconds on a national ledger)
            # before the walks; otherwise a broken chain is when to look for them.
            counted = total == sum(ends.values())
            problem = (None if counted else _outside_chains(scratch, total)) \
                or _merged_ends(scratch, ends)
            try:
                if problem is None and (total < PARALLEL_FROM or not _parallel()):
                    problem = _replay(scratch, apply=not quick).problem
                elif problem is None and quick:
                    problem = _quick_halves(path, scratch, ends)
                elif problem is None:
                    checker = _Checker(path, [(c, 1, last) for c, last in ends.items()])
                    try:
                        replayed = _replay(scratch, check=False).problem
                    except Exception:        # a tampered event may not even apply
                        problem = checker.result()
                        checker = None
                        if problem is None:
                            raise
                    else:
                        problem = checker.result() or replayed
                        checker = None
            except Exception:
                if counted and (outside := _outside_chains(scratch, total)) is not None:
                    return Verified(total, outside, found)
                raise
            if counted and problem is not None and problem.kind == "chain":
                # an event outside every chain is named first, as when it is looked for first
                problem = _outside_chains(scratch, total) or problem
            if problem is None and not quick:
                for table in schema.PROJECTION_TABLES:
                    problem = _first_difference(scratch, table)
                    if problem:
                        break
            return Verified(total, problem, found)
        finally:
            if checker is not None:
                checker.stop()
            if scratch.in_transaction:
                scratch.execute("ROLLBACK")


def _outside_chains(scratch: sqlite3.Connection, total: int) -> Problem | None:
    """Events no chain holds (a seq below 1, or in the range of no chain) are never
    checked by a walk, yet a query could read them: their mere presence is a problem."""
    held = sum(scratch.execute(
        "SELECT count(*) FROM live.events WHERE seq BETWEEN ? AND ?",
        (info.id * SPAN + 1, info.id * SPAN + _N)).fetchone()[0]
        for info in chains(scratch, "live"))
    if held == total:
        return None
    stray = scratch.execute(
        "SELECT e.seq FROM live.events e WHERE e.seq < 1 OR NOT EXISTS (SELECT 1 FROM"
        " live.chains c WHERE e.seq BETWEEN c.id * ? + 1 AND c.id * ? + ?) LIMIT 1",
        (SPAN, SPAN, _N)).fetchone()
    return Problem("chain", stray[0] if stray else None, "events", None,
                   "an event that belongs to no chain of this ledger")


def _merged_ends(scratch: sqlite3.Connection, ends: dict[int, int]) -> Problem | None:
    """Each merged chain ends where the last merge of it says (its seq and hash): one
    lookup per chain, so --quick sees a merged chain cut short or relabelled too."""
    for info in chains(scratch, "live"):
        if info.id == HOME:
            continue
        row = scratch.execute(
            "SELECT payload FROM live.events WHERE subject = ? AND kind = 'ledger.merged'"
            " AND seq < ? ORDER BY seq DESC LIMIT 1", (info.lapas, SPAN)).fetchone()
        last = ends.get(info.id, 0)
        merged = chain.payload_of(row[0]) if row else None
        stored = scratch.execute("SELECT hash FROM live.events WHERE seq = ?",
                                 (info.id * SPAN + last,)).fetchone()
        if merged is None or merged["to"] != last or stored is None \
                or stored[0].hex() != merged["head"]:
            return Problem("chain", last, "events", None,
                           "the merged events are not those the merges recorded", info.lapas)
    return None


def _quick_halves(path: str, scratch: sqlite3.Connection, ends: dict[int, int]
                  ) -> Problem | None:
    """--quick on two cores: the first half of this ledger's own chain and the merged
    chains in another process, the second half here (from the stored hash where the
    first half ends, which the other process proves)."""
    last = ends.get(HOME, 0)
    middle = last // 2
    others = [(c, 1, n) for c, n in ends.items() if c != HOME]
    home = [c for c in chains(scratch, "live") if c.id == HOME]
    if middle == 0 or not home:
        return _replay(scratch, apply=False).problem
    checker = _Checker(path, [(HOME, 1, middle), *others])
    try:
        row = scratch.execute("SELECT hash FROM live.events WHERE seq = ?",
                              (middle,)).fetchone()
        walker = _Walker(home[0], _Commands(scratch, "live"), middle,
                         row[0] if row else chain.GENESIS)
        if row is None:          # the other process names the first missing event
            walker._fail(middle, f"event #{middle} is missing")
        else:
            walker.walk(_rows(scratch, "live", HOME, middle + 1, last))
        first = checker.result()
    except BaseException:
        checker.stop()
        raise
    return first or walker.problem


class Replay(NamedTuple):
    """A ledger replayed up to one event: the scratch file to read, and how the walk went
    (``walked.problem`` set when the chain is broken before that event)."""

    path: str
    walked: Walked


@contextmanager
def replayed(path: str, upto: int) -> Iterator[Replay]:
    """The projection tables as they stood just after event ``upto`` of this ledger's own
    chain: the chain is walked and replayed up to it (with the merges it made) into a
    scratch ledger (secondary indexes built after the replay, for speed), which is
    removed when the block ends, even on error."""
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

def head(conn: sqlite3.Connection, seq: int | None = None, database: str = "main",
         chain_id: int = HOME) -> Head | None:
    """The event at ``seq`` of a chain (default: the last of this ledger's own) as a
    head, or None when there is none."""
    base = chain_id * SPAN
    where = "WHERE e.seq = ?" if seq is not None else \
        "WHERE e.seq BETWEEN ? AND ? ORDER BY e.seq DESC LIMIT 1"
    params = (base + seq,) if seq is not None else (base + 1, base + _N)
    row = conn.execute(
        f"SELECT h.lapas, e.seq, e.hash, c.at FROM {database}.events e"
        f" JOIN {database}.commands c ON c.id = e.command"
        f" JOIN {database}.chains h ON h.id = ? {where}", (chain_id, *params)).fetchone()
    return Head(row[0], row[1] & _N, row[2].hex(), row[3]) if row else None


def chain_heads(conn: sqlite3.Connection) -> list[Head]:
    """The last event of every chain, this ledger's own first."""
    return [h for info in chains(conn) if (h := head(conn, chain_id=info.id)) is not None]


def heads_by_hash(conn: sqlite3.Connection, prefix: str, limit: int = 2) -> list[Head]:
    """Events of this ledger's own chain whose hash starts with ``prefix`` (hex), at most
    ``limit``: a full scan, done only when someone names a head by its hash alone."""
    rows = conn.execute(
        "SELECT e.seq FROM events e WHERE e.seq < ? AND substr(lower(hex(e.hash)), 1, ?) = ?"
        " ORDER BY e.seq LIMIT ?", (SPAN, len(prefix), prefix.lower(), limit)).fetchall()
    return [head(conn, r[0]) for r in rows]
