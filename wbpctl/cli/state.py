"""What every command shares: global options, the session, messages, and output options."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Iterable, Optional, Sequence

import typer

if TYPE_CHECKING:
    from ..render.sections import Section

from ..domain.errors import Invalid, WbpError
from ..domain.people import clean_actor

# render.messages (the catalogue of every sentence, and what it loads) is imported where a
# message is said: a lookup written as JSON says none (benchmarks/startup.py)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


FormatOpt = Annotated[Optional[Format], typer.Option(
    "--format", "-f", help="table, json, csv, markdown or xlsx (a workbook, with -o FILE)"
    " (default: from --output's extension, else table).", show_default=False)]


def checked_output(path: Optional[Path]) -> Optional[Path]:
    """An output file (``-`` is stdout), refused before any work when it is the database or
    one of its files (written outputs are checked again where they are opened)."""
    if path is None or str(path) == "-":
        return None
    from ..files import check_output
    check_output(path)
    return path


OutputOpt = Annotated[Optional[Path], typer.Option(
    "--output", "-o", metavar="FILE",
    help="Write to FILE (atomically, owner-only) instead of stdout; - is stdout; never the"
    " database or one of its files.", show_default=False, callback=checked_output)]
OnOpt = Annotated[Optional[str], typer.Option(
    "--on", metavar="DATE", help="Date (2025-10-08, 08/10/2025 or 8 Okt 2025); default today.",
    show_default=False)]
WhoArg = Annotated[str, typer.Argument(
    metavar="WHO", help="Register number (B.I-123/2025, BI 123/2025, ...) or 16-digit NIK.",
    show_default=False)]
TrackArg = Annotated[str, typer.Argument(
    metavar="TRACK", help="Track code (IKAN-AIRTAWAR, any case) or its name as 'wbpctl track"
    " list' shows it.", show_default=False)]
NlOpt = Annotated[bool, typer.Option(
    "--nl", help="Newline-delimited JSON: one object a line, no brackets (for jq, grep and"
    " scripts that read as they go).")]
ExcelOpt = Annotated[bool, typer.Option(
    "--excel", help="CSV for a spreadsheet set to Indonesian: semicolons, CRLF, UTF-8 with"
    " BOM, NIKs grouped in fours (default: csv_dialect in the config).")]
RevealOpt = Annotated[bool, typer.Option(
    "--reveal", help="Show NIK unmasked; each reveal is recorded in the ledger.")]


def _raw_cells(ctx: typer.Context, value: bool) -> bool:
    if value:
        state(ctx).raw_cells = True
    return value


RawCellsOpt = Annotated[bool, typer.Option(
    "--raw-cells", callback=_raw_cells,
    help="CSV and workbook cells exactly as recorded, for programs that read them: a text"
    " beginning with = + - @ is not made safe for a spreadsheet with a leading ' (never"
    " open such a file in one).")]


@dataclass
class State:
    """Global options, resolved once; the session is opened on first use."""

    db: Optional[str] = None
    config_path: Optional[str] = None
    lang_option: Optional[str] = None
    actor_option: Optional[str] = None
    raw_cells: bool = False          # --raw-cells: formula-like cells left as they are
    _session: Any = field(default=None, repr=False)
    _config: Any = field(default=None, repr=False)

    @property
    def config(self):
        if self._config is None:
            from ..config import load_config
            from ..render.display import DISPLAY, Display
            self._config = load_config(self.config_path)
            DISPLAY.set(Display(dates=self._config.date_display,
                                timezone=self._config.timezone, ascii=stdout_is_ascii()))
        return self._config

    @property
    def lang(self) -> str:
        lang = self.lang_option or os.environ.get("WBPCTL_LANG")
        if lang in ("id", "en"):
            return lang
        try:
            return self.config.language
        except WbpError:
            return "id"

    def db_path(self) -> Path:
        """--db > WBPCTL_DB > ``database:`` in the config > data/wbp.db."""
        if self.db:
            return Path(self.db)
        return self.config.database or Path("data") / "wbp.db"

    def actor(self) -> str:
        """Who acts, as every event records it: the OS user; with --actor (or WBPCTL_ACTOR)
        naming someone else, that name and the OS user beside it, ``budi (os: root)``:
        --actor is whatever the caller says, the OS account is who could write the file.
        The event hash covers the actor as one text, as before, so older events verify
        unchanged."""
        account = os_user()
        if not self.actor_option:
            return account
        given = clean_actor(self.actor_option)
        return given if given == account else f"{given} (os: {account})"

    def session(self):
        if self._session is None:
            from ..services.session import Session
            today = os.environ.get("WBPCTL_TODAY")  # a fixed "today" for tests and demos
            self._session = Session(config=self.config, db_path=self.db_path(),
                                    actor=self.actor(),
                                    today=date.fromisoformat(today) if today else date.today())
            from ..files import protect
            protect(self._session.protected_files())
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()


def os_user() -> str:
    """The account this process runs as, by its uid (``getpass.getuser`` reads LOGNAME and
    USER first, which anyone can set)."""
    try:
        import pwd
        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError, AttributeError):
        try:
            import getpass
            return getpass.getuser()
        except Exception:  # no user name in a minimal environment (cron, containers)
            return "unknown"


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


# -- saying things on stderr ---------------------------------------------------

def tell(text: str) -> None:
    """A message on stderr: one line for a script or a log; on a terminal, wrapped at its
    width between words (never inside a register number, a date or a code), continuation
    lines indented."""
    if sys.stderr.isatty():
        import shutil
        import textwrap

        width = shutil.get_terminal_size().columns
        if len(text) > width:
            text = textwrap.fill(text, width, subsequent_indent="  ", break_long_words=False,
                                 break_on_hyphens=False)
    sys.stderr.write(text + "\n")


def say(ctx: typer.Context, key: str, /, **params: object) -> None:
    """One line on stderr, in the user's language."""
    from ..render.messages import msg

    tell(msg(key, state(ctx).lang, **params))


