"""Numbered migrations, and the check every command makes before touching data.

Migrations run through sqlite-utils' ``Migrations`` (recorded in its
``_sqlite_migrations`` table). ``PRAGMA user_version`` mirrors how many have
run, so the everyday check needs neither sqlite-utils nor a query of that table.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

from ..domain.errors import StorageError
from .connection import APPLICATION_ID

MIGRATION_SET = "wbpctl"

_M001 = """
CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    lapas TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    payload TEXT NOT NULL,
    batch TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX events_subject ON events(subject, seq);

CREATE TABLE opds (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE tracks (
    code TEXT PRIMARY KEY,
    opd TEXT NOT NULL REFERENCES opds(code),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    phase TEXT NOT NULL,
    pembinaan TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    nik TEXT UNIQUE,
    gender TEXT,
    birth_date TEXT
);

CREATE TABLE stays (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    lapas TEXT NOT NULL,
    register_class TEXT NOT NULL,
    reg_seq INTEGER NOT NULL,
    reg_year INTEGER NOT NULL,
    detained_on TEXT NOT NULL,
    admitted_on TEXT NOT NULL,
    sentence_years INTEGER,
    sentence_months INTEGER,
    sentence_days INTEGER,
    sentence_life INTEGER NOT NULL DEFAULT 0,
    sentence_death INTEGER NOT NULL DEFAULT 0,
    fine_substitute INTEGER NOT NULL DEFAULT 0,
    crime TEXT,
    status TEXT NOT NULL,
    released_on TEXT,
    release_type TEXT,
    release_override TEXT,
    UNIQUE (lapas, register_class, reg_seq, reg_year)
);
CREATE INDEX stays_person ON stays(person_id, admitted_on);
CREATE INDEX stays_dates ON stays(admitted_on, released_on);
CREATE INDEX stays_released ON stays(released_on, release_type, person_id);

CREATE TABLE enrolments (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    stay_id INTEGER NOT NULL REFERENCES stays(id),
    track TEXT NOT NULL REFERENCES tracks(code),
    status TEXT NOT NULL,
    requested_on TEXT NOT NULL,
    waitlisted INTEGER NOT NULL DEFAULT 0,
    assigned_on TEXT,
    ended_on TEXT,
    reason TEXT,
    result TEXT,
    hours REAL,
    certificate TEXT,
    sponsor TEXT
);
CREATE INDEX enrolments_person ON enrolments(person_id, status);
CREATE INDEX enrolments_stay ON enrolments(stay_id, status, track, ended_on);
-- reports count by date ranges: each index covers what its queries read
CREATE INDEX enrolments_track ON enrolments(track, status, stay_id);
CREATE INDEX enrolments_ended ON enrolments(ended_on, status, track, reason, assigned_on);
CREATE INDEX enrolments_assigned ON enrolments(assigned_on, track);
CREATE INDEX enrolments_requested ON enrolments(requested_on, waitlisted, track);

CREATE TABLE remissions (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    stay_id INTEGER NOT NULL REFERENCES stays(id),
    granted_on TEXT NOT NULL,
    kind TEXT NOT NULL,
    days INTEGER NOT NULL
);
CREATE INDEX remissions_stay ON remissions(stay_id, granted_on, days);
"""

# Verdicts, transfers both ways, revocations, offence categories and remission exceptions.
# Only projection tables change; events are untouched, and a replay of an older ledger
# leaves the new columns empty.
_M002 = """
ALTER TABLE stays ADD COLUMN sentenced_on TEXT;
ALTER TABLE stays ADD COLUMN transfer_to TEXT;
ALTER TABLE remissions ADD COLUMN override TEXT;

ALTER TABLE stays ADD COLUMN crime_category TEXT;

-- time away from a stay that went on afterwards: a transfer out that was come back from
-- (kind 'transfer'), or a PB/CB/CMB release revoked (kind 'revocation': a technical return)
CREATE TABLE absences (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    stay_id INTEGER NOT NULL REFERENCES stays(id),
    kind TEXT NOT NULL,
    left_on TEXT NOT NULL,
    release_type TEXT NOT NULL,
    release_override TEXT,
    to_lapas TEXT,
    returned_on TEXT NOT NULL,
    from_lapas TEXT,
    reason TEXT
);
-- in_custody_at and the monthly counts read these by date, recidivism by kind
CREATE INDEX absences_left ON absences(left_on, returned_on);
CREATE INDEX absences_returned ON absences(returned_on, kind);
CREATE INDEX absences_stay ON absences(stay_id);
"""

# Sponsors, their donations, adoptions and spending (issue 17). Older ledgers named a
# place's sponsor in free text (enrolments.sponsor); the text stays as it was recorded and
# ``sponsor_id`` links it to the registry, set by the events ``init`` records for those
# texts (``sponsor.registered`` with the texts it stands for), so the old events and a
# replay of them are untouched.
_M003 = """
CREATE TABLE sponsors (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT,
    contact TEXT
);

ALTER TABLE enrolments ADD COLUMN sponsor_id INTEGER REFERENCES sponsors(id);
CREATE INDEX enrolments_sponsor ON enrolments(sponsor_id, assigned_on);

-- money in whole rupiah, in_kind names goods given (amount is then their value)
CREATE TABLE donations (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    sponsor_id INTEGER NOT NULL REFERENCES sponsors(id),
    received_on TEXT NOT NULL,
    amount INTEGER NOT NULL,
    in_kind TEXT,
    purpose TEXT NOT NULL,
    track TEXT REFERENCES tracks(code),
    person_id INTEGER REFERENCES people(id),
    ref TEXT,
    voided_on TEXT,
    void_reason TEXT
);
CREATE INDEX donations_sponsor ON donations(sponsor_id, received_on);
CREATE INDEX donations_received ON donations(received_on, sponsor_id);

CREATE TABLE adoptions (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    sponsor_id INTEGER NOT NULL REFERENCES sponsors(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    from_on TEXT NOT NULL,
    until_on TEXT,
    consent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX adoptions_sponsor ON adoptions(sponsor_id, from_on);
CREATE INDEX adoptions_person ON adoptions(person_id);

-- funded_by: APBD, DIPA, or 'sponsor' (then sponsor_id says which)
CREATE TABLE spending (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    track TEXT NOT NULL REFERENCES tracks(code),
    spent_on TEXT NOT NULL,
    amount INTEGER NOT NULL,
    what TEXT NOT NULL,
    funded_by TEXT NOT NULL,
    sponsor_id INTEGER REFERENCES sponsors(id),
    person_id INTEGER REFERENCES people(id),
    ref TEXT,
    override TEXT
);
CREATE INDEX spending_track ON spending(track, spent_on);
CREATE INDEX spending_sponsor ON spending(sponsor_id, spent_on);
CREATE INDEX spending_spent ON spending(spent_on);
"""

# Products made in training and sold through the cooperative, the makers' premi and its
# payouts (issue 18). Stock is kept per batch (``sold`` grows as sales take from it, oldest
# batch first); each sale keeps its split and the premi credited to each maker.
_M004 = """
CREATE TABLE products (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    track TEXT NOT NULL REFERENCES tracks(code),
    price INTEGER NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE batches (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    product TEXT NOT NULL REFERENCES products(code),
    batch TEXT NOT NULL,
    produced_on TEXT NOT NULL,
    qty INTEGER NOT NULL,
    sold INTEGER NOT NULL DEFAULT 0,
    UNIQUE (product, batch)
);
CREATE INDEX batches_product ON batches(product, produced_on);
CREATE INDEX batches_produced ON batches(produced_on, product);

CREATE TABLE batch_makers (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    weight INTEGER NOT NULL
);
CREATE INDEX batch_makers_batch ON batch_makers(batch_id);
CREATE INDEX batch_makers_person ON batch_makers(person_id);

-- amount = qty x price, split into premi + cooperative + pnbp (whole rupiah, exact)
CREATE TABLE sales (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    product TEXT NOT NULL REFERENCES products(code),
    sold_on TEXT NOT NULL,
    qty INTEGER NOT NULL,
    price INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    channel TEXT NOT NULL,
    buyer TEXT,
    ref TEXT,
    premi INTEGER NOT NULL,
    cooperative INTEGER NOT NULL,
    pnbp INTEGER NOT NULL,
    premi_share TEXT NOT NULL,
    cooperative_share TEXT NOT NULL
);
CREATE INDEX sales_sold ON sales(sold_on, product);
CREATE INDEX sales_product ON sales(product, sold_on);

CREATE TABLE premi_credits (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    amount INTEGER NOT NULL
);
CREATE INDEX premi_credits_person ON premi_credits(person_id, sale_id);
CREATE INDEX premi_credits_sale ON premi_credits(sale_id);

CREATE TABLE payouts (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    paid_on TEXT NOT NULL,
    amount INTEGER NOT NULL,
    ref TEXT
);
CREATE INDEX payouts_person ON payouts(person_id, paid_on);
"""



def _m005_people_search(db) -> None:
    """Finding people as they are spelt (issue 15): each name's search key (no accents,
    lower case, see ``domain.search``) and an FTS5 trigram index of the keys, both written
    by the projections with the name (so a replay into a scratch database builds them
    again). Older people get their key and their index entry here. No triggers: FTS5
    flushes its pending terms at every statement savepoint, and a trigger's insert made
    each registration 27 us slower, where the projections' executemany costs 2 us."""
    from ..domain.search import search_key

    conn = db.conn
    conn.create_function("wbpctl_search_key", 1, search_key, deterministic=True)
    for statement in (
            "ALTER TABLE people ADD COLUMN name_key TEXT",
            "UPDATE people SET name_key = wbpctl_search_key(name)",
            "CREATE VIRTUAL TABLE people_search USING fts5(name_key, content='people',"
            " content_rowid='id', tokenize='trigram')",
            "INSERT INTO people_search (people_search) VALUES ('rebuild')"):
        conn.execute(statement)


_M006_TABLES = """
-- one hash chain per origin Lapas: 0 is this ledger's own, the others came in by merges.
-- Events 1..legacy_upto of a chain were hashed in format 1 (before this migration) and
-- keep those hashes (see store/chain.py).
CREATE TABLE chains (
    id INTEGER PRIMARY KEY,
    lapas TEXT NOT NULL UNIQUE,
    legacy_upto INTEGER NOT NULL DEFAULT 0
);

-- what all events of one command share, stored once and covered by each event's hash
CREATE TABLE commands (
    id INTEGER PRIMARY KEY,
    lapas TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    batch TEXT
);

-- seq = chain * 2^40 + the event's place in its chain. The previous hash is the hash of
-- the event before it in its chain, so it is not stored, and uid and hash are raw bytes
CREATE TABLE lean_events (
    seq INTEGER PRIMARY KEY,
    command INTEGER NOT NULL REFERENCES commands(id),
    uid BLOB NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    payload TEXT NOT NULL,
    hash BLOB NOT NULL
)
"""

_M006_PEOPLE = """
-- a NIK is no longer unique here: the same person registered in two merged Lapas has a
-- record in each (linked by same_as, see person.linked), and a Lapas's own registrations are
-- refused a NIK it already has by the registration's check
CREATE TABLE lean_people (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    nik TEXT,
    gender TEXT,
    birth_date TEXT,
    name_key TEXT,
    same_as INTEGER REFERENCES people(id)
);
INSERT INTO lean_people (id, uid, name, nik, gender, birth_date, name_key)
    SELECT id, uid, name, nik, gender, birth_date, name_key FROM people ORDER BY id;
DROP TABLE people;
ALTER TABLE lean_people RENAME TO people;
-- registration's NIK check, --search by NIK, the NIK matches of a merge (most have one)
CREATE INDEX people_nik ON people(nik) WHERE nik IS NOT NULL;
-- recidivism and the merged view group people by the record they are the same as
CREATE INDEX people_same_as ON people(same_as) WHERE same_as IS NOT NULL;

-- the name index again, without the per-row column sizes (only bm25 ranking reads them,
-- and --search does not rank)
DROP TABLE people_search;
CREATE VIRTUAL TABLE people_search USING fts5(name_key, content='people', content_rowid='id',
    tokenize='trigram', columnsize=0);
INSERT INTO people_search (people_search) VALUES ('rebuild');

-- report recidivism and the release counts read released stays by date: only those
DROP INDEX stays_released;
CREATE INDEX stays_released ON stays(released_on, release_type, person_id)
    WHERE released_on IS NOT NULL
"""


def _legacy_chain_problem(conn) -> tuple[int, str] | None:
    """The first broken link of a format-1 chain (seq, what), or None when it is sound
    (the hash is ``chain.hash_v1``, the one the ledger verifies such events with)."""
    from .chain import hash_v1

    prev, expected = "0" * 64, 1
    cursor = conn.execute("SELECT seq, uid, at, actor, lapas, kind, subject, payload, batch,"
                          " prev_hash, hash FROM events ORDER BY seq")
    while rows := cursor.fetchmany(20000):
        for seq, uid, at, actor, lapas, kind, subject, payload, batch, prev_hash, digest in rows:
            if seq != expected:
                return expected, f"event #{expected} is missing"
            if prev_hash != prev:
                return seq, "prev_hash does not match the event before"
            if hash_v1(bytes.fromhex(prev), uid, at, actor, lapas, kind, subject, payload,
                       batch).hex() != digest:
                return seq, "content does not match its hash"
            prev, expected = digest, seq + 1
    return None


def _m006_lean_ledger(db) -> None:
    """A leaner ledger, and one chain per origin Lapas (issues 19 and 21).

    The old chain is checked first; a broken one is refused, untouched. Every event is
    kept, in its order, with its uid, time, actor, Lapas, kind, subject, payload, batch
    and hash (its hash proves the same content as before); what a command shares is
    stored once (``commands``), uids and hashes as bytes, the previous hash no more. The
    people table loses the uniqueness of the NIK (merged Lapas) and gains ``same_as``.
    Needs foreign keys off (``init`` turns them off for a migration)."""
    conn = db.conn
    has_events = conn.execute("SELECT 1 FROM events LIMIT 1").fetchone() is not None
    if has_events:
        broken = _legacy_chain_problem(conn)
        if broken is not None:
            raise StorageError("migration_chain_broken", seq=broken[0], detail=broken[1])
    conn.create_function("wbpctl_unhex", 1,
                         lambda text: bytes.fromhex(text.replace("-", "")), deterministic=True)
    for statement in _M006_TABLES.split(";"):
        conn.execute(statement)
    if has_events:
        # a command starts wherever time, actor, Lapas or batch change from the event before
        conn.execute(
            "INSERT INTO commands (id, lapas, at, actor, batch) SELECT seq, lapas, at, actor,"
            " batch FROM (SELECT seq, lapas, at, actor, batch, lag(seq) OVER w AS p_seq,"
            " lag(at) OVER w AS p_at, lag(actor) OVER w AS p_actor, lag(lapas) OVER w AS"
            " p_lapas, lag(batch) OVER w AS p_batch FROM events WINDOW w AS (ORDER BY seq))"
            " WHERE p_seq IS NULL OR p_at != at OR p_actor != actor OR p_lapas != lapas"
            " OR p_batch IS NOT batch")
        conn.execute(
            "INSERT INTO lean_events (seq, command, uid, kind, subject, payload, hash)"
            " SELECT seq, (SELECT id FROM commands WHERE id <= e.seq ORDER BY id DESC LIMIT 1),"
            " wbpctl_unhex(uid), kind, subject, payload, wbpctl_unhex(hash) FROM events e"
            " ORDER BY seq")
        # the chain is the Lapas's the ledger is now (its last event's: a code changed
        # in the config earlier stays in the events it was written with)
        conn.execute("INSERT INTO chains (id, lapas, legacy_upto) SELECT 0,"
                     " (SELECT lapas FROM events ORDER BY seq DESC LIMIT 1), max(seq)"
                     " FROM events")
    conn.execute("DROP TABLE events")
    conn.execute("ALTER TABLE lean_events RENAME TO events")
    # log WHO, a person's history, the latest privacy policy: events by subject, in order
    # (an index entry ends with the rowid, which is seq: no need to name it)
    conn.execute("CREATE INDEX events_subject ON events(subject)")
    for statement in _M006_PEOPLE.split(";"):
        conn.execute(statement)


# The two tables as schema 7 has them, written out whole: a migration that has shipped
# never changes, so it does not build on the statements of earlier ones.
_M007_TABLES = """
CREATE TABLE new_people (
    id INTEGER PRIMARY KEY,
    uid UID BLOB NOT NULL UNIQUE CHECK (typeof(uid) = 'blob' AND length(uid) = 16),
    name TEXT NOT NULL,
    nik TEXT,
    gender TEXT,
    birth_date TEXT,
    name_key TEXT,
    same_as INTEGER REFERENCES people(id)
);
INSERT INTO new_people (id, uid, name, nik, gender, birth_date, name_key, same_as)
    SELECT id, wbpctl_uid(uid), name, nik, gender, birth_date, name_key, same_as
    FROM people ORDER BY id;
DROP TABLE people;
ALTER TABLE new_people RENAME TO people;
CREATE TABLE new_stays (
    id INTEGER PRIMARY KEY,
    uid UID BLOB NOT NULL UNIQUE CHECK (typeof(uid) = 'blob' AND length(uid) = 16),
    person_id INTEGER NOT NULL REFERENCES people(id),
    lapas TEXT NOT NULL,
    register_class TEXT NOT NULL,
    reg_seq INTEGER NOT NULL,
    reg_year INTEGER NOT NULL,
    detained_on TEXT NOT NULL,
    admitted_on TEXT NOT NULL,
    sentence_years INTEGER,
    sentence_months INTEGER,
    sentence_days INTEGER,
    sentence_life INTEGER NOT NULL DEFAULT 0,
    sentence_death INTEGER NOT NULL DEFAULT 0,
    fine_substitute INTEGER NOT NULL DEFAULT 0,
    crime TEXT,
    status TEXT NOT NULL,
    released_on TEXT,
    release_type TEXT,
    release_override TEXT,
    sentenced_on TEXT,
    transfer_to TEXT,
    crime_category TEXT,
    UNIQUE (lapas, register_class, reg_seq, reg_year)
);
INSERT INTO new_stays SELECT id, wbpctl_uid(uid), person_id, lapas, register_class, reg_seq,
    reg_year, detained_on, admitted_on, sentence_years, sentence_months, sentence_days,
    sentence_life, sentence_death, fine_substitute, crime, status, released_on, release_type,
    release_override, sentenced_on, transfer_to, crime_category FROM stays ORDER BY id;
DROP TABLE stays;
ALTER TABLE new_stays RENAME TO stays
"""

def _m007_uids_as_bytes(db) -> None:
    """People and stays store their uids as 16 bytes, read back as the same text, and the
    subject index keeps a prefix of each subject (``subjects``): issue 21, about 100
    bytes less per participant, with the unique indexes.

    Every chain is checked first, and every uid must read back as the text it was; a
    ledger that fails either is refused, untouched. Ids, rows and indexes stay as they
    were, so every report, export and ``verify`` gives the same answer. Only projection
    tables and an index change: no event is touched. Needs foreign keys off (as m006)."""
    from .connection import with_uids
    from .ledger import check_chains
    from .uids import reads_back

    conn = with_uids(db.conn)
    conn.create_function("wbpctl_reads_back", 1, reads_back, deterministic=True)
    if conn.execute("SELECT 1 FROM events LIMIT 1").fetchone() is not None:
        problem = check_chains(conn).problem
        if problem is not None:
            raise StorageError("migration_chain_broken", seq=problem.seq, detail=problem.detail)
    for table in ("people", "stays"):
        odd = conn.execute(f"SELECT id, uid FROM {table} WHERE NOT wbpctl_reads_back(uid)"
                           " LIMIT 1").fetchone()
        if odd is not None:
            raise StorageError("migration_uid_odd", table=table, id=odd[0], uid=odd[1])
    indexes = [sql for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name IN ('people', 'stays') ORDER BY rowid")]
    for statement in _M007_TABLES.split(";"):
        conn.execute(statement)
    for sql in indexes:       # dropped with their tables: the same again
        conn.execute(sql)
    # log WHO, a person's history, the latest privacy policy: by a prefix of the subject
    # (subjects.PREFIX, and how a lookup names it: subjects.subject_in)
    conn.execute("DROP INDEX events_subject")
    conn.execute("CREATE INDEX events_subject ON events(substr(subject, 1, 18))")


# Lookups that read a whole table per row before (issue 21: an import of 20,000 sales
# took 29 s, and a number nobody holds took 4 s to say so on the national ledger). Each
# index is named for the lookup it serves; the partial ones hold only the rows it can find.
_M008 = """
-- a receipt number given twice (sell, premi pay, donation, spending, and their imports)
CREATE INDEX sales_ref ON sales(ref) WHERE ref IS NOT NULL;
CREATE INDEX payouts_ref ON payouts(ref) WHERE ref IS NOT NULL;
CREATE INDEX donations_ref ON donations(ref) WHERE ref IS NOT NULL;
CREATE INDEX spending_ref ON spending(ref) WHERE ref IS NOT NULL;
-- a certificate number a track gave already (complete, import completions)
CREATE INDEX enrolments_certificate ON enrolments(track, certificate)
    WHERE certificate IS NOT NULL;
-- the person a register number named before a verdict replaced it (queries.
-- stay_by_previous_regno: every lookup of a number no stay holds asks it)
CREATE INDEX events_replaced_regno ON events(json_extract(payload, '$.previous.reg_seq'),
    json_extract(payload, '$.previous.reg_year')) WHERE kind = 'stay.sentenced'
"""


def _m008_lookup_indexes(db) -> None:
    """The indexes of ``_M008``, and a sponsor found by its name as an index finds it: each
    sponsor's name key (``domain.sponsors.name_key``: case and spacing do not count),
    written by the projections with the name, so a replay builds it again. Older sponsors
    get theirs here; no event and no other row changes."""
    from ..domain.sponsors import name_key

    conn = db.conn
    for statement in _M008.split(";"):
        conn.execute(statement)
    conn.create_function("wbpctl_sponsor_key", 1, name_key, deterministic=True)
    for statement in (
            "ALTER TABLE sponsors ADD COLUMN name_key TEXT",
            "UPDATE sponsors SET name_key = wbpctl_sponsor_key(name)",
            # a name given for a sponsor (find_sponsor, register, correct, their imports)
            "CREATE INDEX sponsors_name ON sponsors(name_key)"):
        conn.execute(statement)


# (name, SQL or a function of the sqlite-utils Database): append only, never edit one
# that has shipped. SQL statements are split on ";", so comments inside them must not
# hold one.
MIGRATIONS: list[tuple[str, str | Callable]] = [
    ("m001_ledger_and_registry", _M001),
    ("m002_verdicts_transfers_revocations", _M002),
    ("m003_sponsors_donations_spending", _M003),
    ("m004_products_sales_premi", _M004),
    ("m005_people_search", _m005_people_search),
    ("m006_lean_ledger_chains", _m006_lean_ledger),
    ("m007_uids_as_bytes", _m007_uids_as_bytes),
    ("m008_lookup_indexes", _m008_lookup_indexes),
]
SCHEMA_VERSION = len(MIGRATIONS)
# The oldest schema whose events and chains read as this one's (m008 added indexes only):
# ``merge`` reads another Lapas's ledger file of it as it is.
EVENTS_READ_SINCE = 7
PROJECTION_TABLES = ("opds", "tracks", "people", "stays", "enrolments", "remissions",
                     "absences", "sponsors", "donations", "adoptions", "spending",
                     "products", "batches", "batch_makers", "sales", "premi_credits",
                     "payouts")


def state(conn: sqlite3.Connection) -> tuple[int, int, bool]:
    """(application_id, user_version, has_tables)."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    has_tables = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0
    return app_id, version, has_tables


def check(conn: sqlite3.Connection, path: Path | str) -> None:
    """Refuse a file that is not a wbpctl ledger, is too new, or needs ``wbpctl init``."""
    try:
        app_id, version, has_tables = state(conn)
    except sqlite3.DatabaseError as exc:
        from .connection import storage_error
        raise storage_error(exc, path) from None
    if app_id != APPLICATION_ID:
        if app_id == 0 and not has_tables:
            raise StorageError("db_uninitialised", path=str(path))
        raise StorageError("db_not_wbpctl", path=str(path))
    if version > SCHEMA_VERSION:
        raise StorageError("db_too_new", path=str(path), version=version, known=SCHEMA_VERSION)
    if version < SCHEMA_VERSION:
        raise StorageError("db_needs_upgrade", path=str(path), version=version,
                           known=SCHEMA_VERSION)


def preflight(conn: sqlite3.Connection, path: Path | str) -> int:
    """Refuse, before anything is written, a file ``init`` must not touch; return its version."""
    try:
        app_id, version, has_tables = state(conn)
    except sqlite3.DatabaseError as exc:
        from .connection import storage_error
        raise storage_error(exc, path) from None
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and has_tables):
        raise StorageError("db_not_wbpctl", path=str(path))
    if version > SCHEMA_VERSION:
        raise StorageError("db_too_new", path=str(path), version=version, known=SCHEMA_VERSION)
    return version


def migrate(conn: sqlite3.Connection, path: Path | str) -> int:
    """Bring the schema up to date inside the caller's write transaction.

    Returns how many migrations ran. A database that already holds other
    tables but is not a wbpctl ledger is refused, never altered.
    """
    if preflight(conn, path) == SCHEMA_VERSION:
        return 0

    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, step in MIGRATIONS:
        def run(db, sql=step):
            for statement in sql.split(";"):
                if statement.strip():
                    db.execute(statement)
        migrations(name=name)(step if callable(step) else run)
    db = Database(conn)
    pending = len(migrations.pending(db))
    migrations.apply(db)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return pending


def secondary_indexes(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the projection tables' own indexes (not those SQLite
    makes for UNIQUE and PRIMARY KEY), in creation order: a replay drops them, fills the
    tables and builds them again, which is faster than keeping them up to date."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name IN (%s) ORDER BY rowid" % ",".join("?" * len(PROJECTION_TABLES)),
        PROJECTION_TABLES).fetchall()
    return [(r[0], r[1]) for r in rows]
