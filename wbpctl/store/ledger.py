"""The hash-chained event ledger: append (and apply), read, and verify by replay."""

from __future__ import annotations

import os
import sqlite3
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from operator import itemgetter
from typing import Callable, Iterable, Iterator, NamedTuple

from ..domain.errors import Rejected
from ..domain.heads import Head
from ..domain.nik import mask_nik
from ..domain.federation import qualify
from . import chain, connection, projections, schema, uids
from .payloads import IMPLIED, compact, expand
from .subjects import subject_in

GENESIS = "0" * 64              # the genesis hash as heads write it (hex)

# Each origin Lapas has its own chain; its events are stored at seq chain * SPAN + n, n
# counting from 1, so this ledger's own chain (0) keeps seq == n, as before merging, and
# each chain is one range of the primary key (no extra column, no extra index).
SPAN = 1 << 40
HOME = 0
_N = SPAN - 1

class Event(NamedTuple):
    """An event as the ledger holds it (a tuple: an import makes one per row)."""

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


class Encoded(NamedTuple):
    """A payload already in the form the ledger stores (``encode``), made ahead of its
    event: in the process that reads a big import file, before the ids are known."""

    text: str


def encode(kind: str, payload: dict) -> Encoded:
    """``payload`` as an event of ``kind`` stores it (``store.payloads``); what the event's
    own fields hold (its uid, subject, Lapas) is left out, so they need not be known."""
    return Encoded(chain.payload_json(compact(kind, payload)))


class Draft(NamedTuple):
    """An event a service wants: the ledger gives it its place, time and hash. ``uid``
    when the service must know it in advance (the stay a registration admits); the
    payload as a service writes it, or already ``Encoded``."""

    kind: str
    subject: str
    payload: dict | Encoded
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
        return self._append([Draft(kind, subject, payload, uid)], events=True)[0]

    def append_many(self, records: Iterable[tuple]) -> None:
        """Chain, store and apply events in order: one executemany per table."""
        self._append(records, events=False)

    def _append(self, records: Iterable[tuple], *, events: bool) -> list[Event]:
        """``append_many``, giving back the events when asked (``events``: a bulk write
        does not ask; making an Event of each of its rows cost a few per cent of it)."""
        assert self.conn.in_transaction, "events are appended inside a write transaction"
        records = [r if type(r) is Draft else Draft(*r) for r in records]
        tail = self._tail()
        command = self._command(tail)
        seq, prev = tail.seq, tail.hash
        at, actor, lapas, batch = self._at, self.actor, self.lapas, self.batch
        made: list[Event] = []
        changes: list[tuple[str, dict]] = []
        rows = []
        fresh = iter(chain.new_uid_bytes(sum(1 for r in records if r.uid is None)))
        hash_v2, encode, kinds = chain.hash_v2, chain.payload_json, projections.KINDS
        payload_of = chain.payload_of
        for kind, subject, payload, uid in records:
            if kind not in kinds:
                raise ValueError(f"unknown event kind {kind!r}")
            raw = next(fresh) if uid is None else uids.uid_bytes(uid)
            uid = uid or uids.uid_text(raw)
            seq += 1
            if type(payload) is Encoded:
                payload_json = payload.text
                payload = expand(kind, payload_of(payload_json), subject, uid, lapas)
            else:
                payload_json = encode(compact(kind, payload))
                if kind in IMPLIED:     # what the stored payload leaves to the event's fields
                    payload = {**payload, "uid": subject, "stay": uid, "lapas": lapas}
            digest = hash_v2(prev, raw, at, actor, lapas, kind, subject, payload_json, batch)
            rows.append((seq, command, raw, kind, subject, payload_json, digest))
            changes.append((kind, payload))
            if events:
                made.append(Event(seq, uid, at, actor, lapas, kind, subject, payload, batch,
                                  digest.hex()))
            prev = digest
        self.conn.executemany(INSERT_EVENT, rows)
        projections.run(self.conn, projections.plan(changes))
        self._last = Mark(seq, prev, command)
        return made


_SELECT = ("SELECT e.seq, e.uid, c.at, c.actor, c.lapas, e.kind, e.subject, e.payload,"
           " c.batch, e.hash FROM events e JOIN commands c ON c.id = e.command")


