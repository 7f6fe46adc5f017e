"""What came in, where it went, what it achieved (issue #17): report sponsors, the statement
a donor is handed (no one named without consent), the monthly report's sponsors section and
the cost per completion in report opd."""

import csv
import io

import pytest

from conftest import add_person


@pytest.fixture
def funded(cli):
    """Two people in places YAYASAN funds: Budi completes and is released, then comes back
    for a new sentence; Siti completes, is adopted with her consent. Agus is adopted
    without it. PT SAWIT gives goods only."""
    cli.ok("sponsor", "add", "--name", "Yayasan Peduli", "--kind", "lembaga")
    cli.ok("sponsor", "add", "--name", "PT Sawit", "--kind", "perusahaan")
    add_person(cli, "B.I-1/2024", name="Budi Santoso", detained="2024-01-10", sentence="1y6m")
    add_person(cli, "B.I-2/2025", name="Siti Aminah", detained="2025-01-10", sentence="3y")
    add_person(cli, "B.I-3/2025", name="Agus Pratama", detained="2025-01-10", sentence="3y")
    cli.ok("donation", "add", "YAYASAN-PEDULI", "--on", "2025-02-01", "--amount", "10 juta",
           "--for-track", "OLAH-MADU")
    cli.ok("donation", "add", "YAYASAN-PEDULI", "--on", "2026-02-01", "--amount", "2 juta",
           "--for", "B.I-3/2025")
    cli.ok("donation", "add", "PT-SAWIT", "--on", "2026-11-02", "--in-kind", "bambu",
           "--value", "1,5 juta")
    cli.ok("assign", "B.I-1/2024", "OLAH-MADU", "--on", "2025-02-01", "--sponsor",
           "YAYASAN-PEDULI")
    cli.ok("assign", "B.I-2/2025", "OLAH-MADU", "--on", "2025-02-01", "--sponsor",
           "YAYASAN-PEDULI")
    cli.ok("complete", "B.I-1/2024", "OLAH-MADU", "--on", "2025-05-01")
    cli.ok("complete", "B.I-2/2025", "OLAH-MADU", "--on", "2025-05-01")
    cli.ok("spend", "--track", "OLAH-MADU", "--on", "2025-03-01", "--amount", "4.000.001",
           "--what", "madu mentah", "--funded-by", "YAYASAN-PEDULI")
    cli.ok("spend", "--track", "OLAH-MADU", "--on", "2025-03-02", "--amount", "1 juta",
           "--what", "botol")
    cli.ok("spend", "--track", "ADMINDUK", "--on", "2026-02-02", "--amount", "500 ribu",
           "--what", "akta", "--funded-by", "YAYASAN-PEDULI", "--for", "B.I-3/2025")
    cli.ok("release", "B.I-1/2024", "--on", "2025-07-10", "--type", "ekspirasi")
    cli.ok("participant", "readmit", "B.I-1/2024", "--reg-no", "B.I-9/2026", "--detained",
           "2026-03-01", "--sentence", "2y")
    cli.ok("adopt", "YAYASAN-PEDULI", "B.I-2/2025", "--from", "2025-02-01", "--consent", "ya")
    cli.ok("adopt", "YAYASAN-PEDULI", "B.I-3/2025", "--from", "2026-02-01")
    return cli


def test_report_sponsors_says_what_came_in_went_out_and_came_of_it(funded):
    report = funded.json("report", "sponsors")
    rows = {r["sponsor"]: r for r in report["rows"]}
    assert {k: rows["YAYASAN-PEDULI"][k] for k in (
        "donated_cash", "donated_in_kind", "spent", "balance", "seats", "started", "completed",
        "released", "came_back", "adopted")} == {
        "donated_cash": 12_000_000, "donated_in_kind": 0, "spent": 4_500_001,
        "balance": 7_499_999, "seats": 2, "started": 2, "completed": 2, "released": 1,
        "came_back": 1, "adopted": 2}
    assert (rows["PT-SAWIT"]["donated_in_kind"], rows["PT-SAWIT"]["balance"]) == (1_500_000, 0)
    assert report["totals"]["spent"] == 4_500_001       # public money is not a sponsor's
    assert report["ledger_head"]["seq"] == funded.events()


def test_a_period_counts_what_is_dated_in_it_and_the_balance_at_its_end(funded):
    report = funded.json("report", "sponsors", "--from", "2026-01-01", "--to", "2026-03-01")
    row = next(r for r in report["rows"] if r["sponsor"] == "YAYASAN-PEDULI")
    assert (row["donated_cash"], row["spent"], row["seats"], row["completed"],
            row["released"]) == (2_000_000, 500_000, 0, 0, 0)
    assert row["balance"] == 7_499_999 and row["adopted"] == 2
    before = funded.json("report", "sponsors", "--to", "2025-03-02")
    assert next(r for r in before["rows"] if r["sponsor"] == "YAYASAN-PEDULI")["balance"] == \
        5_999_999
    refused = funded("report", "sponsors", "--from", "2026-03-01", "--to", "2026-01-01")
    assert refused.exit_code == 1 and "is not after --from" in refused.stderr


