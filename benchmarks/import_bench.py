"""Import speed and memory of `wbpctl import participants` against two baselines, same run.

Usage: python benchmarks/import_bench.py [--rows 200000] [--runs 3]

Generates a participants CSV of N rows (valid, distinct register numbers and NIKs),
and the same rows as a workbook (.xlsx), then, on a fresh database each time, loads it with
  - wbpctl import participants FILE --quiet   (validates every row, writes 1 ledger
                                               event + a person, a stay and the name
                                               search entry per row; a second process
                                               reads and checks rows while the first
                                               writes)
  - the same with WBPCTL_PROCESSES=1           (one process does both)
  - the same from the workbook                (openpyxl read-only: rows stream)
  - sqlite-utils insert DB rows FILE --csv    (no validation)
  - sqlite3 DB ".import --csv FILE rows"      (no validation)
  - floor_insert.py: the rows wbpctl wrote (events, people, name index, stays), prebuilt
    in memory, written again into a fresh wbpctl database by executemany: SQLite's share
  - checks_alone.py: the file read and every row checked and encoded as the import does
    before it asks the ledger, nothing written: Python's share
and the ceiling of one process (the time of the two floors added: no importer that checks
and writes like this can be faster), and prints the median rows/s, peak memory (max RSS) and bytes per row of each (the pages
the database holds, over the rows), and the ratios against .import and sqlite-utils.
Run it with the project's virtual environment's python.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

BIN = Path(sys.executable).parent
ONE_PROCESS = "wbpctl import, one process"     # WBPCTL_PROCESSES=1


def tool(name: str) -> str:
    found = BIN / name if (BIN / name).exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: run with the project's virtual environment")
    return str(found)


def detained_on(i: int) -> date:
    """When row ``i`` of ``make_csv``'s file was detained."""
    return date(2020, 1, 1) + timedelta(days=i % 1800)


