"""verify on two cores (a large ledger): another process checks the hashes while this one
replays, or checks the other half with --quick. Forced on here for a small ledger: the
answers must be those of the one-process verify, broken link and all."""

import sqlite3

import pytest

from wbpctl.store import ledger


@pytest.fixture
def two_cores(monkeypatch):
    if not ledger._parallel():
        pytest.skip("needs fork and two cores")
    monkeypatch.setattr(ledger, "PARALLEL_FROM", 1)


@pytest.fixture
def demo(cli):
    from conftest import Cli
    demo = Cli(cli.db.parent / "demo.db")
    demo.ok("init", "--demo")
    return demo


def test_a_sound_ledger_verifies_the_same(two_cores, demo):
    whole = ledger.verify(str(demo.db))
    quick = ledger.verify(str(demo.db), quick=True)
    assert whole.problem is None and quick.problem is None
    assert whole.events == quick.events == demo.events()


@pytest.mark.parametrize("quick", [False, True])
@pytest.mark.parametrize("where", ["early", "late"])
def test_a_changed_event_is_found_by_either_process(two_cores, demo, quick, where):
    conn = sqlite3.connect(demo.db)
    seq = 30 if where == "early" else conn.execute("SELECT max(seq) - 5 FROM events"
                                                   ).fetchone()[0]
    conn.execute("UPDATE events SET payload = replace(payload, '\"', '\"x') WHERE seq = ?",
                 (seq,))        # not even JSON any more: the replay cannot apply it
    conn.commit()
    conn.close()
    found = ledger.verify(str(demo.db), quick=quick)
    assert found.problem is not None and found.problem.kind == "chain"
    assert found.problem.seq == seq and "does not match its hash" in found.problem.detail


def test_a_changed_table_row_is_still_named(two_cores, demo):
    conn = sqlite3.connect(demo.db)
    conn.execute("UPDATE stays SET crime = 'lain' WHERE id = 3")
    conn.commit()
    conn.close()
    found = ledger.verify(str(demo.db))
    assert found.problem.kind == "projection" and found.problem.table == "stays"


def test_the_quick_halves_name_a_missing_event_and_a_ledger_of_one_event(two_cores, demo, cli):
    assert ledger.verify(str(cli.db), quick=True).problem is None     # one event: no halves
    conn = sqlite3.connect(demo.db)
    middle = conn.execute("SELECT max(seq) / 2 FROM events").fetchone()[0]
    conn.execute("DELETE FROM events WHERE seq = ?", (middle,))
    conn.commit()
    conn.close()
    found = ledger.verify(str(demo.db), quick=True).problem
    assert found is not None and found.seq == middle and "missing" in found.detail
