"""Remissions, releases, readmissions and the readiness report."""

import pytest

from conftest import add_person


def stay(cli, who="B.I-1/2025", index=0):
    return cli.json("participant", "show", who)["stays"][index]


def test_show_prints_every_date_of_the_stay(cli):
    add_person(cli, detained="2024-01-10", sentence="3y")
    dates = stay(cli)
    assert (dates["one_third"], dates["half"], dates["two_thirds"], dates["expiry"]) == \
        ("2025-01-10", "2025-07-10", "2026-01-10", "2027-01-10")
    assert dates["pb_eligible"] == "2026-01-10" and dates["pb_trial_end"] == "2028-01-10"
    assert dates["cb_eligible"] is None and dates["cmb"] is None


def test_twelve_month_sentence_has_no_pb(cli):
    add_person(cli, "B.IIa-1/2025", sentence="12 bulan")
    assert stay(cli, "B.IIa-1/2025")["pb_eligible"] is None


def test_remissions_move_expiry(cli):
    add_person(cli, "B.I-1/2017", detained="2017-05-09", sentence="2y")
    for on, kind, days in (("2017-08-17", "RU", 15), ("2018-08-17", "RU", 60),
                           ("2018-12-25", "RK", 30)):
        result = cli.ok("remission", "add", "B.I-1/2017", "--on", on, "--kind", kind,
                        "--days", str(days))
        assert "expiry now" in result.stderr
    dates = stay(cli, "B.I-1/2017")
    assert dates["expiry"] == "2019-01-24" and dates["remission_days"] == 105
    assert [r["days"] for r in cli.json("participant", "show", "B.I-1/2017")["remissions"]] == \
        [15, 60, 30]


def test_suggest_prints_the_table_amount_and_records_nothing(cli):
    add_person(cli, detained="2024-01-01")
    before = cli.events()
    result = cli.ok("remission", "add", "B.I-1/2025", "--on", "2025-08-17", "--kind", "RU",
                    "--suggest")
    assert result.stdout.strip() == "60"
    assert cli.events() == before


def test_remission_edit_corrects_the_days_and_the_dates_follow(cli):
    add_person(cli, detained="2024-01-01", sentence="2y")
    cli.ok("remission", "add", "B.I-1/2025", "--on", "2025-08-17", "--kind", "RU", "--days", "30")
    done = cli.ok("remission", "edit", "B.I-1/2025", "--on", "17/08/2025", "--kind",
                  "remisi umum", "--days", "2 bulan")
    assert "30 -> 60 days" in done.stderr
    stay = cli.json("participant", "show", "B.I-1/2025")["stays"][0]
    assert stay["expiry"] == "2025-11-02"           # 2026-01-01 less 60 days
    before = cli.events()
    assert "Nothing to correct" in cli.ok("remission", "edit", "B.I-1/2025", "--on",
                                          "2025-08-17", "--kind", "RU", "--days", "60").stderr
    assert cli.events() == before
    missing = cli("remission", "edit", "B.I-1/2025", "--on", "2025-08-18", "--kind", "RU",
                  "--days", "60")
    assert missing.exit_code == 3 and "no RU remission granted on 2025-08-18" in missing.stderr
    # a correction larger than what remained frees the person on the grant date
    frees = cli.ok("remission", "edit", "B.I-1/2025", "--on", "2025-08-17", "--kind", "RU",
                   "--days", "600")
    assert "remisi-bebas" in frees.stderr
    assert cli.json("participant", "show", "B.I-1/2025")["stays"][0]["expiry"] == "2025-08-17"
    cli.ok("verify")


@pytest.mark.parametrize("setup, args, words", [
    ({"sentence": "seumur hidup"}, ["--on", "2025-08-17", "--kind", "RU", "--days", "30"],
     "No remission"),
    ({}, ["--on", "2024-08-17", "--kind", "RU", "--days", "30"], "outside the stay"),
    ({}, ["--on", "2027-08-17", "--kind", "RU", "--days", "30"], "future"),
    ({}, ["--on", "2025-08-17", "--kind", "XX", "--days", "30"], "not a remission kind"),
    ({}, ["--on", "2025-08-17", "--kind", "RU", "--days", "0"], "must be days from 1"),
    ({"sentence": "1y1m"}, ["--on", "2026-08-17", "--kind", "RU", "--days", "30"],
     "Expiry was already 2026-02-10"),
])
def test_remission_refusals(cli, setup, args, words):
    add_person(cli, **setup)
    before = cli.events()
    result = cli("remission", "add", "B.I-1/2025", *args)
    assert result.exit_code == 1 and words in result.stderr
    assert cli.events() == before


def test_no_remission_for_kurungan_in_place_of_a_fine(cli):
    cli.ok("participant", "add", "--name", "K", "--reg-no", "B.III-4/2026", "--detained",
           "2026-05-01", "--sentence", "6 bulan", "--in-lieu-of-fine")
    result = cli("remission", "add", "B.III-4/2026", "--on", "2026-08-17", "--kind", "RU",
                 "--days", "15")
    assert result.exit_code == 1 and "fine" in result.stderr


