"""Sponsors, donations, adoptions and spending (issue #17) as an officer records them: the
registry, money in whole rupiah, balances and the refusal to overspend, corrections and
voids through the ledger, contacts as personal data, and the import/export kinds."""

import csv
import io

import pytest

from conftest import Cli, add_person, dump, refused
from test_import import assert_round_trip, write


@pytest.fixture
def yayasan(cli):
    """A sponsor with Rp 5 juta for OLAH-MADU and Rp 2 juta for the programme, and one
    person in custody."""
    add_person(cli, detained="2025-01-10", sentence="3y")
    cli.ok("sponsor", "add", "--name", "Yayasan Peduli Jambi", "--kind", "yayasan",
           "--contact", "0812-3456-7890")
    cli.ok("donation", "add", "YAYASAN-PEDULI-JAMBI", "--on", "2026-10-01", "--amount",
           "Rp 5 juta", "--for-track", "olah-madu", "--ref", "TRF-1")
    cli.ok("donation", "add", "yayasan peduli jambi", "--on", "2026-10-02", "--amount",
           "2.000.000", "--general")
    return cli


# -- the registry ----------------------------------------------------------------------------

def test_a_sponsor_gets_a_code_from_its_name_and_is_found_by_either(cli):
    done = cli.ok("sponsor", "add", "--name", "PT Sawit Makmur", "--kind", "Perusahaan")
    assert done.stderr == "Registered sponsor PT Sawit Makmur as PT-SAWIT-MAKMUR\n"
    assert cli.json("sponsor", "show", "pt  sawit makmur")["code"] == "PT-SAWIT-MAKMUR"
    assert cli.json("sponsor", "show", "pt-sawit-makmur")["kind"] == "perusahaan"
    assert "is already registered (as PT-SAWIT-MAKMUR)" in refused(
        cli, "sponsor", "add", "--name", "pt sawit MAKMUR", "--kind", "perusahaan")
    assert "kept for public budgets" in refused(
        cli, "sponsor", "add", "--name", "X", "--kind", "lembaga", "--code", "apbd")
    assert "not a kind of sponsor" in refused(cli, "sponsor", "add", "--name", "Y", "--kind",
                                              "toko")
    assert "No sponsor 'Nobody'" in refused(cli, "sponsor", "show", "Nobody", code=3)
    assert "APBD is a public budget" in refused(cli, "donation", "add", "APBD", "--amount",
                                                "1000")


def test_a_contact_is_masked_unless_revealed_and_the_reveal_is_recorded(yayasan):
    cli = yayasan
    listed = cli.json("sponsor", "list")
    assert listed[0]["contact"] == "0812*******890"
    assert cli.json("sponsor", "show", "YAYASAN-PEDULI-JAMBI")["contact"] == "0812*******890"
    registered = [e for e in cli.json("log") if e["kind"] == "sponsor.registered"]
    assert registered[0]["payload"]["contact"] == "0812*******890"     # the log too
    assert cli.json("sponsor", "list", "--reveal")[0]["contact"] == "0812-3456-7890"
    accessed = [e for e in cli.json("log") if e["kind"] == "sponsor.accessed"]
    assert [(a["subject"], a["payload"]["command"]) for a in accessed] == [
        (listed[0]["uid"], "sponsor list")]
    rows = list(csv.DictReader(io.StringIO(cli.ok("export", "sponsors").stdout)))
    assert rows[0]["contact"] == "0812*******890"


def test_edit_records_only_what_differs(yayasan):
    cli = yayasan
    done = cli.ok("sponsor", "edit", "YAYASAN-PEDULI-JAMBI", "--kind", "perusahaan",
                  "--name", "Yayasan Peduli Jambi")
    assert done.stderr == "Corrected sponsor YAYASAN-PEDULI-JAMBI: kind\n"
    before = cli.events()
    assert "Nothing to correct" in cli.ok("sponsor", "edit", "YAYASAN-PEDULI-JAMBI",
                                          "--kind", "company").stderr
    assert cli.events() == before


# -- donations -------------------------------------------------------------------------------

