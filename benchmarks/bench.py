"""Startup, reports, verify, a report made again at a past head (--at) and memory of wbpctl
on a national ledger, against baselines measured in the same run.

Usage:
  python benchmarks/bench.py --db national.db [--people 300000] [--runs 5] [--json results.json]
                             [--federation]

When --db does not exist it is built first with make_national.py (about 4 minutes for
300,000 people).

Run both with the project's virtual environment's python. Each figure is the median of
--runs runs; peak memory is the largest max-RSS seen. Ratios compare with:
  startup   python -c "import sqlite3" and sqlite-utils --version
  reports   the same figures from one hand-written SQL query in the sqlite3 shell
  --at      a full wbpctl verify of the same ledger (both replay every event)
  checkpoint  the monthly report when <db>.heads already ends with its head
With --federation it first runs make_federation.py (ten Lapas ledgers of 1,000 people:
bundle, merge, merge again, the province's reports, verify).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent
PROBE = ("import resource, subprocess, sys, time; t = time.perf_counter();"
         " r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
         " stderr=subprocess.DEVNULL); d = time.perf_counter() - t;"
         " print(d, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")

MONTH_SQL = """SELECT track, sum(assigned_on >= '2026-10-01' AND assigned_on < '2026-11-01'),
 sum(status = 'completed' AND ended_on >= '2026-10-01' AND ended_on < '2026-11-01'),
 sum(status = 'dropped' AND ended_on >= '2026-10-01' AND ended_on < '2026-11-01'),
 sum(assigned_on < '2026-11-01' AND (ended_on IS NULL OR ended_on >= '2026-11-01'))
 FROM enrolments GROUP BY track;"""
RECIDIVISM_SQL = """WITH r AS (SELECT substr(s.released_on, 1, 4) AS cohort, s.released_on,
 (SELECT min(n.admitted_on) FROM stays n WHERE n.person_id = s.person_id AND n.id > s.id) AS back,
 EXISTS (SELECT 1 FROM enrolments e WHERE e.stay_id = s.id AND e.status = 'completed') AS trained
 FROM stays s WHERE s.released_on IS NOT NULL)
 SELECT cohort, trained, count(*), sum(back IS NOT NULL AND back <= date(released_on, '+1 years'))
 FROM r GROUP BY cohort, trained;"""
READINESS_SQL = """SELECT s.id, p.name FROM stays s JOIN people p ON p.id = s.person_id
 WHERE s.released_on IS NULL AND date(s.detained_on, '+' || s.sentence_years || ' years',
 '+' || s.sentence_months || ' months', '+' || s.sentence_days || ' days')
 BETWEEN '2026-11-28' AND '2027-02-26';"""
TRACK_SQL = """SELECT p.id, p.name, s.register_class, s.reg_seq, s.reg_year FROM enrolments e
 JOIN people p ON p.id = e.person_id JOIN stays s ON s.id = e.stay_id
 WHERE e.track = 'OLAH-MADU' AND e.status IN ('active', 'waitlisted');"""


def tool(name: str) -> str | None:
    return str(BIN / name) if (BIN / name).exists() else shutil.which(name)


def measure(cmd: list[str], runs: int, env: dict, before=None) -> dict:
    seconds, peak = [], 0
    for _ in range(runs):
        if before is not None:
            before()
        out = subprocess.run([sys.executable, "-c", PROBE, *cmd], env=env, capture_output=True,
                             text=True, check=True).stdout.split()
        if out[2] != "0":
            sys.exit(f"failed ({out[2]}): {' '.join(cmd)}")
        seconds.append(float(out[0]))
        peak = max(peak, int(out[1]))
    return {"ms": statistics.median(seconds) * 1000, "peak_mb": peak / 1024}


def append_alone(path: Path, runs: int = 21) -> dict:
    """What keeping a head costs by itself: a line appended with its fsync, in-process, to
    a new file each time (the subprocess figures above move by more than this from noise)."""
    import time

    from wbpctl.store.checkpoints import append

    line = {"seq": 1, "hash": "0" * 64, "at": "", "lapas": "KTL", "written_at": "", "actor": ""}
    seconds = []
    for n in range(runs):
        path.unlink(missing_ok=True)
        start = time.perf_counter()
        append(path, {**line, "seq": n + 1}, same_as_last=lambda last: False)
        seconds.append(time.perf_counter() - start)
    path.unlink(missing_ok=True)
    return {"ms": statistics.median(seconds) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--people", type=int, default=300_000,
                        help="size of the ledger to build when --db does not exist")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--federation", action="store_true",
                        help="also time bundle, merge, re-merge and the province's reports of"
                        " ten Lapas ledgers (make_federation.py, same --runs)")
    args = parser.parse_args()
    if args.federation:
        subprocess.run([sys.executable, str(Path(__file__).with_name("make_federation.py")),
                        "--runs", str(args.runs)], check=True)
    if not args.db.exists():
        subprocess.run([sys.executable, str(Path(__file__).with_name("make_national.py")),
                        str(args.people), "--db", str(args.db)], check=True)
    wbpctl, sqlite_utils, sqlite3_shell = tool("wbpctl"), tool("sqlite-utils"), \
        shutil.which("sqlite3")
    env = {**os.environ, "WBPCTL_DB": str(args.db), "WBPCTL_LANG": "en",
           "WBPCTL_TODAY": "2026-11-28"}
    conn = sqlite3.connect(args.db)
    people = conn.execute("SELECT count(*) FROM people").fetchone()[0]
    events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    inside = [f"{c}-{n}/{y}" for c, n, y in conn.execute(
        "SELECT register_class, reg_seq, reg_year FROM stays WHERE status = 'in_custody'"
        " AND id NOT IN (SELECT stay_id FROM enrolments WHERE track = 'PASAR-KOP')"
        " ORDER BY id DESC LIMIT ?", (args.runs * 2,))]
    conn.close()
    results: dict[str, dict] = {}

    def case(name: str, cmd: list[str], runs: int = args.runs, before=None) -> None:
        results[name] = measure(cmd, runs, env, before)
        print(f"{name:44} {results[name]['ms']:10.1f} ms {results[name]['peak_mb']:8.1f} MB",
              flush=True)

    print(f"{people} people, {events} events, median of {args.runs} runs")
    case("python -c 'import sqlite3'", [sys.executable, "-c", "import sqlite3"])
    if sqlite_utils:
        case("sqlite-utils --version", [sqlite_utils, "--version"])
    case("wbpctl --version", [wbpctl, "--version"])
    case("wbpctl --help", [wbpctl, "--help"])
    case("wbpctl participant show", [wbpctl, "participant", "show", inside[0], "-f", "json"])
    assigns = iter(inside)
    seconds = []
    for _ in range(args.runs):
        seconds.append(measure([wbpctl, "assign", next(assigns), "PASAR-KOP"], 1, env))
    results["wbpctl assign"] = {"ms": statistics.median(s["ms"] for s in seconds),
                                "peak_mb": max(s["peak_mb"] for s in seconds)}
    print(f"{'wbpctl assign':44} {results['wbpctl assign']['ms']:10.1f} ms", flush=True)
    for name, cmd, sql in (
            ("report monthly", ["report", "monthly", "--month", "2026-10", "-f", "json"],
             MONTH_SQL),
            ("report recidivism", ["report", "recidivism", "-f", "json"], RECIDIVISM_SQL),
            ("report readiness", ["report", "readiness", "-f", "json"], READINESS_SQL),
            ("participant list --track", ["participant", "list", "--track", "OLAH-MADU",
                                          "-f", "json"], TRACK_SQL)):
        case(f"wbpctl {name}", [wbpctl, *cmd])
        if sqlite3_shell:
            case("  sqlite3 shell, same figures", [sqlite3_shell, str(args.db), sql])
            results[f"wbpctl {name}"]["x_sql"] = \
                results[f"wbpctl {name}"]["ms"] / results["  sqlite3 shell, same figures"]["ms"]
            results[f"sql {name}"] = results.pop("  sqlite3 shell, same figures")
    # The monthly report keeps its head in <db>.heads: appending a line, against finding
    # the file already ends with that head (nothing written).
    heads = Path(f"{args.db}.heads")
    monthly = [wbpctl, "report", "monthly", "--month", "2026-10", "-f", "json"]
    case("wbpctl report monthly, checkpoint appended", monthly,
         before=lambda: heads.unlink(missing_ok=True))
    case("wbpctl report monthly, head already kept", monthly)
    case("wbpctl head", [wbpctl, "head", "-f", "json"])
    results["checkpoint append alone"] = append_alone(Path(f"{args.db}.heads-bench"))
    print(f"{'checkpoint append alone (in-process)':44} "
          f"{results['checkpoint append alone']['ms']:10.2f} ms", flush=True)
    case("wbpctl verify --quick", [wbpctl, "verify", "--quick"], max(1, args.runs // 2))
    case("wbpctl verify", [wbpctl, "verify"], max(1, args.runs // 2))
    # A past report made again: the ledger replayed up to a seq near the end.
    near_end = max(1, events - 1000)
    case(f"wbpctl report monthly --at {near_end}", [*monthly, "--at", str(near_end)],
         max(1, args.runs // 2))
    base = results["python -c 'import sqlite3'"]["ms"]
    print("\nratios")
    for name in ("wbpctl --version", "wbpctl --help", "wbpctl participant show",
                 "wbpctl assign"):
        extra = ""
        if "sqlite-utils --version" in results:
            extra = f", {results[name]['ms'] / results['sqlite-utils --version']['ms']:.2f}x" \
                    " sqlite-utils --version"
        print(f"  {name:36} {results[name]['ms'] / base:6.2f}x import sqlite3{extra}")
    for name, figures in results.items():
        if "x_sql" in figures:
            print(f"  {name:36} {figures['x_sql']:6.2f}x the hand-written SQL")
    at = results[f"wbpctl report monthly --at {near_end}"]
    print(f"  {'report monthly --at (near the end)':36} {at['ms'] / results['wbpctl verify']['ms']:6.2f}x"
          " wbpctl verify")
    appended = results["wbpctl report monthly, checkpoint appended"]["ms"]
    kept = results["wbpctl report monthly, head already kept"]["ms"]
    print(f"  {'checkpoint appended by the report':36} {appended - kept:+6.1f} ms"
          f" ({appended / kept:.3f}x); the append alone"
          f" {results['checkpoint append alone']['ms']:.2f} ms")
    if args.json:
        args.json.write_text(json.dumps({"people": people, "events": events,
                                         "runs": args.runs, "results": results}, indent=2))


if __name__ == "__main__":
    main()
