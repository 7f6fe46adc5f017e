"""Products and the cooperative (issue #18) as they are recorded: who may make a product,
no sale beyond stock, FIFO premi, payouts never above the balance, the warning at release,
the import/export kinds and the round trip with sales in the ledger, and report sales."""

import csv
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import TODAY, Cli, add_person, dump, refused
from test_import import assert_round_trip, write


@pytest.fixture
def honey(cli):
    """Budi and Agus in OLAH-MADU from February 2025; Siti in KRIYA-DAUR only."""
    add_person(cli, "B.I-1/2025", name="Budi Santoso", detained="2025-01-10", sentence="3y")
    add_person(cli, "B.I-2/2025", name="Agus Pratama", detained="2025-01-10", sentence="3y")
    add_person(cli, "B.I-3/2025", name="Siti Aminah", detained="2025-01-10", sentence="3y")
    cli.ok("assign", "B.I-1/2025", "OLAH-MADU", "--on", "2025-02-01")
    cli.ok("assign", "B.I-2/2025", "OLAH-MADU", "--on", "2025-02-01")
    cli.ok("assign", "B.I-3/2025", "KRIYA-DAUR", "--on", "2025-02-01")
    return cli


def premi(cli, who):
    shown = cli.json("participant", "show", who)
    return shown["premi_earned"], shown["premi_paid"], shown["premi_balance"]


def test_the_catalogue_comes_from_the_config(cli):
    products = {p["code"]: p for p in cli.json("product", "list")}
    assert products["MADU-250"] == {"code": "MADU-250", "name": "Madu hutan 250 ml",
                                    "unit": "botol", "track": "OLAH-MADU", "price": 45_000,
                                    "produced": 0, "sold": 0, "stock": 0}
    assert products["TAS-DAUR"]["track"] == "KRIYA-DAUR"
    assert cli.json("product", "show", "tas anyaman daur ulang")["code"] == "TAS-DAUR"
    assert "No product 'SABUN'" in refused(cli, "product", "show", "SABUN", code=3)
    assert "Rp 45.000" in cli.ok("--lang", "id", "product", "list").stdout


def test_only_people_in_custody_and_in_the_track_make_a_product(honey):
    cli = honey
    assert "'B.I-3/2025' was not active in OLAH-MADU on 2025-03-01" in refused(
        cli, "produce", "MADU-250", "--on", "2025-03-01", "--qty", "10", "--makers",
        "B.I-1/2025,B.I-3/2025")
    assert "not active in OLAH-MADU on 2025-01-20" in refused(
        cli, "produce", "MADU-250", "--on", "2025-01-20", "--qty", "10", "--makers",
        "B.I-1/2025")                            # before the place began
    cli.ok("drop", "B.I-2/2025", "OLAH-MADU", "--on", "2025-04-01", "--reason", "health")
    cli.ok("produce", "MADU-250", "--on", "2025-03-15", "--qty", "5", "--makers", "B.I-2/2025")
    assert "not active in OLAH-MADU on 2025-04-02" in refused(
        cli, "produce", "MADU-250", "--on", "2025-04-02", "--qty", "5", "--makers",
        "B.I-2/2025")                            # dropped since
    cli.ok("complete", "B.I-1/2025", "OLAH-MADU", "--on", "2025-05-01")
    cli.ok("produce", "MADU-250", "--on", "2025-06-01", "--qty", "5", "--makers", "B.I-1/2025")
    cli.ok("release", "B.I-1/2025", "--on", "2025-07-01", "--type", "pindah", "--to", "Jambi")
    assert "'B.I-1/2025' was not in custody on 2025-07-02" in refused(
        cli, "produce", "MADU-250", "--on", "2025-07-02", "--qty", "5", "--makers",
        "B.I-1/2025")
    assert "must give one whole weight per maker (2)" in refused(
        cli, "produce", "MADU-250", "--qty", "5", "--makers", "B.I-1/2025,B.I-2/2025",
        "--share", "60")
    assert "is named twice" in refused(cli, "produce", "MADU-250", "--on", "2025-03-15",
                                       "--qty", "5", "--makers", "B.I-2/2025,b.i.2/2025")
    assert "is in the future" in refused(cli, "produce", "MADU-250", "--on", "2027-01-01",
                                         "--qty", "5", "--makers", "B.I-2/2025")
    cli.ok("verify")


