"""Stand-ins for identifiers in an anonymized export, and recognising them again."""

from __future__ import annotations

import hashlib
import re

_PSEUDONYM = re.compile(r"X-[0-9a-f]{12}")


def pseudonym(value: str, salt: str) -> str:
    """A stable stand-in for an identifier, the same on every export of one ledger."""
    return "X-" + hashlib.sha256((salt + value).encode()).hexdigest()[:12]


def is_pseudonym(text: str | None) -> bool:
    return bool(text) and _PSEUDONYM.fullmatch(text.strip()) is not None
