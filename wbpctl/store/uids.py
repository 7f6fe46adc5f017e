"""A uid as it is stored and as everything else writes it.

Events, payloads, exports and users write a uid as text (``01a2…-…``, 36 characters).
The events table stores its own uid as 16 bytes, and since schema 7 so do the people and
stays tables (about 80 bytes less per participant, with their unique indexes): a column
declared ``UID BLOB`` is read back as text by the converter each connection registers
(``connection``). The projections bind the stored bytes themselves (``stored_uid``, where
the plan is made); queries that look a row up write ``wbpctl_uid(?)`` in SQL.
"""

from __future__ import annotations


def uid_text(raw: bytes) -> str:
    """A uid as people and payloads write it (``01a2…-…``) from its 16 stored bytes."""
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def uid_bytes(text: str) -> bytes:
    """The 16 bytes of a uid written as text (hyphens anywhere, any case); ValueError
    for text that is no uid."""
    raw = stored_uid(text)
    if raw is None:
        raise ValueError(f"not a uid: {text!r}")
    return raw


def reads_back(text: str) -> bool:
    """Whether ``text`` is a uid whose stored bytes read back as the very same text (as
    wbpctl writes uids: lower case, hyphens where a UUID has them)."""
    raw = stored_uid(text)
    return raw is not None and uid_text(raw) == text


def stored_uid(text: str | None) -> bytes | None:
    """The bytes a people or stays row stores for a uid (SQL's ``wbpctl_uid(text)``), None
    for None or for text that is no uid (which then matches no row, and is refused by
    the NOT NULL of an insert), so a lookup of any text is a lookup, never an error."""
    if text is None:
        return None
    try:
        raw = bytes.fromhex(text.replace("-", ""))
    except (ValueError, AttributeError, TypeError):
        return None
    return raw if len(raw) == 16 else None
