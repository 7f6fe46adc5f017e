"""The installed console script in a real process: exit codes, the stdout/stderr split."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def wbpctl_path() -> str:
    beside = Path(sys.executable).parent / "wbpctl"
    found = str(beside) if beside.exists() else shutil.which("wbpctl")
    assert found, "the wbpctl console script is not installed (pip install .)"
    return found


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    base = {"PATH": os.environ["PATH"], "HOME": str(cwd), "WBPCTL_LANG": "en"}
    return subprocess.run([wbpctl_path(), *args], cwd=cwd, env={**base, **(env or {})},
                          capture_output=True, text=True, timeout=120)


def test_readme_main_job_on_the_default_database(tmp_path):
    init = run("init", "--demo", cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    assert init.stdout == ""
    assert (tmp_path / "data" / "wbp.db").exists()
    listed = run("participant", "list", "-f", "json", cwd=tmp_path)
    assert listed.returncode == 0 and listed.stderr == ""
    people = json.loads(listed.stdout)
    assert len(people) == 185
    assert run("verify", cwd=tmp_path).returncode == 0


def test_exit_codes_and_streams(tmp_path):
    missing = run("--db", "nope/wbp.db", "participant", "list", cwd=tmp_path)
    assert missing.returncode == 4 and missing.stdout == ""
    assert "wbpctl init" in missing.stderr and "Traceback" not in missing.stderr
    assert run("init", cwd=tmp_path).returncode == 0
    bad = run("participant", "add", "--name", "A", "--reg-no", "B.I-1/2025", "--detained",
              "2025-01-01", "--sentence", "2y", "--nik", "123", cwd=tmp_path)
    assert bad.returncode == 1 and bad.stdout == "" and bad.stderr.count("\n") == 1
    assert run("participant", "show", "B.I-1/2025", cwd=tmp_path).returncode == 3
    assert run("participant", "frobnicate", cwd=tmp_path).returncode == 2


def test_python_dash_m_works(tmp_path):
    result = subprocess.run([sys.executable, "-m", "wbpctl", "--version"], capture_output=True,
                            text=True, cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("wbpctl ")


def test_no_colour_when_piped_and_indonesian_by_default(tmp_path):
    run("init", "--demo", cwd=tmp_path)
    result = subprocess.run([wbpctl_path(), "track", "list"], cwd=tmp_path, capture_output=True,
                            text=True, env={"PATH": os.environ["PATH"], "HOME": str(tmp_path)})
    assert "\x1b[" not in result.stdout
    assert "Kapasitas" in result.stdout


@pytest.mark.parametrize("args", [["init", "--demo"]])
def test_demo_refuses_a_database_with_data(tmp_path, args):
    assert run(*args, cwd=tmp_path).returncode == 0
    again = run(*args, cwd=tmp_path)
    assert again.returncode == 1 and "already holds data" in again.stderr


def test_output_into_a_closed_pipe_stops_quietly(tmp_path):
    """`wbpctl participant list | head`: more output than a pipe holds, reader gone."""
    assert run("init", cwd=tmp_path).returncode == 0
    rows = "".join(f"B.I-{i}/2025,Peserta dengan nama panjang {i},2025-01-10,3y\n"
                   for i in range(1, 4001))
    (tmp_path / "p.csv").write_text("reg_no,name,detained_on,sentence\n" + rows)
    assert run("import", "participants", "p.csv", cwd=tmp_path).returncode == 0
    listing = subprocess.Popen([wbpctl_path(), "participant", "list", "-f", "csv"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={"PATH": os.environ["PATH"], "HOME": str(tmp_path)})
    listing.stdout.readline()
    listing.stdout.close()
    _, err = listing.communicate(timeout=60)
    assert listing.returncode == 0
    assert b"Traceback" not in err and b"Exception" not in err


def test_rejected_rows_wrap_between_words_on_an_80_column_terminal(tmp_path):
    """Each rejected row is said on its own line(s): at a terminal, wrapped at its width
    between words, never inside a register number or a word, as every other message;
    to a file or a pipe (a script), one line each."""
    import pty

    assert run("init", "--demo", cwd=tmp_path).returncode == 0
    (tmp_path / "places.csv").write_text(
        "reg_no,track,assigned_on\nB.I-99/2030,OLAH-MADU,2026-11-01\n"
        "B.I-98/2030,OLAH-MADU,2026-11-01\n", encoding="utf-8")
    env = {**os.environ, "COLUMNS": "80", "WBPCTL_LANG": "id"}
    terminal, other_end = pty.openpty()
    try:
        done = subprocess.run([wbpctl_path(), "import", "enrolments", "places.csv"],
                              cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                              stderr=other_end)
        os.close(other_end)
        said = b""
        while True:
            try:
                chunk = os.read(terminal, 4096)
            except OSError:           # the other end is closed and everything was read
                break
            if not chunk:
                break
            said += chunk
    finally:
        os.close(terminal)
    assert done.returncode == 1
    lines = said.decode("utf-8").replace("\r\n", "\n").splitlines()
    assert all(len(line) <= 80 for line in lines), lines
    assert sum("B.I-99/2030" in line for line in lines) == 1      # never cut inside
    assert sum("B.I-123/2025" in line for line in lines) == 2
    piped = run("import", "enrolments", "places.csv", cwd=tmp_path, env=env)
    rows = [line for line in piped.stderr.splitlines() if line.startswith("baris ")]
    assert len(rows) == 2 and all(len(row) > 80 for row in rows)
