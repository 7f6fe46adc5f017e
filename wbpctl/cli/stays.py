"""``wbpctl release`` and ``wbpctl remission add``: what ends a stay and what shortens it."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .state import WhoArg, say, state

remission_app = typer.Typer(help="Record and correct remissions (remisi) granted.",
                            no_args_is_help=True,
                            rich_markup_mode=None)
GrantedOnOpt = Annotated[str, typer.Option("--on", metavar="DATE",
                                           help="Date the remission was granted.")]
KindOpt = Annotated[str, typer.Option("--kind", metavar="RU|RK|other",
                                      help="RU (remisi umum, 17 August), RK (remisi khusus,"
                                      " religious holiday) or other.")]
_DAYS_HELP = "Days granted: 60, or as the decree says it, '2 bulan', '1 bulan 15 hari'."


def release(
    ctx: typer.Context,
    who: WhoArg,
    on: Annotated[str, typer.Option("--on", metavar="DATE", help="Date of release.")],
    release_type: Annotated[str, typer.Option(
        "--type", metavar="TYPE",
        help="ekspirasi (bebas murni), pb (pembebasan bersyarat), cb (cuti bersyarat), cmb"
        " (cuti menjelang bebas), bebas-demi-hukum, remisi-bebas, pindah (transfer) or"
        " meninggal (death); any case.")],
    override: Annotated[Optional[str], typer.Option(
        "--override", metavar="REASON",
        help="Record a pb/cb release the dates do not allow, with this reason.",
        show_default=False)] = None,
) -> None:
    """End WHO's stay; their open custody-phase tracks end with reason 'released'.

    Example: wbpctl release B.I-123/2025 --on 2026-01-10 --type pb
    """
    from ..services import stays

    done = stays.release(state(ctx).session(), who, on=on, release_type=release_type,
                         override=override)
    say(ctx, "released", **done)
    if done["ended_enrolments"]:
        say(ctx, "enrolments_ended", tracks=", ".join(done["ended_enrolments"]))


@remission_app.command("add")
def add(
    ctx: typer.Context,
    who: WhoArg,
    on: GrantedOnOpt,
    kind: KindOpt,
    days: Annotated[Optional[str], typer.Option("--days", metavar="N", help=_DAYS_HELP,
                                                show_default=False)] = None,
    suggest: Annotated[bool, typer.Option(
        "--suggest", help="Only print what the remission table gives; record nothing.")] = False,
) -> None:
    """Record a remission that was granted (wbpctl never invents one).

    Example: wbpctl remission add B.I-123/2025 --on 17/08/2026 --kind RU --days 60
    """
    from ..services import stays

    done = stays.remission(state(ctx).session(), who, on=on, kind=kind, days=days,
                           suggest=suggest)
    if done["recorded"]:
        say(ctx, "remission_recorded", **done)
    else:
        say(ctx, "remission_suggested", **done)
        typer.echo(str(done["suggested_days"]))


@remission_app.command("edit")
def edit(
    ctx: typer.Context,
    who: WhoArg,
    on: GrantedOnOpt,
    kind: KindOpt,
    days: Annotated[str, typer.Option("--days", metavar="N", help=_DAYS_HELP)],
) -> None:
    """Correct the days of a remission already recorded; the old value stays in the ledger.

    Example: wbpctl remission edit B.I-123/2025 --on 17/08/2026 --kind RU --days 30
    """
    from ..services import stays

    done = stays.correct_remission(state(ctx).session(), who, on=on, kind=kind, days=days)
    say(ctx, "remission_corrected" if done["recorded"] else "nothing_to_correct", **done)
