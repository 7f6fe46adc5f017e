"""Enrolments and remissions files are decided mostly in batches
(``services.import_bulk``): what the import says, writes and refuses is what it says,
writes and refuses when every row goes the one-by-one way, row for row."""

import json
import sqlite3

import pytest

from conftest import add_person
from test_cli_tracks import SmallCli, small_config

import wbpctl.services.import_bulk as import_bulk

HEADER = "reg_no,nik,track,assigned_on,sponsor\n"
NIK_5 = "1506045203900005"


@pytest.fixture
def ledger(db, tmp_path):
    """Tracks of 2 places; eight people, one released, one with a NIK, one with a voided
    place, and a sponsor."""
    runner = SmallCli(db, small_config(tmp_path))
    runner.ok("init")
    for n in (1, 2, 3, 4, 5, 7, 8):
        extra = {"nik": NIK_5, "gender": "P"} if n == 5 else {}
        add_person(runner, f"B.I-{n}/2025", name=f"Orang {n}", detained="2025-01-10", **extra)
    add_person(runner, "B.IIa-6/2025", name="Orang 6", detained="2025-01-10", sentence="4m")
    runner.ok("release", "B.IIa-6/2025", "--on", "2025-06-01", "--type", "ekspirasi")
    runner.ok("assign", "B.I-7/2025", "KRIYA-DAUR", "--on", "2025-08-01")
    runner.ok("void", "B.I-7/2025", "KRIYA-DAUR", "--on", "2025-08-01", "--reason", "salah")
    runner.ok("sponsor", "add", "--name", "Yayasan Peduli", "--kind", "lembaga")
    return runner


