"""A sponsor's money: what was given for which purpose, what was spent from it, and what
is left.

Each cash donation has a purpose: a track (``track``), one person (``person``) or the
programme as a whole (``general``); the money waits in that purpose's *pool*. A cost a
sponsor funds draws, in the order the costs were recorded, first from the most specific
pool it may use, then from the general one:

* a cost for one person's place: that person's pool, then the track's, then general;
* a cost of a track: the track's pool, then general.

A gift in kind (``50 bibit lele``) counts at its value as donated, never as money to
spend: the goods were given, not the cash. A cost larger than the pools it may use is an
overspend: refused unless recorded with a reason, and then the shortfall is carried by its
first pool (which goes below zero, so a report shows it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

GENERAL = ("general", None)
Pool = tuple[str, str | None]      # ("track", "OLAH-MADU"), ("person", uid), ("general", None)


@dataclass(frozen=True)
class Gift:
    """A cash donation: its purpose and amount (in-kind gifts never enter a pool)."""

    purpose: str                   # track, person or general
    target: str | None             # the track code or the person's uid
    amount: int


@dataclass(frozen=True)
class Cost:
    """Spending funded by the sponsor, in the order it was recorded."""

    track: str
    person: str | None
    amount: int


def pool_of(gift: Gift) -> Pool:
    return GENERAL if gift.purpose == "general" else (gift.purpose, gift.target)


def draw_order(cost: Cost) -> list[Pool]:
    """The pools a cost may use, most specific first."""
    order: list[Pool] = [("person", cost.person)] if cost.person else []
    return [*order, ("track", cost.track), GENERAL]


def balances(gifts: Iterable[Gift], costs: Iterable[Cost]) -> dict[Pool, int]:
    """What is left in each pool after every cost drew from it (below zero: overspent)."""
    pools: dict[Pool, int] = {}
    for gift in gifts:
        pools[pool_of(gift)] = pools.get(pool_of(gift), 0) + gift.amount
    for cost in costs:
        _draw(pools, cost)
    return pools


def _draw(pools: dict[Pool, int], cost: Cost) -> None:
    order = draw_order(cost)
    left = cost.amount
    for pool in order:
        take = min(max(pools.get(pool, 0), 0), left)
        if take:
            pools[pool] = pools.get(pool, 0) - take
            left -= take
    if left:
        pools[order[0]] = pools.get(order[0], 0) - left


def available(pools: dict[Pool, int], cost: Cost) -> int:
    """How much of a cost the pools it may use can carry."""
    return sum(max(pools.get(pool, 0), 0) for pool in draw_order(cost))


def shortfall(gifts: Iterable[Gift], costs: Iterable[Cost], cost: Cost) -> int:
    """By how much ``cost``, recorded after ``costs``, would overspend (0: it fits)."""
    return max(cost.amount - available(balances(gifts, costs), cost), 0)


def overdrawn(pools: dict[Pool, int]) -> dict[Pool, int]:
    """The pools below zero (after a donation is voided or lowered, say)."""
    return {pool: amount for pool, amount in pools.items() if amount < 0}


def total(pools: dict[Pool, int]) -> int:
    return sum(pools.values())


def per_completion(spent: int, completed: int) -> int | None:
    """Spending over completions in whole rupiah, half a rupiah rounded up; None when
    nothing was completed (a cost with nothing yet to show for it)."""
    if completed <= 0:
        return None
    return (2 * spent + completed) // (2 * completed)
