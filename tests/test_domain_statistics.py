"""The recidivism statistics against published worked values, plus properties that must hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from wbpctl.domain.statistics import (
    Estimate,
    _fleiss_per_group,
    mantel_haenszel_risk_ratio,
    needed_per_group,
    newcombe_difference,
    risk_ratio,
    verdict,
    wilson_interval,
)

# Published values are given to 4 decimals; half a unit in the last place.
FOUR_PLACES = 5e-5


# --- Wilson -----------------------------------------------------------------
# Newcombe RG (1998). Two-sided confidence intervals for the single proportion:
# comparison of seven methods. Stat Med 17:857-872, Table I, method 3 (score
# method without continuity correction), 95%.
@pytest.mark.parametrize("x, n, low, high", [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
])
def test_wilson_matches_newcombe_1998_single_proportion(x, n, low, high):
    got_low, got_high = wilson_interval(x, n)
    assert got_low == pytest.approx(low, abs=FOUR_PLACES)
    assert got_high == pytest.approx(high, abs=FOUR_PLACES)


def test_wilson_is_exactly_zero_and_one_at_the_edges():
    assert wilson_interval(0, 20)[0] == 0.0
    assert wilson_interval(20, 20)[1] == 1.0


def test_wilson_with_nobody_eligible_knows_nothing():
    assert wilson_interval(0, 0) == (0.0, 1.0)


@pytest.mark.parametrize("x, n", [(-1, 5), (6, 5), (0, -1)])
def test_wilson_rejects_impossible_counts(x, n):
    with pytest.raises(ValueError):
        wilson_interval(x, n)


@pytest.mark.parametrize("confidence", [0.0, 1.0, 95])
def test_confidence_must_be_a_probability(confidence):
    with pytest.raises(ValueError):
        wilson_interval(5, 10, confidence)


# --- Newcombe hybrid score interval for p1 - p2 ------------------------------
# Newcombe RG (1998). Interval estimation for the difference between independent
# proportions: comparison of eleven methods. Stat Med 17:873-890, Table II,
# method 10 (score, no continuity correction), 95%, examples (a) to (h).
# All eight also agree with statsmodels confint_proportions_2indep(method="newcomb").
@pytest.mark.parametrize("x1, n1, x2, n2, low, high", [
    (56, 70, 48, 80, 0.0524, 0.3339),
    (9, 10, 3, 10, 0.1705, 0.8090),
    (6, 7, 2, 7, 0.0582, 0.8062),
    (5, 56, 0, 29, -0.0381, 0.1926),
    (0, 10, 0, 20, -0.1611, 0.2775),
    (0, 10, 0, 10, -0.2775, 0.2775),
    (10, 10, 0, 20, 0.6791, 1.0000),
    (10, 10, 0, 10, 0.6075, 1.0000),
])
def test_newcombe_matches_table_ii_method_10(x1, n1, x2, n2, low, high):
    estimate = newcombe_difference(x1, n1, x2, n2)
    assert estimate.value == pytest.approx(x1 / n1 - x2 / n2)
    assert estimate.low == pytest.approx(low, abs=FOUR_PLACES)
    assert estimate.high == pytest.approx(high, abs=FOUR_PLACES)


def test_the_issues_example_is_trained_minus_untrained():
    # "With 100 people per group, 25% against 20% has a 95% interval for the
    # difference of about -17 to +7 percentage points": that is trained (20/100)
    # minus not trained (25/100). Newcombe gives -16.4 to +6.6 (the plain Wald
    # interval -16.6 to +6.6); the other order would give -6.6 to +16.4.
    estimate = newcombe_difference(20, 100, 25, 100)
    assert estimate.value == pytest.approx(-0.05)
    assert estimate.low == pytest.approx(-0.17, abs=0.01)
    assert estimate.high == pytest.approx(0.07, abs=0.01)
    assert estimate.low == pytest.approx(-0.1644, abs=FOUR_PLACES)
    assert estimate.high == pytest.approx(0.0660, abs=FOUR_PLACES)


def test_newcombe_needs_someone_eligible_in_each_group():
    with pytest.raises(ValueError):
        newcombe_difference(0, 0, 3, 10)


# --- Risk ratio (Katz log interval) --------------------------------------------
def test_risk_ratio_by_hand():
    # 20/100 vs 25/100: RR = 0.8; var(log RR) = 1/20 - 1/100 + 1/25 - 1/100 = 0.07,
    # 95% limits 0.8 * exp(-/+ 1.959964 * sqrt(0.07)) = 0.4763 to 1.3437
    # (statsmodels confint_proportions_2indep(compare="ratio", method="log") agrees).
    estimate = risk_ratio(20, 100, 25, 100)
    assert estimate.value == pytest.approx(0.8)
    assert estimate.low == pytest.approx(0.4763, abs=FOUR_PLACES)
    assert estimate.high == pytest.approx(1.3437, abs=FOUR_PLACES)
    change = estimate.relative_change()
    assert change.value == pytest.approx(-0.2)
    assert change.low == pytest.approx(-0.5237, abs=FOUR_PLACES)
    assert change.high == pytest.approx(0.3437, abs=FOUR_PLACES)


@pytest.mark.parametrize("x1, n1, x2, n2", [
    (0, 40, 5, 40),    # nobody trained came back: RR = 0, log RR = -infinity
    (5, 40, 0, 40),    # nobody untrained came back: RR is infinite
    (0, 40, 0, 40),    # 0/0
    (0, 0, 5, 40),     # nobody eligible
])
def test_risk_ratio_is_none_when_a_group_has_no_readmission(x1, n1, x2, n2):
    assert risk_ratio(x1, n1, x2, n2) is None


# --- Mantel-Haenszel risk ratio, Greenland-Robins interval ---------------------
# Rothman KJ (2012). Epidemiology: An Introduction, 2nd ed., Table 10-3 (UGDP
# trial, deaths by tolbutamide vs placebo, stratified by age); the same table
# is the example of fmsb::RRMH. Published RR_MH = 1.33 (stratum RRs 1.81 and
# 1.19, crude 1.44). The interval, worked by hand with N = n1 + n2:
#   age < 55 : 8/106 vs 5/120,  N = 226
#     x1 n2 / N = 960/226 = 4.24779    x2 n1 / N = 530/226 = 2.34513
#     (n1 n2 (x1+x2) - x1 x2 N) / N^2 = (165360 - 9040)/51076 = 3.06054
#   age 55+  : 22/98 vs 16/85,  N = 183
#     x1 n2 / N = 1870/183 = 10.21858  x2 n1 / N = 1568/183 = 8.56831
#     (n1 n2 (x1+x2) - x1 x2 N) / N^2 = (316540 - 64416)/33489 = 7.52858
#   RR_MH = 14.46637 / 10.91344 = 1.32556   (statsmodels StratifiedTable
#                                            riskratio_pooled: 1.3255553)
#   var(log RR_MH) = 10.58910 / (14.46637 * 10.91344) = 0.0670715, SE = 0.258982
#   90%: 1.32556 * exp(-/+ 1.644854 * 0.258982) = 0.8658 to 2.0296
#   95%: 1.32556 * exp(-/+ 1.959964 * 0.258982) = 0.7979 to 2.2021
UGDP = [(8, 106, 5, 120), (22, 98, 16, 85)]


def test_mantel_haenszel_tolbutamide_example():
    estimate = mantel_haenszel_risk_ratio(UGDP, confidence=0.90)
    assert round(estimate.value, 2) == 1.33
    assert estimate.value == pytest.approx(1.3255553, abs=1e-7)
    assert estimate.low == pytest.approx(0.8658, abs=FOUR_PLACES)
    assert estimate.high == pytest.approx(2.0296, abs=FOUR_PLACES)
    wider = mantel_haenszel_risk_ratio(UGDP)
    assert wider.low == pytest.approx(0.7979, abs=FOUR_PLACES)
    assert wider.high == pytest.approx(2.2021, abs=FOUR_PLACES)


def test_mantel_haenszel_differs_from_crude_and_stratum_ratios_match_rothman():
    assert round(risk_ratio(30, 204, 21, 205).value, 2) == 1.44
    assert [round(risk_ratio(*s).value, 2) for s in UGDP] == [1.81, 1.19]


def test_mantel_haenszel_skips_strata_with_an_empty_group():
    with_empty = UGDP + [(0, 0, 3, 10), (4, 9, 0, 0)]
    assert mantel_haenszel_risk_ratio(with_empty) == mantel_haenszel_risk_ratio(UGDP)


@pytest.mark.parametrize("strata", [
    [],
    [(0, 0, 3, 10)],
    [(0, 30, 4, 30), (0, 20, 2, 25)],   # nobody trained came back anywhere
    [(3, 30, 0, 30), (1, 20, 0, 25)],   # nobody untrained came back anywhere
])
def test_mantel_haenszel_is_none_when_undefined(strata):
    assert mantel_haenszel_risk_ratio(strata) is None


def test_mantel_haenszel_uses_a_stratum_with_zero_readmissions_in_one_group():
    # A stratum with 0/12 trained still adds its untrained readmissions to the denominator.
    estimate = mantel_haenszel_risk_ratio([(6, 30, 9, 30), (0, 12, 3, 14)])
    assert estimate is not None
    assert estimate.value < risk_ratio(6, 30, 9, 30).value


# --- Sample size -----------------------------------------------------------------
def test_power_matches_r_power_prop_test_example():
    # R, ?power.prop.test: power.prop.test(p1 = .50, p2 = .75, power = .90)
    # "## => n = 76.7" per group (76.707; statsmodels
    # samplesize_proportions_2indep_onetail gives 76.70693 too).
    assert _fleiss_per_group(0.75 * (1 - 1 / 3), 0.75, 0.9, 0.05) == pytest.approx(76.707, abs=1e-3)
    assert needed_per_group(0.75, relative_change=-1 / 3, power=0.9) == 77


def test_power_for_the_programmes_promise():
    # Base rate 25%, a 20% drop -> 20%: 1093.74 per group (statsmodels agrees),
    # so 1094 eligible releases in EACH group at 80% power, alpha 0.05.
    assert _fleiss_per_group(0.20, 0.25, 0.8, 0.05) == pytest.approx(1093.74, abs=0.01)
    assert needed_per_group(0.25) == 1094
    assert needed_per_group(0.25, power=0.9) > 1094


@pytest.mark.parametrize("base_rate, change", [
    (0.0, -0.2), (1.0, -0.2), (0.6, 0.8), (0.3, -1.0), (0.3, 0.0),
])
def test_power_is_none_when_no_sample_will_do(base_rate, change):
    assert needed_per_group(base_rate, relative_change=change) is None


# --- Verdict ---------------------------------------------------------------------
@pytest.mark.parametrize("low, high, eligible, expected", [
    (-0.5, -0.1, (29, 200), "too_few"),
    (-0.5, -0.1, (200, 29), "too_few"),
    (-0.5, -0.1, (30, 30), "lower"),
    (0.1, 0.5, (30, 30), "higher"),
    (-0.5, 0.3, (30, 30), "inconclusive"),
    (-0.5, 0.0, (30, 30), "inconclusive"),   # touching 0 does not exclude it
    (0.0, 0.4, (30, 30), "inconclusive"),
])
def test_verdict(low, high, eligible, expected):
    assert verdict(low, high, eligible=eligible) == expected


def test_verdict_reads_the_relative_change_of_a_risk_ratio():
    change = risk_ratio(150, 1000, 250, 1000).relative_change()
    assert verdict(change.low, change.high, eligible=(1000, 1000)) == "lower"
    assert verdict(change.low, change.high, eligible=(1000, 1000), minimum=2000) == "too_few"


# --- Properties ------------------------------------------------------------------
@st.composite
def counts(draw, max_n: int = 300) -> tuple[int, int]:
    n = draw(st.integers(1, max_n))
    return draw(st.integers(0, n)), n


confidences = st.sampled_from([0.8, 0.9, 0.95, 0.99])


def inside(estimate: Estimate) -> bool:
    slack = 1e-12 * max(1.0, abs(estimate.value))
    return estimate.low - slack <= estimate.value <= estimate.high + slack


@settings(max_examples=150, deadline=None)
@given(counts(), confidences)
def test_wilson_stays_in_zero_one_and_contains_the_rate(group, confidence):
    x, n = group
    low, high = wilson_interval(x, n, confidence)
    assert 0.0 <= low <= x / n <= high <= 1.0


@settings(max_examples=150, deadline=None)
@given(counts(), counts(), confidences)
def test_newcombe_contains_difference_and_negates_on_swap(one, two, confidence):
    forward = newcombe_difference(*one, *two, confidence)
    backward = newcombe_difference(*two, *one, confidence)
    assert inside(forward)
    assert -1.0 <= forward.low and forward.high <= 1.0
    assert backward.value == pytest.approx(-forward.value, abs=1e-12)
    assert backward.low == pytest.approx(-forward.high, abs=1e-12)
    assert backward.high == pytest.approx(-forward.low, abs=1e-12)


@settings(max_examples=150, deadline=None)
@given(counts(), counts(), confidences)
def test_risk_ratio_contains_estimate_and_inverts_on_swap(one, two, confidence):
    forward = risk_ratio(*one, *two, confidence)
    backward = risk_ratio(*two, *one, confidence)
    if one[0] == 0 or two[0] == 0:
        assert forward is None and backward is None
        return
    assert inside(forward)
    assert backward.value == pytest.approx(1 / forward.value, rel=1e-12)
    assert backward.low == pytest.approx(1 / forward.high, rel=1e-12)
    assert backward.high == pytest.approx(1 / forward.low, rel=1e-12)


@settings(max_examples=150, deadline=None)
@given(counts(), counts(), confidences)
def test_mantel_haenszel_of_one_stratum_is_the_crude_risk_ratio(one, two, confidence):
    pooled = mantel_haenszel_risk_ratio([(*one, *two)], confidence)
    crude = risk_ratio(*one, *two, confidence)
    if crude is None:
        assert pooled is None
        return
    assert pooled.value == pytest.approx(crude.value, rel=1e-12)
    assert pooled.low == pytest.approx(crude.low, rel=1e-9)
    assert pooled.high == pytest.approx(crude.high, rel=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(counts(100), counts(100)), min_size=1, max_size=5), confidences)
def test_mantel_haenszel_lies_between_the_stratum_ratios(strata, confidence):
    flat = [(*one, *two) for one, two in strata]
    pooled = mantel_haenszel_risk_ratio(flat, confidence)
    ratios = [r.value for r in map(risk_ratio, *zip(*flat)) if r is not None]
    if pooled is None or len(ratios) < len(flat):
        return   # with a zero cell in some stratum the pooled ratio need not lie between
    assert min(ratios) * (1 - 1e-12) <= pooled.value <= max(ratios) * (1 + 1e-12)
    assert inside(pooled)


@settings(max_examples=100, deadline=None)
@given(st.floats(0.02, 0.9), st.floats(-0.6, -0.05))
def test_more_power_never_needs_fewer_people(base_rate, change):
    at_80 = needed_per_group(base_rate, change, power=0.8)
    at_90 = needed_per_group(base_rate, change, power=0.9)
    assert at_80 is not None and at_90 is not None
    assert 1 <= at_80 <= at_90
