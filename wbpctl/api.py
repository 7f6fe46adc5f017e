"""The Python API: the daily actions of the CLI for a script, without the CLI.

    import wbpctl
    with wbpctl.open("data/wbp.db", actor="admin") as led:
        done = led.register(name="Siti Aminah", reg_no="B.I-7/2026",
                            detained=date(2026, 1, 5), sentence="2 tahun")
        led.assign(done.reg_no, "IKAN-AIRTAWAR")

A door beside the CLI, not a second set of rules: each method calls the one service
function of its use case (``wbpctl.services``), which the CLI, the import and the demo call
too, so a rule holds whichever door a change comes through, and a method writes exactly the
events its command writes. What a method adds is the translation of the service's answer
into a frozen dataclass of plain Python values (``str``, ``int``, ``float``, ``bool``,
``datetime.date``, ``None``, tuples of these).

Opening finds what the CLI finds: the config by ``--config`` > ``WBPCTL_CONFIG`` >
``./config.yaml`` > the user config folder > the packaged default; the actor recorded as
``NAME (os: USER)`` when NAME is not the OS account; ``today`` from ``WBPCTL_TODAY`` when
set (tests, demos), else the clock. A missing database is refused (``StorageError``) unless
``create=True``, which does what ``wbpctl init`` does.

Errors are the project's own (``wbpctl.domain.errors``), raised before anything is written:

- ``Rejected`` (exit code 1 in the CLI): a rule says no. Its subclass ``Invalid`` names one
  field's bad value (``.field``, ``.value``, ``.rule``).
- ``NotFound`` (3): no such person, track or OPD.
- ``StorageError`` (4): the database is missing, locked past the timeout, corrupt, or
  written by a newer (or needs ``init`` for an older) wbpctl.
- ``ConfigError`` (1): the config file is invalid.

All derive from ``WbpError``, whose ``.key`` and ``.params`` say what happened;
``explain(error)`` turns one into the sentence the CLI would print.

A ``Ledger`` holds one SQLite connection: use it from one thread.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import typing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

from .domain.errors import ConfigError, Invalid, NotFound, Rejected, StorageError, WbpError

__all__ = [
    "open", "explain", "Ledger",
    "Participant", "ParticipantSummary", "Stay", "Enrolment", "Remission", "Head",
    "Registered", "Assigned", "Completed", "Dropped", "Released", "Promoted", "Notice",
    "WbpError", "Rejected", "Invalid", "NotFound", "StorageError", "ConfigError",
]

PathLike = typing.Union[str, "os.PathLike[str]"]
When = typing.Union[date, str, None]   # a date, or text read as the CLI reads it


# -- results --------------------------------------------------------------------

@dataclass(frozen=True)
class Notice:
    """A warning recorded with a fact, never a refusal (an implausible sentence, a release
    after expiry): ``key`` for a program, ``text`` as the CLI would print it."""

    key: str
    text: str


@dataclass(frozen=True)
class Promoted:
    """Someone moved from a track's waitlist into a place the action freed."""

    uid: str     # the person's global id
    name: str


@dataclass(frozen=True)
class Stay:
    """One stay (masa pidana or tahanan) in the Lapas, with the dates its sentence and the
    remissions recorded give (``None`` where a date does not apply to this sentence)."""

    uid: str
    reg_no: str                    # as the config writes it: B.I-123/2025
    register_class: str            # A.I ... B.III
    lapas: str
    status: str                    # in_custody, released, transferred or deceased
    detained_on: date
    admitted_on: date
    sentence: str | None           # as wbpctl writes it (2y6m, life); None: pre-trial
    fine_substitute: bool          # B.III kurungan served in place of a fine
    crime: str | None
    crime_category: str | None     # as recorded
    offence_category: str | None   # recorded, else read from crime by the config's rules
    remission_days: int
    expiry: date | None
    one_third: date | None
    half: date | None
    two_thirds: date | None
    pb_eligible: date | None
    cb_eligible: date | None
    cmb: date | None
    pb_trial_end: date | None
    sentenced_on: date | None      # the verdict of a stay that began pre-trial
    released_on: date | None
    release_type: str | None       # ekspirasi, pb, cb, cmb, pindah, ...
    release_override: str | None
    transfer_to: str | None
    days_past_expiry: int | None   # still in custody after expiry: how many days


@dataclass(frozen=True)
class Enrolment:
    """A place in a training or service track, active, waiting or ended."""

    uid: str
    track: str
    opd: str
    kind: str                      # training or service
    status: str                    # active, waitlisted, completed, failed or dropped
    stay: str                      # the stay's global id
    requested_on: date
    assigned_on: date | None       # None while on the waitlist
    completed_on: date | None
    dropped_on: date | None
    reason: str | None             # why it was dropped
    result: str | None             # pass or fail
    certificate: str | None
    hours: float | None
    sponsor: str | None
    waitlist_position: int | None


