"""Spreadsheets both ways (issue #16): workbooks in and out, CSV a spreadsheet opens right,
and a round trip that never corrupts a NIK."""

import csv
import io
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from html import escape

import openpyxl
import pytest

from conftest import add_person

HEADER = ["No. Registrasi", "Nama", "NIK", "Tanggal Penahanan", "Lama Pidana"]


def workbook(path, rows, *, title=None, second=None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Daftar"
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    if second:
        other = book.create_sheet("Lain")
        other.append(HEADER)
        for row in second:
            other.append(row)
    book.save(path)
    return str(path)


def ods(path, rows):
    """A minimal OpenDocument spreadsheet, as LibreOffice saves one (text and date cells)."""
    def cell(value):
        if isinstance(value, date):
            return (f'<table:table-cell office:value-type="date" office:date-value='
                    f'"{value.isoformat()}"><text:p>{value:%d/%m/%Y}</text:p></table:table-cell>')
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
                f'</text:p></table:table-cell>')
    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                   for row in [HEADER, *rows])
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Daftar">'
        f'{body}</table:table></office:spreadsheet></office:body></office:document-content>')
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
        ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return str(path)


def people(cli):
    return {p["reg_no"]: p for p in cli.json("participant", "list", "--reveal")}


# -- workbooks in ----------------------------------------------------------------------------

def test_an_xlsx_list_loads_with_its_title_dates_and_text_niks(cli, tmp_path):
    path = workbook(tmp_path / "daftar.xlsx", [
        ["B.I-1/2025", "Budi", "1506041203900001", datetime(2025, 1, 10), "3 tahun"],
        ["B.I-2/2025", "Siti", 1506045807900003, date(2025, 2, 3), "2y"],   # exact number
    ], title="DAFTAR WBP LAPAS KUALA TUNGKAL")
    done = cli.ok("import", "participants", path)
    assert "2 new" in done.stderr and "Header on line 3" in done.stderr
    found = people(cli)
    assert found["B.I-1/2025"]["detained_on"] == "2025-01-10"
    assert found["B.I-2/2025"]["nik"] == "1506045807900003"


def test_a_nik_a_spreadsheet_may_have_shortened_is_refused_with_the_hint(cli, tmp_path):
    path = workbook(tmp_path / "daftar.xlsx", [
        ["B.I-1/2025", "Budi", 1506041203900010, date(2025, 1, 10), "3y"]])
    refused = cli("import", "participants", path)
    assert refused.exit_code == 1
    assert "line 2, NIK '1506041203900010.0'" in refused.stderr
    assert "format the column as text" in refused.stderr


def test_another_sheet_by_name(cli, tmp_path):
    path = workbook(tmp_path / "daftar.xlsx", [], second=[
        ["B.I-9/2025", "Lain", "", date(2025, 1, 10), "2y"]])
    assert "Nothing new" in cli.ok("import", "participants", path).stderr   # the first: empty
    cli.ok("import", "participants", path, "--sheet", "lain")
    assert list(people(cli)) == ["B.I-9/2025"]
    missing = cli("import", "participants", path, "--sheet", "Tidak Ada")
    assert missing.exit_code == 1 and "has no sheet 'Tidak Ada' (it has Daftar, Lain)" in \
        missing.stderr


def test_an_ods_from_libreoffice_loads(cli, tmp_path):
    path = ods(tmp_path / "daftar.ods", [["B.I-1/2025", "Andrés", "1506041203900001",
                                         date(2025, 1, 10), "3y"]])
    cli.ok("import", "participants", path)
    assert people(cli)["B.I-1/2025"]["name"] == "Andrés"


def test_an_xlsx_with_a_bad_row_writes_its_errors_as_a_workbook(cli, tmp_path):
    path = workbook(tmp_path / "daftar.xlsx", [
        ["B.I-1/2025", "Budi", "", date(2025, 1, 10), "3y"],
        ["B.I-2/2025", "Siti", "123", date(2025, 1, 10), "3y"]])
    errors = tmp_path / "ditolak.xlsx"
    assert cli("import", "participants", path, "--errors", str(errors)).exit_code == 1
    sheet = openpyxl.load_workbook(errors).active
    rows = list(sheet.values)
    assert rows[0][-1] == "rejection_reason" and rows[1][:3] == ("B.I-2/2025", "Siti", "123")
    assert "16 digits" in rows[1][-1]


# -- workbooks out -------------------------------------------------------------------------------

def test_an_exported_workbook_loads_back_unchanged(cli, tmp_path):
    add_person(cli, nik="1506041203900001", name="Andrés")
    add_person(cli, "B.I-2/2025", name="=HYPERLINK(\"http://x\")", detained="2025-02-01")
    path = tmp_path / "out" / "p.xlsx"
    cli.ok("export", "participants", "--reveal", "-o", str(path))
    assert path.stat().st_mode & 0o777 == 0o600
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(header, sheet[2])}
    assert row["nik"].data_type == "s" and row["nik"].value == "1506041203900001"
    assert isinstance(row["detained_on"].value, datetime)
    assert sheet.cell(3, 2).value.startswith("'=")          # never a formula
    done = cli.ok("import", "participants", str(path))
    assert "2 unchanged" in done.stderr


def test_reports_and_listings_as_workbooks(cli, tmp_path):
    cli.ok("init", "--demo")
    for args, sheets in ((["report", "monthly"], 9), (["report", "recidivism"], 5),
                         (["report", "readiness"], 2), (["participant", "list"], 1),
                         (["participant", "show", "B.I-1/2025"], 4)):
        target = tmp_path / f"{args[-1].replace('/', '-')}.xlsx"
        cli.ok(*args, "-o", str(target))
        assert len(openpyxl.load_workbook(target).sheetnames) == sheets, args
    refused = cli("report", "monthly", "-f", "xlsx")
    assert refused.exit_code == 2 and "-o FILE.xlsx" in refused.stderr