def test_report_sponsors_in_every_format(funded, tmp_path):
    table = funded.ok("--lang", "id", "report", "sponsors").stdout
    assert "Rp 12.000.000" in table and "Kembali masuk" in table and "Jumlah" in table
    assert table.rstrip().splitlines()[-1].startswith("Buku besar KTL#")
    rows = list(csv.DictReader(io.StringIO(funded.ok("report", "sponsors", "-f", "csv").stdout)))
    assert rows[1]["donated_cash"] == "12000000" and rows[1]["ledger_seq"]
    markdown = funded.ok("report", "sponsors", "-f", "markdown").stdout
    # the period names its last day (today): --to is the day after, exclusive
    assert markdown.startswith("# Sponsors, KTL, the beginning to 28-11-2026\n")
    funded.ok("report", "sponsors", "-o", str(tmp_path / "s.xlsx"))
    assert (tmp_path / "s.xlsx").stat().st_size > 0
    # made again exactly at its head, after more was spent
    head = funded.json("head")["head"]
    before = funded.ok("report", "sponsors", "-f", "csv").stdout
    funded.ok("spend", "--track", "OLAH-MADU", "--amount", "1000", "--what", "x",
              "--funded-by", "YAYASAN-PEDULI")
    assert funded.ok("report", "sponsors", "--at", head, "-f", "csv").stdout == before
    assert funded.ok("report", "sponsors", "-f", "csv").stdout != before


def test_the_statement_names_no_one_without_consent(funded):
    page = funded.ok("--lang", "id", "report", "sponsor", "yayasan peduli", "-f", "html",
                     "--generated-at", "2026-11-28T06:00:00+00:00").stdout
    assert page.startswith("<!DOCTYPE html>")
    assert "Terima kasih, Yayasan Peduli" in page
    assert "Siti Aminah" in page                         # consented
    assert "Agus" not in page and "A.P. (B.I)" in page     # not: initials and class
    assert "Budi" not in page                            # a funded place: counted only
    assert "Rp 12.000.000 tunai" in page and "Rp 4.500.001 dari dana Anda" in page
    assert "Sisa dana Anda Rp 7.499.999" in page
    assert "Buku besar KTL#" in page and "sha256 " in page
    record = funded.json("report", "sponsor", "YAYASAN-PEDULI")
    assert [a["person"] for a in record["adoptees"]] == ["Siti Aminah", "A.P. (B.I)"]
    assert [d["for"] for d in record["donations"]] == ["OLAH-MADU", "A.P. (B.I)"]
    assert record["spending"][1]["for"] == "A.P. (B.I)"
    assert record["adoptees"][0]["completed_tracks"] == ["OLAH-MADU"]
    assert record["places"] == [{"track": "OLAH-MADU", "name": "Pengolahan madu hutan",
                                 "seats": 2, "started": 2, "completed": 2}]
    for fmt in ("table", "markdown", "csv"):
        assert "Agus" not in funded.ok("report", "sponsor", "YAYASAN-PEDULI", "-f", fmt).stdout


def test_the_monthly_report_has_a_sponsors_section(funded):
    report = funded.json("report", "monthly", "--month", "2026-02")
    assert report["sponsors"] == {
        "donations": 1, "sponsors": 1, "cash": 2_000_000, "in_kind": 0, "spent": 500_000,
        "top_purposes": [{"purpose": "person", "for": None, "donations": 1,
                          "amount": 2_000_000}]}
    page = funded.ok("--lang", "id", "report", "monthly", "--month", "2026-02", "-f",
                     "html").stdout
    assert "Donatur bulan ini" in page and "Rp 2.000.000" in page and "Agus" not in page
    table = funded.ok("report", "monthly", "--month", "2026-11").stdout
    assert "Sponsors this month" in table and "Rp 1,500,000" in table
    assert "## Donations by purpose" in funded.ok("report", "monthly", "-f", "markdown").stdout


def test_cost_per_completion_by_funding_source_in_report_opd(funded):
    report = funded.json("report", "opd", "--from", "2025-01-01", "--to", "2025-12-31")
    costs = [c for c in report["cost_per_completion"] if c["track"] == "OLAH-MADU"]
    assert costs == [
        {"track": "OLAH-MADU", "funded_by": "APBD", "spent": 1_000_000, "completed": 2,
         "cost_per_completion": 500_000},
        {"track": "OLAH-MADU", "funded_by": "YAYASAN-PEDULI", "spent": 4_000_001,
         "completed": 2, "cost_per_completion": 2_000_001},     # half a rupiah rounds up
        {"track": "OLAH-MADU", "funded_by": "TOTAL", "spent": 5_000_001, "completed": 2,
         "cost_per_completion": 2_500_001}]
    later = funded.json("report", "opd", "--from", "2026-01-01")["cost_per_completion"]
    assert later == [{"track": "ADMINDUK", "funded_by": "YAYASAN-PEDULI", "spent": 500_000,
                      "completed": 0, "cost_per_completion": None}]
    table = funded.ok("--lang", "id", "report", "opd", "--from", "2025-01-01").stdout
    assert "Biaya per kelulusan" in table and "Rp 2.500.001" in table
