"""The training lifecycle: assigned or waitlisted -> active -> completed | failed | dropped."""

from __future__ import annotations

from . import bounds
from .errors import Invalid
from .patterns import LazyPattern
from .words import pick

DROP_REASONS = ("released", "transferred", "withdrawn-own", "withdrawn-staff", "health",
                "security", "dismissed", "other")
DROP_ALIASES = {"bebas": "released", "pindah": "transferred", "mengundurkan-diri": "withdrawn-own",
                "sakit": "health", "keamanan": "security", "dikeluarkan": "dismissed",
                "lain": "other", "lainnya": "other"}
RESULTS = ("pass", "fail")
RESULT_ALIASES = {"lulus": "pass", "tidak-lulus": "fail", "gagal": "fail"}


def parse_result(text: str | None) -> str:
    """``pass`` (the default), ``fail``, or as Indonesian lists write it: ``Lulus``,
    ``Tidak Lulus``, ``Gagal``."""
    if text is None or not bounds.bounded(text, "result", bounds.WORD).strip():
        return "pass"
    return pick(text, RESULTS, RESULT_ALIASES, field="result", rule="result_unknown")


def parse_drop_reason(text: str) -> str:
    return pick(text, DROP_REASONS, DROP_ALIASES, field="reason", rule="reason_unknown")


def parse_hours(text: str | float | None, *, field: str = "hours") -> float | None:
    """Hours attended: ``40``, ``12.5`` or, as Indonesian spreadsheets write it, ``12,5``."""
    if isinstance(text, str):
        bounds.bounded(text, field, bounds.NUMBER)
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    if isinstance(text, str):
        # digits, and a decimal point or comma: float() would also take "nan", "1e9", "١٢"
        cleaned = bounds.bounded(text, field, bounds.NUMBER).strip()
        if not _HOURS.fullmatch(cleaned):
            raise Invalid(field, text, "hours_range")
        hours = float(cleaned.replace(",", "."))
    else:
        hours = float(text)
    if not 0 <= hours <= 10000:
        raise Invalid(field, text, "hours_range")
    return hours


_HOURS = LazyPattern(r"[0-9]{1,5}(?:[.,][0-9]{1,4})?")


def places_free(capacity: int, active: int) -> int:
    """How many can move up from the waitlist; never negative when capacity was lowered."""
    return max(capacity - active, 0)
