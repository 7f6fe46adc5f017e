"""Reports across Lapas (issue #19, item 5): every report takes --lapas CODE[,CODE] and, of a
ledger holding several Lapas (as the regional office's merge makes it), adds a row per
Lapas in every format. A ledger of one Lapas reports exactly as it always did.

The merged ledger is made as the regional office makes it: JMB's own ledger (its config's
Lapas is JMB) merged into KTL's, Kasim's NIK linking his two records.
"""

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from conftest import add_person
from test_cli_tracks import SmallCli

KASIM_NIK = "1506041203900001"
GENERATED = "2026-11-28T06:00:00+00:00"


def lapas_config(tmp_path: Path, code: str, name: str) -> str:
    path = tmp_path / f"{code.lower()}.yaml"
    path.write_text(yaml.safe_dump({"lapas": {"code": code, "name": name}}))
    return str(path)


@pytest.fixture(scope="module")
def merged_once(tmp_path_factory):
    """``merged`` built once for the module (a dozen commands), in the environment every
    test has (conftest's ``hermetic``); each test gets a copy of the folder."""
    from conftest import TODAY, Cli
    folder = tmp_path_factory.mktemp("merged")
    with pytest.MonkeyPatch.context() as env:
        for name in ("WBPCTL_DB", "WBPCTL_CONFIG", "WBPCTL_ACTOR", "WBPCTL_DEBUG", "NO_COLOR"):
            env.delenv(name, raising=False)
        env.setenv("XDG_CONFIG_HOME", str(folder / "xdg"))
        env.setenv("XDG_STATE_HOME", str(folder / "state"))
        env.setenv("WBPCTL_TODAY", TODAY)
        env.setenv("WBPCTL_LANG", "en")
        env.chdir(folder)
        cli = Cli(folder / "data" / "wbp.db")
        cli.ok("init")
        build_merged(cli, folder)
    return folder


@pytest.fixture
def merged(merged_once, cli, tmp_path):
    import shutil
    shutil.copytree(merged_once, tmp_path, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("xdg", "state"))
    return cli


def build_merged(cli, tmp_path) -> None:
    """KTL (the config's own Lapas) and JMB in one ledger.

    KTL: Kurnia completes OLAH-MADU in October 2026; Kartini is released on PB in
    October; Kasim was released on 1 January 2025 and came back within the year, to JMB.
    JMB: Joko starts OLAH-MADU in October; Jamilah is admitted in October; Jufri was
    released on 1 January 2025 and came back within the year, to JMB; Kasim's new stay.
    """
    jmb = SmallCli(tmp_path / "jmb.db", lapas_config(tmp_path, "JMB", "Lapas Kelas IIA Jambi"))
    jmb.ok("init")
    add_person(cli, "B.I-1/2025", name="Kurnia", detained="2025-01-10", sentence="3y")
    add_person(cli, "B.I-2/2024", name="Kartini", detained="2024-02-01", sentence="2y")
    add_person(cli, "B.I-7/2023", name="Kasim", detained="2023-01-01", sentence="2y",
               nik=KASIM_NIK)
    cli.ok("release", "B.I-7/2023", "--on", "2025-01-01", "--type", "ekspirasi")
    cli.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2026-10-01")
    cli.ok("complete", "B.I-1/2025", "OLAH-MADU", "--on", "2026-10-20")
    cli.ok("release", "B.I-2/2024", "--on", "2026-10-15", "--type", "pb")

    add_person(jmb, "B.I-1/2025", name="Joko", detained="2025-03-10", sentence="2y")
    add_person(jmb, "B.IIa-3/2026", name="Jamilah", detained="2026-10-05", sentence="1y")
    add_person(jmb, "B.I-4/2023", name="Jufri", detained="2023-01-01", sentence="2y")
    jmb.ok("release", "B.I-4/2023", "--on", "2025-01-01", "--type", "ekspirasi")
    jmb.ok("participant", "readmit", "B.I-4/2023", "--reg-no", "B.I-5/2025", "--detained",
           "2025-06-01", "--sentence", "2y")
    add_person(jmb, "B.I-8/2025", name="Kasim", detained="2025-05-01", sentence="2y",
               nik=KASIM_NIK)
    jmb.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2026-10-05")
    cli.ok("merge", str(jmb.db))


