"""The files wbpctl writes besides the database: owner-only folders, the one rule of
where an output may go, and temporary files that may hold personal data.

Every output (``-o FILE``, a workbook, the ``import --errors`` file, a backup) is opened
after ``check_output`` said yes. It says no to the database and everything that belongs
to it: the file itself, its ``-wal``, ``-shm`` and ``-journal``, the checkpoint file
``<db>.heads``, and any file that is an SQLite database (another ledger, a backup, one
being written, a copy set aside by ``restore``), and to the keys named in the config.
Most of this is read from the files themselves (an SQLite header; a name ending in
``-wal`` beside an SQLite file), so it holds for a symlink or a hard link to the
database, or for a database this process was not told about.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")

_SQLITE_HEADER = b"SQLite format 3\x00"
# what SQLite and wbpctl put beside a database file
_COMPANIONS = ("-wal", "-shm", "-journal", ".heads")


# -- owner-only folders ------------------------------------------------------------------

def make_private_dirs(folder: Path | str) -> None:
    """Create ``folder`` and each missing parent owner-only (0700); existing folders are left
    as they are. (``Path.mkdir(parents=True, mode=...)`` gives the parents the default mode,
    0755 under the usual umask.)"""
    missing = []
    folder = Path(folder)
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for part in reversed(missing):
        try:
            os.mkdir(part, 0o700)
        except FileExistsError:
            pass


# -- where an output may go -----------------------------------------------------------------

_protected: set[str] = set()


def protect(paths: Iterable[Path | str | None]) -> None:
    """Name the files of this run that no output may replace (the database, the keys); the
    database's companions are added. Replaces what an earlier run in this process named."""
    _protected.clear()
    for path in paths:
        if path is None:
            continue
        for name in (str(path), *(f"{path}{suffix}" for suffix in _COMPANIONS)):
            _protected.add(os.path.realpath(name))


def is_sqlite(path: Path | str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def is_protected(path: Path | str, *, may_replace_copy: bool = False) -> bool:
    """Whether writing ``path`` would replace the database, a file that belongs to it, a key,
    or (unless ``may_replace_copy``: ``backup --force`` over an older backup) any database."""
    real = os.path.realpath(path)
    if real in _protected or any(_same_file(real, p) for p in _protected
                                 if os.path.exists(p)):
        return True
    for name in {real, os.path.abspath(path)}:
        for suffix in _COMPANIONS:
            if name.endswith(suffix) and is_sqlite(name[:-len(suffix)]):
                return True
    return not may_replace_copy and is_sqlite(real)


def check_output(path: Path | str, *, may_replace_copy: bool = False) -> None:
    """Refuse (exit 2) an output that would replace the database or one of its files."""
    from .domain.errors import UsageError

    if is_protected(path, may_replace_copy=may_replace_copy):
        raise UsageError("output_protected", path=str(path))


# -- temporary files that may hold personal data --------------------------------------------
#
# An output being written, a workbook, a backup copy, a replay's scratch folder: each holds
# personal data until it is renamed into place or removed. A normal end, an error, Ctrl-C
# and SIGTERM remove it (``cli.app`` turns SIGTERM into an exception, so every ``finally``
# runs). A process killed outright (SIGKILL, a power cut) cannot, so each process lists
# its temporaries in a file of its own under the user's state folder, holding an exclusive
# lock on it while it lives; the next wbpctl to start removes what the list of a process
# that no longer holds its lock still names.

_registry_fd: int | None = None


def _registry_folder() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local",
                                                             "state")
    return Path(base) / "wbpctl" / "temporaries"


def _note(line: str) -> None:
    """Add a line to this process's list (created, and locked, on first use). Bookkeeping
    must not stop a command: a list that cannot be written only loses the sweep."""
    global _registry_fd
    try:
        import fcntl
    except ImportError:          # not on POSIX: no lock, so no list and no sweep
        return
    try:
        if _registry_fd is None:
            folder = _registry_folder()
            make_private_dirs(folder)
            fd = os.open(folder / f"{os.getpid()}-{os.urandom(4).hex()}",
                         os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX)
            _registry_fd = fd
        os.write(_registry_fd, (line + "\n").encode("utf-8", "surrogateescape"))
    except OSError:
        pass


def track(path: Path | str) -> None:
    """``path`` (a file or a folder) is a temporary until ``untrack``."""
    _note("+" + os.path.abspath(path))


def untrack(path: Path | str) -> None:
    _note("-" + os.path.abspath(path))


@contextmanager
def temporary(create: Callable[[], T], remove: Callable[[T], None] | None = None
              ) -> Iterator[T]:
    """What ``create()`` makes (a file or folder that will hold personal data), listed
    for the sweep and removed on leaving however the block ends (``remove``, by default
    ``remove_path``); a block that renames it into place leaves nothing to remove.

    Ctrl-C, SIGTERM and SIGHUP are held back from before it is made until the ``finally``
    that removes it is in force: a signal arriving between the two (the moment a test that
    waits for the file to appear sends it) would otherwise leave it behind."""
    remove = remove or remove_path
    from . import interrupts

    held = interrupts.hold()
    try:
        made = create()
        track(made)
    except BaseException:
        interrupts.release(held)
        raise
    try:
        interrupts.release(held)     # a signal held back is raised here, inside the try
        yield made
    finally:
        remove(made)
        untrack(made)


def remove_path(path: Path | str) -> None:
    """Remove a file (with SQLite's companions) or a folder, quietly."""
    import shutil

    path = str(path)
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(path + suffix)
        except OSError:
            pass


def sweep() -> int:
    """Remove what processes that are gone left listed; returns how many paths. Called as
    wbpctl starts: one look at a folder that is usually empty."""
    folder = _registry_folder()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    try:
        import fcntl
    except ImportError:
        return 0
    removed = 0
    for entry in entries:
        try:
            fd = os.open(entry.path, os.O_RDONLY)
        except OSError:
            continue
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue          # its process still runs
            with os.fdopen(os.dup(fd), "rb") as handle:
                lines = handle.read().decode("utf-8", "surrogateescape").splitlines()
            left: list[str] = []
            for line in lines:
                if line[:1] == "+":
                    left.append(line[1:])
                elif line[:1] == "-" and line[1:] in left:
                    left.remove(line[1:])
            for path in left:
                remove_path(path)
                removed += 1
            os.unlink(entry.path)
        finally:
            os.close(fd)
    return removed