def test_no_sale_beyond_the_stock_made_by_that_day(honey):
    cli = honey
    done = cli.ok("produce", "MADU-250", "--on", "2025-03-01", "--qty", "10", "--makers",
                  "B.I-1/2025,B.I-2/2025", "--share", "60,40", "--batch", "M-1")
    assert done.stderr == ("Batch M-1 of MADU-250: 10 botol made on 2025-03-01 by 2 maker(s);"
                           " 10 in stock\n")
    assert "Only 0 botol of MADU-250 made by 2025-02-28 are in stock, fewer than 1" in \
        refused(cli, "sell", "MADU-250", "--on", "2025-02-28", "--qty", "1", "--channel",
                "koperasi")
    assert "Only 10 botol" in refused(cli, "sell", "MADU-250", "--on", "2025-03-02", "--qty",
                                      "11", "--channel", "koperasi")
    assert "is not a sales channel" in refused(cli, "sell", "MADU-250", "--qty", "1",
                                               "--channel", "pasar")
    assert "already a batch of MADU-250" in refused(
        cli, "produce", "MADU-250", "--on", "2025-03-01", "--qty", "1", "--makers",
        "B.I-1/2025", "--batch", "M-1")
    done = cli.ok("sell", "madu-250", "--on", "2025-03-02", "--qty", "10", "--channel",
                  "Koperasi", "--buyer", "Koperasi Tungkal Jaya")
    assert "for Rp 450,000: premi Rp 225,000 to 2 maker(s), cooperative Rp 90,000, PNBP" \
           " Rp 135,000; 0 left" in done.stderr
    assert [p["stock"] for p in cli.json("product", "list") if p["code"] == "MADU-250"] == [0]
    cli.ok("verify")


def test_each_sale_credits_the_makers_of_the_oldest_stock_first(honey):
    cli = honey
    cli.ok("produce", "MADU-250", "--on", "2025-03-01", "--qty", "10", "--makers",
           "B.I-1/2025,B.I-2/2025", "--share", "60,40")
    cli.ok("produce", "MADU-250", "--on", "2025-04-01", "--qty", "5", "--makers", "B.I-2/2025")
    cli.ok("sell", "MADU-250", "--on", "2025-04-10", "--qty", "12", "--channel", "koperasi")
    # 12 x 45.000 = 540.000, premi 270.000: 10 units of batch 1 (60/40), 2 of batch 2 (Agus)
    assert premi(cli, "B.I-1/2025") == (135_000, 0, 135_000)
    assert premi(cli, "B.I-2/2025") == (135_000, 0, 135_000)
    cli.ok("sell", "MADU-250", "--on", "2025-04-11", "--qty", "3", "--channel", "daring",
           "--price", "Rp 50.000")
    assert premi(cli, "B.I-2/2025") == (210_000, 0, 210_000)
    batches = cli.json("product", "show", "MADU-250")["batches"]
    assert [(b["qty"], b["sold"], b["stock"]) for b in batches] == [(10, 10, 0), (5, 5, 0)]
    earnings = cli.json("participant", "show", "B.I-2/2025")["earnings"]
    assert earnings == [{"product": "MADU-250", "name": "Madu hutan 250 ml", "sales": 2,
                         "amount": 210_000, "last_sale": "2025-04-11"}]
    table = cli.ok("--lang", "id", "participant", "show", "B.I-2/2025").stdout
    assert "Saldo premi" in table and "Rp 210.000" in table
    assert "Premi" not in cli.ok("participant", "show", "B.I-3/2025").stdout


