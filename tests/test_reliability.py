"""Concurrent writers, crashes, backups, odd files and hostile input: nothing lost, nothing
half-written, nothing leaked."""

import os
import signal
import sqlite3
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import add_person
from conftest import dump
from test_e2e import wbpctl_path

from wbpctl.domain.errors import WbpError

pytestmark = pytest.mark.slow


def env_for(db: Path, **extra) -> dict:
    return {"PATH": os.environ["PATH"], "HOME": str(db.parent), "WBPCTL_LANG": "en",
            "WBPCTL_DB": str(db), **extra}


def run(db: Path, *args: str, **extra) -> subprocess.CompletedProcess:
    return subprocess.run([wbpctl_path(), *args], env=env_for(db, **extra),
                          capture_output=True, text=True, timeout=300)


# -- concurrency -------------------------------------------------------------------------

def test_concurrent_writers_and_a_reader_lose_nothing(tmp_path):
    """4 writer processes and a report loop on one file: every change recorded once."""
    writers, changes = 4, int(os.environ.get("WBPCTL_CONCURRENCY_CHANGES", "25"))
    db = tmp_path / "wbp.db"
    assert run(db, "init").returncode == 0
    people = tmp_path / "people.csv"
    people.write_text("reg_no,name,detained_on,sentence\n" + "".join(
        f"B.I-{w * 1000 + i}/2025,W{w} P{i},2025-01-10,3y\n"
        for w in range(writers) for i in range(1, changes + 1)))
    assert run(db, "import", "participants", str(people), "--quiet").returncode == 0
    before = len(sqlite3.connect(db).execute("SELECT * FROM events").fetchall())
    script = tmp_path / "writer.sh"
    script.write_text(
        "#!/bin/sh\nw=$1; n=$2; i=1; fails=0\n"
        "while [ $i -le $n ]; do\n"
        "  r=B.I-$((w * 1000 + i))/2025\n"
        "  case $((i % 3)) in\n"
        "    0) wbpctl assign $r OLAH-MADU --on 2025-03-01 || fails=$((fails+1)) ;;\n"
        "    1) wbpctl remission add $r --on 2025-08-17 --kind RU --days 30 || fails=$((fails+1)) ;;\n"
        "    2) wbpctl assign $r KES-PREVENTIF --on 2025-03-01 || fails=$((fails+1)) ;;\n"
        "  esac\n  i=$((i+1))\ndone\nexit $fails\n")
    script.chmod(0o755)
    stop = threading.Event()
    reports = {"runs": 0, "failures": []}

    def reader():
        while not stop.is_set():
            result = run(db, "report", "monthly", "-f", "json", "--month", "2025-03")
            reports["runs"] += 1
            if result.returncode != 0:
                reports["failures"].append(result.stderr)

    thread = threading.Thread(target=reader)
    thread.start()
    env = env_for(db, PATH=f"{Path(wbpctl_path()).parent}:{os.environ['PATH']}")
    procs = [subprocess.Popen(["sh", str(script), str(w), str(changes)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for w in range(writers)]
    outputs = [p.communicate(timeout=600) for p in procs]
    stop.set()
    thread.join()
    assert [p.returncode for p in procs] == [0] * writers, outputs
    assert not any("locked" in err or "busy" in err for _, err in outputs)
    assert reports["failures"] == [] and reports["runs"] > 0
    conn = sqlite3.connect(db)
    recorded = conn.execute("SELECT count(*) FROM events").fetchone()[0] - before
    # every assign is one event (places are plenty for the health check; OLAH-MADU
    # waitlists past 20, still one event each)
    assert recorded == writers * changes
    assert conn.execute("SELECT count(*) FROM remissions").fetchone()[0] == \
        sum(1 for w in range(writers) for i in range(1, changes + 1) if i % 3 == 1)
    assert run(db, "verify").returncode == 0


def test_lock_held_past_the_timeout_is_exit_4_and_writes_nothing(tmp_path):
    db = tmp_path / "wbp.db"
    config = tmp_path / "config.yaml"
    config.write_text("storage:\n  busy_timeout_seconds: 0.5\n")
    assert run(db, "init", WBPCTL_CONFIG=str(config)).returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        before = time.monotonic()
        result = run(db, "participant", "add", "--name", "A", "--reg-no", "B.I-1/2025",
                     "--detained", "2025-01-01", "--sentence", "2y", WBPCTL_CONFIG=str(config))
        waited = time.monotonic() - before
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 4, result.stderr
    assert "busy" in result.stderr and "nothing was written" in result.stderr
    assert waited >= 0.5
    assert sqlite3.connect(db).execute("SELECT count(*) FROM people").fetchone()[0] == 0


# -- crashes -----------------------------------------------------------------------------

def _big_csv(path: Path, rows: int) -> None:
    with path.open("w") as handle:
        handle.write("reg_no,name,detained_on,sentence\n")
        for i in range(rows):
            handle.write(f"B.I-{i + 1}/2025,Peserta {i},2025-01-10,3y\n")


@pytest.mark.parametrize("delay", [0.4, 0.9, 1.6])
def test_killed_import_leaves_none_or_all_and_can_be_rerun(tmp_path, delay):
    rows = int(os.environ.get("WBPCTL_CRASH_ROWS", "30000"))
    db = tmp_path / "wbp.db"
    data = tmp_path / "big.csv"
    _big_csv(data, rows)
    assert run(db, "init").returncode == 0
    proc = subprocess.Popen([wbpctl_path(), "import", "participants", str(data), "--quiet"],
                            env=env_for(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    people = sqlite3.connect(db).execute("SELECT count(*) FROM people").fetchone()[0]
    assert people in (0, rows)
    assert run(db, "verify").returncode == 0
    again = run(db, "import", "participants", str(data))
    assert again.returncode == 0, again.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM people").fetchone()[0] == rows
    assert run(db, "verify").returncode == 0


def test_ctrl_c_is_exit_130_without_traceback(tmp_path):
    db = tmp_path / "wbp.db"
    data = tmp_path / "big.csv"
    _big_csv(data, 30000)
    assert run(db, "init").returncode == 0
    proc = subprocess.Popen([wbpctl_path(), "import", "participants", str(data)],
                            env=env_for(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    time.sleep(0.8)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the import finished before the signal arrived")
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "nothing was written" in err
    assert sqlite3.connect(db).execute("SELECT count(*) FROM people").fetchone()[0] == 0
    assert run(db, "verify").returncode == 0


# -- backups -----------------------------------------------------------------------------

def test_backup_verifies_refuses_to_overwrite_and_restore_keeps_the_old(cli, tmp_path):
    add_person(cli)
    copy = tmp_path / "backups" / "one.db"
    assert "verified" in cli.ok("backup", str(copy)).stderr
    assert copy.stat().st_mode & 0o777 == 0o600
    refused = cli("backup", str(copy))
    assert refused.exit_code == 1 and "--force" in refused.stderr
    cli.ok("backup", str(copy), "--force")
    add_person(cli, "B.I-2/2025", name="After the backup")
    result = cli.ok("restore", str(copy))
    assert [p["name"] for p in cli.json("participant", "list")] == ["Budi Santoso"]
    aside = Path(result.stderr.split(" are in ")[1].strip())
    assert aside.exists()
    cli.ok("verify")


def unsound_backup(cli, copy: Path) -> Path:
    """A backup of the database, then one of its events changed: it no longer verifies."""
    cli.ok("backup", str(copy))
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE commands SET actor = 'someone else' WHERE id = (SELECT command"
                 " FROM events WHERE seq = 2)")
    conn.commit()
    conn.close()
    return copy


def test_restore_refuses_an_unsound_backup(cli, tmp_path):
    add_person(cli)
    copy = unsound_backup(cli, tmp_path / "b.db")
    before = dump(cli.db)
    result = cli("restore", str(copy))
    assert result.exit_code == 1 and "does not verify" in result.stderr
    assert dump(cli.db) == before


def test_backup_while_others_write(tmp_path):
    db = tmp_path / "wbp.db"
    assert run(db, "init").returncode == 0
    data = tmp_path / "rows.csv"
    _big_csv(data, 20000)
    writer = subprocess.Popen([wbpctl_path(), "import", "participants", str(data), "--quiet"],
                              env=env_for(db))
    time.sleep(0.3)
    result = run(db, "backup", str(tmp_path / "copy.db"))
    writer.wait(timeout=300)
    assert result.returncode == 0, result.stderr
    people = sqlite3.connect(tmp_path / "copy.db").execute("SELECT count(*) FROM people")
    assert people.fetchone()[0] in (0, 20000)


# -- odd files and personal data ------------------------------------------------------------

def test_read_only_database_is_exit_4_and_unchanged(cli, monkeypatch):
    """A read-only database (asked of SQLite itself: root, as CI runs, ignores file modes)."""
    import wbpctl.store.connection as connection
    add_person(cli)
    real = sqlite3.connect

    def read_only(path, *args, **kwargs):
        if str(path) == str(cli.db):
            return real(f"file:{path}?mode=ro", *args, uri=True, **kwargs)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(connection.sqlite3, "connect", read_only)
    before = dump(cli.db)
    result = cli("participant", "add", "--name", "X", "--reg-no", "B.I-3/2025", "--detained",
                 "2025-01-01", "--sentence", "2y")
    monkeypatch.undo()
    assert result.exit_code == 4 and "read-only" in result.stderr
    assert dump(cli.db) == before


def test_disk_full_is_exit_4_and_nothing_written(cli, monkeypatch):
    """Simulated with max_page_count: SQLite answers SQLITE_FULL as on a full disk."""
    import wbpctl.store.connection as connection
    add_person(cli)
    pages = sqlite3.connect(cli.db).execute("PRAGMA page_count").fetchone()[0]
    real = connection.sqlite3.connect

    def tiny(path, *args, **kwargs):
        conn = real(path, *args, **kwargs)
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(connection.sqlite3, "connect", tiny)
    before = dump(cli.db)
    rows = "".join(f"B.I-{i + 10}/2025,Nama Panjang Sekali {i},2025-01-10,3y\n" for i in range(3000))
    result = cli("import", "participants", "-", input="reg_no,name,detained_on,sentence\n" + rows)
    monkeypatch.undo()
    assert result.exit_code == 4, result.stderr
    assert "full" in result.stderr and "Traceback" not in result.stderr
    assert dump(cli.db) == before


def test_wal_and_shm_files_are_owner_only(tmp_path):
    db = tmp_path / "wbp.db"
    assert run(db, "init").returncode == 0
    holder = sqlite3.connect(db)   # keeps the -wal and -shm files in place
    holder.execute("SELECT count(*) FROM events").fetchall()
    assert run(db, "participant", "add", "--name", "A", "--reg-no", "B.I-1/2025",
               "--detained", "2025-01-01", "--sentence", "2y").returncode == 0
    for sibling in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        if sibling.exists():
            assert stat.S_IMODE(sibling.stat().st_mode) == 0o600, sibling
    holder.close()


def test_no_personal_data_in_an_internal_error(cli, monkeypatch):
    import wbpctl.services.participants as participants
    add_person(cli, nik="1506041203900001")

    def broken(*args, **kwargs):
        secret = "1506041203900001"
        raise RuntimeError(f"bug while handling {secret}")

    monkeypatch.setattr(participants, "show", broken)
    result = cli("participant", "show", "B.I-1/2025")
    assert result.exit_code == 1
    assert "RuntimeError" in result.stderr and "1506041203900001" not in result.stderr


# -- hostile input -------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_every_parser_accepts_or_rejects_cleanly(text):
    from datetime import date
    from wbpctl.domain.dates import parse_date
    from wbpctl.domain.headers import normalize
    from wbpctl.domain.nik import parse_gender, parse_nik
    from wbpctl.domain.periods import month_period
    from wbpctl.domain.regno import parse_regno
    from wbpctl.domain.sentence import parse_sentence
    for parse in (lambda t: parse_nik(t, today=date(2026, 11, 28)), parse_regno, parse_sentence,
                  parse_date, parse_gender, lambda t: month_period(t, date(2026, 11, 28))):
        try:
            parse(text)
        except WbpError:
            pass
    normalize(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)),
                                 max_size=12), min_size=0, max_size=6), max_size=5))
def test_random_csv_rows_are_accepted_or_rejected_cleanly(tmp_path_factory, rows):
    import csv
    import io
    from datetime import date
    from wbpctl.config import load_config
    from wbpctl.services import catalog
    from wbpctl.services.csv_source import open_csv
    from wbpctl.services.importing import run_import
    from wbpctl.services.session import Session
    folder = tmp_path_factory.mktemp("csv")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["reg_no", "name", "nik", "gender", "birth_date", "detained_on",
                     "admitted_on", "sentence", "crime"])
    writer.writerows(rows)
    path = folder / "random.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    session = Session(config=load_config(), db_path=folder / "wbp.db", actor="fuzz",
                      today=date(2026, 11, 28))
    catalog.init_database(session)
    source = open_csv(str(path))
    try:
        run_import(session, "participants", source)
    except WbpError:
        pass
    finally:
        source.close()
        session.close()


def test_hostile_names_are_stored_intact(cli):
    for n, name in enumerate(["'); DROP TABLE events; --", "Robert'); --", "x\" OR 1=1 --"]):
        add_person(cli, f"B.I-{n + 1}/2025", name=name)
    names = sorted(p["name"] for p in cli.json("participant", "list"))
    assert names == sorted(["'); DROP TABLE events; --", "Robert'); --", "x\" OR 1=1 --"])
    assert len(cli.json("participant", "list", "--search", "'); DROP")) == 1
    cli.ok("verify")
