"""The root command: global options, the command groups, and errors turned into exit codes."""

# Annotations are evaluated as the module is defined (no ``from __future__ import
# annotations``): Typer reads root()'s on every start, and given as strings it compiled and
# evaluated each of them twice (about 1 ms of every start, benchmarks/startup.py).

import os
import sqlite3
import sys
from typing import Annotated, Any, Optional

import typer

from .. import interrupts
from ..domain.errors import Invalid, WbpError
from .entry import print_version
from .lazy import LazyCommands, LazyGroup, Settings, found
from .state import State, error_line, state, tell


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program is, so that every ``finally`` runs
    (temporary files holding personal data are removed, a transaction rolled back) and
    the same honest last line is said as for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: object) -> None:
    import signal
    signal.signal(signum, signal.SIG_DFL)     # a second one stops at once
    interrupts.came(signum)
    raise Terminated(signum)


def _ctrl_c(signum: int, frame: object) -> None:
    """Python's own Ctrl-C (KeyboardInterrupt), noted first (``interrupts.came``)."""
    interrupts.came(signum)
    raise KeyboardInterrupt


def _typed_option(error: WbpError, typed: list[str]) -> str | None:
    """The option a refused value was typed with (``--as-of``), when it was: the error
    then names what the user wrote, not the service's parameter (``as_of``)."""
    if not isinstance(error, Invalid):
        return None
    option = "--" + str(error.field).replace("_", "-")
    given = any(arg == option or arg.startswith(option + "=") for arg in typed)
    return option if given else None


def _interrupted(ctx: typer.Context) -> WbpError:
    """What an interruption left: nothing written, or the events this run saved (a commit
    that finished before the signal was handled), read from the ledger itself."""
    session = state(ctx)._session
    saved = session.saved_after_interruption() if session is not None else 0
    if saved is None:
        return WbpError("interrupted_unknown")
    if saved == 0:
        return WbpError("interrupted")
    events, head = saved
    return WbpError("interrupted_saved", events=events, head=head)


# The commands, in the order --help lists them: (name, module, attribute); an attribute
# that is a Typer app is a group. A module is imported, and its command built, only when
# the command is used (cli.lazy): a start pays for the one command it runs.
COMMANDS = (
    ("init", ".init", "init"),
    ("assign", ".enrolment", "assign"),
    ("complete", ".enrolment", "complete"),
    ("drop", ".enrolment", "drop"),
    ("release", ".stays", "release"),
    ("revoke", ".stays", "revoke"),
    ("void", ".void", "void"),
    ("adopt", ".sponsors", "adopt"),
    ("spend", ".sponsors", "spend"),
    ("produce", ".products", "produce"),
    ("sell", ".products", "sell"),
    ("import", ".transfer", "import_"),
    ("export", ".transfer", "export"),
    ("log", ".ledger", "log"),
    ("verify", ".ledger", "verify"),
    ("head", ".heads", "head"),
    ("checkpoint", ".heads", "checkpoint"),
    ("keygen", ".heads", "keygen"),
    ("backup", ".maintenance", "backup"),
    ("restore", ".maintenance", "restore"),
    ("bundle", ".federation", "bundle"),
    ("merge", ".federation", "merge"),
    ("participant", ".participant", "app"),
    ("enrolment", ".enrolment", "app"),
    ("remission", ".stays", "remission_app"),
    ("opd", ".tracks", "opd_app"),
    ("track", ".tracks", "track_app"),
    ("sponsor", ".sponsors", "sponsor_app"),
    ("donation", ".sponsors", "donation_app"),
    ("product", ".products", "product_app"),
    ("premi", ".products", "premi_app"),
    ("report", ".report", "app"),
    ("privacy", ".privacy", "app"),
    ("person", ".federation", "person_app"),
)


