"""Rules about a person's record that need no database."""

from __future__ import annotations

from datetime import date

from .errors import Invalid

MAX_NAME = 200


def clean_name(text: str, *, field: str = "name") -> str:
    """A name is required, one line, without control characters."""
    name = " ".join(str(text).split())
    if not name:
        raise Invalid(field, text, "name_empty")
    if len(name) > MAX_NAME:
        raise Invalid(field, text[:40] + "...", "name_too_long", maximum=MAX_NAME)
    if not name.isprintable():
        raise Invalid(field, text, "name_control_chars")
    return name


def clean_text(text: str | None, *, field: str, maximum: int = 500) -> str | None:
    if text is None:
        return None
    value = " ".join(str(text).split())
    if len(value) > maximum:
        raise Invalid(field, value[:40] + "...", "text_too_long", maximum=maximum)
    return value or None


def check_stay_dates(detained_on: date, admitted_on: date, birth_date: date | None) -> None:
    """Detention comes no later than admission, and both after birth."""
    if detained_on > admitted_on:
        raise Invalid("detained", detained_on.isoformat(), "detained_after_admitted",
                      admitted=admitted_on.isoformat())
    if birth_date is not None and birth_date >= detained_on:
        raise Invalid("birth_date", birth_date.isoformat(), "birth_after_detention",
                      detained=detained_on.isoformat())