def facts(db, tables: tuple[str, ...] = ("enrolments", "remissions", "stays")) -> dict:
    """What a ledger holds, less what is new each time (uids, hashes, the time; the uid
    of a stay an import registers)."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    events = [(r["kind"], r["subject"], {k: v for k, v in json.loads(r["payload"]).items()
                                         if k not in ("uid", "stay")})
              for r in conn.execute("SELECT kind, subject, payload FROM events ORDER BY seq")]
    tables = {table: [{k: r[k] for k in r.keys() if k != "uid"}
                      for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
              for table in tables}
    conn.close()
    return {"events": events, **tables}


def both(ledger, monkeypatch, tmp_path, text: str, kind: str = "enrolments", *args: str,
         tables: tuple[str, ...] = ("enrolments", "remissions", "stays")):
    """The same file imported the bulk way and the one-by-one way, each into a fresh copy
    of the ledger: (exit code, stdout, stderr, errors file, facts) of each, and how many
    rows the bulk way decided itself."""
    source = tmp_path / f"{kind}.csv"
    source.write_text(text, encoding="utf-8")
    start = ledger.db.read_bytes()
    decided = []
    paths = list(import_bulk.BULK.values()) if kind == "all" else [import_bulk.BULK[kind]]

    def counted(decide):
        def decide_and_count(self, values):
            outcome = decide(self, values)
            decided.append(outcome)
            return outcome
        return decide_and_count

    outcomes = []
    for way in ("bulk", "one by one"):
        ledger.db.write_bytes(start)
        for path in paths:
            monkeypatch.setattr(path, "_decide", counted(path._decide) if way == "bulk"
                                else lambda self, values: None)
        errors = tmp_path / f"errors-{way}.csv"
        result = ledger("import", kind, str(source), "--errors", str(errors), *args)
        outcomes.append((result.exit_code, result.stdout, result.stderr,
                         errors.read_text(encoding="utf-8") if errors.exists() else None,
                         facts(ledger.db, tables)))
    return outcomes, sum(1 for outcome in decided if outcome is not None)


GOOD = HEADER + "".join([
    "B.I-1/2025,,OLAH-MADU,2025-09-01,\n",        # a place
    "B.I-2/2025,,Pengolahan madu hutan,2025-09-01,\n",   # the track by its name: the last place
    "B.I-3/2025,,OLAH-MADU,2025-09-02,\n",        # the waitlist
    "B.I-1/2025,,OLAH-MADU,2025-09-01,\n",        # the same place again: unchanged
    "B.I-1/2025,,BUN-UNGGUL,2025-09-01,\n",       # the same person, another track
    f",{NIK_5},BUN-UNGGUL,2025-09-01,\n",         # by NIK: the last place
    "B.I-2/2025,,BUN-UNGGUL,2025-09-02,\n",       # counted after the row by NIK: waits
    "B.I-4/2025,,BUN-UNGGUL,2025-09-03,Yayasan Peduli\n",   # a sponsor
    "B.I-4/2025,,OLAH-MADU,2025-09-03,\n",        # after the sponsor's row: still waiting
    "B.IIa-6/2025,,SALUR-KERJA,2025-07-01,\n",      # released: a post-release track
    "B.I-7/2025,,KRIYA-DAUR,2025-08-01,\n",       # the voided place: unchanged
    "b.i 8/2025,,kriya-daur,01/09/2025,\n",       # as a spreadsheet may write it
])


def test_a_good_file_writes_what_one_by_one_writes(ledger, monkeypatch, tmp_path):
    (bulk, single), decided = both(ledger, monkeypatch, tmp_path, GOOD)
    assert bulk[0] == 0, bulk[2]
    assert bulk == single
    assert decided >= 6          # the rows the bulk way can decide, it did
    assert "10 new, 0 changed, 2 unchanged" in bulk[2]
    madu = ledger.json("track", "show", "OLAH-MADU")
    assert [p["reg_no"] for p in madu["active"]] == ["B.I-1/2025", "B.I-2/2025"]
    assert [p["reg_no"] for p in madu["waitlist"]] == ["B.I-3/2025", "B.I-4/2025"]
    bun = ledger.json("track", "show", "BUN-UNGGUL")
    assert [p["reg_no"] for p in bun["waitlist"]] == ["B.I-2/2025", "B.I-4/2025"]
    kriya = ledger.json("track", "show", "KRIYA-DAUR")
    assert [p["reg_no"] for p in kriya["active"]] == ["B.I-8/2025"]     # not the voided


BAD = HEADER + "".join([
    "B.I-1/2025,,OLAH-MADU,2025-09-01,\n",
    "B.I-1/2025,,OLAH-MADU,2025-09-03,\n",        # already in the track
    "B.I-9/2025,,OLAH-MADU,2025-09-01,\n",        # nobody has the number
    "B.I-2/2025,,NOPE,2025-09-01,\n",             # no such track
    "B.I-2/2025,,BUN-UNGGUL,2027-01-01,\n",       # the future
    "B.I-2/2025,,BUN-UNGGUL,2024-12-01,\n",       # before the stay
    "B.IIa-6/2025,,BUN-UNGGUL,2025-07-01,\n",       # released: custody tracks are closed
    "B.I-3/2025,,SALUR-KERJA,2025-09-01,\n",      # inside: post-release tracks are closed
    "JMB:B.I-1/2025,,OLAH-MADU,2025-09-01,\n",    # another Lapas
    "B.I-2/2025,,BUN-UNGGUL,,\n",                 # no date
    "B.I-2/2025,,BUN-UNGGUL,2025-09-01,,stray\n", # a cell outside the columns
    "B.I-2/2025,,BUN-UNGGUL,2025-09-01,\n",       # a good row among the bad
])


def test_a_bad_file_is_refused_row_for_row_as_one_by_one_refuses_it(ledger, monkeypatch,
                                                                     tmp_path):
    before = facts(ledger.db)
    (bulk, single), decided = both(ledger, monkeypatch, tmp_path, BAD)
    assert bulk[0] == 1
    assert bulk == single
    assert decided >= 2
    lines = [row.split(",")[0] for row in bulk[3].splitlines()[1:]]
    assert len(lines) == 10 and lines[0] == "B.I-1/2025"      # every row but two
    assert bulk[4] == before                                   # nothing written


def test_a_track_with_room_and_a_waitlist_moves_the_line_first(db, tmp_path, monkeypatch):
    """Room a bigger capacity made, with people waiting: the first in line gets it before
    a row of the file does, as ``assign`` does it."""
    runner = SmallCli(db, small_config(tmp_path, capacity=1))
    runner.ok("init")
    for n in range(1, 5):
        add_person(runner, f"B.I-{n}/2025", name=f"Orang {n}", detained="2025-01-10")
    runner.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01")
    runner.ok("assign", "B.I-2/2025", "OLAH-MADU", "--on", "2025-03-01")    # waits
    (tmp_path / "bigger").mkdir()
    ledger = SmallCli(db, small_config(tmp_path / "bigger", capacity=3))
    ledger.ok("init")
    text = HEADER + "B.I-3/2025,,OLAH-MADU,2025-09-01,\nB.I-4/2025,,OLAH-MADU,2025-09-01,\n"
    (bulk, single), _ = both(ledger, monkeypatch, tmp_path, text)
    assert bulk == single and bulk[0] == 0
    roster = ledger.json("track", "show", "OLAH-MADU")
    assert [p["reg_no"] for p in roster["active"]] == ["B.I-1/2025", "B.I-2/2025",
                                                       "B.I-3/2025"]
    assert [p["reg_no"] for p in roster["waitlist"]] == ["B.I-4/2025"]


def test_batches_end_anywhere_in_the_file(ledger, monkeypatch, tmp_path):
    monkeypatch.setattr(import_bulk.Places, "SIZE", 2)
    (bulk, single), _ = both(ledger, monkeypatch, tmp_path, GOOD)
    assert bulk == single and bulk[0] == 0
    ledger.ok("verify")


def test_what_a_row_is_decided_on_is_found_by_index(ledger, tmp_path):
    """One query a row (``placement_facts`` and the others); each of its lookups uses an
    index, and places by the person's (not by the track or the day, which a file of one
    cohort fills: each row would step through all of them), so a big file's rows cost
    what a small one's do."""
    from wbpctl.store import connection, queries

    cohort = HEADER + "".join(f"B.I-{n}/2025,,OLAH-MADU,2025-09-01,\n" for n in (1, 2, 3))
    (tmp_path / "cohort.csv").write_text(cohort, encoding="utf-8")
    ledger.ok("import", "enrolments", str(tmp_path / "cohort.csv"))
    conn = connection.connect(ledger.db)
    said: list[str] = []
    conn.set_trace_callback(said.append)
    key = ("KTL", "B.I", 7, 2025)
    placed = queries.placement_facts(conn, *key, "KRIYA-DAUR", "2025-08-01")
    assert placed["voided"] and not placed["asked_that_day"] and placed["open_status"] is None
    for ended in (("completed", "failed"), ("dropped",)):
        queries.ending_facts(conn, *key, "OLAH-MADU", "2025-09-01", ended)
    queries.remission_facts(conn, *key)
    conn.set_trace_callback(None)
    for sql in said:
        steps = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        # "SCAN r": the remissions of one stay, read by their index into a subquery
        assert not [s for s in steps if s.startswith("SCAN") and s != "SCAN r"], steps
        assert "SEARCH v USING INDEX events_subject (<expr>=?)" in steps
        places = [s for s in steps if s.startswith(("SEARCH e ", "SEARCH enrolments "))]
        assert all("enrolments_person (person_id=?" in s for s in places), steps
        assert "SCAN r" not in steps or \
            "SEARCH remissions USING INDEX remissions_stay (stay_id=?)" in steps, steps
    conn.close()


@pytest.fixture
def stays(cli):
    """Four stays of three years from 2024, a pre-trial stay, a stay with a remission and
    one whose remission was voided."""
    for n in (1, 2, 3, 4, 6, 7):
        add_person(cli, f"B.I-{n}/2025", name=f"Orang {n}", detained="2024-01-10",
                   **({"nik": NIK_5, "gender": "P"} if n == 4 else {}))
    cli.ok("participant", "add", "--name", "Orang 5", "--reg-no", "A.I-5/2025",
           "--detained", "2024-01-10")
    cli.ok("remission", "add", "B.I-6/2025", "--on", "2024-08-17", "--kind", "RU",
           "--days", "30")
    cli.ok("void", "B.I-6/2025", "remission", "--on", "2024-08-17", "--reason", "SK salah")
    cli.ok("remission", "add", "B.I-7/2025", "--on", "2024-08-17", "--kind", "RU",
           "--days", "30")
    return cli


GRANTS = "reg_no,nik,granted_on,kind,days,override\n"

GOOD_GRANTS = GRANTS + "".join([
    "B.I-1/2025,,2024-08-17,RU,30,\n",
    "B.I-1/2025,,2024-12-25,RK,15,\n",           # the same stay again
    "B.I-1/2025,,17/08/2025,ru,1 bulan,\n",       # as a spreadsheet may write it
    "B.I-2/2025,,2024-08-17,RU,30,\n",
    "B.I-2/2025,,2024-09-17,RU,30,SK susulan\n",  # a second RU in a year, with a reason
    f",{NIK_5},2024-08-17,RU,30,\n",              # by NIK
    "B.I-3/2025,,2024-08-17,RU,30,\n",
    "B.I-7/2025,,2024-08-17,RU,30,\n",           # recorded: unchanged
    "B.I-6/2025,,2024-08-17,RU,30,\n",           # voided: unchanged
    "B.I-1/2025,,2024-08-17,RU,30,\n",           # earlier in this file: unchanged
])


