"""Import speed of the kinds other than participants, against sqlite-utils, same run.

Usage: python benchmarks/kinds_bench.py [--rows 20000] [--runs 3]

Registers N participants (import_bench.py's file) once, and once more with a place for
each of them (the enrolments file: seven tracks of 20 places, so most wait in line).
Then for each kind loads an N-row file of it into a fresh copy of the ledger it needs
with `wbpctl import KIND FILE --quiet` (every row checked against the person's stay, the
track or the remission rules, and written as hash-chained events, all in one
transaction), and the same file with `sqlite-utils insert DB rows FILE --csv` (default
options, no checks) into a fresh database. Completions and drops end every place in file
order, each moving the first in line up (an event of its own), who ends theirs later in
the file; releases (ekspirasi, the day each sentence expires, where that is past) end the
stays of the ledger with places, each ending a place and moving a line. Last, `export
all --reveal` of the ledger with places after the completions (participants, enrolments
and completions) is loaded into an empty ledger with `wbpctl import all`. Sales (N
rows, each with its receipt number, every sale looked up by it first) are loaded into the
ledger with places after one batch of MADU-250 as big as the file, made by a person of
OLAH-MADU; payouts (N rows of Rp 1,000, a receipt number each) into that ledger after the
sales file, whose premi all went to that one maker (the worst case for a row checked
alone: a balance is the sum of every credit and payout of the person). Prints the median
rows/s of each and the ratio; `--kinds` picks some (`all` for the export). Run it with the
project's virtual environment's python.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from import_bench import detained_on, make_csv, measure, tool

from wbpctl.domain.dates import add_period

KINDS = ("enrolments", "completions", "drops", "releases", "remissions", "sales", "payouts")
CHANNELS = ["koperasi", "pameran", "daring"]
SENTENCES = [(2, 0), (3, 6), (0, 18), (5, 0)]    # make_csv's, as years and months
TRACKS = ["BUN-UNGGUL", "NAK-TERNAK", "HORT-ORGANIK", "IKAN-AIRTAWAR", "ADMINDUK",
          "OLAH-MADU", "KRIYA-DAUR"]


def make_kind(path: Path, kind: str, rows: int) -> int:
    """Rows of ``kind`` for the participants of make_csv's file (B.I-1/2025 ...): one each,
    but remissions only for those sentenced to more than 18 months; how many."""
    written = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        if kind == "enrolments":       # seven tracks of 20 places: most go on a waitlist
            out.writerow(["reg_no", "track", "assigned_on"])
            for i in range(rows):
                out.writerow([f"B.I-{i + 1}/2025", TRACKS[i % len(TRACKS)], "2025-09-01"])
                written += 1
        elif kind in ("completions", "drops"):   # each moves the first in line up
            ending = ["track", "completed_on", "hours", "result"] if kind == "completions" \
                else ["track", "dropped_on", "reason"]
            out.writerow(["reg_no", *ending])
            for i in range(rows):
                tail = [40, "lulus"] if kind == "completions" else ["sakit"]
                out.writerow([f"B.I-{i + 1}/2025", TRACKS[i % len(TRACKS)], "2025-10-01",
                              *tail])
                written += 1
        elif kind == "releases":       # ekspirasi on the day each sentence expires
            out.writerow(["reg_no", "released_on", "release_type"])
            for i in range(rows):
                years, months = SENTENCES[i % len(SENTENCES)]
                expiry = add_period(detained_on(i), years, months, 0)
                if expiry <= date.today():
                    out.writerow([f"B.I-{i + 1}/2025", expiry.isoformat(), "ekspirasi"])
                    written += 1
        elif kind == "remissions":     # remisi umum: the first 17 August after 6 months in
            out.writerow(["reg_no", "granted_on", "kind", "days"])
            for i in range(rows):
                if i % 4 == 2:              # 18 months: the grant may come after expiry
                    continue
                served = detained_on(i) + timedelta(days=200)
                august = date(served.year, 8, 17)
                if august < served:
                    august = date(served.year + 1, 8, 17)
                out.writerow([f"B.I-{i + 1}/2025", august.isoformat(), "RU", 30])
                written += 1
        elif kind == "sales":          # from the batch ``stock`` makes, one unit each
            out.writerow(["product", "sold_on", "qty", "channel", "ref"])
            for i in range(rows):
                sold_on = date(2025, 10, 1) + timedelta(days=i % 60)
                out.writerow(["MADU-250", sold_on.isoformat(), 1, CHANNELS[i % 3],
                              f"NOTA-{i + 1}"])
                written += 1
        elif kind == "payouts":        # the premi of the sales file, to its one maker
            out.writerow(["reg_no", "paid_on", "amount", "ref"])
            for i in range(rows):
                paid_on = date(2025, 12, 1) + timedelta(days=i % 60)
                out.writerow(["B.I-6/2025", paid_on.isoformat(), 1000, f"BAYAR-{i + 1}"])
                written += 1
    return written


def stock(wbpctl: str, ledger: Path, rows: int, env: dict) -> None:
    """One batch of ``rows`` MADU-250 on 2 September 2025, made by B.I-6/2025 (the first
    in line for OLAH-MADU in the enrolments file, so in the track that day)."""
    batch = ledger.parent / "production.csv"
    batch.write_text("product,produced_on,qty,makers\n"
                     f"MADU-250,2025-09-02,{rows},B.I-6/2025\n", encoding="utf-8")
    subprocess.run([wbpctl, "--db", str(ledger), "import", "production", str(batch),
                    "--quiet"], env=env, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kinds", nargs="+", choices=[*KINDS, "all"], default=[*KINDS, "all"])
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wbpctl-kinds-"))
    env = {**os.environ, "WBPCTL_LANG": "en"}
    wbpctl, sqlite_utils = tool("wbpctl"), tool("sqlite-utils")
    people = work / "participants.csv"
    make_csv(people, args.rows)
    base = work / "base.db"
    subprocess.run([wbpctl, "--db", str(base), "init"], env=env, check=True, capture_output=True)
    subprocess.run([wbpctl, "--db", str(base), "import", "participants", str(people),
                    "--quiet"], env=env, check=True, capture_output=True)
    placed = work / "placed.db"
    shutil.copyfile(base, placed)
    make_kind(work / "places.csv", "enrolments", args.rows)
    subprocess.run([wbpctl, "--db", str(placed), "import", "enrolments",
                    str(work / "places.csv"), "--quiet"], env=env, check=True,
                   capture_output=True)
    ledgers = {"enrolments": base, "remissions": base}       # the others: ``placed``
    if "sales" in args.kinds or "payouts" in args.kinds:
        ledgers["sales"] = work / "stocked.db"
        shutil.copyfile(placed, ledgers["sales"])
        stock(wbpctl, ledgers["sales"], args.rows, env)
    if "payouts" in args.kinds:
        ledgers["payouts"] = work / "earned.db"
        shutil.copyfile(ledgers["sales"], ledgers["payouts"])
        make_kind(work / "sales.csv", "sales", args.rows)
        subprocess.run([wbpctl, "--db", str(ledgers["payouts"]), "import", "sales",
                        str(work / "sales.csv"), "--quiet"], env=env, check=True,
                       capture_output=True)
    results: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    for kind in (k for k in KINDS if k in args.kinds):
        data = work / f"{kind}.csv"
        counts[kind] = make_kind(data, kind, args.rows)
        for run in range(args.runs):
            db = work / f"{kind}-{run}.db"
            shutil.copyfile(ledgers.get(kind, placed), db)
            results.setdefault(f"wbpctl import {kind}", []).append(measure(
                [wbpctl, "--db", str(db), "import", kind, str(data), "--quiet"], env)[0])
            results.setdefault(f"sqlite-utils {kind}", []).append(measure(
                [sqlite_utils, "insert", str(work / f"su-{kind}-{run}.db"), "rows", str(data),
                 "--csv"], env)[0])
    if "all" in args.kinds:
        load_all(wbpctl, sqlite_utils, work, placed, args, env, results, counts)
    print(f"{args.rows} participants; {counts}; median of {args.runs} runs,"
          f" {os.cpu_count()} cores")
    print(f"{'loader':32} {'rows/s':>9} {'x sqlite-utils':>15}")
    for kind in (k for k in (*KINDS, "all") if k in args.kinds):
        ours = counts[kind] / statistics.median(results[f"wbpctl import {kind}"])
        theirs = counts[kind] / statistics.median(results[f"sqlite-utils {kind}"])
        print(f"{'wbpctl import ' + kind:32} {ours:9,.0f} {ours / theirs:15.2f}")
        print(f"{'sqlite-utils insert --csv':32} {theirs:9,.0f} {1:15.2f}")
    shutil.rmtree(work)


def load_all(wbpctl: str, sqlite_utils: str, work: Path, placed: Path, args, env: dict,
             results: dict, counts: dict) -> None:
    """import all: the ledger with places, each place completed, exported whole and loaded
    into an empty ledger (participants, enrolments and completions, kind by kind)."""
    make_kind(work / "completions.csv", "completions", args.rows)
    ended, empty, everything = work / "ended.db", work / "empty.db", work / "all.csv"
    shutil.copyfile(placed, ended)
    for command in (["import", "completions", str(work / "completions.csv"), "--quiet"],
                    ["export", "all", "--reveal", "-o", str(everything)]):
        subprocess.run([wbpctl, "--db", str(ended), *command], env=env, check=True,
                       capture_output=True)
    subprocess.run([wbpctl, "--db", str(empty), "init"], env=env, check=True,
                   capture_output=True)
    with everything.open(encoding="utf-8") as handle:
        counts["all"] = sum(1 for _ in handle) - 1
    for run in range(args.runs):
        db = work / f"all-{run}.db"
        shutil.copyfile(empty, db)
        results.setdefault("wbpctl import all", []).append(measure(
            [wbpctl, "--db", str(db), "import", "all", str(everything), "--quiet"], env)[0])
        results.setdefault("sqlite-utils all", []).append(measure(
            [sqlite_utils, "insert", str(work / f"su-all-{run}.db"), "rows", str(everything),
             "--csv"], env)[0])


if __name__ == "__main__":
    sys.exit(main())
