"""Where rendered text goes: stdout, or a file written atomically and owner-only."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from ..domain.errors import StorageError


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, fsync, then rename over it: a reader sees
    the old file or the new one, never half of one. Missing folders are created."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise StorageError("output_failed", path=str(path), reason=exc.strerror or str(exc)
                           ) from None


def emit(text: str, output: Path | None = None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)
