"""The errors wbpctl expects, each carrying its exit code and a message key.

Errors are data: a key into the message catalogue (``wbpctl.render.messages``)
and the parameters that fill it, so the CLI can say them in Indonesian or
English. The exit codes are the CLI contract in DESIGN.md.
"""

from __future__ import annotations


class WbpError(Exception):
    """Base of every expected error; never shown as a traceback."""

    exit_code = 1

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self) -> str:  # pragma: no cover - for debugging only
        return f"{self.key} {self.params}"

    def __reduce__(self):
        # A row's error crosses from the process that reads an import file; the default
        # (the class called with ``args``) would lose the parameters or fail.
        return _restored, (type(self), self.args, self.__dict__)


def _restored(cls: type, args: tuple, state: dict) -> WbpError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class Rejected(WbpError):
    """Invalid input or a rule said no; nothing was written."""

    exit_code = 1


class ConfigError(WbpError):
    """The configuration file is invalid; refused at start."""

    exit_code = 1


class UsageError(WbpError):
    """A command asked for something it must not do (an output over the database)."""

    exit_code = 2


class NotFound(WbpError):
    """The person, stay or track named does not exist."""

    exit_code = 3


class StorageError(WbpError):
    """The database is missing, locked, corrupt or too new."""

    exit_code = 4


class Invalid(Rejected):
    """One field's value breaks one rule: names the field, the value and the rule."""

    def __init__(self, field: str, value: object, rule: str, **params: object) -> None:
        super().__init__(rule, field=field, value=value, **params)
        self.field = field
        self.value = value
        self.rule = rule


class Notice:
    """A warning: printed and recorded with the fact, never a refusal (a late release, an
    implausible sentence). ``--strict`` on an import turns one into a row error."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Notice) and (self.key, self.params) == (other.key, other.params)

    def __repr__(self) -> str:
        return f"Notice({self.key!r}, {self.params!r})"

    def as_error(self) -> Rejected:
        return Rejected(self.key, **self.params)


class Message:
    """A parameter that is itself a sentence of the message catalogue (how a value looks
    damaged, say), so it is said in the reader's language with the rest."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def __repr__(self) -> str:
        return f"Message({self.key!r})"
