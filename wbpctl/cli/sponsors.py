"""``wbpctl sponsor | donation | adopt | spend``: who gives, what came in, whom they support,
and what was spent."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..render.sections import Section
from .state import (ExcelOpt, FormatOpt, OutputOpt, RawCellsOpt, WhoArg, say, show_record,
                    show_rows, state, warn)

sponsor_app = typer.Typer(help="The sponsors (donatur): register, list, show and correct.",
                          no_args_is_help=True, rich_markup_mode=None)
donation_app = typer.Typer(help="Donations: record, list, correct and void.",
                           no_args_is_help=True, rich_markup_mode=None)

SponsorArg = Annotated[str, typer.Argument(
    metavar="SPONSOR", help="Sponsor code (YAYASAN-PEDULI, any case) or its name as"
    " 'wbpctl sponsor list' shows it.", show_default=False)]
DonationArg = Annotated[str, typer.Argument(
    metavar="DONATION", help="The receipt number (--ref), or the number 'wbpctl donation"
    " list' shows.", show_default=False)]
KindOpt = Annotated[Optional[str], typer.Option(
    "--kind", metavar="KIND", help="perorangan (individual), perusahaan (company),"
    " lembaga (foundation, institution) or pemerintah (government).", show_default=False)]
ContactOpt = Annotated[Optional[str], typer.Option(
    "--contact", metavar="TEXT", help="Phone or address (personal data: masked in listings,"
    " shown with --reveal, which is recorded).", show_default=False)]
DateOpt = Annotated[Optional[str], typer.Option(
    "--on", metavar="DATE", help="Date received (default today).", show_default=False)]
AmountOpt = Annotated[Optional[str], typer.Option(
    "--amount", metavar="RUPIAH", help="Cash in whole rupiah: 5.000.000, 5000000, 'Rp 5"
    " juta', '1,2 juta', '750 ribu'.", show_default=False)]
InKindOpt = Annotated[Optional[str], typer.Option(
    "--in-kind", metavar="TEXT", help="Goods given instead of cash ('50 bibit lele'), with"
    " --value.", show_default=False)]
ValueOpt = Annotated[Optional[str], typer.Option(
    "--value", metavar="RUPIAH", help="What the goods are worth, in rupiah.",
    show_default=False)]
ForTrackOpt = Annotated[Optional[str], typer.Option(
    "--for-track", metavar="TRACK", help="For one track (its seats, materials).",
    show_default=False)]
ForWhoOpt = Annotated[Optional[str], typer.Option(
    "--for", metavar="WHO", help="For one person (register number or NIK).",
    show_default=False)]
GeneralOpt = Annotated[bool, typer.Option(
    "--general", help="For the programme as a whole (the default when no purpose is"
    " given).")]
RefOpt = Annotated[Optional[str], typer.Option(
    "--ref", metavar="NO", help="Receipt or transfer number (unique).", show_default=False)]

# a narrow terminal leaves out the columns from the right: the money stays
SPONSOR_COLUMNS = ("code", "name", "donated", "balance", "seats", "adopted", "kind", "contact")
# a void and goods come before the purpose: a narrow terminal must not show them as cash
DONATION_COLUMNS = ("id", "sponsor", "received_on", "amount", "voided_on", "in_kind",
                    "purpose", "for", "ref")
SHOW_SECTIONS = (
    Section("s_sponsor", None, ("code", "name", "kind", "contact", "donated_cash",
                                "donated_in_kind", "spent", "balance", "seats")),
    Section("s_donations", "donations", ("id", "received_on", "amount", "in_kind", "purpose",
                                         "for", "ref", "voided_on", "void_reason")),
    Section("s_spending", "spending", ("spent_on", "track", "amount", "what", "for", "ref",
                                       "override")),
    Section("s_adoptions", "adoptions", ("reg_no", "name", "from", "until", "consent",
                                         "status")),
    Section("s_balances", "balances", ("purpose", "for", "balance")),
)


@sponsor_app.command("add")
def sponsor_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", metavar="NAME", help="The sponsor's name.")],
    kind: Annotated[str, typer.Option(
        "--kind", metavar="KIND", help="perorangan (individual), perusahaan (company),"
        " lembaga (foundation, institution) or pemerintah (government).")],
    contact: ContactOpt = None,
    code: Annotated[Optional[str], typer.Option(
        "--code", metavar="CODE", help="The code to type (default: made from the name,"
        " YAYASAN-PEDULI-JAMBI).", show_default=False)] = None,
) -> None:
    """Register a sponsor: a person, company, foundation or government office that
    donates or adopts a WBP.

    Example: wbpctl sponsor add --name "Yayasan Peduli Jambi" --kind lembaga
    --contact "0812-3456-7890"
    """
    from ..services import sponsors

    done = sponsors.register(state(ctx).session(), name=name, kind=kind, contact=contact,
                             code=code)
    say(ctx, "sponsor_registered", **done)


@sponsor_app.command("list")
def sponsor_list(
    ctx: typer.Context,
    reveal: Annotated[bool, typer.Option(
        "--reveal", help="Show contacts unmasked; each reveal is recorded in the ledger.")
    ] = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """List the sponsors: what each gave (cash and goods), has left, the places it funds
    and the people it adopts.

    Example: wbpctl sponsor list -f csv -o donatur.csv
    """
    from ..services import sponsors

    rows = sponsors.list_sponsors(state(ctx).session(), reveal=reveal)
    show_rows(ctx, rows, SPONSOR_COLUMNS, fmt, output, excel=excel)


@sponsor_app.command("show")
def sponsor_show(
    ctx: typer.Context,
    sponsor: SponsorArg,
    reveal: Annotated[bool, typer.Option(
        "--reveal", help="Show the contact unmasked; the reveal is recorded in the ledger.")
    ] = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """Show one sponsor: its donations, the spending it funded, whom it adopts, and what
    it has left for each purpose.

    Example: wbpctl sponsor show YAYASAN-PEDULI-JAMBI
    """
    from ..services import sponsors

    record = sponsors.show(state(ctx).session(), sponsor, reveal=reveal)
    show_record(ctx, record, SHOW_SECTIONS, fmt, output, excel=excel)


@sponsor_app.command("edit")
def sponsor_edit(
    ctx: typer.Context,
    sponsor: SponsorArg,
    name: Annotated[Optional[str], typer.Option("--name", metavar="NAME",
                                                show_default=False)] = None,
    kind: KindOpt = None,
    contact: ContactOpt = None,
) -> None:
    """Correct a sponsor's name, kind or contact; the old values stay in the ledger and
    the code stays.

    Example: wbpctl sponsor edit YAYASAN-PEDULI-JAMBI --kind lembaga
    """
    from ..services import sponsors

    done = sponsors.correct(state(ctx).session(), sponsor, name=name, kind=kind,
                            contact=contact)
    if done["changes"]:
        say(ctx, "sponsor_corrected", code=done["code"], changed=", ".join(done["changes"]))
    else:
        say(ctx, "nothing_to_correct", name=done["name"])


@donation_app.command("add")
def donation_add(
    ctx: typer.Context,
    sponsor: SponsorArg,
    on: DateOpt = None,
    amount: AmountOpt = None,
    for_track: ForTrackOpt = None,
    for_who: ForWhoOpt = None,
    general: GeneralOpt = False,
    in_kind: InKindOpt = None,
    value: ValueOpt = None,
    ref: RefOpt = None,
) -> None:
    """Record a donation from SPONSOR: cash (--amount) or goods (--in-kind with --value),
    for a track, a person or the programme.

    Example: wbpctl donation add YAYASAN-PEDULI-JAMBI --on 2026-10-01 --amount "Rp 5 juta"
    --for-track OLAH-MADU --ref TRF-0192
    """
    from ..services import sponsors

    done = sponsors.add_donation(state(ctx).session(), sponsor, on=on, amount=amount,
                                 in_kind=in_kind, value=value, for_track=for_track,
                                 for_who=for_who, general=general, ref=ref)
    say(ctx, "donation_goods_recorded" if done["in_kind"] else "donation_recorded", **done)


@donation_app.command("list")
def donation_list(
    ctx: typer.Context,
    sponsor: Annotated[Optional[str], typer.Option(
        "--sponsor", metavar="SPONSOR", help="Only this sponsor's.", show_default=False)
    ] = None,
    date_from: Annotated[Optional[str], typer.Option(
        "--from", metavar="DATE", help="Received on or after DATE.", show_default=False)
    ] = None,
    date_to: Annotated[Optional[str], typer.Option(
        "--to", metavar="DATE", help="Received before DATE.", show_default=False)] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """List donations by date received, voided ones marked.

    Example: wbpctl donation list --sponsor YAYASAN-PEDULI-JAMBI --from 2026-01-01
    """
    from ..services import sponsors

    rows = sponsors.list_donations(state(ctx).session(), sponsor=sponsor, start=date_from,
                                   end=date_to)
    show_rows(ctx, rows, DONATION_COLUMNS, fmt, output, excel=excel)


@donation_app.command("edit")
def donation_edit(
    ctx: typer.Context,
    donation: DonationArg,
    on: DateOpt = None,
    amount: AmountOpt = None,
    for_track: ForTrackOpt = None,
    for_who: ForWhoOpt = None,
    general: GeneralOpt = False,
    in_kind: InKindOpt = None,
    value: ValueOpt = None,
    ref: RefOpt = None,
) -> None:
    """Correct a donation as recorded: its date, amount, goods and value, purpose or
    receipt number. The old values stay in the ledger.

    Example: wbpctl donation edit TRF-0192 --amount 4.500.000
    """
    from ..services import sponsors

    done = sponsors.correct_donation(state(ctx).session(), donation, on=on, amount=amount,
                                     in_kind=in_kind, value=value, for_track=for_track,
                                     for_who=for_who, general=general, ref=ref)
    if done["changes"]:
        say(ctx, "donation_corrected", id=done["id"], sponsor=done["sponsor"],
            changed=", ".join(done["changes"]))
    else:
        say(ctx, "nothing_to_correct", name=f"#{done['id']}")
    warn(ctx, done["notices"])


@donation_app.command("void")
def donation_void(
    ctx: typer.Context,
    donation: DonationArg,
    reason: Annotated[str, typer.Option("--reason", metavar="REASON",
                                        help="Why it is void (kept in the ledger).")],
    on: Annotated[Optional[str], typer.Option(
        "--on", metavar="DATE", help="Date of the void (default today).", show_default=False)
    ] = None,
) -> None:
    """Void a donation entered in error or never received: it stays in the ledger and in
    the lists, marked void, and no longer counts.

    Example: wbpctl donation void TRF-0192 --reason "transfer dibatalkan bank"
    """
    from ..services import sponsors

    done = sponsors.void_donation(state(ctx).session(), donation, reason=reason, on=on)
    say(ctx, "donation_voided_done", **done)
    warn(ctx, done["notices"])


def adopt(
    ctx: typer.Context,
    sponsor: SponsorArg,
    who: WhoArg,
    start: Annotated[str, typer.Option("--from", metavar="DATE",
                                       help="First day of the adoption.")],
    until: Annotated[Optional[str], typer.Option(
        "--until", metavar="DATE", help="Last day (default: open).", show_default=False)
    ] = None,
    consent: Annotated[Optional[str], typer.Option(
        "--consent", metavar="yes|no", help="Whether WHO agreed to be named to the sponsor"
        " (default no: the sponsor sees initials and register class only).",
        show_default=False)] = None,
) -> None:
    """Record that SPONSOR adopts WHO ("adopsi WBP") for a period. Again with the same
    --from: a correction of --until or --consent.

    Example: wbpctl adopt YAYASAN-PEDULI-JAMBI B.I-123/2025 --from 2026-01-01 --consent yes
    """
    from ..services import sponsors

    done = sponsors.adopt(state(ctx).session(), sponsor, who, start=start, until=until,
                          consent=consent)
    if done["new"]:
        say(ctx, "adoption_recorded", **done)
    elif done["changes"]:
        say(ctx, "adoption_corrected", sponsor=done["sponsor"], name=done["name"],
            changed=", ".join(done["changes"]))
    else:
        say(ctx, "nothing_to_correct", name=done["name"])


def spend(
    ctx: typer.Context,
    track: Annotated[str, typer.Option("--track", metavar="TRACK",
                                       help="The track the money went to.")],
    amount: Annotated[str, typer.Option("--amount", metavar="RUPIAH",
                                        help="Whole rupiah: 2.500.000, 'Rp 2,5 juta'.")],
    what: Annotated[str, typer.Option("--what", metavar="TEXT",
                                      help="What was bought or paid ('bibit, pakan').")],
    on: Annotated[Optional[str], typer.Option(
        "--on", metavar="DATE", help="Date spent (default today).", show_default=False)
    ] = None,
    funded_by: Annotated[Optional[str], typer.Option(
        "--funded-by", metavar="SPONSOR|APBD|DIPA", help="Who pays: a sponsor (its money for"
        " that person or track first, then its general money), APBD (the regency's budget,"
        " the default) or DIPA (the state budget of the Lapas).", show_default=False)
    ] = None,
    for_who: Annotated[Optional[str], typer.Option(
        "--for", metavar="WHO", help="A cost of one person's place.", show_default=False)
    ] = None,
    override: Annotated[Optional[str], typer.Option(
        "--override", metavar="REASON", help="Record it even beyond the sponsor's balance,"
        " with this reason.", show_default=False)] = None,
    ref: RefOpt = None,
) -> None:
    """Record a cost of a track: what was bought, and who paid. A sponsor's spending is
    refused beyond what it gave for that track (or person) and the programme, unless
    --override says why.

    Example: wbpctl spend --track IKAN-AIRTAWAR --on 2026-10-05 --amount 2.500.000
    --what "bibit lele, pakan" --funded-by YAYASAN-PEDULI-JAMBI
    """
    from ..services import sponsors

    done = sponsors.spend(state(ctx).session(), track=track, on=on, amount=amount, what=what,
                          funded_by=funded_by, for_who=for_who, override=override, ref=ref)
    say(ctx, "spending_recorded", **done)
    if done["left"] is not None:
        say(ctx, "spending_left", **done)
