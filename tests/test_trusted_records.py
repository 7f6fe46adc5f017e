"""Records that can be trusted (issue #12): every release, remission and stay checked as an
officer would, and the ways to record what really happened (verdicts, returns, voids)."""

import pytest

from conftest import add_person, refused
from test_import import assert_round_trip


def events(cli, kind=None):
    found = cli.json("log")
    return [e for e in found if kind is None or e["kind"] == kind]


def stay_of(cli, who, index=-1):
    return cli.json("participant", "show", who)["stays"][index]


# -- 1. release rules for every type ---------------------------------------------------------

def test_the_three_cases_at_the_top_of_the_issue(cli):
    # ekspirasi 23 months before expiry: refused, naming the expiry and --override
    add_person(cli, detained="2025-01-10", sentence="3y")        # expiry 2028-01-10
    err = refused(cli, "release", "B.I-1/2025", "--on", "2026-02-10", "--type", "ekspirasi")
    assert "Expiry is 2028-01-10" in err and "--override" in err
    # remisi langsung bebas: 8 months from 2023-12-31, 30 days on 17 Aug 2024
    add_person(cli, "B.IIa-1/2024", detained="2023-12-31", sentence="8 bulan")
    done = cli.ok("remission", "add", "B.IIa-1/2024", "--on", "2024-08-17", "--kind", "RU",
                  "--days", "30")
    assert "remisi-bebas" in done.stderr and "2024-08-17" in done.stderr
    shown = cli.json("participant", "show", "B.IIa-1/2024")
    assert shown["remissions"][0]["days"] == 30                 # the grant, in full
    assert shown["stays"][0]["expiry"] == "2024-08-17"          # never before the grant
    cli.ok("release", "B.IIa-1/2024", "--on", "2024-08-17", "--type", "remisi-bebas")
    # the same remission twice
    add_person(cli, "B.I-2/2025", detained="2024-01-10", sentence="3y")
    cli.ok("remission", "add", "B.I-2/2025", "--on", "2025-08-17", "--kind", "RU", "--days", "60")
    err = refused(cli, "remission", "add", "B.I-2/2025", "--on", "2025-08-17", "--kind", "RU",
                  "--days", "60")
    assert "RU was already granted in 2025" in err
    cli.ok("remission", "add", "B.I-2/2025", "--on", "2025-03-31", "--kind", "RK", "--days", "15")
    err = refused(cli, "remission", "add", "B.I-2/2025", "--on", "2025-04-11", "--kind", "RK",
                  "--days", "15")
    assert "RK was already granted in 2025 (on 2025-03-31)" in err


@pytest.mark.parametrize("person, args, words", [
    # remisi-bebas with no remission at all
    (("B.I-1/2025", "2024-01-10", "2y"), ["--on", "2025-06-01", "--type", "remisi-bebas"],
     "No remission is recorded"),
    # cmb with no remission: no leave to take
    (("B.I-1/2025", "2024-01-10", "2y"), ["--on", "2025-11-01", "--type", "cmb"],
     "CMB needs a remission"),
    # pre-trial: no date of a sentenced release before a verdict
    (("A.II-1/2026", "2026-01-10", None), ["--on", "2026-06-01", "--type", "ekspirasi"],
     "pre-trial"),
    (("A.II-1/2026", "2026-01-10", None), ["--on", "2026-06-01", "--type", "pb"], "pre-trial"),
    # life: no expiry at all
    (("B.I-1/2025", "2024-01-10", "seumur hidup"), ["--on", "2026-06-01", "--type",
                                                     "ekspirasi"], "life or death"),
])
def test_release_types_refused_without_their_date(cli, person, args, words):
    reg, detained, sentence = person
    cli.ok("participant", "add", "--name", "X", "--reg-no", reg, "--detained", detained,
           *(["--sentence", sentence] if sentence else []))
    assert words in refused(cli, "release", reg, *args)


