"""The Python API (``wbpctl.open``): the README's example runs as written, results are
frozen dataclasses of plain values, refusals raise the CLI's errors and write nothing, and
what a method records is what its command records (``wbpctl log`` shows it)."""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import io
import re
import subprocess
import sys
from datetime import date, datetime

import pytest

import wbpctl
import wbpctl.api
from conftest import TODAY, Cli, add_person, dump
from test_cli_tracks import small_config
from test_readme import README

NIK = "1506045203900002"     # P, born 12-03-1990


def readme_example() -> str:
    """The python block of the README's "Python API" section."""
    section = README.read_text(encoding="utf-8").split("\n## Python API\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    blocks = re.findall(r"^```python\n(.*?)^```$", section, re.S | re.M)
    assert len(blocks) == 1, "one example, and it runs"
    return blocks[0]


def test_the_readme_example_runs_and_prints_what_its_comments_say(db):
    code = readme_example()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md (Python API)", "exec"), {"__name__": "readme"})
    printed = out.getvalue().splitlines()
    said = [line.split("#", 1)[1].strip() for line in code.splitlines()
            if line.lstrip().startswith("print(") and "#" in line]
    assert len(printed) == len(said) == 2
    assert printed == said
    # the example made data/wbp.db in the working folder: the CLI sees what it recorded
    cli = Cli(db)
    events = cli.json("log", "B.I-7/2026")
    assert {"person.admitted", "enrolment.assigned"} <= {e["kind"] for e in events}
    assert all(e["actor"].startswith("admin") for e in events)
    cli.ok("verify")


# -- the package --------------------------------------------------------------------

def test_import_wbpctl_loads_nothing_else():
    """Every CLI start imports the package: it must not load the API (or through it the
    services, the store, the config)."""
    out = subprocess.run([sys.executable, "-c", "import sys, wbpctl; print(sorted(m for m in"
                          " sys.modules if m.startswith('wbpctl')))"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['wbpctl']"


def test_the_package_names_the_api_lazily_and_completely():
    assert set(wbpctl._API) == set(wbpctl.api.__all__)
    for name in wbpctl.api.__all__:
        assert getattr(wbpctl, name) is getattr(wbpctl.api, name)
    assert wbpctl.open is wbpctl.api.open
    with pytest.raises(AttributeError):
        wbpctl.no_such_name


def test_every_public_name_has_a_docstring():
    missing = []
    for name in wbpctl.api.__all__:
        thing = getattr(wbpctl.api, name)
        if not inspect.getdoc(thing):
            missing.append(name)
    for name, member in vars(wbpctl.api.Ledger).items():
        if not name.startswith("_") and not inspect.getdoc(member):
            missing.append(f"Ledger.{name}")
    assert missing == []


# -- opening ------------------------------------------------------------------------

def test_a_missing_database_is_refused_and_not_made(db):
    with pytest.raises(wbpctl.StorageError) as caught:
        wbpctl.open(db, actor="admin")
    assert caught.value.key == "db_missing"
    assert not db.exists() and not db.parent.exists()
    assert "wbpctl init" in wbpctl.explain(caught.value, "en")


def test_create_does_what_init_does_and_twice_writes_nothing(db):
    with wbpctl.open(db, actor="admin", create=True) as led:
        first = led.head()
    with wbpctl.open(db, actor="admin", create=True) as led:
        assert led.head() == first
    assert first.seq > 0 and first.lapas == "KTL"          # the catalogue synced
    assert Cli(db).json("head")["hash"] == first.hash


def test_an_actor_is_refused_before_a_database_is_made(db):
    with pytest.raises(wbpctl.Invalid) as caught:
        wbpctl.open(db, actor="budi (os: root)", create=True)
    assert caught.value.field == "actor"
    assert not db.exists()


def test_the_config_is_found_as_the_cli_finds_it(tmp_path, db):
    (tmp_path / "config.yaml").write_text("lapas:\n  code: JMB\n  name: Lapas Jambi\n")
    with wbpctl.open(db, actor="admin", create=True) as led:
        assert led.head().lapas == "JMB"
    with pytest.raises(wbpctl.ConfigError):
        wbpctl.open(db, actor="admin", config=tmp_path / "nowhere.yaml")


def test_the_actor_and_today_are_what_every_event_records(cli):
    with wbpctl.open(cli.db, actor="Budi", today=date(2026, 3, 1)) as led:
        assert led.today == date(2026, 3, 1) and led.actor.startswith("Budi")
        led.register(name="Siti Aminah", reg_no="B.I-7/2026", detained="05/01/2026",
                     sentence="2y")
        placed = led.assign("B.I-7/2026", "IKAN-AIRTAWAR")
    assert placed.on == date(2026, 3, 1)
    events = cli.json("log", "B.I-7/2026")
    assert {e["actor"] for e in events} == {led.actor}
    with wbpctl.open(cli.db, actor="Budi") as led:
        assert led.today == date.fromisoformat(TODAY)        # WBPCTL_TODAY, as the CLI


def test_a_closed_ledger_cannot_be_used(cli):
    with wbpctl.open(cli.db, actor="admin") as led:
        pass
    with pytest.raises(ValueError):
        led.head()
    led.close()                                                # twice is harmless
    assert "closed" in repr(led)


# -- results --------------------------------------------------------------------------

@pytest.fixture
def led(cli):
    with wbpctl.open(cli.db, actor="admin") as handle:
        yield handle


def test_registering_returns_what_was_recorded(led, cli):
    done = led.register(name="  Siti   Aminah ", reg_no="BI 7/2026", detained=date(2026, 1, 5),
                        sentence="2 tahun", nik=NIK, crime="Pencurian")
    assert isinstance(done, wbpctl.Registered)
    assert (done.name, done.reg_no, done.notices) == ("Siti Aminah", "B.I-7/2026", ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        done.name = "x"
    assert cli.json("participant", "show", done.uid)["name"] == "Siti Aminah"


def test_a_participant_is_typed_down_to_its_dates(led):
    led.register(name="Siti Aminah", reg_no="B.I-7/2026", detained=date(2026, 1, 5),
                 sentence="2y", nik=NIK)
    led.assign("B.I-7/2026", "IKAN-AIRTAWAR", on=date(2026, 2, 2))
    siti = led.participant(NIK)
    assert isinstance(siti, wbpctl.Participant)
    assert (siti.nik, siti.gender, siti.birth_date) == ("1506********0002", "P",
                                                         date(1990, 3, 12))
    assert (siti.reg_no, siti.status) == ("B.I-7/2026", "in_custody")
    (stay,) = siti.stays
    assert isinstance(stay, wbpctl.Stay) and stay.detained_on == date(2026, 1, 5)
    assert stay.expiry == date(2028, 1, 5) and stay.released_on is None
    (place,) = siti.enrolments
    assert isinstance(place, wbpctl.Enrolment)
    assert (place.track, place.status, place.assigned_on) == ("IKAN-AIRTAWAR", "active",
                                                              date(2026, 2, 2))
    assert place.stay == stay.uid and siti.remissions == ()
    for record in (siti, stay, place):
        for field in dataclasses.fields(record):
            value = getattr(record, field.name)
            assert value is None or isinstance(value, (str, int, float, bool, date, tuple))


def test_the_list_filters_as_the_cli_does(led):
    add = dict(detained=date(2025, 1, 10), sentence="3y")
    led.register(name="Budi Santoso", reg_no="B.I-1/2025", **add)
    led.register(name="Siti Aminah", reg_no="B.I-2/2025", **add)
    led.assign("B.I-2/2025", "IKAN-AIRTAWAR")
    everyone = led.participants()
    assert [type(p) for p in everyone] == [wbpctl.ParticipantSummary] * 2
    assert {p.name for p in everyone} == {"Budi Santoso", "Siti Aminah"}
    assert [p.name for p in led.participants(track="ikan-airtawar")] == ["Siti Aminah"]
    assert [p.reg_no for p in led.participants(search="santoso budi")] == ["B.I-1/2025"]
    assert led.participants(status="released") == []
    assert everyone[0].detained_on == date(2025, 1, 10) and everyone[0].stays == 1


def test_completing_dropping_and_releasing(led, cli):
    add_person(cli, "B.I-1/2025", detained="2025-01-10", sentence="1y6m")
    add_person(cli, "B.I-2/2025", name="Siti Aminah", detained="2025-01-10", sentence="1y6m")
    led.assign("B.I-1/2025", "IKAN-AIRTAWAR", on="2025-02-01")
    led.assign("B.I-2/2025", "OLAH-MADU", on="2025-02-01")
    done = led.complete("B.I-1/2025", "IKAN-AIRTAWAR", on=date(2025, 6, 1), hours="40,5",
                        certificate="DISKAN/2025/001")
    assert isinstance(done, wbpctl.Completed)
    assert (done.result, done.on, done.kind) == ("pass", date(2025, 6, 1), "training")
    dropped = led.drop("B.I-2/2025", "OLAH-MADU", reason="sakit", on=date(2025, 3, 1))
    assert (dropped.reason, dropped.on) == ("health", date(2025, 3, 1))
    assert led.participant("B.I-1/2025").enrolments[0].hours == 40.5
    led.assign("B.I-1/2025", "KRIYA-DAUR", on="2025-07-01")
    out = led.release("B.I-1/2025", on=date(2026, 7, 10), release_type="ekspirasi")
    assert isinstance(out, wbpctl.Released)
    assert (out.reg_no, out.on, out.release_type, out.ended_enrolments) == (
        "B.I-1/2025", date(2026, 7, 10), "ekspirasi", ("KRIYA-DAUR",))
    assert led.participant("B.I-1/2025").stays[0].released_on == date(2026, 7, 10)


def test_a_full_track_waitlists_and_a_freed_place_promotes(db, tmp_path):
    """With a config given: its catalogue (one place a track) is what create syncs."""
    with wbpctl.open(db, actor="admin", config=small_config(tmp_path, capacity=1),
                     create=True) as led:
        for n, name in ((1, "Budi Santoso"), (2, "Siti Aminah")):
            led.register(name=name, reg_no=f"B.I-{n}/2025", detained="2025-01-10",
                         sentence="3y")
        assert led.assign("B.I-1/2025", "ADMINDUK", on="2025-02-01").status == "active"
        waiting = led.assign("B.I-2/2025", "ADMINDUK", on="2025-02-02")
        assert (waiting.status, waiting.position) == ("waitlisted", 1)
        assert led.participant("B.I-2/2025").enrolments[0].waitlist_position == 1
        done = led.complete("B.I-1/2025", "ADMINDUK", on="2025-03-01")
    assert done.kind == "service"
    assert [p.name for p in done.promoted] == ["Siti Aminah"]
    assert isinstance(done.promoted[0], wbpctl.Promoted)


def test_a_warning_comes_back_with_the_fact(led):
    done = led.register(name="Adi", reg_no="B.I-9/2026", detained=date(2026, 1, 5),
                        sentence="2y", birth_date=date(2010, 4, 1))
    assert [n.key for n in done.notices] == ["notice_minor"]
    assert isinstance(done.notices[0], wbpctl.Notice) and done.notices[0].text


def test_the_head_is_the_one_the_cli_prints(led, cli):
    head = led.head()
    assert isinstance(head, wbpctl.Head) and isinstance(head.at, datetime)
    shown = cli.json("head")
    assert (head.seq, head.hash, head.lapas) == (shown["seq"], shown["hash"], shown["lapas"])
    assert head.short == f"KTL#{head.seq}:{head.hash[:8]}"


# -- the NIK ----------------------------------------------------------------------------

def test_a_reveal_is_recorded_as_the_cli_records_it(led, cli):
    led.register(name="Siti Aminah", reg_no="B.I-7/2026", detained=date(2026, 1, 5),
                 sentence="2y", nik=NIK)
    before = cli.events()
    assert led.participant("B.I-7/2026").nik == "1506********0002"
    assert [p.nik for p in led.participants()] == ["1506********0002"]
    assert cli.events() == before                                 # masked: nothing recorded
    assert led.participant("B.I-7/2026", reveal=True).nik == NIK
    assert [p.nik for p in led.participants(reveal=True)] == [NIK]
    accesses = [e for e in cli.json("log", "B.I-7/2026") if e["kind"] == "person.accessed"]
    assert len(accesses) == 2 and cli.events() == before + 2


# -- refusals ---------------------------------------------------------------------------

def refused(led, error: type, method: str, *args, **kwargs):
    """Call, expect ``error``, and check nothing was written; return the error."""
    before = dump(led.path)
    with pytest.raises(error) as caught:
        getattr(led, method)(*args, **kwargs)
    assert dump(led.path) == before
    return caught.value


def test_refusals_raise_the_cli_errors_and_write_nothing(led, cli):
    add_person(cli, "B.I-1/2025", nik="1506041203900001")
    bad_nik = refused(led, wbpctl.Invalid, "register", name="Siti", reg_no="B.I-2/2025",
                      detained="2025-01-10", sentence="3y", nik="123")
    assert (bad_nik.field, bad_nik.rule) == ("nik", "nik_length")
    taken = refused(led, wbpctl.Invalid, "register", name="Siti", reg_no="B.I-1/2025",
                    detained="2025-01-10", sentence="3y")
    assert taken.rule == "regno_duplicate"
    assert "B.I-1/2025" in wbpctl.explain(taken, "en")
    future = refused(led, wbpctl.Invalid, "register", name="Siti", reg_no="B.I-2/2025",
                     detained=date(2030, 1, 1), sentence="3y")
    assert future.rule == "date_in_future"
    assert refused(led, wbpctl.NotFound, "participant", "B.I-99/2025").key == "who_not_found"
    assert refused(led, wbpctl.NotFound, "assign", "B.I-1/2025", "NO-SUCH").key == \
        "track_not_found"
    assert refused(led, wbpctl.Invalid, "participants", status="gone").rule == \
        "status_unknown"
    refused(led, wbpctl.Rejected, "complete", "B.I-1/2025", "IKAN-AIRTAWAR")
    early = refused(led, wbpctl.Rejected, "release", "B.I-1/2025", on="2025-06-01",
                    release_type="ekspirasi")
    assert isinstance(early, wbpctl.WbpError) and early.exit_code == 1
