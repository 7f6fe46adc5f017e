"""Issue 20 through the installed console script in real processes: signals, pipes,
Ctrl-C, and the temporary files a killed wbpctl leaves behind."""

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from test_e2e import wbpctl_path

pytestmark = pytest.mark.slow


def env_for(db: Path, **extra) -> dict:
    return {"PATH": os.environ["PATH"], "HOME": str(db.parent), "WBPCTL_LANG": "en",
            "WBPCTL_DB": str(db), "TMPDIR": str(db.parent / "tmp"), **extra}


def run(db: Path, *args: str, **extra) -> subprocess.CompletedProcess:
    (db.parent / "tmp").mkdir(exist_ok=True)
    return subprocess.run([wbpctl_path(), *args], env=env_for(db, **extra),
                          capture_output=True, text=True, timeout=300)


def start(db: Path, *args: str, **kwargs) -> subprocess.Popen:
    (db.parent / "tmp").mkdir(exist_ok=True)
    return subprocess.Popen([wbpctl_path(), *args], env=env_for(db), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def nik(i: int) -> str:
    """A valid NIK for person i (distinct for i < 28 * 12 * 9999)."""
    day, month, serial = 1 + i % 28, 1 + (i // 28) % 12, 1 + i // 336
    return f"150604{day:02d}{month:02d}90{serial:04d}"


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """A ledger of 20,000 people with NIKs (made once; each test copies it)."""
    folder = tmp_path_factory.mktemp("big")
    db = folder / "wbp.db"
    assert run(db, "init").returncode == 0
    data = folder / "people.csv"
    data.write_text("reg_no,name,nik,detained_on,sentence\n" + "".join(
        f"B.I-{i + 1}/2025,Peserta {i},{nik(i)},2025-01-10,3y\n" for i in range(20000)))
    result = run(db, "import", "participants", str(data), "--quiet")
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture
def db(big, tmp_path) -> Path:
    copy = tmp_path / "wbp.db"
    src = sqlite3.connect(big)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    (tmp_path / "tmp").mkdir()
    return copy


def wait_for(find, proc: subprocess.Popen, timeout: float = 60.0):
    """Poll until ``find()`` returns something (the process must still run)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = find()
        if found:
            return found
        if proc.poll() is not None:
            pytest.skip("the command finished before it could be stopped")
        time.sleep(0.005)
    raise AssertionError("never appeared")


def temporaries(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.glob(pattern))


# -- 2 and 10. files holding personal data do not outlive a stopped or killed wbpctl --------

def test_killed_export_reveal_leaves_no_file_with_niks_after_the_next_start(db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    proc = start(db, "export", "participants", "--reveal", "-o", str(out / "all.csv"))
    left = wait_for(lambda: temporaries(out, ".all.csv.*"), proc)
    time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert left[0].exists()                      # what SIGKILL leaves
    assert run(db, "head").returncode == 0       # any next start sweeps it
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_terminated_export_removes_its_temporary_itself(db, tmp_path, sig, code):
    out = tmp_path / "out"
    out.mkdir()
    proc = start(db, "export", "participants", "--reveal", "-o", str(out / "all.csv"))
    wait_for(lambda: temporaries(out, ".all.csv.*"), proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert "Traceback" not in err and "Interrupted" in err
    assert list(out.iterdir()) == []


def test_killed_backup_leaves_no_copy_after_the_next_start(db, tmp_path):
    dest = tmp_path / "backups" / "copy.db"
    proc = start(db, "backup", str(dest))
    wait_for(lambda: temporaries(dest.parent, ".copy.db.*") if dest.parent.exists() else [],
             proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert temporaries(dest.parent, ".copy.db.*")
    assert run(db, "head").returncode == 0
    assert list(dest.parent.iterdir()) == []


def test_killed_verify_leaves_no_scratch_folder_after_the_next_start(db, tmp_path):
    scratch = tmp_path / "tmp"
    proc = start(db, "verify")
    wait_for(lambda: temporaries(scratch, "wbpctl-replay-*/replay.db"), proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert temporaries(scratch, "wbpctl-replay-*")
    assert run(db, "head").returncode == 0
    assert temporaries(scratch, "wbpctl-replay-*") == []


def test_a_running_wbpctl_keeps_its_temporaries_while_another_starts(db, tmp_path):
    scratch = tmp_path / "tmp"
    proc = start(db, "verify")
    wait_for(lambda: temporaries(scratch, "wbpctl-replay-*/replay.db"), proc)
    assert run(db, "head").returncode == 0       # sweeps only what the dead left
    proc.communicate(timeout=120)
    assert proc.returncode == 0


# -- 2. `export --reveal | head`: the access is recorded before the first row -------------

def test_a_reveal_into_a_closed_pipe_is_recorded(db):
    proc = start(db, "export", "participants", "--reveal")
    header, first = proc.stdout.readline(), proc.stdout.readline()
    proc.stdout.close()                          # `| head -2`
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "Traceback" not in err
    assert header.startswith("reg_no,") and first.split(",")[2].isdigit()   # a whole NIK
    accessed = sqlite3.connect(db).execute(
        "SELECT count(DISTINCT subject) FROM events WHERE kind = 'person.accessed'"
        " AND payload LIKE '%export participants%'").fetchone()[0]
    assert accessed == 20000


def importing(tmp_path, rows: int, *, need_reader: bool = True, **kwargs):
    """(db, the running import of ``rows`` participants, its reading process's pid):
    a file this big is read by a second process, found under /proc (skipped without it
    when ``need_reader``, else None)."""
    db = tmp_path / "wbp.db"
    assert run(db, "init").returncode == 0
    data = tmp_path / "p.csv"
    data.write_text("reg_no,name,detained_on,sentence\n" + "".join(
        f"B.I-{i + 1}/2025,Peserta {i},2025-01-10,3y\n" for i in range(rows)))
    proc = start(db, "import", "participants", str(data), **kwargs)
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    if not children.exists():
        if need_reader:
            pytest.skip("no /proc to find the reading process in")
        return db, proc, None
    return db, proc, int(wait_for(lambda: children.read_text().split(), proc)[0])


# -- 7. the last line after Ctrl-C says what the ledger holds --------------------------------

@pytest.mark.parametrize("delay", [0.3, 0.6, 0.9, 1.2, 1.5, 1.8])
def test_ctrl_c_during_an_import_says_what_happened(tmp_path, delay):
    # from when the rows start going in (the file is read by a second process, which
    # starts then): on a loaded machine, 0.3 s after the start may still be Python's own
    # start-up, where Ctrl-C is Python's traceback, not wbpctl's
    db, proc, reader = importing(tmp_path, 30000, need_reader=False)
    if reader is not None:
        delay -= 0.3
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    people = sqlite3.connect(db).execute("SELECT count(*) FROM people").fetchone()[0]
    assert people in (0, 30000)
    if proc.returncode == 0 or "30000 new" in err:
        # finished before the signal; one in the last instant, after the summary, ends
        # Python's own exit as Ctrl-C does any program's (-2), or, while wbpctl closes the
        # database, says that the change was saved (130)
        assert people == 30000
        assert proc.returncode in (0, -signal.SIGINT) or (
            proc.returncode == 130
            and "Interrupted after the change was saved: 30000 event(s)" in err), err
        return
    assert proc.returncode == 130 and "Traceback" not in err, err
    if people:
        assert "Interrupted after the change was saved: 30000 event(s)" in err, err
    else:
        assert "Interrupted: nothing was written" in err, err
    assert run(db, "verify").returncode == 0


@pytest.mark.parametrize("sig, code, group", [(signal.SIGTERM, 143, False),
                                              (signal.SIGINT, 130, True)])
def test_a_stopped_import_ends_the_process_reading_its_file(tmp_path, sig, code, group):
    """A file this big is read by a second process (services/import_rows.py): stopping
    the import (SIGTERM to it, or Ctrl-C at a terminal, which reaches both) ends both,
    says what happened, and writes nothing."""
    db, proc, reader = importing(tmp_path, 60000, start_new_session=True)
    if group:
        os.killpg(proc.pid, sig)
    else:
        proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == code and "Traceback" not in err, err
    assert "Interrupted: nothing was written" in err
    assert not Path(f"/proc/{reader}").exists()          # ended and reaped
    assert sqlite3.connect(db).execute("SELECT count(*) FROM people").fetchone()[0] == 0


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGINT], ids=["nohup", "background"])
def test_a_signal_ignored_by_who_started_the_import_stays_ignored(tmp_path, sig):
    """Under nohup (hang-up ignored), or as a job a script started in the background
    (Ctrl-C ignored), the terminal's hang-up or Ctrl-C reaches the whole process group;
    the import, both its processes, goes on to the end as the user asked."""
    db, proc, reader = importing(tmp_path, 60000, start_new_session=True,
                                 preexec_fn=lambda: signal.signal(sig, signal.SIG_IGN))
    os.killpg(proc.pid, sig)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert sqlite3.connect(db).execute("SELECT count(*) FROM people").fetchone()[0] == 60000


def test_a_killed_import_leaves_no_reader_running(tmp_path):
    """kill -9 of an import: the process reading its file ends on its own (it holds no
    copy of the pipe's other end, so its next write fails) and keeps no output open."""
    db, proc, reader = importing(tmp_path, 60000)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)            # would wait while the reader held stdout
    stat = Path(f"/proc/{reader}/stat")

    def ended() -> bool:
        try:
            return stat.read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
        except OSError:
            return True                      # reaped

    deadline = time.monotonic() + 30
    while not ended() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ended()
