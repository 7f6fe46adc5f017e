"""Global ids: the UUIDs that events, exports and merged ledgers carry for people, stays,
sponsors, donations, batches, sales and payouts (any UUID version, any case)."""

from __future__ import annotations

from .errors import Invalid
from .patterns import LazyPattern

_UUID = LazyPattern(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def is_uid(text: object) -> bool:
    """Whether ``text`` is a global id as written (a UUID in any case, no spaces)."""
    return isinstance(text, str) and len(text) == 36 and _UUID.fullmatch(text.lower()) is not None


def parse_uid(text: str | None, field: str) -> str | None:
    """A global id given in a file (lower case), None for an empty cell; anything else is
    refused naming ``field``."""
    if text in (None, ""):
        return None
    uid = str(text).strip().lower()
    if not is_uid(uid):
        raise Invalid(field, text, "person_uid_taken")
    return uid