def _row_to_event(row: tuple) -> Event:
    seq, raw, at, actor, lapas, kind, subject, payload, batch, digest = row
    uid = uids.uid_text(raw)
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
        sql_about, about = subject_in("e.subject", subjects)
        where.append(sql_about)
        params += about
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
SLICE = 1000        # events read, checked and applied at a time


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

    def walk(self, cursor: sqlite3.Cursor, on_rows=None) -> bool:
        """Check every row of ``cursor`` (``_rows``) against the chain so far, handing
        each checked slice to ``on_rows``; False at the first broken link. The hashes are
        ``chain.hash_v1``/``hash_v2`` over the same bytes, inlined: this loop runs once
        per event of the ledger."""
        import hashlib   # here: commands that only read never hash
        from binascii import hexlify

        sha256, join, commands = hashlib.sha256, b"".join, self.commands
        # seqs as stored (chain * SPAN + n): compared as they come, n only for messages
        base = self.info.id * SPAN
        tag, sep, legacy = chain.FORMAT_TAG, _SEP, base + self.info.legacy_upto
        expected, prev = base + self.seq + 1, self.prev
        last_command, mid, tail = None, b"", b""
        while rows := cursor.fetchmany(SLICE):
            for seq, uid, command, kind, subject, payload, digest in rows:
                if seq != expected:
                    self.seq, self.prev = expected - 1 - base, prev
                    self._fail(expected - base, f"event #{expected - base} is missing")
                    return False
                if command != last_command:
                    try:
                        mid, tail, _ = commands[command]
                    except KeyError:
                        self.seq, self.prev = expected - 1 - base, prev
                        self._fail(seq - base, "the command it belongs to is missing")
                        return False
                    last_command = command
                if seq > legacy:
                    made = sha256(join((tag, prev, uid, mid, kind, sep, subject, sep, payload,
                                        tail))).digest()
                else:      # the uid as text (uids.uid_text), made of bytes: faster
                    h = hexlify(uid)
                    made = sha256(join((
                        hexlify(prev), sep, h[:8], b"-", h[8:12], b"-", h[12:16], b"-",
                        h[16:20], b"-", h[20:], sep, mid, kind, sep, subject, sep, payload,
                        tail))).digest()
                if made != digest:
                    self.seq, self.prev = expected - 1 - base, prev
                    self._fail(seq - base, "content does not match its hash")
                    return False
                prev = digest
                expected += 1
            if on_rows is not None:
                on_rows(rows)
        self.seq, self.prev = expected - 1 - base, prev
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
        scratch = connection.opened(path)
        try:
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
            with _nulls_bound_fast():
                yield scratch, path, [sql for _, sql in indexes]
        finally:
            scratch.close()


@contextmanager
def _attached(live_path: str) -> Iterator[sqlite3.Connection]:
    """An empty database in memory with the live ledger attached as ``live``, as in
    ``_scratch``: what a verify that writes nothing (--quick) reads through."""
    conn = connection.opened(":memory:")
    try:
        conn.execute("ATTACH DATABASE ? AS live", (os.path.abspath(live_path),))
        yield conn
    finally:
        conn.close()


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Walks and replays make millions of rows, payloads and steps, none of them in a
    reference cycle: the cycle collector, run every few hundred of them, took a tenth of
    a replay's time and found nothing. Off for the block (and in the processes it forks)."""
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@contextmanager
def _nulls_bound_fast() -> Iterator[None]:
    """Python's sqlite3 binds a None only after looking for an adapter of it and for two
    methods of adapting (0.3 us a value; a replay binds millions of NULLs, a tenth of
    its SQL): an adapter of None, found first, gives the same NULL faster. Registered
    for the block only (the registry is the module's, for the whole process)."""
    key = (type(None), sqlite3.PrepareProtocol)
    before = sqlite3.adapters.get(key)
    if before is None:
        sqlite3.adapters[key] = {}.get      # a function of C: {}.get(None) is None
    try:
        yield
    finally:
        if before is None:
            sqlite3.adapters.pop(key, None)


def as_applied(kind: str, payload: str | bytes, subject: str | bytes, uid: bytes, lapas: str,
               foreign: str | None) -> tuple[str, dict]:
    """A stored event as the projections apply it (``projections.plan``): its kind and
    its payload read back whole, and, for another Lapas's event (``foreign``, its code),
    its catalogue codes qualified. The one reading of stored events for the replay and
    for a merge."""
    payload = chain.payload_of(payload)
    if kind in IMPLIED:
        payload = expand(kind, payload, subject if isinstance(subject, str)
                         else subject.decode(), uids.uid_text(uid), lapas)
    if foreign is not None:
        payload = qualify(kind, payload, foreign)
    return kind, payload


