"""What an event's hash covers, and the ids events carry: no SQL, no clock but ``new_uids``.

Two formats of the chain exist. Format 1 (every ledger before schema 6) hashed text:
the previous hash in hex and each field, joined by the unit separator. Format 2 hashes
the previous hash and the uid as their raw bytes (fixed length, so they need no
separator) followed by the text fields. A migrated ledger keeps its format-1 events with
the hashes they always had (``chains.legacy_upto`` says how far), so a head printed on
an old report or kept in a checkpoint still proves what it proved.
"""

from __future__ import annotations

import json
import os
import time

import orjson

from .uids import uid_text

GENESIS = bytes(32)              # the "previous hash" of a chain's first event
FORMAT_TAG = b"wbp2"             # starts every format-2 text: no format-1 text can

# One encoder for every checkpoint line: json.dumps with options builds a new one per call.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(payload: dict) -> str:
    """The one text of a checkpoint line that its signature covers: sorted keys, no
    spaces, UTF-8 as it is (not escaped), numbers as Python writes them."""
    return _CANONICAL.encode(payload)


def payload_json(payload: dict) -> str:
    """The text an event's payload is stored as, which its hash covers: the same form as
    ``canonical_json`` (sorted keys, no spaces, UTF-8 as it is; a test holds the two
    equal for what payloads contain), written by orjson, about ten times faster. A
    payload holds str keys, text, whole numbers within 64 bits, floats such as hours
    (written shortest, ``40.0``), lists and objects; the hash covers the stored text, so
    verifying never encodes again."""
    return orjson.dumps(payload, option=orjson.OPT_SORT_KEYS).decode("utf-8")


# A stored payload read back (the inverse of ``payload_json``): orjson's own function,
# not a function calling it, since a replay reads millions of payloads.
payload_of = orjson.loads


def hash_v1(prev: bytes, uid: str, at: str, actor: str, lapas: str, kind: str,
            subject: str, payload_json: str, batch: str | None) -> bytes:
    """Format 1: the unit separator cannot occur in canonical JSON or our fields, so no
    two ways of splitting the same text into fields hash alike."""
    import hashlib   # here, not at the top: commands that only read never hash (2 ms)

    text = "\x1f".join((prev.hex(), uid, at, actor, lapas, kind, subject, payload_json,
                        batch or ""))
    return hashlib.sha256(text.encode("utf-8")).digest()


def hash_v2(prev: bytes, uid: bytes, at: str, actor: str, lapas: str, kind: str,
            subject: str, payload_json: str, batch: str | None) -> bytes:
    """Format 2: the tag, the previous hash (32 bytes), the uid (16 bytes), then the text
    fields separated by the unit separator. The command's time, actor, Lapas and batch
    are stored once per command and covered here, in every one of its events."""
    import hashlib

    text = "\x1f".join((at, actor, lapas, kind, subject, payload_json, batch or ""))
    return hashlib.sha256(FORMAT_TAG + prev + uid + text.encode("utf-8")).digest()


_last_ms = 0
_counter = 0


def new_uid_bytes(count: int) -> list[bytes]:
    """Time-ordered UUIDs (version 7) as 16 bytes, many at once, increasing within this
    process.

    Time order keeps indexes on uids appending at their end instead of writing all over
    the B-tree, which is what makes a large import fast; the random bits keep ids from
    two Lapas apart when their ledgers are merged.
    """
    global _last_ms, _counter
    now = time.time_ns() // 1_000_000
    ms, counter = (now, 0) if now > _last_ms else (_last_ms, _counter)
    tails = os.urandom(8 * count)
    out = []
    for i in range(count):
        if counter >= 0xFFF:          # 4096 ids in one millisecond: borrow the next
            ms, counter = ms + 1, 0
        counter += 1
        # 48 bits of milliseconds, version 7, a 12-bit counter; the variant, 62 random bits
        tail = (int.from_bytes(tails[8 * i:8 * i + 8], "big") & 0x3FFF_FFFF_FFFF_FFFF) | (1 << 63)
        out.append(((ms << 16) | 0x7000 | counter).to_bytes(8, "big") + tail.to_bytes(8, "big"))
    _last_ms, _counter = ms, counter
    return out


def new_uids(count: int) -> list[str]:
    return [uid_text(raw) for raw in new_uid_bytes(count)]


def new_uid() -> str:
    return uid_text(new_uid_bytes(1)[0])
