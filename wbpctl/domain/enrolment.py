"""The training lifecycle: assigned or waitlisted -> active -> completed | failed | dropped."""

from __future__ import annotations

from .errors import Invalid

DROP_REASONS = ("released", "transferred", "withdrawn-own", "withdrawn-staff", "health",
                "security", "dismissed", "other")
RESULTS = ("pass", "fail")


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
