"""Products made in training, their stock, and how a sale's revenue is shared.

A sale's revenue (quantity times unit price, in whole rupiah) is split by the shares in the
config: the makers' *premi*, the cooperative's share, and the rest to the state (PNBP).
**Rounding:** the premi and the cooperative's share are each rounded down to the rupiah;
PNBP takes what is left, so the three always add up to the revenue exactly.

The premi goes to the makers of the stock sold, oldest batch first (first in, first out):
each batch's part of the premi is in proportion to the units taken from it, and each
maker's part of a batch to their weight in it (``--share 60,40``; equal by default).
**Rounding:** every maker's exact part is worked out as a fraction; each gets it rounded
down, and the rupiah left over go one each to the largest fractional parts (ties: the maker
named first, oldest batch first), so the makers' parts add up to the premi exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from math import lcm
from typing import Sequence

from .errors import Invalid, Rejected
from .money import Rupiah
from .patterns import LazyPattern
from .words import pick

CHANNELS = ("koperasi", "pameran", "daring", "lainnya")
CHANNEL_ALIASES = {"cooperative": "koperasi", "kop": "koperasi", "exhibition": "pameran",
                   "bazar": "pameran", "expo": "pameran", "online": "daring",
                   "marketplace": "daring", "other": "lainnya", "lain": "lainnya"}
MAX_QTY = 1_000_000


def parse_channel(text: str) -> str:
    return pick(text, CHANNELS, CHANNEL_ALIASES, field="channel", rule="channel_unknown")


def parse_qty(text: object, *, field: str = "qty") -> int:
    """A quantity: a whole number of units from 1 (``40``, ``1.200``)."""
    if isinstance(text, bool) or isinstance(text, float):
        raise Invalid(field, text, "qty_whole")
    if isinstance(text, int):
        value = text
    else:
        cleaned = str(text).strip().replace(".", "") if re.fullmatch(
            r"\d{1,3}(\.\d{3})+", str(text).strip()) else str(text).strip()
        if not re.fullmatch(r"(?a)\d+", cleaned):
            raise Invalid(field, text, "qty_whole")
        value = int(cleaned)
    if not 1 <= value <= MAX_QTY:
        raise Invalid(field, text, "qty_range", maximum=MAX_QTY)
    return value


def parse_weights(text: str | None, makers: int) -> list[int]:
    """``--share 60,40``: whole weights, one per maker, in the makers' order; equal when
    not given."""
    if text in (None, ""):
        return [1] * makers
    parts = [p.strip() for p in str(text).replace(";", ",").split(",")]
    if len(parts) != makers or not all(re.fullmatch(r"(?a)\d+", p) for p in parts):
        raise Invalid("share", text, "share_per_maker", makers=makers)
    weights = [int(p) for p in parts]
    if any(w <= 0 for w in weights):
        raise Invalid("share", text, "share_per_maker", makers=makers)
    return weights


@dataclass(frozen=True)
class Product:
    """A product of the catalogue (config.yaml ``products``): made by the participants of
    ``track``, sold by the ``unit`` at a list ``price`` in whole rupiah."""

    code: str
    name: str
    unit: str
    track: str
    price: int

    def as_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "unit": self.unit, "track": self.track,
                "price": self.price}


@dataclass(frozen=True)
class Split:
    """How a sale's revenue is shared: the makers' premi and the cooperative's share; the
    rest goes to the state (PNBP)."""

    premi: Fraction
    cooperative: Fraction

    @property
    def pnbp(self) -> Fraction:
        return 1 - self.premi - self.cooperative

    @staticmethod
    def of(premi: object, cooperative: object) -> "Split":
        """From config values or stored texts (``0.5``, ``"1/2"``), exactly."""
        split = Split(_fraction(premi), _fraction(cooperative))
        if split.premi < 0 or split.cooperative < 0 or split.pnbp < 0:
            raise ValueError("shares must be from 0 and add up to at most 1")
        return split

    def as_dict(self) -> dict:
        return dict(self._texts)

    @cached_property
    def _texts(self) -> tuple[tuple[str, str], ...]:
        # worked out once: a file of sales asks it of the same split on every row
        return (("premi", _text(self.premi)), ("cooperative", _text(self.cooperative)),
                ("pnbp", _text(self.pnbp)))


# A share as a config or a file gives it: a decimal (any float's text: an exponent of
# three digits at most, as Fraction would work out 1e1000000000 digit by digit; a decimal
# comma, as Indonesian spreadsheets write it) or a fraction
_SHARE = LazyPattern(r"[+-]?([0-9]{1,20}([.,][0-9]{0,20})?|[.,][0-9]{1,20})"
                     r"([eE][+-]?[0-9]{1,3})?|[0-9]{1,20}/[0-9]{1,20}")


def _fraction(value: object) -> Fraction:
    if isinstance(value, Fraction):
        return value
    text = str(value).strip()        # a float's text: 0.2 is 1/5, not the float nearest it
    if not _SHARE.fullmatch(text):
        raise ValueError(f"not a share: {text[:40]!r}")
    return Fraction(text.replace(",", "."))


def _text(value: Fraction) -> str:
    """A share as a decimal when it is one (``0.5``), else as a fraction (``1/3``)."""
    for digits in range(0, 7):
        if value * 10 ** digits == int(value * 10 ** digits):
            return f"{float(value):.{max(digits, 1)}f}"
    return f"{value.numerator}/{value.denominator}"


def split_revenue(revenue: int, split: Split) -> tuple[int, int, int]:
    """(premi, cooperative, pnbp) in whole rupiah, adding up to ``revenue``: the first two
    rounded down, PNBP the rest."""
    premi = int(revenue * split.premi)          # Fraction -> int truncates: revenue >= 0
    cooperative = int(revenue * split.cooperative)
    return premi, cooperative, revenue - premi - cooperative


def fifo_takes(batches: Sequence[tuple[str, int]], qty: int) -> list[tuple[str, int]]:
    """Units taken from each batch, oldest first, for a sale of ``qty``: ``batches`` are
    (batch id, units left) in the order they were made. Refused when they hold too few."""
    left = sum(max(units, 0) for _, units in batches)
    if qty > left:
        raise Rejected("stock_short", qty=qty, stock=left)
    takes, wanted = [], qty
    for batch, units in batches:
        if wanted == 0:
            break
        take = min(max(units, 0), wanted)
        if take:
            takes.append((batch, take))
            wanted -= take
    return takes


def credit_makers(premi: int, takes: Sequence[tuple[str, int]],
                  makers: dict[str, Sequence[tuple[str, int]]]) -> list[tuple[str, int]]:
    """Each maker's premi for one sale, in whole rupiah, adding up to ``premi``: ``takes``
    (batch, units) oldest first, ``makers`` {batch: [(person, weight)]}. A maker of several
    batches of the sale gets one amount; the order is that of first appearance."""
    qty = sum(units for _, units in takes)
    totals = {batch: sum(w for _, w in makers[batch]) for batch, _ in takes}
    # Each exact share, premi x units/qty x weight/total, counted in 1/scale rupiah: one
    # denominator for all, so whole numbers do what fractions would, faster
    scale = qty * lcm(*totals.values())
    exact: dict[str, int] = {}
    for batch, units in takes:
        per_weight = premi * units * (scale // (qty * totals[batch]))
        for person, weight in makers[batch]:
            exact[person] = exact.get(person, 0) + per_weight * weight
    floors = {person: share // scale for person, share in exact.items()}
    spare = premi - sum(floors.values())
    order = list(exact)          # first appearance: oldest batch, maker named first
    by_remainder = sorted(range(len(order)), key=lambda i: (-(exact[order[i]] % scale), i))
    for i in by_remainder[:spare]:
        floors[order[i]] += 1
    return [(person, floors[person]) for person in order]


def check_payout(amount: int, balance: int) -> None:
    """A payout never exceeds what a person has been credited and not yet paid."""
    if amount > balance:
        raise Rejected("payout_above_balance", amount=Rupiah(amount), balance=Rupiah(balance))
