"""Register numbers of a custody stay: class, sequence and year.

Offices write ``B.I-123/2025`` as ``BI 123/2025``, ``B.I.123/2025``, ``B.I/123/2025`` or
``b.i.123/2025``; all parse to the same three parts, shown in one canonical form.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import bounds
from .errors import Invalid
from .patterns import LazyPattern

# tahanan (pre-trial) A.I-A.V; narapidana (sentenced) B.I, B.IIa, B.IIb, B.III
CLASSES = ("A.I", "A.II", "A.III", "A.IV", "A.V", "B.I", "B.IIa", "B.IIb", "B.III")
_BY_KEY = {c.replace(".", "").upper(): c for c in CLASSES}
# The run of separators before the sequence is one [-./\s]* (it was \s*[-./\s]*\s*, the
# same language, which backtracked cubically on a long run of spaces); input is bounded.
_PATTERN = LazyPattern(
    r"\s*([AB])\s*\.?\s*(IV|V|I{1,3})\s*\.?\s*([AB](?![0-9]))?[-./\s]*([0-9]{1,7})\s*/\s*([0-9]{4})\s*",
    re.IGNORECASE,
)
DEFAULT_FORMAT = "{cls}-{seq}/{year}"


class RegisterNumber(NamedTuple):
    register_class: str
    sequence: int
    year: int

    def format(self, template: str = DEFAULT_FORMAT) -> str:
        return template.format(cls=self.register_class, seq=self.sequence, year=self.year)

    def __str__(self) -> str:
        return self.format()


def parse_regno(text: str, *, field: str = "reg_no") -> RegisterNumber:
    """Parse a register number leniently; raise ``Invalid`` when it is not one."""
    m = _PATTERN.fullmatch(bounds.bounded(text, field, bounds.REGNO))
    if not m:
        raise Invalid(field, text, "regno_unparseable")
    key = (m[1] + m[2] + (m[3] or "")).upper()
    register_class = _BY_KEY.get(key)
    if register_class is None:
        raise Invalid(field, text, "regno_class_unknown", classes=", ".join(CLASSES))
    sequence = int(m[4])
    if sequence == 0:
        raise Invalid(field, text, "regno_sequence_zero")
    return RegisterNumber(register_class, sequence, int(m[5]))


def parse_class(text: str, *, field: str = "class") -> str:
    """A register class as written (``B.I``, ``BI``, ``b.iia``) in its canonical form."""
    key = bounds.bounded(text, field, bounds.WORD).replace(".", "").replace(" ", "").upper()
    register_class = _BY_KEY.get(key)
    if register_class is None:
        raise Invalid(field, text, "regno_class_unknown", classes=", ".join(CLASSES))
    return register_class


def regno_or_none(text: str) -> RegisterNumber | None:
    """The register number ``text`` is, or None: a NIK, a uid, a number qualified by
    another Lapas (``JMB:B.I-5/2026``), or one that does not parse."""
    if not looks_like_regno(text):
        return None
    try:
        return parse_regno(text)
    except Invalid:
        return None


def looks_like_regno(text: str) -> bool:
    text = str(text)
    return len(text) <= bounds.REGNO and _PATTERN.fullmatch(text) is not None