# -- CSV for spreadsheets ----------------------------------------------------------------------

def test_excel_csv_keeps_every_digit_and_every_accent_and_loads_back(cli, tmp_path):
    add_person(cli, nik="1506041203900001", name="Andrés")
    path = tmp_path / "p.csv"
    cli.ok("export", "participants", "--reveal", "--excel", "-o", str(path))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("reg_no;name;nik;")
    assert "1506 0412 0390 0001" in text and "Andrés" in text
    assert "1 unchanged" in cli.ok("import", "participants", str(path)).stderr


def test_the_config_can_make_excel_the_default(cli, tmp_path):
    from test_cli_tracks import SmallCli, small_config
    import yaml
    config = small_config(tmp_path)
    data = yaml.safe_load(open(config))
    data["csv_dialect"] = "excel-id"
    open(config, "w").write(yaml.safe_dump(data))
    small = SmallCli(cli.db, config)
    add_person(small)
    out = small.ok("participant", "list", "-f", "csv").stdout
    assert out.startswith("\ufeffreg_no;name;")


def test_formula_cells_are_neutralised_in_every_csv(cli, tmp_path):
    add_person(cli, name="+cmd|' /C calc'!A0", crime="@SUM(A1)")
    listed = cli.ok("participant", "list", "-f", "csv").stdout
    assert "'+cmd" in listed
    exported = cli.ok("export", "participants").stdout
    assert "'+cmd" in exported and "'@SUM(A1)" in exported
    path = tmp_path / "p.csv"
    path.write_text(exported)
    assert "1 unchanged" in cli.ok("import", "participants", str(path)).stderr


# -- the errors file speaks the input's dialect ----------------------------------------------------

def test_the_errors_file_keeps_the_inputs_encoding_and_delimiter(cli, tmp_path):
    path = tmp_path / "daftar.csv"
    path.write_bytes("reg_no;name;nik;detained_on;sentence\r\n"
                     "B.I-1/2025;Andrés;123;10/01/2025;3y\r\n".encode("cp1252"))
    errors = tmp_path / "ditolak.csv"
    assert cli("import", "participants", str(path), "--encoding", "cp1252", "--errors",
               str(errors)).exit_code == 1
    raw = errors.read_bytes()
    text = raw.decode("cp1252")
    assert text.startswith("reg_no;name;nik;detained_on;sentence;rejection_reason\r\n")
    assert "Andrés" in text and not raw.startswith(b"\xef\xbb\xbf")


# -- month-first dates --------------------------------------------------------------------------

def test_a_month_first_column_is_refused_whole_and_read_with_date_order(cli, tmp_path):
    path = tmp_path / "daftar.csv"
    path.write_text("reg_no,name,detained_on,sentence\nB.I-1/2026,A,02/10/2026,2y\n"
                    "B.I-2/2026,B,01/25/2026,2y\n")
    refused = cli("import", "participants", str(path))
    assert refused.exit_code == 1
    assert "Column 'detained_on' is written month-first (line 3: '01/25/2026'" in refused.stderr
    assert "--date-order month-first" in refused.stderr
    assert cli.json("participant", "list") == []
    cli.ok("import", "participants", str(path), "--date-order", "month-first")
    assert people(cli)["B.I-1/2026"]["detained_on"] == "2026-02-10"


# -- spreadsheet damage is not a correction --------------------------------------------------------

def test_update_refuses_what_a_spreadsheet_did_to_a_nik_or_a_name(cli, tmp_path):
    add_person(cli, nik="1506415203900103", name="Andrés", detained="2024-01-10")
    exported = cli.ok("export", "participants", "--reveal").stdout
    rows = list(csv.DictReader(io.StringIO(exported)))
    damaged = tmp_path / "rusak.csv"
    with open(damaged, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerow({**rows[0], "nik": "1506415203900100"})
    refused = cli("import", "participants", str(damaged), "--update")
    assert refused.exit_code == 1 and "looks like spreadsheet damage" in refused.stderr
    assert "last digits turned to zeros" in refused.stderr
    with open(damaged, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerow({**rows[0], "name": "AndrÃ©s"})
    assert "UTF-8 text read as Windows-1252" in cli("import", "participants", str(damaged),
                                                     "--update").stderr
    cli.ok("import", "participants", str(damaged), "--force-update")
    assert people(cli)["B.I-1/2025"]["name"] == "AndrÃ©s"


# -- a round trip through LibreOffice itself ---------------------------------------------------------

@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_round_trip_through_libreoffice(cli, tmp_path):
    """Export a workbook, let LibreOffice convert it to .ods and back to .xlsx, import."""
    add_person(cli, nik="1506041203900001", name="Andrés")
    path = tmp_path / "p.xlsx"
    cli.ok("export", "participants", "--reveal", "-o", str(path))
    for target, source in (("ods", path), ("xlsx", tmp_path / "lo" / "p.ods")):
        subprocess.run(["soffice", "--headless", "--convert-to", target, "--outdir",
                        str(tmp_path / "lo"), str(source)], check=True, capture_output=True,
                       timeout=180)
    assert "1 unchanged" in cli.ok("import", "participants", str(tmp_path / "lo" / "p.ods")
                                   ).stderr
    assert "1 unchanged" in cli.ok("import", "participants",
                                   str(tmp_path / "lo" / "p.xlsx")).stderr