class _Kinds(dict):
    """The kinds of events as text, from the bytes the walk hashes: decoded once each."""

    def __missing__(self, kind: bytes) -> str:
        text = self[kind] = kind.decode()
        return text


class _Stop(Exception):
    """A merged chain's range failed its check in the middle of a replay."""


def _replay(scratch: sqlite3.Connection, upto: int | None = None, *,
            apply: bool = True) -> Walked:
    """Walk this ledger's own chain (up to and including event ``upto``, or all of it)
    inside the caller's transaction, applying each slice of events to the scratch tables
    with the same ``projections.plan`` and ``run`` that live writes use. At each
    ``ledger.merged`` event, the range of the other Lapas's chain it names is walked and
    applied there, as the merge applied it. The one replay of wbpctl.

    Without ``apply`` only the links of every chain are checked."""
    if not apply:
        return _check_chains(scratch, "live")
    return _walk_replaying(scratch, "live", lambda steps: projections.run(scratch, steps),
                           upto)


def _check_chains(conn: sqlite3.Connection, database: str,
                  ends: dict[int, int] | None = None) -> Walked:
    """Check the links of every chain (up to ``ends``, or all of it), this ledger's own
    first: the first problem, and how far its own chain is sound."""
    commands = _Commands(conn, database)
    first: Walked | None = None
    for info in chains(conn, database):
        walker = _Walker(info, commands)
        last = None if ends is None else ends.get(info.id, 0)
        ok = walker.walk(_rows(conn, database, info.id, 1, last))
        if ok and last is not None and walker.seq != last:
            walker._fail(walker.seq + 1, f"event #{walker.seq + 1} is missing")
            ok = False
        if info.id == HOME:
            first = walker.walked()
        if not ok:
            return walker.walked()
    return first or Walked(None, 0, GENESIS)


def check_chains(conn: sqlite3.Connection) -> Walked:
    """Check the links of every chain of the ledger ``conn`` opened, in the caller's
    transaction (what a migration does before it changes anything)."""
    return _check_chains(conn, "main")


class _Applied:
    """Stored rows (``_rows``) as the projections apply them (``as_applied``)."""

    def __init__(self, commands: _Commands) -> None:
        self.commands = commands
        self.kinds = _Kinds()

    def __call__(self, rows: list[tuple], foreign: str | None) -> list[tuple[str, dict]]:
        kinds, commands, loads = self.kinds, self.commands, chain.payload_of
        out: list[tuple[str, dict]] = []
        append = out.append
        for _, uid, command, kind, subject, payload, _ in rows:
            kind = kinds[kind]
            if kind in IMPLIED or foreign is not None:
                append(as_applied(kind, payload, subject, uid, commands[command][2], foreign))
            else:      # what as_applied gives such an event, without two calls per event
                append((kind, loads(payload)))
        return out


