"""Reading a word from a closed list as an admin or a spreadsheet writes it.

Any case, and spaces, '_' or '-' between words ("Bebas Murni", "bebas_murni" and
"BEBAS-MURNI" are one word); Indonesian names map to the stored word through each
list's aliases.
"""

from __future__ import annotations

from . import bounds
from .errors import Invalid
from .patterns import LazyPattern

_NOISE = LazyPattern(r"[^0-9a-z]+")


def word_key(text: object) -> str:
    return "-".join(str(text).strip().lower().replace("_", " ").replace("-", " ").split())


def normalize(header: str) -> str:
    """A column header as it is matched (``domain.headers``): lower case, letters and digits
    only ("No. Registrasi" is "noregistrasi"). Here, not there, because the config checks
    its header aliases with it on every start, and needs nothing else of that module."""
    # no header we know is near 200 characters: a longer one is looked at no further
    return _NOISE.sub("", header[:200].strip().lstrip("\ufeff").lower())


def pick(text: object, choices: tuple[str, ...], aliases: dict[str, str], *, field: str,
         rule: str) -> str:
    """The stored word for ``text``: one of ``choices`` (any case) or an alias of one."""
    key = word_key(bounds.bounded(text, field, bounds.WORD))
    for choice in choices:
        if key == word_key(choice):
            return choice
    if key in aliases:
        return aliases[key]
    raise Invalid(field, text, rule, choices=", ".join(choices))
