"""Closed lists read as Indonesian admins and spreadsheets write them."""

import pytest
from hypothesis import given, strategies as st

from wbpctl.domain.enrolment import DROP_REASONS, parse_drop_reason, parse_result
from wbpctl.domain.errors import Invalid
from wbpctl.domain.release import TYPES, parse_release_type
from wbpctl.domain.remission import parse_remission_days, parse_remission_kind


@pytest.mark.parametrize("text, stored", [
    ("pb", "pb"), ("PB", "pb"), ("Pembebasan Bersyarat", "pb"), ("cuti_bersyarat", "cb"),
    ("Cuti Menjelang Bebas", "cmb"), ("Bebas Murni", "ekspirasi"), ("EKSPIRASI", "ekspirasi"),
    ("bebas demi hukum", "bebas-demi-hukum"), ("Remisi Bebas", "remisi-bebas"),
    (" pindah ", "pindah"), ("wafat", "meninggal"),
])
def test_release_types(text, stored):
    assert parse_release_type(text) == stored


@pytest.mark.parametrize("text, stored", [
    (None, "pass"), ("", "pass"), ("Lulus", "pass"), ("PASS", "pass"), ("Tidak Lulus", "fail"),
    ("tidak-lulus", "fail"), ("gagal", "fail"), ("fail", "fail"),
])
def test_results(text, stored):
    assert parse_result(text) == stored


@pytest.mark.parametrize("text, stored", [
    ("Sakit", "health"), ("withdrawn own", "withdrawn-own"), ("Mengundurkan Diri", "withdrawn-own"),
    ("bebas", "released"), ("lainnya", "other"), ("SECURITY", "security"),
])
def test_drop_reasons(text, stored):
    assert parse_drop_reason(text) == stored


@pytest.mark.parametrize("text, stored", [
    ("RU", "RU"), ("rk", "RK"), ("Remisi Umum", "RU"), ("remisi khusus", "RK"), ("khusus", "RK"),
    ("Other", "other"), ("lain", "other"),
])
def test_remission_kinds(text, stored):
    assert parse_remission_kind(text) == stored


@pytest.mark.parametrize("text, days", [
    ("60", 60), (60, 60), ("30 hari", 30), ("2 bulan", 60), ("1 bulan 15 hari", 45),
    (" 15 ", 15), ("1830", 1830),
])
def test_remission_days(text, days):
    assert parse_remission_days(text) == days


@pytest.mark.parametrize("text", ["0", "", None, "1831", "-5", "2.5", "seumur hidup",
                                  "sebulan", "0 hari", True])
def test_remission_days_refused(text):
    with pytest.raises(Invalid) as refused:
        parse_remission_days(text)
    assert refused.value.rule == "remission_days_range"


@pytest.mark.parametrize("parse, rule", [
    (parse_release_type, "release_type_unknown"), (parse_result, "result_unknown"),
    (parse_drop_reason, "reason_unknown"), (parse_remission_kind, "remission_kind_unknown"),
])
def test_unknown_words_name_the_choices(parse, rule):
    with pytest.raises(Invalid) as refused:
        parse("entah")
    assert refused.value.rule == rule and refused.value.params["choices"]


@given(st.sampled_from(TYPES + DROP_REASONS), st.sampled_from([" ", "_", "-"]),
       st.booleans())
def test_case_and_separators_never_matter(word, separator, upper):
    text = word.replace("-", separator)
    text = text.upper() if upper else text
    parse = parse_release_type if word in TYPES else parse_drop_reason
    assert parse(f"  {text} ") == word