def monthly(cli, *options):
    return cli.json("report", "monthly", "--month", "2026-10", "--generated-at", GENERATED,
                    *options)


KEY_FIGURES = ("registered", "in_custody_start", "in_custody_end", "assigned", "completed",
               "released")


# -- the option -------------------------------------------------------------------------------

def test_an_unknown_lapas_is_refused_naming_those_the_ledger_holds(merged):
    from conftest import refused
    for command in (["monthly"], ["opd"], ["recidivism"], ["readiness"], ["sponsors"],
                    ["sales"]):
        stderr = refused(merged, "report", *command, "--lapas", "KTL,XYZ")
        assert "XYZ" in stderr and "JMB, KTL" in stderr
    stderr = refused(merged, "--lang", "id", "report", "monthly", "--lapas", " , ")
    assert "tidak menyebut Lapas" in stderr and "JMB, KTL" in stderr


def test_codes_any_case_with_spaces_name_the_same_lapas(merged):
    both = monthly(merged)
    assert monthly(merged, "--lapas", " ktl , Jmb ") == both
    assert monthly(merged, "--lapas", "JMB;KTL") == both


# -- report monthly -----------------------------------------------------------------------------

def test_monthly_of_a_merged_ledger_counts_all_and_each_lapas(merged):
    report = monthly(merged)
    assert report["lapas"] == "JMB,KTL" and report["lapas_scope"] == ["JMB", "KTL"]
    assert report["lapas_name"] is None
    assert report["not_per_lapas"] == ["sponsors", "products"]
    by_lapas = {r["lapas"]: r for r in report["by_lapas"]}
    assert list(by_lapas) == ["JMB", "KTL"]
    assert {k: by_lapas["KTL"][k] for k in KEY_FIGURES} == {
        "registered": 0, "in_custody_start": 2, "in_custody_end": 1, "assigned": 1,
        "completed": 1, "released": 1}
    assert {k: by_lapas["JMB"][k] for k in KEY_FIGURES} == {
        "registered": 1, "in_custody_start": 3, "in_custody_end": 4, "assigned": 1,
        "completed": 0, "released": 0}
    for key in KEY_FIGURES:
        assert report[key] == by_lapas["KTL"][key] + by_lapas["JMB"][key], key
    assert by_lapas["KTL"]["completion_rate"] == 1.0


def test_monthly_of_one_lapas_counts_only_its_stays(merged):
    ktl = monthly(merged, "--lapas", "ktl")
    assert {k: ktl[k] for k in KEY_FIGURES} == {
        "registered": 0, "in_custody_start": 2, "in_custody_end": 1, "assigned": 1,
        "completed": 1, "released": 1}
    assert "by_lapas" not in ktl and ktl["lapas_scope"] == ["KTL"]
    assert ktl["lapas"] == "KTL" and ktl["lapas_name"] == "Lapas Kelas IIB Kuala Tungkal"
    assert ktl["lapas_in_ledger"] == ["JMB", "KTL"]
    assert {t["track"]: t["assigned"] for t in ktl["by_track"]}["OLAH-MADU"] == 1
    assert ktl["trend"][-1] == {"month": "2026-10", "completed": 1, "released": 1}
    jmb = monthly(merged, "--lapas", "JMB")
    assert (jmb["registered"], jmb["assigned"], jmb["completed"]) == (1, 1, 0)
    assert jmb["lapas_name"] is None and jmb["lapas"] == "JMB"


def test_monthly_table_names_the_lapas_and_breaks_them_down(merged, monkeypatch):
    for width in ("60", "80", "120"):
        monkeypatch.setenv("COLUMNS", width)
        for lang in ("en", "id"):
            text = merged.ok("--lang", lang, "report", "monthly", "--month", "2026-10").stdout
            lines = text.splitlines()
            assert max(map(len, lines)) <= int(width), (width, lang)
            assert "JMB" in lines[0] and "KTL" in lines[0]
            assert "Per Lapas" in text
            assert ("not recorded per Lapas" if lang == "en" else "tidak dicatat per Lapas") \
                in text
    monkeypatch.setenv("COLUMNS", "80")
    text = merged.ok("--lang", "id", "report", "monthly", "--month", "2026-10", "--lapas",
                     "KTL").stdout
    assert text.splitlines()[0] == "Laporan Bulanan Lapas Kelas IIB Kuala Tungkal Oktober 2026"
    assert "Per Lapas" not in text and "tidak dicatat per Lapas" in text