@dataclass(frozen=True)
class Remission:
    """A remission granted (recorded, never invented)."""

    uid: str
    stay: str                      # the stay's global id
    granted_on: date
    kind: str                      # RU, RK or other
    days: int
    override: str | None           # why a second RU or RK in one year was recorded


@dataclass(frozen=True)
class Participant:
    """One person as ``wbpctl participant show`` shows them: identity, every stay, every
    place in a track and every remission, oldest first. ``nik`` is masked
    (``1506********0001``) unless revealed."""

    uid: str
    name: str
    nik: str | None
    gender: str | None             # L or P
    birth_date: date | None
    reg_no: str | None             # of the current (latest) stay
    status: str | None             # of the current stay
    stays: tuple[Stay, ...]
    enrolments: tuple[Enrolment, ...]
    remissions: tuple[Remission, ...]


@dataclass(frozen=True)
class ParticipantSummary:
    """One row of ``wbpctl participant list``: a person with their current stay."""

    uid: str
    reg_no: str
    name: str
    nik: str | None                # masked unless revealed
    gender: str | None
    birth_date: date | None
    register_class: str
    status: str
    detained_on: date
    admitted_on: date
    sentence: str | None
    released_on: date | None
    release_type: str | None
    stays: int                     # how many stays in all
    active_enrolments: int


@dataclass(frozen=True)
class Head:
    """The ledger head: the Lapas, how many events (``seq``) and the hash of the last one,
    which covers every event before it; ``at`` is when it was recorded (UTC)."""

    lapas: str
    seq: int
    hash: str
    at: datetime | None            # None for an empty ledger

    @property
    def short(self) -> str:
        """As reports print it: ``KTL#5120:3f9a2c71``."""
        from .domain.heads import Head as Written
        return Written(self.lapas, self.seq, self.hash, None).short


@dataclass(frozen=True)
class Registered:
    """What ``register`` recorded: a person and their first stay."""

    uid: str                       # the person's global id
    name: str                      # as recorded (spaces tidied)
    reg_no: str                    # as the config writes it
    notices: tuple[Notice, ...]


@dataclass(frozen=True)
class Assigned:
    """What ``assign`` recorded: a place, or (the track full) a place on its waitlist."""

    uid: str                       # the enrolment's global id
    name: str
    track: str
    status: str                    # active or waitlisted
    position: int | None           # on the waitlist
    on: date
    promoted: tuple[Promoted, ...]


@dataclass(frozen=True)
class Completed:
    """What ``complete`` recorded: the end of a place with its result."""

    name: str
    track: str
    kind: str                      # training, or service (delivered)
    result: str                    # pass or fail
    on: date
    promoted: tuple[Promoted, ...]


@dataclass(frozen=True)
class Dropped:
    """What ``drop`` recorded: a place (or waitlist place) ended with a reason."""

    name: str
    track: str
    reason: str
    on: date
    promoted: tuple[Promoted, ...]


@dataclass(frozen=True)
class Released:
    """What ``release`` recorded: the end of the current stay, and the places it ended."""

    name: str
    reg_no: str
    on: date
    release_type: str
    to: str | None                 # where a transfer (pindah) went
    ended_enrolments: tuple[str, ...]   # track codes
    notices: tuple[Notice, ...]


def _as(kind: type, value: Any) -> Any:
    """``value`` as ``kind`` expects: ISO text to a date or time, a list to a tuple."""
    if value is None:
        return None
    if kind is date and isinstance(value, str):
        return date.fromisoformat(value)
    if kind is datetime and isinstance(value, str):
        return datetime.fromisoformat(value)
    if kind is bool:
        return bool(value)
    if kind is float:
        return float(value)
    return value


