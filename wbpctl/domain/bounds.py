"""How long a value may be before it is parsed, and what counts as a number.

Every parser looks at the length first: a 40,000-character sentence cell once took 40 s
in a regular expression while the import held the write lock. The limits are far above
any real value and are named in the error. Numbers are read with ``int()`` only after
the text was seen to be ASCII digits (``int("²")`` raises, ``int("٣")`` is 3).
"""

from __future__ import annotations

from .errors import Invalid

SENTENCE = 40          # "2 tahun 6 bulan 15 hari"
REGNO = 40             # "B.IIa-1234567/2025"
NIK = 40               # "'1506 0412 0390 0001"
DATE = 40              # "8 Desember 2025 00:00:00"
NUMBER = 20            # days, hours, a seq
WORD = 60              # a word from a closed list: a release type, a reason
HEAD = 100             # "KTL#5120:" and a full hash
NAME = 200
TEXT = 500             # a free text: an offence, a reason


def bounded(text: object, field: str, maximum: int) -> str:
    """``text`` as a string, or ``Invalid`` naming the limit when it is longer."""
    value = text if isinstance(text, str) else str(text)
    if len(value) > maximum:
        raise Invalid(field, value[:40] + "...", "text_too_long", maximum=maximum)
    return value


def is_digits(text: str) -> bool:
    """ASCII digits only (``str.isdigit`` also says yes to ``²`` and ``٣``)."""
    return text.isascii() and text.isdigit()
