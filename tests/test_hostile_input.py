"""Every parser under hostile input (issue 20, cases 4 and 8): values far longer than any
real one, control characters, other scripts' digits. Each parser answers (a value or an
``Invalid`` naming the field), never another exception, and a 100,000-character value
costs about what a normal one does: it is refused on its length before any regular
expression sees it (a 40,000-character sentence once took 40 s while the import held
the write lock)."""

import timeit
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from wbpctl.config import load_config
from wbpctl.domain.dates import parse_date, parse_timestamp
from wbpctl.domain.enrolment import parse_drop_reason, parse_hours, parse_result
from wbpctl.domain.errors import Invalid, WbpError
from wbpctl.domain.headers import normalize
from wbpctl.domain.heads import parse_head
from wbpctl.domain.nik import parse_gender, parse_nik
from wbpctl.domain.offences import categorize, parse_category
from wbpctl.domain.people import clean_name, clean_text
from wbpctl.domain.periods import month_period, parse_windows
from wbpctl.domain.regno import looks_like_regno, parse_class, parse_regno
from wbpctl.domain.release import parse_release_type
from wbpctl.domain.remission import parse_remission_days, parse_remission_kind
from wbpctl.domain.sentence import parse_sentence
from wbpctl.reports.recidivism import parse_adjust, parse_compare

TODAY = date(2026, 11, 28)
CONFIG = load_config()

# name: (parser, a normal value it accepts)
PARSERS = {
    "date": (parse_date, "08/10/2025"),
    "date month-first": (lambda t: parse_date(t, day_first=False), "10/08/2025"),
    "date named": (parse_date, "8 Oktober 2025 00:00"),
    "timestamp": (parse_timestamp, "2026-11-01T06:00:02+00:00"),
    "sentence": (parse_sentence, "2 tahun 6 bulan"),
    "register number": (parse_regno, "B.I-123/2025"),
    "register class": (parse_class, "B.IIa"),
    "looks like a register number": (looks_like_regno, "BI 123/2025"),
    "nik": (lambda t: parse_nik(t, today=TODAY), "1506045807900003"),
    "gender": (parse_gender, "Laki-laki"),
    "remission kind": (parse_remission_kind, "Remisi Umum"),
    "remission days": (parse_remission_days, "1 bulan 15 hari"),
    "result": (parse_result, "Tidak Lulus"),
    "drop reason": (parse_drop_reason, "withdrawn-own"),
    "hours": (parse_hours, "12,5"),
    "release type": (parse_release_type, "Pembebasan Bersyarat"),
    "name": (clean_name, "Budi Santoso"),
    "free text": (lambda t: clean_text(t, field="crime"), "pencurian sepeda motor"),
    "offence category": (lambda t: parse_category(t, CONFIG.offence_categories), "narkotika"),
    "offence keywords": (lambda t: categorize(t, CONFIG.offence_rules), "sabu 0,5 gram"),
    "month": (lambda t: month_period(t, TODAY), "2026-10"),
    "windows": (parse_windows, "1,2,3"),
    "head": (parse_head, "KTL#5120:3f9a2c71"),
    "header": (normalize, "No. Registrasi"),
    "compare": (parse_compare, "training"),
    "adjust": (parse_adjust, "sentence,age,offence"),
}

# shapes that made regular expressions backtrack, n characters long
SHAPES = {
    "digits": lambda n: "1" * n,
    "spaces": lambda n: " " * n,
    "digit and space": lambda n: "1 " * (n // 2),
    "register number with spaces": lambda n: "B.I" + " " * (n - 9) + "1/2025",
    "register class then spaces": lambda n: "B.I" + " " * (n - 4) + "x",
    "decimals": lambda n: "1,1" * (n // 3) + "x",
    "letters": lambda n: "tahun" * (n // 5),
    "time-like": lambda n: "1:11 " * (n // 5),
    "separators": lambda n: "-./" * (n // 3) + "1",
}


def call(parse, text):
    try:
        return parse(text)
    except WbpError:
        return None


def test_every_normal_value_is_accepted():
    for name, (parse, normal) in PARSERS.items():
        assert parse(normal) not in (None, False), name


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_a_100000_character_value_costs_about_what_a_normal_one_does(name):
    """Not a wall-clock limit (machines are noisy): the time of a long value against the
    time of the normal one, each the best of several runs of the same count, for each
    shape at 100, 1,000, 10,000 and 100,000 characters (a parser that backtracks fails
    at the short ones, instead of running for hours at the long). A regex over the whole
    value costs thousands of normal parses at 100,000 characters; a length check first
    costs a few."""
    parse, normal = PARSERS[name]
    normal_time = min(timeit.repeat(lambda: call(parse, normal), number=200, repeat=5))
    for shape, make in SHAPES.items():
        for length in (100, 1_000, 10_000, 100_000):
            text = make(length)
            once = timeit.timeit(lambda: call(parse, text), number=1)
            assert once < 200 * 100 * normal_time, (name, shape, length, once / normal_time)
            best = min(timeit.repeat(lambda: call(parse, text), number=200, repeat=5))
            assert best < 100 * normal_time, (name, shape, length, best / normal_time)


CONTROL = st.characters(whitelist_categories=("Cc", "Cf", "Zl", "Zp"))
HOSTILE = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.one_of(CONTROL, st.characters()), max_size=60),
    st.builds(lambda part, n: part * n, st.text(min_size=1, max_size=6),
              st.integers(1, 20_000)),
    st.sampled_from(["²", "٣", "1²", "١٢", "𝟗", "nan", "inf", "1e309", "-0", "+1", "1_000",
                     "9" * 40, "99999999 hari", "0001-01-01", "9999-12-31", "31/12/9999",
                     "\x1b[2J", "B.I-1/2025\u202e", "\x00", "\ufeff"]),
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(PARSERS)), HOSTILE)
def test_every_parser_answers_or_refuses_with_the_field_named(name, text):
    parse, _ = PARSERS[name]
    try:
        parse(text)
    except Invalid as error:
        assert error.field and error.rule
        assert len(str(error.value)) <= max(len(text), 43)
    except WbpError:
        pass


@pytest.mark.parametrize("name, text", [
    ("remission days", "²"), ("remission days", "٣"), ("hours", "١٢"), ("hours", "nan"),
    ("hours", "1e3"), ("windows", "١,2"), ("month", "9999-12"), ("month", "0001-01"),
    ("date", "0001-01-01"), ("date", "31/12/9999"), ("date", "1 Jan 2101"),
    ("sentence", "99999999 hari"), ("sentence", "20 tahun 1 hari"), ("sentence", "٢ tahun"),
    ("register number", "B.I-١/2025"), ("head", "KTL#١٢"),
])
def test_values_out_of_range_or_in_other_digits_are_refused(name, text):
    parse, _ = PARSERS[name]
    with pytest.raises(Invalid):
        parse(text)


def test_limits_are_named_in_the_error():
    for parse, limit in ((parse_sentence, 40), (parse_regno, 40), (clean_name, 200)):
        with pytest.raises(Invalid) as refused:
            parse("x" * 100_000)
        assert refused.value.rule == "text_too_long"
        assert refused.value.params["maximum"] == limit
        assert len(refused.value.value) < 50
