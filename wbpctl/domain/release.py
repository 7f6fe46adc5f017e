"""Release types and what each one allows."""

from __future__ import annotations

from datetime import date

from .errors import Rejected
from .milestones import Milestones
from .words import pick

TYPES = ("ekspirasi", "pb", "cb", "cmb", "bebas-demi-hukum", "remisi-bebas", "pindah",
         "meninggal")
INTO_COMMUNITY = TYPES[:6]  # pindah and meninggal do not release anyone into the community
TYPE_ALIASES = {"bebas-murni": "ekspirasi", "expiry": "ekspirasi",
                "pembebasan-bersyarat": "pb", "cuti-bersyarat": "cb",
                "cuti-menjelang-bebas": "cmb", "transfer": "pindah", "wafat": "meninggal"}


def parse_release_type(text: str) -> str:
    """``pb``, ``PB``, ``Pembebasan Bersyarat``, ``bebas murni`` (= ekspirasi), ..."""
    return pick(text, TYPES, TYPE_ALIASES, field="type", rule="release_type_unknown")


def check_release(release_type: str, on: date, dates: Milestones, override: str | None) -> None:
    """PB needs the PB-eligible date reached (and PB possible); CB must be allowed at all."""
    release_type = parse_release_type(release_type)
    if override:
        return
    if release_type == "pb":
        if dates.pb_eligible is None:
            raise Rejected("pb_impossible")
        if on < dates.pb_eligible:
            raise Rejected("pb_too_early", eligible=dates.pb_eligible.isoformat())
    if release_type == "cb":
        if dates.cb_eligible is None:
            raise Rejected("cb_not_allowed")
        if on < dates.cb_eligible:
            raise Rejected("cb_too_early", eligible=dates.cb_eligible.isoformat())
