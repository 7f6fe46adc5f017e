"""The one date parser, and calendar arithmetic.

Input dates are ISO (``2025-10-08``, also ``2025/10/08``) or, as Indonesian offices write them,
day first: ``08/10/2025``, ``8-10-2025``, ``8.10.2025``, ``8 Okt 2025``,
``8 Oktober 2025``. Month names are accepted in Indonesian and English. A time after the
date, as spreadsheets and databases export it (``2025-10-08 00:00:00``), is ignored. A
spreadsheet's day number (``45678``) and a two-digit year (``8/10/25``) are refused with a
hint: which date or century was meant is a guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from . import bounds
from .errors import Invalid
from .patterns import LazyPattern

MONTHS = {
    # Indonesian
    "januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11,
    "desember": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8,
    "agt": 8, "ags": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "des": 12,
    # the older Indonesian spellings still on decrees and typed by habit
    "nopember": 11, "nop": 11, "pebruari": 2, "peb": 2, "agst": 8, "agus": 8, "pebr": 2,
    # English spellings that differ
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "aug": 8, "october": 10, "oct": 10, "december": 12, "dec": 12,
}

# Indonesia's time zones: their own names, and their hours ahead of UTC, fixed since 1988
# (no summer time). A config naming one is checked, and a time the ledger recorded shown,
# without the tz database: no 2 ms of loading it on every start, and right on a machine
# that has none (a slim container, Windows without the tzdata package).
ZONES = {"Asia/Jakarta": ("WIB", 7), "Asia/Pontianak": ("WIB", 7),
         "Asia/Makassar": ("WITA", 8), "Asia/Jayapura": ("WIT", 9)}

# [0-9], not \d: \d also matches other scripts' digits, which int() reads
_ISO = LazyPattern(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")   # 2025-10-08, 2025/10/08
_NUMERIC = LazyPattern(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})")
_NAMED = LazyPattern(r"([0-9]{1,2})[\s\-]+([^\W\d_]+)\.?[\s\-]+([0-9]{4})")
_TWO_DIGIT_YEAR = LazyPattern(r"[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-][0-9]{2}")
# the time is cut off from the end; the date before it is matched by the patterns above
_TIME = LazyPattern(r"[ T][0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2}(?:\.[0-9]{1,9})?)?(?: ?[ap]m)?\Z",
                   re.IGNORECASE)
_SPREADSHEET_DAY = LazyPattern(r"[1-9][0-9]{4}")      # 10000-99999: 1927 to 2173
FIRST_YEAR, LAST_YEAR = 1900, 2100    # a date outside is a typing mistake, not a fact
_SPREADSHEET_EPOCH = date(1899, 12, 30)               # day 0 of Excel's (and LibreOffice's) count
_TODAY_WORDS = {"today", "hari ini", "hari-ini", "hariini"}
_WEEKDAY = LazyPattern(r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday"
                      r"|wednesday|thursday|friday|saturday|sunday),? ", re.IGNORECASE)


# a bulk import reads the same few thousand days again and again: remember them
@lru_cache(maxsize=8192)
def parse_date(text: str, *, field: str = "date", day_first: bool = True,
               today: date | None = None) -> date:
    """Parse one date as offices write it; raise ``Invalid`` naming ``field``.

    ``today`` enables the words ``today`` / ``hari ini``.
    """
    if not isinstance(text, str):
        raise Invalid(field, text, "date_unparseable")
    bounds.bounded(text, field, bounds.DATE)
    if today is not None and " ".join(text.strip().lower().split()) in _TODAY_WORDS:
        return today
    try:
        return _parse_cached(text, day_first)
    except _Unparseable as problem:
        raise Invalid(field, text, problem.rule, **problem.params) from None


class _Unparseable(Exception):
    def __init__(self, rule: str, **params: object) -> None:
        self.rule = rule
        self.params = params


def _refusal(cleaned: str) -> _Unparseable:
    """Why a text that is not a date was refused, with a hint where we can tell."""
    if _SPREADSHEET_DAY.fullmatch(cleaned):
        return _Unparseable("date_spreadsheet_number", probably=(
            _SPREADSHEET_EPOCH + timedelta(days=int(cleaned))).isoformat())
    if _TWO_DIGIT_YEAR.fullmatch(cleaned):
        return _Unparseable("date_two_digit_year")
    return _Unparseable("date_unparseable")


@lru_cache(maxsize=8192)   # a file of 1,000,000 rows holds a few thousand distinct dates
def _parse_cached(text: str, day_first: bool) -> date:
    cleaned = " ".join(text.strip().split())
    if m := _WEEKDAY.match(cleaned):       # "Senin, 2 November 2026": the day is redundant
        cleaned = cleaned[m.end():]
    if (m := _TIME.search(cleaned, 1)) is not None:
        cleaned = cleaned[:m.start()]
    lowered = cleaned.lower()
    if m := _ISO.fullmatch(cleaned):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _NUMERIC.fullmatch(cleaned):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        day, month = (first, second) if day_first else (second, first)
        if month > 12 >= day and _is_date(year, day, month):
            # 01/25/2026 read day-first: it can only be the other order
            raise _Unparseable("date_month_first" if day_first else "date_day_first",
                               probably=date(year, day, month).isoformat())
    elif m := _NAMED.fullmatch(lowered):
        day, year = int(m[1]), int(m[3])
        month = MONTHS.get(m[2])
        if month is None:
            raise _Unparseable("date_unparseable")
    else:
        raise _refusal(cleaned)
    try:
        value = date(year, month, day)
    except ValueError:
        raise _Unparseable("date_not_real") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _Unparseable("date_out_of_range", first=FIRST_YEAR, last=LAST_YEAR)
    return value


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# Indonesia's zones keep no daylight time: fixed offsets
ZONE_OFFSETS = {"WIB": 7, "WITA": 8, "WIT": 9, "UTC": 0}
_PRINTED_TIME = LazyPattern(r"(.{6,40}?) (\d{1,2})[:.](\d{2})(?::(\d{2}))? ?(WIB|WITA|WIT|UTC)?",
                           re.IGNORECASE)


def parse_timestamp(text: str, *, field: str = "time") -> datetime:
    """A time as a report's JSON gives it (``2026-11-01T06:00:02+00:00``) or as its page
    prints it (``01-11-2026 13:00 WIB``, ``1 Nov 2026 13:00 WIB``), in UTC; a time without
    an offset or zone is taken as UTC."""
    try:
        value = datetime.fromisoformat(bounds.bounded(text, field, bounds.DATE).strip())
    except (AttributeError, ValueError):
        value = _printed_time(text, field)
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def _printed_time(text: str, field: str) -> datetime:
    m = _PRINTED_TIME.fullmatch(" ".join(str(text).split()))
    if not m:
        raise Invalid(field, text, "timestamp_unparseable")
    day = parse_date(m[1], field=field)
    offset = timezone(timedelta(hours=ZONE_OFFSETS[(m[5] or "UTC").upper()]))
    try:
        return datetime(day.year, day.month, day.day, int(m[2]), int(m[3]), int(m[4] or 0),
                        tzinfo=offset)
    except ValueError:
        raise Invalid(field, text, "timestamp_unparseable") from None


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    # as calendar.isleap, which would load the calendar module on every start for this
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def add_months(start: date, months: int) -> date:
    """Add calendar months; a day the target month lacks becomes its last day."""
    year, month0 = divmod(start.year * 12 + (start.month - 1) + months, 12)
    last = 29 if month0 == 1 and _is_leap(year) else _MONTH_DAYS[month0]
    return date(year, month0 + 1, min(start.day, last))


def add_period(start: date, years: int = 0, months: int = 0, days: int = 0) -> date:
    """Add years and months as calendar months, then days."""
    return add_months(start, years * 12 + months) + timedelta(days=days)
