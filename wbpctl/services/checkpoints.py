"""Checkpoints: ledger heads kept outside the database, and the proof they are still in it.

A checkpoint line holds a head (seq, hash, the event's time, Lapas), when it was written
and by whom, and, when ``signing_key`` is configured, an Ed25519 signature over the rest
of the line. ``verify`` checks every line of the file beside the database (or of a copy
kept elsewhere): a ledger rewritten with recomputed hashes no longer holds the old heads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..domain.errors import Rejected, WbpError
from ..domain.heads import FULL_HEX, Head, HeadRef
from ..store import checkpoints as store
from ..store.chain import canonical_json
from . import heads
from .session import Session


def file_for(session: Session) -> Path:
    return store.path_for(session.db_path)


def _line(session: Session, head: Head) -> dict:
    line = {"seq": head.seq, "hash": head.hash, "at": head.at, "lapas": head.lapas,
            "written_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "actor": session.actor}
    if session.config.signing_key is not None:
        from . import signing
        line["signature"] = signing.sign(session.config.signing_key, canonical_json(line))
    return line


@dataclass(frozen=True)
class Kept:
    line: dict          # the line now last in the file
    written: bool       # False: the file already ended with this head
    file: Path


def keep(session: Session, head: Head) -> Kept:
    """Append ``head`` to the checkpoint file, unless it is already the last line."""
    path = file_for(session)
    line = _line(session, head)
    last = store.append(path, line, same_as_last=lambda kept: (
        kept.get("seq"), kept.get("hash")) == (head.seq, head.hash))
    return Kept(last or line, last is None, path)


def checkpoint(session: Session) -> Kept:
    """``wbpctl checkpoint``: the current head, kept."""
    return keep(session, heads.current(session))


def keep_quietly(session: Session, head: Head) -> WbpError | None:
    """Keep ``head``; what went wrong is returned, not raised (a report that made its
    figures must not fail because its checkpoint could not be written)."""
    try:
        keep(session, head)
    except WbpError as error:
        return error
    return None


# -- checking --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    """A head that must be in the ledger: given with --head, or a line of a checkpoint file."""

    ref: HeadRef
    file: str | None = None
    line: int | None = None
    written_at: str | None = None
    actor: str | None = None


def _bad_line(file: Path, number: int, what: str) -> Rejected:
    return Rejected(f"checkpoint_line_{what}", file=str(file), line=number)


def _claim(file: Path, number: int, text: str) -> tuple[Claim, dict]:
    try:
        line = json.loads(text)
    except ValueError:
        raise _bad_line(file, number, "not_json") from None
    if not isinstance(line, dict):
        raise _bad_line(file, number, "not_json")
    seq, digest, lapas = line.get("seq"), line.get("hash"), line.get("lapas")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise _bad_line(file, number, "seq")
    if not (isinstance(digest, str) and len(digest) == FULL_HEX
            and all(c in "0123456789abcdef" for c in digest)):
        raise _bad_line(file, number, "hash")
    if not isinstance(lapas, str) or not lapas:
        raise _bad_line(file, number, "lapas")
    ref = HeadRef(Head(lapas, seq, digest, None).short, lapas, seq, digest)
    return Claim(ref, str(file), number, str(line.get("written_at") or "?"),
                 str(line.get("actor") or "?")), line


@dataclass(frozen=True)
class FileClaims:
    file: Path
    claims: list[Claim]
    signed: int             # lines carrying a signature
    checked_with: Path | None   # the public key every line was checked with


def read_claims(file: Path, *, required: bool, public_key: Path | None) -> FileClaims | None:
    """Every line of a checkpoint file as a claim; with ``public_key``, every line must
    carry a good signature by its private key. None when there is no file (and none was
    asked for)."""
    lines = store.read(file, required=required)
    if lines is None:
        return None
    valid = None
    if public_key is not None:
        from . import signing
        valid = signing.checker(public_key)
    claims, signed = [], 0
    for number, text in lines:
        claim, line = _claim(file, number, text)
        signature = line.pop("signature", None)
        signed += signature is not None
        if valid is not None:
            # Every line, once signatures are checked: a line without one could stand in
            # for a signed line removed along with the events it vouched for.
            where = {"file": str(file), "line": number, "head": claim.ref.text,
                     "key": str(public_key)}
            if not isinstance(signature, str):
                raise Rejected("checkpoint_unsigned", **where)
            if not valid(canonical_json(line), signature):
                raise Rejected("checkpoint_bad_signature", **where)
        claims.append(claim)
    return FileClaims(file, claims, signed, public_key)


def public_key_for(session: Session, given: Path | None) -> Path | None:
    """The key signatures are checked with: the one given, else the public half of the
    configured signing key, else none (signatures are then not checked)."""
    if given is not None:
        return given
    if session.config.signing_key is not None:
        from .signing import public_path
        return public_path(session.config.signing_key)
    return None
