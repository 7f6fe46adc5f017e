"""``wbpctl log`` and ``wbpctl verify``: the history, and the proof it was not altered."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..domain.errors import Rejected
from .state import FormatOpt, OutputOpt, RevealOpt, say, show_rows, state


def log(
    ctx: typer.Context,
    who: Annotated[Optional[str], typer.Argument(
        metavar="[WHO]", help="Register number or NIK: that person's full processing history.",
        show_default=False)] = None,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", metavar="N",
        help="Only the last N events.", min=1, show_default=False)] = None,
    reveal: RevealOpt = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
) -> None:
    """List ledger events, oldest first; with WHO, everything recorded about that person.

    Example: wbpctl log B.I-123/2025 -f json
    """
    from ..services import history

    events = history.log(state(ctx).session(), who, limit=limit, reveal=reveal)
    show_rows(ctx, events, ("seq", "at", "actor", "kind", "subject", "payload"), fmt, output)


def verify(
    ctx: typer.Context,
    quick: Annotated[bool, typer.Option(
        "--quick", help="Check the hash chain only, without replaying (large ledgers).")
    ] = False,
) -> None:
    """Prove the ledger is sound: every hash, then a full replay against every table.

    Exits 0 when sound; 1 naming the first bad event (or table row) when not.

    Example: wbpctl verify
    """
    from ..services import history

    result = history.verify(state(ctx).session(), quick=quick)
    if result["ok"]:
        say(ctx, "verify_ok" if result["replayed"] else "verify_ok_quick",
            events=result["events"])
        return
    problem = result["problem"]
    if problem["kind"] == "chain":
        raise Rejected("verify_chain", seq=problem["seq"], detail=problem["detail"])
    raise Rejected("verify_projection", table=problem["table"], detail=problem["detail"])