def test_pretrial_and_life_refusals_hold_even_with_an_override(cli):
    cli.ok("participant", "add", "--name", "T", "--reg-no", "A.II-1/2026", "--detained",
           "2026-01-10")
    assert "pre-trial" in refused(cli, "release", "A.II-1/2026", "--on", "2026-06-01",
                                  "--type", "ekspirasi", "--override", "x")
    cli.ok("release", "A.II-1/2026", "--on", "2026-06-01", "--type", "bebas-demi-hukum")


def test_an_early_release_with_a_reason_is_recorded_with_it(cli):
    add_person(cli, detained="2025-01-10", sentence="3y")
    cli.ok("release", "B.I-1/2025", "--on", "2026-02-10", "--type", "ekspirasi", "--override",
           "grasi presiden")
    assert stay_of(cli, "B.I-1/2025")["release_override"] == "grasi presiden"
    assert events(cli, "stay.released")[-1]["payload"]["override"] == "grasi presiden"


def test_cmb_from_its_date(cli):
    add_person(cli, detained="2024-01-10", sentence="2y")            # expiry 2026-01-10
    cli.ok("remission", "add", "B.I-1/2025", "--on", "2024-08-17", "--kind", "RU", "--days", "30")
    cmb = stay_of(cli, "B.I-1/2025")["cmb"]
    assert cmb == "2025-11-11"                                        # expiry less 30 days
    assert "CMB is possible from 2025-11-11" in refused(
        cli, "release", "B.I-1/2025", "--on", "2025-11-10", "--type", "cmb")
    cli.ok("release", "B.I-1/2025", "--on", "2025-11-11", "--type", "cmb")


def test_no_release_before_admission(cli):
    add_person(cli, detained="2025-01-10", admitted="2025-02-01", sentence="3y")
    err = refused(cli, "release", "B.I-1/2025", "--on", "2025-01-20", "--type", "pindah")
    assert "before the admission on 2025-02-01" in err


def test_a_late_ekspirasi_is_recorded_with_a_warning(cli):
    add_person(cli, detained="2024-01-10", sentence="2y")            # expiry 2026-01-10
    done = cli.ok("release", "B.I-1/2025", "--on", "2026-01-13", "--type", "ekspirasi")
    assert "warning: released 3 day(s) after expiry (2026-01-10)" in done.stderr
    assert events(cli, "stay.released")[-1]["payload"]["notices"] == ["release_late"]


def test_the_grace_setting_silences_a_late_release(cli, tmp_path):
    from test_cli_tracks import SmallCli, small_config
    import yaml
    path = small_config(tmp_path)
    data = yaml.safe_load(open(path))
    data["sentence_rules"]["ekspirasi_grace_days"] = 5
    open(path, "w").write(yaml.safe_dump(data))
    small = SmallCli(cli.db, path)
    add_person(small, detained="2024-01-10", sentence="2y")
    assert "warning" not in small.ok("release", "B.I-1/2025", "--on", "2026-01-13", "--type",
                                     "ekspirasi").stderr


# -- 2. remisi langsung bebas -------------------------------------------------------------------

def test_remission_with_release_records_both_in_one_step(cli):
    add_person(cli, "B.IIa-1/2024", detained="2023-12-31", sentence="8 bulan")
    before = cli.events()
    done = cli.ok("remission", "add", "B.IIa-1/2024", "--on", "2024-08-17", "--kind", "RU",
                  "--days", "30", "--release")
    assert "remisi-bebas" in done.stderr
    assert cli.events() == before + 2
    stay = stay_of(cli, "B.IIa-1/2024")
    assert (stay["status"], stay["released_on"], stay["release_type"]) == \
        ("released", "2024-08-17", "remisi-bebas")


def test_release_flag_refused_when_the_remission_frees_nobody(cli):
    add_person(cli, detained="2024-01-10", sentence="3y")
    err = refused(cli, "remission", "add", "B.I-1/2025", "--on", "2024-08-17", "--kind", "RU",
                  "--days", "30", "--release")
    assert "nobody is freed" in err


def test_a_second_rk_in_a_year_with_a_reason(cli):
    add_person(cli, detained="2024-01-10", sentence="3y")
    cli.ok("remission", "add", "B.I-1/2025", "--on", "2025-03-31", "--kind", "RK", "--days", "15")
    cli.ok("remission", "add", "B.I-1/2025", "--on", "2025-12-25", "--kind", "RK", "--days", "15",
           "--override", "Natal: agama tercatat berubah")
    remissions = cli.json("participant", "show", "B.I-1/2025")["remissions"]
    assert [r["override"] for r in remissions] == [None, "Natal: agama tercatat berubah"]


# -- 4. verdict ----------------------------------------------------------------------------------

def test_a_verdict_turns_the_pretrial_stay_into_a_sentenced_one(cli):
    cli.ok("participant", "add", "--name", "Tahanan", "--reg-no", "A.II-7/2026", "--detained",
           "2026-02-01")
    done = cli.ok("participant", "sentence", "A.II-7/2026", "--class", "B.I", "--sentence",
                  "2 tahun", "--on", "2026-05-04")
    assert "A.II-7/2026 is now B.I-7/2026" in done.stderr
    shown = cli.json("participant", "show", "B.I-7/2026")
    assert len(shown["stays"]) == 1
    stay = shown["stays"][0]
    assert (stay["reg_no"], stay["detained_on"], stay["sentence"], stay["sentenced_on"]) == \
        ("B.I-7/2026", "2026-02-01", "2y", "2026-05-04")
    assert stay["expiry"] == "2028-02-01"
    # the old number is in the ledger, and still finds the person
    verdict = events(cli, "stay.sentenced")[-1]["payload"]
    assert verdict["previous"] == {"register_class": "A.II", "reg_seq": 7, "reg_year": 2026}
    cli.ok("verify")


def test_a_verdict_with_a_new_number_and_its_refusals(cli):
    cli.ok("participant", "add", "--name", "T", "--reg-no", "A.III-1/2026", "--detained",
           "2026-02-01")
    add_person(cli, "B.I-1/2026", detained="2026-01-01", sentence="2y")
    assert "already used" in refused(cli, "participant", "sentence", "A.III-1/2026", "--class",
                                     "B.I", "--sentence", "2y", "--on", "2026-05-01")
    assert "class B.IIa" in refused(cli, "participant", "sentence", "A.III-1/2026", "--class",
                                    "B.I", "--sentence", "8 bulan", "--on", "2026-05-01")
    assert "pre-trial class" in refused(cli, "participant", "sentence", "A.III-1/2026",
                                        "--class", "A.IV", "--sentence", "2y", "--on",
                                        "2026-05-01")
    assert "not a pre-trial stay" in refused(cli, "participant", "sentence", "B.I-1/2026",
                                             "--class", "B.I", "--sentence", "2y", "--on",
                                             "2026-05-01")
    cli.ok("participant", "sentence", "A.III-1/2026", "--reg-no", "B.IIa-40/2026",
           "--sentence", "8 bulan", "--on", "2026-05-01")
    assert stay_of(cli, "B.IIa-40/2026")["register_class"] == "B.IIa"


# -- 5. transfers both ways -------------------------------------------------------------------------

def test_transfer_out_and_back_is_the_same_stay(cli):
    add_person(cli, detained="2024-01-10", sentence="3y")
    cli.ok("remission", "add", "B.I-1/2025", "--on", "2025-08-17", "--kind", "RU", "--days", "60")
    expiry = stay_of(cli, "B.I-1/2025")["expiry"]
    done = cli.ok("release", "B.I-1/2025", "--on", "2026-03-01", "--type", "pindah", "--to",
                  "Lapas Kelas IIA Jambi")
    assert "Transferred" in done.stderr and "Lapas Kelas IIA Jambi" in done.stderr
    assert stay_of(cli, "B.I-1/2025")["transfer_to"] == "Lapas Kelas IIA Jambi"
    # a new detention with the same date is not how a return is recorded
    assert "participant return" in refused(
        cli, "participant", "readmit", "B.I-1/2025", "--reg-no", "B.I-9/2026", "--detained",
        "2024-01-10", "--sentence", "3y")
    assert "before the transfer out" in refused(cli, "participant", "return", "B.I-1/2025",
                                                "--on", "2026-02-01")
    back = cli.ok("participant", "return", "B.I-1/2025", "--on", "2026-04-01")
    assert "back from Lapas Kelas IIA Jambi" in back.stderr
    shown = cli.json("participant", "show", "B.I-1/2025")
    assert len(shown["stays"]) == 1 and shown["stays"][0]["status"] == "in_custody"
    assert shown["stays"][0]["expiry"] == expiry and shown["remissions"][0]["days"] == 60
    assert "nothing to return from" in refused(cli, "participant", "return", "B.I-1/2025",
                                               "--on", "2026-05-01")
    cli.ok("verify")
    # the month of the transfer still shows it; the month of the return counts it back
    march = cli.json("report", "monthly", "--month", "2026-03")
    assert (march["transferred"], march["in_custody_end"]) == (1, 0)
    april = cli.json("report", "monthly", "--month", "2026-04")
    assert (april["returned"], april["readmitted"], april["in_custody_end"]) == (1, 0, 1)
    assert cli.json("report", "monthly", "--month", "2026-02")["in_custody_end"] == 1


def test_to_is_only_for_a_transfer(cli):
    add_person(cli, detained="2024-01-10", sentence="3y")
    assert "only for a transfer" in refused(cli, "release", "B.I-1/2025", "--on", "2026-02-01",
                                            "--type", "pb", "--to", "Jambi")


# -- 6. void what was entered in error -------------------------------------------------------------

def test_a_voided_assignment_frees_its_place_for_the_first_in_line(tmp_path, db):
    from test_cli_tracks import SmallCli, small_config
    small = SmallCli(db, small_config(tmp_path, capacity=1))
    small.ok("init")
    add_person(small, "B.I-1/2025", detained="2024-01-10")
    add_person(small, "B.I-2/2025", detained="2024-01-10")
    small.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01")
    small.ok("assign", "B.I-2/2025", "OLAH-MADU", "--on", "2025-03-05")          # waits
    assert "say why" in refused(small, "void", "B.I-1/2025", "OLAH-MADU", "--on",
                                 "2025-03-01", "--reason", " ")
    done = small.ok("void", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01", "--reason",
                    "salah orang")
    assert "moved up" in done.stderr
    track = small.json("track", "show", "OLAH-MADU")
    assert [a["reg_no"] for a in track["active"]] == ["B.I-2/2025"]
    assert track["active"][0]["assigned_on"] == "2025-03-05"     # not before they asked
    assert small.json("participant", "show", "B.I-1/2025")["enrolments"] == []
    kinds = [e["kind"] for e in small.json("log", "B.I-1/2025")]
    assert kinds[-2:] == ["enrolment.assigned", "enrolment.voided"]
    small.ok("verify")


def test_a_voided_completion_no_longer_counts(cli):
    add_person(cli, detained="2024-01-10")
    cli.ok("assign", "B.I-1/2025", "IKAN-AIRTAWAR", "--on", "2026-10-01")
    cli.ok("complete", "B.I-1/2025", "IKAN-AIRTAWAR", "--on", "2026-10-20", "--hours", "40")
    assert cli.json("report", "monthly", "--month", "2026-10")["completed"] == 1
    assert "its completion on 2026-10-20" in refused(
        cli, "void", "B.I-1/2025", "IKAN-AIRTAWAR", "--on", "2026-10-01", "--reason", "x")
    cli.ok("void", "B.I-1/2025", "IKAN-AIRTAWAR", "--on", "2026-10-20", "--reason",
           "sertifikat milik orang lain")
    report = cli.json("report", "monthly", "--month", "2026-10")
    assert (report["completed"], report["completion_rate"]) == (0, None)
    enrolment = cli.json("participant", "show", "B.I-1/2025")["enrolments"][0]
    assert (enrolment["status"], enrolment["hours"], enrolment["completed_on"]) == \
        ("active", None, None)
    assert "no assignment, completion or drop" in refused(
        cli, "void", "B.I-1/2025", "IKAN-AIRTAWAR", "--on", "2026-10-05", "--reason", "x",
        code=3)
    cli.ok("verify")


def test_a_voided_release_gives_the_stay_and_its_places_back(cli):
    add_person(cli, detained="2024-01-10", sentence="3y")
    cli.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01")
    cli.ok("release", "B.I-1/2025", "--on", "2026-02-01", "--type", "pb")
    assert cli.json("participant", "show", "B.I-1/2025")["enrolments"][0]["status"] == "dropped"
    done = cli.ok("void", "B.I-1/2025", "release", "--on", "2026-02-01", "--reason",
                  "tanggal salah")
    assert "OLAH-MADU" in done.stderr
    shown = cli.json("participant", "show", "B.I-1/2025")
    assert shown["stays"][0]["status"] == "in_custody" and shown["stays"][0]["released_on"] is None
    assert shown["enrolments"][0]["status"] == "active"
    cli.ok("release", "B.I-1/2025", "--on", "2026-02-03", "--type", "pb")
    cli.ok("verify")


def test_a_voided_remission_moves_the_dates_back_and_needs_the_stay_open(cli):
    add_person(cli, detained="2024-01-10", sentence="3y")
    cli.ok("remission", "add", "B.I-1/2025", "--on", "2025-08-17", "--kind", "RU", "--days", "60")
    cli.ok("void", "B.I-1/2025", "remisi", "--on", "2025-08-17", "--reason", "SK dibatalkan")
    stay = stay_of(cli, "B.I-1/2025")
    assert (stay["expiry"], stay["remission_days"]) == ("2027-01-10", 0)
    cli.ok("remission", "add", "B.I-1/2025", "--on", "2025-08-17", "--kind", "RU", "--days", "30")
    cli.ok("release", "B.I-1/2025", "--on", "2026-02-01", "--type", "pb")
    assert "void the release first" in refused(cli, "void", "B.I-1/2025", "remission", "--on",
                                               "2025-08-17", "--reason", "x")
    cli.ok("verify")


# -- 7. overdue and CB in readiness ----------------------------------------------------------------

def test_readiness_starts_with_the_overdue_and_shows_cb_routes(cli):
    add_person(cli, "B.I-1/2024", detained="2024-01-10", sentence="2y")      # expired 2026-01-10
    add_person(cli, "B.IIa-2/2026", detained="2026-05-20", sentence="10 bulan")   # CB only
    add_person(cli, "B.I-3/2025", detained="2025-06-10", sentence="3y")      # not due
    rows = cli.json("report", "readiness", "--within", "60")["rows"]
    assert [r["reg_no"] for r in rows] == ["B.I-1/2024", "B.IIa-2/2026"]
    overdue, cb = rows
    assert (overdue["section"], overdue["days_left"], overdue["due_on"]) == \
        ("overdue", -322, "2026-01-10")
    assert (cb["section"], cb["cb_eligible"], cb["pb_eligible"], cb["due_on"]) == \
        ("due", "2026-12-10", None, "2026-12-10")     # 2/3 of 10 months, under PB's 9
    assert (overdue["due_by"], cb["due_by"]) == ("ekspirasi", "cb")     # which date it is
    table = cli.ok("report", "readiness", "--within", "60").stdout
    assert " CB " in next(line for line in table.splitlines() if "B.IIa-2/2026" in line)
    too_long = refused(cli, "release", "B.I-3/2025", "--on", "2026-11-01", "--type", "cb")
    assert "CB is only for sentences up to 18 months" in too_long
    shown = cli.ok("participant", "show", "B.I-1/2024")
    assert "322 day(s) past expiry (2026-01-10)" in shown.stderr
    report = cli.json("report", "monthly", "--month", "2026-11")
    assert report["past_expiry_in_custody"] == 1


