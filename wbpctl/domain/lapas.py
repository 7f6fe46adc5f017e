"""Which Lapas a report covers: ``--lapas KTL`` or ``--lapas KTL,JMB``.

A ledger normally holds the stays of one Lapas; the regional office merges the ledgers
of several into one, and every stay keeps its Lapas code (``stays.lapas``). A report
counts the stays of the Lapas it is asked for (all of the ledger's by default), and the
people, places, remissions and releases that hang off those stays. ``parse_lapas`` is
the one reader of what someone typed; ``LapasScope`` says what a report does with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from . import bounds
from .errors import Invalid
from .patterns import LazyPattern

# "KTL,JMB", "KTL, JMB", "ktl;jmb" (a semicolon is the list separator of a spreadsheet
# set to Indonesian)
_SEPARATORS = LazyPattern(r"[,;]")


def parse_lapas(text: str, known: Iterable[str]) -> tuple[str, ...]:
    """The codes of ``known`` (the Lapas a ledger holds) that ``text`` names: any case,
    separated by commas or semicolons, spaces around them ignored, each once, in the
    order of ``known``. A code the ledger does not hold, or no code at all, is
    ``Invalid`` naming the codes it does hold.

    Spaces separate codes too ("KTL JMB"), but only where each word is a code of the
    ledger: a code is never split on a space it holds itself."""
    known = tuple(known)
    listed = ", ".join(known)
    by_key = {code.strip().casefold(): code for code in known}
    asked = []
    for part in _SEPARATORS.split(bounds.bounded(text, "lapas", bounds.TEXT)):
        words = part.split()
        if len(words) > 1 and part.strip().casefold() not in by_key \
                and all(word.casefold() in by_key for word in words):
            asked += words
        elif part.strip():
            asked.append(part.strip())
    if not asked:
        raise Invalid("lapas", text, "lapas_none_named", known=listed)
    unknown = [part for part in asked if part.casefold() not in by_key]
    if unknown:
        raise Invalid("lapas", text, "lapas_unknown", unknown=", ".join(dict.fromkeys(unknown)),
                      known=listed)
    chosen = {by_key[part.casefold()] for part in asked}
    return tuple(code for code in known if code in chosen)


@dataclass(frozen=True)
class LapasScope:
    """The Lapas a report covers (``codes``), of those its ledger holds (``ledger``), seen
    from the Lapas of the config (``own``)."""

    codes: tuple[str, ...]
    ledger: tuple[str, ...]
    own: str

    @classmethod
    def choose(cls, text: str | None, ledger: Iterable[str], own: str) -> "LapasScope":
        """``text`` as typed after --lapas (None: every Lapas of the ledger). A ledger with
        no stay yet holds only the config's own Lapas."""
        held = tuple(dict.fromkeys(ledger)) or (own,)
        codes = held if text is None else parse_lapas(text, held)
        return cls(codes, held, own)

    @property
    def only(self) -> tuple[str, ...] | None:
        """What the queries filter on: None when the report covers the whole ledger (the
        query is then the very one it always was)."""
        return None if self.codes == self.ledger else self.codes

    @property
    def narrowed(self) -> bool:
        """Some of the ledger's Lapas are left out."""
        return self.codes != self.ledger

    @property
    def several(self) -> bool:
        """More than one Lapas: the report adds a row per Lapas."""
        return len(self.codes) > 1

    @property
    def usual(self) -> bool:
        """The ledger of one Lapas, the config's own, reported whole: the report is
        exactly what it was before Lapas could be chosen."""
        return self.codes == self.ledger == (self.own,)

    @property
    def whole_ledger_noted(self) -> bool:
        """Figures not recorded per Lapas (sponsors' money, sales) need a note: the
        report does not cover the whole ledger, or breaks it down per Lapas."""
        return self.narrowed or self.several