def test_release_records_status_date_and_type(cli):
    add_person(cli, detained="2024-01-10")
    cli.ok("release", "B.I-1/2025", "--on", "2026-02-01", "--type", "pb")
    released = stay(cli)
    assert (released["status"], released["released_on"], released["release_type"]) == \
        ("released", "2026-02-01", "pb")


@pytest.mark.parametrize("sentence, args, words", [
    ("3y", ["--on", "2025-12-01", "--type", "pb"], "PB is possible from 2026-01-10"),
    ("12 bulan", ["--on", "2024-12-01", "--type", "pb"], "PB is not possible"),
    ("3y", ["--on", "2026-03-01", "--type", "cb"], "CB is only"),
    ("3y", ["--on", "2023-01-01", "--type", "ekspirasi"], "before the admission on 2024-01-10"),
    ("3y", ["--on", "2027-01-01", "--type", "ekspirasi"], "future"),
    ("3y", ["--on", "2026-03-01", "--type", "kabur"], "not a release type"),
])
def test_release_refusals(cli, sentence, args, words):
    reg = "B.IIa-1/2024" if sentence == "12 bulan" else "B.I-1/2025"
    add_person(cli, reg, detained="2024-01-10", sentence=sentence)
    before = cli.events()
    result = cli("release", reg, *args)
    assert result.exit_code == 1 and words in result.stderr, result.stderr
    assert cli.events() == before


def test_override_records_the_reason(cli):
    add_person(cli, detained="2024-01-10")
    cli.ok("release", "B.I-1/2025", "--on", "2025-12-01", "--type", "pb", "--override",
           "grasi presiden")
    assert stay(cli)["release_override"] == "grasi presiden"
    assert cli.json("log")[-1]["payload"]["override"] == "grasi presiden"


def test_releasing_someone_not_in_custody(cli):
    add_person(cli, detained="2024-01-10")
    cli.ok("release", "B.I-1/2025", "--on", "2026-02-01", "--type", "pb")
    result = cli("release", "B.I-1/2025", "--on", "2026-03-01", "--type", "ekspirasi")
    assert result.exit_code == 1 and "not in custody" in result.stderr


def test_readmit_opens_a_new_stay(cli):
    add_person(cli, detained="2024-01-10", nik="1506041203900001")
    refused = cli("participant", "readmit", "B.I-1/2025", "--reg-no", "B.I-7/2026",
                  "--detained", "2026-05-01", "--sentence", "2y")
    assert refused.exit_code == 1 and "still in custody" in refused.stderr
    cli.ok("release", "B.I-1/2025", "--on", "2026-02-01", "--type", "pb")
    early = cli("participant", "readmit", "B.I-1/2025", "--reg-no", "B.I-7/2026",
                "--detained", "2026-01-01", "--sentence", "2y")
    assert early.exit_code == 1 and "before the last release" in early.stderr
    cli.ok("participant", "readmit", "1506041203900001", "--reg-no", "BI 7/2026",
           "--detained", "2026-05-01", "--sentence", "2y")
    shown = cli.json("participant", "show", "B.I-7/2026")
    assert [s["status"] for s in shown["stays"]] == ["released", "in_custody"]
    assert shown["reg_no"] == "B.I-7/2026" and shown["status"] == "in_custody"
    assert cli.json("participant", "show", "B.I-1/2025")["id"] == shown["id"]
    cli.ok("verify")


def test_post_release_tracks_use_the_same_commands(cli):
    add_person(cli, detained="2024-01-10")
    cli.ok("release", "B.I-1/2025", "--on", "2026-02-01", "--type", "pb")
    for track in ("SALUR-KERJA", "KONSELING-KELUARGA", "MENTOR-KOMUNITAS", "PASAR-KOP",
                  "KES-PREVENTIF"):
        cli.ok("assign", "B.I-1/2025", track, "--on", "2026-02-10")
        cli.ok("complete", "B.I-1/2025", track, "--on", "2026-03-01")
    statuses = {e["track"]: e["status"] for e in
                cli.json("participant", "show", "B.I-1/2025")["enrolments"]}
    assert set(statuses.values()) == {"completed"} and len(statuses) == 5


