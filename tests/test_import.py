"""wbpctl import: messy spreadsheet files, all or nothing, idempotence, error reports."""

import csv
import io
import json

import pytest

from conftest import Cli, add_person
from conftest import dump

HEADER = "reg_no,name,nik,gender,birth_date,detained_on,admitted_on,sentence,crime\n"
ROWS = ("B.I-1/2025,Budi Santoso,1506041203900001,L,1990-03-12,2025-01-10,2025-01-15,3y,pencurian\n"
        "B.IIa-2/2025,Siti Aminah,,P,1985-05-05,2025-02-01,,8 bulan,penipuan\n")


def write(tmp_path, text: str, name: str = "in.csv", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def names(cli) -> list[str]:
    return [p["name"] for p in cli.json("participant", "list")]


def test_import_participants_then_again_is_a_no_op(cli, tmp_path):
    path = write(tmp_path, HEADER + ROWS)
    first = cli.ok("import", "participants", path)
    assert "2 new" in first.stderr and first.stdout == ""
    assert names(cli) == ["Budi Santoso", "Siti Aminah"]
    before = dump(cli.db)
    again = cli.ok("import", "participants", path)
    assert "Nothing new: 2 unchanged" in again.stderr
    assert dump(cli.db) == before
    batch = {e["batch"] for e in cli.json("log") if e["kind"] == "person.admitted"}
    assert len(batch) == 1 and None not in batch          # one import, one batch id


def test_events_are_the_same_as_the_single_command(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    kinds = [e["kind"] for e in cli.json("log")]
    assert kinds == ["catalog.synced", "person.admitted", "person.admitted"]
    cli.ok("verify")


def test_spreadsheet_dialect(cli, tmp_path):
    text = ("\ufeffNo. Registrasi;Nama;NIK;Jenis Kelamin;Tgl Lahir;Tanggal Penahanan;"
            "Tanggal Masuk;Lama Pidana;Perkara\r\n"
            "BI 1/2025;\"Santoso; Budi\";1506041203900001;Laki-laki;12/03/1990;10/01/2025;"
            "15 Jan 2025;3 tahun;\"pencurian\r\ndengan pemberatan\"\r\n"
            "B.IIa-2/2025;Siti Aminah;;Perempuan;05-05-1985;1 Feb 2025;;8 bulan;penipuan\r\n"
            "\r\n\r\n")
    result = cli.ok("import", "participants", write(tmp_path, text))
    assert "2 new" in result.stderr
    budi = cli.json("participant", "show", "B.I-1/2025")
    assert budi["name"] == "Santoso; Budi" and budi["gender"] == "L"
    assert budi["stays"][0]["crime"] == "pencurian dengan pemberatan"
    assert budi["stays"][0]["admitted_on"] == "2025-01-15"
    assert cli.json("participant", "show", "B.IIa-2/2025")["gender"] == "P"


def test_windows_1252_needs_the_encoding_option(cli, tmp_path):
    path = write(tmp_path, HEADER + "B.I-1/2025,José Müller,,L,,2025-01-10,,3y,\n",
                 encoding="cp1252")
    refused = cli("import", "participants", path)
    assert refused.exit_code == 1 and "--encoding cp1252" in refused.stderr
    cli.ok("import", "participants", path, "--encoding", "cp1252")
    assert names(cli) == ["José Müller"]


def test_excel_unicode_text_is_utf16_with_tabs(cli, tmp_path):
    text = "reg_no\tname\tdetained_on\tsentence\r\nB.I-1/2025\tJosé Müller\t01/09/2025\t3y\r\n"
    cli.ok("import", "participants", write(tmp_path, text, encoding="utf-16"))
    assert names(cli) == ["José Müller"]


def test_dates_with_a_time_load_and_spreadsheet_day_numbers_are_explained(cli, tmp_path):
    text = ("reg_no,name,detained_on,sentence\n"
            "B.I-1/2025,Budi,2025-01-10 00:00:00,3y\n"
            "B.I-2/2025,Agus,45667,3y\n")
    refused = cli("import", "participants", write(tmp_path, text))
    assert refused.stderr.splitlines()[0] == (
        "line 3, detained_on '45667': is a spreadsheet's day number (2025-01-10?): format the"
        " column as a date (dd/mm/yyyy) and export again")
    cli.ok("import", "participants", write(tmp_path, text.replace("45667", "10/01/2025")))
    assert [s["detained_on"] for s in cli.json("participant", "list")] == ["2025-01-10"] * 2


def test_a_damaged_workbook_is_named_as_such(cli, tmp_path):
    import zipfile

    book = tmp_path / "daftar.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    refused = cli("import", "participants", str(book))
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"wbpctl: Cannot read the workbook {book}: ")


def test_header_case_and_spaces_do_not_matter_and_delimiter_can_be_given(cli, tmp_path):
    text = "REG NO|Name|Detained On|SENTENCE\nB.I-1/2025|Budi|2025-01-10|3y\n"
    cli.ok("import", "participants", write(tmp_path, text), "--delimiter", "|")
    assert names(cli) == ["Budi"]


def test_a_delimiter_a_script_cannot_type_is_given_by_name(cli, tmp_path):
    path = write(tmp_path, "reg_no\tname\tdetained_on\tsentence\nB.I-1/2025\tBudi\t2025-01-10\t3y\n")
    assert "1 new" in cli.ok("import", "participants", path, "--delimiter", "tab",
                             "--dry-run").stderr
    assert "1 new" in cli.ok("import", "participants", path, "--delimiter", "\\t").stderr
    refused = cli("import", "participants", path, "--delimiter", ";;")
    assert refused.exit_code == 1 and "one character, or tab" in refused.stderr


def test_unknown_column_is_an_error_unless_ignored(cli, tmp_path):
    path = write(tmp_path, "reg_no,name,detained_on,sentence,Catatan\nB.I-1/2025,Budi,2025-01-10,3y,x\n")
    refused = cli("import", "participants", path)
    assert refused.exit_code == 1 and "'Catatan'" in refused.stderr
    cli.ok("import", "participants", path, "--ignore-extra")


def test_an_unknown_column_close_to_a_known_one_is_named(cli, tmp_path):
    """A sheet's own spelling of a header wbpctl knows gets the known spelling; a column
    like no other gets no guess."""
    path = write(tmp_path, "No Registrasi;Nama;Tanggal Penahanan Awal;Vonis;Alamat\r\n"
                           "B.I-1/2025;Budi;10/01/2025;3 tahun;Jl. Melati\r\n")
    refused = cli("--lang", "id", "import", "participants", path)
    assert refused.exit_code == 1
    assert "Kolom tak dikenal 'Tanggal Penahanan Awal', 'Alamat': maksudnya" \
        " 'Tanggal Penahanan'?" in " ".join(refused.stderr.split())
    alone = cli("import", "participants", write(tmp_path, "reg_no,name,detained_on,sentence,"
                                                          "Catatan\nB.I-1/2025,B,2025-01-10,3y,x\n"))
    assert "did you mean" not in alone.stderr and "'Catatan'" in alone.stderr


def test_empty_columns_a_spreadsheet_adds_are_fine_while_empty(cli, tmp_path):
    text = ("reg_no;name;detained_on;sentence;;\r\n"
            "B.I-1/2025;Budi;2025-01-10;3y;;\r\n"
            "B.I-2/2025;Agus;2025-01-10;3y\r\n"                 # a short row is fine too
            "B.I-3/2025;Ani;2025-01-10;3y;;catatan\r\n")
    refused = cli("import", "participants", write(tmp_path, text))
    assert refused.exit_code == 1
    assert refused.stderr.startswith("line 4, #6 'catatan': is in a column with no header")
    assert "1 rejected" in refused.stderr
    cli.ok("import", "participants", write(tmp_path, text), "--ignore-extra")
    assert sorted(names(cli)) == ["Agus", "Ani", "Budi"]


def test_a_row_longer_than_the_header_is_named_with_the_likely_cause(cli, tmp_path):
    text = HEADER + ("B.I-1/2025,Santoso, Budi,,L,,2025-01-10,,3y,curi\n"   # comma in a name
                     "B.I-2/2025,Agus,,L,,2025-01-10,,3y,,,\n")         # trailing empty cells
    errors_file = tmp_path / "errors.csv"
    refused = cli("import", "participants", write(tmp_path, text), "--errors", str(errors_file))
    assert refused.stderr.splitlines()[0] == (
        "line 2: 10 values, but the header has 9 columns: is there a ',' inside a value"
        " that is not in quotes?")
    assert "1 rejected" in refused.stderr
    # fixing the row in the errors file lines its reason up with the header again
    fixed = errors_file.read_text(encoding="utf-8").replace("Santoso, Budi", '"Santoso, Budi"')
    errors_file.write_text(fixed, encoding="utf-8")
    assert list(csv.reader(io.StringIO(fixed)))[1][9].startswith("10 values")
    cli.ok("import", "participants", str(errors_file))
    assert names(cli) == ["Santoso, Budi"]


def test_missing_required_column_is_an_error_before_any_row(cli, tmp_path):
    result = cli("import", "participants", write(tmp_path, "reg_no,name,sentence\nB.I-1/2025,Budi,3y\n"))
    assert result.exit_code == 1 and "detained_on" in result.stderr
    assert "line" not in result.stderr


def test_every_bad_row_is_listed_and_nothing_is_written(cli, tmp_path):
    add_person(cli, "B.I-9/2025", nik="1506041203900009")
    before = dump(cli.db)
    text = HEADER + (
        "B.I-1/2025,Budi,150604120390000,L,,2025-01-10,,3y,\n"          # line 2: 15-digit NIK
        "B.I-2/2025,Agus,,L,,2025-01-10,,3y,\n"                        # line 3: fine
        "B.I-3/2025,Ani,1.50604E+15,P,,2025-01-10,,3y,\n"              # line 4: spreadsheet NIK
        "B.I-4/2025,Dedi,,L,,35/01/2025,,3y,\n"                        # line 5: bad date
        "B.I-9/2025,Eko,,L,,2025-01-10,,3y,\n"                         # line 6: row that differs
        "B.I-2/2025,Agus Lagi,,L,,2025-01-10,,3y,\n")                  # line 7: differs from line 3
    errors_file = tmp_path / "errors.csv"
    result = cli("import", "participants", write(tmp_path, text), "--errors", str(errors_file))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert any(l.startswith("line 2, nik '150604120390000'") for l in lines)
    assert any(l.startswith("line 4, nik '1.50604E+15'") and "format the column as text" in l
               for l in lines)
    assert any(l.startswith("line 5, detained_on '35/01/2025'") for l in lines)
    assert any(l.startswith("line 6, name 'Eko'") and "--update" in l for l in lines)
    assert any(l.startswith("line 7, name 'Agus Lagi'") for l in lines)
    assert not any(l.startswith("line 3") for l in lines)
    assert "5 rejected" in lines[-1] and "Nothing written" in lines[-1]
    assert dump(cli.db) == before
    rejected = list(csv.DictReader(errors_file.open(encoding="utf-8")))
    assert [r["reg_no"] for r in rejected] == ["B.I-1/2025", "B.I-3/2025", "B.I-4/2025",
                                               "B.I-9/2025", "B.I-2/2025"]
    assert all(r["rejection_reason"] for r in rejected)


def test_errors_file_reloads_once_fixed(cli, tmp_path):
    errors_file = tmp_path / "errors.csv"
    cli("import", "participants", write(tmp_path, HEADER + "B.I-1/2025,Budi,123,L,,2025-01-10,,3y,\n"),
        "--errors", str(errors_file))
    fixed = errors_file.read_text(encoding="utf-8").replace(",123,", ",1506041203900001,")
    errors_file.write_text(fixed, encoding="utf-8")
    cli.ok("import", "participants", str(errors_file))
    assert names(cli) == ["Budi"]


def test_update_records_corrections(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    changed = ROWS.replace("Siti Aminah", "Siti Aminah Lubis").replace("8 bulan", "10 bulan")
    cli.ok("import", "participants", write(tmp_path, HEADER + changed, "b.csv"), "--update")
    siti = cli.json("participant", "show", "B.IIa-2/2025")
    assert siti["name"] == "Siti Aminah Lubis" and siti["stays"][0]["sentence"] == "10m"
    assert [e["kind"] for e in cli.json("log")][-2:] == ["person.corrected", "stay.corrected"]
    cli.ok("verify")


def test_dry_run_says_what_would_happen_and_writes_nothing(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS.splitlines(True)[0]))
    before = dump(cli.db)
    result = cli.ok("import", "participants", write(tmp_path, HEADER + ROWS, "b.csv"), "--dry-run")
    assert "Dry run" in result.stderr and "1 new" in result.stderr and "1 unchanged" in result.stderr
    assert dump(cli.db) == before


def test_title_lines_above_the_header_are_skipped_and_said(cli, tmp_path):
    text = ("DAFTAR WBP LAPAS KELAS IIB KUALA TUNGKAL;;;;;;;;\r\n"
            "Bulan November 2026;;;;;;;;\r\n;;;;;;;;\r\n"
            + HEADER.replace(",", ";") + "B.I-1/2025;Budi;;L;;2025-01-10;;3y;\r\n"
            "B.I-2/2025;Agus;;L;;35/01/2025;;3y;\r\n")
    refused = cli("import", "participants", write(tmp_path, text))
    assert refused.stderr.splitlines()[:2] == [
        "Header on line 4: the 3 line(s) above it taken as a title",
        "line 6, detained_on '35/01/2025': is not a real calendar date"]
    fixed = write(tmp_path, text.replace("35/01", "25/01"))
    assert cli.ok("import", "participants", fixed, "--quiet").stderr == ""
    assert names(cli) == ["Agus", "Budi"]


def test_a_file_of_one_column_is_not_taken_for_titles(cli, tmp_path):
    refused = cli("import", "participants", write(tmp_path, "reg_no\nB.I-1/2025\nB.I-2/2025\n"))
    assert refused.exit_code == 1 and "Missing required column(s): name" in refused.stderr


def test_files_joined_with_cat_repeat_their_header_and_load(cli, tmp_path):
    first, second = HEADER + ROWS.splitlines(True)[0], HEADER + ROWS.splitlines(True)[1]
    joined = ("\ufeff" + first + "\ufeff" + second).encode("utf-8")
    result = cli("import", "participants", "-", input=joined)
    assert result.exit_code == 0 and "2 new" in result.stderr
    assert names(cli) == ["Budi Santoso", "Siti Aminah"]


def test_stdin(cli):
    result = cli("import", "participants", "-", input=HEADER + ROWS)
    assert result.exit_code == 0, result.stderr
    assert len(names(cli)) == 2


def test_progress_for_standard_input_starts_after_a_few_thousand_rows():
    from wbpctl.cli.transfer import _Progress

    piped = _Progress(size=None)
    piped(1000, 0)
    assert piped.bar is None                  # a short pipe shows nothing
    piped(3000, 0)
    assert piped.bar is not None and piped.bar.tasks[0].completed == 3000
    piped.close()
    file = _Progress(size=1_000_000)
    file(1000, 40_000)
    assert file.bar.tasks[0].completed == 40_000
    file.close()


def test_quiet_silences_the_summary(cli, tmp_path):
    assert cli.ok("import", "participants", write(tmp_path, HEADER + ROWS), "--quiet").stderr == ""


def test_other_kinds_and_who_by_nik(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    cli.ok("sponsor", "add", "--name", "Yayasan", "--kind", "lembaga")
    cli.ok("import", "enrolments", write(tmp_path, "NIK,Kode Pelatihan,Tanggal Mulai,Sponsor\n"
                                                   "1506041203900001,olah-madu,01/03/2025,Yayasan\n"
                                                   "1506041203900001,ADMINDUK,01/03/2025,\n", "e.csv"))
    cli.ok("import", "completions", write(tmp_path, "No Reg,Kode Pelatihan,Tanggal Selesai,Jam,Hasil,"
                                                    "No. Sertifikat\nB.I-1/2025,OLAH-MADU,01/06/2025,"
                                                    "\"40,5\",pass,C-1\n", "c.csv"))
    cli.ok("import", "remissions", write(tmp_path, "reg_no,granted_on,kind,days\n"
                                                   "B.I-1/2025,17/08/2025,RU,60\n", "r.csv"))
    cli.ok("import", "releases", write(tmp_path, "reg_no,Tanggal Bebas,Jenis Bebas\n"
                                                 "B.IIa-2/2025,2025-10-01,ekspirasi\n", "x.csv"))
    budi = cli.json("participant", "show", "B.I-1/2025")
    statuses = {e["track"]: (e["status"], e["hours"]) for e in budi["enrolments"]}
    assert statuses == {"OLAH-MADU": ("completed", 40.5), "ADMINDUK": ("active", None)}
    assert budi["remissions"][0]["days"] == 60
    assert cli.json("participant", "show", "B.IIa-2/2025")["status"] == "released"
    again = cli.ok("import", "completions", str(tmp_path / "c.csv"))
    assert "1 unchanged" in again.stderr
    cli.ok("verify")


def test_indonesian_words_in_every_kind_and_loading_them_again_changes_nothing(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    files = {
        "enrolments": "No Reg;Pelatihan;Tanggal Mulai\n"
                      "B.I-1/2025;olah-madu;01/03/2025\nB.I-1/2025;Sayuran organik;01/03/2025\n"
                      "B.IIa-2/2025;OLAH-MADU;01/03/2025\n",
        "completions": "No Reg;Kode Pelatihan;Tanggal Selesai;Hasil\n"
                       "B.I-1/2025;OLAH-MADU;01/06/2025;Lulus\n"
                       "B.IIa-2/2025;OLAH-MADU;01/06/2025;Tidak Lulus\n",
        "drops": "No Reg;Kode Pelatihan;Tanggal Keluar;Alasan\n"
                 "B.I-1/2025;HORT-ORGANIK;02/06/2025;Sakit\n",
        "remissions": "No Reg;Tanggal Remisi;Jenis Remisi;Hari\n"
                      "B.I-1/2025;17/08/2025;Remisi Umum;2 bulan\n",
        "releases": "No Reg;Tanggal Bebas;Jenis Bebas\nB.IIa-2/2025;01/10/2025;Bebas Murni\n",
    }
    for kind, text in files.items():
        files[kind] = write(tmp_path, text, f"{kind}.csv")
        cli.ok("import", kind, files[kind])
    budi = cli.json("participant", "show", "B.I-1/2025")
    assert {e["track"]: e["status"] for e in budi["enrolments"]} == {
        "OLAH-MADU": "completed", "HORT-ORGANIK": "dropped"}
    assert [(r["kind"], r["days"]) for r in budi["remissions"]] == [("RU", 60)]
    siti = cli.json("participant", "show", "B.IIa-2/2025")
    assert siti["status"] == "released" and siti["stays"][0]["release_type"] == "ekspirasi"
    assert siti["enrolments"][0]["status"] == "failed"
    before = dump(cli.db)
    for kind, path in files.items():
        assert "Nothing new" in cli.ok("import", kind, path).stderr
    assert dump(cli.db) == before
    cli.ok("verify")


def test_a_differing_row_of_any_kind_is_an_error_or_with_update_a_correction(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    for name in ("Yayasan A", "Yayasan B"):
        cli.ok("sponsor", "add", "--name", name, "--kind", "lembaga")
    files = {
        "enrolments": ("reg_no,track,assigned_on,sponsor\n"
                       "B.I-1/2025,OLAH-MADU,2025-03-01,Yayasan A\n"
                       "B.I-1/2025,HORT-ORGANIK,2025-03-01,\n"),
        "completions": "reg_no,track,completed_on,hours,result,certificate\n"
                       "B.I-1/2025,OLAH-MADU,2025-06-01,40,pass,C-1\n",
        "drops": "reg_no,track,dropped_on,reason\nB.I-1/2025,HORT-ORGANIK,2025-06-02,health\n",
        "remissions": "reg_no,granted_on,kind,days\nB.I-1/2025,2025-08-17,RU,30\n",
    }
    for kind, text in files.items():
        cli.ok("import", kind, write(tmp_path, text, f"{kind}.csv"))
    fixed = {"enrolments": ("Yayasan A", "Yayasan B"), "completions": (",40,pass,", ",42,fail,"),
             "drops": ("health", "keamanan"), "remissions": (",30", ",2 bulan")}
    for kind, (old, new) in fixed.items():
        path = write(tmp_path, files[kind].replace(old, new), f"{kind}.csv")
        refused = cli("import", kind, path)
        assert refused.exit_code == 1 and "line 2," in refused.stderr
        assert "differs from what is recorded" in refused.stderr and "--update" in refused.stderr
        assert "1 changed" in cli.ok("import", kind, path, "--update").stderr
        assert "Nothing new" in cli.ok("import", kind, path).stderr
    budi = cli.json("participant", "show", "B.I-1/2025")
    olah = next(e for e in budi["enrolments"] if e["track"] == "OLAH-MADU")
    assert (olah["sponsor"], olah["hours"], olah["result"], olah["status"]) == (
        "YAYASAN-B", 42.0, "fail", "failed")
    assert budi["remissions"][0]["days"] == 60
    assert [e["kind"] for e in cli.json("log", "B.I-1/2025")].count("enrolment.corrected") == 3
    cli.ok("verify")


def test_a_release_recorded_with_another_type_is_not_changed_by_import(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    cli.ok("import", "releases", write(tmp_path, "reg_no,released_on,release_type\n"
                                                 "B.IIa-2/2025,2025-10-01,ekspirasi\n"))
    refused = cli("import", "releases", write(tmp_path, "reg_no,released_on,release_type\n"
                                                        "B.IIa-2/2025,2025-10-01,pb\n"),
                  "--update")
    assert refused.stderr.startswith("line 2, release_type 'pb': differs from the release"
                                     " recorded that day (ekspirasi)")


def test_rule_refusals_in_other_kinds_name_line_and_column(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    result = cli("import", "enrolments", write(tmp_path, "reg_no,track,assigned_on\n"
                                                         "B.I-1/2025,NOPE,2025-03-01\n"
                                                         "B.I-7/2025,OLAH-MADU,2025-03-01\n"
                                                         "B.I-1/2025,OLAH-MADU,2030-03-01\n", "e.csv"))
    assert result.exit_code == 1
    assert "line 2: No track 'NOPE'" in result.stderr
    assert "line 3: No participant matches 'B.I-7/2025'" in result.stderr
    assert "line 4, assigned_on '2030-03-01'" in result.stderr


def test_rows_see_earlier_rows_of_the_same_file(cli, tmp_path):
    text = HEADER + ROWS + "B.I-1/2025,Budi Santoso,1506041203900001,L,1990-03-12,2025-01-10,2025-01-15,3y,pencurian\n" \
        + "B.I-5/2025,Kembar,1506041203900001,L,,2025-01-10,,3y,\n"
    result = cli("import", "participants", write(tmp_path, text))
    assert result.exit_code == 1
    assert "line 5, nik '1506041203900001': already belongs to B.I-1/2025" in result.stderr


def test_a_person_twice_in_one_file_is_a_readmission_not_a_duplicate(cli, tmp_path):
    uid = "01a22465-9fb1-7009-be45-accac6d136ac"
    text = ("reg_no,name,nik,detained_on,sentence,person_uid\n"
            f"B.I-1/2025,Budi,1506041203900001,2025-01-10,3y,{uid}\n"
            f"B.I-2/2025,Budi,1506041203900001,2025-06-10,3y,{uid}\n")
    refused = cli("import", "participants", write(tmp_path, text))
    assert refused.stderr.startswith(f"line 3: '{uid}' is still in custody under B.I-1/2025")


def test_file_errors(cli, tmp_path):
    assert cli("import", "participants", str(tmp_path / "nope.csv")).exit_code == 1
    assert cli("import", "participants", write(tmp_path, "")).exit_code == 1
    assert cli("import", "nonsense", write(tmp_path, HEADER)).exit_code == 2


def _without_local_ids(value):
    """A record as another ledger would hold it: local ids and the ids of stays,
    enrolments and remissions are made anew; people keep their global id."""
    if isinstance(value, list):
        return [_without_local_ids(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_local_ids(v) for k, v in value.items()
                if k not in ("id", "stay") and not (k == "uid" and "name" not in value)}
    return value


def _everyone(runner) -> list:
    shows = [runner.json("participant", "show", p["uid"])
             for p in runner.json("participant", "list")]
    return sorted((_without_local_ids(show) for show in shows), key=lambda s: s["uid"])


def test_round_trip_of_a_whole_ledger(cli, tmp_path):
    """export all, then import all into an empty database: the same people, stays, tracks,
    waitlists and remissions."""
    cli.ok("init", "--demo")
    # corrections made after the acts they correct travel in the rows of those acts
    add_person(cli, "B.I-900/2025", name="Koreksi", detained="2024-01-10", sentence="3y")
    for name in ("A", "B"):
        cli.ok("sponsor", "add", "--name", name, "--kind", "perorangan")
    cli.ok("assign", "B.I-900/2025", "OLAH-MADU", "--on", "2025-03-01", "--sponsor", "A")
    cli.ok("complete", "B.I-900/2025", "OLAH-MADU", "--on", "2025-06-01", "--hours", "40")
    cli.ok("remission", "add", "B.I-900/2025", "--on", "2025-08-17", "--kind", "RU", "--days", "30")
    cli.ok("enrolment", "edit", "B.I-900/2025", "OLAH-MADU", "--hours", "44", "--sponsor", "B",
           "--result", "fail")
    cli.ok("remission", "edit", "B.I-900/2025", "--on", "2025-08-17", "--kind", "RU",
           "--days", "60")
    assert_round_trip(cli, tmp_path)


def assert_round_trip(cli, tmp_path) -> Cli:
    """export all, import all into an empty database: verify passes on both, and every
    person, stay, place, remission and track is the same. Returns the copy."""
    cli.ok("verify")
    target = tmp_path / "all.csv"
    cli.ok("export", "all", "--reveal", "-o", str(target))
    other = Cli(tmp_path / "copy.db")
    other.ok("init")
    other.ok("import", "all", str(target))
    other.ok("verify")
    assert _everyone(other) == _everyone(cli)
    assert other.json("track", "list") == cli.json("track", "list")
    return other


def test_round_trip_kind_by_kind(cli, tmp_path):
    """Each kind exported to its own file and imported in the order things happen gives
    the same records (when nobody was readmitted: only 'all' keeps that order)."""
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    add_person(cli, "B.I-3/2025", name="Agus", detained="2024-01-10", sentence="2y")
    cli.ok("sponsor", "add", "--name", "Yayasan", "--kind", "lembaga")
    cli.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01", "--sponsor", "Yayasan")
    cli.ok("assign", "B.I-1/2025", "HORT-ORGANIK", "--on", "2025-03-01")
    cli.ok("assign", "B.IIa-2/2025", "OLAH-MADU", "--on", "2025-03-02")
    cli.ok("assign", "B.I-3/2025", "IKAN-AIRTAWAR", "--on", "2025-03-02")
    cli.ok("complete", "B.I-1/2025", "OLAH-MADU", "--on", "2025-06-01", "--hours", "40,5",
           "--certificate", "C-1")
    cli.ok("complete", "B.IIa-2/2025", "OLAH-MADU", "--on", "2025-06-01", "--result", "fail")
    cli.ok("drop", "B.I-1/2025", "HORT-ORGANIK", "--on", "2025-06-02", "--reason", "health")
    cli.ok("remission", "add", "B.I-3/2025", "--on", "2025-08-17", "--kind", "RU", "--days", "60")
    cli.ok("release", "B.I-3/2025", "--on", "2025-11-11", "--type", "ekspirasi")
    other = Cli(tmp_path / "copy.db")
    other.ok("init")
    for kind in ("sponsors", "participants", "enrolments", "completions", "drops",
                 "remissions", "releases"):
        path = tmp_path / f"{kind}.csv"
        cli.ok("export", kind, "--reveal", "-o", str(path))
        other.ok("import", kind, str(path))
    other.ok("verify")
    assert _everyone(other) == _everyone(cli)


def test_export_kinds_mask_nik_unless_revealed(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    rows = list(csv.DictReader(io.StringIO(cli.ok("export", "participants").stdout)))
    assert rows[0]["nik"] == "1506********0001"
    assert list(rows[0])[:9] == HEADER.strip().split(",")
    before = cli.events()
    revealed = json.loads(cli.ok("export", "participants", "-f", "json", "--reveal").stdout)
    assert revealed[0]["nik"] == "1506041203900001"
    assert cli.events() == before + 1
    anonymous = list(csv.DictReader(io.StringIO(cli.ok(
        "export", "participants", "--anonymize", "--min-k", "1").stdout)))
    assert "name" not in anonymous[0] and "nik" not in anonymous[0]
    assert anonymous[0]["reg_no"].startswith("X-") and anonymous[0]["sentence"] == "1-3y"
    again = list(csv.DictReader(io.StringIO(cli.ok(
        "export", "participants", "--anonymize", "--min-k", "1").stdout)))
    assert again[0]["reg_no"] != anonymous[0]["reg_no"]      # new pseudonyms each time


def test_masked_and_anonymized_exports_say_why_they_do_not_load(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    masked, anonymous = tmp_path / "masked.csv", tmp_path / "anonymous.csv"
    cli.ok("export", "participants", "-o", str(masked))
    cli.ok("export", "all", "--anonymize", "--min-k", "1", "-o", str(anonymous))
    other = Cli(tmp_path / "copy.db")
    other.ok("init")
    refused = other("import", "participants", str(masked))
    assert refused.stderr.splitlines()[0] == (
        "line 2, nik '1506********0001': is masked (an export without --reveal): export again"
        " with --reveal to carry NIKs over")
    refused = other("import", "all", str(anonymous))
    assert refused.exit_code == 1 and len(refused.stderr.splitlines()) == 1
    assert "was written by 'export --anonymize'" in refused.stderr
    assert other.events() == 1


def test_export_format_follows_the_extension_and_an_unwritable_one_is_refused(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    cli.ok("export", "participants", "-o", str(tmp_path / "p.json"))
    assert json.loads((tmp_path / "p.json").read_text())[0]["reg_no"] == "B.I-1/2025"
    refused = cli("export", "participants", "-o", str(tmp_path / "p.ods"))
    assert refused.exit_code == 1 and "names ods" in refused.stderr
    assert not (tmp_path / "p.ods").exists()


def test_export_to_file_is_owner_only(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    target = tmp_path / "out" / "p.csv"
    cli.ok("export", "participants", "-o", str(target))
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_text().startswith("reg_no,name,nik")
    as_json = tmp_path / "out" / "p.json"
    cli.ok("export", "participants", "-o", str(as_json))       # format from the extension
    assert json.loads(as_json.read_text())[0]["reg_no"] == "B.I-1/2025"


def test_rows_take_effect_in_file_order_within_a_batch(cli, tmp_path):
    """A correction in the middle of a batch frees a NIK for a later row and takes another."""
    add_person(cli, "B.I-1/2025", name="Xena", nik="1506044101900001", gender="P")
    header = "reg_no,name,nik,gender,detained_on,sentence\n"
    rows = ("B.I-2/2025,Putra,1506040101900002,L,2025-01-10,3y\n"
            "B.I-1/2025,Xena,1506044101900003,P,2025-01-10,3y\n"      # Xena's NIK corrected
            "B.I-3/2025,Qori,1506044101900001,P,2025-01-10,3y\n")     # her old NIK, now free
    cli.ok("import", "participants", write(tmp_path, header + rows), "--update")
    assert cli.json("participant", "show", "1506044101900003")["name"] == "Xena"
    assert cli.json("participant", "show", "1506044101900001")["name"] == "Qori"
    taken = write(tmp_path, header + "B.I-4/2025,Rudi,1506044101900003,P,2025-01-10,3y\n",
                  "b.csv")
    result = cli("import", "participants", taken)
    assert result.exit_code == 1 and "line 2, nik" in result.stderr
    cli.ok("verify")


def test_the_rejection_column_is_skipped_but_no_other_unknown_column(cli, tmp_path):
    text = ("reg_no,name,detained_on,sentence,rejection_reason,Catatan\n"
            "B.I-1/2025,Budi,2025-01-10,3y,was bad,x\n")
    result = cli("import", "participants", write(tmp_path, text))
    assert result.exit_code == 1 and "'Catatan'" in result.stderr
    cli.ok("import", "participants", write(tmp_path, text.replace(",Catatan", "")
                                           .replace(",x\n", "\n"), "b.csv"))
    cli.ok("participant", "list", "--track", "olah-madu")    # codes in any case


def test_revealing_nik_in_any_export_is_recorded(cli, tmp_path):
    cli.ok("import", "participants", write(tmp_path, HEADER + ROWS))
    cli.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-03-01")
    before = cli.events()
    rows = list(csv.DictReader(io.StringIO(cli.ok("export", "enrolments", "--reveal").stdout)))
    assert rows[0]["nik"] == "1506041203900001"
    accessed = cli.json("log")[before:]
    assert [e["kind"] for e in accessed] == ["person.accessed"]
    assert accessed[0]["payload"]["command"] == "export enrolments"


@pytest.mark.parametrize("kind, text", [
    ("sales", "product,sold_on,qty,channel,ref\nMADU-500,2026-11-20,1,koperasi,NOTA  77\n"),
    ("payouts", "reg_no,paid_on,amount,ref\nB.I-24/2025,2026-11-20,10000,BAYAR  77\n"),
    ("spending", "track,spent_on,amount,what,funded_by,ref\n"
                 "OLAH-MADU,2026-11-20,50000,Toples,APBD,BELI  77\n"),
    ("donations", "sponsor,received_on,amount,ref\nHJ-ROSMIATI,2026-11-20,100000,TERIMA  77\n"),
])
def test_a_receipt_a_sheet_spaced_out_is_found_again_as_recorded(cli, tmp_path, monkeypatch,
                                                                  kind, text):
    """A receipt number is recorded cleaned ("NOTA 77"); the file read again finds the
    row by that, so it changes nothing, one row at a time as in a batch."""
    import wbpctl.services.import_bulk as import_bulk

    cli.ok("init", "--demo")
    path = write(tmp_path, text)
    bulk = import_bulk.BULK.get(kind)
    batched = bulk._decide if bulk else None
    if bulk:                                           # first one row at a time
        monkeypatch.setattr(bulk, "_decide", lambda self, values: None)
    assert "1 new" in cli.ok("import", kind, path).stderr
    before = dump(cli.db)
    assert "Nothing new: 1 unchanged" in cli.ok("import", kind, path).stderr
    if bulk:                                           # then in a batch
        monkeypatch.setattr(bulk, "_decide", batched)
    assert "Nothing new: 1 unchanged" in cli.ok("import", kind, path).stderr
    assert dump(cli.db) == before