def test_money_is_read_as_people_write_it_and_kept_as_whole_rupiah(yayasan):
    cli = yayasan
    cli.ok("donation", "add", "YAYASAN-PEDULI-JAMBI", "--on", "3 Okt 2026", "--in-kind",
           "50 bibit lele", "--value", "750 ribu")
    rows = cli.json("donation", "list")
    assert [(r["amount"], r["in_kind"], r["purpose"]) for r in rows] == [
        (5_000_000, None, "track"), (2_000_000, None, "general"),
        (750_000, "50 bibit lele", "general")]
    table = cli.ok("--lang", "id", "donation", "list").stdout
    assert "Rp 5.000.000" in table and "Rp 750.000" in table
    assert "Rp 5,000,000" in cli.ok("donation", "list").stdout
    shown = cli.json("sponsor", "show", "YAYASAN-PEDULI-JAMBI")
    assert (shown["donated_cash"], shown["donated_in_kind"], shown["balance"]) == (
        7_000_000, 750_000, 7_000_000)          # goods are not money to spend


@pytest.mark.parametrize("args, words", [
    (["--amount", "5000,50"], "amount '5000,50': is not a whole number of rupiah"),
    (["--amount", "1.5 juta"], "write 1,5 juta (a decimal comma)"),
    (["--amount", "lima juta"], "is not an amount of rupiah; write 5.000.000"),
    (["--amount", "0"], "must be more than Rp 0"),
    (["--in-kind", "bibit"], "value '': is needed for goods"),
    (["--amount", "1000", "--in-kind", "bibit", "--value", "1000"], "is for cash"),
    (["--value", "1000"], "is the worth of goods"),
    ([], "amount '': is needed"),
    (["--amount", "1000", "--for-track", "OLAH-MADU", "--general"], "more than one purpose"),
    (["--amount", "1000", "--ref", "TRF-1"], "already the number of another donation"),
    (["--amount", "1000", "--on", "2027-01-01"], "is in the future"),
])
def test_a_donation_that_cannot_be_right_is_refused_and_nothing_written(yayasan, args, words):
    assert words in refused(yayasan, "donation", "add", "YAYASAN-PEDULI-JAMBI", *args)


def test_a_donation_for_a_track_or_person_must_name_one_that_exists(yayasan):
    assert "No track 'MADU'" in refused(yayasan, "donation", "add", "YAYASAN-PEDULI-JAMBI",
                                        "--amount", "1000", "--for-track", "MADU", code=3)
    assert "No participant" in refused(yayasan, "donation", "add", "YAYASAN-PEDULI-JAMBI",
                                       "--amount", "1000", "--for", "B.I-9/2025", code=3)


def test_edit_and_void_are_corrections_in_the_ledger(yayasan):
    cli = yayasan
    done = cli.ok("donation", "edit", "TRF-1", "--amount", "4.500.000")
    assert done.stderr == "Corrected donation #1 of YAYASAN-PEDULI-JAMBI: amount\n"
    assert cli.json("donation", "list")[0]["amount"] == 4_500_000
    cli.ok("donation", "void", "#2", "--reason", "transfer dibatalkan bank")
    rows = cli.json("donation", "list")
    assert rows[1]["voided_on"] == "2026-11-28" and rows[1]["void_reason"] == \
        "transfer dibatalkan bank"
    assert cli.json("sponsor", "show", "YAYASAN-PEDULI-JAMBI")["balance"] == 4_500_000
    assert "was voided on 2026-11-28" in refused(cli, "donation", "void", "2", "--reason", "x")
    assert "was voided" in refused(cli, "donation", "edit", "2", "--amount", "1")
    kinds = [e["kind"] for e in cli.json("log")]
    assert kinds.count("donation.recorded") == 2 and "donation.corrected" in kinds
    assert "donation.voided" in kinds
    cli.ok("verify")


# -- spending and balances ------------------------------------------------------------------