def warn(ctx: typer.Context, notices: Iterable[Any]) -> None:
    """Each warning (a ``Notice``) as its own line on stderr."""
    notices = list(notices)
    if not notices:
        return
    from ..render.messages import msg

    lang = state(ctx).lang
    for notice in notices:
        tell("wbpctl: " + msg("warning", lang, text=msg(notice.key, lang, **notice.params)))


def warn_problem(ctx: typer.Context, key: str, error: WbpError) -> None:
    """One line on stderr for a problem that did not stop the command (cron mails it)."""
    from ..render.messages import msg

    lang = state(ctx).lang
    tell("wbpctl: " + msg(key, lang, problem=error_line(error, lang)))


def error_line(error: WbpError, lang: str, *, field: str | None = None,
               value: object = None) -> str:
    """One line: ``field 'value': rule`` for a bad value (``field`` may name a CSV column
    instead), else the message itself. The value is cut to 80 characters and, like every
    parameter, shown without control characters (``render.safe``)."""
    from ..render.messages import msg
    from ..render.safe import error_value

    if field or isinstance(error, Invalid):
        return (f"{error_value(field or error.field)}"
                f" '{error_value(value if field else error.value)}': "
                f"{msg(error.key, lang, **error.params)}")
    return msg(error.key, lang, **error.params)


# -- output --------------------------------------------------------------------

def choose_format(fmt: Optional[Enum], output: Optional[Path], allowed: Sequence[str],
                  default: str = "table") -> str:
    """-f wins; else the format -o's extension names (refused when this command cannot
    write it, e.g. a listing to .html or anything to .xlsx); else ``default``."""
    if fmt is not None:
        return fmt.value
    if output is not None:
        from ..render.formats import EXTENSIONS
        guessed = EXTENSIONS.get(output.suffix.lower())
        if guessed is not None and guessed not in allowed:
            raise Invalid("output", str(output), "output_format_unsupported", format=guessed,
                          allowed=", ".join(allowed))
        if guessed is not None:
            return guessed
    return default


