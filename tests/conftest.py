"""Every test gets its own folder, database path and environment: nothing leaks between them."""

from __future__ import annotations

import gzip
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wbpctl.cli.app import app
from wbpctl.config import load_config
from wbpctl.services.session import Session

TODAY = "2026-11-28"


def pytest_configure(config):
    """Ctrl-C as at a terminal. A suite that a script started in the background ignores
    Ctrl-C (bash does that to background jobs), and so would every wbpctl it starts, which
    rightly keeps ignoring it: the tests that press Ctrl-C at wbpctl, or at this process,
    need it handled as a terminal's Ctrl-C is."""
    import signal

    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def hermetic(tmp_path, monkeypatch):
    """No user config, no ambient WBPCTL_* settings, a fixed today, a scratch working folder."""
    for name in ("WBPCTL_DB", "WBPCTL_CONFIG", "WBPCTL_LANG", "WBPCTL_ACTOR", "WBPCTL_DEBUG",
                 "WBPCTL_PROCESSES",
                 "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))   # lists of temporaries
    monkeypatch.setenv("WBPCTL_TODAY", TODAY)
    monkeypatch.setenv("WBPCTL_LANG", "en")
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "data" / "wbp.db"


class Cli:
    """Runs wbpctl in-process against one database; stdout and stderr kept apart."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(app, ["--db", str(self.db), *args], input=input)

    def ok(self, *args: str):
        result = self(*args)
        assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr,
                                       result.exception)
        return result

    def json(self, *args: str):
        return json.loads(self.ok(*args, "-f", "json").stdout)

    def events(self) -> int:
        return len(self.json("log"))


@pytest.fixture
def cli(db) -> Cli:
    runner = Cli(db)
    runner.ok("init")
    return runner


@pytest.fixture
def session(cli) -> Session:
    return Session(config=load_config(), db_path=cli.db, actor="test",
                   today=date.fromisoformat(TODAY))


def add_person(cli: Cli, reg_no: str = "B.I-1/2025", *, detained: str = "2025-01-10",
               sentence: str = "3y", **options: str):
    args = ["participant", "add", "--name", options.pop("name", "Budi Santoso"), "--reg-no",
            reg_no, "--detained", detained, "--sentence", sentence]
    for key, value in options.items():
        args += [f"--{key.replace('_', '-')}", value]
    return cli.ok(*args)


DATA = Path(__file__).resolve().parent / "data"


def answers_of(fixture: str) -> dict:
    """What the wbpctl that wrote the ledger fixture answered on it (tests/data/
    make_ledger_fixture.py): the commands, their outputs and its checkpoint file."""
    return json.loads(gzip.decompress((DATA / f"{fixture}.json.gz").read_bytes()))


def ledger_written_before(tmp_path: Path, fixture: str, *, lapas: str | None = None) -> Cli:
    """The ledger fixture (tests/data/FIXTURE.db.gz) as an earlier wbpctl wrote it, with
    its checkpoint file; ``lapas``: with a config naming that Lapas (``cli.config``)."""
    path = tmp_path / "wbp.db"
    path.write_bytes(gzip.decompress((DATA / f"{fixture}.db.gz").read_bytes()))
    Path(f"{path}.heads").write_text(answers_of(fixture)["heads_file"], encoding="utf-8")
    cli = Cli(path)
    if lapas is not None:
        cli.config = tmp_path / f"{lapas}.yaml"
        cli.config.write_text(f"lapas:\n  code: {lapas}\n  name: Lapas {lapas}\n",
                              encoding="utf-8")
    return cli


def dump(db) -> list:
    """Every row of every table: what 'nothing written' is checked against."""
    conn = sqlite3.connect(db)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"
                                         " ORDER BY name")]
    rows = [(t, conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in tables]
    conn.close()
    return rows


def refused(cli: Cli, *args: str, code: int = 1) -> str:
    """Run, expect a refusal with ``code``, one line on stderr and nothing written;
    return stderr."""
    before = dump(cli.db)
    result = cli(*args)
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert dump(cli.db) == before
    return result.stderr
