"""Speed of `participant list --search` on a ledger of realistic names, same run.

Usage: python benchmarks/search_bench.py [--people 100000] [--runs 5]

Imports N people whose names are drawn from common Indonesian first and family names
(some with accents), then for each search (a word, words out of order, a name typed
without its accent, a misspelling, a register number written loosely, nothing) times:
  - the service (`services.participants.list_people`, every row read), in process;
  - the baseline, in the same process: one scan of the people table with
    `lower(name) LIKE '%word%'` (the search before the FTS index, names only);
  - the installed `wbpctl participant list --search Q -f csv`, as a user runs it.
Prints medians of --runs, the rows found and the ratio to the baseline.
Run it with the project's virtual environment's python.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

FIRST = ["Budi", "Agus", "Andi", "Ahmad", "Muhammad", "Rizki", "Dedi", "Joko", "Hendra",
         "Siti", "Dewi", "Sri", "Nur", "Rina", "Wahyu", "Eko", "Arif", "Fajar", "Yusuf",
         "Andrés", "José", "Ilham", "Bayu", "Dimas", "Reza", "Taufik", "Irfan", "Hadi"]
FAMILY = ["Santoso", "Syahputra", "Saputra", "Pratama", "Hidayat", "Nasution", "Siregar",
          "Lestari", "Wulandari", "Setiawan", "Kurniawan", "Gunawan", "Hidayatullah",
          "Harahap", "Lubis", "Rahman", "Sulistyo", "Wijaya", "Hakim", "Ramadhan"]
SEARCHES = ["budi", "santoso budi", "andres", "syaputra", "hidayatulah", "B.I 6/2025", "zzqx"]


def make_csv(path: Path, people: int) -> None:
    pick = random.Random(20261129)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["reg_no", "name", "detained_on", "sentence"])
        for i in range(people):
            name = f"{pick.choice(FIRST)} {pick.choice(FAMILY)}"
            if i % 3 == 0:
                name += f" {pick.choice(FAMILY)}"
            out.writerow([f"B.I-{i + 1}/2025", name, "2025-01-10", "2y"])


def median_time(run, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    wbpctl = str(Path(sys.executable).parent / "wbpctl")
    folder = Path(tempfile.mkdtemp(prefix="wbpctl-search-bench-"))
    db, data = folder / "wbp.db", folder / "people.csv"
    make_csv(data, args.people)
    env_args = [wbpctl, "--db", str(db), "--lang", "en"]
    subprocess.run([*env_args, "init"], check=True, capture_output=True)
    start = time.perf_counter()
    subprocess.run([*env_args, "import", "participants", str(data), "--quiet"], check=True)
    print(f"{args.people} people imported in {time.perf_counter() - start:.1f} s")

    from wbpctl.config import load_config
    from wbpctl.services.participants import list_people
    from wbpctl.services.session import Session

    session = Session(config=load_config(), db_path=db, actor="bench", today=date.today())
    raw = sqlite3.connect(db)
    print(f"{'search':<16}{'found':>7}{'service s':>11}{'LIKE s':>9}{'x LIKE':>8}"
          f"{'wbpctl s':>10}")
    for text in SEARCHES:
        word = text.split()[0].lower()
        service, found = median_time(lambda: len(list(list_people(session, search=text))),
                                     args.runs)
        baseline, _ = median_time(lambda: raw.execute(
            "SELECT count(*) FROM people WHERE lower(name) LIKE ?", (f"%{word}%",)
        ).fetchone(), args.runs)
        cli, _ = median_time(lambda: subprocess.run(
            [*env_args, "participant", "list", "--search", text, "-f", "csv"],
            check=True, capture_output=True), args.runs)
        print(f"{text:<16}{found:>7}{service:>11.3f}{baseline:>9.3f}"
              f"{service / baseline:>8.1f}{cli:>10.3f}")
    session.close()


if __name__ == "__main__":
    main()
