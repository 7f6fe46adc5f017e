"""A ledger made before the sponsor registry (places named their sponsor in free text)
upgrades without a single past event changed: ``init`` registers a sponsor per text and
links the places by new events, the old ledger verifies, and its reports are the same,
byte for byte at its old head."""

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import Cli
from test_import import assert_round_trip

DATA = Path(__file__).resolve().parent / "data"
BEFORE = json.loads((DATA / "ledger-before-sponsors.json").read_text(encoding="utf-8"))
GENERATED = "2026-11-28T06:00:00+00:00"
REPORTS = {   # the report, the options it was made with (see the fixture)
    "monthly": ["report", "monthly", "--month", "2026-10", "--generated-at", GENERATED],
    "opd": ["report", "opd", "--from", "2024-01-01"],
    "readiness": ["report", "readiness", "--within", "365"],
    "recidivism": ["report", "recidivism"],
}


@pytest.fixture
def old(tmp_path) -> Cli:
    """The ledger as wbpctl wrote it before sponsors existed (schema 2, 22 events)."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript((DATA / "ledger-before-sponsors.sql").read_text(encoding="utf-8"))
    for pragma, value in BEFORE["pragmas"].items():
        conn.execute(f"PRAGMA {pragma} = {value}")
    conn.commit()
    conn.close()
    return Cli(path)


def events(db) -> list[tuple]:
    """Every event as its hash covers it (seq, uid, time, actor, Lapas, kind, subject,
    payload, batch, hash), in the layout before schema 6 or after it."""
    conn = sqlite3.connect(db)
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'commands'").fetchone():
        from wbpctl.store.uids import uid_text
        rows = [(seq, uid_text(uid), *rest, digest.hex()) for seq, uid, *rest, digest in
                conn.execute("SELECT e.seq, e.uid, c.at, c.actor, c.lapas, e.kind, e.subject,"
                             " e.payload, c.batch, e.hash FROM events e JOIN commands c"
                             " ON c.id = e.command ORDER BY e.seq")]
    else:
        rows = conn.execute("SELECT seq, uid, at, actor, lapas, kind, subject, payload, batch,"
                            " hash FROM events ORDER BY seq").fetchall()
    conn.close()
    return rows


def same_as_before(report, before, *, head: bool = True):
    """The report as far as it went before: a new section or column may be added since."""
    if isinstance(before, dict):
        return {k: same_as_before(report[k], before[k]) for k in before
                if head or k != "ledger_head"}
    if isinstance(before, list):
        return [same_as_before(r, b) for r, b in zip(report, before)] \
            if len(report) == len(before) else report
    return report


def test_init_upgrades_and_registers_a_sponsor_per_free_text(old):
    refused = old("participant", "list")
    assert refused.exit_code == 4 and "run 'wbpctl init'" in refused.stderr
    past = events(old.db)
    done = old.ok("init")
    assert "6 migration(s)" in done.stderr     # sponsors, products, name search, lean ledger,
    #                                            uids as bytes, lookup indexes
    assert "3 sponsor(s) registered from the sponsors places named in free text" in done.stderr
    assert events(old.db)[:len(past)] == past            # not one past event changed
    added = [e for e in old.json("log") if e["seq"] > len(past)]
    # the old head, named by the first event of format 2; the catalogue now has products
    # too; then the sponsors
    assert [e["kind"] for e in added] == ["ledger.migrated", "catalog.synced"] + \
        ["sponsor.registered"] * 3
    assert added[0]["payload"]["head"] == json.loads(BEFORE["head"])["head"]
    assert added[2]["payload"]["texts"] == ["Yayasan Peduli Jambi", "yayasan peduli jambi"]
    old.ok("verify")
    listed = {s["code"]: s for s in old.json("sponsor", "list")}
    assert {code: (s["name"], s["kind"], s["seats"]) for code, s in listed.items()} == {
        "YAYASAN-PEDULI-JAMBI": ("Yayasan Peduli Jambi", None, 2),
        "PT-SAWIT-MAKMUR": ("PT Sawit Makmur", None, 2),
        "CSR-BANK-JAMBI": ("CSR Bank Jambi", None, 1)}      # the text as corrected
    places = {(e["track"], e["sponsor"]) for reg in ("B.I-1/2025", "B.IIa-2/2025", "B.I-4/2025")
              for e in old.json("participant", "show", reg)["enrolments"]}
    assert places == {("OLAH-MADU", "YAYASAN-PEDULI-JAMBI"), ("ADMINDUK", None),
                      ("IKAN-AIRTAWAR", "CSR-BANK-JAMBI")}
    again = old.ok("init")
    assert "up to date: nothing written" in again.stderr and old.events() == len(past) + 5
    # a sponsor made from a text is a sponsor like any other: its kind can be said now
    old.ok("sponsor", "edit", "PT-SAWIT-MAKMUR", "--kind", "perusahaan")
    old.ok("verify")
    # the people registered before the search index are found as they are spelt too
    assert [p["name"] for p in old.json("participant", "list", "--search", "LESTRI dewi")
            ] == ["Dewi Lestari"]


@pytest.mark.parametrize("name", REPORTS)
def test_reports_are_the_same_after_the_upgrade(old, name):
    before = json.loads(BEFORE[name])
    head = json.loads(BEFORE["head"])["head"]
    old.ok("init")
    at_old_head = old.json(*REPORTS[name], "--at", head)
    assert same_as_before(at_old_head, before) == before
    now = old.json(*REPORTS[name])
    assert same_as_before(now, before, head=False) == same_as_before(before, before, head=False)


def test_an_upgraded_ledger_round_trips_even_after_a_sponsor_is_renamed(old, tmp_path):
    old.ok("init")
    old.ok("sponsor", "edit", "YAYASAN-PEDULI-JAMBI", "--name", "Yayasan Peduli Tungkal")
    copy = assert_round_trip(old, tmp_path)
    assert copy.json("sponsor", "list") == old.json("sponsor", "list")