def test_spending_draws_on_the_track_then_general_and_overspending_is_refused(yayasan):
    cli = yayasan
    done = cli.ok("spend", "--track", "OLAH-MADU", "--on", "2026-10-05", "--amount",
                  "6.000.000", "--what", "madu mentah, botol", "--funded-by",
                  "yayasan peduli jambi")
    assert "YAYASAN-PEDULI-JAMBI has Rp 1,000,000 left for OLAH-MADU" in done.stderr
    err = refused(cli, "spend", "--track", "KRIYA-DAUR", "--on", "2026-10-06", "--amount",
                  "1.500.000", "--what", "bambu", "--funded-by", "YAYASAN-PEDULI-JAMBI")
    assert err == ("wbpctl: YAYASAN-PEDULI-JAMBI has Rp 1,000,000 left for KRIYA-DAUR (its money"
                   " for it and its general money), less than Rp 1,500,000: record a donation"
                   " first, fund it otherwise (--funded-by APBD), or give --override REASON\n")
    cli.ok("spend", "--track", "KRIYA-DAUR", "--on", "2026-10-06", "--amount", "1.500.000",
           "--what", "bambu", "--funded-by", "YAYASAN-PEDULI-JAMBI", "--override",
           "talangan, donasi menyusul")
    shown = cli.json("sponsor", "show", "YAYASAN-PEDULI-JAMBI")
    assert shown["balance"] == -500_000 and shown["spent"] == 7_500_000
    assert shown["spending"][1]["override"] == "talangan, donasi menyusul"
    # public money has no balance to check
    cli.ok("spend", "--track", "KRIYA-DAUR", "--amount", "Rp 10 juta", "--what", "mesin jahit")
    assert cli.json("sponsor", "show", "YAYASAN-PEDULI-JAMBI")["spent"] == 7_500_000
    cli.ok("verify")


def test_voiding_money_already_spent_warns_but_is_recorded(yayasan):
    cli = yayasan
    cli.ok("spend", "--track", "OLAH-MADU", "--amount", "5 juta", "--what", "madu",
           "--funded-by", "YAYASAN-PEDULI-JAMBI")
    done = cli.ok("donation", "void", "TRF-1", "--reason", "salah catat")
    assert "warning: YAYASAN-PEDULI-JAMBI has now spent Rp 3,000,000 more than it gave for" \
           " OLAH-MADU" in done.stderr


def test_money_for_a_person_pays_only_for_that_person(yayasan):
    cli = yayasan
    add_person(cli, "B.I-2/2025", name="Agus", detained="2025-01-10", sentence="3y")
    cli.ok("donation", "add", "YAYASAN-PEDULI-JAMBI", "--amount", "300 ribu", "--for",
           "B.I-1/2025")
    cli.ok("spend", "--track", "ADMINDUK", "--amount", "300.000", "--what", "akta",
           "--funded-by", "YAYASAN-PEDULI-JAMBI", "--for", "B.I-1/2025")
    balances = cli.json("sponsor", "show", "YAYASAN-PEDULI-JAMBI")["balances"]
    assert {(b["purpose"], b["for"]): b["balance"] for b in balances} == {
        ("track", "OLAH-MADU"): 5_000_000, ("person", "Budi Santoso"): 0,
        ("general", None): 2_000_000}
    assert any(e["kind"] == "donation.recorded" for e in cli.json("log", "B.I-1/2025"))


# -- places and adoptions --------------------------------------------------------------------

def test_a_place_names_a_registered_sponsor(yayasan):
    cli = yayasan
    cli.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2026-10-01", "--sponsor",
           "Yayasan Peduli Jambi")
    place = cli.json("participant", "show", "B.I-1/2025")["enrolments"][0]
    assert place["sponsor"] == "YAYASAN-PEDULI-JAMBI"
    assert cli.json("sponsor", "list")[0]["seats"] == 1
    cli.ok("enrolment", "edit", "B.I-1/2025", "OLAH-MADU", "--sponsor", "")
    assert cli.json("participant", "show", "B.I-1/2025")["enrolments"][0]["sponsor"] is None
    assert cli.json("sponsor", "list")[0]["seats"] == 0
    cli.ok("verify")


