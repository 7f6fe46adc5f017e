"""Schema 8 (issue 21): every lookup a command or an import row makes uses an index, so
a row costs on a big ledger what it costs on a small one; and a ledger of schema 7 (the
fixture tests/data/ledger-schema7-demo, made by tests/data/make_ledger_fixture.py)
upgrades to it with nothing but indexes added and every answer the same.

Before it, a receipt number given twice was found by reading every sale (an import of
20,000 sales took 29 s), and a register number nobody holds by reading every event (4 s
on the national ledger to say "no participant")."""

import gzip
import json
import sqlite3
from pathlib import Path

import pytest

from wbpctl.domain.sponsors import name_key

from conftest import DATA, Cli, add_person, answers_of, dump, ledger_written_before

BEFORE = answers_of("ledger-schema7-demo")
NEW_INDEXES = {"sales_ref", "payouts_ref", "donations_ref", "spending_ref",
               "enrolments_certificate", "events_replaced_regno", "sponsors_name"}

# What a command may read whole: the catalogue and settings, which do not grow with the
# people and their records. Anything else read whole is a row that costs the ledger.
SMALL = {"sqlite_master", "opds", "tracks", "products", "chains",
         "people_search_config"}


@pytest.fixture
def old(tmp_path) -> Cli:
    """The ledger as the wbpctl of schema 7 wrote it, with its checkpoint file."""
    return ledger_written_before(tmp_path, "ledger-schema7-demo", lapas="KTL")


def run(cli: Cli, *args: str):
    return cli.ok("--config", str(cli.config), *args)


def indexes(db) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def test_the_upgrade_adds_the_indexes_and_every_answer_is_the_same(old):
    before = [(table, rows) for table, rows in dump(old.db) if table != "_sqlite_migrations"]
    assert not NEW_INDEXES & indexes(old.db)
    assert "1 migration(s)" in run(old, "init").stderr
    assert NEW_INDEXES <= indexes(old.db)
    after = dict(dump(old.db))
    keys = [row[-1] for row in after["sponsors"]]          # the one column added
    assert keys and keys == [name_key(row[3]) for row in after["sponsors"]]
    after["sponsors"] = [row[:-1] for row in after["sponsors"]]
    assert [(table, after[table]) for table, _ in before] == before   # no row else changed
    for name, command in BEFORE["commands"].items():
        assert run(old, *command).stdout == BEFORE["outputs"][name], name
    assert "up to date" in run(old, "init").stderr


def test_the_upgraded_ledger_verifies_with_its_old_checkpoints(old):
    run(old, "init")
    head = json.loads(BEFORE["outputs"]["head"])
    assert "checkpoint" in run(old, "verify").stderr
    assert run(old, "verify", "--head", head["head"]).exit_code == 0


def test_a_number_a_verdict_replaced_still_names_its_person(old):
    run(old, "init")
    shown = json.loads(run(old, "participant", "show", "A.II-1/2026", "-f", "json").stdout)
    assert shown["reg_no"] == "B.I-22/2026"
    assert old("--config", str(old.config), "participant", "show",
               "A.II-99/2026").exit_code == 3


def whole_reads(conn: sqlite3.Connection, statements: list[str]) -> list[tuple[str, list]]:
    """The statements whose plan reads a table of people or their records whole."""
    found = []
    for sql in dict.fromkeys(statements):
        if not sql.lstrip().upper().startswith(("SELECT", "WITH", "UPDATE", "DELETE")):
            continue
        steps = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        # a subquery's own rows, read back where it is used, are not a table
        own = {s.split()[1] for s in steps if s.startswith(("CO-ROUTINE", "MATERIALIZE"))}
        for step in steps:
            words = step.replace("main.", "").split()
            if words[0] != "SCAN" or "VIRTUAL TABLE" in step or words[1] in own \
                    or words[1].startswith("(subquery") or words[1] in SMALL \
                    or step == "SCAN CONSTANT ROW":
                continue
            found.append((sql, steps))
    return found


@pytest.fixture
def traced(cli, monkeypatch):
    """The demo ledger; every statement any connection runs from here on is kept."""
    from wbpctl.store import connection

    cli.ok("init", "--demo")
    said: list[str] = []
    opened = connection.opened

    def tracing(database, **options):
        conn = opened(database, **options)
        conn.set_trace_callback(said.append)
        return conn

    monkeypatch.setattr(connection, "opened", tracing)
    cli.said = said
    return cli


