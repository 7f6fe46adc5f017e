"""``wbpctl assign | complete | drop``: the daily actions on training tracks; and
``wbpctl enrolment edit`` to correct what was recorded."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..render.messages import value_word
from .state import OnOpt, TrackArg, WhoArg, say, state

SponsorOpt = Annotated[Optional[str], typer.Option(
    "--sponsor", metavar="TEXT", help="Who funds this place (donor, 'adopt a WBP').",
    show_default=False)]
HoursOpt = Annotated[Optional[str], typer.Option(
    "--hours", metavar="HOURS", help="Hours attended (12.5 or 12,5).", show_default=False)]
CertificateOpt = Annotated[Optional[str], typer.Option(
    "--certificate", metavar="NO", help="Certificate number (unique within the track).",
    show_default=False)]
_RESULT_HELP = ("pass (lulus), or fail (tidak lulus, gagal: ends the enrolment without"
                " counting as completed).")
_REASON_HELP = ("released (bebas), transferred (pindah), withdrawn-own (mengundurkan diri),"
                " withdrawn-staff, health (sakit), security (keamanan), dismissed (dikeluarkan)"
                " or other (lain).")

app = typer.Typer(help="Correct what was recorded of a place in a training track.",
                  no_args_is_help=True, rich_markup_mode=None)


def _promoted(ctx: typer.Context, done: dict) -> None:
    for person in done["promoted"]:
        say(ctx, "promoted", name=person["name"], track=done["track"])


def assign(
    ctx: typer.Context,
    who: WhoArg,
    track: TrackArg,
    on: OnOpt = None,
    sponsor: SponsorOpt = None,
) -> None:
    """Assign WHO to TRACK; a full track puts them on its waitlist.

    Example: wbpctl assign B.I-123/2025 IKAN-AIRTAWAR --on 2025-10-08
    """
    from ..services import enrolments

    done = enrolments.assign(state(ctx).session(), who, track, on=on, sponsor=sponsor)
    _promoted(ctx, done)
    if done["status"] == "active":
        say(ctx, "assigned", **done)
    else:
        say(ctx, "waitlisted", **done)


def complete(
    ctx: typer.Context,
    who: WhoArg,
    track: TrackArg,
    on: OnOpt = None,
    hours: HoursOpt = None,
    result: Annotated[str, typer.Option("--result", metavar="pass|fail", help=_RESULT_HELP)
                      ] = "pass",
    certificate: CertificateOpt = None,
) -> None:
    """Record that WHO completed TRACK (for a service track: that it was delivered).

    Example: wbpctl complete B.I-123/2025 IKAN-AIRTAWAR --on 2025-12-20 --hours 40
    --certificate DISKAN/2025/017
    """
    from ..services import enrolments

    done = enrolments.complete(state(ctx).session(), who, track, on=on, hours=hours,
                               result=result, certificate=certificate)
    say(ctx, "delivered" if done["kind"] == "service" else "completed",
        **{**done, "result": value_word(done["result"], state(ctx).lang)})
    _promoted(ctx, done)


def drop(
    ctx: typer.Context,
    who: WhoArg,
    track: TrackArg,
    reason: Annotated[str, typer.Option("--reason", metavar="REASON", help=_REASON_HELP)],
    on: OnOpt = None,
) -> None:
    """End WHO's place (or waitlist place) in TRACK; the first in line moves up.

    Example: wbpctl drop B.I-123/2025 IKAN-AIRTAWAR --reason health
    """
    from ..services import enrolments

    done = enrolments.drop(state(ctx).session(), who, track, reason=reason, on=on)
    say(ctx, "dropped", **done)
    _promoted(ctx, done)


@app.command("edit")
def edit(
    ctx: typer.Context,
    who: WhoArg,
    track: TrackArg,
    on: Annotated[Optional[str], typer.Option(
        "--on", metavar="DATE", help="The day the place began or ended (default: the latest"
        " place in TRACK).", show_default=False)] = None,
    sponsor: SponsorOpt = None,
    hours: HoursOpt = None,
    result: Annotated[Optional[str], typer.Option(
        "--result", metavar="pass|fail", help=_RESULT_HELP, show_default=False)] = None,
    certificate: CertificateOpt = None,
    reason: Annotated[Optional[str], typer.Option(
        "--reason", metavar="REASON", help="Why they left (a drop): " + _REASON_HELP,
        show_default=False)] = None,
) -> None:
    """Correct WHO's place in TRACK: its sponsor; the hours, result and certificate of a
    completion; the reason of a drop. The old values stay in the ledger.

    Example: wbpctl enrolment edit B.I-123/2025 IKAN-AIRTAWAR --hours 45
    """
    from ..services import enrolments

    done = enrolments.correct(state(ctx).session(), who, track, on=on, sponsor=sponsor,
                              hours=hours, result=result, certificate=certificate,
                              reason=reason)
    if done["changes"]:
        say(ctx, "enrolment_corrected", name=done["name"], track=done["track"],
            changed=", ".join(f"{k} {v}" for k, v in done["changes"].items()))
    else:
        say(ctx, "nothing_to_correct", name=done["name"])
