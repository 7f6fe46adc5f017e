"""Online copies of the database with SQLite's backup API (never a file copy, which can
catch a writer half-way), each proven sound before it is trusted."""

from __future__ import annotations

import itertools
import os
import sqlite3
from pathlib import Path

from .. import files
from . import ledger, schema
from .connection import _create_private, storage_error


def read_only_uri(path: Path | str) -> str:
    """An SQLite URI that opens ``path`` read-only, whatever its name holds: ``#``, ``?``,
    ``%``, spaces and non-ASCII letters are percent-escaped (in ``file:{path}?mode=ro``
    a ``#`` would start a fragment and open another file, without ``mode=ro``)."""
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro"


def copy_database(source: sqlite3.Connection, dest: Path) -> None:
    """Copy ``source`` into a new owner-only file ``dest``, which must not exist
    (``FileExistsError``): a copy never lands on another file."""
    _create_private(dest, exclusive=True)
    _copy_into(source, dest)


def _copy_into(source: sqlite3.Connection, dest: Path) -> None:
    target = sqlite3.connect(str(dest), isolation_level=None)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")   # one self-contained file
    finally:
        target.close()


def check_copy(path: Path) -> tuple[int, ledger.Problem | None]:
    """Open a copy read-only, check it is a current wbpctl ledger, then verify it fully."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
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
    source = sqlite3.connect(read_only_uri(source_path), uri=True)
    try:
        source.backup(live)
        live.execute("PRAGMA journal_mode = WAL")   # the copy's header said otherwise
    except sqlite3.Error as exc:
        raise storage_error(exc, source_path) from None
    finally:
        source.close()


def copy_aside(source: sqlite3.Connection, name: Path) -> Path:
    """Copy ``source`` to ``name``, or, when that exists (two restores in one second),
    ``name-2``, ``name-3``, ...: each created exclusively, so no copy replaces another."""
    for n in itertools.count(1):
        dest = name if n == 1 else name.with_name(f"{name.name}-{n}")
        try:
            _create_private(dest, exclusive=True)
        except FileExistsError:
            continue
        files.track(dest)         # a copy cut short (a killed restore) is swept
        try:
            _copy_into(source, dest)
        except BaseException:
            remove_quietly(dest)
            raise
        finally:
            files.untrack(dest)
        return dest
    raise AssertionError("unreachable")


def remove_quietly(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass

