"""Tracks: assign, waitlist, complete, drop, and places moving up the line."""

from pathlib import Path

import pytest
import yaml

from conftest import Cli, add_person

from wbpctl.config import PACKAGED


def small_config(tmp_path: Path, capacity: int = 2, **overrides: int) -> str:
    data = yaml.safe_load(PACKAGED.read_text())
    for track in data["tracks"]:
        track["capacity"] = overrides.get(track["code"], capacity)
    path = tmp_path / "small.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return str(path)


class SmallCli(Cli):
    def __init__(self, db, config):
        super().__init__(db)
        self.config = config

    def __call__(self, *args, input=None):
        return super().__call__("--config", self.config, *args, input=input)


@pytest.fixture
def small(db, tmp_path):
    runner = SmallCli(db, small_config(tmp_path))
    runner.ok("init")
    for n in range(1, 6):
        add_person(runner, f"B.I-{n}/2025", name=f"Orang {n}", detained="2025-01-10")
    return runner


def test_lists_of_opds_and_tracks(cli):
    opds = cli.json("opd", "list")
    assert len(opds) == 8 and opds[0]["code"] == "DISBUNNAK"
    tracks = cli.json("track", "list")
    assert {"code", "opd", "name", "kind", "phase", "capacity", "active", "waiting",
            "completed"} <= set(tracks[0])
    assert {t["code"] for t in cli.json("track", "list", "--opd", "diskoperindag")} == \
        {"OLAH-MADU", "KRIYA-DAUR", "PASAR-KOP"}
    assert {t["code"] for t in cli.json("track", "list", "--phase", "post-release")} == \
        {"SALUR-KERJA", "KONSELING-KELUARGA", "MENTOR-KOMUNITAS"}
    assert cli("track", "list", "--phase", "later").exit_code == 1
    assert cli("track", "list", "--opd", "NOPE").exit_code == 3


def test_assign_until_full_then_waitlist_with_position(small):
    assert "Assigned" in small.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01").stderr
    small.ok("assign", "B.I-2/2025", "OLAH-MADU", "--on", "2025-03-01")
    third = small.ok("assign", "B.I-3/2025", "OLAH-MADU", "--on", "2025-03-02")
    assert "number 1 on its waitlist" in third.stderr
    fourth = small.ok("assign", "B.I-4/2025", "OLAH-MADU", "--on", "2025-03-03")
    assert "number 2" in fourth.stderr
    track = small.json("track", "show", "OLAH-MADU")
    assert [p["name"] for p in track["active"]] == ["Orang 1", "Orang 2"]
    assert [(p["waitlist_position"], p["name"]) for p in track["waitlist"]] == \
        [(1, "Orang 3"), (2, "Orang 4")]
    counts = {t["code"]: t for t in small.json("track", "list")}["OLAH-MADU"]
    assert (counts["active"], counts["waiting"]) == (2, 2)
    shown = small.json("participant", "show", "B.I-4/2025")["enrolments"][0]
    assert shown["status"] == "waitlisted" and shown["waitlist_position"] == 2


def test_freed_place_goes_to_the_first_in_line_dated_the_day_it_was_freed(small):
    for n, day in ((1, "01"), (2, "01"), (3, "02"), (4, "03")):
        small.ok("assign", f"B.I-{n}/2025", "OLAH-MADU", "--on", f"2025-03-{day}")
    result = small.ok("complete", "B.I-1/2025", "OLAH-MADU", "--on", "2025-06-01",
                      "--certificate", "C-1")
    assert "Orang 3 moved up" in result.stderr
    promoted = small.json("log")[-1]
    assert promoted["kind"] == "enrolment.promoted" and promoted["payload"]["on"] == "2025-06-01"
    shown = small.json("participant", "show", "B.I-3/2025")["enrolments"][0]
    assert (shown["status"], shown["assigned_on"]) == ("active", "2025-06-01")


def test_two_places_freed_on_one_day(small):
    for n in range(1, 6):
        small.ok("assign", f"B.I-{n}/2025", "OLAH-MADU", "--on", f"2025-03-0{n}")
    small.ok("complete", "B.I-1/2025", "OLAH-MADU", "--on", "2025-06-01")
    small.ok("drop", "B.I-2/2025", "OLAH-MADU", "--reason", "health", "--on", "2025-06-01")
    track = small.json("track", "show", "OLAH-MADU")
    assert [(p["name"], p["assigned_on"]) for p in track["active"]] == \
        [("Orang 3", "2025-06-01"), ("Orang 4", "2025-06-01")]
    assert [(p["waitlist_position"], p["name"]) for p in track["waitlist"]] == [(1, "Orang 5")]
    small.ok("verify")


def test_leaving_the_waitlist_closes_the_gap(small):
    for n in range(1, 6):
        small.ok("assign", f"B.I-{n}/2025", "OLAH-MADU", "--on", f"2025-03-0{n}")
    small.ok("drop", "B.I-3/2025", "OLAH-MADU", "--reason", "withdrawn-own", "--on", "2025-04-01")
    track = small.json("track", "show", "OLAH-MADU")
    assert [(p["waitlist_position"], p["name"]) for p in track["waitlist"]] == \
        [(1, "Orang 4"), (2, "Orang 5")]
    assert len(track["active"]) == 2


def test_fail_ends_the_enrolment_without_counting_as_completed(small):
    small.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01")
    small.ok("complete", "B.I-1/2025", "OLAH-MADU", "--on", "2025-05-01", "--result", "fail")
    shown = small.json("participant", "show", "B.I-1/2025")["enrolments"][0]
    assert shown["status"] == "failed" and shown["completed_on"] == "2025-05-01"
    counts = {t["code"]: t for t in small.json("track", "list")}["OLAH-MADU"]
    assert (counts["active"], counts["completed"]) == (0, 0)


def test_service_track_completion_says_delivered(small):
    small.ok("assign", "B.I-1/2025", "ADMINDUK", "--on", "2025-03-01")
    assert "delivered" in small.ok("complete", "B.I-1/2025", "ADMINDUK", "--on",
                                   "2025-03-20").stderr


def test_completion_records_hours_and_certificate(small):
    small.ok("assign", "B.I-1/2025", "IKAN-AIRTAWAR", "--on", "2025-03-01")
    small.ok("complete", "B.I-1/2025", "IKAN-AIRTAWAR", "--on", "2025-05-01", "--hours", "40",
             "--certificate", "DISKAN/2025/001")
    shown = small.json("participant", "show", "B.I-1/2025")["enrolments"][0]
    assert (shown["status"], shown["hours"], shown["certificate"]) == \
        ("completed", 40, "DISKAN/2025/001")
    recent = small.json("track", "show", "IKAN-AIRTAWAR")["recent_completions"]
    assert recent[0]["certificate"] == "DISKAN/2025/001"


@pytest.mark.parametrize("args, code, words", [
    (["assign", "B.I-1/2025", "NOPE"], 3, "No track"),
    (["assign", "B.I-9/2025", "OLAH-MADU"], 3, "No participant"),
    (["assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-05"], 1, "already active"),
    (["assign", "B.I-1/2025", "SALUR-KERJA", "--on", "2025-03-05"], 1, "after release"),
    (["assign", "B.I-2/2025", "OLAH-MADU", "--on", "2024-12-31"], 1, "before the stay began"),
    (["assign", "B.I-2/2025", "OLAH-MADU", "--on", "2027-01-01"], 1, "future"),
    (["complete", "B.I-2/2025", "OLAH-MADU"], 1, "not active or waiting"),
    (["complete", "B.I-1/2025", "OLAH-MADU", "--on", "2025-02-28"], 1, "before the assignment"),
    (["complete", "B.I-1/2025", "OLAH-MADU", "--on", "2027-01-01"], 1, "future"),
    (["complete", "B.I-1/2025", "OLAH-MADU", "--result", "maybe"], 1, "not a result"),
    (["complete", "B.I-1/2025", "OLAH-MADU", "--hours", "-3"], 1, "between 0"),
    (["drop", "B.I-1/2025", "OLAH-MADU", "--reason", "bored"], 1, "not a drop reason"),
    (["drop", "B.I-2/2025", "OLAH-MADU", "--reason", "health"], 1, "not active or waiting"),
    (["drop", "B.I-1/2025", "OLAH-MADU", "--reason", "health", "--on", "2025-01-01"], 1,
     "before the assignment"),
])
def test_refusals(small, args, code, words):
    small.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01")
    before = small.events()
    result = small(*args)
    assert result.exit_code == code, result.stderr
    assert words in result.stderr
    assert small.events() == before


def test_certificate_number_is_unique_within_a_track(small):
    for n in (1, 2):
        small.ok("assign", f"B.I-{n}/2025", "OLAH-MADU", "--on", "2025-03-01")
    small.ok("complete", "B.I-1/2025", "OLAH-MADU", "--on", "2025-05-01", "--certificate", "X1")
    result = small("complete", "B.I-2/2025", "OLAH-MADU", "--on", "2025-05-01",
                   "--certificate", "X1")
    assert result.exit_code == 1 and "already used" in result.stderr
    small.ok("assign", "B.I-3/2025", "KRIYA-DAUR", "--on", "2025-03-01")
    small.ok("complete", "B.I-3/2025", "KRIYA-DAUR", "--on", "2025-05-01", "--certificate", "X1")


def test_enrolment_edit_corrects_what_was_recorded_and_keeps_the_old_in_the_ledger(small):
    for name in ("A", "B"):
        small.ok("sponsor", "add", "--name", name, "--kind", "lembaga")
    small.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01", "--sponsor", "A")
    small.ok("complete", "B.I-1/2025", "OLAH-MADU", "--on", "2025-05-01", "--hours", "40")
    done = small.ok("enrolment", "edit", "B.I-1/2025", "OLAH-MADU", "--hours", "42,5",
                    "--result", "Tidak Lulus", "--sponsor", "B", "--certificate", "C-9")
    assert done.stderr.startswith("Corrected Orang 1 in OLAH-MADU:")
    shown = small.json("participant", "show", "B.I-1/2025")["enrolments"][0]
    assert (shown["status"], shown["hours"], shown["result"], shown["sponsor"],
            shown["certificate"]) == ("failed", 42.5, "fail", "B", "C-9")
    before = small.events()
    again = small.ok("enrolment", "edit", "B.I-1/2025", "OLAH-MADU", "--hours", "42.5")
    assert "Nothing to correct" in again.stderr and small.events() == before
    corrected = [e for e in small.json("log", "B.I-1/2025") if e["kind"] == "enrolment.corrected"]
    assert corrected[0]["payload"]["changes"]["hours"] == 42.5
    small.ok("verify")


@pytest.mark.parametrize("args, code, words", [
    (["B.I-1/2025", "OLAH-MADU", "--hours", "3"], 1, "not completed"),
    (["B.I-1/2025", "OLAH-MADU", "--reason", "health"], 1, "not dropped"),
    (["B.I-1/2025", "IKAN-AIRTAWAR", "--sponsor", "X"], 3, "never in track"),
    (["B.I-1/2025", "OLAH-MADU", "--on", "2025-04-01", "--sponsor", "X"], 3, "began or ended"),
    (["B.I-1/2025", "OLAH-MADU", "--hours", "-1"], 1, "between 0"),
])
def test_enrolment_edit_refusals(small, args, code, words):
    small.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01")
    before = small.events()
    result = small("enrolment", "edit", *args)
    assert result.exit_code == code and words in result.stderr, result.stderr
    assert small.events() == before


def test_coded_values_read_as_words_in_tables_and_messages_codes_in_json(small):
    small.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01")
    done = small.ok("--lang", "id", "complete", "B.I-1/2025", "OLAH-MADU", "--on", "2025-05-01",
                    "--result", "fail")
    assert done.stderr.strip().endswith("(tidak lulus)")
    shown = small.ok("--lang", "id", "participant", "show", "B.I-1/2025", "-f", "markdown").stdout
    assert "| Status | ditahan |" in shown and "in_custody" not in shown
    assert "| tidak lulus |" in shown and "| fail |" not in shown
    record = small.json("participant", "show", "B.I-1/2025")
    assert record["status"] == "in_custody" and record["enrolments"][0]["result"] == "fail"


def test_waitlisted_person_cannot_complete(small):
    for n in (1, 2, 3):
        small.ok("assign", f"B.I-{n}/2025", "OLAH-MADU", "--on", "2025-03-01")
    result = small("complete", "B.I-3/2025", "OLAH-MADU", "--on", "2025-05-01")
    assert result.exit_code == 1 and "waitlist" in result.stderr


def test_custody_track_refused_after_release_post_release_track_allowed(small):
    small.ok("release", "B.I-1/2025", "--on", "2026-01-10", "--type", "pb", "--override",
             "grasi")
    result = small("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2026-02-01")
    assert result.exit_code == 1 and "in custody" in result.stderr
    small.ok("assign", "B.I-1/2025", "SALUR-KERJA", "--on", "2026-02-01")
    result = small("assign", "B.I-1/2025", "KONSELING-KELUARGA", "--on", "2026-01-01")
    assert result.exit_code == 1 and "before the stay began" in result.stderr


def test_release_ends_custody_enrolments_and_moves_the_line(small):
    for n in (1, 2, 3):
        small.ok("assign", f"B.I-{n}/2025", "OLAH-MADU", "--on", "2025-03-01")
    small.ok("assign", "B.I-1/2025", "KES-PREVENTIF", "--on", "2025-03-01")
    result = small.ok("release", "B.I-1/2025", "--on", "2025-09-01", "--type", "pb",
                      "--override", "court order")
    assert "OLAH-MADU" in result.stderr
    enrolments = {e["track"]: e for e in small.json("participant", "show", "B.I-1/2025")
                  ["enrolments"]}
    assert (enrolments["OLAH-MADU"]["status"], enrolments["OLAH-MADU"]["reason"]) == \
        ("dropped", "released")
    assert enrolments["KES-PREVENTIF"]["status"] == "active"   # a phase 'any' track goes on
    third = small.json("participant", "show", "B.I-3/2025")["enrolments"][0]
    assert (third["status"], third["assigned_on"]) == ("active", "2025-09-01")