def test_a_good_remissions_file_writes_what_one_by_one_writes(stays, monkeypatch, tmp_path):
    (bulk, single), decided = both(stays, monkeypatch, tmp_path, GOOD_GRANTS, "remissions")
    assert bulk[0] == 0, bulk[2]
    assert bulk == single
    assert decided >= 6
    assert "7 new, 0 changed, 3 unchanged" in bulk[2]
    one = stays.json("participant", "show", "B.I-1/2025")["remissions"]
    assert [(r["kind"], r["days"]) for r in one] == [("RU", 30), ("RK", 15), ("RU", 30)]
    stays.ok("verify")


BAD_GRANTS = GRANTS + "".join([
    "B.I-1/2025,,2024-08-17,RU,30,\n",
    "B.I-1/2025,,2024-09-17,RU,30,\n",           # a second RU in a year, no reason
    "B.I-7/2025,,2024-08-17,RU,45,\n",           # recorded with other days
    "B.I-9/2025,,2024-08-17,RU,30,\n",           # nobody has the number
    "A.I-5/2025,,2024-08-17,RU,30,\n",           # pre-trial
    "B.I-2/2025,,2023-08-17,RU,30,\n",           # before the stay
    "B.I-2/2025,,2030-08-17,RU,30,\n",           # the future
    "B.I-2/2025,,2024-08-17,XX,30,\n",           # no such kind
    "B.I-2/2025,,2024-08-17,RU,lots,\n",         # no number of days
    "B.I-2/2025,,2024-08-17,RU,30,\n",           # a good row among the bad
])


def test_a_bad_remissions_file_is_refused_as_one_by_one_refuses_it(stays, monkeypatch,
                                                                   tmp_path):
    before = facts(stays.db)
    (bulk, single), decided = both(stays, monkeypatch, tmp_path, BAD_GRANTS, "remissions")
    assert bulk[0] == 1
    assert bulk == single
    assert decided >= 2
    assert len(bulk[3].splitlines()) == 1 + 8
    assert bulk[4] == before


def test_a_correction_of_days_goes_the_one_by_one_way(stays, monkeypatch, tmp_path):
    text = GRANTS + "B.I-7/2025,,2024-08-17,RU,45,\nB.I-1/2025,,2024-08-17,RU,30,\n"
    (bulk, single), _ = both(stays, monkeypatch, tmp_path, text, "remissions", "--update")
    assert bulk == single and bulk[0] == 0
    seven = stays.json("participant", "show", "B.I-7/2025")["remissions"]
    assert [(r["kind"], r["days"]) for r in seven] == [("RU", 45)]


@pytest.fixture
def lines(db, tmp_path):
    """Tracks of 2 places: OLAH-MADU with two active and three in line, KRIYA-DAUR with
    one active and one whose completion was voided."""
    runner = SmallCli(db, small_config(tmp_path))
    runner.ok("init")
    for n in range(1, 10):
        add_person(runner, f"B.I-{n}/2025", name=f"Orang {n}", detained="2025-01-10",
                   **({"nik": NIK_5, "gender": "P"} if n == 5 else {}))
    for n in range(1, 6):
        runner.ok("assign", f"B.I-{n}/2025", "OLAH-MADU", "--on", f"2025-03-0{n}")
    for n in (6, 7):
        runner.ok("assign", f"B.I-{n}/2025", "KRIYA-DAUR", "--on", "2025-03-01")
    runner.ok("complete", "B.I-7/2025", "KRIYA-DAUR", "--on", "2025-08-01")
    runner.ok("void", "B.I-7/2025", "KRIYA-DAUR", "--on", "2025-08-01", "--reason", "salah")
    return runner


def roster(cli, track: str) -> tuple[list[str], list[str]]:
    shown = cli.json("track", "show", track)
    return ([p["reg_no"] for p in shown["active"]], [p["reg_no"] for p in shown["waitlist"]])


ENDS = "reg_no,nik,track,completed_on,hours,result,certificate\n"

GOOD_ENDS = ENDS + "".join([
    "B.I-1/2025,,OLAH-MADU,2025-09-01,40,lulus,MADU-1\n",     # B.I-3 moves up
    "B.I-3/2025,,OLAH-MADU,2025-09-02,\"12,5\",,MADU-2\n",   # moved up in this file
    "B.I-1/2025,,OLAH-MADU,2025-09-01,40,lulus,MADU-1\n",     # again: unchanged
    f",{NIK_5},OLAH-MADU,2025-09-03,,,\n",                     # by NIK: waits still
    "B.I-2/2025,,Pengolahan madu hutan,03/09/2025,,gagal,\n",  # B.I-4 moves up
    "B.I-6/2025,,KRIYA-DAUR,2025-09-01,10,,\n",               # nobody in line
    "B.I-7/2025,,KRIYA-DAUR,2025-08-01,,,\n",                 # the voided: unchanged
])


