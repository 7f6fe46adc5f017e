"""Report periods: months, half-open ranges, and the monthly default for cron."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from . import bounds
from .dates import FIRST_YEAR, LAST_YEAR, MONTHS, add_months
from .errors import Invalid


@dataclass(frozen=True)
class Period:
    """[start, end): ``start`` inclusive, ``end`` exclusive, as ledger tools count."""

    start: date
    end: date

    @property
    def label(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def months(self) -> list[str]:
        out, cursor = [], self.start.replace(day=1)
        while cursor < self.end:
            out.append(cursor.strftime("%Y-%m"))
            cursor = add_months(cursor, 1)
        return out


def default_month(today: date) -> str:
    """``last`` on the first three days of a month (the cron job on the 1st reports the
    month just ended, with two days' grace for late entries), else ``this``."""
    return "last" if today.day <= 3 else "this"


def month_period(text: str | None, today: date, *, field: str = "month") -> tuple[str, Period]:
    """``YYYY-MM``, a month as reports write it (``Oktober 2026``, ``Okt 2026``,
    ``10/2026``), ``this`` or ``last`` (``ini``, ``lalu``, ``bulan ini``, ``bulan lalu``;
    default by ``default_month``) -> (label, period)."""
    value = bounds.bounded(text or default_month(today), field, bounds.DATE).strip().lower()
    first_this = today.replace(day=1)
    word = "-".join(value.split())
    if word in ("this", "ini", "bulan-ini"):
        start = first_this
    elif word in ("last", "lalu", "bulan-lalu"):
        start = add_months(first_this, -1)
    else:
        year, month = _year_month(value)
        if not 1 <= month <= 12:
            raise Invalid(field, text, "month_unparseable")
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise Invalid(field, text, "date_out_of_range", first=FIRST_YEAR, last=LAST_YEAR)
        start = date(year, month, 1)
    return start.strftime("%Y-%m"), Period(start, add_months(start, 1))


def _year_month(value: str) -> tuple[int, int]:
    """(year, month) of ``2026-10``, ``oktober 2026``, ``okt. 2026`` or ``10/2026``;
    (0, 0) when it is none of these."""
    if m := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", value):
        return int(m[1]), int(m[2])
    if m := re.fullmatch(r"([0-9]{1,2})[/.]([0-9]{4})", value):
        return int(m[2]), int(m[1])
    if (m := re.fullmatch(r"([^\W\d_]+)\.?[\s-]+([0-9]{4})", value)) and m[1] in MONTHS:
        return int(m[2]), MONTHS[m[1]]
    return 0, 0


def trailing_months(period: Period, count: int = 12) -> Period:
    """The ``count`` months ending with the month of ``period``."""
    return Period(add_months(period.start.replace(day=1), -(count - 1)), period.end)


def parse_windows(text: str | tuple[int, ...], *, field: str = "windows") -> tuple[int, ...]:
    """Follow-up windows in whole years, ``1,2,3`` -> (1, 2, 3); each from 1 to 50."""
    if isinstance(text, tuple):
        years = text
    else:
        parts = [w.strip() for w in bounds.bounded(text, field, bounds.WORD).split(",")]
        years = tuple(sorted({int(w) for w in parts if bounds.is_digits(w)})) \
            if all(bounds.is_digits(w) for w in parts if w) else ()
    if not years or any(not 1 <= y <= 50 for y in years):
        raise Invalid(field, text, "windows_unparseable")
    return years


def this_year_so_far(today: date) -> Period:
    """1 January up to and including today: the default period of ``report opd``."""
    return Period(today.replace(month=1, day=1), day_after(today))


def day_after(day: date) -> date:
    return day + timedelta(days=1)
