"""``wbpctl opd list`` and ``wbpctl track list | show``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..render.sections import Section
from .state import (ExcelOpt, FormatOpt, NlOpt, OutputOpt, RawCellsOpt, TrackArg, show_record,
                    show_rows, state)

opd_app = typer.Typer(help="The regency agencies (OPD) that deliver the tracks.",
                      no_args_is_help=True, rich_markup_mode=None)
track_app = typer.Typer(help="Training and service tracks, their places and waitlists.",
                        no_args_is_help=True, rich_markup_mode=None)

# the least needed on the right: a narrow terminal leaves those out first
TRACK_COLUMNS = ("code", "name", "capacity", "active", "waiting", "completed", "opd", "kind",
                 "phase")
ROSTER_SECTIONS = (
    Section("h_track", None, ("code", "opd", "name", "kind", "phase", "capacity")),
    Section("s_active", "active", ("reg_no", "name", "assigned_on", "sponsor")),
    Section("s_waitlist", "waitlist", ("waitlist_position", "reg_no", "name", "requested_on")),
    Section("s_recent", "recent_completions", ("reg_no", "name", "completed_on", "hours",
                                                "certificate")),
)


@opd_app.command("list")
def opd_list(ctx: typer.Context, fmt: FormatOpt = None, output: OutputOpt = None) -> None:
    """List the OPDs and how many tracks each runs.

    Example: wbpctl opd list -f json
    """
    from ..services import tracks

    show_rows(ctx, tracks.list_opds(state(ctx).session()), ("code", "name", "tracks"), fmt,
              output)


@track_app.command("list")
def track_list(
    ctx: typer.Context,
    opd: Annotated[Optional[str], typer.Option("--opd", metavar="OPD",
                                               help="Only this OPD's tracks.",
                                               show_default=False)] = None,
    phase: Annotated[Optional[str], typer.Option(
        "--phase", metavar="PHASE",
        help="custody, post-release or any.", show_default=False)] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    nl: NlOpt = False,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """List tracks: capacity, active, waiting and completed to date.

    Example: wbpctl track list --opd DISKOPERINDAG
    """
    from ..services import tracks

    rows = tracks.list_tracks(state(ctx).session(), opd=opd,
                              phase=phase)
    show_rows(ctx, rows, TRACK_COLUMNS, fmt, output, excel=excel, nl=nl)


@track_app.command("show")
def track_show(
    ctx: typer.Context,
    track: TrackArg,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """Show a track's roster: active places, the waitlist in order, recent completions.

    Example: wbpctl track show OLAH-MADU
    """
    from ..services import tracks

    record = tracks.show_track(state(ctx).session(), track)
    show_record(ctx, record, ROSTER_SECTIONS, fmt, output, excel=excel)
