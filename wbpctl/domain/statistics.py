"""Confidence intervals and sample sizes for the recidivism report.

A recidivism rate is readmitted / eligible. The report compares group 1, those
trained during their stay, with group 2, those not trained (the reference).
The programme promises a 20% relative drop: a risk ratio RR = p1 / p2 of 0.8,
a relative change RR - 1 of -0.2.

Groups in a prison are small, so every method here is one that behaves well
with small counts and rates near 0 or 1, and none needs more than the standard
library:

* one rate: the Wilson score interval, no continuity correction;
* a difference of rates: Newcombe's hybrid score interval (method 10 of
  Newcombe 1998, Stat Med 17:873-890), built from the two Wilson intervals;
* a ratio of rates: the log-scale (Katz) interval;
* a ratio pooled over strata (e.g. by length of sentence): Mantel-Haenszel
  with the Greenland-Robins (1985) variance of log RR_MH;
* how many eligible releases each group needs to see a change of a given size.

Counts go in as (readmitted, eligible) pairs, group 1 first. Impossible counts
raise ValueError; counts that are possible but leave a quantity undefined give
None, and the docstring says when.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

Stratum = tuple[int, int, int, int]   # (x1, n1, x2, n2): readmitted and eligible per group


@dataclass(frozen=True)
class Estimate:
    """A point estimate and its confidence interval, low <= value <= high."""

    value: float
    low: float
    high: float

    def relative_change(self) -> Estimate:
        """For a risk ratio: RR - 1 and its bounds, the scale `verdict` reads (-0.2 = 20% drop)."""
        return Estimate(self.value - 1.0, self.low - 1.0, self.high - 1.0)


def _z(confidence: float) -> float:
    """The two-sided standard normal quantile: 1.96 for 95%."""
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence}")
    return NormalDist().inv_cdf(0.5 + confidence / 2.0)


def _check(successes: int, n: int) -> None:
    if n < 0 or not 0 <= successes <= n:
        raise ValueError(f"need 0 <= successes <= n, got {successes}/{n}")


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for successes / n, without continuity correction.

    n == 0 gives (0.0, 1.0): with nobody eligible nothing is known about the
    rate, and (0, 1) is also the limit the formula itself tends to as n -> 0.
    """
    _check(successes, n)
    z = _z(confidence)
    if n == 0:
        return 0.0, 1.0
    z2 = z * z
    centre = (successes + z2 / 2.0) / (n + z2)
    half = z * math.sqrt(successes * (n - successes) / n + z2 / 4.0) / (n + z2)
    # Exact 0 and 1 at the edges: the formula would give them up to rounding error.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def newcombe_difference(x1: int, n1: int, x2: int, n2: int,
                        confidence: float = 0.95) -> Estimate:
    """p1 - p2 with Newcombe's hybrid score interval (1998 method 10, no continuity correction).

    Each bound combines the distances from each rate to its own Wilson bound,
    so the interval stays inside [-1, 1] and behaves with zero counts.
    Raises ValueError when a group has nobody eligible: there is no rate to
    subtract (the caller's `verdict` says "too_few" long before that).
    """
    _check(x1, n1)
    _check(x2, n2)
    if n1 == 0 or n2 == 0:
        raise ValueError("each group needs at least one eligible person")
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson_interval(x1, n1, confidence)
    l2, u2 = wilson_interval(x2, n2, confidence)
    difference = p1 - p2
    low = difference - math.hypot(p1 - l1, u2 - p2)
    high = difference + math.hypot(u1 - p1, p2 - l2)
    return Estimate(difference, low, high)


def risk_ratio(x1: int, n1: int, x2: int, n2: int,
               confidence: float = 0.95) -> Estimate | None:
    """RR = p1 / p2 with the log-scale (Katz) interval.

    var(log RR) = 1/x1 - 1/n1 + 1/x2 - 1/n2. When either group has nobody
    eligible or nobody readmitted, log RR is not finite and there is no
    interval: the result is None, with no 0.5 added to the cells, because that
    correction invents an estimate (and moves it by an amount that depends on
    the group sizes) exactly where the data say least. The difference from
    `newcombe_difference` stays defined then and is what to report.
    """
    _check(x1, n1)
    _check(x2, n2)
    if x1 == 0 or x2 == 0:
        return None
    value = (x1 / n1) / (x2 / n2)
    se = math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
    spread = _z(confidence) * se
    return Estimate(value, value * math.exp(-spread), value * math.exp(spread))


