"""The ledger: hash chain, replay, and verify catching changes made behind its back."""

import os
import sqlite3

import pytest

from conftest import add_person


def tamper(db, sql, *params):
    conn = sqlite3.connect(db)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_init_twice_writes_no_new_event(cli):
    before = cli.events()
    result = cli.ok("init")
    assert "up to date" in result.stderr
    assert cli.events() == before == 1


def test_events_are_chained_and_verify_passes(cli):
    add_person(cli)
    events = cli.json("log")
    assert [e["kind"] for e in events] == ["catalog.synced", "person.admitted"]
    assert [e["seq"] for e in events] == [1, 2]
    result = cli.ok("verify")
    assert "2 events" in result.stderr


def test_changing_an_event_payload_fails_verify_naming_it(cli):
    add_person(cli)
    tamper(cli.db, "UPDATE events SET payload = replace(payload, 'Budi', 'Bodi') WHERE seq = 2")
    result = cli("verify")
    assert result.exit_code == 1
    assert "#2" in result.stderr


def test_deleting_an_event_fails_verify(cli):
    add_person(cli)
    add_person(cli, "B.I-2/2025", name="Agus")
    tamper(cli.db, "DELETE FROM events WHERE seq = 2")
    result = cli("verify")
    assert result.exit_code == 1 and "#2" in result.stderr


def test_changing_a_projection_row_fails_verify_naming_the_row(cli):
    add_person(cli)
    tamper(cli.db, "UPDATE stays SET detained_on = '2020-01-01'")
    result = cli("verify")
    assert result.exit_code == 1
    assert "stays" in result.stderr and "detained_on" in result.stderr
    assert cli("verify", "--quick").exit_code == 0   # the chain alone is intact


def test_a_row_added_behind_the_ledgers_back_fails_verify(cli):
    add_person(cli)
    tamper(cli.db, "INSERT INTO people (uid, name) VALUES (randomblob(16), 'Ghost')")
    result = cli("verify")
    assert result.exit_code == 1 and "people" in result.stderr


def test_log_for_one_person_is_their_history(cli):
    add_person(cli)
    add_person(cli, "B.I-2/2025", name="Agus")
    cli.ok("participant", "edit", "B.I-1/2025", "--name", "Budi S.")
    history = cli.json("log", "B.I-1/2025")
    assert [e["kind"] for e in history] == ["person.admitted", "person.corrected"]
    assert all(e["actor"] for e in history)
    assert set(history[0]) >= {"seq", "at", "actor", "kind", "subject", "payload"}


def test_actor_comes_from_option_or_environment(cli, monkeypatch):
    from wbpctl.cli.state import os_user

    cli.ok("--actor", "petugas1", "participant", "add", "--name", "A", "--reg-no", "B.I-5/2025",
           "--detained", "2025-01-01", "--sentence", "2y")
    monkeypatch.setenv("WBPCTL_ACTOR", "cronjob")
    add_person(cli, "B.I-6/2025")
    actors = [e["actor"] for e in cli.json("log")]
    account = os_user()
    assert actors[-2:] == [f"petugas1 (os: {account})", f"cronjob (os: {account})"]


def test_global_ids_are_time_ordered_uuid7_and_unique():
    import uuid

    from wbpctl.store.chain import new_uids
    ids = new_uids(5000) + new_uids(5000)      # more than one millisecond's 4096
    parsed = [uuid.UUID(i) for i in ids]
    assert {u.version for u in parsed} == {7} and {u.variant for u in parsed} == {uuid.RFC_4122}
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def table_rows(path, table):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    finally:
        conn.close()


def test_a_replay_up_to_an_event_gives_the_tables_as_they_stood_then(cli, tmp_path):
    """The replay that verify makes, stopped at event N, gives exactly the tables a copy
    taken just after event N holds: every table, with the secondary indexes built."""
    from wbpctl.store import ledger, schema

    add_person(cli)
    cli.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2026-01-05")
    seq = cli.events()
    cli.ok("backup", str(tmp_path / "then.db"))
    add_person(cli, "B.I-2/2025", name="Agus")
    cli.ok("complete", "B.I-1/2025", "OLAH-MADU", "--on", "2026-02-05")
    cli.ok("participant", "edit", "B.I-1/2025", "--name", "Budi S.")
    with ledger.replayed(str(cli.db), seq) as replay:
        assert replay.walked.problem is None and replay.walked.seq == seq
        for table in schema.PROJECTION_TABLES:
            assert table_rows(replay.path, table) == table_rows(tmp_path / "then.db", table)
        conn = sqlite3.connect(replay.path)
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type ="
                                              " 'index' AND sql IS NOT NULL")}
        conn.close()
        assert {"stays_person", "enrolments_ended", "remissions_stay"} <= indexes
        folder = os.path.dirname(replay.path)
    assert not os.path.exists(folder)


def test_the_scratch_folder_goes_even_when_the_reader_fails(cli):
    from wbpctl.store import ledger

    add_person(cli)
    with pytest.raises(RuntimeError):
        with ledger.replayed(str(cli.db), 2) as replay:
            folder = os.path.dirname(replay.path)
            raise RuntimeError("a report failed")
    assert not os.path.exists(folder)


def test_a_replay_stops_at_a_broken_link_before_its_event(cli):
    from wbpctl.store import ledger

    add_person(cli)
    add_person(cli, "B.I-2/2025", name="Agus")
    tamper(cli.db, "UPDATE events SET payload = replace(payload, 'Budi', 'Bodi') WHERE seq = 2")
    with ledger.replayed(str(cli.db), 4) as replay:
        assert replay.walked.problem.seq == 2 and replay.walked.seq == 1
    with ledger.replayed(str(cli.db), 1) as replay:      # before the change: sound
        assert replay.walked.problem is None


def test_a_replay_binds_none_as_null_and_leaves_the_adapters_as_they_were(cli):
    # the replay binds None through an adapter of its own (faster), for its own time only
    from wbpctl.store import ledger

    before = dict(sqlite3.adapters)
    with ledger._scratch(str(cli.db)) as (scratch, _, _):
        scratch.execute("CREATE TABLE t (v)")
        scratch.executemany("INSERT INTO t VALUES (?)", [(None,), ("x",)])
        assert scratch.execute("SELECT count(*) FROM t WHERE v IS NULL").fetchone()[0] == 1
    assert sqlite3.adapters == before
