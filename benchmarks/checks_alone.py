"""The other floor under `wbpctl import participants`: reading and checking alone.

Usage: python benchmarks/checks_alone.py FILE [DB]

Reads FILE (a participants CSV) and checks every row as the import does before it looks
at the ledger: the reading, the cells, the name, NIK, dates, register number, sentence
and class, the notices, and the event's payload as stored (the work of the import's
second process, ``services.importing``'s row preparer). Nothing is written and the
database (DB, else the configured one) is only opened for the config. Prints the seconds.

With ``floor_insert.py`` (SQLite alone writing the same rows) this bounds what one process
can do: no import that checks each row like this and writes these rows is faster than
their sum, however lean the code between them. ``import_bench.py`` prints that ceiling.
"""

from __future__ import annotations

import os
import sys
import time

from wbpctl.cli.state import State
from wbpctl.domain.headers import match_headers
from wbpctl.services.csv_source import open_source
# the import's own row checks, as its second process runs them (a benchmark may reach in)
from wbpctl.services.importing import KINDS, REJECTION_COLUMN, _preparer


def main(path: str, db: str | None) -> None:
    if db:
        os.environ["WBPCTL_DB"] = db
    session = State().session()
    kind = KINDS["participants"]
    source = open_source(path)
    layout = match_headers(source.headers, kind.columns, kind.required,
                           session.config.import_headers, skip=(REJECTION_COLUMN,))
    prepare = _preparer(session, "participants", layout, source)
    started = time.perf_counter()
    planned = refused = 0
    for line, cells in source.rows():
        row = prepare(line, cells)
        planned += row.plan is not None
        refused += row.error is not None
    seconds = time.perf_counter() - started
    source.close()
    session.close()
    if refused:
        sys.exit(f"{refused} of {planned + refused} rows refused: not an import_bench file")
    print(seconds)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None)
