"""Finding people as they are spelt: ``participant list --search``.

A name is searched by its *key*: letters without their accents, in lower case, words
split on anything that is not a letter or digit (``Andrés`` and ``ANDRES`` have the key
``andres``). A search finds a name that holds every word of the search, in any order,
each as part of a word (``putra budi`` finds Budi Syahputra). When no name does, it
tolerates small spelling differences: each word of five letters or more may be a letter
off one word of the name (two from nine letters: ``syaputra`` finds Syahputra).

The database keeps each name's key in an FTS5 index with the trigram tokenizer: the
words below are turned into its query language here, and the candidates it returns are
judged by ``close_enough``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Callable

from . import bounds
from .nik import nik_digits
from .patterns import LazyPattern
from .regno import RegisterNumber, looks_like_regno, parse_regno

_NOT_ASCII_WORD = LazyPattern(r"[^0-9a-z]+")
TRIGRAM = 3               # the FTS5 tokenizer's unit: shorter words are matched with LIKE
FUZZY_FROM = 5            # shorter words must match as written: Rina is not Rini


def search_key(text: str) -> str:
    """A name as it is searched: ``"Andrés  Syah-Putra"`` -> ``"andres syah putra"``."""
    if text.isascii():            # most names: a tenth of the time (imports call this a lot)
        return " ".join(_NOT_ASCII_WORD.split(text.lower())).strip()
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    plain = "".join(ch if ch.isalnum() else " " for ch in decomposed
                    if not unicodedata.combining(ch))
    return " ".join(plain.split())


@dataclass(frozen=True)
class Search:
    """What a search text asks for: name words (keys), a register number when the whole
    text reads as one, a NIK when it is 16 digits, and the text itself (a part of a
    register number, ``6/2026``)."""

    text: str
    words: tuple[str, ...]
    regno: RegisterNumber | None
    nik: str | None

    def exact_query(self) -> str | None:
        """An FTS5 query: every word of three letters or more as part of the name."""
        long = [w for w in self.words if len(w) >= TRIGRAM]
        return " AND ".join(_phrase(w) for w in long) or None

    def short_words(self) -> tuple[str, ...]:
        """Words too short for the trigram index (``al``, ``s``): matched with LIKE."""
        return tuple(w for w in self.words if len(w) < TRIGRAM)

    def fuzzy_query(self) -> str | None:
        """An FTS5 query for names that may be spelt otherwise: a word of five letters or
        more by any of its trigrams, a shorter one as written. None when no word is long
        enough to be spelt otherwise."""
        if not any(len(w) >= FUZZY_FROM for w in self.words):
            return None
        return " AND ".join(
            "(" + " OR ".join(_phrase(t) for t in sorted(set(_trigrams(w)))) + ")"
            if len(w) >= FUZZY_FROM else _phrase(w)
            for w in self.words if len(w) >= TRIGRAM)


def parse_search(text: str) -> Search:
    """A search text as typed: ``"syaputra"``, ``"putra budi"``, ``"B.I 6/2026"``,
    ``"1506415203900001"``."""
    text = bounds.bounded(text, "search", bounds.NAME).strip()
    regno = parse_regno(text) if looks_like_regno(text) else None
    digits = nik_digits(text)
    nik = digits if len(digits) == 16 and bounds.is_digits(digits) else None
    return Search(text, tuple(search_key(text).split()), regno, nik)


def close_enough(search: Search, name_key: str) -> bool:
    """Whether a name (its key) is what ``search`` meant: each word of the search is part
    of a word of the name, or a letter off one (two from nine letters)."""
    return matcher(search)(name_key)


def matcher(search: Search) -> Callable[[str], bool]:
    """``close_enough`` for many names: each (search word, name word) pair is judged once,
    since a ledger's names share few distinct words."""
    judged: dict[tuple[str, str], bool] = {}

    def near(word: str, name: str) -> bool:
        pair = (word, name)
        if pair not in judged:
            judged[pair] = word in name or _near(word, name)
        return judged[pair]

    def close(name_key: str) -> bool:
        names = name_key.split()
        return all(any(near(word, name) for name in names) for word in search.words)

    return close


def _near(word: str, name: str) -> bool:
    allowed = 1 if len(word) < 9 else 2
    if len(word) < FUZZY_FROM or abs(len(word) - len(name)) > allowed:
        return False
    return edit_distance(word, name, allowed) <= allowed


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b`` (a swap of two neighbours counts one), or
    ``limit + 1`` as soon as it is surely more than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] | None = None
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, start=1):
            cost = 0 if x == y else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return min(row[-1], limit + 1)


def _trigrams(word: str) -> list[str]:
    return [word[i:i + TRIGRAM] for i in range(len(word) - TRIGRAM + 1)]


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
