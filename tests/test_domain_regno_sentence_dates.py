from datetime import date

import pytest
from hypothesis import given, strategies as st

from wbpctl.domain.dates import add_months, parse_date
from wbpctl.domain.errors import Invalid
from wbpctl.domain.regno import parse_regno
from wbpctl.domain.sentence import (Sentence, check_class_agrees, class_for_sentence,
                                    parse_sentence)


@pytest.mark.parametrize("text", ["B.I-123/2025", "BI 123/2025", "b.i.123/2025", "B.I 123/2025",
                                  " B I-123 / 2025 ", "B.I/123/2025"])
def test_register_number_spellings_are_one_number(text):
    reg = parse_regno(text)
    assert (reg.register_class, reg.sequence, reg.year) == ("B.I", 123, 2025)
    assert str(reg) == "B.I-123/2025"


@pytest.mark.parametrize("text, cls", [("B.IIa-7/2024", "B.IIa"), ("BIIB 8/2024", "B.IIb"),
                                       ("b.iii-9/2024", "B.III"), ("A.IV-3/2025", "A.IV"),
                                       ("BIIa.12/2024", "B.IIa")])
def test_every_class_parses(text, cls):
    assert parse_regno(text).register_class == cls


@pytest.mark.parametrize("text, rule", [("123/2025", "regno_unparseable"),
                                        ("B.IV-1/2025", "regno_class_unknown"),
                                        ("B.I-0/2025", "regno_sequence_zero"),
                                        ("B.I-1/25", "regno_unparseable")])
def test_bad_register_numbers(text, rule):
    with pytest.raises(Invalid) as caught:
        parse_regno(text)
    assert caught.value.rule == rule


@pytest.mark.parametrize("text, expected", [
    ("2y6m", Sentence(2, 6)), ("2y 6m 15d", Sentence(2, 6, 15)),
    ("2 tahun 6 bulan", Sentence(2, 6)), ("18 bulan", Sentence(0, 18)),
    ("45 hari", Sentence(0, 0, 45)), ("1 th 3 bln", Sentence(1, 3)),
    ("2 years 1 month", Sentence(2, 1)), ("seumur hidup", Sentence(life=True)),
    ("1,5 tahun", Sentence(1, 6)), ("2.25 tahun", Sentence(2, 3)), ("0,5 tahun", Sentence(0, 6)),
    ("1,5 bulan", Sentence(0, 1, 15)), ("2 tahun, 6 bulan", Sentence(2, 6)),
])
def test_sentence_spellings(text, expected):
    assert parse_sentence(text) == expected


@pytest.mark.parametrize("text", ["", "dua tahun", "2x", "2y 3y", "0 bulan", "y2", "2y6", "-1y",
                                  "1,3 tahun", "1,5 tahun 2 bulan", "1,5 hari", "0,0 tahun"])
def test_unreadable_sentences(text):
    with pytest.raises(Invalid):
        parse_sentence(text)


@given(st.integers(0, 50), st.integers(0, 11), st.integers(0, 29))
def test_sentence_text_reads_back(y, m, d):
    if y == m == d == 0:
        return
    sentence = Sentence(y, m, d)
    if sentence.length_days30 > 20 * 12 * 30:        # longer than any fixed term
        with pytest.raises(Invalid) as refused:
            parse_sentence(sentence.text())
        assert refused.value.rule == "sentence_too_long"
        return
    assert parse_sentence(sentence.text()) == sentence


@pytest.mark.parametrize("sentence, cls", [
    (Sentence(months=12), "B.IIa"), (Sentence(months=12, days=1), "B.I"),
    (Sentence(months=3), "B.IIb"), (Sentence(months=3, days=1), "B.IIa"),
    (Sentence(days=45), "B.IIb"), (Sentence(life=True), "B.I"),
])
def test_register_class_follows_length(sentence, cls):
    assert class_for_sentence(sentence) == cls


def test_class_mismatch_names_the_implied_class():
    with pytest.raises(Invalid) as caught:
        check_class_agrees("B.I", Sentence(months=6), reg_no="B.I-1/2025", sentence_text="6m")
    assert caught.value.params["implied"] == "B.IIa"


def test_kurungan_takes_any_length_and_pretrial_no_sentence():
    check_class_agrees("B.III", Sentence(months=6), reg_no="B.III-1/2025", sentence_text="6m")
    check_class_agrees("A.II", None, reg_no="A.II-1/2025", sentence_text="")
    with pytest.raises(Invalid):
        check_class_agrees("B.I", None, reg_no="B.I-1/2025", sentence_text="")


@pytest.mark.parametrize("text", ["2025-10-08", "2025/10/08", "08/10/2025", "8-10-2025", "8.10.2025",
                                  "8 Okt 2025", "8 Oktober 2025", "8 oct 2025", "08-Okt-2025",
                                  # with the time a spreadsheet or database export adds
                                  "2025-10-08 00:00:00", "2025-10-08T00:00:00", "08/10/2025 0:00",
                                  "8/10/2025 12:00 PM", "8 Okt 2025 10.30"])
def test_date_spellings(text):
    assert parse_date(text) == date(2025, 10, 8)


def test_month_first_when_configured():
    assert parse_date("10/08/2025", day_first=False) == date(2025, 10, 8)


@pytest.mark.parametrize("text, rule", [("31/02/2025", "date_not_real"), ("2025-13-01", "date_not_real"),
                                        ("kemarin", "date_unparseable"), ("8 Foo 2025", "date_unparseable"),
                                        ("10/8/25", "date_two_digit_year"),
                                        ("2025-10-08 25", "date_unparseable"), ("12:00", "date_unparseable")])
def test_bad_dates(text, rule):
    with pytest.raises(Invalid) as caught:
        parse_date(text, field="detained")
    assert (caught.value.rule, caught.value.field) == (rule, "detained")


def test_a_spreadsheet_day_number_is_refused_with_the_date_it_probably_was():
    with pytest.raises(Invalid) as caught:
        parse_date("45658", field="detained")
    assert caught.value.rule == "date_spreadsheet_number"
    assert caught.value.params["probably"] == "2025-01-01"


@given(st.text(max_size=25))
def test_any_text_parses_or_is_rejected_cleanly(text):
    try:
        parse_date(text)
    except Invalid:
        pass


def test_month_end_clamps():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_recidivism_windows_and_the_default_opd_period():
    from wbpctl.domain.periods import Period, parse_windows, this_year_so_far
    assert parse_windows("3, 1,2,2") == (1, 2, 3)
    for bad in ("", "one", "0", "1,60"):
        with pytest.raises(Invalid):
            parse_windows(bad)
    assert this_year_so_far(date(2026, 11, 28)) == Period(date(2026, 1, 1), date(2026, 11, 29))


def test_a_register_number_or_none():
    from wbpctl.domain.regno import RegisterNumber, regno_or_none

    assert regno_or_none("b.i 5/2026") == RegisterNumber("B.I", 5, 2026)
    for other in ("1506045203900005", "JMB:B.I-5/2026", "B.IV-1/2025", "B.I-0/2025", "",
                  "01a228ae-c6f6-7009-b790-17ec3b3c5b4d", "B.I-5/2026" + " " * 100):
        assert regno_or_none(other) is None, other
