"""``wbpctl bundle``, ``merge`` and ``person matches|link``: the ledgers of several Lapas in
one, as the regional office (Kanwil) keeps them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .state import FormatOpt, OutputOpt, checked_output, say, show_rows, state

person_app = typer.Typer(help="The records of one person across merged Lapas.",
                         no_args_is_help=True)


def bundle(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option(
        "--output", "-o", metavar="FILE", help="The bundle to write (ktl-2026-11.wbpb):"
        " made beside it, owner-only, renamed into place when whole; never the database.",
        callback=checked_output, show_default=False)],
    since: Annotated[Optional[str], typer.Option(
        "--since", metavar="HEAD", help="Only the events after this head (as a report or"
        " the last bundle printed it: KTL#5120:3f9a2c71); default: all.",
        show_default=False)] = None,
) -> None:
    """Write this Lapas's events (after --since HEAD, else all) as one compressed,
    self-checking file for an office without a network: it names the head it continues
    and the head it ends at, and 'wbpctl merge' recomputes every hash between them.

    Example: wbpctl bundle --since KTL#5120:3f9a2c71 -o ktl-2026-11.wbpb
    """
    from ..services import federation

    if output is None:
        raise typer.BadParameter("is needed", param_hint="--output")
    done = federation.bundle(state(ctx).session(), output, since)
    say(ctx, "bundle_written", path=done.path, events=done.events, after=done.after,
        head=done.head)


def merge(
    ctx: typer.Context,
    sources: Annotated[list[Path], typer.Argument(
        metavar="FILE|DB...", help="Bundles (.wbpb) or ledger files of other Lapas.",
        show_default=False)],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
) -> None:
    """Take in other Lapas's events from bundles or ledger files, all or nothing.

    Each Lapas keeps its own chain here, every link checked; this Lapas's chain gains one
    event per merge (and one per NIK found in two Lapas: the same person). Bundles may
    come in any order as long as each continues what is merged already; a second merge
    of the same bundle writes nothing. A bundle that was altered, a gap, or a Lapas whose
    ledger was rewritten after what is merged (a fork) is refused, nothing written.

    Example: wbpctl merge ktl-2026-10.wbpb ktl-2026-11.wbpb /srv/jmb/wbp.db
    """
    from ..services import federation

    done = federation.merge(state(ctx).session(), sources)
    if not done.wrote:
        say(ctx, "merge_nothing_new", held=", ".join(
            f"{a['lapas']}#{a['upto']}" for a in done.already) or "-")
    rows = [{"lapas": t["lapas"], "first": t["from"], "last": t["to"], "events": t["events"],
             "head": t["head"]} for t in done.taken]
    if rows or fmt is not None or output is not None:
        show_rows(ctx, rows, ["lapas", "first", "last", "events", "head"], fmt, output)
    if done.links:
        say(ctx, "merge_linked", count=len(done.links))


@person_app.command("matches")
def matches(ctx: typer.Context, fmt: FormatOpt = None, output: OutputOpt = None) -> None:
    """Records that are likely one person but are not linked: the same name (accents,
    case and word order aside) and birth date, one of them without a NIK, each named by
    its Lapas and register number (and uid). Link them with 'wbpctl person link A B
    --reason R' once someone has checked.

    Example: wbpctl person matches -f csv -o kandidat.csv
    """
    from ..services import federation

    session = state(ctx).session()
    rows = [{"a": federation.record_key(session, m.a), "a_name": m.a.name,
             "b": federation.record_key(session, m.b), "b_name": m.b.name,
             "birth_date": m.a.birth_date, "a_lapas": m.a.lapas, "b_lapas": m.b.lapas,
             "a_uid": m.a.uid, "b_uid": m.b.uid}
            for m in federation.matches(session)]
    show_rows(ctx, rows, ["a", "a_name", "b", "b_name", "birth_date", "a_lapas", "b_lapas",
                          "a_uid", "b_uid"], fmt, output)


@person_app.command("link")
def link(
    ctx: typer.Context,
    first: Annotated[str, typer.Argument(metavar="A", help="One record: a uid (as 'person"
                     " matches' shows it), a NIK, or a register number (JMB:B.I-5/2025 for"
                     " another Lapas's).", show_default=False)],
    second: Annotated[str, typer.Argument(metavar="B", help="The other record, the same way.",
                                          show_default=False)],
    reason: Annotated[Optional[str], typer.Option(
        "--reason", metavar="TEXT", help="Why they are one person (who checked, on what).",
        show_default=False)] = None,
) -> None:
    """Record that two records are one person (an event of this ledger; neither record
    changes): recidivism then counts a readmission in either Lapas, and 'log' of either
    shows both.

    Example: wbpctl person link JMB:B.I-5/2026 B.I-123/2025 --reason "foto dan sidik jari cocok"
    """
    from ..services import federation

    a, b = federation.link(state(ctx).session(), first, second, reason)
    say(ctx, "person_linked", a=f"{a.name} ({a.lapas})", b=f"{b.name} ({b.lapas})")
