"""``wbpctl log`` and ``wbpctl verify``: the history, and the proof it was not altered."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .state import (ExcelOpt, FormatOpt, NlOpt, OutputOpt, RawCellsOpt, RevealOpt, choose_format,
                    say, show_rows, state)


def log(
    ctx: typer.Context,
    who: Annotated[Optional[str], typer.Argument(
        metavar="[WHO]", help="Register number or NIK: that person's full processing history.",
        show_default=False)] = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", metavar="DATE", help="Only events recorded on or after DATE (UTC day).",
        show_default=False)] = None,
    until: Annotated[Optional[str], typer.Option(
        "--until", metavar="DATE", help="Only events recorded before DATE (UTC day).",
        show_default=False)] = None,
    actor: Annotated[Optional[str], typer.Option(
        "--actor", metavar="NAME", help="Only what NAME recorded.", show_default=False)
    ] = None,
    kind: Annotated[Optional[str], typer.Option(
        "--kind", metavar="KIND", help="Only events of KIND, as the log words it (released,"
        " bebas) or as JSON names it (stay.released), or of a part (stay, enrolment,"
        " remission, person).", show_default=False)] = None,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", metavar="N",
        help="Only the last N events.", min=1, max=10**9, show_default=False)] = None,
    reveal: RevealOpt = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    nl: NlOpt = False,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """List ledger events, oldest first: when, who acted, what happened and to whom, in
    words; with WHO, everything recorded about that person. Streams: the first line comes
    at once however long the ledger. -f json (or --nl) keeps every field of every event.

    Example: wbpctl log B.I-123/2025 --since 2026-01-01
    """
    from ..render.events import READABLE, readable
    from ..services import history

    from ..render.events import kind_named

    events = history.log(state(ctx).session(), who, limit=limit, reveal=reveal, since=since,
                         until=until, actor=actor, kind=kind_named(kind) if kind else None)
    chosen = choose_format(fmt, output, ("table", "json", "csv", "markdown", "xlsx"))
    if chosen in ("table", "markdown") and not nl:
        lang = state(ctx).lang
        show_rows(ctx, (readable(e, lang) for e in events), READABLE, fmt, output)
        return
    show_rows(ctx, events, ("seq", "at", "actor", "kind", "subject", "payload"), fmt, output,
              excel=excel, nl=nl)


def verify(
    ctx: typer.Context,
    quick: Annotated[bool, typer.Option(
        "--quick", help="Check the hash chain only, without replaying (large ledgers).")
    ] = False,
    head: Annotated[Optional[str], typer.Option(
        "--head", metavar="HEAD",
        help="Also prove this head is in the ledger: as printed on a report"
        " (KTL#5120:3f9a2c71), or a full hash.", show_default=False)] = None,
    heads_file: Annotated[Optional[Path], typer.Option(
        "--heads", metavar="FILE",
        help="Check the heads in FILE (a copy of the checkpoint file kept elsewhere)"
        " instead of <db>.heads beside the database.", show_default=False)] = None,
    public_key: Annotated[Optional[Path], typer.Option(
        "--public-key", metavar="FILE",
        help="Check the checkpoints' signatures with this Ed25519 public key (default: the"
        " .pub beside signing_key in the config; with neither, signatures are not"
        " checked).", show_default=False)] = None,
) -> None:
    """Prove the ledger is sound: every hash, then a full replay against every table; then
    that it still holds every head kept in the checkpoint file (<db>.heads, when there is
    one, or --heads FILE) and the --head given. A ledger rewritten with recomputed hashes
    passes the first part; only heads kept outside it show the rewrite.

    With a public key (--public-key, or signing_key in the config) every checkpoint line
    must carry a good Ed25519 signature.

    Exits 0 when all holds; 1 naming the first bad event, table row, head or signature.

    Example: wbpctl verify --heads /mnt/kanwil/wbp.db.heads
    """
    from ..services import history

    result = history.verify(state(ctx).session(), quick=quick, head=head,
                            heads_file=heads_file, public_key=public_key)
    say(ctx, "verify_ok" if result["replayed"] else "verify_ok_quick", events=result["events"])
    if result["head"] is not None:
        say(ctx, "head_ok", head=result["head"])
    kept = result["checkpoints"]
    if kept is None:
        return
    if kept["checked_with"] is not None:
        say(ctx, "checkpoints_ok_signed", count=kept["count"], file=kept["file"],
            key=kept["checked_with"])
    elif kept["signed"]:
        say(ctx, "checkpoints_ok_unchecked", count=kept["count"], file=kept["file"],
            signed=kept["signed"])
    else:
        say(ctx, "checkpoints_ok", count=kept["count"], file=kept["file"])
