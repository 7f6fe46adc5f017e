"""Every figure of every report, against a small ledger counted by hand."""

import csv
import io
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import add_person
from test_cli_tracks import SmallCli, small_config
from test_e2e import wbpctl_path


@pytest.fixture
def october(db, tmp_path):
    """A month with one of everything (OLAH-MADU has 2 places). Hand counts in the tests."""
    cli = SmallCli(db, small_config(tmp_path))
    cli.ok("init")
    add_person(cli, "B.I-1/2025", name="P1", detained="2025-01-10", sentence="3y")
    add_person(cli, "B.I-3/2024", name="P3", detained="2024-02-01", sentence="2y")
    add_person(cli, "B.I-4/2023", name="P4", detained="2023-01-01", sentence="2y")
    cli.ok("release", "B.I-4/2023", "--on", "2025-01-01", "--type", "ekspirasi")
    cli.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2026-09-01")
    cli.ok("assign", "B.I-3/2024", "OLAH-MADU", "--on", "2026-09-02")
    # October
    cli.ok("assign", "B.I-1/2025", "ADMINDUK", "--on", "2026-10-01")
    cli.ok("assign", "B.I-1/2025", "IKAN-AIRTAWAR", "--on", "2026-10-02")
    cli.ok("complete", "B.I-1/2025", "ADMINDUK", "--on", "2026-10-05")
    add_person(cli, "B.I-2/2026", name="P2", detained="2026-10-05", sentence="2y")
    cli.ok("assign", "B.I-2/2026", "OLAH-MADU", "--on", "2026-10-06")            # waitlisted
    cli.ok("complete", "B.I-1/2025", "OLAH-MADU", "--on", "2026-10-10",
           "--certificate", "M-1")                                                # P2 moves up
    cli.ok("release", "B.I-3/2024", "--on", "2026-10-15", "--type", "pb")         # drops OLAH
    cli.ok("participant", "readmit", "B.I-4/2023", "--reg-no", "B.I-5/2026", "--detained",
           "2026-10-10", "--admitted", "2026-10-20", "--sentence", "2y")
    cli.ok("assign", "B.I-5/2026", "KRIYA-DAUR", "--on", "2026-10-21")
    cli.ok("complete", "B.I-1/2025", "IKAN-AIRTAWAR", "--on", "2026-10-25", "--result", "fail")
    cli.ok("drop", "B.I-5/2026", "KRIYA-DAUR", "--reason", "health", "--on", "2026-10-28")
    # November, outside the month
    cli.ok("assign", "B.I-1/2025", "KES-PREVENTIF", "--on", "2026-11-02")
    return cli


EXPECTED = {"month": "2026-10", "lapas": "KTL", "registered": 2, "readmitted": 1,
            "in_custody_start": 2, "in_custody_end": 3, "assigned": 4, "waitlisted": 1,
            "completed": 2, "failed": 1, "dropped": 2, "released": 1,
            "releases_by_type": {"pb": 1}, "releasing_next_90_days": 1,
            "completion_rate": 0.5}


def test_monthly_json_figures(october):
    report = october.json("report", "monthly", "--month", "2026-10")
    assert {k: report[k] for k in EXPECTED} == EXPECTED
    assert report["generated_at"]
    opds = {r["opd"]: r for r in report["by_opd"]}
    assert {k: opds["DISKOPERINDAG"][k] for k in ("assigned", "waitlisted", "completed",
                                                  "dropped", "active_end")} == \
        {"assigned": 2, "waitlisted": 1, "completed": 1, "dropped": 2, "active_end": 1}
    assert (opds["DISDUKCAPIL"]["assigned"], opds["DISDUKCAPIL"]["completed"]) == (1, 1)
    assert (opds["DISKAN"]["assigned"], opds["DISKAN"]["failed"]) == (1, 1)
    assert opds["DINKES"]["assigned"] == 0
    tracks = {r["track"]: r for r in report["by_track"]}
    assert (tracks["OLAH-MADU"]["completed"], tracks["OLAH-MADU"]["active_end"]) == (1, 1)
    assert (tracks["KRIYA-DAUR"]["dropped"], tracks["KRIYA-DAUR"]["active_end"]) == (1, 0)
    assert len(report["trend"]) == 12 and report["trend"][0]["month"] == "2025-11"
    assert report["trend"][-1] == {"month": "2026-10", "completed": 2, "released": 1}
    assert sum(t["completed"] + t["released"] for t in report["trend"][:-1]) == 0