def make_csv(path: Path, rows: int) -> None:
    start = date(1960, 1, 1)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["reg_no", "name", "nik", "gender", "birth_date", "detained_on",
                      "admitted_on", "sentence", "crime"])
        for i in range(rows):
            born = start + timedelta(days=(i // 9999) % 15000)
            woman = i % 7 == 0
            nik = ""
            if i % 10 < 7:   # most arrive with a NIK, some without
                day = born.day + (40 if woman else 0)
                nik = f"15060{1 + (i // (9999 * 15000)) % 9}{day:02d}{born.month:02d}" \
                      f"{born.year % 100:02d}{i % 9999 + 1:04d}"
            detained = detained_on(i)
            out.writerow([f"B.I-{i + 1}/2025", f"Peserta {i}", nik, "P" if woman else "L",
                          born.isoformat(), detained.strftime("%d/%m/%Y"),
                          (detained + timedelta(days=i % 30)).isoformat(),
                          ["2 tahun", "3y6m", "18 bulan", "5y"][i % 4], "pencurian"])


def make_xlsx(source: Path, target: Path) -> None:
    """The same rows as a workbook, the detention date as a date cell."""
    import openpyxl
    from datetime import datetime

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Daftar")
    with source.open(newline="", encoding="utf-8") as handle:
        for number, row in enumerate(csv.reader(handle)):
            if number:
                row[5] = datetime.strptime(row[5], "%d/%m/%Y")
            sheet.append(row)
    book.save(target)


def used_bytes(path: Path) -> int:
    """Bytes the database's pages hold (free pages left out: a file only grows)."""
    import sqlite3 as sqlite

    if not path.exists():
        return 0
    conn = sqlite.connect(path)
    try:
        size, count, free = (conn.execute(f"PRAGMA {p}").fetchone()[0]
                             for p in ("page_size", "page_count", "freelist_count"))
    finally:
        conn.close()
    return size * (count - free)


def idle_cores(seconds: float = 1.0) -> float:
    """How many cores were idle over the next ``seconds`` (/proc/stat; nan elsewhere)."""
    import time

    def ticks() -> tuple[int, int]:
        with open("/proc/stat") as stat:
            values = [int(v) for v in stat.readline().split()[1:]]
        return values[3] + values[4], sum(values)      # idle + iowait, all

    try:
        idle0, all0 = ticks()
        time.sleep(seconds)
        idle1, all1 = ticks()
    except OSError:
        return float("nan")
    return (os.cpu_count() or 1) * (idle1 - idle0) / max(1, all1 - all0)


def measure(cmd: list[str], env: dict) -> tuple[float, float | None]:
    """(seconds, peak MB of the child) for one run."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter();"
             " r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
             " d = time.perf_counter() - t;"
             " print(d, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], env=env, capture_output=True,
                         text=True, check=True)
    seconds, rss_kb, code = out.stdout.split()
    if code != "0":
        sys.exit(f"{cmd[0]} failed ({code}): {out.stderr}")
    return float(seconds), int(rss_kb) / 1024


def floor(imported: Path, work: Path, run: int, env: dict) -> tuple[float, None]:
    """Seconds for SQLite alone to write what the import wrote (floor_insert.py's own
    timing: loading the rows into memory first is not counted, nor its memory)."""
    target = work / f"floor-{run}.db"
    subprocess.run([tool("wbpctl"), "--db", str(target), "init"], env=env, check=True,
                   capture_output=True)
    out = subprocess.run([sys.executable, str(Path(__file__).with_name("floor_insert.py")),
                          str(imported), str(target)], env=env, capture_output=True,
                         text=True, check=True)
    return float(out.stdout), None


def checks_alone(data: Path, ledger: Path, env: dict) -> tuple[float, None]:
    """Seconds to read and check every row with no write (checks_alone.py's own timing)."""
    out = subprocess.run([sys.executable, str(Path(__file__).with_name("checks_alone.py")),
                          str(data), str(ledger)], env=env, capture_output=True, text=True,
                         check=True)
    return float(out.stdout), None


CHECKS = "checks alone: no writes"
CEILING = "ceiling: checks + floor"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wbpctl-bench-"))
    data = work / "participants.csv"
    make_csv(data, args.rows)
    book = work / "participants.xlsx"
    make_xlsx(data, book)
    env = {**os.environ, "WBPCTL_LANG": "en"}
    wbpctl, sqlite_utils, sqlite3 = tool("wbpctl"), tool("sqlite-utils"), shutil.which("sqlite3")
    results: dict[str, list[tuple[float, float]]] = {}
    idle: list[float] = []
    for run in range(args.runs):
        db = work / f"wbpctl-{run}.db"
        alone = work / f"wbpctl-one-{run}.db"
        from_book = work / f"wbpctl-xlsx-{run}.db"
        for target in (db, alone, from_book):
            subprocess.run([wbpctl, "--db", str(target), "init"], env=env, check=True,
                           capture_output=True)
        cases = {"wbpctl import": [wbpctl, "--db", str(db), "import", "participants",
                                   str(data), "--quiet"],
                 ONE_PROCESS: [wbpctl, "--db", str(alone), "import", "participants",
                               str(data), "--quiet"],
                 "wbpctl import (.xlsx)": [wbpctl, "--db", str(from_book), "import",
                                           "participants", str(book), "--quiet"],
                 "sqlite-utils insert --csv": [sqlite_utils, "insert",
                                               str(work / f"su-{run}.db"), "rows", str(data),
                                               "--csv"]}
        if sqlite3:
            cases["sqlite3 .import"] = [sqlite3, str(work / f"s3-{run}.db"),
                                        f".import --csv {data} rows"]
        for name, cmd in cases.items():
            if name == "wbpctl import":
                idle.append(idle_cores())
            results.setdefault(name, []).append(
                measure(cmd, {**env, "WBPCTL_PROCESSES": "1"} if name == ONE_PROCESS else env))
        results.setdefault("floor: SQLite writes only", []).append(floor(db, work, run, env))
        results.setdefault(CHECKS, []).append(checks_alone(data, db, env))
        results.setdefault(CEILING, []).append(
            (results["floor: SQLite writes only"][-1][0] + results[CHECKS][-1][0], None))
        sizes = {"wbpctl import": used_bytes(db), ONE_PROCESS: used_bytes(alone),
                 "wbpctl import (.xlsx)": used_bytes(from_book),
                 "sqlite-utils insert --csv": used_bytes(work / f"su-{run}.db"),
                 "sqlite3 .import": used_bytes(work / f"s3-{run}.db"),
                 "floor: SQLite writes only": used_bytes(work / f"floor-{run}.db"),
                 CEILING: used_bytes(work / f"floor-{run}.db")}
    summary = {}
    for name, runs in results.items():
        seconds = statistics.median(s for s, _ in runs)
        summary[name] = {"rows_per_s": args.rows / seconds, "seconds": seconds,
                         "peak_mb": None if runs[0][1] is None else max(m for _, m in runs),
                         "bytes_per_row": sizes.get(name, 0) / args.rows}
    ours = summary["wbpctl import"]["rows_per_s"]
    base = {k: summary[k]["rows_per_s"] for k in ("sqlite3 .import",
                                                   "sqlite-utils insert --csv") if k in summary}
    print(f"{args.rows} rows, median of {args.runs} runs, python {sys.version.split()[0]},"
          f" {os.cpu_count()} cores, {min(idle):.1f}-{max(idle):.1f} of them idle in the"
          " second before each two-process import (below 2, other work shared them)")
    print(f"{'loader':28} {'rows/s':>9} {'seconds':>8} {'peak MB':>8} {'bytes/row':>9}"
          f" {'x .import':>9} {'x s-utils':>9}")
    for name, figures in summary.items():
        rate = figures["rows_per_s"]
        ratios = [f"{rate / base[k]:9.3f}" if k in base else f"{'-':>9}"
                  for k in ("sqlite3 .import", "sqlite-utils insert --csv")]
        print(f"{name:28} {rate:9.0f} {figures['seconds']:8.2f}"
              f" {'-' if figures['peak_mb'] is None else format(figures['peak_mb'], '.1f'):>8}"
              f" {format(figures['bytes_per_row'], '.0f') if figures['bytes_per_row'] else '-':>9}"
              f" {' '.join(ratios)}")
    floor_rate = summary["floor: SQLite writes only"]["rows_per_s"]
    ceiling = summary[CEILING]["rows_per_s"]
    print(f"wbpctl import / floor: {ours / floor_rate:.2f}; one process / floor:"
          f" {summary[ONE_PROCESS]['rows_per_s'] / floor_rate:.2f}; one process / ceiling:"
          f" {summary[ONE_PROCESS]['rows_per_s'] / ceiling:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"rows": args.rows, "runs": args.runs,
                                         "results": summary}, indent=2))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
