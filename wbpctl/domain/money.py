"""Money: whole rupiah as an ``int``, never a float, read as people write it.

``5.000.000``, ``5000000``, ``Rp 5.000.000``, ``Rp. 5.000.000,-``, ``Rp 5.000.000,00``,
``Rp 5 juta``, ``1,2 juta``, ``750 ribu``, ``Rp5jt``, ``2 miliar`` and, as an English
export writes it, ``Rp 5,000,000`` are all read. The thousands separator is the dot
(Indonesian) or the comma in groups of three (English); a decimal fraction is written with
a comma and only before ``juta``/``ribu``/``miliar``, and only when the result is a whole
number of rupiah. Anything else is refused with the forms that are read, never guessed:
``1.5 juta`` (a decimal point where Indonesian writes a comma) and ``5000,50`` (cents)
are refused rather than read as something the writer did not mean.
"""

from __future__ import annotations

import re

from .errors import Invalid
from .patterns import LazyPattern

MAXIMUM = 10 ** 13          # ten trillion rupiah: far above any programme's budget

# "k" and "M" are left out: "5M" is five million to one reader and five billion
# (miliar) to another
_MULTIPLIERS = {"ribu": 10 ** 3, "rb": 10 ** 3, "juta": 10 ** 6, "jt": 10 ** 6,
                "miliar": 10 ** 9, "milyar": 10 ** 9}
_PREFIX = LazyPattern(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_WORD = LazyPattern(r"^(?P<number>.*?)\s*(?P<word>" + "|".join(
    sorted(_MULTIPLIERS, key=len, reverse=True)) + r")\.?$", re.IGNORECASE)
# a whole number: plain digits, or grouped by threes with dots, commas or spaces
_PLAIN = LazyPattern(r"(?a)\d+")
_GROUPED = {".": LazyPattern(r"(?a)\d{1,3}(?:\.\d{3})+"),
            ",": LazyPattern(r"(?a)\d{1,3}(?:,\d{3})+"),
            " ": LazyPattern(r"(?a)\d{1,3}(?: \d{3})+")}
# what may follow a whole number and means "no cents": ,- ,00 ,0 (and .00 after commas)
_NO_CENTS = LazyPattern(r"(?P<whole>.*?)(?P<tail>,-|,0{1,2}|\.0{1,2}|\.-)$")
# a number with a decimal comma, before a multiplier word: 1,2 (juta), 1.250,5 (ribu)
# a whole number with cents that are not zero: 5000,50 or 1.234,5 or 5,000.25 or 1.5
_CENTS = LazyPattern(r"(?a)(?:\d+|\d{1,3}(?:\.\d{3})+),\d+|(?:\d+|\d{1,3}(?:,\d{3})+)\.\d{1,2}")
_DECIMAL = LazyPattern(r"(?a)(?P<whole>\d+|\d{1,3}(?:\.\d{3})+)(?:,(?P<fraction>\d+))?")


def _refuse(field: str, text: object, rule: str = "money_unparseable") -> Invalid:
    return Invalid(field, text, rule)


def _whole(text: str) -> int | None:
    """Digits grouped one way (or not at all) as an int; None when it is not that."""
    if _PLAIN.fullmatch(text):
        return int(text)
    for separator, pattern in _GROUPED.items():
        if pattern.fullmatch(text):
            return int(text.replace(separator, ""))
    return None


def parse_rupiah(text: object, *, field: str = "amount", allow_zero: bool = False) -> int:
    """Whole rupiah from what a person or a spreadsheet wrote; an ``int`` is taken as it
    is. A float is refused outright: money never passes through one."""
    if isinstance(text, bool) or isinstance(text, float):
        raise _refuse(field, text)
    if isinstance(text, int):
        value = text
    else:
        value = _parse_text(str(text), field, text)
    if value < 0 or (value == 0 and not allow_zero):
        raise _refuse(field, text, "money_not_positive")
    if value > MAXIMUM:
        raise _refuse(field, text, "money_too_large")
    return value


def _parse_text(raw: str, field: str, original: object) -> int:
    text = " ".join(raw.strip().split())
    text = _PREFIX.sub("", text).strip()
    if text.startswith("-") or text.startswith("\u2212"):
        raise _refuse(field, original, "money_not_positive")
    if not text:
        raise _refuse(field, original)
    word = _WORD.match(text)
    if word and word.group("number").strip():
        return _with_multiplier(word.group("number").strip(),
                                _MULTIPLIERS[word.group("word").lower()], field, original)
    value = _whole(text)
    if value is not None:
        return value
    cents = _NO_CENTS.fullmatch(text)
    if cents:
        whole, tail = cents.group("whole"), cents.group("tail")
        # ",00" after a dot-grouped or plain number (Indonesian); ".00" after a
        # comma-grouped or plain one (English); never the separator used for thousands
        uses_comma = tail.startswith(",")
        if _PLAIN.fullmatch(whole) or (_GROUPED["." if uses_comma else ","].fullmatch(whole)):
            return int(re.sub(r"(?a)\D", "", whole))
    if _CENTS.fullmatch(text):
        raise _refuse(field, original, "money_not_whole")
    raise _refuse(field, original)


def _with_multiplier(number: str, multiplier: int, field: str, original: object) -> int:
    """``1,2`` juta, ``750`` ribu, ``1.500`` juta: a decimal comma only; a decimal point
    (``1.5``) is refused with the hint, since ``1.500`` is fifteen hundred."""
    found = _DECIMAL.fullmatch(number)
    if found is None:
        if re.fullmatch(r"(?a)\d+\.\d{1,2}|\d+\.\d{4,}", number):
            raise _refuse(field, original, "money_decimal_point")
        raise _refuse(field, original)
    whole = int(found.group("whole").replace(".", ""))
    fraction = found.group("fraction") or ""
    scale = 10 ** len(fraction)
    total = whole * multiplier * scale + (int(fraction) if fraction else 0) * multiplier
    if total % scale:
        raise _refuse(field, original, "money_not_whole")
    return total // scale


class Rupiah(int):
    """An amount given to a message (``msg``), which writes it as the reader's language
    writes money (``Rp 5.000.000``); anywhere else it is the plain ``int`` it is."""