def test_monthly_in_every_format_has_a_row_per_lapas(merged, tmp_path):
    rows = list(csv.DictReader(io.StringIO(merged.ok(
        "report", "monthly", "--month", "2026-10", "-f", "csv").stdout)))
    totals = {r["lapas"]: r for r in rows if r["opd"] == "TOTAL"}
    assert list(totals) == ["JMB+KTL", "JMB", "KTL"]
    assert (totals["KTL"]["assigned"], totals["JMB"]["assigned"],
            totals["JMB+KTL"]["assigned"]) == ("1", "1", "2")
    markdown = merged.ok("report", "monthly", "--month", "2026-10", "-f", "markdown").stdout
    assert "## Per Lapas" in markdown and "| JMB |" in markdown
    assert markdown.startswith("# Monthly report, Lapas JMB and KTL, October 2026")
    html = merged.ok("report", "monthly", "--month", "2026-10", "-f", "html").stdout
    assert "<h2>Per Lapas</h2>" in html and "not recorded per Lapas" in html
    sheets = workbook(merged, tmp_path, "monthly", "--month", "2026-10")
    assert sheets["Per Lapas"][0][:2] == ("lapas", "registered")
    assert [r[0] for r in sheets["Per Lapas"][1:]] == ["JMB", "KTL"]
    assert ("lapas", "JMB, KTL") in sheets["Lapas covered"]


def test_monthly_at_a_past_head_sees_the_lapas_of_then(merged):
    """--at replays the ledger up to that head: a Lapas admitted later is unknown then."""
    merge = next(e["seq"] for e in merged.json("log") if e["kind"] == "ledger.merged")
    before = str(merge - 1)
    old = merged.json("report", "monthly", "--month", "2026-10", "--at", before)
    assert "lapas_scope" not in old and old["lapas"] == "KTL"
    refused = merged("report", "monthly", "--month", "2026-10", "--at", before,
                     "--lapas", "JMB")
    assert refused.exit_code == 1 and "JMB" in refused.stderr
    now = monthly(merged)
    again = monthly(merged, "--at", str(merged.json("head")["seq"]))
    assert again == now


# -- the other reports ----------------------------------------------------------------------

def test_opd_counts_the_places_of_the_lapas_asked_for(merged):
    both = merged.json("report", "opd", "--from", "2026-10-01", "--to", "2026-11-01")
    # each Lapas's catalogue is its own: JMB's OPD and track codes are qualified
    opds = {r["opd"]: r for r in both["by_opd"]}
    assert (opds["DISKOPERINDAG"]["assigned"], opds["DISKOPERINDAG"]["completed"]) == (1, 1)
    assert (opds["JMB:DISKOPERINDAG"]["assigned"],
            opds["JMB:DISKOPERINDAG"]["completed"]) == (1, 0)
    assert {r["lapas"]: (r["assigned"], r["completed"]) for r in both["by_lapas"]} == {
        "JMB": (1, 0), "KTL": (1, 1)}
    assert both["not_per_lapas"] == ["cost_per_completion"]
    jmb = merged.json("report", "opd", "--from", "2026-10-01", "--to", "2026-11-01",
                      "--lapas", "jmb")
    assert {r["opd"]: r for r in jmb["by_opd"]}["JMB:DISKOPERINDAG"]["assigned"] == 1
    assert "by_lapas" not in jmb
    text = merged.ok("report", "opd", "--lapas", "JMB,KTL").stdout
    assert "Per Lapas" in text and "not recorded per Lapas" in text
    long = list(csv.DictReader(io.StringIO(merged.ok("report", "opd", "-f", "csv").stdout)))
    assert {r["value"] for r in long if r["section"] == "by_lapas" and r["field"] == "lapas"} \
        == {"JMB", "KTL"}


