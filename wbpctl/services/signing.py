"""Ed25519 signatures on checkpoint lines, with keys in PEM files.

Optional: the ``cryptography`` package (``pip install 'wbpctl[signing]'``) is imported
here only, and only when a key is made, a checkpoint signed or a signature checked; a
wbpctl without it works as before and says how to install it when asked to sign.
The private key is PATH, its public key PATH.pub beside it, both owner-only.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Callable

from ..domain.errors import Rejected, StorageError
from ..files import make_private_dirs


def _crypto():
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ed25519
    except ImportError:
        raise Rejected("signing_unavailable") from None
    return ed25519, serialization, InvalidSignature


def public_path(private: Path) -> Path:
    return Path(f"{private}.pub")


def write_new_key(path: Path, data: bytes) -> None:
    """Create ``path`` owner-only (its folder too, when missing); never overwrite."""
    try:
        make_private_dirs(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise Rejected("key_exists", path=str(path)) from None
    except OSError as exc:
        raise StorageError("output_failed", path=str(path), reason=exc.strerror or str(exc)
                           ) from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def keygen(private: Path) -> tuple[Path, Path]:
    """A new key pair: ``private`` and ``private.pub``; an existing key is never replaced."""
    ed25519, serialization, _ = _crypto()
    public = public_path(private)
    for path in (private, public):
        if path.exists():
            raise Rejected("key_exists", path=str(path))
    key = ed25519.Ed25519PrivateKey.generate()
    write_new_key(private, key.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    write_new_key(public, key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return private, public


def _read(path: Path, missing: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise Rejected(missing, path=str(path)) from None
    except OSError as exc:
        raise StorageError("key_unreadable", path=str(path), reason=exc.strerror or str(exc)
                           ) from None


def sign(private: Path, text: str) -> str:
    """The signature of ``text`` (UTF-8) by the key in ``private``, in base64."""
    ed25519, serialization, _ = _crypto()
    data = _read(private, "signing_key_missing")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise Rejected("signing_key_bad", path=str(private))
    return base64.b64encode(key.sign(text.encode("utf-8"))).decode("ascii")


def checker(public: Path) -> Callable[[str, str], bool]:
    """A check of (text, base64 signature) against the public key in ``public``."""
    ed25519, serialization, invalid = _crypto()
    data = _read(public, "public_key_missing")
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, ed25519.Ed25519PublicKey):
        raise Rejected("public_key_bad", path=str(public))

    def valid(text: str, signature: str) -> bool:
        try:
            key.verify(base64.b64decode(signature, validate=True), text.encode("utf-8"))
        except (invalid, ValueError, TypeError):
            return False
        return True

    return valid