def mantel_haenszel_risk_ratio(strata: Sequence[Stratum],
                               confidence: float = 0.95) -> Estimate | None:
    """Risk ratio pooled over strata (Mantel-Haenszel), Greenland-Robins (1985) interval.

    Each stratum is (x1, n1, x2, n2). With N = n1 + n2 in a stratum,
        RR_MH = sum(x1 n2 / N) / sum(x2 n1 / N)
        var(log RR_MH) = sum((n1 n2 (x1 + x2) - x1 x2 N) / N^2)
                         / (sum(x1 n2 / N) * sum(x2 n1 / N)).
    A stratum where a group has nobody eligible adds nothing to either sum.
    None when RR_MH is 0 or undefined: no readmission at all in one group over
    the usable strata, or no usable stratum. With one stratum this is exactly
    `risk_ratio`, interval included.
    """
    numerator = denominator = variance_sum = 0.0
    for x1, n1, x2, n2 in strata:
        _check(x1, n1)
        _check(x2, n2)
        if n1 == 0 or n2 == 0:
            continue
        total = n1 + n2
        numerator += x1 * n2 / total
        denominator += x2 * n1 / total
        variance_sum += (n1 * n2 * (x1 + x2) - x1 * x2 * total) / total ** 2
    if numerator == 0 or denominator == 0:
        return None
    value = numerator / denominator
    spread = _z(confidence) * math.sqrt(variance_sum / (numerator * denominator))
    return Estimate(value, value * math.exp(-spread), value * math.exp(spread))


def _fleiss_per_group(p1: float, p2: float, power: float, alpha: float) -> float:
    """Unrounded n per group, Fleiss without continuity correction.

    R's power.prop.test (strict = FALSE) solves the same equation numerically.
    """
    z_alpha = NormalDist().inv_cdf(1.0 - alpha / 2.0)
    z_beta = NormalDist().inv_cdf(power)
    pooled = (p1 + p2) / 2.0
    root = (z_alpha * math.sqrt(2.0 * pooled * (1.0 - pooled))
            + z_beta * math.sqrt(p1 * (1.0 - p1) + p2 * (1.0 - p2)))
    return root * root / (p1 - p2) ** 2


def needed_per_group(base_rate: float, relative_change: float = -0.2,
                     power: float = 0.8, alpha: float = 0.05) -> int | None:
    """Eligible releases needed in EACH group to detect p1 = base_rate * (1 + relative_change).

    p2 = base_rate is the reference group's rate. The test is the two-sided
    two-proportion z-test with the pooled variance under H0; the size is the
    usual normal-approximation formula without continuity correction (Fleiss,
    Levin & Paik, Statistical Methods for Rates and Proportions, 3rd ed., ch. 4):
        n = (z_{1-alpha/2} sqrt(2 pbar qbar) + z_{power} sqrt(p1 q1 + p2 q2))^2 / (p1 - p2)^2
    with pbar = (p1 + p2) / 2, rounded up. It ignores the (tiny) chance of
    rejecting in the wrong direction, as R's power.prop.test does by default.
    None when base_rate is 0 or 1, when p1 falls outside (0, 1), or when the
    change is 0: then no finite number of releases will do.
    """
    if not (0.0 < power < 1.0 and 0.0 < alpha < 1.0):
        raise ValueError("power and alpha must be between 0 and 1")
    p2 = base_rate
    p1 = base_rate * (1.0 + relative_change)
    if not (0.0 < p2 < 1.0 and 0.0 < p1 < 1.0) or p1 == p2:
        return None
    # Shave off floating-point noise so an exact whole number is not pushed up by one.
    return math.ceil(_fleiss_per_group(p1, p2, power, alpha) - 1e-9)


def verdict(low: float, high: float, *, eligible: tuple[int, int], minimum: int = 30) -> str:
    """One word for the report from an interval on a scale where 0 means "no change".

    The caller passes the bounds of the relative change RR - 1 (see
    `Estimate.relative_change`); the bounds of a difference p1 - p2 read the
    same way. "too_few" when either group has fewer than `minimum` eligible,
    whatever the interval says; "lower" when the whole interval is below 0
    (group 1 readmitted less), "higher" when it is wholly above 0, otherwise
    "inconclusive" (an interval that touches 0 does not exclude it).
    """
    if min(eligible) < minimum:
        return "too_few"
    if high < 0.0:
        return "lower"
    if low > 0.0:
        return "higher"
    return "inconclusive"
