"""Startup time of wbpctl commands against `python -c "import sqlite3"`, in the same run.

Usage: python benchmarks/startup.py [--runs 15]

Uses the interpreter running this script (run it from the project's virtual
environment) and a scratch demo database. Prints medians in milliseconds and the
ratio to the baseline; the machine is shared and noisy, so only ratios from one
run mean anything. The cases take turns (one run of each, then again), so a spell
of load elsewhere slows every case alike instead of one.

What is measured must be what users run: it says whether wbpctl is a regular install
(``pip install .``, as users and CI have it) or an editable one, whose import hook
adds about 10 ms to every start. Without compiled bytecode every start compiles every
module (PYTHONDONTWRITEBYTECODE=1 stops Python writing it): stale or missing bytecode
of wbpctl is compiled before measuring, and said.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.metadata
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def install_kind() -> tuple[str, Path]:
    """('regular' or 'editable', the folder wbpctl is imported from)."""
    package = Path(importlib.util.find_spec("wbpctl").origin).parent
    try:
        direct = importlib.metadata.distribution("wbpctl").read_text("direct_url.json")
        editable = bool(json.loads(direct or "{}").get("dir_info", {}).get("editable"))
    except importlib.metadata.PackageNotFoundError:
        editable = True      # imported from a source folder on sys.path
    return ("editable" if editable else "regular"), package


def compile_stale(package: Path) -> int:
    """Compile the package's modules whose bytecode is missing or older than the source;
    how many there were."""
    stale = [source for source in package.rglob("*.py")
             if not os.path.exists(cached := importlib.util.cache_from_source(str(source)))
             or os.path.getmtime(cached) < source.stat().st_mtime]
    if stale:
        compileall.compile_dir(str(package), quiet=1)
    return len(stale)


def time_ms(cmd: list[str], env: dict, cwd: str) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    bindir = Path(sys.executable).parent
    wbpctl = str(bindir / "wbpctl") if (bindir / "wbpctl").exists() else shutil.which("wbpctl")
    kind, package = install_kind()
    print(f"wbpctl: {kind} install, imported from {package}")
    if kind == "editable":
        print("warning: an editable install's import hook adds about 10 ms to every start;"
              " users and CI install with `pip install .`: measure that")
    compiled = compile_stale(package)
    if compiled:
        print(f"compiled the bytecode of {compiled} modules first (missing or stale)")
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
        "wbpctl participant show B.I-1/2025 -f json":
            [wbpctl, "participant", "show", "B.I-1/2025", "-f", "json"],
    }
    for cmd in cases.values():      # warm the file cache; not counted
        time_ms(cmd, env, work)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, cmd in cases.items():
            times[name].append(time_ms(cmd, env, work))
    results = {name: statistics.median(runs) for name, runs in times.items()}
    base = results['python -c "import sqlite3"']
    print(f"{'command':44} {'median ms':>10} {'x baseline':>11}   ({args.runs} runs each)")
    for name, ms in results.items():
        print(f"{name:44} {ms:10.1f} {ms / base:11.2f}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
