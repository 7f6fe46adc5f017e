"""Storing another Lapas's events in this ledger as they are, in that Lapas's own chain, and
applying them; finding the records of one person across chains."""

from __future__ import annotations

import sqlite3
from typing import Iterable, NamedTuple

from . import chain, ledger, projections
from .bundles import Stored


def has_merged(conn: sqlite3.Connection) -> bool:
    """Whether this ledger holds another Lapas's chain."""
    return conn.execute("SELECT 1 FROM chains WHERE id != ? LIMIT 1",
                        (ledger.HOME,)).fetchone() is not None


def chain_of(conn: sqlite3.Connection, lapas: str) -> ledger.ChainInfo | None:
    row = conn.execute("SELECT id, lapas, legacy_upto FROM chains WHERE lapas = ?",
                       (lapas,)).fetchone()
    return ledger.ChainInfo(*row) if row else None


def new_chain(conn: sqlite3.Connection, lapas: str, legacy_upto: int) -> ledger.ChainInfo:
    """A chain for a Lapas merged for the first time (ids from 1; 0 is this ledger's)."""
    number = conn.execute("SELECT max(1, coalesce(max(id) + 1, 1)) FROM chains").fetchone()[0]
    conn.execute("INSERT INTO chains (id, lapas, legacy_upto) VALUES (?,?,?)",
                 (number, lapas, legacy_upto))
    return ledger.ChainInfo(number, lapas, legacy_upto)


def tail(conn: sqlite3.Connection, info: ledger.ChainInfo) -> tuple[int, bytes]:
    """(seq, hash) of the last event of a chain; (0, genesis) when it has none."""
    base = info.id * ledger.SPAN
    row = conn.execute("SELECT seq, hash FROM events WHERE seq BETWEEN ? AND ?"
                       " ORDER BY seq DESC LIMIT 1", (base + 1, base + ledger._N)).fetchone()
    return (row[0] & ledger._N, row[1]) if row else (0, chain.GENESIS)


def hash_at(conn: sqlite3.Connection, info: ledger.ChainInfo, seq: int) -> bytes | None:
    row = conn.execute("SELECT hash FROM events WHERE seq = ?",
                       (info.id * ledger.SPAN + seq,)).fetchone()
    return row[0] if row else None


def store(conn: sqlite3.Connection, info: ledger.ChainInfo, events: list[Stored]) -> None:
    """The events as they are, at their place in the chain; what a command shares stored
    once for each run of events that share it."""
    base = info.id * ledger.SPAN
    rows, key, command = [], None, None
    for e in events:
        if (e.lapas, e.at, e.actor, e.batch) != key:
            key = (e.lapas, e.at, e.actor, e.batch)
            command = conn.execute("INSERT INTO commands (lapas, at, actor, batch)"
                                   " VALUES (?,?,?,?)", key).lastrowid
        rows.append((base + e.seq, command, e.uid, e.kind, e.subject, e.payload, e.hash))
    conn.executemany(ledger.INSERT_EVENT, rows)


def extend_legacy(conn: sqlite3.Connection, info: ledger.ChainInfo, legacy_upto: int) -> None:
    """The chain's format-1 events now reach ``legacy_upto`` (found from their hashes)."""
    if legacy_upto > info.legacy_upto:
        conn.execute("UPDATE chains SET legacy_upto = ? WHERE id = ?", (legacy_upto, info.id))


def apply(conn: sqlite3.Connection, lapas: str, events: Iterable[Stored]) -> None:
    """Apply another Lapas's events to the tables, its codes qualified by ``lapas``, as
    ``ledger._replay`` does when it meets the merge."""
    projections.run(conn, projections.plan([ledger.as_applied(
        e.kind, e.payload, e.subject, e.uid, e.lapas, lapas) for e in events]))


class Record(NamedTuple):
    """One person's record, for linking: where it is from and what identifies it."""

    id: int
    uid: str
    name: str
    name_key: str | None
    nik: str | None
    birth_date: str | None
    group: int           # the record all records of the same person name (same_as)
    lapas: str | None    # the Lapas of the record's latest stay, and its register number
    register: tuple[str, int, int] | None


_RECORD = ("SELECT p.id, p.uid, p.name, p.name_key, p.nik, p.birth_date,"
           " coalesce(p.same_as, p.id), s.lapas, s.register_class, s.reg_seq, s.reg_year"
           " FROM people p LEFT JOIN stays s ON s.id = (SELECT l.id FROM stays l"
           " WHERE l.person_id = p.id ORDER BY l.admitted_on DESC, l.id DESC LIMIT 1)")


def _record(row: tuple) -> "Record":
    *head, cls, seq, year = row
    return Record(*head, (cls, seq, year) if cls is not None else None)


def records_by_uid(conn: sqlite3.Connection, uids: list[str]) -> list[Record]:
    out = []
    for i in range(0, len(uids), 500):
        part = uids[i:i + 500]
        out += [_record(r) for r in conn.execute(
            f"{_RECORD} WHERE p.uid IN ({','.join(['wbpctl_uid(?)'] * len(part))}) ORDER BY p.id",
            part)]
    return out


def records_with_nik(conn: sqlite3.Connection, nik: str) -> list[Record]:
    return [_record(r) for r in conn.execute(f"{_RECORD} WHERE p.nik = ? ORDER BY p.id",
                                             (nik,))]


def records_born(conn: sqlite3.Connection) -> list[Record]:
    """Every record with a birth date (the candidates of a likely match), by id."""
    return [_record(r) for r in conn.execute(
        f"{_RECORD} WHERE p.birth_date IS NOT NULL ORDER BY p.id")]


def record(conn: sqlite3.Connection, uid: str) -> Record | None:
    found = records_by_uid(conn, [uid])
    return found[0] if found else None


def group_uids(conn: sqlite3.Connection, uid: str) -> list[str]:
    """The uids of every record of the person ``uid`` is a record of (itself included)."""
    return [r[0] for r in conn.execute(
        "SELECT uid FROM people WHERE coalesce(same_as, id) = (SELECT coalesce(same_as, id)"
        " FROM people WHERE uid = wbpctl_uid(?)) ORDER BY id", (uid,))] or [uid]
