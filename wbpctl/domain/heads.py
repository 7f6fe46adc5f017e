"""Ledger heads: which state of the ledger a report was made from, as people write it.

A head names one event of the hash chain: the Lapas, its seq (the ledger then held seq
events) and its hash, which covers every event before it. People read and type the
short form ``KTL#5120:3f9a2c71`` (code, seq, the first 8 hex digits of the hash);
machines keep the full hash. ``parse_head`` is the one reader of what someone typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import bounds
from .errors import Invalid
from .patterns import LazyPattern

SHORT_HEX = 8          # hex digits of the hash in the short form
MIN_PREFIX = 8         # a hash given alone or after the seq: at least this many hex digits
FULL_HEX = 64          # sha256


@dataclass(frozen=True)
class Head:
    lapas: str
    seq: int
    hash: str
    at: str | None     # the time (UTC) of the event; None for an empty ledger

    @property
    def short(self) -> str:
        return f"{self.lapas}#{self.seq}:{self.hash[:SHORT_HEX]}"

    def as_dict(self) -> dict:
        return {"seq": self.seq, "hash": self.hash, "at": self.at, "lapas": self.lapas}


@dataclass(frozen=True)
class HeadRef:
    """A head as someone wrote it: any part may be missing, the hash may be a prefix."""

    text: str
    lapas: str | None
    seq: int | None
    hash: str | None

    def differs(self, head: Head) -> str | None:
        """Which part of ``head`` is not what was written (``lapas`` or ``hash``), if any."""
        if self.lapas is not None and self.lapas.upper() != head.lapas.upper():
            return "lapas"
        if self.hash is not None and not head.hash.startswith(self.hash):
            return "hash"
        return None


_FULL = LazyPattern(r"(?:([A-Za-z][A-Za-z0-9_.-]*)?#)?([0-9]{1,18})(?::([0-9A-Fa-f]+))?")
_HEX = LazyPattern(r"[0-9A-Fa-f]+")


def parse_head(text: str, *, field: str = "head") -> HeadRef:
    """``KTL#5120:3f9a2c71`` (as printed on a report), ``KTL#5120``, ``#5120``,
    ``5120:3f9a2c71``, a bare seq ``5120``, or a hash alone (full, or its first 8 or more
    hex digits). A string of digits is a seq, unless it is a full 64-digit hash."""
    raw = bounds.bounded(text, field, bounds.HEAD).strip() if isinstance(text, str) else ""
    if _HEX.fullmatch(raw) and (len(raw) == FULL_HEX or not raw.isdigit()):
        if not MIN_PREFIX <= len(raw) <= FULL_HEX:
            raise Invalid(field, text, "head_unparseable")
        return HeadRef(raw, None, None, raw.lower())
    match = _FULL.fullmatch(raw)
    if match is None:
        raise Invalid(field, text, "head_unparseable")
    lapas, seq, digest = match.groups()
    if int(seq) < 1:
        raise Invalid(field, text, "head_seq_zero")
    if digest is not None and not MIN_PREFIX <= len(digest) <= FULL_HEX:
        raise Invalid(field, text, "head_unparseable")
    return HeadRef(raw, lapas, int(seq), digest.lower() if digest else None)
