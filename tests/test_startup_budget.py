"""A guard on start-up time: wbpctl is called dozens of times a day and in loops.

Generous bounds relative to `python -c "import sqlite3"` measured in the same test, so a
noisy machine does not fail it but an import that pulls in a heavy library does.
"""

import statistics
import subprocess
import sys
import time

from test_e2e import run, wbpctl_path


def median_seconds(cmd, cwd, runs=7):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_startup_stays_within_budget(tmp_path):
    assert run("init", "--demo", cwd=tmp_path).returncode == 0
    base = median_seconds([sys.executable, "-c", "import sqlite3"], tmp_path)
    version = median_seconds([wbpctl_path(), "--version"], tmp_path)
    show = median_seconds([wbpctl_path(), "participant", "show", "B.I-1/2025", "-f", "json"],
                          tmp_path)
    assert version / base < 10, (version, base)
    assert show / base < 15, (show, base)


def test_a_json_lookup_loads_no_heavy_library(tmp_path):
    """participant show -f json needs neither the YAML parser (packaged config), rich
    (no table), sqlite-utils (no migration) nor pydantic."""
    assert run("init", "--demo", cwd=tmp_path).returncode == 0
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c",
         "import sys; sys.argv = ['wbpctl', 'participant', 'show', 'B.I-1/2025', '-f', 'json'];"
         " from wbpctl.cli.entry import main; main()"],
        capture_output=True, text=True, cwd=tmp_path)
    assert '"name"' in out.stdout
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines()}
    for heavy in ("pydantic", "sqlite_utils", "yaml", "rich"):
        assert heavy not in imported, heavy
