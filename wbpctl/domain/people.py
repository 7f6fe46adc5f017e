"""Rules about a person's record that need no database."""

from __future__ import annotations

from datetime import date

from . import bounds
from .errors import Invalid

MAX_NAME = bounds.NAME


def _collapsed(text: object, field: str, maximum: int) -> str:
    """Runs of spaces as one; a text several times the limit is refused before that."""
    raw = text if isinstance(text, str) else str(text)
    if len(raw) > 4 * maximum:
        raise Invalid(field, raw[:40] + "...", "text_too_long", maximum=maximum)
    return " ".join(raw.split())


def clean_name(text: str, *, field: str = "name") -> str:
    """A name is required, one line, without control characters."""
    name = _collapsed(text, field, MAX_NAME)
    if not name:
        raise Invalid(field, text, "name_empty")
    if len(name) > MAX_NAME:
        raise Invalid(field, text[:40] + "...", "name_too_long", maximum=MAX_NAME)
    if not name.isprintable():
        raise Invalid(field, text, "name_control_chars")
    return name


def clean_text(text: str | None, *, field: str, maximum: int = 500) -> str | None:
    """A free text (an offence, a reason, a sponsor): one line, without control characters
    (an ESC or a right-to-left override in an offence once reached every terminal that
    listed it)."""
    if text is None:
        return None
    value = _collapsed(text, field, maximum)
    if len(value) > maximum:
        raise Invalid(field, value[:40] + "...", "text_too_long", maximum=maximum)
    if not value.isprintable():
        raise Invalid(field, value, "text_control_chars")
    return value or None


def clean_receipt(text: str | None) -> str | None:
    """A receipt number (``ref`` of a sale, a payout, a donation, a spending) as it is
    recorded and looked up: a file's row is known by it as cleaned, not as written."""
    return clean_text(text, field="ref", maximum=100)


MAX_ACTOR = 100


def clean_actor(text: str, *, field: str = "actor") -> str:
    """A name given with --actor: one printable line of at most 100 characters, without
    "(os:", which wbpctl adds itself (``budi (os: root)``)."""
    name = " ".join(bounds.bounded(text, field, MAX_ACTOR).split())
    if not name:
        raise Invalid(field, text, "name_empty")
    if not name.isprintable():
        raise Invalid(field, text, "name_control_chars")
    if "(os:" in name.lower():
        raise Invalid(field, text, "actor_reserved")
    return name


def check_stay_dates(detained_on: date, admitted_on: date, birth_date: date | None) -> None:
    """Detention comes no later than admission, and both after birth."""
    if detained_on > admitted_on:
        raise Invalid("detained", detained_on.isoformat(), "detained_after_admitted",
                      admitted=admitted_on.isoformat())
    if birth_date is not None and birth_date >= detained_on:
        raise Invalid("birth_date", birth_date.isoformat(), "birth_after_detention",
                      detained=detained_on.isoformat())