@pytest.mark.parametrize("chunk, size", [(500, 2000), (1, 2)])
def test_a_good_completions_file_writes_what_one_by_one_writes(lines, monkeypatch, tmp_path,
                                                               chunk, size):
    """Each completion moves the first in line up, who may complete later in the file;
    a line read a few at a time, and batches of two, change nothing."""
    monkeypatch.setattr(import_bulk.Line, "CHUNK", chunk)
    monkeypatch.setattr(import_bulk.Bulk, "SIZE", size)
    text = GOOD_ENDS.replace(f",{NIK_5},OLAH-MADU,2025-09-03,,,\n", "")
    (bulk, single), decided = both(lines, monkeypatch, tmp_path, text, "completions")
    assert bulk[0] == 0, bulk[2]
    assert bulk == single
    assert decided >= 3
    assert "4 new, 0 changed, 2 unchanged" in bulk[2]
    assert roster(lines, "OLAH-MADU") == (["B.I-4/2025", "B.I-5/2025"], [])
    lines.ok("verify")


BAD_ENDS = GOOD_ENDS + "".join([
    "B.I-4/2025,,OLAH-MADU,2025-09-04,,,MADU-1\n",            # a certificate given before
    "B.I-8/2025,,OLAH-MADU,2025-09-04,,,\n",                  # never in the track
    "B.I-4/2025,,OLAH-MADU,2025-02-01,,,\n",                  # before the place began
    "B.I-4/2025,,OLAH-MADU,2025-09-04,lots,,\n",              # no number of hours
    "B.I-4/2025,,OLAH-MADU,2025-09-04,,maybe,\n",             # no such result
    "B.I-9/2025,,ADMINDUK,2025-09-04,,,\n",                   # never in that track
    "B.I-4/2025,,OLAH-MADU,2025-09-05,,,\n",                  # a good row among the bad
])


def test_a_bad_completions_file_is_refused_as_one_by_one_refuses_it(lines, monkeypatch,
                                                                    tmp_path):
    before = facts(lines.db)
    (bulk, single), decided = both(lines, monkeypatch, tmp_path, BAD_ENDS, "completions")
    assert bulk[0] == 1
    assert bulk == single
    assert decided >= 3
    assert len(bulk[3].splitlines()) == 1 + 7      # the row by NIK: still waiting
    assert bulk[4] == before


DROPS = "reg_no,nik,track,dropped_on,reason\n"

GOOD_DROPS = DROPS + "".join([
    "B.I-4/2025,,OLAH-MADU,2025-09-01,sakit\n",               # out of the line
    "B.I-1/2025,,OLAH-MADU,2025-09-01,bebas\n",               # B.I-3 moves up
    "B.I-3/2025,,OLAH-MADU,2025-09-02,keamanan\n",            # moved up in this file
    "B.I-2/2025,,OLAH-MADU,2025-09-03,sakit\n",               # nobody left in line
    "B.I-1/2025,,OLAH-MADU,2025-09-01,bebas\n",               # again: unchanged
    f",{NIK_5},OLAH-MADU,2025-09-03,lain\n",                   # by NIK
    "B.I-6/2025,,KRIYA-DAUR,2025-09-01,withdrawn-own\n",      # nobody in line
])


@pytest.mark.parametrize("chunk, size", [(500, 2000), (1, 2)])
def test_a_good_drops_file_writes_what_one_by_one_writes(lines, monkeypatch, tmp_path, chunk,
                                                         size):
    monkeypatch.setattr(import_bulk.Line, "CHUNK", chunk)
    monkeypatch.setattr(import_bulk.Bulk, "SIZE", size)
    (bulk, single), decided = both(lines, monkeypatch, tmp_path, GOOD_DROPS, "drops")
    assert bulk[0] == 0, bulk[2]
    assert bulk == single
    assert decided >= 3
    assert "6 new, 0 changed, 1 unchanged" in bulk[2]
    assert roster(lines, "OLAH-MADU") == ([], [])
    lines.ok("verify")