def write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


def test_what_a_row_or_a_command_looks_up_it_finds_by_an_index(traced, tmp_path):
    """Receipts, certificates, register numbers, sponsors' names: each found by its
    index, each kind's import both new (the rows are written) and again (the rows are
    found unchanged)."""
    files = {
        "sales": "product,sold_on,qty,channel,ref\nMADU-500,2026-11-20,2,koperasi,NOTA-1\n",
        "payouts": "reg_no,paid_on,amount,ref\nB.I-24/2025,2026-11-20,10000,BAYAR-1\n",
        "spending": "track,spent_on,amount,what,funded_by,ref\n"
                    "OLAH-MADU,2026-11-20,50000,Toples,APBD,BELI-1\n",
        "donations": "sponsor,received_on,amount,ref\nHJ-ROSMIATI,2026-11-20,100000,TERIMA-1\n",
        "sponsors": "name,kind\nIbu  Siti Rahayu,perorangan\n",     # by name, spaced out
        "completions": "reg_no,track,completed_on,result,certificate\n"
                       "B.I-4/2026,OLAH-MADU,2026-11-20,lulus,SERT-1\n",
    }
    for kind, text in files.items():
        path = write(tmp_path, f"{kind}.csv", text)
        assert "1 new" in traced.ok("import", kind, path).stderr, kind
        assert "1 unchanged" in traced.ok("import", kind, path).stderr, kind
    # every kind the demo has (verdicts, returns, voids, sponsors, production ...), as
    # an empty ledger takes them in from the demo's export
    everything, start = str(tmp_path / "all.csv"), len(traced.said)
    traced.ok("export", "all", "--reveal", "-o", everything)
    empty = Cli(tmp_path / "empty.db")
    empty.ok("init")
    del traced.said[start:]       # reading every record, making the tables: their whole job
    assert " 0 rejected" in empty.ok("import", "all", everything).stderr
    add_person(traced, "B.I-900/2026", name="Orang Baru")        # a number nobody held
    traced.ok("participant", "show", "A.II-1/2026")              # one a verdict replaced
    traced.ok("sponsor", "show", "ibu siti rahayu")              # a sponsor by name
    assert traced("participant", "show", "B.I-901/2026").exit_code == 3
    conn = sqlite3.connect(traced.db)
    try:
        conn.create_function("wbpctl_uid", 1, lambda text: text, deterministic=True)
        conn.create_function("wbpctl_uid_text", 1, lambda data: data, deterministic=True)
        assert whole_reads(conn, traced.said) == []
        used = " ".join(r[3] for sql in traced.said if "ref = " in sql
                        for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
    finally:
        conn.close()
    for index in ("sales_ref", "payouts_ref", "donations_ref", "spending_ref"):
        assert f"INDEX {index} (ref=?)" in used, index


def test_another_lapas_file_of_schema_7_merges_as_it_is_an_older_one_does_not(tmp_path):
    """Schema 8 added indexes only, so the events of a Lapas that has not upgraded yet
    read the same: its file is merged as it is (read-only, never changed). A file of
    schema 6 stores them otherwise, and is refused until 'wbpctl init' upgrades it."""
    config = tmp_path / "KWJ.yaml"
    config.write_text("lapas:\n  code: KWJ\n  name: Kanwil Jambi\n", encoding="utf-8")
    kanwil = Cli(tmp_path / "kwj.db")
    kanwil.ok("--config", str(config), "init")
    for schema in (6, 7):
        path = tmp_path / f"ktl{schema}.db"
        path.write_bytes(gzip.decompress((DATA / f"ledger-schema{schema}-demo.db.gz")
                                         .read_bytes()))
    seven = (tmp_path / "ktl7.db").read_bytes()
    refused = kanwil("--config", str(config), "merge", str(tmp_path / "ktl6.db"))
    assert refused.exit_code != 0 and "another schema" in refused.stderr
    merged = kanwil.ok("--config", str(config), "merge", str(tmp_path / "ktl7.db")).stdout
    assert "KTL#1226" in merged and "JMB#3" in merged
    assert (tmp_path / "ktl7.db").read_bytes() == seven
    shown = json.loads(kanwil.ok("--config", str(config), "participant", "show",
                                 "KTL:A.II-1/2026", "-f", "json").stdout)
    assert shown["reg_no"] == "B.I-22/2026"
    assert kanwil.ok("--config", str(config), "verify").exit_code == 0
