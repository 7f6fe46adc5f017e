"""Offence categories for statistics: a closed list, and keyword rules that read the
free-text offence (``crime``) an office writes ("sabu 0,5 gram", "curanmor").

The list and the rules are settings (``offence_categories`` in config.yaml); an explicit
category given with the record wins over the rules.
"""

from __future__ import annotations

import re

from . import bounds
from .errors import Invalid
from .words import word_key

OTHER = "lainnya"
Rules = tuple[tuple[str, tuple[str, ...]], ...]   # (category, keywords), first match wins


def categorize(crime: str | None, rules: Rules) -> str:
    """The category of a free-text offence: the first category one of whose keywords
    appears in it as a word (or the start of one: 'curanmor' matches 'curanmor'); else
    ``lainnya``."""
    text = " " + " ".join(re.split(r"[^0-9a-z]+", (crime or "")[:bounds.TEXT].lower())) + " "
    for category, keywords in rules:
        for keyword in keywords:
            if " " + " ".join(re.split(r"[^0-9a-z]+", keyword.lower())).strip() in text:
                return category
    return OTHER


def parse_category(text: str, categories: tuple[str, ...], *, field: str = "crime_category"
                   ) -> str:
    """One of the configured categories, in any case and spacing."""
    key = word_key(bounds.bounded(text, field, bounds.WORD))
    for category in categories:
        if key == word_key(category):
            return category
    raise Invalid(field, text, "crime_category_unknown", choices=", ".join(categories))