# -- 8. plausibility warnings --------------------------------------------------------------------

@pytest.mark.parametrize("args, words", [
    (["--reg-no", "B.III-1/2025", "--detained", "2025-01-10", "--sentence", "1y6m"],
     "kurungan of 1y 6m"),
    (["--reg-no", "B.I-1/2025", "--detained", "2025-01-10", "--sentence", "2y",
      "--birth-date", "2010-05-01"], "under 18"),
])
def test_plausibility_warnings_are_printed_and_recorded(cli, args, words):
    done = cli.ok("participant", "add", "--name", "W", *args)
    assert "warning:" in done.stderr and words in done.stderr
    assert events(cli, "person.admitted")[-1]["payload"]["notices"]


def test_a_fixed_term_over_20_years_is_refused(cli):
    """The longest fixed term is 20 years (KUHP): longer is life, or a typing mistake."""
    result = cli("participant", "add", "--name", "W", "--reg-no", "B.I-1/2025",
                 "--detained", "2025-01-10", "--sentence", "25 tahun")
    assert result.exit_code == 1 and "is longer than 20 years" in result.stderr
    cli.ok("participant", "add", "--name", "W", "--reg-no", "B.I-1/2025",
           "--detained", "2025-01-10", "--sentence", "20 tahun")


def test_strict_import_rejects_rows_that_only_warn(cli, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("reg_no,name,detained_on,sentence\nB.III-1/2025,A,2025-01-10,1y6m\n"
                    "B.I-2/2025,B,2025-01-10,2y\n")
    assert "kurungan of 1y 6m" in cli("import", "participants", str(path), "--strict").stderr
    assert len(cli.json("participant", "list")) == 0
    loaded = cli.ok("import", "participants", str(path))
    assert "line 2: warning: kurungan of 1y 6m" in loaded.stderr
    assert len(cli.json("participant", "list")) == 2


# -- the whole ledger through export all / import all ---------------------------------------------

def test_round_trip_with_verdicts_returns_voids_overrides_revocations_and_langsung_bebas(
        cli, tmp_path):
    cli.ok("participant", "add", "--name", "Tahanan", "--reg-no", "A.II-7/2026", "--detained",
           "2026-02-01")
    cli.ok("assign", "A.II-7/2026", "KES-PREVENTIF", "--on", "2026-02-10")
    cli.ok("participant", "sentence", "A.II-7/2026", "--reg-no", "B.I-70/2026", "--sentence",
           "2y", "--on", "2026-05-04")
    cli.ok("complete", "B.I-70/2026", "KES-PREVENTIF", "--on", "2026-05-10")
    add_person(cli, "B.I-1/2025", detained="2024-01-10", sentence="3y")
    cli.ok("release", "B.I-1/2025", "--on", "2026-03-01", "--type", "pindah", "--to", "Jambi")
    cli.ok("participant", "return", "B.I-1/2025", "--on", "2026-04-01")
    cli.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2026-04-02")
    cli.ok("void", "B.I-1/2025", "OLAH-MADU", "--on", "2026-04-02", "--reason", "salah")
    cli.ok("remission", "add", "B.I-1/2025", "--on", "2025-03-31", "--kind", "RK", "--days", "15")
    cli.ok("remission", "add", "B.I-1/2025", "--on", "2025-12-25", "--kind", "RK", "--days", "15",
           "--override", "Natal")
    cli.ok("remission", "add", "B.I-1/2025", "--on", "2026-08-17", "--kind", "RU", "--days", "30")
    cli.ok("void", "B.I-1/2025", "remission", "--on", "2026-08-17", "--reason", "SK salah")
    add_person(cli, "B.IIa-1/2024", detained="2023-12-31", sentence="8 bulan")
    cli.ok("remission", "add", "B.IIa-1/2024", "--on", "2024-08-17", "--kind", "RU", "--days",
           "30", "--release")
    add_person(cli, "B.I-2/2025", detained="2025-01-10", sentence="3y")
    cli.ok("assign", "B.I-2/2025", "IKAN-AIRTAWAR", "--on", "2025-03-01")
    cli.ok("release", "B.I-2/2025", "--on", "2026-02-10", "--type", "ekspirasi", "--override",
           "grasi")
    cli.ok("void", "B.I-2/2025", "release", "--on", "2026-02-10", "--reason", "salah orang")
    add_person(cli, "B.I-3/2022", detained="2022-01-10", sentence="3y")
    cli.ok("release", "B.I-3/2022", "--on", "2024-01-10", "--type", "pb")
    cli.ok("revoke", "B.I-3/2022", "--on", "2024-06-01", "--reason", "melanggar syarat")
    other = assert_round_trip(cli, tmp_path)
    # loading it again changes nothing
    before = other.events()
    other.ok("import", "all", str(tmp_path / "all.csv"))
    assert other.events() == before


# -- recidivism counts sentenced stays only -------------------------------------------------------

def test_recidivism_leaves_out_pretrial_stays_and_returns_from_transfer(cli):
    # released from pre-trial detention, detained again: neither a release nor a readmission
    cli.ok("participant", "add", "--name", "A", "--reg-no", "A.II-1/2021", "--detained",
           "2021-01-10")
    cli.ok("release", "A.II-1/2021", "--on", "2021-03-01", "--type", "bebas-demi-hukum")
    cli.ok("participant", "readmit", "A.II-1/2021", "--reg-no", "A.II-2/2021", "--detained",
           "2021-06-01")
    # a sentenced release followed by a pre-trial stay never sentenced (acquitted)
    add_person(cli, "B.IIa-1/2021", detained="2020-11-01", sentence="6 bulan")
    cli.ok("release", "B.IIa-1/2021", "--on", "2021-05-01", "--type", "ekspirasi")
    cli.ok("participant", "readmit", "B.IIa-1/2021", "--reg-no", "A.II-3/2021", "--detained",
           "2021-08-01")
    cli.ok("release", "A.II-3/2021", "--on", "2021-09-01", "--type", "bebas-demi-hukum")
    # a sentenced stay transferred out and back, then released: one release, no readmission
    add_person(cli, "B.IIa-2/2021", detained="2020-12-01", sentence="8 bulan")
    cli.ok("release", "B.IIa-2/2021", "--on", "2021-02-01", "--type", "pindah")
    cli.ok("participant", "return", "B.IIa-2/2021", "--on", "2021-03-01")
    cli.ok("release", "B.IIa-2/2021", "--on", "2021-08-01", "--type", "ekspirasi")
    rows = cli.json("report", "recidivism", "--windows", "1")["rows"]
    cohort = [r for r in rows if r["cohort"] == 2021]
    assert sum(r["released"] for r in cohort) == 2
    assert sum(r["readmitted"] for r in cohort) == 0
    # once the second pre-trial stay is sentenced, it is a readmission
    cli.ok("participant", "readmit", "A.II-3/2021", "--reg-no", "A.III-4/2022", "--detained",
           "2022-02-01")
    cli.ok("participant", "sentence", "A.III-4/2022", "--class", "B.I", "--sentence", "2y",
           "--on", "2022-04-01")
    rows = cli.json("report", "recidivism", "--windows", "1")["rows"]
    assert sum(r["readmitted"] for r in rows if r["cohort"] == 2021) == 1
