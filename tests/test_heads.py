"""Ledger heads: `wbpctl head`, the head on every report, reports at a past head."""

import csv
import io
import sqlite3

import pytest

from conftest import add_person
from test_reports import october  # noqa: F401  (a fixture)


def last_event(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT seq, hash, at, lapas FROM events ORDER BY seq DESC"
                            " LIMIT 1").fetchone()
    finally:
        conn.close()


def test_head_names_the_last_event(cli):
    add_person(cli)
    seq, digest, at, lapas = last_event(cli.db)
    assert cli.json("head") == {"head": f"KTL#{seq}:{digest[:8]}", "lapas": "KTL", "seq": seq,
                                "hash": digest, "at": at}
    text = cli.ok("head").stdout
    assert text.splitlines()[0] == f"KTL#3:{digest[:8]}"
    assert digest in text and at in text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "Peristiwa" in cli.ok("--lang", "id", "head").stdout


def test_head_follows_each_event(cli):
    before = cli.json("head")
    add_person(cli)
    after = cli.json("head")
    assert (before["seq"], after["seq"]) == (1, 3) and before["hash"] != after["hash"]


def test_head_of_a_missing_database_is_a_storage_error(tmp_path):
    from conftest import Cli
    result = Cli(tmp_path / "none.db")("head")
    assert result.exit_code == 4 and "wbpctl init" in result.stderr


REPORTS = {"monthly": ["report", "monthly", "--month", "2026-10"],
           "opd": ["report", "opd"],
           "recidivism": ["report", "recidivism"],
           "readiness": ["report", "readiness"]}


@pytest.mark.parametrize("name", REPORTS)
def test_every_report_names_its_head_in_every_format(october, name):
    args = REPORTS[name]
    seq, digest, at, lapas = last_event(october.db)
    short = f"KTL#{seq}:{digest[:8]}"
    assert october.json(*args)["ledger_head"] == {"seq": seq, "hash": digest, "at": at,
                                                  "lapas": "KTL"}
    rows = list(csv.DictReader(io.StringIO(october.ok(*args, "-f", "csv").stdout)))
    assert rows and all((r["ledger_seq"], r["ledger_hash"]) == (str(seq), digest)
                        for r in rows)
    for fmt in ("table", "markdown"):
        assert october.ok(*args, "-f", fmt).stdout.splitlines()[-1] == f"Ledger {short}"
        assert october.ok("--lang", "id", *args, "-f", fmt).stdout.splitlines()[-1] == \
            f"Buku besar {short}"


def test_the_html_report_shows_the_head_in_its_footer(october):
    seq, digest, _, _ = last_event(october.db)
    page = october.ok("--lang", "id", *REPORTS["monthly"], "-f", "html").stdout
    footer = page[page.index("<footer>"):page.index("</footer>")]
    assert f"Buku besar KTL#{seq}:{digest[:8]}" in footer
    assert digest in footer       # the full hash too: eight hex digits can be forged


def test_a_report_after_a_new_event_names_the_new_head(october):
    before = october.json(*REPORTS["opd"])["ledger_head"]
    october.ok("assign", "B.I-2/2026", "KES-PREVENTIF", "--on", "2026-11-03")
    after = october.json(*REPORTS["opd"])["ledger_head"]
    assert after["seq"] == before["seq"] + 1 and after["hash"] != before["hash"]