def test_a_bad_drops_file_is_refused_as_one_by_one_refuses_it(lines, monkeypatch, tmp_path):
    before = facts(lines.db)
    text = GOOD_DROPS + "".join([
        "B.I-8/2025,,OLAH-MADU,2025-09-04,sakit\n",           # never in the track
        "B.I-7/2025,,KRIYA-DAUR,2025-02-01,sakit\n",          # before the place was asked
        "B.I-7/2025,,KRIYA-DAUR,2025-09-04,bosan\n",          # no such reason
        "B.I-7/2025,,NOPE,2025-09-04,sakit\n",                # no such track
        "B.I-7/2025,,KRIYA-DAUR,2025-09-04,sakit\n",          # a good row among the bad
    ])
    (bulk, single), decided = both(lines, monkeypatch, tmp_path, text, "drops")
    assert bulk[0] == 1
    assert bulk == single
    assert decided >= 3
    assert len(bulk[3].splitlines()) == 1 + 4
    assert bulk[4] == before


def test_a_certificate_number_twice_in_a_file_is_refused_the_second_time(lines, monkeypatch,
                                                                          tmp_path):
    text = ENDS + ("B.I-1/2025,,OLAH-MADU,2025-09-01,,,X-1\n"
                   "B.I-2/2025,,OLAH-MADU,2025-09-01,,,X-1\n")
    (bulk, single), decided = both(lines, monkeypatch, tmp_path, text, "completions")
    assert bulk == single
    assert bulk[0] == 1 and "X-1" in bulk[2] and decided == 1


def test_an_export_of_everything_comes_back_alike_either_way(lines, db, monkeypatch,
                                                              tmp_path):
    """``import all``: rows of each kind decided in batches, the kinds in file order."""
    for n in (1, 6):
        lines.ok("complete", f"B.I-{n}/2025", "OLAH-MADU" if n == 1 else "KRIYA-DAUR",
                 "--on", "2025-09-01", "--certificate", f"C-{n}")
    lines.ok("drop", "B.I-4/2025", "OLAH-MADU", "--on", "2025-09-02", "--reason", "sakit")
    lines.ok("remission", "add", "B.I-2/2025", "--on", "2025-08-17", "--kind", "RU",
             "--days", "30")
    everything = tmp_path / "all.csv"
    lines.ok("export", "all", "--reveal", "-o", str(everything))
    (tmp_path / "copy").mkdir()
    copy = SmallCli(tmp_path / "copy" / "wbp.db", small_config(tmp_path / "copy"))
    copy.ok("init")
    (bulk, single), decided = both(copy, monkeypatch, tmp_path,
                                   everything.read_text(encoding="utf-8"), "all")
    assert bulk[0] == 0, bulk[2]
    assert bulk == single
    assert decided >= 8
    assert roster(copy, "OLAH-MADU") == roster(lines, "OLAH-MADU")
    copy.ok("verify")


@pytest.fixture
def releasing(db, tmp_path):
    """Tracks of 2 places; six four-month stays that expire on 10 May 2025 (two with a
    place in OLAH-MADU and two in line for it, one with places in KRIYA-DAUR and
    PASAR-KOP, one whose release was voided), a three-year stay, and a pre-trial one."""
    runner = SmallCli(db, small_config(tmp_path))
    runner.ok("init")
    for n in range(1, 7):
        add_person(runner, f"B.IIa-{n}/2025", name=f"Orang {n}", detained="2025-01-10",
                   sentence="4m", **({"nik": NIK_5, "gender": "P"} if n == 2 else {}))
    add_person(runner, "B.I-7/2025", name="Orang 7", detained="2025-01-10")
    runner.ok("participant", "add", "--name", "Orang 8", "--reg-no", "A.I-8/2025",
              "--detained", "2025-01-10")
    for n in range(1, 5):
        runner.ok("assign", f"B.IIa-{n}/2025", "OLAH-MADU", "--on", f"2025-03-0{n}")
    runner.ok("assign", "B.IIa-1/2025", "PASAR-KOP", "--on", "2025-03-01")
    runner.ok("assign", "B.IIa-5/2025", "KRIYA-DAUR", "--on", "2025-03-01")
    runner.ok("assign", "B.IIa-5/2025", "PASAR-KOP", "--on", "2025-03-01")
    runner.ok("release", "B.IIa-6/2025", "--on", "2025-05-10", "--type", "ekspirasi")
    runner.ok("void", "B.IIa-6/2025", "release", "--on", "2025-05-10", "--reason", "salah")
    return runner


RELEASES = "reg_no,nik,released_on,release_type,override,to_lapas\n"

GOOD_RELEASES = RELEASES + "".join([
    "B.IIa-1/2025,,2025-05-10,ekspirasi,,\n",      # OLAH-MADU ends: B.IIa-3 moves up
    "B.IIa-3/2025,,10/05/2025,Bebas Murni,,\n",     # moved up in this file: B.IIa-4 next
    "B.IIa-1/2025,,2025-05-10,ekspirasi,,\n",      # again: unchanged
    f",{NIK_5},2025-08-01,ekspirasi,,\n",           # by NIK, late: a warning
    "B.IIa-5/2025,,2025-04-01,meninggal,,\n",     # a death ends every place
    "B.IIa-6/2025,,2025-05-10,ekspirasi,,\n",      # voided: unchanged
    "B.I-7/2025,,2025-06-01,ekspirasi,grasi,\n",   # early, with a reason
])