def test_transfer_ends_enrolments_as_transferred(small):
    small.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01")
    small.ok("release", "B.I-1/2025", "--on", "2025-09-01", "--type", "pindah")
    shown = small.json("participant", "show", "B.I-1/2025")
    assert shown["stays"][0]["status"] == "transferred"
    assert shown["enrolments"][0]["reason"] == "transferred"
    assert small("assign", "B.I-1/2025", "SALUR-KERJA").exit_code == 1


def test_lowering_capacity_never_removes_anyone(db, tmp_path):
    wide = SmallCli(db, small_config(tmp_path, capacity=5))
    wide.ok("init")
    for n in range(1, 5):
        add_person(wide, f"B.I-{n}/2025", name=f"Orang {n}")
        wide.ok("assign", f"B.I-{n}/2025", "OLAH-MADU", "--on", "2025-03-01")
    (tmp_path / "narrow").mkdir()
    narrow = SmallCli(db, small_config(tmp_path / "narrow", capacity=2))
    narrow.ok("init")
    assert len(narrow.json("track", "show", "OLAH-MADU")["active"]) == 4
    add_person(narrow, "B.I-9/2025", name="Orang 9")
    assert "waitlist" in narrow.ok("assign", "B.I-9/2025", "OLAH-MADU", "--on",
                                   "2025-03-02").stderr
    narrow.ok("complete", "B.I-1/2025", "OLAH-MADU", "--on", "2025-05-01")
    assert len(narrow.json("track", "show", "OLAH-MADU")["waitlist"]) == 1   # 3 active > 2
    narrow.ok("verify")


def test_participant_list_by_track_and_opd(small):
    small.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01")
    small.ok("assign", "B.I-2/2025", "IKAN-AIRTAWAR", "--on", "2025-03-01")
    assert [p["reg_no"] for p in small.json("participant", "list", "--track", "olah-madu")] == \
        ["B.I-1/2025"]
    assert [p["reg_no"] for p in small.json("participant", "list", "--opd", "DISKAN")] == \
        ["B.I-2/2025"]
    assert small("participant", "list", "--track", "NOPE").exit_code == 3


def test_a_track_can_be_named_as_the_catalogue_writes_it(small):
    done = small.ok("assign", "B.I-1/2025", "budidaya  ikan air TAWAR", "--on", "2025-03-01")
    assert "IKAN-AIRTAWAR" in done.stderr
    refused = small("assign", "B.I-2/2025", "budidaya ikan", "--on", "2025-03-01")
    assert refused.exit_code == 3 and "No track 'budidaya ikan'" in refused.stderr
    listed = small.json("participant", "list", "--track", "Budidaya ikan air tawar")
    assert [p["reg_no"] for p in listed] == ["B.I-1/2025"]
    assert small.json("track", "show", "budidaya ikan air tawar")["code"] == "IKAN-AIRTAWAR"


def test_sponsor_is_recorded(small):
    refused = small("assign", "B.I-1/2025", "NAK-TERNAK", "--on", "2025-03-01", "--sponsor",
                    "Yayasan Contoh")
    assert refused.exit_code == 3 and "No sponsor 'Yayasan Contoh'" in refused.stderr
    small.ok("sponsor", "add", "--name", "Yayasan Contoh", "--kind", "lembaga")
    small.ok("assign", "B.I-1/2025", "NAK-TERNAK", "--on", "2025-03-01", "--sponsor",
             "yayasan  contoh")
    assert small.json("track", "show", "NAK-TERNAK")["active"][0]["sponsor"] == "YAYASAN-CONTOH"


def test_an_enrolments_file_puts_people_in_line_without_counting_the_line_per_row(
        small, tmp_path, monkeypatch):
    """Where each is in line is what the single command tells a person; an import does
    not count the waitlist again for every row (that made a big file's load grow with
    the square of its length). The line is the same: first come, first in line."""
    from wbpctl.store import queries

    def counted(*args):
        raise AssertionError("the waitlist was counted")

    monkeypatch.setattr(queries, "count_waiting", counted)
    rows = "".join(f"B.I-{n}/2025,OLAH-MADU,2025-09-0{n}\n" for n in range(1, 6))
    path = tmp_path / "places.csv"
    path.write_text("reg_no,track,assigned_on\n" + rows, encoding="utf-8")
    small.ok("import", "enrolments", str(path))
    roster = small.json("track", "show", "OLAH-MADU")
    assert [p["reg_no"] for p in roster["active"]] == ["B.I-1/2025", "B.I-2/2025"]
    assert [p["reg_no"] for p in roster["waitlist"]] == ["B.I-3/2025", "B.I-4/2025",
                                                         "B.I-5/2025"]
