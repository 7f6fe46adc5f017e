"""The remission table: what a grant on a date would normally be (a suggestion, never a grant)."""

from __future__ import annotations

from datetime import date

from .sentence import DAYS_PER_MONTH

KINDS = ("RU", "RK", "other")


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
