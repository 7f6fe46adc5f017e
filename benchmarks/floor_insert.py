"""The floor under `wbpctl import participants`: SQLite alone writing the same rows.

Usage: python benchmarks/floor_insert.py SOURCE_DB TARGET_DB

SOURCE_DB is a ledger that `wbpctl import participants` has just filled; TARGET_DB a
fresh `wbpctl init` database. Reads the registration events the import wrote, and the
projection rows each one makes (the statements of wbpctl.store.projections), into memory
first (not timed); then writes them into TARGET_DB as the import does (one BEGIN IMMEDIATE
transaction, one executemany per table per 2,000 rows, wbpctl's connection policy) and
prints the seconds of the writes and the commit. No parsing, validation, JSON or hashing
is left: this is what SQLite needs to store the ledger's rows and their indexes, so no
importer that writes these rows can be faster.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time

from wbpctl.store import connection
from wbpctl.store.ledger import INSERT_EVENT
from wbpctl.store.projections import STATEMENTS

BATCH = 2000
KINDS = ("person.registered", "stay.admitted")


def main(source: str, target: str) -> None:
    src = sqlite3.connect(source)
    events = src.execute(
        "SELECT seq, uid, at, actor, lapas, kind, subject, payload, batch, prev_hash, hash"
        f" FROM events WHERE kind IN {KINDS} ORDER BY seq").fetchall()
    src.close()
    conn = connection.connect(target)
    start_seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM events").fetchone()[0]
    events = [(start_seq + i, *event[1:]) for i, event in enumerate(events)]
    params = {kind: [STATEMENTS[kind].params(json.loads(e[7])) for e in events if e[5] == kind]
              for kind in KINDS}
    people, stays = params["person.registered"], params["stay.admitted"]

    started = time.perf_counter()
    with connection.write(conn, target):
        for i in range(0, len(people), BATCH):
            conn.executemany(INSERT_EVENT, events[2 * i:2 * (i + BATCH)])
            conn.executemany(STATEMENTS["person.registered"].sql, people[i:i + BATCH])
            conn.executemany(STATEMENTS["stay.admitted"].sql, stays[i:i + BATCH])
    print(time.perf_counter() - started)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