def test_monthly_csv_is_one_row_per_opd_and_a_total(october):
    rows = list(csv.DictReader(io.StringIO(
        october.ok("report", "monthly", "--month", "2026-10", "-f", "csv").stdout)))
    assert len(rows) == 9 and rows[-1]["opd"] == "TOTAL"
    assert {k: rows[-1][k] for k in ("assigned", "waitlisted", "completed", "failed",
                                     "dropped", "active_end")} == \
        {"assigned": "4", "waitlisted": "1", "completed": "2", "failed": "1", "dropped": "2",
         "active_end": "1"}
    diskop = next(r for r in rows if r["opd"] == "DISKOPERINDAG")
    assert (diskop["month"], diskop["assigned"], diskop["dropped"]) == ("2026-10", "2", "2")


def test_monthly_markdown_and_table(october):
    markdown = october.ok("report", "monthly", "--month", "2026-10", "-f", "markdown").stdout
    assert markdown.startswith("# Monthly report, Lapas Kelas IIB Kuala Tungkal, October 2026")
    assert "## By OPD" in markdown
    assert "| DISKOPERINDAG | Dinas Koperasi, UKM, Perindustrian dan Perdagangan | 2 | 1 | 1 | 0" \
        " | 2 | 1 |" in markdown
    assert "| Completion rate | 50.0% |" in markdown
    table = october.ok("report", "monthly", "--month", "2026-10").stdout
    assert "Completion rate" in table and "50.0%" in table and "█" in table
    indonesian = october.ok("--lang", "id", "report", "monthly", "--month", "2026-10").stdout
    assert "Laporan Bulanan Lapas Kelas IIB Kuala Tungkal Oktober 2026" in indonesian
    assert "Tingkat penyelesaian" in indonesian and "50,0%" in indonesian


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.links += [v for k, v in attrs if k in ("src", "href")]

    def handle_data(self, data):
        self.text.append(data)


def test_monthly_html_is_self_contained_with_svg_charts(october, tmp_path):
    target = tmp_path / "out" / "oktober.html"
    result = october.ok("report", "monthly", "--month", "2026-10", "-o", str(target))
    assert result.stdout == "" and result.stderr == ""
    page = Page()
    page.feed(target.read_text(encoding="utf-8"))
    # per OPD, the 12-month trend, and revenue per month per product
    assert page.tags.count("svg") == 3 and "rect" in page.tags
    assert "script" not in page.tags and page.links == []
    text = " ".join(page.text)
    assert "Completion rate" in text and "50.0%" in text and "DISKOPERINDAG" in text
    indonesian = october.ok("--lang", "id", "report", "monthly", "--month", "2026-10", "-f",
                            "html").stdout
    assert '<html lang="id">' in indonesian and "Laporan Bulanan" in indonesian


def test_month_defaults_and_as_of(october):
    assert october.json("report", "monthly", "--as-of", "2026-11-02")["month"] == "2026-10"
    assert october.json("report", "monthly", "--as-of", "2026-11-04")["month"] == "2026-11"
    assert october.json("report", "monthly", "--month", "last")["month"] == "2026-10"
    november = october.json("report", "monthly", "--month", "this")
    assert (november["month"], november["assigned"]) == ("2026-11", 1)
    early = october.json("report", "monthly", "--month", "2026-10", "--as-of", "2026-10-09")
    assert (early["completed"], early["period_end"]) == (1, "2026-10-10")
    assert october("report", "monthly", "--month", "2027-01").exit_code == 1
    assert october("report", "monthly", "--month", "Oktober").exit_code == 1


def test_opd_report_over_any_period(october):
    report = october.json("report", "opd", "--from", "2026-10-01", "--to", "2026-11-01")
    opds = {r["opd"]: r for r in report["by_opd"]}
    assert opds["DISKOPERINDAG"]["assigned"] == 2 and opds["DISKOPERINDAG"]["dropped"] == 2
    assert opds["DISKOPERINDAG"]["completion_rate"] == 0.5      # 1 / (1 + 0 + 1 health)
    wider = october.json("report", "opd", "--from", "2026-09-01", "--to", "2026-11-03")
    tracks = {r["track"]: r for r in wider["by_track"]}
    assert tracks["OLAH-MADU"]["assigned"] == 3 and tracks["KES-PREVENTIF"]["assigned"] == 1
    narrow = october.json("report", "opd", "--from", "2026-10-05", "--to", "2026-10-06")
    assert {r["track"]: r["completed"] for r in narrow["by_track"]}["ADMINDUK"] == 1
    assert october("report", "opd", "--from", "2026-10-05", "--to", "2026-10-05").exit_code == 1
    assert "## By OPD" in october.ok("report", "opd", "-f", "markdown").stdout


