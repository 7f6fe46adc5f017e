"""Ledger heads: `wbpctl head`, the head on every report, reports at a past head."""

import sqlite3

from conftest import add_person


def last_event(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT seq, hash, at, lapas FROM events ORDER BY seq DESC"
                            " LIMIT 1").fetchone()
    finally:
        conn.close()


def test_head_names_the_last_event(cli):
    add_person(cli)
    seq, digest, at, lapas = last_event(cli.db)
    assert cli.json("head") == {"head": f"KTL#{seq}:{digest[:8]}", "lapas": "KTL", "seq": seq,
                                "hash": digest, "at": at}
    text = cli.ok("head").stdout
    assert text.splitlines()[0] == f"KTL#3:{digest[:8]}"
    assert digest in text and at in text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "Peristiwa" in cli.ok("--lang", "id", "head").stdout


def test_head_follows_each_event(cli):
    before = cli.json("head")
    add_person(cli)
    after = cli.json("head")
    assert (before["seq"], after["seq"]) == (1, 3) and before["hash"] != after["hash"]


def test_head_of_a_missing_database_is_a_storage_error(tmp_path):
    from conftest import Cli
    result = Cli(tmp_path / "none.db")("head")
    assert result.exit_code == 4 and "wbpctl init" in result.stderr
