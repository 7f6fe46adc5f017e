"""Files that are not a sound, current wbpctl ledger: exit 4, one line, the file untouched."""

import sqlite3

import pytest

from conftest import Cli

from wbpctl.store.schema import SCHEMA_VERSION


def unchanged(path, action):
    before = path.read_bytes() if path.exists() else None
    result = action()
    assert (path.read_bytes() if path.exists() else None) == before
    return result


def check_storage_error(result, words):
    assert result.exit_code == 4, (result.stdout, result.stderr)
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["participant", "list"], ["verify"], ["log"],
                                     ["track", "list"], ["participant", "show", "B.I-1/2025"]])
def test_missing_database_points_to_init_and_is_not_created(tmp_path, command):
    cli = Cli(tmp_path / "wrong" / "wbp.db")
    check_storage_error(cli(*command), "wbpctl init")
    assert not (tmp_path / "wrong").exists()


def test_text_file_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("hello, this is not a database\n")
    check_storage_error(unchanged(path, lambda: Cli(path)("participant", "list")),
                        "not an SQLite database")
    check_storage_error(unchanged(path, lambda: Cli(path)("init")), "not an SQLite database")


def test_zero_byte_file_needs_init(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    check_storage_error(unchanged(path, lambda: Cli(path)("participant", "list")),
                        "wbpctl init")


def test_other_sqlite_database_is_never_altered(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE stuff (x)")
    conn.commit()
    conn.close()
    check_storage_error(unchanged(path, lambda: Cli(path)("init")), "not a wbpctl ledger")
    check_storage_error(unchanged(path, lambda: Cli(path)("participant", "list")),
                        "not a wbpctl ledger")


def test_database_from_a_newer_wbpctl_is_refused(cli):
    conn = sqlite3.connect(cli.db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    check_storage_error(unchanged(cli.db, lambda: cli("participant", "list")), "newer wbpctl")
    check_storage_error(unchanged(cli.db, lambda: cli("init")), "newer wbpctl")


def test_truncated_database(cli):
    data = cli.db.read_bytes()
    cli.db.write_bytes(data[:len(data) // 3])
    result = cli("verify")
    assert result.exit_code == 4 and "Traceback" not in result.stderr


def test_new_database_and_folder_are_owner_only(cli):
    assert cli.db.stat().st_mode & 0o777 == 0o600
    assert cli.db.parent.stat().st_mode & 0o777 == 0o700


def test_init_reports_what_it_did(db):
    cli = Cli(db)
    assert "Created" in cli.ok("init").stderr
    assert "up to date" in cli.ok("init").stderr


def test_wal_mode_is_set(cli):
    conn = sqlite3.connect(cli.db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_database_path_from_config(tmp_path):
    config = tmp_path / "conf" / "config.yaml"
    config.parent.mkdir()
    config.write_text("database: ledger/wbp.db\n")
    from typer.testing import CliRunner
    from wbpctl.cli.app import app
    result = CliRunner().invoke(app, ["--config", str(config), "init"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "conf" / "ledger" / "wbp.db").exists()