def output_style(output: Optional[Path]) -> tuple[bool, Optional[int]]:
    """(colour, width): colour only on a terminal (NO_COLOR wins); the terminal's width, or
    COLUMNS when set; else none (a file or a pipe gets whole lines)."""
    if output is None and sys.stdout.isatty():
        import shutil
        return "NO_COLOR" not in os.environ, shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    if output is None and columns.isdigit() and int(columns) >= 20:
        return False, int(columns)
    return False, None


def stdout_is_ascii() -> bool:
    """Whether stdout cannot show box drawing (a cp1252 or ASCII console, a redirect on
    Windows): tables then draw with ASCII, and what cannot be shown becomes '?'."""
    try:
        "\u2500\u2502".encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def csv_dialect(ctx: typer.Context, excel: bool):
    """The CSV dialect: --excel, else csv_dialect in the config; --raw-cells on top."""
    from dataclasses import replace

    from ..render.formats import CSV_DIALECTS

    dialect = CSV_DIALECTS["excel-id" if excel else state(ctx).config.csv_dialect]
    return replace(dialect, raw=state(ctx).raw_cells)


def write_workbook_output(output: Optional[Path], sheets: Callable[[], list], *,
                          raw: bool = False) -> None:
    """A workbook goes to a file (``-o FILE.xlsx``), never to a terminal or a pipe."""
    from ..render.workbook import write_workbook

    if output is None:
        raise typer.BadParameter("a workbook (xlsx) is written to a file: give -o FILE.xlsx",
                                 param_hint="--format")
    write_workbook(output, sheets(), raw=raw)


def show_rows(ctx: typer.Context, rows: Iterable[dict], columns: Sequence[str],
              fmt: Optional[Format], output: Optional[Path], *, title: Optional[str] = None,
              excel: bool = False, nl: bool = False) -> None:
    from ..render.formats import write_rows
    from ..render.messages import msg
    from ..render.output import atomic_file

    chosen = "ndjson" if nl else choose_format(fmt, output,
                                               ("table", "json", "csv", "markdown", "xlsx"))
    lang = state(ctx).lang
    if chosen == "xlsx":
        from ..render.workbook import rows_sheet
        return write_workbook_output(output, lambda: [
            rows_sheet(msg(title, lang) if title else "data", rows, columns)],
            raw=state(ctx).raw_cells)
    color, width = output_style(output)
    dialect = csv_dialect(ctx, excel)
    encoding = dialect.encoding if chosen == "csv" else "utf-8"
    with atomic_file(output, encoding=encoding) as handle:
        if output is None and encoding == "utf-8-sig":
            handle.write("\ufeff")
        write_rows(handle, rows, columns, chosen, lang,
                   title=msg(title, lang) if title else None, color=color, width=width,
                   dialect=dialect)


def show_record(ctx: typer.Context, record: dict, sections: Sequence["Section"],
                fmt: Optional[Format], output: Optional[Path], *, excel: bool = False) -> None:
    chosen = choose_format(fmt, output, ("table", "json", "csv", "markdown", "xlsx"))
    if chosen == "json":
        # the record as it is (as render_record writes it), without loading the renderers
        # of the other formats: a lookup by a script is the most frequent start
        from ..render.json_out import to_json
        return emit_text(ctx, chosen, output, to_json(record), excel)
    if chosen == "xlsx":
        from ..render.workbook import record_sheets
        return write_workbook_output(output, lambda: record_sheets(record, sections,
                                                                   state(ctx).lang),
                                     raw=state(ctx).raw_cells)
    from ..render.formats import render_record

    color, width = output_style(output)
    emit_text(ctx, chosen, output, render_record(record, sections, chosen, state(ctx).lang,
                                                  color=color, width=width), excel)


def emit_text(ctx: typer.Context, chosen: str, output: Optional[Path], text: str,
              excel: bool = False) -> None:
    """Rendered text to stdout or -o; CSV in the dialect asked for, with formula-like
    cells neutralised (unless --raw-cells)."""
    from ..render.output import emit

    if chosen != "csv":
        return emit(text, output)
    from ..render.formats import recast_csv
    dialect = csv_dialect(ctx, excel)
    emit(recast_csv(text, dialect), output, encoding=dialect.encoding)
