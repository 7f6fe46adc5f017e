"""Online copies of the database with SQLite's backup API (never a file copy, which can
catch a writer half-way), each proven sound before it is trusted."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from . import ledger, schema
from .connection import _create_private, storage_error


def copy_database(source: sqlite3.Connection, dest: Path) -> None:
    """Copy ``source`` into a new owner-only file ``dest`` (which must not exist)."""
    _create_private(dest)
    target = sqlite3.connect(str(dest), isolation_level=None)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")   # one self-contained file
    finally:
        target.close()


def check_copy(path: Path) -> tuple[int, ledger.Problem | None]:
    """Open a copy read-only, check it is a current wbpctl ledger, then verify it fully."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        conn.row_factory = sqlite3.Row
        try:
            schema.check(conn, path)
        finally:
            conn.close()
        verified = ledger.verify(str(path))
        return verified.events, verified.problem
    except sqlite3.Error as exc:
        raise storage_error(exc, path) from None


def replace_contents(live: sqlite3.Connection, source_path: Path) -> None:
    """Overwrite the live database with ``source_path`` through the backup API, so the
    WAL and every other connection see one atomic change."""
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        source.backup(live)
        live.execute("PRAGMA journal_mode = WAL")   # the copy's header said otherwise
    except sqlite3.Error as exc:
        raise storage_error(exc, source_path) from None
    finally:
        source.close()


def remove_quietly(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass

