"""participant add | list | show | edit through the CLI: output, errors, nothing half-written."""

import json

import pytest

from conftest import add_person, dump

GOOD = ["participant", "add", "--name", "Siti Aminah", "--reg-no", "B.I-10/2025",
        "--detained", "2025-01-01", "--sentence", "2y"]


def test_add_then_show_as_json(cli):
    result = cli.ok("participant", "add", "--name", "Siti Aminah", "--reg-no", "BI 10/2025",
                    "--detained", "08/10/2024", "--admitted", "8 Okt 2024",
                    "--sentence", "2 tahun 6 bulan", "--nik", "1506045807900003",
                    "--crime", "penipuan")
    assert result.stdout == ""
    assert "Siti Aminah" in result.stderr and "B.I-10/2025" in result.stderr
    shown = cli.json("participant", "show", "b.i.10/2025")
    assert shown["name"] == "Siti Aminah"
    assert shown["nik"] == "1506********0003"
    assert shown["gender"] == "P" and shown["birth_date"] == "1990-07-18"   # read from the NIK
    stay = shown["stays"][0]
    assert stay["reg_no"] == "B.I-10/2025" and stay["register_class"] == "B.I"
    assert stay["lapas"] == "KTL" and stay["status"] == "in_custody"
    assert stay["detained_on"] == "2024-10-08" and stay["sentence"] == "2y 6m"
    assert stay["expiry"] == "2027-04-08"
    assert shown["enrolments"] == [] and shown["remissions"] == []


def test_who_can_be_the_nik(cli):
    add_person(cli, nik="1506041203900001")
    assert cli.json("participant", "show", "1506041203900001")["name"] == "Budi Santoso"


def test_list_json_is_one_object_per_person_and_filters(cli):
    add_person(cli)
    add_person(cli, "B.I-2/2025", name="Agus Salim")
    cli.ok("release", "B.I-2/2025", "--on", "2026-01-15", "--type", "ekspirasi",
           "--override", "test")
    people = cli.json("participant", "list")
    assert [p["name"] for p in people] == ["Agus Salim", "Budi Santoso"]
    assert {"id", "name", "reg_no", "status", "nik"} <= set(people[0])
    assert [p["name"] for p in cli.json("participant", "list", "--status", "in-custody")] == \
        ["Budi Santoso"]
    assert [p["name"] for p in cli.json("participant", "list", "--status", "released")] == \
        ["Agus Salim"]
    assert [p["name"] for p in cli.json("participant", "list", "--search", "agus")] == \
        ["Agus Salim"]
    assert [p["name"] for p in cli.json("participant", "list", "--status", "bebas")] == \
        ["Agus Salim"]
    assert cli("participant", "list", "--status", "kabur").exit_code == 1


def test_list_formats(cli):
    add_person(cli)
    csv_out = cli.ok("participant", "list", "-f", "csv").stdout.splitlines()
    assert csv_out[0].startswith("reg_no,name,nik")
    assert csv_out[1].startswith("B.I-1/2025,Budi Santoso")
    markdown = cli.ok("participant", "list", "-f", "markdown").stdout
    assert markdown.splitlines()[0].startswith("| Register no. | Name")
    table = cli.ok("participant", "list").stdout
    assert "Budi Santoso" in table and "\x1b[" not in table   # no colour off a terminal
    indonesian = cli.ok("--lang", "id", "participant", "list").stdout
    assert "Nama" in indonesian


def test_output_file_takes_format_from_extension(cli, tmp_path):
    add_person(cli)
    target = tmp_path / "out" / "people.json"
    result = cli.ok("participant", "list", "-o", str(target))
    assert result.stdout == ""
    assert json.loads(target.read_text())[0]["name"] == "Budi Santoso"
    assert (target.stat().st_mode & 0o777) == 0o600


def test_output_extension_this_command_cannot_write_is_refused(cli, tmp_path):
    add_person(cli)
    result = cli("participant", "list", "-o", str(tmp_path / "people.html"))
    assert result.exit_code == 1 and "html" in result.stderr
    assert not (tmp_path / "people.html").exists()
    cli.ok("participant", "list", "-o", str(tmp_path / "people.txt"))   # unknown: a table
    assert "Budi Santoso" in (tmp_path / "people.txt").read_text()


def test_reveal_shows_nik_and_records_the_access(cli):
    add_person(cli, nik="1506041203900001")
    before = cli.events()
    shown = cli.json("participant", "show", "B.I-1/2025", "--reveal")
    assert shown["nik"] == "1506041203900001"
    accessed = cli.json("log")[-1]
    assert accessed["kind"] == "person.accessed" and cli.events() == before + 1
    assert cli.json("participant", "show", "B.I-1/2025")["nik"] == "1506********0001"


def test_edit_is_a_correction_event(cli):
    add_person(cli)
    cli.ok("participant", "edit", "B.I-1/2025", "--name", "Budi S.", "--gender", "L",
           "--crime", "pencurian")
    shown = cli.json("participant", "show", "B.I-1/2025")
    assert shown["name"] == "Budi S." and shown["stays"][0]["crime"] == "pencurian"
    kinds = [e["kind"] for e in cli.json("log", "B.I-1/2025")]
    assert kinds[-2:] == ["person.corrected", "stay.corrected"]
    result = cli("participant", "edit", "B.I-1/2025", "--name", "Budi S.")
    assert result.exit_code == 1 and "Nothing to change" in result.stderr
    cli.ok("verify")


def test_edit_nik_must_agree_and_be_unique(cli):
    add_person(cli, gender="L")
    add_person(cli, "B.I-2/2025", nik="1506041203900001")
    assert cli("participant", "edit", "B.I-1/2025", "--nik", "1506045807900003").exit_code == 1
    assert cli("participant", "edit", "B.I-1/2025", "--nik", "1506041203900001").exit_code == 1


def test_pretrial_and_kurungan(cli):
    cli.ok("participant", "add", "--name", "T", "--reg-no", "A.II-3/2026", "--detained",
           "2026-10-01")
    cli.ok("participant", "add", "--name", "K", "--reg-no", "B.III-4/2026", "--detained",
           "2026-10-01", "--sentence", "2 bulan", "--in-lieu-of-fine")
    stays = {p["reg_no"]: p for p in cli.json("participant", "list")}
    assert stays["A.II-3/2026"]["sentence"] is None
    kurungan = cli.json("participant", "show", "B.III-4/2026")["stays"][0]
    assert kurungan["kurungan"] and kurungan["fine_substitute"]


