"""NIK, the 16-digit Indonesian national ID number: ``PP RR DD ddmmyy ssss``.

Province, regency and district of first registration; the birth date, where a
woman's day has 40 added (born on the 18th: 58); a serial from 0001.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from . import bounds
from .errors import Invalid
from .patterns import LazyPattern

_SCIENTIFIC = LazyPattern(r"[0-9](?:[.,][0-9]+)?[eE]\+?[0-9]+")
_AS_NUMBER = LazyPattern(r"[0-9]{15,16}[.,]0+")   # a spreadsheet's number format: "...001.0"
_SEPARATORS = str.maketrans("", "", " .-")


class NikInfo(NamedTuple):
    nik: str
    province: str
    regency: str
    district: str
    birth_date: date
    gender: str  # "L" (laki-laki) or "P" (perempuan)
    serial: str


def _century_year(two_digits: int, today: date) -> int:
    """The latest year ending in ``two_digits`` that is not after this year."""
    year = 2000 + two_digits
    return year if year <= today.year else year - 100


def nik_digits(text: str) -> str:
    """The digits of a NIK as people write it: 1506 0412 0390 0001, 1506.0412..., with
    Excel's leading ' (the NIK is not checked)."""
    return str(text).strip().removeprefix("'").translate(_SEPARATORS)


def parse_nik(text: str, *, today: date, field: str = "nik") -> NikInfo:
    """Validate a NIK and read what it encodes; raise ``Invalid`` naming the rule."""
    raw = bounds.bounded(text, field, bounds.NIK).strip().removeprefix("'")   # Excel's mark
    if _SCIENTIFIC.fullmatch(raw):
        raise Invalid(field, text, "nik_scientific")
    if _AS_NUMBER.fullmatch(raw):
        raise Invalid(field, text, "nik_as_number")
    if "*" in raw:
        raise Invalid(field, text, "nik_masked")
    nik = nik_digits(raw)
    if not bounds.is_digits(nik):
        raise Invalid(field, text, "nik_not_digits")
    if len(nik) != 16:
        raise Invalid(field, text, "nik_length", length=len(nik))
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    gender = "L"
    if 41 <= day <= 71:
        gender, day = "P", day - 40
    if not 1 <= day <= 31:
        raise Invalid(field, text, "nik_day", day=nik[6:8])
    if not 1 <= month <= 12:
        raise Invalid(field, text, "nik_month", month=nik[8:10])
    try:
        birth = date(_century_year(yy, today), month, day)
    except ValueError:
        raise Invalid(field, text, "nik_date_not_real") from None
    if nik[12:] == "0000":
        raise Invalid(field, text, "nik_serial")
    return NikInfo(nik, nik[:2], nik[2:4], nik[4:6], birth, gender, nik[12:])


def check_nik_agrees(info: NikInfo, *, gender: str | None, birth_date: date | None,
                     field: str = "nik") -> None:
    """The NIK's sex and birth date must agree with the record's."""
    if gender is not None and gender != info.gender:
        raise Invalid(field, info.nik, "nik_gender_mismatch", gender=gender,
                      nik_gender=info.gender)
    if birth_date is not None and (birth_date.day, birth_date.month, birth_date.year % 100) != (
        info.birth_date.day, info.birth_date.month, info.birth_date.year % 100
    ):
        raise Invalid(field, info.nik, "nik_birth_mismatch", birth_date=birth_date.isoformat(),
                      nik_birth=info.birth_date.strftime("%d-%m-%y"))


def mask_nik(nik: str | None) -> str | None:
    """``1506045807900003`` -> ``1506********0003``."""
    if not nik:
        return nik
    return nik[:4] + "*" * (len(nik) - 8) + nik[-4:]


GENDERS = {
    "l": "L", "lk": "L", "laki": "L", "lakilaki": "L", "pria": "L", "m": "L", "male": "L",
    "p": "P", "pr": "P", "perempuan": "P", "wanita": "P", "w": "P", "f": "P", "female": "P",
}
_NOT_LETTERS = LazyPattern(r"[^a-z]+")


def parse_gender(text: str, *, field: str = "gender") -> str:
    """``L``/``P`` as stored; accepts Laki-laki (Laki - laki, Lk.), Perempuan (Pr), Pria,
    Wanita, M/F and the like."""
    value = GENDERS.get(_NOT_LETTERS.sub("", bounds.bounded(text, field, bounds.WORD).lower()))
    if value is None:
        raise Invalid(field, text, "gender_unknown")
    return value
