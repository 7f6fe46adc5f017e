"""Write a ledger fixture with the wbpctl this Python imports, and what it answered.

Usage: PYTHONPATH=<a checkout of that wbpctl> python tests/data/make_ledger_fixture.py NAME

Writes tests/data/NAME.db.gz (the ledger) and NAME.json.gz (the commands run on it and
their outputs, and its checkpoint file), for a test that upgrades the ledger with today's
wbpctl and checks that every answer stays the same. The ledger is the demo of Lapas KTL
with, merged into it, the ledger of Lapas JMB: a person of the demo readmitted there
(same NIK) and one without a NIK, so it holds two chains and a linked person.

ledger-schema6-demo was written by main at e691f6f (schema 6, before uids as bytes),
ledger-schema7-demo by main at aa70d89 (schema 7, before the lookup indexes).
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TODAY = "2026-11-28"
COMMANDS = {
    "monthly": ["report", "monthly", "--month", "2026-10", "--generated-at",
                "2026-11-28T06:00:00+00:00", "-f", "json"],
    "opd": ["report", "opd", "--from", "2024-01-01", "-f", "json"],
    "readiness": ["report", "readiness", "--within", "365", "-f", "json"],
    "recidivism": ["report", "recidivism", "-f", "json"],
    "sponsors": ["report", "sponsors", "-f", "json"],
    "sales": ["report", "sales", "-f", "json"],
    "export_all": ["export", "all", "-f", "csv"],
    "participants": ["participant", "list", "-f", "json"],
    "search": ["participant", "list", "--search", "siti", "-f", "json"],
    "show": ["participant", "show", "B.I-14/2025", "-f", "json"],
    # a number a verdict replaced still names its person
    "replaced": ["participant", "show", "A.II-1/2026", "-f", "json"],
    "history": ["log", "B.I-14/2025", "-f", "json"],
    "linked": ["person", "matches", "-f", "json"],
    "log": ["log", "-f", "json"],
    "head": ["head", "-f", "json"],
}


def wbpctl(folder: Path, code: str, *args: str) -> str:
    config = folder / f"{code}.yaml"
    config.write_text(f"lapas:\n  code: {code}\n  name: Lapas {code}\n", encoding="utf-8")
    env = {**os.environ, "WBPCTL_TODAY": TODAY, "WBPCTL_LANG": "en", "WBPCTL_ACTOR": "fixture",
           "XDG_CONFIG_HOME": str(folder / "xdg"), "XDG_STATE_HOME": str(folder / "state")}
    done = subprocess.run([sys.executable, "-m", "wbpctl", "--config", str(config), "--db",
                           str(folder / f"{code}.db"), *args],
                          capture_output=True, text=True, env=env, cwd=folder)
    if done.returncode != 0:
        sys.exit(f"wbpctl {' '.join(args)}: {done.stderr}")
    return done.stdout


def main() -> None:
    name = sys.argv[1]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        wbpctl(folder, "KTL", "init", "--demo")
        wbpctl(folder, "KTL", "checkpoint")
        nik = json.loads(wbpctl(folder, "KTL", "participant", "show", "B.I-14/2025",
                                "-f", "json", "--reveal"))["nik"]
        wbpctl(folder, "JMB", "init")
        wbpctl(folder, "JMB", "participant", "add", "--reg-no", "B.I-7/2026", "--name",
               "Readmitted In Jambi", "--nik", nik, "--detained", "2026-06-01", "--sentence",
               "3y")
        wbpctl(folder, "JMB", "participant", "add", "--reg-no", "B.I-8/2026", "--name",
               "Tanpa NIK", "--detained", "2026-06-02", "--sentence", "2y")
        wbpctl(folder, "KTL", "merge", str(folder / "JMB.db"))
        outputs = {key: wbpctl(folder, "KTL", *command) for key, command in COMMANDS.items()}
        heads = (folder / "KTL.db.heads").read_text(encoding="utf-8")
        data = Path(__file__).resolve().parent
        (data / f"{name}.db.gz").write_bytes(
            gzip.compress((folder / "KTL.db").read_bytes(), mtime=0))
        (data / f"{name}.json.gz").write_bytes(gzip.compress(json.dumps(
            {"commands": COMMANDS, "outputs": outputs, "heads_file": heads},
            ensure_ascii=False).encode("utf-8"), mtime=0))


if __name__ == "__main__":
    main()
