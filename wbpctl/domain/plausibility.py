"""Facts that are possible but unlikely enough to be a typing mistake: said, recorded with
the fact, never refused (``--strict`` on an import refuses them)."""

from __future__ import annotations

from datetime import date

from .dates import add_period
from .errors import Notice
from .sentence import DAYS_PER_MONTH, Sentence

LONGEST_KURUNGAN_DAYS30 = 16 * DAYS_PER_MONTH   # kurungan is at most 1 year 4 months
ADULT_AGE = 18                         # younger people belong in an LPKA, not a Lapas


def stay_notices(register_class: str, sentence: Sentence | None, detained_on: date,
                 birth_date: date | None) -> list[Notice]:
    """What is odd about a stay as registered, sentenced or corrected."""
    notices = []
    # (a fixed term over 20 years, once a warning, is refused by ``parse_sentence``; old
    # ledgers may still carry "notice_sentence_long")
    if sentence is not None and sentence.is_fixed_term:
        if register_class == "B.III" and sentence.length_days30 > LONGEST_KURUNGAN_DAYS30:
            notices.append(Notice("notice_kurungan_long", sentence=sentence.text()))
    if birth_date is not None and add_period(birth_date, years=ADULT_AGE) > detained_on:
        notices.append(Notice("notice_minor", birth_date=birth_date.isoformat(),
                              detained=detained_on.isoformat(), age=ADULT_AGE))
    return notices


def keys(notices: list[Notice]) -> list[str]:
    """How notices are kept in an event's payload: their keys, in order."""
    return [n.key for n in notices]
