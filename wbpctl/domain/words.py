"""Reading a word from a closed list as an admin or a spreadsheet writes it.

Any case, and spaces, '_' or '-' between words ("Bebas Murni", "bebas_murni" and
"BEBAS-MURNI" are one word); Indonesian names map to the stored word through each
list's aliases.
"""

from __future__ import annotations

from . import bounds
from .errors import Invalid


def word_key(text: object) -> str:
    return "-".join(str(text).strip().lower().replace("_", " ").replace("-", " ").split())


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
