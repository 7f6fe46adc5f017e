"""Startup time of wbpctl commands against `python -c "import sqlite3"`, in the same run.

Usage: python benchmarks/startup.py [--runs 15]

Uses the interpreter running this script (run it from the project's virtual
environment) and a scratch demo database. Prints medians in milliseconds and the
ratio to the baseline; the machine is shared and noisy, so only ratios from one
run mean anything.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def median_ms(cmd: list[str], runs: int, env: dict, cwd: str) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    bindir = Path(sys.executable).parent
    wbpctl = str(bindir / "wbpctl") if (bindir / "wbpctl").exists() else shutil.which("wbpctl")
    work = tempfile.mkdtemp(prefix="wbpctl-startup-")
    env = {**os.environ, "WBPCTL_DB": os.path.join(work, "wbp.db")}
    subprocess.run([wbpctl, "init", "--demo"], env=env, cwd=work, check=True,
                   stderr=subprocess.DEVNULL)
    cases = {
        'python -c "import sqlite3"': [sys.executable, "-c", "import sqlite3"],
        "wbpctl --version": [wbpctl, "--version"],
        "wbpctl --help": [wbpctl, "--help"],
        "wbpctl participant list": [wbpctl, "participant", "list"],
        "wbpctl participant show B.I-1/2025": [wbpctl, "participant", "show", "B.I-1/2025"],
    }
    results = {name: median_ms(cmd, args.runs, env, work) for name, cmd in cases.items()}
    base = results['python -c "import sqlite3"']
    print(f"{'command':40} {'median ms':>10} {'x baseline':>11}   ({args.runs} runs each)")
    for name, ms in results.items():
        print(f"{name:40} {ms:10.1f} {ms / base:11.2f}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
