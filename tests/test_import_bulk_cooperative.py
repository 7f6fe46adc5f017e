"""Sales and payouts files are decided mostly in batches (``import_bulk.Sales`` and
``Payouts``): each sale takes from its product's stock, each payout from its person's
premi balance, as the rows before it left them, with ``products.sell``'s and
``pay_premi``'s rules and records. What the import says, writes and refuses is what it
says, writes and refuses when every row goes the one-by-one way, row for row."""

import re

import pytest

from conftest import add_person
from test_import_bulk import both

import wbpctl.services.import_bulk as import_bulk

SALES = ("sales", "premi_credits", "batches")
HEADER = "product,sold_on,qty,price,channel,buyer,ref,premi_share,cooperative_share,sale_uid\n"
UID = "01a22965-78ea-7009-90d4-d632da90688e"


@pytest.fixture
def honey(cli, tmp_path):
    """Two batches of MADU-250 (10 jars by Budi and Agus on 1 March 2025, 5 by Agus alone
    on 10 March) and 4 bags of TAS-DAUR by Siti."""
    for n, name, track in ((1, "Budi Santoso", "OLAH-MADU"), (2, "Agus Pratama", "OLAH-MADU"),
                           (3, "Siti Aminah", "KRIYA-DAUR")):
        add_person(cli, f"B.I-{n}/2025", name=name, detained="2025-01-10")
        cli.ok("assign", f"B.I-{n}/2025", track, "--on", "2025-02-01")
    cli.ok("produce", "MADU-250", "--on", "2025-03-01", "--qty", "10", "--makers",
           "B.I-1/2025,B.I-2/2025", "--share", "2,1")
    cli.ok("produce", "MADU-250", "--on", "2025-03-10", "--qty", "5", "--makers", "B.I-2/2025")
    cli.ok("produce", "TAS-DAUR", "--on", "2025-03-01", "--qty", "4", "--makers", "B.I-3/2025")
    return cli


GOOD = HEADER + "".join([
    "MADU-250,2025-03-02,3,,koperasi,,NOTA-1,,,\n",           # by its receipt
    "MADU-250,2025-03-02,3,,koperasi,,,,,\n",                 # its facts alone: unchanged
    "MADU-250,2025-03-02,3,,koperasi,,NOTA-1,,,\n",           # the same again: unchanged
    "MADU-250,2025-03-05,2,,pameran,Bazar,,,,\n",             # by its facts
    "MADU-250,2025-03-05,2,,pameran,Bazar,,,,\n",             # the same facts: unchanged
    f"TAS-DAUR,2025-03-03,1,80000,daring,,,,,{UID}\n",        # by its id, its own price
    "madu-250,02/03/2025,1,Rp 47.500,Koperasi,,NOTA-2,0.4,0.3,\n",   # as a sheet writes it
    "Tas anyaman daur ulang,2025-03-04,1,,koperasi,,NOTA-3,,,\n",    # by the product's name
    "MADU-250,2025-03-11,6,,daring,,NOTA-4,,,\n",             # the first batch's last 4, then 2
    "MADU-250,2025-03-12,1,,koperasi,,NOTA  5,,,\n",          # known by the receipt as cleaned
    "MADU-250,2025-03-12,1,,koperasi,,NOTA-6,,,\n",           # what that row left
    "MADU-250,2025-03-12,1,,koperasi,,NOTA-1,,,\n",           # NOTA-1 again, other facts
])


def test_a_good_file_writes_what_one_by_one_writes(honey, monkeypatch, tmp_path):
    good = GOOD.replace("MADU-250,2025-03-12,1,,koperasi,,NOTA-1,,,\n", "")
    (bulk, single), decided = both(honey, monkeypatch, tmp_path, good, "sales", tables=SALES)
    assert bulk[0] == 0, bulk[2]
    assert bulk == single
    assert decided >= 7
    assert "8 new, 0 changed, 3 unchanged" in bulk[2]
    madu = honey.json("product", "show", "MADU-250")
    assert [(b["batch"], b["sold"]) for b in madu["batches"]] == [("20250301", 10),
                                                                   ("20250310", 4)]
    assert madu["stock"] == 1


def test_refused_rows_are_refused_with_the_commands_words(honey, monkeypatch, tmp_path):
    bad = GOOD + "".join([
        "MADU-250,2025-03-12,2,,koperasi,,,,,\n",             # one left
        "MADU-250,2025-03-02,1,,koperasi,,NOTA-9,,,\n",       # none left that day
        "SABUN,2025-03-02,1,,koperasi,,,,,\n",                # no such product
        "MADU-250,2027-01-01,1,,koperasi,,,,,\n",             # the future
        "MADU-250,2025-03-02,1,,toko,,,,,\n",                 # no such channel
        "MADU-250,2025-03-02,1,,koperasi,,,0.9,0.3,\n",       # shares above the whole
        "MADU-250,2025-03-02,1,,koperasi,,,,,not-an-id\n",    # an id that is none
        "TAS-DAUR,2025-03-20,2,Rp 9.000.000.000.000,koperasi,,,,,\n",   # above Rp 10 trillion
        "MADU-250,2025-03-02,1,,koperasi,,,1e1000000,,\n",   # a share no one writes
    ])
    (bulk, single), decided = both(honey, monkeypatch, tmp_path, bad, "sales", tables=SALES)
    assert bulk[0] == 1
    assert bulk == single
    assert decided >= 6
    for line in range(13, 23):
        assert re.search(rf"^line {line}[,:]", bulk[2], re.M), line
    assert "line 21, qty '2': at Rp 9,000,000,000,000 each comes to Rp 18,000,000,000,000," \
        " more than Rp 10 trillion" in bulk[2]


