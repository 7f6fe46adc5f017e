"""``wbpctl assign | complete | drop``: the daily actions on training tracks."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .state import OnOpt, TrackArg, WhoArg, say, state



def _promoted(ctx: typer.Context, done: dict) -> None:
    for person in done["promoted"]:
        say(ctx, "promoted", name=person["name"], track=done["track"])


def assign(
    ctx: typer.Context,
    who: WhoArg,
    track: TrackArg,
    on: OnOpt = None,
    sponsor: Annotated[Optional[str], typer.Option(
        "--sponsor", metavar="TEXT",
        help="Who funds this place (donor, 'adopt a WBP').", show_default=False)
    ] = None,
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
    hours: Annotated[Optional[str], typer.Option(
        "--hours", metavar="HOURS",
        help="Hours attended (12.5 or 12,5).", show_default=False)] = None,
    result: Annotated[str, typer.Option(
        "--result", metavar="pass|fail",
        help="pass (lulus), or fail (tidak lulus, gagal: ends the enrolment without"
        " counting as completed)."
    )] = "pass",
    certificate: Annotated[Optional[str], typer.Option(
        "--certificate", metavar="NO", help="Certificate number (unique within the track).",
        show_default=False)] = None,
) -> None:
    """Record that WHO completed TRACK (for a service track: that it was delivered).

    Example: wbpctl complete B.I-123/2025 IKAN-AIRTAWAR --on 2025-12-20 --hours 40
    --certificate DISKAN/2025/017
    """
    from ..services import enrolments

    done = enrolments.complete(state(ctx).session(), who, track, on=on, hours=hours,
                               result=result, certificate=certificate)
    say(ctx, "delivered" if done["kind"] == "service" else "completed", **done)
    _promoted(ctx, done)


def drop(
    ctx: typer.Context,
    who: WhoArg,
    track: TrackArg,
    reason: Annotated[str, typer.Option(
        "--reason", metavar="REASON",
        help="released (bebas), transferred (pindah), withdrawn-own (mengundurkan diri),"
        " withdrawn-staff, health (sakit), security (keamanan), dismissed (dikeluarkan) or"
        " other (lain).")],
    on: OnOpt = None,
) -> None:
    """End WHO's place (or waitlist place) in TRACK; the first in line moves up.

    Example: wbpctl drop B.I-123/2025 IKAN-AIRTAWAR --reason health
    """
    from ..services import enrolments

    done = enrolments.drop(state(ctx).session(), who, track, reason=reason, on=on)
    say(ctx, "dropped", **done)
    _promoted(ctx, done)
