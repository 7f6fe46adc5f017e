"""Where rendered text goes: stdout, or a file written atomically and owner-only."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from ..domain.errors import StorageError
from ..files import check_output, make_private_dirs, temporary


@contextmanager
def atomic_path(path: Path, *, suffix: str = "") -> Iterator[str]:
    """A temporary file name beside ``path`` for a writer that saves by name (a workbook,
    a text stream): on success it becomes ``path`` whole (fsync, owner-only, rename), on
    failure it is removed, and a killed process leaves it to the next start's sweep. A
    folder it makes is owner-only; a ``path`` that is the database or one of its files is
    refused (``files.check_output``)."""
    path = Path(path)
    check_output(path)
    try:
        make_private_dirs(path.parent)
        with temporary(lambda: _created_beside(path, suffix)) as tmp:
            yield tmp
            os.chmod(tmp, 0o600)
            with open(tmp, "rb") as written:
                os.fsync(written.fileno())
            os.replace(tmp, path)
    except OSError as exc:
        raise StorageError("output_failed", path=str(path), reason=exc.strerror or str(exc)
                           ) from None


def _created_beside(path: Path, suffix: str) -> str:
    import tempfile     # here: most outputs go to stdout, and tempfile loads random

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(fd)
    return tmp


@contextmanager
def atomic_file(path: Path | None, *, encoding: str = "utf-8", errors: str = "strict"
                ) -> Iterator[TextIO]:
    """A text stream to ``path`` that appears there whole on success and not at all on
    failure (see ``atomic_path``); stdout when ``path`` is None."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding=encoding, errors=errors, newline="") as handle:
            yield handle


def emit(text: str, output: Path | None = None, *, encoding: str = "utf-8") -> None:
    """``text`` to stdout, or to ``output`` atomically; ``utf-8-sig`` starts it with a BOM
    (for a spreadsheet) either way."""
    if output is None:
        sys.stdout.write(("\ufeff" if encoding == "utf-8-sig" else "") + text)
        sys.stdout.flush()
    else:
        with atomic_file(output, encoding=encoding) as handle:
            handle.write(text)