class WbpGroup(LazyGroup):
    """The root: its commands (``COMMANDS``) are built when used. Expected errors print
    one line on stderr and exit with their code; never a traceback."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands(Settings(app), {
            name: found(module, attribute, name) for name, module, attribute in COMMANDS})

    def invoke(self, ctx: typer.Context) -> Any:
        # what was typed after the global options, kept to name an option in an error
        typed = [*getattr(ctx, "_protected_args", ()), *ctx.args]
        try:
            return super().invoke(ctx)
        except (WbpError, sqlite3.Error) as error:
            stopped = interrupts.came()
            if stopped is not None:
                # the signal ended an SQL function, which sqlite3 reports as its error
                self._stopped(ctx, stopped)
            if isinstance(error, sqlite3.Error):
                # A storage failure the store did not name (should not happen, but never
                # a traceback)
                from ..store.connection import storage_error
                error = storage_error(error, state(ctx).db or "database")
            option = _typed_option(error, typed)
            line = error_line(error, state(ctx).lang, field=option, value=error.value) \
                if option else error_line(error, state(ctx).lang)
            self._fail(ctx, line, error.exit_code)
        except BrokenPipeError:
            # the reader went away (``| head``): stop quietly, as other tools do
            sys.stdout = open(os.devnull, "w")
            raise typer.Exit(0)
        except KeyboardInterrupt as interrupt:
            # Ctrl-C, or SIGTERM/SIGHUP (see ``Terminated``): say what happened, as the
            # ledger shows it now: a commit may have finished just before the signal.
            self._stopped(ctx, interrupt.signum if isinstance(interrupt, Terminated) else None)
        except Exception as error:
            # Exits and usage errors of the CLI framework pass through untouched.
            if type(error).__module__.split(".")[0] in ("typer", "click") or \
                    os.environ.get("WBPCTL_DEBUG") == "1":
                raise
            # A bug: say what kind, but not its message or locals (they may hold personal data).
            self._fail(ctx, error_line(WbpError("internal_error", kind=type(error).__name__),
                                       state(ctx).lang), 1)
        finally:
            if isinstance(ctx.obj, State):
                ctx.obj.close()

    def main(self, args: Any = None, *rest: Any, **options: Any) -> Any:
        """Before Click parses: this invocation's language for ``--help`` and usage
        errors, and every help text of the tree in it."""
        from .language import LANG, install, language_of, localize

        install()
        lang = language_of(sys.argv[1:] if args is None else args)
        LANG.set(lang)
        localize(self, lang)
        return super().main(args, *rest, **options)

    @staticmethod
    def _fail(ctx: typer.Context, line: str, code: int) -> None:
        tell(f"wbpctl: {line}")
        raise typer.Exit(code)

    @staticmethod
    def _stopped(ctx: typer.Context, signum: int | None) -> None:
        """Ctrl-C (130), or SIGTERM/SIGHUP (128 + its number): what the ledger shows now."""
        import signal
        WbpGroup._fail(ctx, error_line(_interrupted(ctx), state(ctx).lang),
                       128 + (signum or signal.SIGINT))


app = typer.Typer(
    cls=WbpGroup,
    help="Training and reintegration ledger of Lapas Kelas IIB Kuala Tungkal.\n\n"
         "Every change is an event in a hash-chained ledger inside one SQLite file.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,   # tracebacks must never print local variables
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print_version()
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[Optional[str], typer.Option(
        "--db", metavar="PATH",
        envvar="WBPCTL_DB", help="Database file (default: 'database:' in the config,"
        " else data/wbp.db).", show_default=False)] = None,
    config: Annotated[Optional[str], typer.Option(
        "--config", metavar="PATH",
        envvar="WBPCTL_CONFIG", help="Config file (default: ./config.yaml, the"
        " user config folder, then the packaged default).", show_default=False)] = None,
    lang: Annotated[Optional[str], typer.Option(
        "--lang", metavar="id|en",
        envvar="WBPCTL_LANG", help="Language of messages and tables: id or en"
        " (default: from the config).", show_default=False)] = None,
    actor: Annotated[Optional[str], typer.Option(
        "--actor", metavar="NAME",
        envvar="WBPCTL_ACTOR", help="Who is acting, recorded in every event"
        " (default: the OS user).", show_default=False)] = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Training and reintegration ledger of Lapas Kelas IIB Kuala Tungkal."""
    if lang is not None and lang not in ("id", "en"):
        raise typer.BadParameter("must be id or en", param_hint="--lang")
    ctx.obj = State(db=db, config_path=config, lang_option=lang, actor_option=actor)


def main() -> None:
    """Console-script entry point. Output a console cannot encode (a cp1252 or ASCII
    stdout) becomes '?' instead of an error; SIGTERM and SIGHUP end the run as Ctrl-C does.
    A signal the caller ignores stays ignored: SIGHUP under nohup, Ctrl-C in a job a
    script started in the background (``wbpctl import ... &``)."""
    import signal
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name) and signal.getsignal(getattr(signal, name)) is signal.SIG_DFL:
            signal.signal(getattr(signal, name), _terminate)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _ctrl_c)
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf8sig") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    app(prog_name="wbpctl")