def test_readiness_report_with_fixed_as_of(cli):
    # due by expiry in 30 days, with ID papers and a training but no health check
    add_person(cli, "B.IIa-1/2026", name="Ani", detained="2026-01-01", sentence="6 bulan")
    cli.ok("assign", "B.IIa-1/2026", "ADMINDUK", "--on", "2026-02-01")
    cli.ok("complete", "B.IIa-1/2026", "ADMINDUK", "--on", "2026-02-10")
    cli.ok("assign", "B.IIa-1/2026", "OLAH-MADU", "--on", "2026-02-01")
    cli.ok("complete", "B.IIa-1/2026", "OLAH-MADU", "--on", "2026-05-01")
    # due by PB date sooner, with nothing yet
    add_person(cli, "B.I-2/2025", name="Budi", detained="2024-10-01", sentence="2y6m")
    # not due within the window
    add_person(cli, "B.I-3/2025", name="Candra", detained="2025-06-01", sentence="5y")
    # released 20 days before as-of, job referral done, no counselling
    add_person(cli, "B.I-4/2025", name="Dedi", detained="2024-01-01", sentence="2y")
    cli.ok("release", "B.I-4/2025", "--on", "2026-05-12", "--type", "pb")
    cli.ok("assign", "B.I-4/2025", "SALUR-KERJA", "--on", "2026-05-20")
    cli.ok("complete", "B.I-4/2025", "SALUR-KERJA", "--on", "2026-05-25")
    rows = cli.json("report", "readiness", "--as-of", "2026-06-01", "--within", "90")["rows"]
    assert [(r["section"], r["name"]) for r in rows] == \
        [("due", "Budi"), ("due", "Ani"), ("released", "Dedi")]   # soonest first
    budi, ani, dedi = rows
    assert (ani["due_on"], ani["expiry"], ani["days_left"]) == ("2026-07-01", "2026-07-01", 30)
    assert ani["missing"] == ["KES-PREVENTIF"]
    assert (budi["due_on"], budi["pb_eligible"]) == ("2026-06-01", "2026-06-01")
    assert budi["missing"] == ["ADMINDUK", "KES-PREVENTIF", "training"]
    assert dedi["missing"] == ["KONSELING-KELUARGA"]
    assert cli.json("report", "readiness", "--as-of", "2026-06-01", "--within", "10")["rows"] \
        == [budi | {"days_left": 0}]
    csv_out = cli.ok("report", "readiness", "--as-of", "2026-06-01", "-f", "csv").stdout
    assert "ADMINDUK, KES-PREVENTIF, training" in csv_out


def test_cb_before_its_date_is_refused(cli):
    add_person(cli, "B.I-1/2025", detained="2025-06-01", sentence="1y6m")
    assert stay(cli)["cb_eligible"] == "2026-06-01"
    result = cli("release", "B.I-1/2025", "--on", "2026-05-01", "--type", "cb")
    assert result.exit_code == 1 and "CB is possible from 2026-06-01" in result.stderr
    cli.ok("release", "B.I-1/2025", "--on", "2026-06-02", "--type", "cb")


def test_the_places_of_a_retired_track_still_end(db, tmp_path):
    """A track the config no longer names is retired, not deleted: its places can still be
    completed, dropped, corrected and ended by a release (each said "No track" before),
    and nobody in its line moves up: a retired track takes nobody new."""
    import yaml

    from test_cli_tracks import SmallCli, small_config

    runner = SmallCli(db, small_config(tmp_path, capacity=1))
    runner.ok("init")
    for n in (1, 2, 3, 4):
        add_person(runner, f"B.IIa-{n}/2025", name=f"Orang {n}", detained="2025-01-10",
                   sentence="4m")
        runner.ok("assign", f"B.IIa-{n}/2025", "OLAH-MADU", "--on", "2025-03-01")
    data = yaml.safe_load(open(runner.config, encoding="utf-8"))
    data["tracks"] = [t for t in data["tracks"] if t["code"] != "OLAH-MADU"]
    data["products"] = [p for p in data.get("products") or [] if p.get("track") != "OLAH-MADU"]
    (tmp_path / "less.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    runner.config = str(tmp_path / "less.yaml")
    runner.ok("init")
    assert runner("assign", "B.IIa-1/2025", "KRIYA-DAUR").exit_code == 0      # others: open
    assert runner("assign", "B.IIa-1/2025", "OLAH-MADU").exit_code == 3       # no new place
    runner.ok("complete", "B.IIa-1/2025", "OLAH-MADU", "--on", "2025-04-01")
    runner.ok("enrolment", "edit", "B.IIa-1/2025", "OLAH-MADU", "--hours", "20")
    runner.ok("drop", "B.IIa-2/2025", "OLAH-MADU", "--on", "2025-04-02", "--reason", "sakit")
    done = runner.ok("release", "B.IIa-3/2025", "--on", "2025-05-10", "--type", "ekspirasi")
    assert "OLAH-MADU" in done.stderr
    places = {e["status"] for n in (1, 2, 3)
              for e in runner.json("participant", "show", f"B.IIa-{n}/2025")["enrolments"]
              if e["track"] == "OLAH-MADU"}
    assert places == {"completed", "dropped"}
    fourth = runner.json("participant", "show", "B.IIa-4/2025")["enrolments"]
    assert [(e["track"], e["status"]) for e in fourth] == [("OLAH-MADU", "waitlisted")]
    (tmp_path / "drops.csv").write_text("reg_no,track,dropped_on,reason\n"
                                        "B.IIa-4/2025,OLAH-MADU,2025-04-03,sakit\n")
    runner.ok("import", "drops", str(tmp_path / "drops.csv"))
    runner.ok("verify")
