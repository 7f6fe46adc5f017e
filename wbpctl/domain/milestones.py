"""Sentence arithmetic: expiry, the 1/3, 1/2 and 2/3 dates, PB, CB and CMB.

Time counts from the date of detention. Expiry is detention + the sentence in
calendar years, months and days, less every remission day; but a remission never moves
expiry before the day it was granted: one larger than what remains frees the person on
that day (*remisi langsung bebas*), and is still recorded in full. A fraction is taken
of the whole months; what is left of a month counts in days with 1 month = 30
days; whole months are added as calendar months, then the days. Never days/30.4.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple, Sequence, Union

from .dates import add_months, add_period
from .sentence import DAYS_PER_MONTH, Sentence


class SentenceRules(NamedTuple):
    """The settings DOMAIN.md leaves to config.yaml."""

    deduct_remission_first: bool = True
    pb_min_two_thirds_months: int = 9
    cb_max_sentence_months: int = 18
    cmb_max_leave_months: int = 6
    pb_trial_years: int = 1
    ekspirasi_grace_days: int = 0      # a release this long after expiry draws no warning


class Milestones(NamedTuple):
    expiry: date | None
    one_third: date | None
    half: date | None
    two_thirds: date | None
    pb_eligible: date | None   # None: PB is not possible for this sentence
    cb_eligible: date | None   # None: CB is not allowed for this sentence
    cmb: date | None           # None: no remission granted yet, so no CMB leave
    pb_trial_end: date | None

    def as_dict(self) -> dict:
        return {k: (v.isoformat() if v else None) for k, v in self._asdict().items()}


NO_MILESTONES = Milestones(None, None, None, None, None, None, None, None)


# A remission as recorded: (granted_on, days), in grant order. Plain days (no date) are
# accepted where only the arithmetic matters; they never stop at a grant date.
Grant = Union[tuple[date, int], int]


def _days(grant: Grant) -> int:
    return grant if isinstance(grant, int) else grant[1]


Part = tuple[int, int]   # (numerator, denominator): 1/3, 1/2 or 2/3 of a sentence
ONE_THIRD, HALF, TWO_THIRDS = (1, 3), (1, 2), (2, 3)


def _fraction_length(length_days30: int, part: Part) -> tuple[int, int]:
    """(whole calendar months, days) of a fraction of a length given in 30-day months.

    The fraction is taken of the whole months; what is left of a month becomes
    days (1 month = 30 days), plus the fraction of the odd days. Rounded up: a
    person has served a fraction only once all of it has passed.
    """
    numerator, denominator = part
    months, days = divmod(length_days30, DAYS_PER_MONTH)
    whole, rest = divmod(months * numerator, denominator)
    extra = -((-(rest * DAYS_PER_MONTH + days * numerator)) // denominator)
    return whole, extra


def fraction_date(detained_on: date, length_days30: int, part: Part) -> date:
    months, days = _fraction_length(length_days30, part)
    return add_months(detained_on, months) + timedelta(days=days)


def _base(sentence: Sentence, remission_days: int, rules: SentenceRules) -> int:
    """The length fractions are taken of, in 30-day months as days."""
    return max(sentence.length_days30
               - (remission_days if rules.deduct_remission_first else 0), 0)


def expiry_of(detained_on: date, sentence: Sentence, grants: Sequence[Grant]) -> date:
    """Expiry of a fixed-term sentence: detention + sentence, less each remission in grant
    order; a remission takes expiry no earlier than its grant date (and never later than
    it already was). What ``milestones`` gives as ``expiry``, without the other dates."""
    expiry = add_period(detained_on, sentence.years, sentence.months, sentence.days)
    for grant in grants:
        reduced = expiry - timedelta(days=_days(grant))
        expiry = reduced if isinstance(grant, int) else max(reduced, min(grant[0], expiry))
    return expiry


def freed_by_remission(detained_on: date, sentence: Sentence | None,
                       grants: Sequence[Grant]) -> bool:
    """Whether the last grant was larger than what remained (*remisi langsung bebas*):
    expiry stopped at its grant date instead of going further back."""
    if sentence is None or not sentence.is_fixed_term or not grants \
            or isinstance(grants[-1], int):
        return False
    unstopped = expiry_of(detained_on, sentence, grants[:-1]) - timedelta(days=grants[-1][1])
    return unstopped < grants[-1][0] <= expiry_of(detained_on, sentence, grants[:-1])


def _pb_possible(base: int, rules: SentenceRules) -> bool:
    months, days = _fraction_length(base, TWO_THIRDS)
    return months * DAYS_PER_MONTH + days >= rules.pb_min_two_thirds_months * DAYS_PER_MONTH


def milestones(detained_on: date, sentence: Sentence | None, remissions: Sequence[Grant],
               rules: SentenceRules) -> Milestones:
    """Every date of a stay from detention, sentence and remissions ((granted_on, days) or
    days, in grant order)."""
    if sentence is None or not sentence.is_fixed_term:
        return NO_MILESTONES
    remission_days = sum(_days(g) for g in remissions)
    expiry = expiry_of(detained_on, sentence, remissions)
    base = _base(sentence, remission_days, rules)
    one_third = fraction_date(detained_on, base, ONE_THIRD)
    half = fraction_date(detained_on, base, HALF)
    two_thirds = fraction_date(detained_on, base, TWO_THIRDS)
    pb_possible = _pb_possible(base, rules)
    cb_allowed = sentence.length_days30 <= rules.cb_max_sentence_months * DAYS_PER_MONTH
    cmb = None
    if remissions:
        leave_start = max(expiry - timedelta(days=_days(remissions[-1])),
                          add_months(expiry, -rules.cmb_max_leave_months))
        cmb = max(two_thirds, leave_start)
    return Milestones(
        expiry=expiry,
        one_third=one_third,
        half=half,
        two_thirds=two_thirds,
        pb_eligible=two_thirds if pb_possible else None,
        cb_eligible=two_thirds if cb_allowed else None,
        cmb=cmb,
        pb_trial_end=add_period(expiry, years=rules.pb_trial_years) if pb_possible else None,
    )
