"""Opening the database under one policy, and transactions that take the write lock first."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..domain.errors import StorageError
from ..files import make_private_dirs
from . import uids

SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x57425031  # "WBP1": marks a file as a wbpctl ledger

# People and stays store their uids as 16 bytes (schema 7) in columns declared "UID BLOB",
# which every connection wbpctl opens (``opened``) reads back as text.
sqlite3.register_converter("UID", uids.uid_text)


def with_uids(conn: sqlite3.Connection) -> sqlite3.Connection:
    """``wbpctl_uid(text)`` in SQL: the stored bytes of a uid, for lookups of people and
    stays (``uids.stored_uid``); ``wbpctl_uid_text(bytes)`` the other way, for a lookup
    of events by a person a query has found (``uids.uid_text``)."""
    conn.create_function("wbpctl_uid", 1, uids.stored_uid, deterministic=True)
    conn.create_function("wbpctl_uid_text", 1, uids.uid_text, deterministic=True)
    return conn


def opened(database: str, **options) -> sqlite3.Connection:
    """A connection to ``database`` (a file, or ``:memory:``) that reads uids as text and
    knows ``wbpctl_uid``, rows as ``sqlite3.Row``, transactions left to the caller:
    the live ledger's (``connect``, which adds its policy) or a scratch database's."""
    conn = sqlite3.connect(database, isolation_level=None,
                           detect_types=sqlite3.PARSE_DECLTYPES, **options)
    conn.row_factory = sqlite3.Row
    return with_uids(conn)


def _create_private(path: Path, *, exclusive: bool = False) -> None:
    """Create the folder (0700, only the parts we create) and an empty 0600 file;
    ``exclusive``: a file that exists already is an error (``FileExistsError``), never
    reused."""
    make_private_dirs(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | (os.O_EXCL if exclusive else 0), 0o600)
    os.close(fd)


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except IsADirectoryError:
        raise StorageError("db_not_sqlite", path=str(path)) from None
    except OSError as exc:
        raise StorageError("db_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None
    if head and head != SQLITE_HEADER:
        raise StorageError("db_not_sqlite", path=str(path))


def connect(path: Path, *, create: bool = False, busy_timeout: float = 10.0) -> sqlite3.Connection:
    """Open ``path``; only ``create=True`` (``wbpctl init``) may bring a new file into being.

    A missing file is an error for every other command, so a cron job with a
    wrong path fails loudly instead of reporting zeros from a new empty file.
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise StorageError("db_missing", path=str(path))
        try:
            _create_private(path)
        except OSError as exc:
            raise StorageError("db_cannot_create", path=str(path),
                               reason=exc.strerror or str(exc)) from None
    _check_header(path)
    try:
        # no implicit transactions: we issue BEGIN IMMEDIATE ourselves (see ``write``)
        conn = opened(str(path), timeout=busy_timeout)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA cache_size = -32000")   # 32 MB: big imports, bounded memory
    except sqlite3.Error as exc:
        raise storage_error(exc, path) from None
    return conn


def storage_error(exc: BaseException, path: Path | str) -> StorageError:
    """Name what SQLite said in words an admin can act on."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StorageError("db_busy", path=str(path))
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError("db_corrupt", path=str(path), reason=str(exc))
    if "readonly" in text or "read-only" in text:
        return StorageError("db_readonly", path=str(path))
    if "disk is full" in text or "disk i/o" in text or "full" in text:
        return StorageError("db_disk", path=str(path), reason=str(exc))
    return StorageError("db_error", path=str(path), reason=str(exc))


@contextmanager
def write(conn: sqlite3.Connection, path: Path | str = "") -> Iterator[sqlite3.Connection]:
    """One write transaction: BEGIN IMMEDIATE, all or nothing.

    IMMEDIATE takes the write lock at the start, so waiting for another writer
    honours the busy timeout (a deferred BEGIN that later upgrades fails at
    once with "database is locked").
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise storage_error(exc, path) from None
    try:
        yield conn
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise storage_error(exc, path) from None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise storage_error(exc, path) from None


@contextmanager
def savepoint(conn: sqlite3.Connection, name: str = "row") -> Iterator[None]:
    """A nested all-or-nothing step inside a write transaction (one row of an import):
    rolled back alone when it raises, the transaction going on."""
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        conn.execute(f"ROLLBACK TO {name}")
        conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")


def ensure_wal(conn: sqlite3.Connection, path: Path | str) -> None:
    """WAL lets reports read while a write goes on; it is a property of the file."""
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as exc:
        raise storage_error(exc, path) from None


@contextmanager
def snapshot(conn: sqlite3.Connection, path: Path | str = "") -> Iterator[sqlite3.Connection]:
    """One read transaction, so a report sees one consistent state."""
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.Error as exc:
        raise storage_error(exc, path) from None
    try:
        yield conn
    except sqlite3.Error as exc:
        raise storage_error(exc, path) from None
    finally:
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        except sqlite3.ProgrammingError:
            pass   # already closed: a reader stopped half-way (output piped into head)
