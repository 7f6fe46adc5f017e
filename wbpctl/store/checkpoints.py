"""The checkpoint file beside the database (``wbp.db.heads``): one JSON line per ledger
head, appended, never rewritten.

The file is what makes a rewritten ledger visible: whoever can write the database can
recompute every hash, but not the heads already copied out of it. Lines are written
whole with one ``write`` on a file opened for appending (under an exclusive lock, so two
writers neither interleave nor both add the same head), then flushed to disk.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..domain.errors import Rejected, StorageError
from .chain import canonical_json


def path_for(db_path: Path | str) -> Path:
    return Path(f"{db_path}.heads")


def _failed(path: Path, exc: OSError) -> StorageError:
    return StorageError("checkpoint_unwritable", file=str(path), reason=exc.strerror or str(exc))


def _last_line(fd: int) -> str | None:
    """The last non-empty line, reading only the file's end."""
    end = os.lseek(fd, 0, os.SEEK_END)
    chunk, start = b"", end
    while start > 0:
        step = min(4096, start)
        start -= step
        os.lseek(fd, start, os.SEEK_SET)
        chunk = os.read(fd, step) + chunk
        lines = chunk.rstrip(b"\n").split(b"\n")
        if len(lines) > 1 or start == 0:
            text = lines[-1].decode("utf-8", "replace").strip()
            return text or None
    return None


def append(path: Path, line: dict, *, same_as_last) -> dict | None:
    """Add ``line`` (canonical JSON) unless ``same_as_last(last)`` says the file already
    ends with it: then nothing is written and that last line is returned. The file is
    created owner-only (0600)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
    except OSError as exc:
        raise _failed(path, exc) from None
    try:
        try:
            import fcntl
            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:       # not on POSIX: no lock, appends are still whole lines
            pass
        last = _last_line(fd)
        if last is not None:
            try:
                kept = json.loads(last)
                if isinstance(kept, dict) and same_as_last(kept):
                    return kept
            except ValueError:
                pass              # a damaged last line: verify will name it
        os.write(fd, (canonical_json(line) + "\n").encode("utf-8"))
        os.fsync(fd)
        return None
    except OSError as exc:
        raise _failed(path, exc) from None
    finally:
        os.close(fd)


def read(path: Path, *, required: bool) -> list[tuple[int, str]] | None:
    """(line number, text) of every non-empty line; None when the file does not exist and
    is not ``required``."""
    try:
        with open(path, encoding="utf-8") as handle:
            return [(n, text.strip()) for n, text in enumerate(handle, start=1) if text.strip()]
    except FileNotFoundError:
        if required:
            raise Rejected("checkpoints_missing", file=str(path)) from None
        return None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise StorageError("checkpoints_unreadable", file=str(path), reason=reason) from None
