"""Output people read: tables that fit the terminal without cutting what must be read or
typed, dates, numbers, times and sentences the way the language writes them, an ASCII
console, a log in words that can be filtered, and listings a script can stream."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys

import pytest

from wbpctl.render import display
from wbpctl.render.display import DISPLAY, Display
from wbpctl.render.formats import to_table
from wbpctl.render.table import render_table

from conftest import add_person

ROWS = [{"reg_no": f"B.I-{n}/2025", "name": "Muhammad Rizki Pratama bin Abdul Rahman Hakim",
         "detained_on": "2025-01-10", "expiry": "2028-01-10", "status": "in_custody",
         "crime": "Penyalahgunaan narkotika golongan I bagi diri sendiri", "track": "KEBUN-SAWIT"}
        for n in (7, 1234)]
COLUMNS = ("reg_no", "name", "detained_on", "expiry", "status", "crime", "track")


@pytest.fixture
def shown_as():
    """Set the display settings a command would set, for the renderers called directly."""
    tokens = []

    def use(**settings):
        tokens.append(DISPLAY.set(Display(**settings)))
    yield use
    for token in reversed(tokens):
        DISPLAY.reset(token)


@pytest.mark.parametrize("width", [60, 80, 120])
def test_a_table_fits_and_never_cuts_a_key_value(width):
    text = to_table(ROWS, COLUMNS, "id", width=width)
    lines = text.splitlines()
    assert max(map(len, lines)) <= width
    for value in ("B.I-7/2025", "B.I-1234/2025", "10-01-2025"):
        assert any(value in line for line in lines), (value, text)
    assert "…" not in text


def test_columns_that_do_not_fit_are_left_out_and_named():
    text = to_table(ROWS, COLUMNS, "en", width=60)
    assert "Offence" not in text.splitlines()[0] and "Track" in text.splitlines()[0]
    note = " ".join(text.splitlines()[-2:])
    assert "not shown" in note and "Offence" in note


def test_an_empty_column_is_left_out_before_one_that_says_something():
    """A clerk at 80 columns saw empty 'Keluar' and 'Alasan' columns kept while the hours
    and the OPD, which had values, were left out."""
    keys = ["reg_no", "track", "status", "hours", "ended_on", "reason", "opd"]
    headers = ["Reg. no", "Track", "Status", "Hours", "Ended", "Reason", "OPD"]
    rows = [["B.I-6/2024", "IKAN-AIRTAWAR", "completed", "40", "", "", "DISKAN"]]
    lines = list(render_table(keys, headers, rows, width=56,
                              dropped_note=lambda left: "not shown: " + ", ".join(left)))
    assert max(map(len, lines)) <= 56
    assert "Hours" in lines[0] and "OPD" in lines[0], lines
    assert "Ended" not in lines[0] and "Reason" not in lines[0]
    assert lines[-1] == "not shown: Ended, Reason"


def test_a_code_in_free_text_is_never_split_at_its_hyphen():
    """What a person lacks is a list of track codes: a line may end after a comma, never
    inside KONSELING-KELUARGA."""
    missing = "ADMINDUK, KES-PREVENTIF, KONSELING-KELUARGA, SALUR-KERJA"
    for width in (34, 40, 50):
        lines = list(render_table(["reg_no", "missing"], ["Reg. no", "Missing"],
                                  [["B.I-7/2025", missing]], width=width))
        words = " ".join(line.replace("B.I-7/2025", "") for line in lines[2:]).split()
        assert words == missing.split(), (width, lines)
        assert max(map(len, lines)) <= width


def test_free_text_wraps_in_the_room_left_and_keeps_every_word():
    lines = list(render_table(["reg_no", "crime"], ["Reg. no", "Crime"],
                              [["B.I-7/2025", ROWS[0]["crime"]]], width=40))
    assert max(map(len, lines)) <= 40 and len(lines) > 3
    assert " ".join(" ".join(lines[2:]).split()).replace("B.I-7/2025 ", "") == ROWS[0]["crime"]


def test_numbers_and_money_are_right_aligned():
    lines = list(render_table(["track", "completed", "revenue"], ["Track", "Done", "Revenue"],
                              [["A", "7", "Rp 5.000"], ["B", "1.234", "Rp 125.000"]], width=None))
    assert lines[2] == "A          7    Rp 5.000" and lines[3] == "B      1.234  Rp 125.000"


def test_a_long_listing_streams_a_page_at_a_time():
    produced = []

    def rows():
        for n in range(1, 2001):
            produced.append(n)
            yield [f"B.I-{n}/2025", "x"]
    lines = render_table(["reg_no", "name"], ["Reg", "Name"], rows(), width=80)
    first = [next(lines) for _ in range(3)]
    assert first[2].startswith("B.I-1/2025") and len(produced) <= 501
    assert sum(1 for _ in lines) == 1999


@pytest.mark.parametrize("lang,style,expected", [
    ("id", "numeric", "10-01-2025"), ("id", "short", "10 Jan 2025"), ("id", "iso", "2025-01-10"),
    ("en", "short", "10 Jan 2025")])
def test_dates_follow_the_display_setting(shown_as, lang, style, expected):
    shown_as(dates=style)
    assert display.date_text("2025-01-10", lang) == expected


def test_months_and_times_in_the_office_zone(shown_as):
    assert display.month_text("2026-08", "id") == "Agustus 2026"
    assert display.month_text("2026-08", "en", short=True) == "Aug 2026"
    shown_as(dates="numeric", timezone="Asia/Jakarta")
    assert display.time_text("2026-11-29T05:39:00+00:00", "id") == "29-11-2026 12:39 WIB"
    # after 17:00 UTC it is already the next day in Jakarta
    assert display.time_text("2026-11-29T17:30:00+00:00", "id") == "30-11-2026 00:30 WIB"
    shown_as(dates="numeric", timezone="Asia/Makassar")
    assert display.time_text("2026-11-29T05:39:00+00:00", "id") == "29-11-2026 13:39 WITA"


def test_indonesias_zones_need_no_tz_database(shown_as, monkeypatch):
    """A machine with no tz database (a slim container; Windows without tzdata) showed
    the ledger's UTC times labelled WIB once the config's check stopped loading it. The
    four zones are fixed offsets; another zone still comes from the database."""
    import sys

    display._zone.cache_clear()
    try:
        with monkeypatch.context() as without:
            without.setitem(sys.modules, "zoneinfo", None)      # importing it fails
            for zone, shown in (("Asia/Jakarta", "12:39 WIB"), ("Asia/Pontianak", "12:39 WIB"),
                                ("Asia/Makassar", "13:39 WITA"),
                                ("Asia/Jayapura", "14:39 WIT")):
                shown_as(dates="numeric", timezone=zone)
                assert display.time_text("2026-11-29T05:39:00+00:00", "id") == \
                    f"29-11-2026 {shown}"
            shown_as(dates="numeric", timezone="Europe/Amsterdam")
            with pytest.raises(ImportError):
                display.time_text("2026-11-29T05:39:00+00:00", "id")
        assert display.time_text("2026-11-29T05:39:00+00:00", "en") == "29-11-2026 06:39 CET"
    finally:
        display._zone.cache_clear()


def test_numbers_rates_and_sentences_in_each_language():
    assert display.cell(1451, "id") == "1.451" and display.cell(1451, "en") == "1,451"
    assert display.rate_text(0.8433, "id") == "84,3%" and display.rate_text(0.8433, "en") == "84.3%"
    assert display.sentence_text("2y 6m", "id") == "2 tahun 6 bulan"
    assert display.sentence_text("1y 1m 15d", "en") == "1 year 1 month 15 days"
    assert display.sentence_text("life", "id") == "seumur hidup"


def test_an_ascii_console_gets_an_ascii_table(shown_as):
    shown_as(ascii=True)
    text = to_table([{"reg_no": "B.I-7/2025", "days_left": -155}], ("reg_no", "days_left"),
                    "en", width=80)
    text.encode("ascii")
    assert "-155" in text


@pytest.fixture
def people(cli):
    add_person(cli, "B.I-1/2025", name="Budi Santoso", detained="2025-01-10", sentence="2y 6m")
    add_person(cli, "B.I-2/2025", name="Siti Aminah", detained="2025-03-01", sentence="1y 6m")
    cli.ok("assign", "B.I-1/2025", "HORT-ORGANIK", "--on", "2026-02-01")
    cli.ok("--actor", "petugas-b", "complete", "B.I-1/2025", "HORT-ORGANIK", "--on", "2026-05-01")
    return cli


def test_the_listing_fits_80_columns_in_indonesian(people, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    text = people.ok("--lang", "id", "participant", "list").stdout
    assert max(map(len, text.splitlines())) <= 80
    assert "B.I-1/2025" in text and "10-01-2025" in text and "ditahan" in text
    json_rows = people.json("participant", "list")
    assert json_rows[0]["detained_on"] == "2025-01-10"      # scripts keep ISO dates


def test_a_stay_reads_as_labelled_lines_with_its_sentence_in_words(people):
    text = people.ok("--lang", "id", "participant", "show", "B.I-1/2025").stdout
    assert "2 tahun 6 bulan" in text and "10-01-2025" in text


def test_the_log_says_what_happened_in_words(people):
    text = people.ok("--lang", "id", "log", "B.I-1/2025").stdout
    assert "B.I-1/2025 Budi Santoso" in text and "WIB" in text
    assert "kind" not in text.splitlines()[0].lower()


def test_at_80_columns_the_log_prints_details_under_each_event(people, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lines = people.ok("--lang", "id", "log", "B.I-1/2025").stdout.splitlines()
    assert max(map(len, lines)) <= 80 and "Rincian" not in lines[0]
    completed = next(i for i, line in enumerate(lines) if "selesai" in line)
    details = next(line for line in lines[completed + 1:] if re.match(r"    \S", line))
    assert details.startswith("    HORT-ORGANIK; Tanggal: 01-05-2026")     # the day first
    monkeypatch.setenv("COLUMNS", "200")
    wide = people.ok("--lang", "id", "log", "B.I-1/2025").stdout.splitlines()
    assert "Rincian" in wide[0] and not any(line.startswith("    ") for line in wide)


def test_report_sentences_wrap_without_trailing_spaces(people, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    lines = people.ok("--lang", "id", "report", "recidivism").stdout.splitlines()
    assert all(len(line) <= 60 and line == line.rstrip() for line in lines)


def test_indonesian_messages_say_days_words_and_the_option_typed(people):
    released = people("--lang", "id", "release", "B.I-1/2025", "--on", "2026-05-01", "--type",
                      "pb")
    assert "PB baru mungkin sejak 10-09-2026" in released.stderr        # not 2026-09-10
    assert "2026-" not in released.stderr
    refused = people("--lang", "id", "report", "readiness", "--as-of", "31/02/2026")
    assert refused.stderr.startswith("wbpctl: --as-of '31/02/2026': ")
    assert "kurang dari 9.999" in people("--lang", "id", "sell", "MADU-250", "--qty", "9999",
                                         "--channel", "koperasi").stderr    # a count's thousands
    extra = people("--lang", "id", "participant", "show", "BI1", "2025")
    assert extra.exit_code == 2 and "Ada argumen berlebih (2025)" in extra.stderr


def test_the_log_filters(people):
    everything = people.json("log")
    # the name given to --actor, with the OS account wbpctl records beside it
    assert [e["actor"].split(" (os:")[0] for e in people.json("log", "--actor", "petugas-b")
            ] == ["petugas-b"]
    kinds = {e["kind"] for e in people.json("log", "--kind", "enrolment")}
    assert kinds == {"enrolment.assigned", "enrolment.completed"}
    assert people.json("log", "--kind", "enrolment.completed")[0]["actor"].startswith("petugas-b")
    assert people.json("log", "-n", "2") == everything[-2:]
    today = everything[-1]["at"][:10]
    assert len(people.json("log", "--since", today)) == len(everything)
    assert people.json("log", "--until", today) == []
    # the words the log shows name a kind too; a kind that does not exist is refused
    assert {e["kind"] for e in people.json("--lang", "id", "log", "--kind", "selesai")} == \
        {"enrolment.completed"}
    unknown = people("log", "--kind", "bebas-murni")
    assert unknown.exit_code == 1 and "--kind 'bebas-murni'" in unknown.stderr
    refused = people("log", "--since", "someday")
    assert refused.exit_code != 0 and "someday" in refused.stderr


def test_nl_is_one_json_object_a_line(people):
    lines = people.ok("log", "--nl").stdout.splitlines()
    assert len(lines) == len(people.json("log"))
    assert all(isinstance(json.loads(line), dict) for line in lines)
    rows = [json.loads(line) for line in people.ok("participant", "list", "--nl").stdout
            .splitlines()]
    assert {r["reg_no"] for r in rows} == {"B.I-1/2025", "B.I-2/2025"}


def test_dash_output_is_stdout(people):
    assert json.loads(people.ok("participant", "list", "-f", "json", "-o", "-").stdout)


def test_older_spellings_and_a_verdicts_words_are_read(cli):
    add_person(cli, "B.I-9/2025", detained="Senin, 13 Januari 2025",
               sentence="2 (dua) tahun 6 (enam) bulan")
    stay = cli.json("participant", "show", "B.I-9/2025")
    assert json.dumps(stay).count("2025-01-13") >= 1 and "2y 6m" in json.dumps(stay)
    add_person(cli, "B.I-10/2025", detained="12 Nopember 2025", sentence="1 tahun 3 bulan")
    assert "2025-11-12" in json.dumps(cli.json("participant", "show", "B.I-10/2025"))


def test_the_monthly_title_names_the_month(people):
    text = people.ok("--lang", "id", "report", "monthly", "--month", "2026-05").stdout
    assert text.splitlines()[0].startswith("Laporan Bulanan") and "Mei 2026" in \
        text.splitlines()[0]


@pytest.mark.slow
@pytest.mark.parametrize("encoding,name", [("ascii", "Zo? ?a?ez"), ("cp1252", "Zoë Ñañez")])
def test_a_console_that_cannot_show_unicode_gets_ascii(tmp_path, people, encoding, name):
    add_person(people, "B.I-3/2025", name="Zoë Ñañez", detained="2025-01-10")
    env = {**os.environ, "PYTHONIOENCODING": encoding, "WBPCTL_LANG": "id", "COLUMNS": "80"}
    for command in (["participant", "list"], ["participant", "show", "B.I-3/2025"],
                    ["log", "B.I-3/2025"], ["report", "monthly"]):
        done = subprocess.run([sys.executable, "-m", "wbpctl", "--db", str(people.db),
                               *command], capture_output=True, env=env)
        assert done.returncode == 0, (command, done.stderr)
        text = done.stdout.decode(encoding)     # nothing the console cannot show
        assert "\u2500" not in text and "\u2502" not in text
    listing = subprocess.run([sys.executable, "-m", "wbpctl", "--db", str(people.db),
                              "participant", "list"], capture_output=True, env=env)
    assert name in listing.stdout.decode(encoding) and "-----" in listing.stdout.decode(encoding)


def test_every_coded_value_a_person_sees_has_its_words():
    from wbpctl.domain import catalog, enrolment, products, release, sponsors
    from wbpctl.render.messages import MESSAGES
    from wbpctl.store.projections import KINDS as EVENT_KINDS

    codes = {"in_custody", "released", "transferred", "deceased", "active", "waitlisted",
             "completed", "dropped", *enrolment.DROP_REASONS, *enrolment.RESULTS,
             *release.TYPES, *catalog.KINDS, *products.CHANNELS, *sponsors.KINDS}
    assert sorted(c for c in codes if f"v_{c}" not in MESSAGES) == []
    assert sorted(k for k in EVENT_KINDS if f"ev_{k}" not in MESSAGES) == []


def test_the_log_remembers_a_bounded_number_of_people_and_says_the_same(people, session,
                                                                       monkeypatch):
    from wbpctl.services import history

    for n in range(3, 9):
        add_person(people, f"B.I-{n}/2025", name=f"Orang {n}")
    people.ok("participant", "edit", "B.I-1/2025", "--name", "Budi Santoso Putra")
    everything = list(history.log(session))
    monkeypatch.setattr(history._Known, "SIZE", 2)
    bounded = history.log(session)
    assert not isinstance(bounded, list)            # a stream, not a list built first
    assert [(e["seq"], e["who"]) for e in bounded] == \
        [(e["seq"], e["who"]) for e in everything]


def test_the_readable_log_names_people_sponsors_and_products_never_their_ids(cli):
    import re

    cli.ok("init", "--demo")
    text = cli.ok("--lang", "id", "log").stdout
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", text)
    assert not re.search(r"\{'|\{\"", text)                 # no raw JSON or dicts
    sale = cli.ok("--lang", "id", "log", "--kind", "sale", "-n", "1").stdout
    assert "Premi untuk: B." in " ".join(sale.split()) and "Dibagi: " in sale
    donation = " ".join(cli.ok("--lang", "en", "log", "--kind", "donation", "-n", "1")
                        .stdout.split())
    assert "Sponsor: " in donation and "Rp " in donation


@pytest.mark.parametrize("text", ["2026-10", "Oktober 2026", "okt 2026", "Okt. 2026",
                                  "October 2026", "10/2026", "last", "lalu", "bulan lalu",
                                  "Bulan  Lalu", "bulan-lalu"])
def test_a_month_as_reports_write_it(text):
    from datetime import date

    from wbpctl.domain.periods import month_period
    assert month_period(text, date(2026, 11, 29))[0] == "2026-10"


@pytest.mark.parametrize("text", ["this", "ini", "bulan ini", "Bulan-Ini"])
def test_this_month_in_either_language(text):
    from datetime import date

    from wbpctl.domain.periods import month_period
    assert month_period(text, date(2026, 11, 29))[0] == "2026-11"


@pytest.mark.parametrize("text", ["2026-13", "Zzz 2026", "13/2026", "Oktober"])
def test_not_a_month(text):
    from datetime import date

    from wbpctl.domain.errors import Invalid
    from wbpctl.domain.periods import month_period
    with pytest.raises(Invalid):
        month_period(text, date(2026, 11, 29))