def test_readiness_rows_name_their_lapas(merged):
    report = merged.json("report", "readiness", "--within", "400")
    assert {r["name"]: r["lapas"] for r in report["rows"]} == {
        "Kurnia": "KTL", "Kartini": "KTL", "Joko": "JMB", "Jamilah": "JMB", "Jufri": "JMB",
        "Kasim": "JMB"}
    counts = {r["lapas"]: r for r in report["by_lapas"]}
    assert (counts["KTL"]["due"], counts["KTL"]["released"]) == (1, 1)
    assert (counts["JMB"]["due"], counts["JMB"]["released"]) == (4, 0)
    ktl = merged.json("report", "readiness", "--within", "400", "--lapas", "KTL")
    assert sorted(r["name"] for r in ktl["rows"]) == ["Kartini", "Kurnia"]
    text = merged.ok("report", "readiness", "--within", "400").stdout
    assert text.splitlines()[0] == "Lapas: JMB and KTL" and "Per Lapas" in text
    rows = list(csv.DictReader(io.StringIO(merged.ok(
        "report", "readiness", "--within", "400", "--lapas", "ktl", "-f", "csv").stdout)))
    assert {r["lapas"] for r in rows} == {"KTL"}


def test_recidivism_counts_releases_from_the_lapas_and_readmissions_anywhere(merged):
    def first_window(*options):
        report = merged.json("report", "recidivism", "--windows", "1", *options)
        row = next(r for r in report["rows"] if r["cohort"] == "all"
                   and r["group"] == "no_training")
        return report, (row["eligible"], row["readmitted"])

    both, counts = first_window()
    assert counts == (2, 2)
    assert both["scope"] == {"lapas": ["JMB", "KTL"], "readmissions_seen_in": ["JMB", "KTL"]}
    assert [p["lapas"] for p in both["by_lapas"]] == ["JMB", "KTL"]
    assert [p["summary"][0]["eligible_2"] for p in both["by_lapas"]] == [1, 1]
    # Kasim was released from KTL and came back to JMB: KTL's readmission all the same
    ktl, counts = first_window("--lapas", "KTL")
    assert counts == (1, 1) and "by_lapas" not in ktl
    assert ktl["scope"] == {"lapas": ["KTL"], "readmissions_seen_in": ["JMB", "KTL"]}
    assert first_window("--lapas", "jmb")[1] == (1, 1)
    rows = list(csv.DictReader(io.StringIO(merged.ok(
        "report", "recidivism", "--windows", "1", "-f", "csv").stdout)))
    assert {r["lapas"] for r in rows} == {"JMB+KTL", "JMB", "KTL"}
    text = merged.ok("report", "recidivism").stdout
    assert "JMB and KTL" in text.splitlines()[0] and "Per Lapas" in text


@pytest.fixture
def sponsored(merged, tmp_path):
    """Each Lapas's sponsor (both named Yayasan Peduli): KTL's gives money and a place in
    KTL; JMB's a place and an adoption in JMB, merged in afterwards (JMB:YAYASAN-PEDULI)."""
    jmb = SmallCli(tmp_path / "jmb.db", lapas_config(tmp_path, "JMB", "Lapas Kelas IIA Jambi"))
    merged.ok("sponsor", "add", "--name", "Yayasan Peduli", "--kind", "lembaga")
    merged.ok("donation", "add", "YAYASAN-PEDULI", "--on", "2026-02-01", "--amount", "10 juta",
              "--for-track", "OLAH-MADU")
    merged.ok("assign", "B.I-1/2025", "KRIYA-DAUR", "--on", "2026-03-01", "--sponsor",
              "YAYASAN-PEDULI")
    jmb.ok("sponsor", "add", "--name", "Yayasan Peduli", "--kind", "lembaga")
    jmb.ok("assign", "B.I-5/2025", "KRIYA-DAUR", "--on", "2026-03-02", "--sponsor",
           "YAYASAN-PEDULI")
    jmb.ok("adopt", "YAYASAN-PEDULI", "B.I-1/2025", "--from", "2026-04-01")
    merged.ok("merge", str(jmb.db))
    return merged