@functools.lru_cache(maxsize=None)
def _kinds(cls: type) -> tuple[tuple[str, type], ...]:
    """Each field of a result and the type its value has when not None."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, next((k for k in typing.get_args(hints[f.name])
                                if k is not type(None)), hints[f.name]))
                 for f in dataclasses.fields(cls))


def _make(cls: type, data: dict, **given: Any) -> Any:
    """A result dataclass from a service's dict: its own fields, converted; ``given`` are
    fields already made."""
    return cls(**{name: given[name] if name in given else _as(kind, data[name])
                  for name, kind in _kinds(cls)})


def _promoted(done: dict) -> tuple[Promoted, ...]:
    return tuple(Promoted(p["uid"], p["name"]) for p in done["promoted"])


# -- the handle -------------------------------------------------------------------

class Ledger:
    """An open wbpctl database; made by ``wbpctl.open``. Close it, or use it in ``with``.

    WHO, wherever a method takes one, is what the CLI takes: a register number in any
    spelling that parses (``B.I-123/2025``, ``BI 123/2025``), a 16-digit NIK, or the
    person's global id. Dates are ``datetime.date``, or text read as the CLI reads it
    (``2025-10-08``, ``08/10/2025``, ``8 Okt 2025``); a date in the future is refused.
    """

    def __init__(self, state: Any, session: Any) -> None:
        self._state = state            # the CLI's resolution of config, actor and language
        self._session = session
        self._closed = False

    # -- the object -------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The database file."""
        return self._session.db_path

    @property
    def actor(self) -> str:
        """Who acts, as every event records it (``budi (os: root)``)."""
        return self._session.actor

    @property
    def today(self) -> date:
        """The day actions default to and dates are checked against."""
        return self._session.today

    def close(self) -> None:
        """Close the database; the handle can no longer be used. Closing twice is harmless."""
        self._session.close()
        self._closed = True

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._closed else "open"
        return f"<wbpctl.Ledger {str(self.path)!r} actor={self.actor!r} {state}>"

    def _open(self) -> Any:
        if self._closed:
            raise ValueError("this wbpctl.Ledger is closed")
        return self._session

    def _notices(self, notices: Iterable[Any]) -> tuple[Notice, ...]:
        from .render.messages import msg
        lang = self._state.lang
        return tuple(Notice(n.key, msg(n.key, lang, **n.params)) for n in notices)

    # -- participants -----------------------------------------------------------

    def register(self, *, name: str, reg_no: str, detained: date | str,
                 sentence: str | None = None, admitted: When = None, nik: str | None = None,
                 gender: str | None = None, birth_date: When = None, crime: str | None = None,
                 crime_category: str | None = None, in_lieu_of_fine: bool = False
                 ) -> Registered:
        """Register a person and their first stay, as ``wbpctl participant add`` does.

        ``sentence`` (``2y6m``, ``2 tahun 6 bulan``, ``seumur hidup``) is required for a
        B.* register number and absent for an A.* one (pre-trial); ``admitted`` defaults
        to ``detained``; gender and birth date are read from the NIK when not given.
        Raises ``Invalid`` for a bad or duplicate value (nothing is written).

        Example: led.register(name="Budi Santoso", reg_no="B.I-123/2025",
        detained=date(2025, 10, 8), sentence="2 tahun 6 bulan", nik="1506041203900001")
        """
        from .services import participants

        done = participants.register(self._open(), name=name, reg_no=reg_no,
                                     detained=detained, sentence=sentence, admitted=admitted,
                                     nik=nik, gender=gender, birth_date=birth_date,
                                     crime=crime, fine_substitute=in_lieu_of_fine,
                                     crime_category=crime_category)
        return Registered(done["uid"], done["name"], done["reg_no"],
                          self._notices(done["notices"]))

    def participant(self, who: str, *, reveal: bool = False) -> Participant:
        """One person with every stay, place and remission (``participant show``).

        The NIK is masked unless ``reveal`` (or the database's policy shows NIKs); a NIK
        shown unmasked is recorded in the ledger as an access, as the CLI records it.
        Raises ``NotFound`` when no one is WHO.
        """
        from .services import participants

        record = participants.show(self._open(), who, reveal=reveal)
        return _make(Participant, record,
                     stays=tuple(_make(Stay, s) for s in record["stays"]),
                     enrolments=tuple(_make(Enrolment, e) for e in record["enrolments"]),
                     remissions=tuple(_make(Remission, r) for r in record["remissions"]))

    def participants(self, *, status: str | None = None, track: str | None = None,
                     search: str | None = None, opd: str | None = None,
                     reveal: bool = False) -> list[ParticipantSummary]:
        """Everyone with their current stay (``participant list``); filters combine.

        ``status``: in-custody, released, transferred or deceased (default: all);
        ``track``/``opd``: only people active or waiting in that track or in a track of
        that OPD; ``search``: words of a name in any order (a letter or two off when
        nothing matches as written), a register number or a part of one, or a whole NIK.
        NIKs are masked unless ``reveal``; a reveal, and a search that matched a NIK, is
        recorded as an access. Raises ``Invalid`` for an unknown status, ``NotFound`` for
        an unknown track or OPD.
        """
        from .services import participants

        rows = participants.list_people(self._open(), status=status or "all", search=search,
                                        track=track, opd=opd, reveal=reveal)
        return [_make(ParticipantSummary, row) for row in rows]

    # -- places in tracks ---------------------------------------------------------

    def assign(self, who: str, track: str, *, on: When = None,
               sponsor: str | None = None) -> Assigned:
        """Assign WHO to TRACK (a code, any case, or its name) on ``on`` (default today),
        as ``wbpctl assign`` does; a full track puts them on its waitlist
        (``status == "waitlisted"``). Raises ``NotFound`` for an unknown person or track,
        ``Rejected`` when a rule says no (already in the track, not in custody for a
        custody track, ...)."""
        from .services import enrolments

        done = enrolments.assign(self._open(), who, track, on=on, sponsor=sponsor)
        return _make(Assigned, done, promoted=_promoted(done))

    def complete(self, who: str, track: str, *, on: When = None,
                 hours: float | str | None = None, result: str = "pass",
                 certificate: str | None = None) -> Completed:
        """Record that WHO completed TRACK (a service track: that it was delivered), as
        ``wbpctl complete`` does; ``result`` is pass or fail. The place freed goes to the
        first on the waitlist (``promoted``). Raises ``Rejected`` when WHO has no active
        place in TRACK, ``Invalid`` for a used certificate number."""
        from .services import enrolments

        done = enrolments.complete(self._open(), who, track, on=on, hours=hours,
                                   result=result, certificate=certificate)
        return _make(Completed, done, promoted=_promoted(done))

    def drop(self, who: str, track: str, *, reason: str, on: When = None) -> Dropped:
        """End WHO's place (or waitlist place) in TRACK with a reason (released,
        transferred, withdrawn-own, withdrawn-staff, health, security, dismissed or
        other), as ``wbpctl drop`` does; the first in line moves up."""
        from .services import enrolments

        done = enrolments.drop(self._open(), who, track, reason=reason, on=on)
        return _make(Dropped, done, promoted=_promoted(done))

    # -- stays ----------------------------------------------------------------------

    def release(self, who: str, *, on: date | str, release_type: str,
                override: str | None = None, to: str | None = None) -> Released:
        """End WHO's current stay, as ``wbpctl release`` does: ``release_type`` is
        ekspirasi, pb, cb, cmb, bebas-demi-hukum, remisi-bebas, pindah (``to``: where) or
        meninggal. Each type is allowed from its date; ``override`` (the reason: grasi, a
        court order) records one earlier. Open custody-phase places end with reason
        released. Raises ``Rejected`` when the rules do not allow the release yet."""
        from .services import stays

        done = stays.release(self._open(), who, on=on, release_type=release_type,
                             override=override, to=to)
        return Released(done["name"], done["reg_no"], date.fromisoformat(done["on"]),
                        done["type"], done["to"], tuple(done["ended_enrolments"]),
                        self._notices(done["notices"]))

    # -- the ledger -----------------------------------------------------------------

    def head(self) -> Head:
        """The ledger head now (``wbpctl head``): what a report made now would print."""
        from .services import heads

        now = heads.current(self._open())
        digest = now.hash.hex() if isinstance(now.hash, bytes) else now.hash
        return Head(now.lapas, now.seq, digest, _as(datetime, now.at))


