"""verify on two cores (a large ledger): another process checks the hashes while this one
replays, or checks the other half with --quick. Forced on here for a small ledger: the
answers must be those of the one-process verify, broken link and all."""

import json
import sqlite3

import pytest

from wbpctl.store import chain, ledger


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


# -- the full verify reads, checks and plans in one process and applies in the other, which
# -- takes a slice to read itself when it has nothing else to do: small slices here, each
# -- read either by the reader or by the replay, must give the answers of one process

@pytest.fixture(params=["reader", "replay"])
def slices(request, two_cores, monkeypatch):
    monkeypatch.setattr(ledger, "SLICE", 7)
    monkeypatch.setattr(ledger._Sharing, "take", lambda self: request.param == "replay")
    return request.param


def test_whoever_reads_each_slice_a_sound_ledger_verifies(slices, demo):
    found = ledger.verify(str(demo.db))
    assert found.problem is None and found.events == demo.events()


@pytest.mark.parametrize("where", ["early", "late"])
def test_whoever_reads_each_slice_a_changed_event_is_found(slices, demo, where):
    conn = sqlite3.connect(demo.db)
    seq = 30 if where == "early" else conn.execute("SELECT max(seq) - 5 FROM events"
                                                   ).fetchone()[0]
    conn.execute("UPDATE events SET payload = replace(payload, '\"', '\"x') WHERE seq = ?",
                 (seq,))
    conn.commit()
    conn.close()
    found = ledger.verify(str(demo.db)).problem
    assert found.kind == "chain" and found.seq == seq
    assert "does not match its hash" in found.detail


def test_whoever_reads_each_slice_a_changed_table_row_is_named(slices, demo):
    conn = sqlite3.connect(demo.db)
    conn.execute("UPDATE enrolments SET hours = 1 WHERE id = 40")
    conn.commit()
    conn.close()
    found = ledger.verify(str(demo.db)).problem
    assert found.kind == "projection" and found.table == "enrolments" and found.key == "40"


def rehashed(db, seq: int, change) -> None:
    """Change the payload of event ``seq`` and make its hash again (as someone who knows
    the formula would): the link of the event after it is what breaks."""
    conn = sqlite3.connect(db)
    uid, kind, subject, payload, at, actor, lapas, batch = conn.execute(
        "SELECT e.uid, e.kind, e.subject, e.payload, c.at, c.actor, c.lapas, c.batch"
        " FROM events e JOIN commands c ON c.id = e.command WHERE e.seq = ?", (seq,)
    ).fetchone()
    prev = conn.execute("SELECT hash FROM events WHERE seq = ?", (seq - 1,)).fetchone()[0]
    payload = chain.payload_json(change(json.loads(payload)))
    conn.execute("UPDATE events SET payload = ?, hash = ? WHERE seq = ?",
                 (payload, chain.hash_v2(prev, uid, at, actor, lapas, kind, subject, payload,
                                         batch), seq))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("last_of_its_slice", [True, False])
@pytest.mark.parametrize("breakage", ["no such row", "a field missing"])
def test_an_event_that_cannot_be_applied_is_named_by_its_broken_link(
        slices, demo, last_of_its_slice, breakage):
    # the last of a slice is applied (or planned) before the reader checks the event
    # after it: the step that fails must not hide the broken link
    conn = sqlite3.connect(demo.db)
    seq = conn.execute(
        "SELECT min(seq) FROM events WHERE kind = 'enrolment.completed' AND seq % 7 "
        + ("= 0" if last_of_its_slice else "= 3")).fetchone()[0]
    conn.close()
    change = (lambda p: {**p, "uid": "00000000-0000-7000-8000-000000000000"}) \
        if breakage == "no such row" else (lambda p: {k: v for k, v in p.items() if k != "on"})
    rehashed(demo.db, seq, change)
    found = ledger.verify(str(demo.db)).problem
    assert found.kind == "chain" and found.seq == seq + 1
    assert "does not match its hash" in found.detail


def test_whoever_reads_each_slice_a_merged_ledger_verifies(slices, tmp_path):
    from test_federation import ready
    from conftest import add_person

    ktl, jmb, kanwil = (ready(tmp_path, code) for code in ("KTL", "JMB", "KWJ"))
    for n in range(1, 6):
        add_person(ktl, f"B.I-{n}/2025", name=f"Budi {n}")
        add_person(jmb, f"B.I-{n}/2025", name=f"Siti {n}")
        add_person(kanwil, f"B.I-{n}/2025", name=f"Agus {n}")
        kanwil.ok("merge", str(ktl.db), str(jmb.db))
    assert ledger.verify(str(kanwil.db)).problem is None
    conn = sqlite3.connect(kanwil.db)
    conn.execute("UPDATE people SET name = 'Siti' WHERE name = 'Siti 3'")
    conn.commit()
    conn.close()
    found = ledger.verify(str(kanwil.db)).problem
    assert found.kind == "projection" and found.table == "people"
    conn = sqlite3.connect(kanwil.db)
    conn.execute("UPDATE events SET payload = replace(payload, 'Siti 4', 'Sita 4')"
                 " WHERE payload LIKE '%Siti 4%'")
    conn.commit()
    conn.close()
    for quick in (False, True):      # an event of a merged chain: its n, its Lapas
        found = ledger.verify(str(kanwil.db), quick=quick).problem
        assert (found.kind, found.seq, found.lapas) == ("chain", 5, "JMB")


@pytest.fixture
def upgraded(tmp_path):
    """The demo ledger of schema 5 upgraded: every event but the last keeps its format-1
    hash."""
    import gzip
    from pathlib import Path

    from conftest import Cli

    path = tmp_path / "old.db"
    data = Path(__file__).resolve().parent / "data" / "ledger-schema5-demo.db.gz"
    path.write_bytes(gzip.decompress(data.read_bytes()))
    old = Cli(path)
    old.ok("init")
    return old


@pytest.mark.parametrize("quick", [False, True])
def test_an_upgraded_ledger_verifies_and_a_changed_old_event_is_found(two_cores, upgraded,
                                                                      quick):
    assert ledger.verify(str(upgraded.db), quick=quick).problem is None
    conn = sqlite3.connect(upgraded.db)
    legacy = conn.execute("SELECT legacy_upto FROM chains WHERE id = 0").fetchone()[0]
    assert legacy > 100
    for seq in (10, legacy - 3):        # in either half
        conn.execute("UPDATE events SET subject = subject || 'x' WHERE seq = ?", (seq,))
        conn.commit()
        found = ledger.verify(str(upgraded.db), quick=quick).problem
        assert found.kind == "chain" and found.seq == seq
        conn.execute("UPDATE events SET subject = substr(subject, 1, length(subject) - 1)"
                     " WHERE seq = ?", (seq,))
        conn.commit()
    conn.close()
