"""Backups and restores: consistent copies taken while others write, verified before use."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from ..domain.errors import Rejected, StorageError
from ..files import check_output, make_private_dirs, temporary
from ..store import backup as copies
from ..store import connection
from .session import Session


def _tmp_beside(path: Path) -> Path:
    import secrets
    return path.with_name(f".{path.name}.{datetime.now(timezone.utc):%Y%m%dT%H%M%S}"
                          f"-{secrets.token_hex(4)}.tmp")


def backup(session: Session, dest: Path, *, force: bool = False) -> dict:
    """Copy the database to ``dest`` (owner-only), verify the copy, then put it in place."""
    dest = Path(dest)
    if dest.exists() and not force:
        raise Rejected("backup_exists", dest=str(dest))
    if dest.resolve() == session.db_path.resolve():
        raise Rejected("backup_onto_itself", dest=str(dest))
    check_output(dest, may_replace_copy=force)
    conn = session.connect()
    try:
        with temporary(lambda: _tmp_beside(dest), copies.remove_quietly) as tmp:
            make_private_dirs(dest.parent)
            with connection.snapshot(conn, session.db_path):
                copies.copy_database(conn, tmp)
            events, problem = copies.check_copy(tmp)
            if problem is not None:
                raise StorageError("backup_unsound", dest=str(dest), detail=problem.detail)
            tmp.replace(dest)
    except OSError as exc:
        raise StorageError("output_failed", path=str(dest), reason=exc.strerror or str(exc)
                           ) from None
    return {"dest": str(dest), "events": events}


def restore(session: Session, source: Path) -> dict:
    """Replace the database with ``source`` once ``source`` verifies; the replaced
    contents are kept beside it as ``<db>.replaced-<time>``."""
    source = Path(source)
    if not source.exists():
        raise Rejected("restore_missing", source=str(source))
    events, problem = copies.check_copy(source)
    if problem is not None:
        raise Rejected("restore_unsound", source=str(source), detail=problem.detail)
    conn = session.connect()
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    with connection.snapshot(conn, session.db_path):
        aside = copies.copy_aside(conn, session.db_path.with_name(
            f"{session.db_path.name}.replaced-{stamp}"))
    copies.replace_contents(conn, source)
    return {"source": str(source), "events": events, "aside": str(aside)}
