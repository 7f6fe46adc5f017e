"""``wbpctl release`` and ``wbpctl remission add``: what ends a stay and what shortens it."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .state import WhoArg, say, state, warn

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
        help="Record a release before the date its type allows (expiry, 2/3, CMB), with"
        " this reason (grasi, a court order); the reason is kept in the ledger.",
        show_default=False)] = None,
    to: Annotated[Optional[str], typer.Option(
        "--to", metavar="LAPAS", help="Where a transfer (pindah) goes: a Lapas code or name.",
        show_default=False)] = None,
) -> None:
    """End WHO's stay; their open custody-phase tracks end with reason 'released'.

    Each type is allowed from its date: ekspirasi from expiry (the sentence less the
    remissions recorded), remisi-bebas once remissions move expiry to the day, pb and cb
    from 2/3, cmb from its leave date; not before admission; ekspirasi, remisi-bebas, pb,
    cb and cmb never for a pre-trial (A.*) stay or a life or death sentence.

    Example: wbpctl release B.I-123/2025 --on 2026-01-10 --type pb
    """
    from ..services import stays

    done = stays.release(state(ctx).session(), who, on=on, release_type=release_type,
                         override=override, to=to)
    _said_released(ctx, done)


def _said_released(ctx: typer.Context, done: dict) -> None:
    say(ctx, "transferred_to" if done["to"] else "released", **done)
    warn(ctx, done["notices"])
    if done["ended_enrolments"]:
        say(ctx, "enrolments_ended", tracks=", ".join(done["ended_enrolments"]))


def revoke(
    ctx: typer.Context,
    who: WhoArg,
    on: Annotated[str, typer.Option("--on", metavar="DATE", help="Date of the revocation.")],
    reason: Annotated[str, typer.Option("--reason", metavar="REASON",
                                        help="Why (the breach of conditions, the decree).")],
) -> None:
    """Record that WHO's PB, CB or CMB was revoked (pencabutan): back to serve the rest of
    the same sentence. Recidivism counts it as a technical return, apart from a new
    offence.

    Example: wbpctl revoke B.I-123/2025 --on 2026-09-01 --reason "melanggar syarat wajib lapor"
    """
    from ..services import stays

    done = stays.revoke(state(ctx).session(), who, on=on, reason=reason)
    say(ctx, "revoked", **done)


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
    override: Annotated[Optional[str], typer.Option(
        "--override", metavar="REASON",
        help="Record a second RU or RK in one year (another holiday, a second decree), with"
        " this reason.", show_default=False)] = None,
    release: Annotated[bool, typer.Option(
        "--release", help="When the remission frees the person that day (remisi langsung"
        " bebas), record the release as remisi-bebas in the same step.")] = False,
) -> None:
    """Record a remission that was granted (wbpctl never invents one).

    A remission larger than what remains is recorded in full and frees the person on the
    day it is granted (remisi langsung bebas); expiry never moves before that day. RU and
    RK come once a year each.

    Example: wbpctl remission add B.I-123/2025 --on 17/08/2026 --kind RU --days 60
    """
    from ..services import stays

    done = stays.remission(state(ctx).session(), who, on=on, kind=kind, days=days,
                           suggest=suggest, override=override, release=release)
    if done["recorded"]:
        say(ctx, "remission_recorded", **done)
        if done["released"]:
            _said_released(ctx, done["released"])
        elif done["freed"]:
            say(ctx, "remission_frees", **done)
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
    if done["recorded"] and done["freed"]:
        say(ctx, "remission_frees", reg_no=who, **done)
