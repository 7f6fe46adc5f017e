"""wbpctl: the training and reintegration ledger of Lapas Kelas IIB Kuala Tungkal.

The CLI is ``wbpctl``; a script uses the Python API (``wbpctl.api``)::

    import wbpctl
    with wbpctl.open("data/wbp.db", actor="admin") as led:
        print(led.participant("B.I-123/2025").name)
"""

from __future__ import annotations

__version__ = "0.1.0"

# The API's names, loaded on first use: every CLI start imports this package, and a start
# must not pay for the services it will not call (tests/test_api.py keeps this list equal
# to wbpctl.api.__all__).
_API = ("open", "explain", "Ledger",
        "Participant", "ParticipantSummary", "Stay", "Enrolment", "Remission", "Head",
        "Registered", "Assigned", "Completed", "Dropped", "Released", "Promoted", "Notice",
        "WbpError", "Rejected", "Invalid", "NotFound", "StorageError", "ConfigError")

# not typing.TYPE_CHECKING: importing typing costs a start that prints --version; type
# checkers read a module constant of this name the same way
TYPE_CHECKING = False
if TYPE_CHECKING:   # for type checkers and editors; never run
    from .api import (Assigned, Completed, ConfigError, Dropped, Enrolment, Head, Invalid,
                      Ledger, NotFound, Notice, Participant, ParticipantSummary, Promoted,
                      Registered, Rejected, Released, Remission, Stay, StorageError, WbpError,
                      explain, open)


def __getattr__(name: str) -> object:
    """``wbpctl.open`` and the other API names, imported from ``wbpctl.api`` when first
    asked for."""
    if name in _API:
        from . import api
        value = getattr(api, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'wbpctl' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
