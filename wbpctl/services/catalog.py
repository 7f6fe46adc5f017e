"""Creating or upgrading the database, and keeping the OPD/track catalogue in step with config."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..domain.catalog import normalize_code
from ..domain.errors import StorageError
from ..store import connection, product_queries, queries, schema
from ..store.ledger import Ledger
from .session import Session, Tx


@dataclass(frozen=True)
class InitResult:
    path: str
    created: bool
    migrations: int
    catalog_changed: bool
    events: int
    sponsors_from_texts: int = 0


def config_catalog(session: Session) -> tuple[list[dict], list[dict]]:
    opds = [o.as_dict() for o in session.config.opds]
    tracks = [t.as_dict() for t in session.config.tracks]
    return opds, tracks


def sync_catalog(tx: Tx) -> bool:
    """Write ``catalog.synced`` only when the config differs from what is stored: the OPDs,
    the tracks and the products made in them (one event, so a catalogue is one fact)."""
    opds, tracks = config_catalog(tx.session)
    products = [p.as_dict() for p in tx.session.config.products]
    if queries.catalog(tx.conn) == (opds, tracks) and product_queries.catalog(tx.conn) == products:
        return False
    tx.record("catalog.synced", "catalog", {"opds": opds, "tracks": tracks,
                                            "products": products})
    return True


def init_database(session: Session) -> InitResult:
    """Create or upgrade the database, sync the catalogue and register the free-text
    sponsors of an older ledger; running it twice writes nothing."""
    created = not session.db_path.exists()
    conn = session.connect(create=True)
    schema.preflight(conn, session.db_path)
    connection.ensure_wal(conn, session.db_path)
    # A migration may rebuild a table others refer to, which needs the foreign keys off
    # (they cannot be turned off inside a transaction); they are checked before commit.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with connection.write(conn, session.db_path):
            ran = schema.migrate(conn, session.db_path)
            if ran and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise StorageError("db_corrupt", path=str(session.db_path),
                                   reason="a row names a row that does not exist")
            tx = Tx(session, conn, Ledger(conn, actor=session.actor,
                                          lapas=session.config.lapas_code))
            record_migration(tx)
            changed = sync_catalog(tx)
            # places that named a sponsor in free text (before the registry) name one of it
            from .sponsors import link_free_texts
            linked = link_free_texts(tx)
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return InitResult(str(session.db_path), created, ran, changed, tx.written, linked)


def record_migration(tx: Tx) -> bool:
    """After the chain was moved to format 2, its first format-2 event names the last
    format-1 event (the old head, as reports and checkpoints wrote it): the new chain
    continues the old one, link by link, and says where the format changed."""
    legacy = queries.legacy_head(tx.conn)
    if legacy is None:
        return False
    tx.record("ledger.migrated", "ledger", {"format": 2, "head": legacy.short,
                                            "hash": legacy.hash})
    return True


def find_track(conn: sqlite3.Connection, text: str) -> sqlite3.Row | None:
    """A track by its code (``olah-madu``) or by its name as the catalogue writes it, any
    case and spacing (``Pengolahan madu hutan``), as lists from the OPDs name it."""
    return (queries.track(conn, normalize_code(text))
            or queries.track_named(conn, " ".join(str(text).split())))