def _walk_replaying(conn: sqlite3.Connection, database: str, apply, upto: int | None = None,
                    ends: dict[int, int] | None = None, hand_over=None) -> Walked:
    """The walk of ``_replay`` over the ledger attached to ``conn`` as ``database``,
    handing the steps that apply each checked slice (``projections.plan``) to ``apply``;
    with ``ends`` (the last n of every chain in a snapshot) instead of ``upto``: up to
    those ends, each merged chain to its own (``verify`` reading beside the replay).
    ``hand_over(first, last)``, when given, is asked first for each checked slice of
    this ledger's own chain with no merge in it, and True if it takes the slice (to be
    read and applied by the process that applies)."""
    infos = chains(conn, database)
    home = next((c for c in infos if c.id == HOME), None)
    commands = _Commands(conn, database)
    if home is None:
        return Walked(None, 0, GENESIS)
    if ends is not None:
        upto = ends.get(HOME, 0)
    loads, plan = chain.payload_of, projections.plan
    others = {c.lapas: _Walker(c, commands) for c in infos if c.id != HOME}
    events_of = _Applied(commands)

    def merge(payload: dict) -> None:
        walker = others.get(payload["lapas"])
        if walker is None or payload["from"] != walker.seq + 1:
            raise _Stop(Problem("chain", payload["from"], "events", None,
                                f"events #{payload['from']}-#{payload['to']} are missing",
                                payload["lapas"]))
        ok = walker.walk(_rows(conn, database, walker.info.id, payload["from"],
                               payload["to"]),
                         lambda rows: apply(plan(events_of(rows, walker.info.lapas))))
        if not ok:
            raise _Stop(walker.problem)
        if walker.seq != payload["to"] or walker.prev.hex() != payload["head"]:
            raise _Stop(Problem("chain", payload["to"], "events", None,
                                "the merged events are not those the merge recorded",
                                payload["lapas"]))

    def replay(rows: list[tuple]) -> None:
        start = 0
        if b"ledger.merged" in map(itemgetter(3), rows):   # rare: look for it in C first
            for i, r in enumerate(rows):
                if r[3] == b"ledger.merged":
                    apply(plan(events_of(rows[start:i], None)))
                    merge(loads(r[5]))
                    start = i + 1
        elif hand_over is not None and hand_over(rows[0][0], rows[-1][0]):
            return
        apply(plan(events_of(rows[start:], None)))

    walker = _Walker(home, commands)
    try:
        walker.walk(_rows(conn, database, HOME, 1, upto), replay)
    except _Stop as stop:
        return Walked(stop.args[0], walker.seq, walker.prev.hex())
    if walker.problem is None and (upto is None or ends is not None):
        for other in others.values():     # every merged event was applied by a merge
            last = ends.get(other.info.id) if ends is not None else conn.execute(
                f"SELECT max(seq) FROM {database}.events WHERE seq BETWEEN ? AND ?",
                (other.info.id * SPAN + 1, other.info.id * SPAN + _N)).fetchone()[0]
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


class _Forked:
    """A forked process working beside this one (two cores: the hashing, reading and
    planning of a verify overlap its replay), saying what it finds through a pipe."""

    def __init__(self, target, *args) -> None:
        from ..cores import fork

        self.process, self.receive = fork(target, *args)

    def stop(self) -> None:
        from ..cores import end_process

        end_process(self.process)


class _Checker(_Forked):
    """The hash checks of some ranges of chains (``_check_ranges``)."""

    def __init__(self, path: str, ranges: list[tuple[int, int, int]]) -> None:
        super().__init__(_check_ranges, path, ranges)

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


# What ``_read_for_replay`` sends: the steps of a slice, a slice to read (seqs from, to),
# or at the end what it found.
_STEPS, _READ, _FOUND = b"s", b"r", b"f"


class _Sharing:
    """Who reads and plans the next slice of a verify on two cores: the reader
    (``_read_for_replay``), unless the replay waited for it long enough to take a slice
    itself (its two processes differ in speed from one machine, and one moment, to the
    next, so they share the work as they go)."""

    STARVED = 0.01        # seconds the replay waits for the reader before it says so

    def __init__(self) -> None:
        import multiprocessing

        self.idle = multiprocessing.get_context("fork").RawValue("b", 0)   # both see it

    def wait(self, receive) -> None:
        """In the replay, before it reads the next message."""
        if not receive.poll(self.STARVED):
            self.idle.value = 1

    def take(self) -> bool:
        """In the reader, with a checked slice: whether the replay takes it."""
        if not self.idle.value:
            return False
        self.idle.value = 0
        return True


def _read_for_replay(path: str, ends: dict[int, int], sharing: _Sharing, send) -> None:
    """In a process of its own: walk every chain up to ``ends`` as the replay does,
    checking every hash, and send the steps that apply each slice (``marshal``: plain
    tuples, the fastest to write and read back), then (pickled) the first problem of the
    chains and the error that stopped the walk, if any. An event that cannot be planned
    (altered, its hash made again) stops the planning, not the checking: its broken link
    is what verify names, as when it is replayed in one process.

    A checked slice is handed over instead (its seqs, to be read and planned there) when
    the other process takes it (``_Sharing``)."""
    import marshal
    import pickle

    out = _Sending(send)

    def hand_over(first: int, last: int) -> bool:
        if not sharing.take():
            return False
        out.send(_READ + marshal.dumps((first, last)))
        return True

    try:
        conn = sqlite3.connect(f"{os.path.abspath(path)}", isolation_level=None)
        conn.execute("BEGIN")
        try:
            found = (_walk_replaying(
                conn, "main", lambda steps: out.send(_STEPS + marshal.dumps(steps)),
                ends=ends, hand_over=hand_over).problem, None)
        except Exception as error:
            if out.error is not None:        # the replay is gone: nobody to tell
                raise
            found = (_check_chains(conn, "main", ends).problem, error)
        try:
            message = pickle.dumps(found)
        except Exception:            # an error that does not pickle: its words
            message = pickle.dumps((found[0], RuntimeError(repr(found[1]))))
    except BaseException as error:       # said to the parent, which raises it
        message = pickle.dumps((None, RuntimeError(f"checking the chain failed: {error!r}")))
    try:
        out.send(_FOUND + message)
        out.close()
    except OSError:                          # the replay is gone: nobody to tell
        pass
    finally:
        send.close()