def test_recidivism_by_cohort_and_window(october):
    rows = october.json("report", "recidivism", "--as-of", "2026-11-28")["rows"]
    cell = {(r["cohort"], r["window_years"], r["group"]): r for r in rows}
    p4 = cell[(2025, 1, "no_training")]
    assert (p4["released"], p4["eligible"], p4["readmitted"], p4["rate"]) == (1, 1, 0, 0.0)
    assert cell[(2025, 2, "no_training")]["eligible"] == 0          # window not yet elapsed
    assert cell[(2026, 1, "no_training")]["released"] == 1           # P3 dropped, no completion
    assert {"cohort", "window_years", "group", "released", "eligible", "readmitted",
            "rate"} <= set(rows[0])


def test_recidivism_domain_example(cli):
    """Released 2008-01-03, readmitted 2014-01-26: not a recidivist at 1-6 years, yes at 7."""
    add_person(cli, "B.I-1/2006", detained="2006-01-03", sentence="2y")
    cli.ok("release", "B.I-1/2006", "--on", "2008-01-03", "--type", "ekspirasi")
    cli.ok("participant", "readmit", "B.I-1/2006", "--reg-no", "B.I-9/2014", "--detained",
           "2014-01-20", "--admitted", "2014-01-26", "--sentence", "3y")
    # a trained person released the same year who did not come back
    add_person(cli, "B.I-2/2006", name="T", detained="2006-01-03", sentence="2y")
    cli.ok("assign", "B.I-2/2006", "OLAH-MADU", "--on", "2006-02-01")
    cli.ok("complete", "B.I-2/2006", "OLAH-MADU", "--on", "2006-06-01")
    cli.ok("release", "B.I-2/2006", "--on", "2008-01-03", "--type", "ekspirasi")
    report = cli.json("report", "recidivism", "--windows", "1,2,3,4,5,6,7", "--as-of",
                      "2020-01-01")
    rows = report["rows"]
    untrained = {r["window_years"]: r for r in rows if r["group"] == "no_training"
                 and r["cohort"] == 2008}
    assert [untrained[k]["readmitted"] for k in range(1, 8)] == [0, 0, 0, 0, 0, 0, 1]
    assert untrained[7]["rate"] == 1.0
    trained = {r["window_years"]: r for r in rows if r["group"] == "completed_training"
               and r["cohort"] == 2008}
    compared = {c["window_years"]: c for c in report["comparisons"] if c["cohort"] == 2008}
    assert trained[7]["rate"] == 0.0 and compared[7]["difference_pp"] == -100.0
    assert compared[7]["risk_ratio"] is None             # no readmission among the trained
    assert compared[6]["difference_pp"] == 0.0 and compared[7]["verdict"] == "too_few"
    assert cli("report", "recidivism", "--windows", "one").exit_code == 1