def open(path: PathLike, *, actor: str, config: PathLike | None = None,
         today: date | None = None, create: bool = False) -> Ledger:
    """Open the wbpctl database at ``path`` for ``actor`` (the name every event records).

    ``config``: the config file; by default the one the CLI would use (``WBPCTL_CONFIG``,
    ``./config.yaml``, the user config folder, the packaged default). ``today``: the day
    actions default to and dates are checked against (default: ``WBPCTL_TODAY`` when set,
    else the clock). A database that does not exist is refused (``StorageError``), as by
    every command but ``init``; ``create=True`` first does what ``wbpctl init`` does:
    creates the file (owner-only) when missing, upgrades an older one, and syncs the
    track catalogue from the config. Running that on a database already up to date
    writes nothing.

    Raises ``StorageError`` (missing, locked, corrupt, too new or too old a database),
    ``ConfigError`` (an invalid config file) or ``Invalid`` (an unusable actor name).

    Example:
        with wbpctl.open("data/wbp.db", actor="admin") as led:
            print(led.head().short)
    """
    # The CLI's own resolution of the config, the database path, the actor (``NAME (os:
    # USER)``), today and the language, so the two doors cannot drift apart. It lives in
    # cli/state.py, so opening loads typer once (a script's cost, never the CLI's).
    from .cli.state import State
    from .domain.people import clean_actor

    clean_actor(actor)      # refused here, before a database is opened or made
    state = State(db=os.fspath(path), config_path=os.fspath(config) if config else None,
                  actor_option=actor)
    session = state.session()
    if today is not None:
        session.today = today
    try:
        if create:
            from .services import catalog
            catalog.init_database(session)
        else:
            session.connect()           # a missing, corrupt, too new or too old file: now
    except BaseException:
        session.close()
        raise
    return Ledger(state, session)


def explain(error: WbpError, lang: str | None = None) -> str:
    """The one line the CLI prints for ``error`` (without ``wbpctl:``), in ``lang`` (id or
    en; default: the language the CLI would use, ``WBPCTL_LANG`` or the config's)."""
    from .cli.state import State, error_line

    return error_line(error, lang if lang in ("id", "en") else State().lang)

