"""A ledger written by the wbpctl of schema 6 (the demo of Lapas KTL with the ledger of
Lapas JMB merged into it: two chains, a readmission across Lapas) upgrades to uids stored
as bytes in people and stays with its chains checked first, no event added or changed,
and every answer the same byte for byte: the log, every report, the export, the lists,
a person, their history. Made by tests/data/make_ledger_fixture.py."""

import json
import sqlite3

import pytest

from conftest import Cli, add_person, answers_of, dump, ledger_written_before

BEFORE = answers_of("ledger-schema6-demo")


@pytest.fixture
def old(tmp_path) -> Cli:
    """The ledger as the wbpctl of schema 6 wrote it, with its checkpoint file."""
    return ledger_written_before(tmp_path, "ledger-schema6-demo", lapas="KTL")


def run(cli: Cli, *args: str):
    return cli.ok("--config", str(cli.config), *args)


def test_the_upgrade_adds_no_event_and_every_answer_is_the_same(old):
    assert "2 migration(s)" in run(old, "init").stderr   # m007, m008
    for name, command in BEFORE["commands"].items():
        assert run(old, *command).stdout == BEFORE["outputs"][name], name
    assert "up to date" in run(old, "init").stderr            # a second run writes nothing


def test_the_upgraded_ledger_verifies_with_its_old_checkpoints(old):
    run(old, "init")
    head = json.loads(BEFORE["outputs"]["head"])
    verified = run(old, "verify")
    assert "checkpoint" in verified.stderr
    assert run(old, "verify", "--head", head["head"]).exit_code == 0


def test_people_and_stays_keep_their_uids_as_16_bytes(old):
    def uids(db) -> dict:
        conn = sqlite3.connect(db)
        try:
            return {table: conn.execute(f"SELECT DISTINCT typeof(uid), length(uid) FROM {table}"
                                        ).fetchall() for table in ("people", "stays")}
        finally:
            conn.close()
    assert uids(old.db) == {"people": [("text", 36)], "stays": [("text", 36)]}
    run(old, "init")
    assert uids(old.db) == {"people": [("blob", 16)], "stays": [("blob", 16)]}


def test_a_broken_chain_is_refused_and_left_as_it_was(old):
    conn = sqlite3.connect(old.db)
    conn.execute("UPDATE events SET payload = replace(payload, 'Tanpa NIK', 'Tanpa NlK')"
                 " WHERE payload LIKE '%Tanpa NIK%'")         # in the chain merged from JMB
    conn.commit()
    conn.close()
    before = dump(old.db)
    result = old("--config", str(old.config), "init")
    assert result.exit_code == 4 and "cannot be upgraded: it is broken at event #" \
        in result.stderr
    assert dump(old.db) == before


def test_a_uid_that_would_not_read_back_the_same_is_refused_untouched(old):
    conn = sqlite3.connect(old.db)
    conn.execute("UPDATE people SET uid = upper(uid) WHERE id = 7")
    conn.commit()
    conn.close()
    before = dump(old.db)
    result = old("--config", str(old.config), "init")
    assert result.exit_code == 4 and "people row 7 has the uid" in result.stderr
    assert dump(old.db) == before


def test_a_stay_or_person_row_refuses_a_uid_as_text(old):
    """The stored form is checked by the table itself: a write that forgot wbpctl_uid
    fails instead of storing a uid no lookup finds."""
    run(old, "init")
    conn = sqlite3.connect(old.db)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE stays SET uid = '01a2288c-4509-7006-9daa-70ea017f7fd9'"
                         " WHERE id = 1")
    finally:
        conn.close()


# -- on a ledger made today ----------------------------------------------------------------

def plan(db, sql: str, *params) -> str:
    conn = sqlite3.connect(db)
    conn.create_function("wbpctl_uid", 1, lambda text: bytes(16), deterministic=True)
    try:
        return " | ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    finally:
        conn.close()


def test_lookups_by_uid_and_by_subject_use_their_indexes(cli):
    """The stored forms change what an index holds, never whether a lookup uses it."""
    add_person(cli)
    uid = cli.json("participant", "show", "B.I-1/2025")["uid"]
    assert "INDEX sqlite_autoindex_people_1 (uid=?)" in plan(
        cli.db, "SELECT id FROM people WHERE uid = wbpctl_uid(?)", uid)
    assert "INDEX sqlite_autoindex_stays_1 (uid=?)" in plan(
        cli.db, "SELECT id FROM stays WHERE uid = wbpctl_uid(?)", uid)
    from wbpctl.store.subjects import subject_in
    about, params = subject_in("subject", [uid])
    assert "INDEX events_subject (<expr>=?)" in plan(
        cli.db, f"SELECT seq FROM events WHERE {about} ORDER BY seq DESC LIMIT 1", *params)
    assert [e["kind"] for e in cli.json("log", "B.I-1/2025")] == ["person.admitted"]


def test_ctrl_c_during_the_upgrade_is_a_stop_and_leaves_the_ledger_untouched(old, monkeypatch):
    """A signal during the upgrade mostly lands inside ``wbpctl_uid`` (run for every row),
    and sqlite3 reports an exception raised there as its own error; the run still ends as
    Ctrl-C does: 130, nothing written, said so."""
    import signal

    from wbpctl import interrupts
    from wbpctl.store import uids

    def pressed(text):
        interrupts.came(signal.SIGINT)        # what the Ctrl-C handler does, then raises
        raise KeyboardInterrupt

    monkeypatch.setattr(uids, "stored_uid", pressed)
    monkeypatch.setattr(interrupts, "_came", [])
    before = dump(old.db)
    result = old("--config", str(old.config), "init")
    assert result.exit_code == 130 and "Interrupted: nothing was written" in result.stderr
    assert dump(old.db) == before
