"""Stand-ins for identifiers in an anonymised export, recognising them again, and how
anonymous a set of rows is.

A pseudonym is a keyed HMAC of the identifier, so no one without the key can compute it
from a register number (a salt kept in the same file, as before, let anyone). The key is
random for each export unless a linkable export asks for the one in ``privacy_key``,
kept outside the database.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from .patterns import LazyPattern

_PSEUDONYM = LazyPattern(r"X-[0-9a-f]{12}")
KEY_BYTES = 32


def pseudonym(value: str, key: bytes) -> str:
    """``X-`` and 12 hex digits of HMAC-SHA256(key, value)."""
    import hashlib
    import hmac

    return "X-" + hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:12]


def is_pseudonym(text: str | None) -> bool:
    return bool(text) and _PSEUDONYM.fullmatch(text.strip()) is not None


def smallest_group(rows: Iterable[dict], columns: Sequence[str]) -> int:
    """k of k-anonymity: the size of the smallest group of rows alike on ``columns`` (the
    quasi-identifiers); 0 for no rows."""
    groups = Counter(tuple(row.get(c) for c in columns) for row in rows)
    return min(groups.values(), default=0)
