"""A guard on what start-up loads: wbpctl is called dozens of times a day and in loops.

How long start-up takes is measured by benchmarks/startup.py, never asserted here: a timed
test fails on a loaded machine (one did: 0.40 s against a 0.02 s baseline).
"""

import os
import subprocess
import sys

import pytest

from test_e2e import run

pytestmark = pytest.mark.slow


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


def test_cryptography_is_loaded_only_to_sign_or_check_signatures(tmp_path):
    """Without signing_key in the config, neither reports (which keep a checkpoint) nor
    verify load the cryptography package."""
    assert run("init", "--demo", cwd=tmp_path).returncode == 0
    for args in (["report", "monthly", "-f", "json"], ["checkpoint"], ["verify"]):
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c",
             f"import sys; sys.argv = ['wbpctl', *{args!r}]; from wbpctl.cli.entry import main;"
             " main()"], capture_output=True, text=True, cwd=tmp_path,
            env={**os.environ, "WBPCTL_LANG": "en", "HOME": str(tmp_path)})
        imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines()}
        assert "cryptography" not in imported, args
        assert (tmp_path / "data" / "wbp.db.heads").exists()