@pytest.mark.parametrize("size", [1, 2, 3])
def test_small_batches_decide_the_same(honey, monkeypatch, tmp_path, size):
    """A row known by what a row before it recorded (its receipt, its facts), or taking
    what it left, is decided on the ledger once that row is written."""
    monkeypatch.setattr(import_bulk.Bulk, "SIZE", size)
    good = GOOD.replace("MADU-250,2025-03-12,1,,koperasi,,NOTA-1,,,\n", "")
    (bulk, single), _ = both(honey, monkeypatch, tmp_path, good, "sales", tables=SALES)
    assert bulk[0] == 0 and bulk == single


def test_a_file_read_again_is_all_unchanged_and_writes_nothing(honey, tmp_path):
    good = tmp_path / "sales.csv"
    good.write_text(GOOD.replace("MADU-250,2025-03-12,1,,koperasi,,NOTA-1,,,\n", ""),
                    encoding="utf-8")
    honey.ok("import", "sales", str(good))
    events = honey.events()
    again = honey.ok("import", "sales", str(good)).stderr
    assert "Nothing new: 11 unchanged" in again                  # "NOTA  5" too
    assert honey.events() == events


def test_a_sheet_of_sales_names_its_receipts_no_nota(honey, tmp_path):
    """"No. Nota" (a shop's receipt) is the receipt column of an Indonesian sheet, and
    "Bagian Premi"/"Bagian Koperasi" the split; the number is kept cleaned and found by it
    when the sheet is loaded again."""
    sheet = tmp_path / "jual.csv"
    sheet.write_bytes("Produk;Tanggal;Jumlah;Saluran;No Nota;Bagian Premi;Bagian Koperasi\r\n"
                      "MADU-250;02/03/2025;1;Koperasi;NOTA  7;0,4;0,3\r\n".encode("utf-8"))
    assert "1 new" in honey.ok("import", "sales", str(sheet)).stderr
    assert "Nothing new: 1 unchanged" in honey.ok("import", "sales", str(sheet)).stderr
    sold = honey.json("export", "sales")[0]
    assert (sold["ref"], sold["premi_share"], sold["cooperative_share"]) == ("NOTA 7", "0.4",
                                                                             "0.3")


PAYOUTS = ("payouts", "premi_credits", "sales")
PAID = "reg_no,person_uid,paid_on,amount,ref,payout_uid\n"


@pytest.fixture
def earned(honey):
    """Budi earned Rp 90,000 and Agus Rp 45,000 of premi in March 2025 (the first batch's
    shares: 2 to 1)."""
    honey.ok("sell", "MADU-250", "--on", "2025-03-20", "--qty", "6", "--channel", "koperasi")
    assert (honey.json("participant", "show", "B.I-1/2025")["premi_balance"],
            honey.json("participant", "show", "B.I-2/2025")["premi_balance"]) == (90_000,
                                                                                   45_000)
    return honey


def payouts_file(cli) -> str:
    agus = cli.json("participant", "show", "B.I-2/2025")["uid"]
    return PAID + "".join([
        "B.I-1/2025,,2025-04-01,20.000,BAYAR-1,\n",            # by its receipt
        "B.I-1/2025,,2025-04-01,20000,,\n",                    # its facts alone: unchanged
        "B.I-1/2025,,2025-04-01,Rp 20.000,BAYAR-1,\n",         # the same again: unchanged
        f",{agus},2025-04-02,20000,,{UID}\n",                  # by global ids
        "b.i 1/2025,,01/05/2025,70 ribu,BAYAR  2,\n",          # the rest of Budi's balance
        "B.I-2/2025,,2025-05-02,25000,BAYAR-3,\n",             # the rest of Agus's
    ])


def test_a_good_payouts_file_writes_what_one_by_one_writes(earned, monkeypatch, tmp_path):
    (bulk, single), decided = both(earned, monkeypatch, tmp_path, payouts_file(earned),
                                   "payouts", tables=PAYOUTS)
    assert bulk[0] == 0, bulk[2]
    assert bulk == single
    assert decided >= 4
    assert "4 new, 0 changed, 2 unchanged" in bulk[2]
    assert earned.json("participant", "show", "B.I-1/2025")["premi_balance"] == 0


@pytest.mark.parametrize("size", [1, 2, 2000])
def test_refused_payouts_are_refused_with_the_commands_words(earned, monkeypatch, tmp_path,
                                                             size):
    monkeypatch.setattr(import_bulk.Bulk, "SIZE", size)
    bad = payouts_file(earned) + "".join([
        "B.I-1/2025,,2025-05-03,1,,\n",                        # nothing left to pay
        "B.I-2/2025,,2025-05-03,20000,BAYAR-1,\n",             # BAYAR-1 is Budi's
        "B.I-9/2025,,2025-05-03,1000,,\n",                     # nobody has the number
        "B.I-2/2025,,2027-01-01,1000,,\n",                     # the future
        "B.I-2/2025,,2025-05-03,0,,\n",                        # nothing
        "B.I-2/2025,,2025-05-03,1000,,not-an-id\n",            # an id that is none
        ",,2025-05-03,1000,,\n",                               # nobody named
    ])
    (bulk, single), decided = both(earned, monkeypatch, tmp_path, bad, "payouts",
                                   tables=PAYOUTS)
    assert bulk[0] == 1
    assert bulk == single
    assert decided >= 4
    for line in range(8, 15):
        assert re.search(rf"^line {line}[,:]", bulk[2], re.M), line
