"""``wbpctl participant``: register, list, show, correct and readmit participants."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..domain.errors import Notice
from ..render.sections import Section
from .state import (ExcelOpt, FormatOpt, NlOpt, OutputOpt, RawCellsOpt, RevealOpt, WhoArg, say,
                    show_record, show_rows, state, warn)

app = typer.Typer(help="Register, list, show, correct and readmit participants (WBP).",
                  no_args_is_help=True, rich_markup_mode=None)

NameOpt = Annotated[str, typer.Option("--name", metavar="NAME", help="Full name.")]
RegNoOpt = Annotated[str, typer.Option(
    "--reg-no", metavar="REGNO",
    help="Register number, e.g. B.I-123/2025 (BI 123/2025 works too).")]
DetainedOpt = Annotated[str, typer.Option(
    "--detained", metavar="DATE",
    help="Date of detention (tanggal penahanan): time counts from it.")]
SentenceOpt = Annotated[Optional[str], typer.Option(
    "--sentence", metavar="SENTENCE",
    help="Sentence: 2y6m, '2 tahun 6 bulan', '18 bulan', '45 hari', 'seumur"
    " hidup'. Required for B.* register numbers, absent for A.* (pre-trial).",
    show_default=False)]
AdmittedOpt = Annotated[Optional[str], typer.Option(
    "--admitted", metavar="DATE",
    help="Date of arrival at the Lapas (default: the detention date).",
    show_default=False)]
CrimeOpt = Annotated[Optional[str], typer.Option("--crime", metavar="TEXT",
                                                 help="Offence (perkara).",
                                                 show_default=False)]
CategoryOpt = Annotated[Optional[str], typer.Option(
    "--crime-category", metavar="CATEGORY",
    help="Offence category for statistics (narkotika, pencurian, penipuan-penggelapan, ...,"
    " lainnya; see offence_categories in config.yaml); default: read from --crime by the"
    " config's keyword rules.", show_default=False)]
FineOpt = Annotated[bool, typer.Option(
    "--in-lieu-of-fine", help="B.III kurungan served in place of a fine (no remission).")]

LIST_COLUMNS = ("reg_no", "name", "nik", "gender", "status", "detained_on", "sentence",
                "released_on", "active_enrolments")
SHOW_SECTIONS = (
    Section("s_person", None, ("name", "nik", "gender", "birth_date", "reg_no", "status")),
    Section("s_stays", "stays", ("reg_no", "status", "register_class", "detained_on",
                                 "admitted_on", "sentence", "crime", "remission_days",
                                 "one_third", "half", "two_thirds", "pb_eligible",
                                 "cb_eligible", "cmb", "expiry", "released_on", "release_type",
                                 "transfer_to", "days_past_expiry"),
            vertical=True, label="reg_no"),
    Section("s_enrolments", "enrolments", ("track", "status", "assigned_on", "completed_on",
                                           "result", "dropped_on", "reason",
                                           "waitlist_position", "hours", "certificate",
                                           "opd")),
    Section("s_remissions", "remissions", ("granted_on", "kind", "days", "override")),
)
# shown only for someone who has made something sold (or been paid premi)
PREMI_SECTIONS = (
    Section("s_premi", None, ("premi_earned", "premi_paid", "premi_balance")),
    Section("s_earnings", "earnings", ("product", "name", "sales", "amount", "last_sale")),
    Section("s_payouts", "payouts", ("paid_on", "amount", "ref")),
)


@app.command("add")
def add(
    ctx: typer.Context,
    name: NameOpt,
    reg_no: RegNoOpt,
    detained: DetainedOpt,
    sentence: SentenceOpt = None,
    admitted: AdmittedOpt = None,
    nik: Annotated[Optional[str], typer.Option(
        "--nik", metavar="NIK",
        help="16-digit NIK; gender and birth date are read from it when not given.",
        show_default=False)] = None,
    gender: Annotated[Optional[str], typer.Option(
        "--gender", metavar="L|P",
        help="L (laki-laki) or P (perempuan).", show_default=False)] = None,
    birth_date: Annotated[Optional[str], typer.Option(
        "--birth-date", metavar="DATE", help="Date of birth.", show_default=False)] = None,
    crime: CrimeOpt = None,
    crime_category: CategoryOpt = None,
    in_lieu_of_fine: FineOpt = False,
) -> None:
    """Register a person and their first stay.

    Example: wbpctl participant add --name "Budi Santoso" --reg-no B.I-123/2025
    --detained 08/10/2025 --sentence "2 tahun 6 bulan" --nik 1506041203900001
    """
    from ..services import participants

    done = participants.register(state(ctx).session(), name=name, reg_no=reg_no,
                                 detained=detained, sentence=sentence, admitted=admitted,
                                 nik=nik, gender=gender, birth_date=birth_date, crime=crime,
                                 fine_substitute=in_lieu_of_fine,
                                 crime_category=crime_category)
    say(ctx, "registered", **done)
    warn(ctx, done["notices"])


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[str, typer.Option(
        "--status", metavar="STATUS", help="in-custody, released, transferred, deceased or all"
        " (ditahan, bebas, pindah, meninggal, semua).")] = "all",
    search: Annotated[Optional[str], typer.Option(
        "--search", metavar="TEXT",
        help="Words of a name in any order, without accents (a letter off is found when"
        " nothing matches as written), a register number or a part of one, or a whole NIK.",
        show_default=False)] = None,
    track: Annotated[Optional[str], typer.Option(
        "--track", metavar="TRACK",
        help="Only people active or waiting in this track.", show_default=False)
    ] = None,
    opd: Annotated[Optional[str], typer.Option(
        "--opd", metavar="OPD", help="Only people active or waiting in a track of this OPD.",
        show_default=False)] = None,
    reveal: RevealOpt = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    nl: NlOpt = False,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """List participants with their current stay.

    Example: wbpctl participant list --status in-custody -f csv -o wbp.csv
    """
    from ..services import participants

    people = participants.list_people(
        state(ctx).session(), status=status, search=search, track=track, opd=opd,
        reveal=reveal, spelt_otherwise=lambda: say(ctx, "search_spelt_otherwise", text=search))
    show_rows(ctx, people, LIST_COLUMNS, fmt, output, excel=excel, nl=nl)


@app.command("show")
def show(
    ctx: typer.Context,
    who: WhoArg,
    reveal: RevealOpt = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
) -> None:
    """Show one person: identity, stays with their dates, tracks and remissions, and the
    premi earned from products sold (per product, paid out, the balance).

    Example: wbpctl participant show B.I-123/2025 -f json
    """
    from ..services import participants

    record = participants.show(state(ctx).session(), who, reveal=reveal)
    earned = record["premi_earned"] or record["payouts"]
    show_record(ctx, record, SHOW_SECTIONS + (PREMI_SECTIONS if earned else ()), fmt, output,
                excel=excel)
    warn(ctx, [Notice("past_expiry", reg_no=stay["reg_no"], days=stay["days_past_expiry"],
                      expiry=stay["expiry"]) for stay in record["stays"]
               if stay["days_past_expiry"]])


@app.command("edit")
def edit(
    ctx: typer.Context,
    who: WhoArg,
    name: Annotated[Optional[str], typer.Option("--name", metavar="NAME",
                                                show_default=False)] = None,
    nik: Annotated[Optional[str], typer.Option("--nik", metavar="NIK", show_default=False)] = None,
    gender: Annotated[Optional[str], typer.Option("--gender", metavar="L|P", help="L or P.",
                                                  show_default=False)] = None,
    birth_date: Annotated[Optional[str], typer.Option("--birth-date", metavar="DATE",
                                                      show_default=False)
                          ] = None,
    crime: CrimeOpt = None,
    crime_category: CategoryOpt = None,
) -> None:
    """Correct a person's record; the old values stay in the ledger.

    Example: wbpctl participant edit B.I-123/2025 --name "Budi Santoso Jr"
    """
    from ..services import participants

    done = participants.correct(state(ctx).session(), who, name=name, nik=nik, gender=gender,
                                birth_date=birth_date, crime=crime,
                                crime_category=crime_category)
    say(ctx, "corrected", name=done["name"], changed=", ".join(done["changed"]))


@app.command("readmit")
def readmit(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(metavar="WHO", help="Register number of an earlier"
                                       " stay, or NIK.", show_default=False)],
    reg_no: RegNoOpt,
    detained: DetainedOpt,
    sentence: SentenceOpt = None,
    admitted: AdmittedOpt = None,
    crime: CrimeOpt = None,
    crime_category: CategoryOpt = None,
    in_lieu_of_fine: FineOpt = False,
) -> None:
    """Open a new stay for someone released (a readmission, which recidivism counts).

    Example: wbpctl participant readmit B.IIa-7/2023 --reg-no B.I-40/2026
    --detained 2026-02-01 --sentence 2y
    """
    from ..services import participants

    done = participants.readmit(state(ctx).session(), who, reg_no=reg_no, detained=detained,
                                sentence=sentence, admitted=admitted, crime=crime,
                                fine_substitute=in_lieu_of_fine,
                                crime_category=crime_category)
    say(ctx, "readmitted", **done)
    warn(ctx, done["notices"])


@app.command("sentence")
def sentence(
    ctx: typer.Context,
    who: WhoArg,
    sentence: Annotated[str, typer.Option(
        "--sentence", metavar="SENTENCE", help="The sentence given: 2y6m, '2 tahun 6 bulan'.")],
    on: Annotated[str, typer.Option("--on", metavar="DATE", help="Date of the verdict.")],
    register_class: Annotated[Optional[str], typer.Option(
        "--class", metavar="CLASS", help="The sentenced class: B.I, B.IIa, B.IIb or B.III"
        " (read from --reg-no when that is given).", show_default=False)] = None,
    reg_no: Annotated[Optional[str], typer.Option(
        "--reg-no", metavar="REGNO", help="The new register number, if the office gives one"
        " (default: the same sequence and year under the new class).",
        show_default=False)] = None,
) -> None:
    """Record a verdict: WHO's pre-trial (tahanan, A.*) stay becomes a sentenced one.

    The same stay and detention date: not a release, not a readmission. The old class
    and number stay in the ledger.

    Example: wbpctl participant sentence A.II-12/2026 --class B.I --sentence 2y
    --on 2026-09-01
    """
    from ..services import participants

    done = participants.record_verdict(state(ctx).session(), who, sentence=sentence, on=on,
                                       register_class=register_class, reg_no=reg_no)
    say(ctx, "sentenced", **done)
    warn(ctx, done["notices"])


@app.command("return")
def return_(
    ctx: typer.Context,
    who: WhoArg,
    on: Annotated[str, typer.Option("--on", metavar="DATE", help="Date of arrival back.")],
    from_lapas: Annotated[Optional[str], typer.Option(
        "--from", metavar="LAPAS", help="Where they come back from (default: where they were"
        " transferred to).", show_default=False)] = None,
) -> None:
    """Record that WHO, transferred out (pindah), came back: the same stay goes on.

    Detention date, sentence, remissions and register number carry over; not a
    readmission.

    Example: wbpctl participant return B.I-123/2025 --on 2026-03-01 --from "Lapas Jambi"
    """
    from ..services import stays

    done = stays.return_from_transfer(state(ctx).session(), who, on=on, from_lapas=from_lapas)
    say(ctx, "returned", **done)
