"""What every use case needs: the config, the database, who is acting, and today."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..config import Config
from ..domain.bounds import WORD, bounded
from ..domain.dates import parse_date
from ..domain.errors import Invalid, Rejected
from ..domain.words import word_key
from ..store import connection, queries, schema

# store.ledger is imported when a transaction begins: a command that only reads does not
# load the chain, the projections and orjson
if TYPE_CHECKING:
    from ..store.ledger import Event, Ledger


@dataclass
class Tx:
    """An open write transaction and the ledger appending into it."""

    session: "Session"
    conn: sqlite3.Connection
    ledger: Ledger
    written: int = 0   # a count, not a list: a bulk import must not hold every event

    def record(self, kind: str, subject: str, payload: dict, uid: str | None = None) -> Event:
        event = self.ledger.append(kind, subject, payload, uid)
        self.written += 1
        return event

    def record_many(self, records: list[tuple]) -> None:
        self.ledger.append_many(records)
        self.written += len(records)

    @contextmanager
    def step(self) -> Iterator[None]:
        """One row of a bulk change: if it raises, its events and table changes are undone
        and the transaction goes on with the next."""
        mark, written = self.ledger.mark(), self.written
        try:
            with connection.savepoint(self.conn):
                yield
        except BaseException:
            self.ledger.reset(mark)
            self.written = written
            raise


@dataclass
class _Writes:
    """What a session has written: events committed, and the transaction under way."""

    saved: int = 0
    under_way: Tx | None = None


@dataclass
class Session:
    config: Config
    db_path: Path
    actor: str
    today: date
    _conn: sqlite3.Connection | None = None
    # shared with the sessions ``with_date_order`` makes, so an interruption sees them all
    _writes: _Writes = field(default_factory=lambda: _Writes(), repr=False)
    _masks: bool | None = field(default=None, repr=False)

    def connect(self, *, create: bool = False) -> sqlite3.Connection:
        """The open connection; every command but ``init`` needs an up-to-date ledger."""
        if self._conn is None:
            conn = connection.connect(self.db_path, create=create,
                                      busy_timeout=self.config.busy_timeout)
            if not create:
                try:
                    schema.check(conn, self.db_path)
                except BaseException:
                    conn.close()
                    raise
            self._conn = conn
        return self._conn

    def protected_files(self) -> list[Path]:
        """What no output may replace: the database (its companions follow) and the keys
        named in the config."""
        signing = self.config.signing_key
        return [self.db_path, signing, Path(f"{signing}.pub") if signing else None,
                self.config.privacy_key]

    def masks_nik(self) -> bool:
        """Whether NIKs are masked: yes, unless the database's policy allows showing them
        (``wbpctl privacy set``, see ``services.privacy``) and the config asks for it. A
        config asking while the database does not allow it is refused."""
        if self._masks is None:
            allowed_off = False
            if not self.config.mask_nik:
                row = queries.latest_about(self.connect(), "privacy:mask_nik")
                allowed_off = row is not None and \
                    json.loads(row["payload"]).get("value") is False
                if not allowed_off:
                    raise Rejected("mask_policy_refused", file=str(self.config.path))
            self._masks = not allowed_off
        return self._masks

    def reveals(self, reveal: bool) -> bool:
        """Whether NIKs leave unmasked: asked for (``--reveal``), or not masked at all.
        Either way each showing is recorded as an access before anything is shown."""
        return reveal or not self.masks_nik()

    def forget_privacy(self) -> None:
        self._masks = None

    def with_date_order(self, order: str) -> "Session":
        """This session, reading numeric dates in ``order`` (``day-first`` or
        ``month-first``): an import of a file written the other way."""
        key = word_key(bounded(order, "date_order", WORD))
        if key not in ("day-first", "month-first"):
            raise Invalid("date_order", order, "date_order_unknown")
        return replace(self, config=self.config._replace(day_first=key == "day-first"))

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @contextmanager
    def transaction(self, tx: Tx | None = None, *, batch: str | None = None) -> Iterator[Tx]:
        """A write transaction, or the caller's when one is already open (bulk import)."""
        if tx is not None:
            yield tx
            return
        from ..store.ledger import Ledger

        conn = self.connect()
        with connection.write(conn, self.db_path):
            tx = Tx(self, conn, Ledger(conn, actor=self.actor, lapas=self.config.lapas_code,
                                       batch=batch))
            self._writes.under_way = tx
            yield tx
        self._writes.under_way = None
        self._writes.saved += tx.written

    def saved_after_interruption(self) -> tuple[int, str] | int | None:
        """After Ctrl-C or SIGTERM: 0 when this session saved nothing, else (events saved,
        the ledger head now); None when the ledger cannot be read to tell.

        The write under way counts when its last event is in the ledger: the signal is
        handled between two Python steps, which may be just after SQLite's COMMIT."""
        saved, writing = self._writes.saved, self._writes.under_way
        if saved == 0 and (writing is None or writing.ledger.mark() is None):
            return 0
        self.close()
        try:
            conn = connection.connect(self.db_path)
            try:
                if writing is not None and writing.ledger.mark() is not None:
                    seq, digest, _ = writing.ledger.mark()
                    if conn.execute("SELECT 1 FROM events WHERE seq = ? AND hash = ?",
                                    (seq, digest)).fetchone():
                        saved += writing.written
                if saved == 0:
                    return 0
                from ..store.ledger import head
                return saved, head(conn).short
            finally:
                conn.close()
        except Exception:
            return None

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        conn = self.connect()
        with connection.snapshot(conn, self.db_path):
            yield conn

    # -- input parsing shared by every use case -----------------------------

    def date(self, text: str | date, field: str, *, allow_future: bool = False) -> date:
        """Parse a date as the config says (day first by default); refuse the future."""
        value = text if isinstance(text, date) else parse_date(
            text, field=field, day_first=self.config.day_first, today=self.today)
        if not allow_future and value > self.today:
            raise Invalid(field, str(text), "date_in_future", today=self.today.isoformat())
        return value

    def date_or_today(self, text: str | date | None, field: str) -> date:
        """An action's date: the one given, else today."""
        return self.optional_date(text, field) or self.today

    def as_of(self, text: str | date | None) -> date:
        """The day a report is made as of (default today; any day, so a plan can be seen)."""
        if text is None or (isinstance(text, str) and not text.strip()):
            return self.today
        return self.date(text, "as_of", allow_future=True)

    def optional_date(self, text: str | date | None, field: str) -> date | None:
        if text is None or (isinstance(text, str) and not text.strip()):
            return None
        return self.date(text, field)
