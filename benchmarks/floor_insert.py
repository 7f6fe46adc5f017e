"""The floor under `wbpctl import participants`: SQLite alone writing the same rows.

Usage: python benchmarks/floor_insert.py SOURCE_DB TARGET_DB

SOURCE_DB is a ledger that `wbpctl import participants` has just filled; TARGET_DB a
fresh `wbpctl init` database. Reads the registration events the import wrote (one
``person.admitted`` per row, as stored) and the projection rows each one makes (people,
the name search index, stays: the statements of wbpctl.store.projections) into memory
first (not timed); then writes them into TARGET_DB as the import does (one BEGIN
IMMEDIATE transaction, one command row, one executemany per table per 2,000 rows,
wbpctl's connection policy) and prints the seconds of the writes and the commit. No
parsing, validation, JSON or hashing is left (the uids that people and stays store as
bytes are turned into them with the rows, before the clock starts): this is what SQLite
needs to store the ledger's rows and their indexes, so no importer that writes these rows
can be faster.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time

from wbpctl.store import connection
from wbpctl.store.uids import uid_text
from wbpctl.store.ledger import INSERT_EVENT
from wbpctl.store.payloads import expand
from wbpctl.store.projections import STATEMENTS

BATCH = 2000
KIND = "person.admitted"


def main(source: str, target: str) -> None:
    src = sqlite3.connect(source)
    events = src.execute(
        "SELECT e.seq, e.uid, e.kind, e.subject, e.payload, e.hash, c.lapas FROM events e"
        " JOIN commands c ON c.id = e.command WHERE e.kind = ? ORDER BY e.seq",
        (KIND,)).fetchall()
    command = src.execute("SELECT lapas, at, actor, batch FROM commands WHERE id ="
                          " (SELECT command FROM events WHERE kind = ? LIMIT 1)",
                          (KIND,)).fetchone()
    src.close()
    conn = connection.connect(target)
    first = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM events").fetchone()[0]
    command_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM commands").fetchone()[0]
    statement = STATEMENTS[KIND]
    people_search, stay_insert = statement.then
    rows, people, search, stays = [], [], [], []
    for i, (_, uid, kind, subject, payload, digest, lapas) in enumerate(events):
        rows.append((first + i, command_id, uid, kind, subject, payload, digest))
        whole = expand(kind, json.loads(payload), subject, uid_text(uid), lapas)
        people.append(statement.params(whole))
        search.append(people_search.params(whole))
        stays.append(stay_insert.params(whole))

    started = time.perf_counter()
    with connection.write(conn, target):
        conn.execute("INSERT INTO commands (id, lapas, at, actor, batch) VALUES (?,?,?,?,?)",
                     (command_id, *command))
        for i in range(0, len(rows), BATCH):
            conn.executemany(INSERT_EVENT, rows[i:i + BATCH])
            conn.executemany(statement.sql, people[i:i + BATCH])
            conn.executemany(people_search.sql, search[i:i + BATCH])
            conn.executemany(stay_insert.sql, stays[i:i + BATCH])
    print(time.perf_counter() - started)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
