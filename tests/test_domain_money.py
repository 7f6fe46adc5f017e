"""Money is whole rupiah: one parser that reads what people write and refuses, with a hint,
what is not a whole number of rupiah; one formatter per language; never a float."""

import pytest
from hypothesis import given, strategies as st

from wbpctl.domain.errors import Invalid
from wbpctl.domain.money import MAXIMUM, parse_rupiah
from wbpctl.render.numbers import rupiah

AMOUNTS = st.integers(1, MAXIMUM)


@pytest.mark.parametrize("text, value", [
    ("5.000.000", 5_000_000), ("5000000", 5_000_000), ("Rp 5.000.000", 5_000_000),
    ("Rp5.000.000", 5_000_000), ("Rp. 5.000.000,-", 5_000_000), ("Rp 5.000.000,00", 5_000_000),
    ("Rp 5 juta", 5_000_000), ("5 JUTA", 5_000_000), ("Rp5jt", 5_000_000),
    ("1,2 juta", 1_200_000), ("1,25 juta", 1_250_000), ("750 ribu", 750_000),
    ("750rb", 750_000), ("2 miliar", 2_000_000_000), ("1.500 juta", 1_500_000_000),
    ("Rp 5,000,000", 5_000_000), ("IDR 1,234,567.00", 1_234_567), ("1 234 567", 1_234_567),
    ("  Rp  750.000  ", 750_000), (750_000, 750_000),
])
def test_what_people_write_is_read(text, value):
    assert parse_rupiah(text) == value


@pytest.mark.parametrize("text, rule", [
    ("1.5 juta", "money_decimal_point"),      # 1.500 would be fifteen hundred
    ("5000,50", "money_not_whole"), ("5.000.000,75", "money_not_whole"),
    ("5,000.25", "money_not_whole"), ("1,23456789 juta", "money_not_whole"),
    ("-5000", "money_not_positive"), ("0", "money_not_positive"), ("Rp 0", "money_not_positive"),
    ("lima juta", "money_unparseable"), ("", "money_unparseable"), ("Rp", "money_unparseable"),
    ("12.34.567", "money_unparseable"), ("5M", "money_unparseable"), ("5k", "money_unparseable"),
    ("99 miliar miliar", "money_unparseable"), (10 ** 14, "money_too_large"),
    (5000.0, "money_unparseable"), (True, "money_unparseable"),
])
def test_what_is_not_whole_rupiah_is_refused_with_its_rule(text, rule):
    with pytest.raises(Invalid) as refused:
        parse_rupiah(text, field="amount")
    assert refused.value.rule == rule and refused.value.field == "amount"


def test_zero_only_where_allowed():
    assert parse_rupiah("0", allow_zero=True) == 0


def test_the_formatter_writes_each_language():
    assert rupiah(5_000_000, "id") == "Rp 5.000.000"
    assert rupiah(5_000_000, "en") == "Rp 5,000,000"
    assert rupiah(750, "id") == "Rp 750"
    assert rupiah(-250_000, "id") == "\u2212Rp 250.000"


@given(AMOUNTS)
def test_every_amount_written_any_way_reads_back(value):
    for text in (rupiah(value, "id"), rupiah(value, "en"), str(value), f"{value:,}",
                 f"{value:,}".replace(",", "."), f"Rp {value:,}".replace(",", ".") + ",-",
                 f"Rp {value:,}".replace(",", ".") + ",00"):
        parsed = parse_rupiah(text)
        assert parsed == value and type(parsed) is int, text


@given(st.integers(0, 10 ** 6), st.integers(0, 9), st.sampled_from(["juta", "jt", "Juta"]))
def test_a_decimal_comma_before_juta_reads_back(whole, tenth, word):
    value = whole * 1_000_000 + tenth * 100_000
    if value:
        assert parse_rupiah(f"{whole},{tenth} {word}") == value


@given(st.integers(1, 10 ** 9), st.integers(1, 99).filter(lambda c: c % 10))
def test_cents_are_refused_not_rounded(value, cents):
    with pytest.raises(Invalid) as refused:
        parse_rupiah(f"{value:,}".replace(",", ".") + f",{cents:02d}")
    assert refused.value.rule == "money_not_whole"


@given(st.text(max_size=20))
def test_any_text_is_an_int_or_a_refusal_never_a_float(text):
    try:
        value = parse_rupiah(text)
    except Invalid as refused:
        assert refused.rule.startswith("money_")
    else:
        assert type(value) is int and 0 < value <= MAXIMUM