def test_payouts_never_above_the_balance_and_the_release_warns(honey):
    cli = honey
    cli.ok("produce", "MADU-250", "--on", "2025-03-01", "--qty", "10", "--makers", "B.I-1/2025")
    cli.ok("sell", "MADU-250", "--on", "2025-03-02", "--qty", "10", "--channel", "koperasi")
    assert premi(cli, "B.I-1/2025") == (225_000, 0, 225_000)
    assert "Rp 225,001 is more than the premi not yet paid out (Rp 225,000)" in refused(
        cli, "premi", "pay", "B.I-1/2025", "--amount", "225.001")
    done = cli.ok("premi", "pay", "B.I-1/2025", "--on", "2025-04-01", "--amount", "200 ribu")
    assert done.stderr == "Paid Rp 200,000 premi to Budi Santoso on 2025-04-01; Rp 25,000 left\n"
    assert premi(cli, "B.I-1/2025") == (225_000, 200_000, 25_000)
    assert "more than the premi not yet paid out (Rp 25,000)" in refused(
        cli, "premi", "pay", "B.I-1/2025", "--amount", "30.000")
    readiness = cli.json("report", "readiness", "--within", "900")["rows"]
    assert {r["reg_no"]: r["premi_balance"] for r in readiness}["B.I-1/2025"] == 25_000
    done = cli.ok("release", "B.I-1/2025", "--on", "2025-12-01", "--type", "pindah", "--to",
                  "Jambi")
    assert "warning: Budi Santoso leaves with Rp 25,000 premi not paid out: pay it" in \
        done.stderr
    released = cli.ok("--lang", "id", "release", "B.I-2/2025", "--on", "2025-12-01", "--type",
                      "pindah", "--to", "Jambi")
    assert "peringatan" not in released.stderr         # nothing owed, nothing said
    cli.ok("premi", "pay", "B.I-1/2025", "--on", "2025-12-02", "--amount", "25000")
    assert premi(cli, "B.I-1/2025")[2] == 0
    cli.ok("verify")


def test_report_sales_by_each_grouping_with_the_split_used(honey):
    cli = honey
    cli.ok("produce", "MADU-250", "--on", "2025-03-01", "--qty", "10", "--makers", "B.I-1/2025")
    cli.ok("produce", "TAS-DAUR", "--on", "2025-03-01", "--qty", "4", "--makers", "B.I-3/2025")
    cli.ok("sell", "MADU-250", "--on", "2025-03-02", "--qty", "6", "--channel", "koperasi")
    cli.ok("sell", "TAS-DAUR", "--on", "2025-04-02", "--qty", "3", "--channel", "daring",
           "--price", "80.001")
    report = cli.json("report", "sales")
    rows = {r["product"]: r for r in report["rows"]}
    assert rows["MADU-250"] == {"product": "MADU-250", "name": "Madu hutan 250 ml",
                                "produced": 10, "sold": 6, "stock": 4, "revenue": 270_000,
                                "premi": 135_000, "cooperative": 54_000, "pnbp": 81_000}
    assert rows["TAS-DAUR"]["revenue"] == 240_003 and rows["TAS-DAUR"]["pnbp"] == 72_002
    for row in report["rows"]:
        assert row["premi"] + row["cooperative"] + row["pnbp"] == row["revenue"]
    assert report["split"]["premi"] == "0.5" and "PP 31/1999" in report["split"]["regulation"]
    months = {r["month"]: r for r in cli.json("report", "sales", "--by", "bulan")["rows"]}
    assert (months["2025-03"]["stock"], months["2025-04"]["stock"]) == (8, 5)
    channels = {r["channel"]: r for r in cli.json("report", "sales", "--by", "channel")["rows"]}
    assert channels["daring"]["sold"] == 3 and channels["pameran"]["sold"] == 0
    assert channels["daring"]["produced"] is None
    tracks = {r["track"]: r for r in cli.json("report", "sales", "--by", "track")["rows"]}
    assert tracks["KRIYA-DAUR"]["stock"] == 1
    april = cli.json("report", "sales", "--from", "2025-04-01", "--to", "2025-05-01")
    assert sum(r["revenue"] for r in april["rows"]) == 240_003
    text = cli.ok("--lang", "id", "report", "sales").stdout
    assert "Pembagian pendapatan bersih: premi 50%, koperasi 20%, PNBP 30% (PP 31/1999" in text
    rows = list(csv.DictReader(io.StringIO(cli.ok("report", "sales", "-f", "csv").stdout)))
    assert rows[0]["revenue"] == "270000" and rows[0]["ledger_seq"]
    assert "is not a grouping" in refused(cli, "report", "sales", "--by", "week")


