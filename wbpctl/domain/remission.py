"""The remission table: what a grant on a date would normally be (a suggestion, never a grant)."""

from __future__ import annotations

from datetime import date

from . import bounds
from .errors import Invalid, Rejected
from .sentence import DAYS_PER_MONTH, parse_sentence
from .words import pick

KINDS = ("RU", "RK", "other")
KIND_ALIASES = {"remisi-umum": "RU", "umum": "RU", "remisi-khusus": "RK", "khusus": "RK",
                "lain": "other", "lainnya": "other"}
MAX_DAYS = 366 * 5


def parse_remission_kind(text: str) -> str:
    """``RU``, ``rk``, ``Remisi Umum``, ``khusus``, ``other``/``lain``."""
    return pick(text, KINDS, KIND_ALIASES, field="kind", rule="remission_kind_unknown")


def parse_remission_days(text: str | int | None, *, field: str = "days") -> int:
    """Days granted: ``60``, or as a decree writes it, ``60 hari``, ``2 bulan``,
    ``1 bulan 15 hari`` (1 month = 30 days, as the remission table counts)."""
    if isinstance(text, int) and not isinstance(text, bool):
        days = text
    else:
        cleaned = bounds.bounded(text if text is not None else "", field,
                                 bounds.SENTENCE).strip()
        try:
            days = int(cleaned) if bounds.is_digits(cleaned) else \
                parse_sentence(cleaned, field=field).length_days30
        except Invalid:
            raise Invalid(field, text, "remission_days_range", maximum=MAX_DAYS) from None
    if not 1 <= days <= MAX_DAYS:
        raise Invalid(field, text, "remission_days_range", maximum=MAX_DAYS)
    return days


ONCE_A_YEAR = ("RU", "RK")   # 17 August; the person's religious holiday


def check_once_a_year(kind: str, on: date, earlier: list[tuple[date, str]],
                      override: str | None) -> None:
    """RU is granted once a year, and RK once a year on the person's holiday: a second one
    in a year is an exception (another holiday) that needs a recorded reason."""
    if kind not in ONCE_A_YEAR or override:
        return
    same = sorted(d for d, k in earlier if k == kind and d.year == on.year)
    if same:
        raise Rejected("remission_twice_a_year", kind=kind, year=on.year,
                       first=same[0].isoformat())


def suggested_days(kind: str, on: date, detained_on: date, earlier_grants_of_kind: int) -> int:
    """Days the table gives for a remission of ``kind`` on ``on``.

    RU (17 August) and RK (religious holiday) grow with each year of remission:
    the first grant depends on time served at that date (1 month = 30 days).
    """
    served_days = (on - detained_on).days
    year = earlier_grants_of_kind + 1
    m = DAYS_PER_MONTH
    if kind == "RU":
        if year == 1:
            if served_days >= 12 * m:
                return 2 * m
            return m if served_days >= 6 * m else 0
        return {2: 3 * m, 3: 4 * m, 4: 5 * m, 5: 5 * m}.get(year, 6 * m)
    if kind == "RK":
        if year == 1:
            if served_days >= 12 * m:
                return m
            return 15 if served_days >= 6 * m else 0
        return {2: m, 3: m, 4: m + 15, 5: m + 15}.get(year, 2 * m)
    return 0
