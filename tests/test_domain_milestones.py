from datetime import date, timedelta

from hypothesis import given, strategies as st

from wbpctl.domain.milestones import SentenceRules, freed_by_remission, milestones
from wbpctl.domain.remission import suggested_days
from wbpctl.domain.sentence import Sentence

RULES = SentenceRules()


def test_three_years_no_remission():
    m = milestones(date(2024, 1, 10), Sentence(3), [], RULES)
    assert m.one_third == date(2025, 1, 10)
    assert m.half == date(2025, 7, 10)
    assert m.two_thirds == date(2026, 1, 10)
    assert m.expiry == date(2027, 1, 10)
    assert m.pb_trial_end == date(2028, 1, 10)
    assert m.pb_eligible == date(2026, 1, 10)


def test_twelve_months_gives_no_pb_eighteen_does():
    assert milestones(date(2024, 1, 10), Sentence(months=12), [], RULES).pb_eligible is None
    assert milestones(date(2024, 1, 10), Sentence(months=18), [], RULES).pb_eligible == \
        date(2025, 1, 10)


def test_remissions_bring_release_forward():
    m = milestones(date(2017, 5, 9), Sentence(2), [15, 60, 30], RULES)
    assert m.expiry == date(2019, 1, 24)


def test_month_end_detention():
    assert milestones(date(2025, 1, 31), Sentence(months=1), [], RULES).expiry == \
        date(2025, 2, 28)
    assert milestones(date(2024, 1, 31), Sentence(months=1), [], RULES).expiry == \
        date(2024, 2, 29)


def test_days_only_sentence():
    m = milestones(date(2025, 3, 1), Sentence(days=45), [], RULES)
    assert m.expiry == date(2025, 4, 15)
    assert m.two_thirds == date(2025, 3, 31)   # 30 days


def test_fraction_of_a_month_counts_in_thirty_day_days():
    # 2/3 of 10 months = 6 months + 20 days
    assert milestones(date(2025, 1, 1), Sentence(months=10), [], RULES).two_thirds == \
        date(2025, 7, 21)


def test_remission_larger_than_a_month_is_deducted_before_fractions():
    m = milestones(date(2024, 1, 10), Sentence(3), [90], RULES)
    assert m.expiry == date(2026, 10, 12)
    # (36 months - 90 days) = 33 months; 2/3 of it = 22 months
    assert m.two_thirds == date(2025, 11, 10)
    kept = milestones(date(2024, 1, 10), Sentence(3), [90],
                      SentenceRules(deduct_remission_first=False))
    assert kept.two_thirds == date(2026, 1, 10)


def test_cb_only_up_to_eighteen_months():
    assert milestones(date(2025, 1, 1), Sentence(months=18), [], RULES).cb_eligible is not None
    assert milestones(date(2025, 1, 1), Sentence(months=19), [], RULES).cb_eligible is None


def test_cmb_leave_is_the_last_remission_at_most_six_months():
    m = milestones(date(2020, 1, 1), Sentence(6), [30, 60], RULES)
    assert m.expiry == date(2025, 10, 3)
    assert m.cmb == date(2025, 8, 4)                  # 60 days before expiry
    long = milestones(date(2020, 1, 1), Sentence(6), [30, 240], RULES)
    assert long.expiry == date(2025, 4, 6)
    assert long.cmb == date(2024, 10, 6)              # capped at 6 months before expiry
    assert milestones(date(2020, 1, 1), Sentence(6), [], RULES).cmb is None


def test_life_sentence_has_no_dates():
    assert milestones(date(2020, 1, 1), Sentence(life=True), [], RULES).expiry is None


def test_remission_table():
    detained = date(2024, 1, 1)
    assert suggested_days("RU", date(2024, 8, 17), detained, 0) == 30     # 7 months served
    assert suggested_days("RU", date(2025, 8, 17), detained, 0) == 60     # over 12 months
    assert suggested_days("RU", date(2024, 5, 17), detained, 0) == 0      # under 6 months
    assert suggested_days("RU", date(2025, 8, 17), detained, 1) == 90
    assert suggested_days("RU", date(2030, 8, 17), detained, 5) == 180
    assert suggested_days("RK", date(2024, 8, 17), detained, 0) == 15
    assert suggested_days("RK", date(2027, 8, 17), detained, 3) == 45


def test_leap_day_detention():
    assert milestones(date(2024, 2, 29), Sentence(1), [], RULES).expiry == date(2025, 2, 28)
    assert milestones(date(2024, 2, 29), Sentence(4), [], RULES).expiry == date(2028, 2, 29)
    assert milestones(date(2023, 12, 31), Sentence(months=2), [], RULES).expiry == \
        date(2024, 2, 29)


def test_a_remission_larger_than_what_remains_frees_on_its_grant_date():
    """Remisi langsung bebas (issue #12): 8 months from 2023-12-31 ends 2024-08-31; the
    table's 30 days on 17 August 2024 would move expiry to 2024-08-01, before the grant:
    the person is freed on the grant date instead, and the grant is kept in full."""
    detained, sentence = date(2023, 12, 31), Sentence(months=8)
    grants = [(date(2024, 8, 17), 30)]
    m = milestones(detained, sentence, grants, RULES)
    assert m.expiry == date(2024, 8, 17)
    assert freed_by_remission(detained, sentence, grants)
    assert not freed_by_remission(detained, sentence, [(date(2024, 8, 17), 10)])
    assert milestones(detained, sentence, [(date(2024, 8, 17), 10)], RULES).expiry == \
        date(2024, 8, 21)
    # undated days (arithmetic only) never stop at a grant date
    assert milestones(detained, sentence, [30], RULES).expiry == date(2024, 8, 1)


def test_expiry_never_moves_back_past_a_grant_date_nor_forward():
    detained, sentence = date(2024, 1, 1), Sentence(1, 1)          # expiry 2025-02-01
    grants = [(date(2024, 8, 17), 60), (date(2024, 11, 20), 60)]   # 2024-12-03, then stop
    assert milestones(detained, sentence, grants, RULES).expiry == date(2024, 11, 20)
    # a grant dated after expiry changes nothing: it can neither shorten what has ended
    # nor push expiry to its own date
    assert milestones(detained, sentence, [(date(2025, 3, 1), 10)], RULES).expiry == \
        date(2025, 2, 1)


@given(st.dates(date(2000, 1, 1), date(2030, 1, 1)),
       st.builds(Sentence, st.integers(0, 6), st.integers(0, 11), st.integers(1, 29),
                 life=st.just(False), death=st.just(False)),
       st.lists(st.tuples(st.integers(1, 3000), st.integers(1, 200)), max_size=5))
def test_expiry_with_dated_grants_stays_between_the_plain_sum_and_the_sentence(
        detained, sentence, offsets):
    grants = sorted((detained + timedelta(days=o), days) for o, days in offsets)
    dated = milestones(detained, sentence, grants, RULES).expiry
    plain = milestones(detained, sentence, [d for _, d in grants], RULES).expiry
    full = milestones(detained, sentence, [], RULES).expiry
    assert plain <= dated <= full
    if grants and grants[0][0] <= plain:
        assert dated == plain or dated >= grants[0][0]
