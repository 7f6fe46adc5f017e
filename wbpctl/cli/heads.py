"""``wbpctl head``: the ledger head that reports print and checkpoints keep."""

from __future__ import annotations

import typer

from .state import FormatOpt, OutputOpt, choose_format, state


def _show(ctx: typer.Context, record: dict, fmt, output) -> None:
    from ..render.heads import render_head
    from ..render.output import emit

    chosen = choose_format(fmt, output, ("table", "json", "csv", "markdown"))
    emit(render_head(record, chosen, state(ctx).lang), output)


def head(ctx: typer.Context, fmt: FormatOpt = None, output: OutputOpt = None) -> None:
    """Print the ledger head: the Lapas, how many events (seq), the hash of the last one
    (which covers every event before it) and its time. Every report ends with it in short
    form (KTL#5120:3f9a2c71); -f json gives the full hash.

    Example: wbpctl head -f json
    """
    from ..render.heads import head_record
    from ..services import heads

    _show(ctx, head_record(heads.current(state(ctx).session())), fmt, output)
