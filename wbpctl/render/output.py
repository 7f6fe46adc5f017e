"""Where rendered text goes: stdout, or a file written atomically and owner-only."""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from ..domain.errors import StorageError


@contextmanager
def atomic_file(path: Path | None, *, encoding: str = "utf-8", errors: str = "strict"
                ) -> Iterator[TextIO]:
    """A text stream to ``path`` that appears there whole on success and not at all on
    failure (temporary file beside it, fsync, rename); stdout when ``path`` is None."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise StorageError("output_failed", path=str(path), reason=exc.strerror or str(exc)
                           ) from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, errors=errors, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError as exc:
        raise StorageError("output_failed", path=str(path), reason=exc.strerror or str(exc)
                           ) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, owner-only, creating missing folders."""
    with atomic_file(path) as handle:
        handle.write(text)


def emit(text: str, output: Path | None = None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)
