from datetime import date

import pytest
from hypothesis import given, strategies as st

from wbpctl.domain.errors import Invalid
from wbpctl.domain.nik import check_nik_agrees, mask_nik, parse_gender, parse_nik

TODAY = date(2026, 11, 28)


def test_domain_example_is_a_woman_born_1990_07_18():
    info = parse_nik("1506045807900003", today=TODAY)
    assert (info.province, info.regency, info.district) == ("15", "06", "04")
    assert info.gender == "P"
    assert info.birth_date == date(1990, 7, 18)
    assert info.serial == "0003"


def test_a_man_keeps_his_day():
    info = parse_nik("1506041807900003", today=TODAY)
    assert info.gender == "L" and info.birth_date == date(1990, 7, 18)


def test_two_digit_year_takes_the_latest_century_not_in_the_future():
    assert parse_nik("1506040101050001", today=TODAY).birth_date == date(2005, 1, 1)
    assert parse_nik("1506040101300001", today=TODAY).birth_date == date(1930, 1, 1)


@pytest.mark.parametrize("nik, rule", [
    ("150604580790000", "nik_length"),
    ("15060458079000031", "nik_length"),
    ("1506043507900003", "nik_day"),      # day 35: neither a man's nor a woman's day
    ("1506047207900003", "nik_day"),      # 72 - 40 = 32
    ("1506040013900003", "nik_day"),
    ("1506041813900003", "nik_month"),
    ("1506043102900003", "nik_date_not_real"),   # 31 February
    ("1506041807900000", "nik_serial"),
    ("15060418079000O3", "nik_not_digits"),
    ("1.50604E+15", "nik_scientific"),
    ("1,50604E+15", "nik_scientific"),     # as an Indonesian-locale spreadsheet writes it
    ("1506045807900003.0", "nik_as_number"),
])
def test_invalid_niks_name_their_rule(nik, rule):
    with pytest.raises(Invalid) as caught:
        parse_nik(nik, today=TODAY)
    assert caught.value.rule == rule
    assert caught.value.field == "nik"


def test_sex_and_birth_date_must_agree():
    info = parse_nik("1506045807900003", today=TODAY)
    check_nik_agrees(info, gender="P", birth_date=date(1990, 7, 18))
    with pytest.raises(Invalid) as caught:
        check_nik_agrees(info, gender="L", birth_date=None)
    assert caught.value.rule == "nik_gender_mismatch"
    with pytest.raises(Invalid) as caught:
        check_nik_agrees(info, gender=None, birth_date=date(1990, 7, 19))
    assert caught.value.rule == "nik_birth_mismatch"


def test_mask_shows_only_region_and_serial():
    assert mask_nik("1506045807900003") == "1506********0003"
    assert mask_nik(None) is None


@pytest.mark.parametrize("nik", ["1506 0458 0790 0003", "1506.0458.0790.0003",
                                 "1506-0458-0790-0003", "'1506045807900003"])
def test_separators_and_the_text_mark_are_not_part_of_a_nik(nik):
    assert parse_nik(nik, today=TODAY).nik == "1506045807900003"


@pytest.mark.parametrize("text, value", [("L", "L"), ("p", "P"), ("Laki-laki", "L"),
                                         ("Perempuan", "P"), ("M", "L"), ("F", "P"),
                                         ("Laki - laki", "L"), ("Lk.", "L"), ("PR", "P"),
                                         ("Pria", "L"), ("wanita", "P")])
def test_gender_spellings(text, value):
    assert parse_gender(text) == value


@pytest.mark.parametrize("text", ["X", "LP", "", "laki perempuan"])
def test_unknown_gender_is_refused(text):
    with pytest.raises(Invalid):
        parse_gender(text)


@given(st.text(max_size=30))
def test_any_text_is_a_clean_accept_or_a_clean_rejection(text):
    try:
        info = parse_nik(text, today=TODAY)
    except Invalid:
        return
    assert len(info.nik) == 16 and info.nik.isdigit()


@given(st.dates(min_value=date(1927, 1, 1), max_value=TODAY), st.sampled_from("LP"),
       st.integers(1, 9999))
def test_every_valid_birth_date_round_trips(born, gender, serial):
    day = born.day + (40 if gender == "P" else 0)
    nik = f"150604{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"
    info = parse_nik(nik, today=TODAY)
    assert (info.birth_date, info.gender) == (born, gender)

