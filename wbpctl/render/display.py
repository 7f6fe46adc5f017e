"""How values read to a person: dates, times, numbers, rates and sentences the way each
language writes them (``29-11-2026``, ``84,3%``, ``1.451``, ``2 tahun 6 bulan``, times in
the office's zone: ``12:39 WIB``). JSON and CSV never pass through here: they keep ISO
dates, plain numbers and codes.

The settings (date style, time zone, whether the terminal can show more than ASCII) are
the command's, set once by the CLI in ``DISPLAY`` (a context variable, so renderers need
not pass them along every call, and tests can set their own).
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import NamedTuple

from ..domain.dates import ZONES
from ..domain.patterns import LazyPattern
from .numbers import number, percent

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
SHORT_MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

_ISO_DATE = LazyPattern(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_TIME = LazyPattern(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_MONTH = LazyPattern(r"(\d{4})-(\d{2})")


class Display(NamedTuple):
    dates: str = "numeric"          # numeric: 29-11-2026; short: 29 Nov 2026; iso
    timezone: str = "Asia/Jakarta"
    ascii: bool = False             # the output cannot show box drawing or accents


DISPLAY: ContextVar[Display] = ContextVar("display", default=Display())


def date_text(value: str | date, lang: str) -> str:
    day = value if isinstance(value, date) else date.fromisoformat(value)
    style = DISPLAY.get().dates
    if style == "iso":
        return day.isoformat()
    if style == "short":
        return f"{day.day} {SHORT_MONTHS[lang][day.month - 1]} {day.year}"
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def month_text(value: str, lang: str, *, short: bool = False) -> str:
    """``2026-11`` as ``November 2026`` (``Nov 2026`` when ``short``)."""
    m = _MONTH.fullmatch(value)
    if not m:
        return value
    names = SHORT_MONTHS if short else MONTHS
    return f"{names[lang][int(m[2]) - 1]} {m[1]}"


@lru_cache(maxsize=8)
def _zone(name: str) -> tzinfo:
    if name in ZONES:
        label, hours = ZONES[name]
        return timezone(timedelta(hours=hours), label)
    from zoneinfo import ZoneInfo   # any other zone: the config's check has loaded it

    return ZoneInfo(name)


def time_text(value: str, lang: str) -> str:
    """An ISO time (UTC in the ledger) in the office's zone: ``29-11-2026 12:39 WIB``."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    name = DISPLAY.get().timezone
    local = moment.astimezone(_zone(name))
    label = local.tzname() or name
    return f"{date_text(local.date(), lang)} {local:%H:%M} {label}"


def cell(value: object, lang: str) -> str | None:
    """A value as a person reads it in a table, or None when it has no special form."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return number(value, lang)
    if isinstance(value, float):
        return number(value, lang, 0 if value.is_integer() else 2)
    if isinstance(value, str):
        if _ISO_DATE.fullmatch(value):
            try:
                return date_text(value, lang)
            except ValueError:
                return None
        if _ISO_TIME.match(value):
            try:
                return time_text(value, lang)
            except ValueError:
                return None
    return None


def rate_text(value: float | None, lang: str) -> str:
    """A share as a percentage with one decimal: 0.8667 -> 86,7%."""
    return percent(value, lang)


def sentence_text(text: str | None, lang: str) -> str:
    """A sentence as stored (``2y 6m``) in words: ``2 tahun 6 bulan``."""
    if not text:
        return ""
    words = {"id": {"y": "tahun", "m": "bulan", "d": "hari", "life": "seumur hidup",
                    "death": "pidana mati"},
             "en": {"y": ("year", "years"), "m": ("month", "months"), "d": ("day", "days"),
                    "life": "life", "death": "death"}}[lang]
    if text in ("life", "death"):
        return words[text]
    parts = []
    for part in text.split():
        count, unit = int(part[:-1]), part[-1]
        word = words.get(unit)
        if word is None:
            return text
        if isinstance(word, tuple):
            word = word[0] if count == 1 else word[1]
        parts.append(f"{count} {word}")
    return " ".join(parts)