def test_sponsors_count_people_per_lapas_and_money_whole(sponsored):
    report = sponsored.json("report", "sponsors")
    rows = {r["sponsor"]: r for r in report["rows"]}
    assert [(rows[c]["donated_cash"], rows[c]["seats"], rows[c]["started"], rows[c]["adopted"])
            for c in ("YAYASAN-PEDULI", "JMB:YAYASAN-PEDULI")] == \
        [(10_000_000, 1, 1, 0), (0, 1, 1, 1)]
    assert {r["lapas"]: (r["seats"], r["adopted"]) for r in report["by_lapas"]} == {
        "JMB": (1, 1), "KTL": (1, 0)}
    ktl = sponsored.json("report", "sponsors", "--lapas", "KTL")
    row = {r["sponsor"]: r for r in ktl["rows"]}["YAYASAN-PEDULI"]
    assert (row["donated_cash"], row["seats"], row["adopted"]) == (10_000_000, 1, 0)
    assert ktl["not_per_lapas"] == ["money"]
    text = sponsored.ok("report", "sponsors", "--lapas", "KTL").stdout
    assert "Donations, spending and balances are not recorded per Lapas" in text
    rows = list(csv.DictReader(io.StringIO(sponsored.ok("report", "sponsors", "-f",
                                                        "csv").stdout)))
    assert sorted((r["lapas"], r["sponsor"], r["seats"]) for r in rows) == [
        ("JMB", "", "1"), ("JMB+KTL", "JMB:YAYASAN-PEDULI", "1"),
        ("JMB+KTL", "YAYASAN-PEDULI", "1"), ("KTL", "", "1")]


def test_the_statement_of_one_lapas_lists_its_places_and_adoptees(sponsored):
    jmb = sponsored.json("report", "sponsor", "JMB:YAYASAN-PEDULI")
    assert len(jmb["adoptees"]) == 1 and jmb["seats"] == 1
    ktl = sponsored.json("report", "sponsor", "YAYASAN-PEDULI", "--lapas", "KTL")
    assert ktl["adoptees"] == [] and ktl["seats"] == 1
    assert ktl["donated_cash"] == 10_000_000 and ktl["not_per_lapas"] == ["money"]
    html = sponsored.ok("report", "sponsor", "YAYASAN-PEDULI", "-f", "html").stdout
    assert "not recorded per Lapas" in html
    assert "Per Lapas" in sponsored.ok("report", "sponsor", "YAYASAN-PEDULI").stdout


def test_sales_say_the_filter_does_not_apply(merged, tmp_path):
    report = merged.json("report", "sales", "--lapas", "KTL")
    assert report["lapas_scope"] == ["JMB", "KTL"] and report["lapas_asked"] == ["KTL"]
    assert report["not_per_lapas"] == ["sales"]
    assert report == merged.json("report", "sales", "--lapas", "JMB") | {"lapas_asked": ["KTL"]}
    text = merged.ok("report", "sales", "--lapas", "KTL").stdout
    assert "JMB and KTL" in text.splitlines()[0]
    assert "not recorded per Lapas" in text
    sheets = workbook(merged, tmp_path, "sales", "--lapas", "KTL")
    assert ("lapas_asked", "KTL") in sheets["Lapas covered"]


# -- the usual ledger -------------------------------------------------------------------------

def test_a_ledger_of_one_lapas_reports_as_it_always_did(cli):
    add_person(cli, "B.I-1/2025", name="Kurnia", detained="2025-01-10", sentence="3y")
    for command in (["monthly", "--generated-at", GENERATED], ["opd"], ["recidivism"],
                    ["readiness"], ["sponsors"], ["sales"]):
        for fmt in ("json", "csv", "markdown", "table"):
            plain = cli.ok("report", *command, "-f", fmt).stdout
            assert cli.ok("report", *command, "--lapas", "ktl", "-f", fmt).stdout == plain
        report = cli.json("report", *command)
        assert not {"lapas_scope", "by_lapas", "not_per_lapas"} & set(report)
    assert "lapas" not in cli.json("report", "readiness")


def workbook(cli, tmp_path: Path, *report: str) -> dict[str, list[tuple]]:
    from openpyxl import load_workbook

    path = tmp_path / f"{report[0]}.xlsx"
    cli.ok("report", *report, "-o", str(path))
    book = load_workbook(path, read_only=True)
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in book}


def test_every_report_is_valid_json_and_names_its_lapas(sponsored):
    for command in (["monthly"], ["opd"], ["recidivism"], ["readiness"], ["sponsors"],
                    ["sponsor", "YAYASAN-PEDULI"], ["sales"]):
        report = json.loads(sponsored.ok("report", *command, "-f", "json").stdout)
        assert report["lapas_scope"] == ["JMB", "KTL"], command
