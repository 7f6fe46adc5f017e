"""Heads, --at and checkpoints through the installed console script, as an office uses them."""

import json
import re
import shutil
import sqlite3

import pytest

from test_checkpoints import rewrite_history
from test_e2e import run

pytestmark = pytest.mark.slow

TODAY = {"WBPCTL_TODAY": "2026-11-28"}


def test_a_printed_report_made_again_and_its_head_proven(tmp_path):
    assert run("init", "--demo", cwd=tmp_path, env=TODAY).returncode == 0
    printed = run("report", "monthly", "--month", "2026-10", "-o", "oktober.html",
                  cwd=tmp_path, env=TODAY)
    assert (printed.returncode, printed.stdout, printed.stderr) == (0, "", "")
    page = (tmp_path / "oktober.html").read_bytes()
    short = re.search(rb"Ledger (KTL#\d+:[0-9a-f]{8})", page)[1].decode()
    generated = re.search(rb"Generated (.+?) by wbpctl", page)[1].decode()
    heads = tmp_path / "data" / "wbp.db.heads"
    [kept] = [json.loads(line) for line in heads.read_text().splitlines()]
    assert short == f"KTL#{kept['seq']}:{kept['hash'][:8]}"

    late = run("participant", "add", "--name", "Datang Terlambat", "--reg-no", "B.I-900/2026",
               "--detained", "2026-10-12", "--sentence", "2y", cwd=tmp_path, env=TODAY)
    assert late.returncode == 0, late.stderr
    again = run("report", "monthly", "--month", "2026-10", "--at", short, "--generated-at",
                generated, "-o", "lagi.html", cwd=tmp_path, env=TODAY)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "lagi.html").read_bytes() == page
    moved = run("report", "monthly", "--month", "2026-10", "--generated-at", generated,
                "-f", "html", cwd=tmp_path, env=TODAY)
    assert moved.stdout.encode() != page

    proven = run("verify", "--head", short, cwd=tmp_path, env=TODAY)
    assert proven.returncode == 0 and f"{short} is in the ledger" in proven.stderr
    shutil.copy(heads, tmp_path / "kanwil.heads")
    db = tmp_path / "data" / "wbp.db"
    first = sqlite3.connect(db).execute("SELECT name FROM people ORDER BY id").fetchone()[0]
    rewrite_history(db, old=first, new=first + " X")
    heads.rename(tmp_path / "aside.heads")
    assert run("verify", cwd=tmp_path).returncode == 0     # alone, the rewrite passes
    (tmp_path / "aside.heads").rename(heads)
    for args in (["verify"], ["verify", "--head", short],
                 ["verify", "--heads", str(tmp_path / "kanwil.heads")]):
        result = run(*args, cwd=tmp_path, env=TODAY)
        assert result.returncode == 1 and short in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
