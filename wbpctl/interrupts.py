"""Ctrl-C, SIGTERM and SIGHUP held back for a moment.

Between making something that must be undone (a temporary file holding personal data, a
process reading an import file) and the ``try`` whose ``finally`` undoes it, a signal
would leave it behind: ``hold`` before making it, ``release`` inside that ``try`` (a
signal that came meanwhile is raised there). A forked process starts with them held, as
its parent was when it forked: it releases them once its own handlers are set.
"""

from __future__ import annotations

import signal

STOPPING = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                 if hasattr(signal, name))


_came: list[int] = []


def came(signum: int | None = None) -> int | None:
    """Note that the stopping signal ``signum`` came (its handler does, before raising);
    without it: the first that came in this run, or None.

    The exception a handler raises inside an SQL function (``wbpctl_uid``) never reaches
    the caller: sqlite3 reports it as "user-defined function raised exception". Whoever
    turns a storage error into an exit asks this first, and says it was stopped."""
    if signum is None:
        return _came[0] if _came else None
    _came.append(signum)
    return signum


def hold() -> object:
    """Hold the stopping signals back; what to give ``release``."""
    if not hasattr(signal, "pthread_sigmask"):       # not POSIX: nothing to hold
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)


def release(held: object) -> None:
    """Back to what ``hold`` found (a signal that came meanwhile is handled now)."""
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
