"""Sentences: parsing what offices write, and the register class a length implies.

Accepted: ``2y6m``, ``2y 6m 15d``, ``2 tahun 6 bulan``, ``18 bulan``, ``45 hari``,
``1 th 3 bln``, ``1,5 tahun`` (1 year 6 months), ``seumur hidup`` (life), ``pidana mati``
(death).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from . import bounds
from .errors import Invalid
from .patterns import LazyPattern

DAYS_PER_MONTH = 30  # the corrections convention for fractions and comparisons
# The longest fixed term of imprisonment (KUHP art. 12 (4); UU 1/2023 art. 65): longer is
# life or death, or a typing mistake (99999999 hari once made every later 'participant
# show' of that person fail on dates past the year 9999).
LONGEST_YEARS = 20

_UNITS = {
    "y": "years", "yr": "years", "yrs": "years", "year": "years", "years": "years",
    "t": "years", "th": "years", "thn": "years", "tahun": "years",
    "m": "months", "mo": "months", "mos": "months", "month": "months", "months": "months",
    "b": "months", "bl": "months", "bln": "months", "bulan": "months",
    "d": "days", "day": "days", "days": "days", "h": "days", "hr": "days", "hari": "days",
}
_PART = LazyPattern(r"([0-9]+)\s*([a-z]+)")
_DECIMAL = LazyPattern(r"([0-9]+)[.,]([0-9]+)\s*([a-z]+)")
_SMALLER = {"years": ("months", 12), "months": ("days", DAYS_PER_MONTH)}
_SPELLED = LazyPattern(r"\([a-z ]{1,40}\)")
_LIFE = {"seumur hidup", "life", "penjara seumur hidup", "pidana seumur hidup"}
_DEATH = {"mati", "pidana mati", "hukuman mati", "death"}


class Sentence(NamedTuple):
    years: int = 0
    months: int = 0
    days: int = 0
    life: bool = False
    death: bool = False

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months

    @property
    def length_days30(self) -> int:
        """Length with 1 month = 30 days: the measure for classes and fractions."""
        return self.total_months * DAYS_PER_MONTH + self.days

    @property
    def is_fixed_term(self) -> bool:
        return not (self.life or self.death)

    def text(self) -> str:
        """Canonical text, which ``parse_sentence`` reads back to the same value."""
        if self.life:
            return "life"
        if self.death:
            return "death"
        parts = [f"{n}{u}" for n, u in ((self.years, "y"), (self.months, "m"), (self.days, "d")) if n]
        return " ".join(parts)

    def as_dict(self) -> dict:
        return {"years": self.years, "months": self.months, "days": self.days,
                "life": self.life, "death": self.death}


def parse_sentence(text: str, *, field: str = "sentence") -> Sentence:
    """Parse a sentence; raise ``Invalid`` when it cannot be read, is zero, or is longer
    than 20 years (a fixed term cannot be)."""
    bounds.bounded(text, field, bounds.SENTENCE)
    try:
        return _parse_cached(str(text))
    except Invalid as problem:
        rule_params = {k: v for k, v in problem.params.items() if k not in ("field", "value")}
        raise Invalid(field, text, problem.rule, **rule_params) from None


@lru_cache(maxsize=4096)   # files repeat a handful of sentences thousands of times
def _parse_cached(text: str) -> Sentence:
    field = "sentence"
    try:
        # a verdict writes numbers twice: "2 (dua) tahun 6 (enam) bulan"
        words = _SPELLED.sub(" ", str(text).strip().lower())
        lowered = _DECIMAL.sub(_whole_units, words)
    except ValueError:
        raise Invalid(field, text, "sentence_unparseable") from None
    cleaned = " ".join(lowered.replace(",", " ").split())
    if cleaned in _LIFE:
        return Sentence(life=True)
    if cleaned in _DEATH:
        return Sentence(death=True)
    found: dict[str, int] = {}
    position = 0
    compact = cleaned.replace(" dan ", " ").replace(" and ", " ")
    for match in _PART.finditer(compact):
        if compact[position:match.start()].strip():
            raise Invalid(field, text, "sentence_unparseable")
        unit = _UNITS.get(match[2])
        if unit is None or unit in found:
            raise Invalid(field, text, "sentence_unparseable")
        found[unit] = int(match[1])
        position = match.end()
    if not found or compact[position:].strip():
        raise Invalid(field, text, "sentence_unparseable")
    sentence = Sentence(**found)
    if sentence.length_days30 == 0:
        raise Invalid(field, text, "sentence_zero")
    if sentence.length_days30 > LONGEST_YEARS * 12 * DAYS_PER_MONTH:
        raise Invalid(field, text, "sentence_too_long", years=LONGEST_YEARS)
    return sentence


def _whole_units(match: re.Match) -> str:
    """``1,5 tahun`` -> ``1 years 6 months``: a fraction must come out in whole months
    (of a year) or whole days (of a month)."""
    unit = _UNITS.get(match[3])
    if unit not in _SMALLER:
        raise ValueError(match[0])
    smaller, per = _SMALLER[unit]
    from fractions import Fraction    # here: fractions loads decimal, and few sentences have one

    number = Fraction(f"{match[1]}.{match[2]}")
    rest = (number - int(number)) * per
    if rest.denominator != 1:
        raise ValueError(match[0])
    return f"{int(number)} {unit} {int(rest)} {smaller}"


def class_for_sentence(sentence: Sentence) -> str:
    """B.I over 1 year, B.IIa over 3 months up to 1 year, B.IIb up to 3 months."""
    if not sentence.is_fixed_term or sentence.length_days30 > 12 * DAYS_PER_MONTH:
        return "B.I"
    if sentence.length_days30 > 3 * DAYS_PER_MONTH:
        return "B.IIa"
    return "B.IIb"


def check_class_agrees(register_class: str, sentence: Sentence | None, *,
                       reg_no: str, sentence_text: str) -> None:
    """A sentenced class (B.I, B.IIa, B.IIb) must match the sentence's length.

    A.* (pre-trial) stays have no sentence yet; B.III is kurungan, any length.
    """
    if register_class.startswith("A."):
        if sentence is not None:
            raise Invalid("sentence", sentence_text, "sentence_for_pretrial", reg_no=reg_no)
        return
    if sentence is None:
        raise Invalid("sentence", "", "sentence_required", reg_no=reg_no)
    if register_class == "B.III":
        return
    implied = class_for_sentence(sentence)
    if implied != register_class:
        raise Invalid("reg_no", reg_no, "regno_class_mismatch", register_class=register_class,
                      sentence=sentence_text, implied=implied)