def test_the_monthly_report_has_products_and_sales_with_a_chart(honey):
    cli = honey
    cli.ok("produce", "MADU-250", "--on", "2026-10-01", "--qty", "10", "--makers", "B.I-1/2025")
    cli.ok("sell", "MADU-250", "--on", "2026-10-02", "--qty", "4", "--channel", "koperasi")
    report = cli.json("report", "monthly", "--month", "2026-10")
    madu = report["products"]["by_product"][0]
    assert (madu["produced"], madu["sold"], madu["stock"], madu["revenue"]) == (10, 4, 6, 180_000)
    assert report["products"]["revenue_trend"][-1] == {
        "month": "2026-10", "MADU-250": 180_000, "MADU-500": 0, "TAS-DAUR": 0,
        "KERANJANG-DAUR": 0}
    page = cli.ok("--lang", "id", "report", "monthly", "--month", "2026-10", "-f", "html").stdout
    assert "Produk dan penjualan bulan ini" in page and "Pendapatan per bulan per produk" in page
    assert "<title>MADU-250 2026-10: Rp 180000</title>" in page
    assert "Products and sales this month" in cli.ok("report", "monthly", "--month",
                                                     "2026-10").stdout


def test_indonesian_files_load_and_again_change_nothing(honey, tmp_path):
    cli = honey
    production = write(tmp_path, "Produk;Tanggal;Jumlah;Pembuat;Bagian\n"
                                 "MADU-250;01/03/2025;10;B.I-1/2025, B.I-2/2025;60,40\n"
                                 "Tas anyaman daur ulang;01/03/2025;4;B.I-3/2025;\n", "p.csv")
    sales = write(tmp_path, "Produk;Tanggal;Jumlah;Harga;Saluran;Pembeli\n"
                            "MADU-250;02/03/2025;6;;Koperasi;Kop. Jaya\n"
                            "TAS-DAUR;02/03/2025;2;Rp 80.000;online;\n", "s.csv")
    payouts = write(tmp_path, "No Reg;Tanggal;Jumlah\nB.I-1/2025;01/04/2025;50 ribu\n", "y.csv")
    for kind, path in (("production", production), ("sales", sales), ("payouts", payouts)):
        assert "new" in cli.ok("import", kind, path).stderr
    assert premi(cli, "B.I-1/2025") == (81_000, 50_000, 31_000)
    before = dump(cli.db)
    for kind, path in (("production", production), ("sales", sales), ("payouts", payouts)):
        assert "Nothing new" in cli.ok("import", kind, path).stderr
    assert dump(cli.db) == before
    bad = write(tmp_path, "Produk;Tanggal;Jumlah;Saluran\nMADU-250;03/03/2025;3;koperasi\n"
                          "MADU-250;03/03/2025;9;koperasi\n", "bad.csv")
    result = cli("import", "sales", bad)
    assert result.exit_code == 1 and "line 3: Only 1 botol of MADU-250" in result.stderr
    assert dump(cli.db) == before                  # the good row before it is not kept


def test_export_all_import_all_and_verify_with_sales_in_the_ledger(honey, tmp_path):
    cli = honey
    cli.ok("produce", "MADU-250", "--on", "2025-03-01", "--qty", "10", "--makers",
           "B.I-1/2025,B.I-2/2025", "--share", "2,1")
    cli.ok("sell", "MADU-250", "--on", "2025-03-02", "--qty", "7", "--channel", "pameran",
           "--price", "47.777", "--ref", "NOTA-1")
    cli.ok("premi", "pay", "B.I-1/2025", "--on", "2025-03-10", "--amount", "50.000")
    # a transfer and a readmission later: makers are carried by their global ids
    cli.ok("release", "B.I-1/2025", "--on", "2025-05-01", "--type", "ekspirasi", "--override",
           "grasi")
    cli.ok("participant", "readmit", "B.I-1/2025", "--reg-no", "B.I-9/2026", "--detained",
           "2026-01-01", "--sentence", "1y6m")
    copy = assert_round_trip(cli, tmp_path)
    for who in ("B.I-9/2026", "B.I-2/2025"):
        assert premi(copy, who) == premi(cli, who)
    assert copy.json("product", "show", "MADU-250") == cli.json("product", "show", "MADU-250")
    assert copy.json("report", "sales")["rows"] == cli.json("report", "sales")["rows"]


