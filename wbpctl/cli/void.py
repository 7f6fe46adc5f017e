"""``wbpctl void``: cancel what was entered in error, keeping it in the ledger."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..render.messages import value_word
from .state import WhoArg, say, state


def void(
    ctx: typer.Context,
    who: WhoArg,
    what: Annotated[str, typer.Argument(
        metavar="TRACK|release|remission",
        help="A track (code or name): its assignment, completion or drop on DATE;"
        " 'release'; or 'remission'.", show_default=False)],
    on: Annotated[str, typer.Option(
        "--on", metavar="DATE", help="The date of the act to cancel (the day it happened).")],
    reason: Annotated[str, typer.Option(
        "--reason", metavar="REASON", help="Why it is void (kept in the ledger).")],
    kind: Annotated[Optional[str], typer.Option(
        "--kind", metavar="RU|RK|other",
        help="Which remission, when several were granted that day.", show_default=False)
    ] = None,
) -> None:
    """Cancel an assignment, completion, drop, release or remission as if it had never
    happened. The act and the void stay in the ledger ('wbpctl log'); reports and rates
    no longer count it; a place it freed goes to the first in line. Only the latest act
    of a place can be voided (the completion before the assignment), a release only while
    it is the latest, and a remission only while the stay is not released.

    Example: wbpctl void B.I-123/2025 IKAN-AIRTAWAR --on 2026-03-01 --reason "salah orang"
    """
    from ..services import voids

    done = voids.void(state(ctx).session(), who, what, on=on, reason=reason, kind=kind)
    lang = state(ctx).lang
    what_text = value_word(done["what"], lang)
    if done.get("track"):
        what_text += f" {done['track']}"
    say(ctx, "voided", **{**done, "what": what_text})
    if done.get("restored"):
        say(ctx, "voided_restored", tracks=", ".join(done["restored"]))
    for moved in done.get("promoted", []):
        say(ctx, "promoted", name=moved["name"], track=done["track"])
