"""The training lifecycle: assigned or waitlisted -> active -> completed | failed | dropped."""

from __future__ import annotations

from .errors import Invalid
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
    if text is None or not str(text).strip():
        return "pass"
    return pick(text, RESULTS, RESULT_ALIASES, field="result", rule="result_unknown")


def parse_drop_reason(text: str) -> str:
    return pick(text, DROP_REASONS, DROP_ALIASES, field="reason", rule="reason_unknown")


def parse_hours(text: str | float | None, *, field: str = "hours") -> float | None:
    """Hours attended: ``40``, ``12.5`` or, as Indonesian spreadsheets write it, ``12,5``."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    try:
        hours = float(text.strip().replace(",", ".")) if isinstance(text, str) else float(text)
    except ValueError:
        raise Invalid(field, text, "hours_range") from None
    if not 0 <= hours <= 10000:
        raise Invalid(field, text, "hours_range")
    return hours


def places_free(capacity: int, active: int) -> int:
    """How many can move up from the waitlist; never negative when capacity was lowered."""
    return max(capacity - active, 0)
