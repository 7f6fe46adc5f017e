"""Release types and what each one allows (DOMAIN.md, "Release rules").

| type               | allowed from                                   | only for                    |
|--------------------|------------------------------------------------|-----------------------------|
| ekspirasi          | expiry (sentence less recorded remissions)     | a fixed sentence            |
| remisi-bebas       | the day remissions move expiry to, or earlier  | a fixed sentence, remitted  |
| pb                 | 2/3, when 2/3 is at least the PB minimum       | a fixed sentence            |
| cb                 | 2/3, sentence up to the CB limit               | a fixed sentence            |
| cmb                | 2/3 and expiry less the last remission's leave | a fixed sentence, remitted  |
| bebas-demi-hukum   | any day from admission                         | anyone (mostly pre-trial)   |
| pindah, meninggal  | any day from admission                         | anyone                      |

No release before the admission date. An early release of a type that has a date needs a
recorded reason (``--override``); a pre-trial stay (A.*) or a life or death sentence has no
such date at all, so no reason makes one of the first five types right for it. A late
``ekspirasi`` is a fact worth a warning, never a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .errors import Invalid, Notice, Rejected
from .milestones import Milestones
from .words import pick

TYPES = ("ekspirasi", "pb", "cb", "cmb", "bebas-demi-hukum", "remisi-bebas", "pindah",
         "meninggal")
INTO_COMMUNITY = TYPES[:6]  # pindah and meninggal do not release anyone into the community
NEEDS_SENTENCE = ("ekspirasi", "remisi-bebas", "pb", "cb", "cmb")
TYPE_ALIASES = {"bebas-murni": "ekspirasi", "expiry": "ekspirasi",
                "pembebasan-bersyarat": "pb", "cuti-bersyarat": "cb",
                "cuti-menjelang-bebas": "cmb", "transfer": "pindah", "wafat": "meninggal",
                "remisi-langsung-bebas": "remisi-bebas"}


def parse_release_type(text: str) -> str:
    """``pb``, ``PB``, ``Pembebasan Bersyarat``, ``bebas murni`` (= ekspirasi), ..."""
    return pick(text, TYPES, TYPE_ALIASES, field="type", rule="release_type_unknown")


def is_pretrial(register_class: str) -> bool:
    """Tahanan (A.I to A.V) have not been sentenced."""
    return register_class.startswith("A.")


@dataclass(frozen=True)
class StayCase:
    """What the release rules need to know of a stay besides its dates."""

    register_class: str
    admitted_on: date
    fixed_term: bool        # a sentence in years, months and days (not life or death)
    remissions: int         # how many remissions are recorded


def check_release(release_type: str, on: date, stay: StayCase, dates: Milestones,
                  override: str | None, *, grace_days: int = 0,
                  cb_max_months: int = 18) -> list[Notice]:
    """Refuse a release the stay's dates do not allow (``Rejected``: nothing is written);
    return the warnings an allowed one deserves. ``override`` (a reason) lets a release
    come before its date, never before admission or for a stay without that date."""
    kind = parse_release_type(release_type)
    if on < stay.admitted_on:
        raise Invalid("on", on.isoformat(), "release_before_admission",
                      admitted=stay.admitted_on.isoformat())
    if kind not in NEEDS_SENTENCE:
        return []
    if is_pretrial(stay.register_class):
        raise Rejected("release_pretrial", type=kind, register_class=stay.register_class)
    if not stay.fixed_term:
        raise Rejected("release_no_fixed_term", type=kind)
    if kind == "remisi-bebas" and stay.remissions == 0:
        raise Rejected("remisi_bebas_no_remission")
    earliest, impossible = _earliest(kind, dates)
    if earliest is None:
        if not override:
            raise Rejected(impossible, months=cb_max_months)
        return []
    if on < earliest and not override:
        raise Rejected(f"{kind.replace('-', '_')}_too_early", eligible=earliest.isoformat())
    if kind == "ekspirasi" and dates.expiry is not None and \
            (on - dates.expiry).days > grace_days:
        return [Notice("release_late", expiry=dates.expiry.isoformat(),
                       days=(on - dates.expiry).days)]
    return []


def _earliest(kind: str, dates: Milestones) -> tuple[date | None, str]:
    """(the first day ``kind`` is allowed, the rule when there is no such day)."""
    return {
        "ekspirasi": (dates.expiry, "ekspirasi_too_early"),
        "remisi-bebas": (dates.expiry, "remisi_bebas_too_early"),
        "pb": (dates.pb_eligible, "pb_impossible"),
        "cb": (dates.cb_eligible, "cb_not_allowed"),
        "cmb": (dates.cmb, "cmb_impossible"),
    }[kind]
