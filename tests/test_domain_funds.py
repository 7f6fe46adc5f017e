"""A sponsor's money as pure rules: pools per purpose, the order costs draw on them, what an
overspend is; and the registry's small rules (codes, masking, what a sponsor is told)."""

import pytest
from hypothesis import given, strategies as st

from wbpctl.domain import funds
from wbpctl.domain.errors import Invalid
from wbpctl.domain.funds import Cost, Gift
from wbpctl.domain.sponsors import (adoptee_label, code_from_name, free_code, mask_contact,
                                    parse_code, parse_consent, parse_kind)

MADU = ("track", "OLAH-MADU")


def test_a_cost_draws_on_its_track_then_on_general_money():
    gifts = [Gift("track", "OLAH-MADU", 5_000_000), Gift("general", None, 2_000_000)]
    pools = funds.balances(gifts, [Cost("OLAH-MADU", None, 6_000_000)])
    assert pools == {MADU: 0, funds.GENERAL: 1_000_000}


def test_a_cost_of_another_track_uses_only_general_money():
    gifts = [Gift("track", "OLAH-MADU", 5_000_000), Gift("general", None, 2_000_000)]
    assert funds.shortfall(gifts, [], Cost("KRIYA-DAUR", None, 3_000_000)) == 1_000_000
    assert funds.shortfall(gifts, [], Cost("KRIYA-DAUR", None, 2_000_000)) == 0


def test_a_cost_for_a_person_draws_on_their_money_first():
    gifts = [Gift("person", "p1", 1_000_000), Gift("track", "OLAH-MADU", 1_000_000)]
    pools = funds.balances(gifts, [Cost("OLAH-MADU", "p1", 1_500_000)])
    assert pools == {("person", "p1"): 0, MADU: 500_000}
    # money given for one person is not spent on another's place
    assert funds.shortfall(gifts, [], Cost("OLAH-MADU", "p2", 1_500_000)) == 500_000


def test_costs_draw_in_the_order_they_were_recorded():
    gifts = [Gift("track", "OLAH-MADU", 1_000_000), Gift("general", None, 1_000_000)]
    first, second = Cost("OLAH-MADU", None, 1_000_000), Cost("KRIYA-DAUR", None, 1_000_000)
    assert funds.shortfall(gifts, [first], second) == 0
    assert funds.shortfall(gifts, [Cost("KRIYA-DAUR", None, 1_000_000)], first) == 0
    assert funds.shortfall(gifts, [first, second], Cost("OLAH-MADU", None, 1)) == 1


def test_an_overspend_recorded_anyway_shows_on_its_first_pool():
    pools = funds.balances([Gift("track", "OLAH-MADU", 1_000_000)],
                           [Cost("OLAH-MADU", None, 1_250_000)])
    assert pools == {MADU: -250_000}
    assert funds.overdrawn(pools) == {MADU: -250_000} and funds.total(pools) == -250_000


@given(st.lists(st.tuples(st.sampled_from(["track", "general"]), st.integers(1, 10 ** 7)),
                max_size=6),
       st.lists(st.integers(1, 10 ** 7), max_size=6))
def test_money_is_neither_made_nor_lost(gifts, costs):
    given_ = [Gift(kind, "OLAH-MADU" if kind == "track" else None, amount)
              for kind, amount in gifts]
    spent = [Cost("OLAH-MADU", None, amount) for amount in costs]
    pools = funds.balances(given_, spent)
    assert funds.total(pools) == sum(a for _, a in gifts) - sum(costs)
    # whatever fits is never refused; whatever is refused did not fit
    for i, cost in enumerate(spent):
        left = funds.total(funds.balances(given_, spent[:i]))
        assert (funds.shortfall(given_, spent[:i], cost) == 0) == (cost.amount <= left)


def test_codes_from_names():
    assert code_from_name("Yayasan Peduli Jambi") == "YAYASAN-PEDULI-JAMBI"
    assert code_from_name("PT. Sawit Makmur Sejahtera Abadi Tbk") == "PT-SAWIT-MAKMUR"
    assert code_from_name("Koperasi Ibu-Ibu Tungkal") == "KOPERASI-IBU-IBU-TUNGKAL"
    assert code_from_name("André") == "ANDRE"
    assert free_code("APBD", set()) == "APBD-2"
    assert free_code("A", {"A", "A-2"}) == "A-3"
    assert parse_code(" yayasan-x ") == "YAYASAN-X"
    for bad, rule in (("DIPA", "sponsor_code_reserved"), ("A B", "sponsor_code_invalid"),
                      ("-A", "sponsor_code_invalid")):
        with pytest.raises(Invalid) as refused:
            parse_code(bad)
        assert refused.value.rule == rule


def test_kinds_consent_and_what_a_listing_shows():
    assert parse_kind("Perusahaan") == "perusahaan" and parse_kind("yayasan") == "lembaga"
    assert parse_kind("company") == "perusahaan" and parse_kind("instansi") == "pemerintah"
    with pytest.raises(Invalid):
        parse_kind("toko")
    assert parse_consent("ya") is True and parse_consent("No") is False
    assert parse_consent("") is False and parse_consent(None) is False
    with pytest.raises(Invalid):
        parse_consent("mungkin")
    assert mask_contact("0812-3456-7890") == "0812*******890"
    assert mask_contact("12345") == "*****" and mask_contact(None) is None


def test_a_sponsor_sees_a_name_only_with_consent():
    assert adoptee_label("Budi Santoso", "B.I", True) == "Budi Santoso"
    assert adoptee_label("Budi Santoso", "B.I", False) == "B.S. (B.I)"
    assert adoptee_label("siti aminah binti ahmad", "B.IIa", False) == "S.A.B.A. (B.IIa)"