def test_adoption_with_consent_and_its_corrections(yayasan):
    cli = yayasan
    done = cli.ok("adopt", "YAYASAN-PEDULI-JAMBI", "B.I-1/2025", "--from", "2026-01-01")
    assert done.stderr == "YAYASAN-PEDULI-JAMBI adopts Budi Santoso from 2026-01-01\n"
    assert cli.json("sponsor", "show", "YAYASAN-PEDULI-JAMBI")["adoptions"][0]["consent"] is False
    done = cli.ok("adopt", "YAYASAN-PEDULI-JAMBI", "B.I-1/2025", "--from", "2026-01-01",
                  "--consent", "ya", "--until", "2027-01-01")
    assert "Corrected the adoption of Budi Santoso" in done.stderr
    adoption = cli.json("sponsor", "show", "YAYASAN-PEDULI-JAMBI")["adoptions"][0]
    assert (adoption["consent"], adoption["until"]) == (True, "2027-01-01")
    assert "already adopts" in refused(cli, "adopt", "YAYASAN-PEDULI-JAMBI", "B.I-1/2025",
                                       "--from", "2026-06-01")
    assert "before the person's first admission (2025-01-10)" in refused(
        cli, "adopt", "YAYASAN-PEDULI-JAMBI", "B.I-1/2025", "--from", "2024-06-01")
    assert "is before the start 2027-02-01" in refused(
        cli, "adopt", "YAYASAN-PEDULI-JAMBI", "B.I-1/2025", "--from", "2027-02-01",
        "--until", "2027-01-31")
    kinds = [e["kind"] for e in cli.json("log", "B.I-1/2025")]
    assert "adoption.recorded" in kinds and "adoption.corrected" in kinds


# -- import and export -----------------------------------------------------------------------

def test_indonesian_files_load_whole_or_not_at_all_and_again_change_nothing(cli, tmp_path):
    add_person(cli, detained="2025-01-10", sentence="3y")
    sponsors = write(tmp_path, "Nama Donatur;Jenis Donatur;Kontak\n"
                               "Yayasan Peduli Jambi;Yayasan;0812-3456-7890\n"
                               "PT Sawit Makmur;perusahaan;\n", "donatur.csv")
    donations = write(tmp_path, "Donatur;Tanggal;Jumlah;Barang;Kode Pelatihan;No. Bukti\n"
                                "YAYASAN-PEDULI-JAMBI;01/10/2026;Rp 5.000.000,-;;OLAH-MADU;T-1\n"
                                "PT Sawit Makmur;02/10/2026;750 ribu;50 bibit lele;;\n"
                                "PT Sawit Makmur;03/10/2026;\"1,2 juta\";;;\n", "donasi.csv")
    spending = write(tmp_path, "Kode Pelatihan;Tanggal;Jumlah;Keterangan;Sumber Dana\n"
                               "OLAH-MADU;05/10/2026;4.000.000;madu mentah;YAYASAN-PEDULI-JAMBI\n"
                               "KRIYA-DAUR;06/10/2026;2.500.000;bambu;APBD\n", "belanja.csv")
    adoptions = write(tmp_path, "Donatur;No Reg;Mulai;Persetujuan\n"
                                "PT Sawit Makmur;B.I-1/2025;01/10/2026;ya\n", "adopsi.csv")
    for kind, path in (("sponsors", sponsors), ("donations", donations),
                       ("spending", spending), ("adoptions", adoptions)):
        assert "new" in cli.ok("import", kind, path).stderr, kind
    assert [d["amount"] for d in cli.json("donation", "list")] == [5_000_000, 750_000,
                                                                   1_200_000]
    before = dump(cli.db)
    for kind, path in (("sponsors", sponsors), ("donations", donations),
                       ("spending", spending), ("adoptions", adoptions)):
        assert "Nothing new" in cli.ok("import", kind, path).stderr, kind
    assert dump(cli.db) == before
    # one bad row of several: nothing written, every bad row named
    bad = write(tmp_path, "Donatur;Tanggal;Jumlah\nPT Sawit Makmur;04/10/2026;1.000.000\n"
                          "PT Sawit Makmur;04/10/2026;1000,50\nNobody;04/10/2026;1000\n",
                "bad.csv")
    result = cli("import", "donations", bad)
    assert result.exit_code == 1
    assert "line 3, Jumlah '1000,50': is not a whole number of rupiah" in result.stderr
    assert "line 4: No sponsor 'Nobody'" in result.stderr
    assert dump(cli.db) == before
    over = write(tmp_path, "track,spent_on,amount,what,funded_by\n"
                           "OLAH-MADU,07/10/2026,2.000.000,botol,YAYASAN-PEDULI-JAMBI\n", "o.csv")
    result = cli("import", "spending", over)
    assert result.exit_code == 1 and "has Rp 1,000,000 left for OLAH-MADU" in result.stderr
    cli.ok("verify")


