"""The database's privacy policy: whether NIKs are masked, recorded in the ledger.

Masking is a property of the database, not of whoever runs wbpctl: a config file saying
``privacy: mask_nik: false`` (in the working folder, ``--config`` or ``WBPCTL_CONFIG``,
any of which a user can write) once showed every NIK without a trace. Now the policy is
an event, ``privacy.set``, made by ``wbpctl privacy set mask-nik off --reason R`` with its
actor and reason, and read from the ledger (the last event about ``privacy:mask_nik``).
NIKs are shown unmasked only when the database's policy allows it and the config asks
for it; a config asking while the database does not is refused. When NIKs are shown,
every showing is recorded as an access, as ``--reveal`` is.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..domain.errors import Invalid, Rejected, StorageError
from ..domain.people import clean_text
from ..domain.privacy import KEY_BYTES
from ..domain.words import word_key
from ..store import queries
from .session import Session

SETTINGS = {"mask-nik": "mask_nik"}
VALUES = {"on": True, "off": False, "ya": True, "tidak": False}


def _subject(setting: str) -> str:
    return f"privacy:{setting}"


def policy(session: Session) -> list[dict]:
    """Each setting as the ledger records it (the default when it never was)."""
    rows = []
    with session.reading() as conn:
        for name, setting in SETTINGS.items():
            row = queries.latest_about(conn, _subject(setting))
            payload = json.loads(row["payload"]) if row else {}
            rows.append({"setting": name, "value": "off" if payload.get("value") is False
                         else "on", "seq": row["seq"] if row else None,
                         "at": row["at"] if row else None,
                         "actor": row["actor"] if row else None,
                         "reason": payload.get("reason")})
    return rows


def set_policy(session: Session, setting: str, value: str, *, reason: str) -> dict:
    """Record a new policy (``privacy.set``), with who set it and why."""
    name = word_key(setting)
    if name not in SETTINGS:
        raise Invalid("setting", setting, "privacy_setting_unknown",
                      choices=", ".join(SETTINGS))
    wanted = VALUES.get(word_key(value))
    if wanted is None:
        raise Invalid("value", value, "privacy_value_unknown")
    why = clean_text(reason, field="reason")
    if not why:
        raise Invalid("reason", reason or "", "privacy_reason_required")
    key = SETTINGS[name]
    with session.transaction() as tx:
        row = queries.latest_about(tx.conn, _subject(key))
        now = json.loads(row["payload"]).get("value") if row else True
        if now == wanted:
            raise Rejected("privacy_unchanged", setting=name, value=value)
        tx.record("privacy.set", _subject(key), {"setting": key, "value": wanted,
                                                 "reason": why})
    session.forget_privacy()
    return {"setting": name, "value": "on" if wanted else "off", "reason": why}


# -- the secret of linkable anonymised exports -----------------------------------------------

def privacy_keygen(path: Path) -> Path:
    """Write a new secret (32 random bytes) to ``path``, owner-only; never overwrite."""
    from .signing import write_new_key

    if Path(path).exists():
        raise Rejected("key_exists", path=str(path))
    write_new_key(Path(path), os.urandom(KEY_BYTES))
    return Path(path)


def export_key(session: Session, linkable: bool) -> bytes:
    """The key of an anonymised export's pseudonyms: a new random one (nothing links two
    exports), or with ``linkable`` the secret in ``privacy_key``, which must be readable
    by its owner only."""
    if not linkable:
        return os.urandom(KEY_BYTES)
    path = session.config.privacy_key
    if path is None:
        raise Rejected("privacy_key_unset")
    try:
        info = os.stat(path)
        if info.st_mode & 0o077:
            raise Rejected("privacy_key_open", path=str(path))
        with open(path, "rb") as handle:
            key = handle.read(1024)
    except FileNotFoundError:
        raise Rejected("privacy_key_missing", path=str(path)) from None
    except OSError as exc:
        raise StorageError("key_unreadable", path=str(path), reason=exc.strerror or str(exc)
                           ) from None
    if len(key) < KEY_BYTES:
        raise Rejected("privacy_key_bad", path=str(path), bytes=KEY_BYTES)
    return key
