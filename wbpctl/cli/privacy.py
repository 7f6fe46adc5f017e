"""``wbpctl privacy``: the database's own privacy policy, kept in the ledger."""

from __future__ import annotations

from typing import Annotated

import typer

from .state import FormatOpt, OutputOpt, say, show_rows, state

app = typer.Typer(help="The database's privacy policy: whether NIKs are masked.",
                  no_args_is_help=True, rich_markup_mode=None)


@app.command("show")
def show(ctx: typer.Context, fmt: FormatOpt = None, output: OutputOpt = None) -> None:
    """Show the policy as the ledger records it: each setting, and who set it, when and
    why (mask-nik is on until someone records otherwise).

    Example: wbpctl privacy show
    """
    from ..services import privacy

    show_rows(ctx, privacy.policy(state(ctx).session()),
              ("setting", "value", "seq", "at", "actor", "reason"), fmt, output)


@app.command("set")
def set_(
    ctx: typer.Context,
    setting: Annotated[str, typer.Argument(metavar="SETTING", help="mask-nik")],
    value: Annotated[str, typer.Argument(metavar="on|off", help="on: NIKs masked"
                                         " (1506********0003) unless --reveal; off: the"
                                         " database allows unmasked NIKs.")],
    reason: Annotated[str, typer.Option(
        "--reason", metavar="REASON", help="Why (recorded in the ledger with who set it).")],
) -> None:
    """Record the database's privacy policy as an event of the ledger. With mask-nik off,
    a config saying 'privacy: mask_nik: false' shows NIKs unmasked (each showing recorded
    as an access); with mask-nik on (the default), such a config is refused. A config can
    always mask more than the database asks, never less.

    Example: wbpctl privacy set mask-nik off --reason "Disdukcapil data matching, SK 12/2026"
    """
    from ..services import privacy

    done = privacy.set_policy(state(ctx).session(), setting, value, reason=reason)
    say(ctx, "privacy_set", **done)
