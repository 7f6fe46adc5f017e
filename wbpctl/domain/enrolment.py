"""The training lifecycle: assigned or waitlisted -> active -> completed | failed | dropped."""

from __future__ import annotations

DROP_REASONS = ("released", "transferred", "withdrawn-own", "withdrawn-staff", "health",
                "security", "dismissed", "other")
RESULTS = ("pass", "fail")
OPEN = ("active", "waitlisted")


def places_free(capacity: int, active: int) -> int:
    """How many can move up from the waitlist; never negative when capacity was lowered."""
    return max(capacity - active, 0)
