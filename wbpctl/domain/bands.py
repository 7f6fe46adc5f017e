"""Bands that generalise a value: sentence lengths and ages, for the recidivism report's
strata and for anonymised exports (where an exact date, age or sentence singles a
person out: 62 of 62 demo rows were unique on two dates alone)."""

from __future__ import annotations

from datetime import date

from .sentence import DAYS_PER_MONTH, Sentence

# Up to 1 year, to 3, to 5, longer (life and death with the longest). The recidivism
# query computes the same bands in SQL (``report_queries.releases_for_recidivism``).
SENTENCE_BANDS = ("<=1y", "1-3y", "3-5y", ">5y")
_SENTENCE_LIMITS = (12 * DAYS_PER_MONTH, 36 * DAYS_PER_MONTH, 60 * DAYS_PER_MONTH)
AGE_BANDS = ((25, "<25"), (35, "25-34"), (50, "35-49"), (200, "50+"))


def sentence_band(sentence: Sentence | None) -> str:
    if sentence is None:
        return ""
    if not sentence.is_fixed_term:
        return SENTENCE_BANDS[-1]
    return next((band for band, limit in zip(SENTENCE_BANDS, _SENTENCE_LIMITS)
                 if sentence.length_days30 <= limit), SENTENCE_BANDS[-1])


def age_band(age: int | None) -> str:
    """The recidivism report's four age groups."""
    if age is None:
        return "unknown"
    return next(label for limit, label in AGE_BANDS if age < limit)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def five_year_band(age: int | None) -> str:
    """``35-39``: an age to its five-year band ("" when unknown)."""
    if age is None:
        return ""
    low = age // 5 * 5
    return f"{low}-{low + 4}"


def month_of(iso_date: str | None) -> str:
    """``2025-10-08`` -> ``2025-10``."""
    return iso_date[:7] if iso_date else ""