@pytest.mark.parametrize("extra, field", [
    (["--nik", "150604580790000"], "nik"),             # 15 digits
    (["--nik", "1506043507900003"], "nik"),            # day 35
    (["--nik", "1506045807900003", "--gender", "L"], "nik"),   # sex disagrees
    (["--nik", "1506045807900003", "--birth-date", "1990-07-19"], "nik"),
    (["--birth-date", "2030-01-01"], "birth_date"),    # future
    (["--admitted", "2024-12-01"], "detained"),        # detention after admission
    (["--gender", "X"], "gender"),
])
def test_bad_input_is_refused_and_nothing_written(cli, extra, field):
    add_person(cli, nik="1506041203900001")
    before = dump(cli.db)
    result = cli(*GOOD, *extra)
    assert result.exit_code == 1, result.stderr
    # the error names the option as it was typed (--birth-date, not birth_date)
    assert result.stderr.startswith(f"wbpctl: --{field.replace('_', '-')} ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert dump(cli.db) == before


def test_a_nik_another_person_holds_is_refused_naming_them(cli):
    """The clerk is told whose NIK it is (by register number), on a correction too, and
    in Indonesian."""
    add_person(cli, nik="1506041203900001")
    add_person(cli, "B.I-2/2025", name="Agus")
    before = dump(cli.db)
    result = cli("--lang", "id", "participant", "edit", "B.I-2/2025",
                 "--nik", "1506041203900001")
    assert result.exit_code == 1
    assert result.stderr == "wbpctl: --nik '1506041203900001': sudah milik B.I-1/2025\n"
    assert dump(cli.db) == before


@pytest.mark.parametrize("args, words", [
    (["--sentence", "dua tahun"], "not a sentence"),
    (["--sentence", "6 bulan"], "class B.IIa"),          # B.I needs over a year
    (["--reg-no", "B.I-1/2025"], "already used"),        # duplicate register number
    (["--reg-no", "BI 1/2025"], "already used"),         # same number, other spelling
    (["--nik", "1506041203900001"], "already belongs to B.I-1/2025"),   # duplicate NIK
    (["--detained", "2027-01-01"], "future"),
    (["--detained", "31/02/2025"], "real calendar date"),
    (["--name", "  "], "empty"),
])
def test_rule_refusals_name_the_rule(cli, args, words):
    add_person(cli, nik="1506041203900001")
    before = dump(cli.db)
    base = dict(zip(GOOD[2::2], GOOD[3::2]))
    base.update(dict(zip(args[::2], args[1::2])))
    result = cli("participant", "add", *[x for kv in base.items() for x in kv])
    assert result.exit_code == 1
    assert words in result.stderr
    assert dump(cli.db) == before


def test_nik_of_a_released_person_points_to_readmit(cli):
    add_person(cli, nik="1506041203900001", detained="2022-01-10")
    cli.ok("release", "B.I-1/2025", "--on", "2026-06-01", "--type", "pb")
    result = cli(*GOOD[:-4], "--detained", "2026-09-01", "--sentence", "2y", "--nik",
                 "1506041203900001")
    assert result.exit_code == 1 and "readmit" in result.stderr


def test_unknown_who_is_exit_3(cli):
    for who in ("B.I-99/2025", "1506041203900001", "nobody"):
        result = cli("participant", "show", who)
        assert result.exit_code == 3
        assert "No participant matches" in result.stderr


def test_show_formats(cli):
    add_person(cli)
    table = cli.ok("participant", "show", "B.I-1/2025").stdout
    assert "Participant" in table and "Stays" in table and "10-01-2027" in table
    long_csv = cli.ok("participant", "show", "B.I-1/2025", "-f", "csv").stdout.splitlines()
    assert long_csv[0] == "section,index,field,value"
    assert "person,1,name,Budi Santoso" in long_csv
    assert "## Stays" in cli.ok("participant", "show", "B.I-1/2025", "-f", "markdown").stdout


def test_markup_in_names_prints_as_typed(cli):
    add_person(cli, name="[bold]Robert'); DROP TABLE events; --")
    table = cli.ok("participant", "list").stdout
    assert "[bold]Robert'); DROP TABLE events; --" in table
    cli.ok("verify")


def test_log_masks_nik_in_payloads_unless_revealed(cli):
    add_person(cli, nik="1506041203900001")
    cli.ok("participant", "edit", "B.I-1/2025", "--nik", "1506041203900002")
    text = cli.ok("log", "-f", "json").stdout
    assert "1506041203900001" not in text and "1506041203900002" not in text
    assert "1506********0001" in text
    before = cli.events()
    revealed = cli.ok("log", "B.I-1/2025", "--reveal", "-f", "json").stdout
    assert "1506041203900001" in revealed
    assert cli.json("log")[-1]["kind"] == "person.accessed" and cli.events() == before + 1


def test_in_lieu_of_a_fine_needs_a_kurungan_number(cli):
    result = cli("participant", "add", "--name", "K", "--reg-no", "B.IIb-4/2026", "--detained",
                 "2026-10-01", "--sentence", "2 bulan", "--in-lieu-of-fine")
    assert result.exit_code == 1 and "B.III" in result.stderr
    add_person(cli, "B.I-1/2020", detained="2020-01-10", sentence="2y")
    cli.ok("release", "B.I-1/2020", "--on", "2022-01-10", "--type", "ekspirasi")
    result = cli("participant", "readmit", "B.I-1/2020", "--reg-no", "B.IIb-5/2026",
                 "--detained", "2026-10-01", "--sentence", "2 bulan", "--in-lieu-of-fine")
    assert result.exit_code == 1 and "B.III" in result.stderr
