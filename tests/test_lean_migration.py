"""A ledger written by the wbpctl before the lean format (schema 5: the demo, every kind of
event) upgrades with its chain checked first, every past event kept with its hash, the
old head named in the new chain, and every answer the same: the log, every report (byte
for byte at the old head), the export and the list."""

import json
import sqlite3

import pytest

from conftest import Cli, answers_of, dump, ledger_written_before

BEFORE = answers_of("ledger-schema5-demo")
OLD_HEAD = json.loads(BEFORE["outputs"]["head"])


@pytest.fixture
def old(tmp_path) -> Cli:
    """The demo ledger as the wbpctl of schema 5 wrote it, with its checkpoint file."""
    return ledger_written_before(tmp_path, "ledger-schema5-demo")


def test_the_upgrade_keeps_every_event_and_names_the_old_head(old):
    done = old.ok("init")
    assert "3 migration(s)" in done.stderr   # the lean format, uids as bytes, lookup indexes
    log = old.json("log")
    before = json.loads(BEFORE["outputs"]["log"])
    assert log[:len(before)] == before                      # every past event, as it was
    migrated = log[len(before)]
    assert migrated["kind"] == "ledger.migrated"
    assert migrated["payload"]["head"] == OLD_HEAD["head"]
    assert migrated["payload"]["hash"] == OLD_HEAD["hash"]
    verified = old.ok("verify")                             # with the old checkpoint file
    assert "1 checkpoint" in verified.stderr or "checkpoint" in verified.stderr
    assert old.ok("verify", "--head", OLD_HEAD["head"]).exit_code == 0
    assert "up to date" in old.ok("init").stderr             # a second run writes nothing


@pytest.mark.parametrize("name", ["monthly", "opd", "readiness", "recidivism", "sponsors",
                                  "sales"])
def test_every_report_at_the_old_head_is_the_same_byte_for_byte(old, name):
    old.ok("init")
    command = BEFORE["commands"][name]
    assert old.ok(*command, "--at", OLD_HEAD["head"]).stdout == BEFORE["outputs"][name]
    now = json.loads(old.ok(*command).stdout)
    then = json.loads(BEFORE["outputs"][name])
    now.pop("ledger_head"), then.pop("ledger_head")
    assert now == then                                       # and now, but for the head


@pytest.mark.parametrize("name", ["export_all", "participants"])
def test_the_export_and_the_list_are_the_same(old, name):
    old.ok("init")
    assert old.ok(*BEFORE["commands"][name]).stdout == BEFORE["outputs"][name]


def test_the_new_format_is_smaller(old, tmp_path):
    def events_bytes(db):
        conn = sqlite3.connect(db)
        try:
            return sum(r[0] for r in conn.execute(
                "SELECT pgsize FROM dbstat WHERE name LIKE '%events%'"))
        finally:
            conn.close()
    before = events_bytes(old.db)
    old.ok("init")
    assert events_bytes(old.db) < before * 0.75


def test_a_broken_old_chain_is_refused_and_left_as_it_was(old):
    conn = sqlite3.connect(old.db)
    conn.execute("UPDATE events SET payload = replace(payload, 'Budi', 'Bodi')"
                 " WHERE seq = (SELECT min(seq) FROM events WHERE payload LIKE '%\"Budi%')")
    conn.commit()
    conn.close()
    before = dump(old.db)
    result = old("init")
    assert result.exit_code == 4 and "cannot be upgraded: it is broken at event #" \
        in result.stderr
    assert dump(old.db) == before