def test_a_good_releases_file_writes_what_one_by_one_writes(releasing, monkeypatch,
                                                            tmp_path):
    (bulk, single), decided = both(releasing, monkeypatch, tmp_path, GOOD_RELEASES,
                                   "releases")
    assert bulk[0] == 0, bulk[2]
    assert bulk == single
    assert decided >= 3
    assert "5 new, 0 changed, 2 unchanged" in bulk[2] and "2025-05-10" in bulk[2]
    assert roster(releasing, "OLAH-MADU") == (["B.IIa-4/2025"], [])
    assert roster(releasing, "PASAR-KOP") == (["B.IIa-1/2025"], [])    # any phase: stays
    assert roster(releasing, "KRIYA-DAUR") == ([], [])                  # a death: all end
    releasing.ok("verify")


def test_a_bad_releases_file_is_refused_as_one_by_one_refuses_it(releasing, monkeypatch,
                                                                 tmp_path):
    before = facts(releasing.db)
    text = GOOD_RELEASES + "".join([
        "B.IIa-1/2025,,2025-05-10,pb,,\n",          # released that day as something else
        "B.I-7/2025,,2025-06-02,ekspirasi,,\n",     # too early, no reason
        "B.IIa-4/2025,,2024-01-01,ekspirasi,,\n",   # before admission
        "B.IIa-4/2025,,2025-05-10,xyz,,\n",         # no such type
        "A.I-8/2025,,2025-05-10,ekspirasi,,\n",     # pre-trial
        "B.I-9/2025,,2025-05-10,ekspirasi,,\n",     # nobody has the number
        "B.IIa-4/2025,,2025-05-10,ekspirasi,,KTL\n",   # a destination for no transfer
    ])
    (bulk, single), decided = both(releasing, monkeypatch, tmp_path, text, "releases")
    assert bulk[0] == 1
    assert bulk == single
    assert decided >= 3
    assert len(bulk[3].splitlines()) == 1 + 7
    assert bulk[4] == before


def test_a_certificate_the_one_by_one_way_gave_is_taken_for_the_rows_after(lines,
                                                                           monkeypatch,
                                                                           tmp_path):
    text = ENDS + "".join([
        "B.I-1/2025,,OLAH-MADU,2025-09-01,,,X-1\n",       # B.I-3 moves up
        "B.I-3/2025,,OLAH-MADU,2025-09-02,,,X-3\n",       # B.I-4 moves up
        "B.I-2/2025,,OLAH-MADU,2025-09-02,,,X-2\n",       # B.I-5 moves up
        f",{NIK_5},OLAH-MADU,2025-09-03,,,X-9\n",          # the one-by-one way gives X-9
        "B.I-4/2025,,OLAH-MADU,2025-09-03,,,X-9\n",       # taken
    ])
    (bulk, single), decided = both(lines, monkeypatch, tmp_path, text, "completions")
    assert bulk == single
    assert bulk[0] == 1 and "X-9" in bulk[2] and "line 6" in bulk[2]


def test_participants_rows_of_an_all_file_say_what_one_by_one_says(cli, tmp_path):
    """An 'all' file's participants rows are batched only when clean: a known person's
    row is compared with the record before anything else (a review found batching every
    row had changed that): unchanged needs no warning and passes --strict, a row naming
    only what changes is a correction, and messages keep the file's order."""
    add_person(cli, "B.I-1/2025", name="Anak Muda", detained="2025-01-10",
               birth_date="2010-01-01")
    same = tmp_path / "same.csv"
    same.write_text("record,reg_no,name,detained_on,sentence,birth_date\n"
                    "participants,B.I-1/2025,Anak Muda,2025-01-10,3y,2010-01-01\n",
                    encoding="utf-8")
    quiet = cli.ok("import", "all", str(same), "--strict")
    assert "1 unchanged" in quiet.stderr and "warning" not in quiet.stderr
    fix = tmp_path / "fix.csv"
    fix.write_text("record,reg_no,detained_on,crime\n"
                   "participants,B.I-1/2025,2025-01-10,Pencurian\n", encoding="utf-8")
    assert "1 changed" in cli.ok("import", "all", str(fix), "--update").stderr
    add_person(cli, "B.I-2/2025", name="Ibu Satu", nik=NIK_5, gender="P")
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("record,reg_no,name,nik,gender,detained_on,sentence,birth_date\n"
                     f"participants,B.I-3/2025,Ibu Dua,{NIK_5},P,2025-01-10,3y,\n"
                     "participants,B.I-4/2025,Anak Lain,,,2025-01-10,3y,2010-01-01\n",
                     encoding="utf-8")
    said = cli("import", "all", str(mixed)).stderr
    assert said.index("line 2") < said.index("line 3: warning")