def test_a_product_of_a_track_the_config_lacks_is_refused_at_start(cli, tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("products:\n  - {code: SABUN, name: Sabun, unit: batang, track: NOPE,"
                      " price: 5000}\n", encoding="utf-8")
    result = cli("--config", str(config), "product", "list")
    assert result.exit_code == 1 and "products[0].track" in result.stderr
    config.write_text("sales: {premi_share: 0.9, cooperative_share: 0.2}\n", encoding="utf-8")
    result = cli("--config", str(config), "product", "list")
    assert result.exit_code == 1 and "add up to more than 1" in result.stderr


# -- a random history through the real services ----------------------------------------------

STEPS = st.lists(st.one_of(
    st.tuples(st.just("produce"), st.integers(1, 12), st.sampled_from(
        ["B.I-1/2025", "B.I-2/2025", "B.I-1/2025,B.I-2/2025"])),
    st.tuples(st.just("sell"), st.integers(1, 15), st.integers(1, 99_999)),
    st.tuples(st.just("pay"), st.sampled_from(["B.I-1/2025", "B.I-2/2025"]),
              st.integers(1, 50_000))), min_size=1, max_size=12)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_random_produce_sell_pay_keeps_stock_money_and_balances_exact(tmp_path_factory, steps):
    """Each example on a ledger of its own: whatever the order of production, sales and
    payouts, and whichever are refused, stock stays >= 0 per batch, every sale's shares
    add up to its revenue and its makers' premi to its premi, to the rupiah, nobody is paid
    more than credited, and verify passes."""
    from wbpctl.config import load_config
    from wbpctl.domain.errors import Rejected
    from wbpctl.services import products
    from wbpctl.services.session import Session

    cli = Cli(tmp_path_factory.mktemp("history") / "wbp.db")
    cli.ok("init")
    for reg in ("B.I-1/2025", "B.I-2/2025"):
        add_person(cli, reg, detained="2025-01-10", sentence="3y")
        cli.ok("assign", reg, "OLAH-MADU", "--on", "2025-02-01")
    session = Session(config=load_config(), db_path=cli.db, actor="test",
                      today=date.fromisoformat(TODAY))
    try:
        for i, step in enumerate(steps):
            on = date.fromordinal(date(2025, 3, 1).toordinal() + i)
            try:
                if step[0] == "produce":
                    products.produce(session, "MADU-500", on=on, qty=step[1], makers=step[2])
                elif step[0] == "sell":
                    products.sell(session, "MADU-500", on=on, qty=step[1], price=step[2],
                                  channel="koperasi")
                else:
                    products.pay_premi(session, step[1], on=on, amount=step[2])
            except Rejected as refusal:
                assert refusal.key in ("stock_short", "payout_above_balance")
        conn = session.connect()
        for made, sold in conn.execute("SELECT qty, sold FROM batches"):
            assert 0 <= sold <= made
        for amount, premi_, cooperative, pnbp, sale_id in conn.execute(
                "SELECT amount, premi, cooperative, pnbp, id FROM sales"):
            assert premi_ + cooperative + pnbp == amount
            assert conn.execute("SELECT coalesce(sum(amount), 0) FROM premi_credits"
                                " WHERE sale_id = ?", (sale_id,)).fetchone()[0] == premi_
        for earned, paid in conn.execute(
                "SELECT (SELECT coalesce(sum(amount), 0) FROM premi_credits c WHERE"
                " c.person_id = p.id), (SELECT coalesce(sum(amount), 0) FROM payouts y WHERE"
                " y.person_id = p.id) FROM people p"):
            assert paid <= earned
    finally:
        session.close()
    cli.ok("verify")
