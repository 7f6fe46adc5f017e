"""The demo data set: made through the services, fictional, rich enough for every report."""

from collections import Counter


def test_demo_fills_every_part_of_the_model(cli):
    cli.ok("init", "--demo")
    people = cli.json("participant", "list")
    assert 180 <= len(people) <= 190
    statuses = Counter(p["status"] for p in people)
    assert statuses["in_custody"] > 10 and statuses["released"] > 5
    assert any(p["stays"] > 1 for p in people), "a few readmissions"
    tracks = {t["code"]: t for t in cli.json("track", "list")}
    assert sum(t["completed"] for t in tracks.values()) > 30
    assert any(t["waiting"] for t in tracks.values()), "a waitlist"
    kinds = Counter(e["kind"] for e in cli.json("log"))
    for kind in ("remission.granted", "stay.released", "enrolment.dropped",
                 "enrolment.completed", "enrolment.waitlisted"):
        assert kinds[kind] > 0, kind
    cli.ok("verify")


def test_demo_has_sponsors_with_money_places_and_adoptions(cli):
    cli.ok("init", "--demo")
    rows = cli.json("report", "sponsors")["rows"]
    assert len(rows) >= 4
    assert all(r["donated_cash"] > 0 and r["spent"] > 0 and r["balance"] >= 0 for r in rows)
    assert sum(r["seats"] for r in rows) > 10 and sum(r["completed"] for r in rows) > 5
    assert sum(r["adopted"] for r in rows) == 2 and any(r["donated_in_kind"] for r in rows)
    month = cli.json("report", "monthly", "--month", "this")["sponsors"]
    assert month["donations"] > 0 and month["top_purposes"]
    assert any(d["voided_on"] for d in cli.json("donation", "list"))
    assert cli.json("report", "opd")["cost_per_completion"]


def test_demo_makes_and_sells_honey_and_crafts(cli):
    cli.ok("init", "--demo")
    rows = {r["product"]: r for r in cli.json("report", "sales")["rows"]}
    for code in ("MADU-250", "MADU-500", "TAS-DAUR", "KERANJANG-DAUR"):
        assert rows[code]["sold"] > 0 and rows[code]["stock"] >= 0, code
    section = cli.json("report", "monthly", "--month", "this")["products"]
    assert sum(r["revenue"] for r in section["by_product"]) > 0
    assert sum(1 for t in section["revenue_trend"] if any(
        v for k, v in t.items() if k != "month")) >= 10
    channels = cli.json("report", "sales", "--by", "channel")["rows"]
    assert all(r["sold"] > 0 for r in channels if r["channel"] != "lainnya")
    paid = [e for e in cli.json("log") if e["kind"] == "premi.paid"]
    assert paid and all(e["payload"]["amount"] % 1000 == 0 for e in paid)
    assert any(r["premi_balance"] for r in cli.json("report", "readiness", "--within", "365")
               ["rows"])


def test_demo_is_deterministic_for_one_today(cli, tmp_path):
    from conftest import Cli
    cli.ok("init", "--demo")
    other = Cli(tmp_path / "other.db")
    other.ok("init", "--demo")
    strip = lambda rows: [{k: v for k, v in r.items() if k not in ("id", "uid")} for r in rows]
    assert strip(cli.json("participant", "list")) == strip(other.json("participant", "list"))
    assert strip(cli.json("sponsor", "list")) == strip(other.json("sponsor", "list"))
    assert strip(cli.json("donation", "list")) == strip(other.json("donation", "list"))
    assert cli.json("report", "sales")["rows"] == other.json("report", "sales")["rows"]


def test_demo_refuses_a_database_with_data(cli):
    cli.ok("participant", "add", "--name", "A", "--reg-no", "B.I-1/2025", "--detained",
           "2025-01-01", "--sentence", "2y")
    result = cli("init", "--demo")
    assert result.exit_code == 1 and "already holds data" in result.stderr