def test_monthly_from_cron(tmp_path):
    """No terminal, a minimal environment, another working folder, -o into a new folder."""
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    db = tmp_path / "ledger" / "wbp.db"
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    wbpctl = wbpctl_path()
    subprocess.run([wbpctl, "--db", str(db), "init", "--demo"], env=env, cwd=elsewhere,
                   check=True, capture_output=True)
    target = tmp_path / "laporan" / "2026" / "bulanan.html"
    result = subprocess.run(["env", "-i", f"HOME={home}", f"PATH={os.environ['PATH']}",
                             wbpctl, "--db", str(db), "report", "monthly", "--month", "last",
                             "-o", str(target)],
                            cwd=elsewhere, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text and "<svg" in text
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    as_json = subprocess.run(["env", "-i", f"HOME={home}", f"PATH={os.environ['PATH']}",
                              wbpctl, "--db", str(db), "report", "monthly", "-f", "json"],
                             cwd=elsewhere, capture_output=True, text=True)
    assert as_json.returncode == 0 and json.loads(as_json.stdout)["lapas"] == "KTL"


@pytest.mark.slow
def test_the_readmes_cron_line_as_cron_runs_it(tmp_path):
    """The exact command of the README's cron line, under ``env -i`` (cron's bare
    environment) on 1 December 2026: the file is named after November, and holds it."""
    import re
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    line = re.search(r"```cron\n(.+?)\n```", readme, re.S)[1]
    command = line.split(None, 5)[5]                   # after the five schedule fields
    assert "--month last" in command and "{month}" in command
    db, reports = tmp_path / "srv" / "wbp.db", tmp_path / "laporan"
    command = (command.replace("/opt/wbpctl/.venv/bin/wbpctl", wbpctl_path())
               .replace("/srv/wbpctl/wbp.db", str(db)).replace("/srv/laporan", str(reports)))
    subprocess.run([wbpctl_path(), "--db", str(db), "init", "--demo"], check=True,
                   capture_output=True, env={**os.environ, "WBPCTL_TODAY": "2026-11-28"})
    result = subprocess.run(["env", "-i", f"HOME={tmp_path}", "PATH=/usr/bin:/bin",
                             "WBPCTL_TODAY=2026-12-01", "sh", "-c", command],
                            capture_output=True, text=True, cwd=tmp_path,
                            stdin=subprocess.DEVNULL)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    page = (reports / "bulanan-2026-11.html").read_text(encoding="utf-8")
    assert "Laporan Bulanan Lapas Kelas IIB Kuala Tungkal November 2026" in page


def test_output_dash_is_stdout(october, tmp_path):
    shown = october.ok("report", "opd", "-o", "-", "-f", "json")
    assert json.loads(shown.stdout)["lapas"] == "KTL" and not (tmp_path / "-").exists()
    refused = october("report", "monthly", "-o", str(tmp_path / "laporan.pdf"))
    assert refused.exit_code == 1 and "names pdf" in refused.stderr
    assert "html" in refused.stderr and not (tmp_path / "laporan.pdf").exists()


def test_recidivism_window_from_a_leap_day(cli):
    """Released 29 February 2024: the one-year window ends 28 February 2025, inclusive."""
    for n, back in ((1, "2025-02-28"), (2, "2025-03-01")):
        add_person(cli, f"B.I-{n}/2022", name=f"L{n}", detained="2022-02-28", sentence="2y")
        cli.ok("release", f"B.I-{n}/2022", "--on", "2024-02-29", "--type", "ekspirasi",
               "--override", "test")
        cli.ok("participant", "readmit", f"B.I-{n}/2022", "--reg-no", f"B.I-{n}/2025",
               "--detained", back, "--sentence", "2y")
    rows = cli.json("report", "recidivism", "--windows", "1", "--as-of", "2026-01-01")["rows"]
    assert [(r["group"], r["eligible"], r["readmitted"]) for r in rows if r["cohort"] == 2024] == \
        [("completed_training", 0, 0), ("no_training", 2, 1)]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None and shutil.which("chromium-browser") is None,
                    reason="no Chromium to print with (apt-get install chromium)")
def test_the_monthly_report_prints_on_a4_with_its_signatures(october, tmp_path):
    """The page a Kepala Lapas signs: A4, the title with the month in words, the signature
    block from the config; Chromium (headless) prints it to PDF as an office would."""
    import re
    import yaml
    config = yaml.safe_load(open(october.config))
    config["report"] = {"signatories": [
        {"role": "Mengetahui, Kepala Lapas", "name": "Drs. Ahmad Fauzi", "nip": "197001011990031001"},
        {"role": "Dibuat oleh", "name": "Siti Rahmawati"}]}
    open(october.config, "w").write(yaml.safe_dump(config))
    page = tmp_path / "bulanan.html"
    october.ok("--lang", "id", "report", "monthly", "--month", "2026-10", "-o", str(page))
    html = page.read_text()
    assert "Laporan Bulanan Lapas Kelas IIB Kuala Tungkal Oktober 2026" in html
    assert "Drs. Ahmad Fauzi" in html and "NIP. 197001011990031001" in html
    assert "@page{size:210mm 297mm" in html and "page-break-inside:avoid" in html
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    pdf = tmp_path / "bulanan.pdf"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                   capture_output=True, timeout=180)
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert boxes and all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2
                         for w, h in boxes), boxes      # A4 in points, not US Letter


def test_no_signature_block_without_signatories(october):
    page = october.ok("report", "monthly", "--month", "2026-10", "-f", "html").stdout
    assert 'class="signatures"' not in page