def test_a_masked_contact_does_not_load(yayasan, tmp_path):
    exported = tmp_path / "sponsors.csv"
    yayasan.ok("export", "sponsors", "-o", str(exported))
    other = Cli(tmp_path / "other.db")
    other.ok("init")
    result = other("import", "sponsors", str(exported))
    assert result.exit_code == 1 and "is masked (an export without --reveal)" in result.stderr
    assert "Nothing new" in yayasan.ok("import", "sponsors", str(exported)).stderr


def test_export_all_import_all_with_sponsors_money_spent_then_corrected(yayasan, tmp_path):
    """A donation lowered and another voided after money was spent from them: in the copy
    the spending is checked against the amounts as they were then, so it loads."""
    cli = yayasan
    cli.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2026-10-01", "--sponsor",
           "YAYASAN-PEDULI-JAMBI")
    cli.ok("adopt", "YAYASAN-PEDULI-JAMBI", "B.I-1/2025", "--from", "2026-10-01", "--consent",
           "yes")
    cli.ok("donation", "add", "YAYASAN-PEDULI-JAMBI", "--for", "B.I-1/2025", "--in-kind",
           "sepatu", "--value", "300 ribu")
    cli.ok("spend", "--track", "OLAH-MADU", "--on", "2026-10-05", "--amount", "7 juta",
           "--what", "madu", "--funded-by", "YAYASAN-PEDULI-JAMBI")
    cli.ok("spend", "--track", "KRIYA-DAUR", "--on", "2026-10-06", "--amount", "1 juta",
           "--what", "bambu", "--funded-by", "YAYASAN-PEDULI-JAMBI", "--override", "talangan")
    cli.ok("donation", "edit", "TRF-1", "--amount", "4 juta")
    cli.ok("donation", "void", "2", "--reason", "dobel")
    cli.ok("sponsor", "edit", "YAYASAN-PEDULI-JAMBI", "--name", "Yayasan Peduli Tungkal")
    other = assert_round_trip(cli, tmp_path)
    assert other.json("sponsor", "show", "YAYASAN-PEDULI-JAMBI") == \
        cli.json("sponsor", "show", "YAYASAN-PEDULI-JAMBI")
    strip = lambda rows: [{k: v for k, v in r.items() if k != "uid"} for r in rows]
    assert strip(other.json("donation", "list")) == strip(cli.json("donation", "list"))


def test_kind_by_kind_round_trip_of_sponsors_money(yayasan, tmp_path):
    cli = yayasan
    cli.ok("spend", "--track", "OLAH-MADU", "--amount", "1 juta", "--what", "madu",
           "--funded-by", "YAYASAN-PEDULI-JAMBI", "--ref", "NOTA-7")
    cli.ok("adopt", "YAYASAN-PEDULI-JAMBI", "B.I-1/2025", "--from", "2026-10-01")
    other = Cli(tmp_path / "copy.db")
    other.ok("init")
    for kind in ("sponsors", "participants", "donations", "spending", "adoptions"):
        path = tmp_path / f"{kind}.csv"
        cli.ok("export", kind, "--reveal", "-o", str(path))
        other.ok("import", kind, str(path))
        assert "Nothing new" in other.ok("import", kind, str(path)).stderr
    assert other.json("sponsor", "show", "YAYASAN-PEDULI-JAMBI") == \
        cli.json("sponsor", "show", "YAYASAN-PEDULI-JAMBI")
    other.ok("verify")
