"""Release types and what each one allows."""

from __future__ import annotations

from datetime import date

from .errors import Invalid, Rejected
from .milestones import Milestones

TYPES = ("ekspirasi", "pb", "cb", "cmb", "bebas-demi-hukum", "remisi-bebas", "pindah",
         "meninggal")
INTO_COMMUNITY = TYPES[:6]  # pindah and meninggal do not release anyone into the community


def check_release(release_type: str, on: date, dates: Milestones, override: str | None) -> None:
    """PB needs the PB-eligible date reached (and PB possible); CB must be allowed at all."""
    if release_type not in TYPES:
        raise Invalid("type", release_type, "release_type_unknown", choices=", ".join(TYPES))
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