class _Sending:
    """Messages sent by a thread of their own, a few waiting at most: the sender goes on
    with the next slice while the other process is still busy with the last."""

    def __init__(self, connection, waiting: int = 2) -> None:
        import queue
        import threading

        self.connection = connection
        self.queue: queue.Queue = queue.Queue(waiting)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (message := self.queue.get()) is not None:
            if self.error is None:
                try:
                    self.connection.send_bytes(message)
                except BaseException as error:      # the other process is gone
                    self.error = error

    def send(self, message: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(message)

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error


def _replay_beside(path: str, scratch: sqlite3.Connection, ends: dict[int, int]
                   ) -> Problem | None:
    """The full replay on two cores: another process reads, checks and plans the slices
    of events (``_read_for_replay``) while this one runs the steps of the slices before on
    the scratch tables, or reads and plans a slice itself when it has nothing else to do
    (``_Sharing``). A few slices at a time in the pipe, so memory stays flat.

    The first broken link is the answer, even when a step failed first (a tampered event
    may not even apply); otherwise the error that stopped either process is raised."""
    import marshal
    import pickle

    sharing = _Sharing()
    reader = _Forked(_read_for_replay, path, ends, sharing)
    events_of = _Applied(_Commands(scratch, "live"))
    failed: BaseException | None = None
    try:
        while True:
            sharing.wait(reader.receive)
            try:
                message = reader.receive.recv_bytes()
            except EOFError:
                raise RuntimeError("checking the chain failed: the checking process died"
                                   ) from None
            if message[:1] == _FOUND:
                problem, stopped = pickle.loads(message[1:])
                break
            if failed is None:
                try:
                    if message[:1] == _READ:      # checked by the reader: read it here
                        first, last = marshal.loads(memoryview(message)[1:])
                        steps = projections.plan(events_of(
                            _rows(scratch, "live", HOME, first, last).fetchall(), None))
                    else:
                        steps = marshal.loads(memoryview(message)[1:])
                    projections.run(scratch, steps)
                except Exception as exc:       # the reader still names a broken link
                    failed = exc
    finally:
        reader.stop()
    if problem is not None:
        return problem
    if stopped is not None:
        raise stopped
    if failed is not None:
        raise failed
    return None


def _parallel() -> bool:
    from ..cores import may_fork

    return may_fork()


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

    On a ledger of many events with two cores, another process checks the hashes of
    the first half of the own chain while this one checks the rest (--quick), or reads,
    checks and plans the events while this one applies them (``_replay_beside``): the
    events it reads are those of this snapshot (events are only ever appended, so the
    same events, up to the ends of the chains in this snapshot). The comparison is SQL,
    not Python.
    """
    with ExitStack() as stack:
        # --quick writes nothing: no scratch file, no schema, only the live ledger attached
        scratch = stack.enter_context(_attached(path)) if quick \
            else stack.enter_context(_scratch(path))[0]
        stack.enter_context(_no_cycle_collection())
        scratch.execute("BEGIN")
        try:
            ends = _ends(scratch)
            parallel = sum(ends.values()) >= PARALLEL_FROM and _parallel()
            # --quick on two cores walks its halves at once: what they find is still
            # named after what the lookups below find, as when those are made first
            halves = stack.enter_context(_quick_halves(path, scratch, ends)) \
                if quick and parallel else None
            try:
                walked = halves() if halves is not None else None
            except Exception as error:      # raised where the walk would have been made
                walked = error
            found = {seq: h for seq in heads if (h := head(scratch, seq, "live")) is not None}
            problem = _outside_chains(scratch) or _merged_ends(scratch, ends)
            if problem is None and not parallel:
                problem = _replay(scratch, apply=not quick).problem
            elif problem is None and halves is not None:
                if isinstance(walked, Exception):
                    raise walked
                problem = walked
            elif problem is None:
                problem = _replay_beside(path, scratch, ends)
            # Every event is in a chain, and each walk found every event of its chain from
            # #1 to its end: the chains hold them all, with no count (a scan) of them.
            total = sum(ends.values()) if problem is None or problem.kind != "chain" \
                else scratch.execute("SELECT count(*) FROM live.events").fetchone()[0]
            if problem is None and not quick:
                for table in schema.PROJECTION_TABLES:
                    problem = _first_difference(scratch, table)
                    if problem:
                        break
            return Verified(total, problem, found)
        finally:
            if scratch.in_transaction:
                scratch.execute("ROLLBACK")


def _outside_chains(scratch: sqlite3.Connection) -> Problem | None:
    """Events no chain holds (a seq below 1, or in the range of no chain) are never
    checked by a walk, yet a query could read them: their mere presence is a problem.
    One look (a seek, not a scan) into each stretch of seqs around the chains' ranges;
    the lowest such seq is named."""
    stretches, low = [], -(1 << 63)
    for info in chains(scratch, "live"):
        stretches.append((low, info.id * SPAN))
        low = info.id * SPAN + _N + 1
    stretches.append((low, (1 << 63) - 1))
    strays = []
    for first, last in stretches:
        if first <= last:
            stray = scratch.execute("SELECT min(seq) FROM live.events WHERE seq BETWEEN ? AND ?",
                                    (first, last)).fetchone()[0]
            if stray is not None:
                strays.append(stray)
    if not strays:
        return None
    return Problem("chain", min(strays), "events", None,
                   "an event that belongs to no chain of this ledger")


def _merged_ends(scratch: sqlite3.Connection, ends: dict[int, int]) -> Problem | None:
    """Each merged chain ends where the last merge of it says (its seq and hash): one
    lookup per chain, so --quick sees a merged chain cut short or relabelled too."""
    for info in chains(scratch, "live"):
        if info.id == HOME:
            continue
        about, params = subject_in("subject", [info.lapas])
        row = scratch.execute(
            f"SELECT payload FROM live.events WHERE {about} AND kind = 'ledger.merged'"
            " AND seq < ? ORDER BY seq DESC LIMIT 1", (*params, SPAN)).fetchone()
        last = ends.get(info.id, 0)
        merged = chain.payload_of(row[0]) if row else None
        stored = scratch.execute("SELECT hash FROM live.events WHERE seq = ?",
                                 (info.id * SPAN + last,)).fetchone()
        if merged is None or merged["to"] != last or stored is None \
                or stored[0].hex() != merged["head"]:
            return Problem("chain", last, "events", None,
                           "the merged events are not those the merges recorded", info.lapas)
    return None


@contextmanager
def _quick_halves(path: str, scratch: sqlite3.Connection, ends: dict[int, int]
                  ) -> Iterator[Callable[[], Problem | None]]:
    """--quick on two cores: the first half of this ledger's own chain and the merged
    chains in another process, started at once, the second half here when the block
    calls what it is given (from the stored hash where the first half ends, which the
    other process proves); the other process is stopped on leaving."""
    last = ends.get(HOME, 0)
    middle = last // 2
    others = [(c, 1, n) for c, n in ends.items() if c != HOME]
    home = [c for c in chains(scratch, "live") if c.id == HOME]
    if middle == 0 or not home:
        yield lambda: _replay(scratch, apply=False).problem
        return

    def second_half() -> Problem | None:
        row = scratch.execute("SELECT hash FROM live.events WHERE seq = ?",
                              (middle,)).fetchone()
        walker = _Walker(home[0], _Commands(scratch, "live"), middle,
                         row[0] if row else chain.GENESIS)
        if row is None:          # the other process names the first missing event
            walker._fail(middle, f"event #{middle} is missing")
        else:
            walker.walk(_rows(scratch, "live", HOME, middle + 1, last))
        return checker.result() or walker.problem

    checker = _Checker(path, [(HOME, 1, middle), *others])
    try:
        yield second_half
    finally:
        checker.stop()


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
        with _no_cycle_collection():
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
