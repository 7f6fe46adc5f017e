"""``wbpctl import`` and ``wbpctl export``: CSV files that shell scripts can trust."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..domain.errors import Rejected
from ..render.messages import msg
from .state import (ExcelOpt, OutputOpt, RawCellsOpt, RevealOpt, checked_output, choose_format,
                    csv_dialect, error_line, say, state, tell, write_workbook_output)


class ImportKind(str, Enum):
    participants = "participants"
    enrolments = "enrolments"
    completions = "completions"
    drops = "drops"
    releases = "releases"
    remissions = "remissions"
    verdicts = "verdicts"
    returns = "returns"
    revocations = "revocations"
    voids = "voids"
    sponsors = "sponsors"
    donations = "donations"
    adoptions = "adoptions"
    spending = "spending"
    production = "production"
    sales = "sales"
    payouts = "payouts"
    all = "all"


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


MAX_ERRORS_SHOWN = 100


def import_(
    ctx: typer.Context,
    kind: Annotated[ImportKind, typer.Argument(metavar="KIND", help="What the file holds.")],
    file: Annotated[str, typer.Argument(
        metavar="FILE", help="CSV file, a workbook (.xlsx, .ods, .xls), or - for standard"
        " input.")],
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Check everything and say what would happen; write nothing.")
    ] = False,
    delimiter: Annotated[Optional[str], typer.Option(
        "--delimiter", metavar="CHAR",
        help="Field separator: one character, or tab, comma, semicolon, pipe (default:"
        " found from the header line).",
        show_default=False)] = None,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME",
        help="Text encoding, e.g. cp1252 for older Excel (default: UTF-8,"
        " with or without BOM).", show_default=False)] = None,
    sheet: Annotated[Optional[str], typer.Option(
        "--sheet", metavar="NAME", help="The sheet of a workbook to read (default: the"
        " first).", show_default=False)] = None,
    date_order: Annotated[Optional[str], typer.Option(
        "--date-order", metavar="day-first|month-first",
        help="How the file writes 02/10/2026 (default: date_input_order in the config,"
        " day-first). A date that can only be month-first rejects the file.",
        show_default=False)] = None,
    errors: Annotated[Optional[Path], typer.Option(
        "--errors", metavar="FILE",
        help="Write the rejected rows, with a rejection_reason column, to FILE, in the"
        " input's own encoding and delimiter (a workbook for a workbook, or FILE.xlsx): fix"
        " them and load that file again.", show_default=False,
        callback=checked_output)] = None,
    update: Annotated[bool, typer.Option(
        "--update", help="Record a row that differs from what is recorded as a correction"
        " (a release excepted); without it such a row is an error. A change that looks"
        " like spreadsheet damage (a NIK's last digits turned to zeros, AndrÃ©s for"
        " Andrés) is refused even so.")] = False,
    force_update: Annotated[bool, typer.Option(
        "--force-update", help="As --update, and also record a change that looks like"
        " spreadsheet damage (for the rare true case).")] = False,
    ignore_extra: Annotated[bool, typer.Option(
        "--ignore-extra", help="Ignore columns wbpctl does not know.")] = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Reject rows that only draw a warning (kurungan over 1 year 4"
        " months, a person under 18, a late release) instead of loading them.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
) -> None:
    """Load a workbook or a CSV file whole or not at all; loading the same file again
    changes nothing.

    Columns (headers match ignoring case and spaces; Indonesian headers such as
    'No. Registrasi', 'Nama', 'Tanggal Penahanan' work too, see config.yaml):

    \b
      participants  reg_no, name, nik, gender, birth_date, detained_on, admitted_on,
                    sentence, crime [, person_uid]
      enrolments    reg_no or nik, track, assigned_on, sponsor
      completions   reg_no or nik, track, completed_on, hours, result, certificate
      drops         reg_no or nik, track, dropped_on, reason
      releases      reg_no or nik, released_on, release_type [, override, to_lapas]
      remissions    reg_no or nik, granted_on, kind, days [, override]
      verdicts      reg_no (before the verdict) or nik, sentenced_on, register_class,
                    sentence [, new_reg_no]
      returns       reg_no or nik, returned_on [, from_lapas]
      revocations   reg_no or nik, revoked_on, reason
      voids         reg_no or nik, target (a track, release or remission), act_on,
                    reason [, kind]
      sponsors      name [, sponsor (its code), kind, contact, sponsor_uid]
      donations     sponsor, received_on, amount [, in_kind (then amount is its value),
                    track or reg_no/nik (its purpose; neither: general), ref,
                    voided_on, void_reason, donation_uid]
      adoptions     sponsor, reg_no or nik, from_on [, until_on, consent (yes/no)]
      spending      track, spent_on, amount, what [, funded_by (a sponsor, APBD or
                    DIPA), reg_no or nik, ref, override, spending_uid]
      production    product, produced_on, qty, makers (register numbers or NIKs, comma-
                    separated) [, shares (60,40), batch]
      sales         product, sold_on, qty, channel [, price, buyer, ref, premi_share,
                    cooperative_share]
      payouts       reg_no or nik, paid_on, amount [, ref]
      all           record (one of the kinds above) and their columns, as 'export all' writes

    Every row is checked first; one bad row rejects the file (exit 1) and every bad row is
    listed with its line, column, value and rule.

    Example: wbpctl import participants daftar-wbp.csv --dry-run
    """
    from ..render.rejected import RejectedRows
    from ..services.csv_source import open_source
    from ..services.importing import FORCE, run_import
    from ..services.transfer_kinds import REJECTION_COLUMN

    session = state(ctx).session()
    if date_order is not None:
        session = session.with_date_order(date_order)
    lang = state(ctx).lang
    source = open_source(file, encoding=encoding, delimiter=delimiter, sheet=sheet)
    if source.header_line > 1 and not quiet:
        say(ctx, "import_header_at", line=source.header_line, titles=source.header_line - 1)
    shown = 0
    with ExitStack() as stack:
        stack.callback(source.close)
        rejected_rows = None
        dropped = {i for i, h in enumerate(source.headers) if h.strip() == REJECTION_COLUMN}
        if errors:
            rejected_rows = RejectedRows(errors, [h for i, h in enumerate(source.headers)
                                                  if i not in dropped], source, stack)

        def on_error(row_error) -> None:
            nonlocal shown
            text = error_line(row_error.error, lang, field=row_error.column or None,
                              value=row_error.value)
            if shown < MAX_ERRORS_SHOWN:
                key = "import_row_error" if row_error.column else "import_row_error_plain"
                tell(msg(key, lang, line=row_error.line, text=text))
            shown += 1
            if rejected_rows is not None:
                rejected_rows.add([c for i, c in enumerate(row_error.cells) if i not in dropped],
                                  text)

        progress = None
        if not quiet and sys.stderr.isatty() and (source.size is None
                                                  or source.size > _PROGRESS_FROM_BYTES):
            progress = _Progress(source.size)
            stack.callback(progress.close)
        def on_warning(row_warning) -> None:
            nonlocal warnings_shown
            if warnings_shown < MAX_ERRORS_SHOWN:
                text = msg("warning", lang, text=msg(row_warning.notice.key, lang,
                                                     **row_warning.notice.params))
                tell(msg("import_row_error_plain", lang, line=row_warning.line, text=text))
            warnings_shown += 1

        warnings_shown = 0
        result = run_import(session, kind.value, source, dry_run=dry_run,
                            update=FORCE if force_update else update,
                            ignore_extra=ignore_extra, strict=strict, on_error=on_error,
                            on_warning=on_warning, on_progress=progress)
    if shown > MAX_ERRORS_SHOWN:
        say(ctx, "import_more_errors", count=shown - MAX_ERRORS_SHOWN)
    counts = result.counts
    if result.rejected:
        raise Rejected("import_rejected", new=counts["new"], unchanged=counts["unchanged"],
                       changed=counts["changed"], rejected=result.rejected)
    if quiet:
        return
    key = "import_dry_run" if dry_run else (
        "import_done" if result.written else "import_nothing_new")
    say(ctx, key, new=counts["new"], unchanged=counts["unchanged"], changed=counts["changed"],
        rejected=result.rejected)
    if dry_run and kind.value == "all":
        for record, per in result.by_record.items():
            say(ctx, "import_dry_run_kind", kind=record, **per)


_PROGRESS_FROM_BYTES = 256_000   # a few thousand rows
_PROGRESS_FROM_ROWS = 3000       # standard input has no size to go by


class _Progress:
    """A transient progress bar on stderr: by bytes read for a file, by rows for standard
    input (from a few thousand rows on, so a short pipe shows nothing)."""

    def __init__(self, size: int | None) -> None:
        self.size = size
        self.bar = None
        self.task = None

    def __call__(self, rows: int, position: int) -> None:
        if self.bar is None:
            if self.size is None and rows < _PROGRESS_FROM_ROWS:
                return
            self._start()
        self.bar.update(self.task, completed=position if self.size else rows)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        columns = ((DownloadColumn(), TimeRemainingColumn()) if self.size
                   else (TextColumn("{task.completed} rows"), TimeElapsedColumn()))
        self.bar = Progress("{task.description}", BarColumn(), *columns,
                            console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task("import", total=self.size)
        self.bar.start()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def export(
    ctx: typer.Context,
    kind: Annotated[ImportKind, typer.Argument(metavar="KIND", help="What to write; 'all' is the whole"
                                                    " ledger in order.")],
    fmt: Annotated[Optional[ExportFormat], typer.Option(
        "--format", "-f", help="csv, json or xlsx (a workbook, with -o FILE.xlsx; import reads"
        " it back) (default: from --output's extension, else csv).",
        show_default=False)] = None,
    output: OutputOpt = None,
    excel: ExcelOpt = False,
    raw_cells: RawCellsOpt = False,
    reveal: RevealOpt = False,
    anonymize: Annotated[bool, typer.Option(
        "--anonymize", help="For sharing outside the Lapas: no names, NIK, offence texts,"
        " certificates, sponsors or reasons; register numbers and ids as keyed pseudonyms;"
        " dates as their month, age as a five-year band, the offence as its category, the"
        " sentence as its band. Prints k, the smallest group of rows alike, and refuses"
        " an export under --min-k.")] = False,
    min_k: Annotated[int, typer.Option(
        "--min-k", metavar="K", min=1, max=1000,
        help="With --anonymize: the smallest group of alike rows allowed; lower it only"
        " knowing that rows in smaller groups may be re-identified.")] = 5,
    linkable: Annotated[bool, typer.Option(
        "--linkable", help="With --anonymize: the same pseudonyms in every linkable export"
        " (keyed by privacy_key in the config; see 'wbpctl keygen --privacy'), so two"
        " exports can be joined; without it each export has pseudonyms of its own.")
    ] = False,
) -> None:
    """Write records with the columns 'wbpctl import' reads.

    'export all' then 'import all' into an empty database gives the same tables; use
    --reveal for that (NIK is masked otherwise).

    Example: wbpctl export all --reveal -o cadangan/ledger.csv
    """
    from ..render.formats import csv_cell, csv_writer
    from ..render.output import atomic_file
    from ..render.safe import json_text
    from ..services.exporting import columns as export_columns
    from ..services.exporting import export as stream

    session = state(ctx).session()
    if (min_k != 5 or linkable) and not anonymize:
        raise typer.BadParameter("--min-k and --linkable go with --anonymize",
                                 param_hint="--anonymize")
    if reveal and anonymize:
        raise typer.BadParameter("--reveal and --anonymize exclude each other",
                                 param_hint="--anonymize")
    columns = export_columns(kind.value, anonymize=anonymize)

    def said_k(done) -> None:
        """An anonymised export says how anonymous it is (on stderr), before its rows;
        one whose rows name no one (sales, the sponsor registry) has no k to say."""
        from ..services.exporting import quasi_identifiers

        if done.k is None:
            return
        say(ctx, "anonymized_k_linkable" if linkable else "anonymized_k", k=done.k,
            rows=done.rows, columns=", ".join(quasi_identifiers(kind.value)))

    options = dict(reveal=reveal, anonymize=anonymize, linkable=linkable, min_k=min_k,
                   anonymised=said_k)
    chosen = choose_format(fmt, output, ("csv", "json", "xlsx"), default="csv")
    if chosen == "xlsx":
        from ..render.workbook import rows_sheet
        rows: list[dict] = []
        stream(session, kind.value, rows.append, **options)
        return write_workbook_output(output, lambda: [rows_sheet(kind.value, rows, columns)],
                                     raw=state(ctx).raw_cells)
    as_json = chosen == "json"
    dialect = csv_dialect(ctx, excel)
    with atomic_file(output, encoding=dialect.encoding if not as_json else "utf-8") as handle:
        # nothing is written before the service says so (``begin``): a reveal is
        # recorded first, and when it cannot be, the output stays empty
        if not as_json:
            writer = csv_writer(handle, dialect)

            def begin() -> None:
                if output is None and dialect.encoding == "utf-8-sig":
                    handle.write("\ufeff")
                writer.writerow(columns)

            stream(session, kind.value,
                   lambda row: writer.writerow([csv_cell(row[c], dialect) for c in columns]),
                   begin=begin, **options)
        else:
            first = True

            def write_json(row: dict) -> None:
                nonlocal first
                handle.write(("\n" if first else ",\n") + json_text(row))
                first = False

            stream(session, kind.value, write_json, begin=lambda: handle.write("["),
                   **options)
            handle.write("\n]\n")
