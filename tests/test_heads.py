"""Ledger heads: `wbpctl head`, the head on every report, reports at a past head."""

import csv
import io
import json
import re
import sqlite3

import pytest

from wbpctl.render.display import time_text

from conftest import add_person
from test_reports import october  # noqa: F401  (a fixture)


def last_event(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT e.seq, lower(hex(e.hash)), c.at, c.lapas FROM events e"
                            " JOIN commands c ON c.id = e.command ORDER BY e.seq DESC"
                            " LIMIT 1").fetchone()
    finally:
        conn.close()


def test_head_names_the_last_event(cli):
    add_person(cli)
    seq, digest, at, lapas = last_event(cli.db)
    assert cli.json("head") == {"head": f"KTL#{seq}:{digest[:8]}", "lapas": "KTL", "seq": seq,
                                "hash": digest, "at": at}
    text = cli.ok("head").stdout
    assert text.splitlines()[0] == f"KTL#2:{digest[:8]}"
    assert digest in text and time_text(at, "en") in text    # the office's time; JSON: exact
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "Peristiwa" in cli.ok("--lang", "id", "head").stdout


def test_head_follows_each_event(cli):
    before = cli.json("head")
    add_person(cli)
    after = cli.json("head")
    assert (before["seq"], after["seq"]) == (1, 2) and before["hash"] != after["hash"]


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


# -- reports at a past head ------------------------------------------------------------------

GENERATED = re.compile(r"(?:Generated|Dibuat) (.+?) (?:by|oleh) wbpctl")


def enter_backdated_facts(cli):
    """A remission, a completion and an admission entered late, dated in October."""
    cli.ok("remission", "add", "B.I-1/2025", "--on", "2026-08-17", "--kind", "RU", "--days", "30")
    cli.ok("complete", "B.I-2/2026", "OLAH-MADU", "--on", "2026-10-30")
    add_person(cli, "B.I-6/2026", name="P6", detained="2026-10-12", sentence="2y")


@pytest.mark.parametrize("fmt", ["json", "table", "markdown", "html", "csv"])
def test_a_report_at_its_old_head_is_byte_for_byte_the_report_printed_then(october, fmt):
    """The issue's scenario: --as-of alone gives other numbers once earlier-dated facts
    are entered; --at the head printed on the report gives the report printed then."""
    args = ["report", "monthly", "--as-of", "2026-11-01", "-f", fmt]
    then = october.ok(*args).stdout
    head = october.json("report", "monthly", "--as-of", "2026-11-01")["ledger_head"]
    short = f"KTL#{head['seq']}:{head['hash'][:8]}"
    enter_backdated_facts(october)
    now = october.json("report", "monthly", "--as-of", "2026-11-01")
    assert (now["registered"], now["completed"]) == (3, 3)       # the figures moved
    again = [*args, "--at", short]
    if fmt == "json":
        again += ["--generated-at", json.loads(then)["generated_at"]]
    elif fmt != "csv":                                           # CSV prints no time
        again += ["--generated-at", GENERATED.search(then)[1]]
    assert october.ok(*again).stdout == then


def test_every_report_at_an_old_head_and_every_way_to_name_it(october):
    reports = [["report", "opd", "--from", "2026-10-01", "--to", "2026-11-01"],
               ["report", "recidivism", "--as-of", "2026-11-01"],
               ["report", "readiness", "--as-of", "2026-10-20"],
               ["report", "monthly", "--month", "2026-10", "--generated-at",
                "2026-11-01T06:00:00+00:00"]]
    then = {tuple(r): october.ok(*r, "-f", "json").stdout for r in reports}
    head = json.loads(then[tuple(reports[0])])["ledger_head"]
    enter_backdated_facts(october)
    october.ok("release", "B.I-1/2025", "--on", "2026-10-31", "--type", "pb",
               "--override", "test")
    for written in (f"KTL#{head['seq']}:{head['hash'][:8]}", str(head["seq"]), head["hash"],
                    head["hash"][:12], f"ktl#{head['seq']}"):
        for r in reports:
            assert october.ok(*r, "--at", written, "-f", "json").stdout == then[tuple(r)], \
                (written, r)
    assert all(october.ok(*r, "-f", "json").stdout != then[tuple(r)] for r in reports[:3])


def test_a_head_that_is_not_in_the_ledger_is_refused(october):
    seq, digest, _, _ = last_event(october.db)
    monthly = ["report", "monthly", "--month", "2026-10"]
    result = october(*monthly, "--at", f"KTL#{seq + 10}")
    assert result.exit_code == 3 and f"#{seq + 10}" in result.stderr
    wrong = "0" * 8 if not digest.startswith("0" * 8) else "1" * 8
    result = october(*monthly, "--at", f"KTL#{seq}:{wrong}")
    assert result.exit_code == 1 and f"KTL#{seq}:{digest[:8]}" in result.stderr
    result = october(*monthly, "--at", f"JMB#{seq}:{digest[:8]}")
    assert result.exit_code == 1 and f"KTL#{seq}:{digest[:8]}" in result.stderr
    result = october(*monthly, "--at", "kemarin")
    assert result.exit_code == 1 and "at 'kemarin'" in result.stderr
    assert october(*monthly, "--at", wrong + "ab").exit_code == 3      # no hash starts so
    assert october(*monthly, "--generated-at", "pagi").exit_code == 1


def test_at_a_head_before_a_tampered_event_works_after_it_is_refused(october):
    seq, _, _, _ = last_event(october.db)
    conn = sqlite3.connect(october.db)
    conn.execute("UPDATE events SET payload = replace(payload, 'P2', 'PX') WHERE payload"
                 " LIKE '%\"P2\"%'")
    changed = conn.execute("SELECT min(seq) FROM events WHERE payload LIKE '%\"PX\"%'"
                           ).fetchone()[0]
    conn.commit()
    conn.close()
    october.ok("report", "opd", "--at", str(changed - 1))
    result = october("report", "opd", "--at", str(seq))
    assert result.exit_code == 1 and f"#{changed}" in result.stderr and result.stdout == ""


def test_the_scratch_copy_is_removed_after_the_report_and_after_a_failure(october, tmp_path,
                                                                           monkeypatch):
    import tempfile
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    october.ok("report", "readiness", "--at", "5")
    assert list(scratch.iterdir()) == []
    conn = sqlite3.connect(october.db)
    conn.execute("UPDATE commands SET actor = 'someone else' WHERE id = (SELECT command"
                 " FROM events WHERE seq = 3)")
    conn.commit()
    conn.close()
    assert october("report", "readiness", "--at", "5").exit_code == 1   # fails mid-replay
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("name", REPORTS)
def test_the_help_says_what_as_of_cannot_do_and_at_can(name):
    from typer.testing import CliRunner

    from wbpctl.cli.app import app
    text = " ".join(CliRunner().invoke(app, [*REPORTS[name][:2], "--help"]).stdout.split())
    assert "--at HEAD" in text and "byte for byte" in text
    if name != "opd":
        assert "business date" in text and "earlier dates" in text and "use --at" in text