def test_record_ids_keep_the_order_rows_are_written_in(ledger, tmp_path):
    """Ids are made in time order, which keeps the uid indexes appending: a place decided
    after a row that went the one-by-one way gets a later id than that row's."""
    text = HEADER + ("B.I-1/2025,,OLAH-MADU,2025-09-01,\n"
                     "B.I-2/2025,,OLAH-MADU,2025-09-01,Yayasan Peduli\n"
                     "B.I-3/2025,,OLAH-MADU,2025-09-01,\n")
    (tmp_path / "places.csv").write_text(text, encoding="utf-8")
    ledger.ok("import", "enrolments", str(tmp_path / "places.csv"))
    conn = sqlite3.connect(ledger.db)
    uids = [r[0] for r in conn.execute("SELECT uid FROM enrolments ORDER BY id")]
    conn.close()
    assert uids == sorted(uids) and len(uids) == 3


@pytest.mark.parametrize("kind", ["participants", "all"])
def test_a_number_a_verdict_replaced_still_names_its_person(cli, tmp_path, kind):
    """A pre-trial number a verdict replaced names the same person: a row with it is
    compared with the record (unchanged here), never registered as someone new (a review
    found the batch took it for a free number, in both kinds of file)."""
    cli.ok("participant", "add", "--name", "Tahanan Satu", "--reg-no", "A.II-5/2025",
           "--detained", "2025-01-10", "--nik", NIK_5, "--gender", "P")
    cli.ok("participant", "sentence", "A.II-5/2025", "--class", "B.I", "--sentence", "3y",
           "--on", "2025-06-01")
    record = "record," if kind == "all" else ""
    row = "participants," if kind == "all" else ""
    (tmp_path / "p.csv").write_text(f"{record}reg_no,name,nik,detained_on,sentence\n"
                                    f"{row}A.II-5/2025,Tahanan Satu,{NIK_5},2025-01-10,\n",
                                    encoding="utf-8")
    said = cli.ok("import", kind, str(tmp_path / "p.csv")).stderr
    assert "1 unchanged" in said
    assert len(cli.json("participant", "list", "--status", "all")) == 1


def test_an_export_loaded_into_its_own_ledger_changes_nothing(cli, monkeypatch, tmp_path):
    """A remission of an earlier stay is found on that stay (the row's register number
    names it): loading an export back changes nothing, for a readmitted person too (the
    second review found it refused, "outside the stay", as fe9ecd0 did)."""
    add_person(cli, "B.IIa-1/2024", detained="2024-01-10", sentence="1y")
    cli.ok("remission", "add", "B.IIa-1/2024", "--on", "2024-08-17", "--kind", "RU",
           "--days", "30")
    cli.ok("release", "B.IIa-1/2024", "--on", "2024-12-11", "--type", "ekspirasi")
    cli.ok("participant", "readmit", "B.IIa-1/2024", "--reg-no", "B.I-5/2025",
           "--detained", "2025-03-01", "--sentence", "2y")
    cli.ok("remission", "add", "B.I-5/2025", "--on", "2025-08-17", "--kind", "RU",
           "--days", "30")
    # a row naming the earlier stay with a grant the latest has: looked for on the
    # earlier stay, so the single command decides it (a second RU in 2025: refused)
    text = GRANTS + "B.IIa-1/2024,,2025-08-17,RU,30,\n"
    decide = import_bulk.Remissions._decide
    (bulk, single), _ = both(cli, monkeypatch, tmp_path, text, "remissions")
    assert bulk == single and bulk[0] == 1
    monkeypatch.setattr(import_bulk.Remissions, "_decide", decide)     # the bulk way again
    everything = tmp_path / "all.csv"
    cli.ok("export", "all", "--reveal", "-o", str(everything))
    for kind in ("all", "remissions"):
        if kind == "remissions":
            cli.ok("export", "remissions", "--reveal", "-o", str(everything))
        again = cli.ok("import", kind, str(everything))
        assert "0 new, 0 changed" in again.stderr or "Nothing new" in again.stderr, \
            again.stderr
