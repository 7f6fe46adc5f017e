"""Where rendered text goes: stdout, or a file written atomically and owner-only."""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from ..domain.errors import StorageError
from ..files import check_output, make_private_dirs, track, untrack


@contextmanager
def atomic_file(path: Path | None, *, encoding: str = "utf-8", errors: str = "strict"
                ) -> Iterator[TextIO]:
    """A text stream to ``path`` that appears there whole on success and not at all on
    failure (temporary file beside it, fsync, rename); stdout when ``path`` is None.
    A folder it makes is owner-only; a ``path`` that is the database or one of its files
    is refused (``files.check_output``)."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(path)
    check_output(path)
    try:
        make_private_dirs(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise StorageError("output_failed", path=str(path), reason=exc.strerror or str(exc)
                           ) from None
    track(tmp)
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
        untrack(tmp)


def emit(text: str, output: Path | None = None, *, encoding: str = "utf-8") -> None:
    """``text`` to stdout, or to ``output`` atomically; ``utf-8-sig`` starts it with a BOM
    (for a spreadsheet) either way."""
    if output is None:
        sys.stdout.write(("\ufeff" if encoding == "utf-8-sig" else "") + text)
        sys.stdout.flush()
    else:
        with atomic_file(output, encoding=encoding) as handle:
            handle.write(text)
