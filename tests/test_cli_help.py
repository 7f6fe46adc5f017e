"""Every command explains itself, in Indonesian by default and in English with --lang en;
usage errors exit 2 and are said in the same language. The list of commands comes from
the Typer app, so a new command is checked without anyone adding it here."""

import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from wbpctl.cli.app import app
from wbpctl.cli.language import paragraph_key
from wbpctl.render.help_text import HELP_ID


def _paths(command, path=()):
    yield list(path)
    for name, sub in getattr(command, "commands", {}).items():
        yield from _paths(sub, (*path, name))


COMMANDS = list(_paths(typer.main.get_command(app)))


def _nodes(command):
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _nodes(sub)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "wbpctl")
def test_help_in_both_languages(command):
    english = CliRunner().invoke(app, ["--lang", "en", *command, "--help"])
    assert english.exit_code == 0 and "Usage:" in english.stdout
    indonesian = CliRunner().invoke(app, ["--lang", "id", *command, "--help"])
    assert indonesian.exit_code == 0 and "Penggunaan:" in indonesian.stdout
    assert "Usage:" not in indonesian.stdout and "Show this message" not in indonesian.stdout


def _paragraphs():
    for node in _nodes(typer.main.get_command(app)):
        texts = [node.help] + [getattr(p, "help", None) for p in node.params]
        for text in filter(None, texts):
            yield from text.split("\n\n")


def test_every_help_text_has_its_indonesian():
    """A help text added without a translation in render/help_text.py fails here."""
    missing = []
    for paragraph in _paragraphs():
        key = paragraph_key(paragraph)
        verbatim = "\b" in paragraph   # a list of column names, kept as written
        if key and not verbatim and not key.startswith("Example:") and key not in HELP_ID:
            missing.append(key)
    assert missing == []


def test_no_translation_outlives_its_english():
    """A help text reworded leaves its old translation behind: remove it."""
    used = {paragraph_key(p) for p in _paragraphs()}
    assert [key for key in HELP_ID if key not in used] == []


def test_examples_are_laid_out_to_copy():
    shown = CliRunner().invoke(app, ["--lang", "en", "participant", "add", "--help"]).stdout
    lines = shown.splitlines()
    at = lines.index("  Example:")
    assert lines[at + 1].strip().startswith("wbpctl participant add --name \"Budi Santoso\"")
    assert lines[at + 1].endswith(" \\") and lines[at + 2].strip().startswith("--detained")
    assert "Contoh:" in CliRunner().invoke(app, ["--lang", "id", "assign", "--help"]).stdout


def test_import_help_keeps_its_column_list():
    shown = CliRunner().invoke(app, ["--lang", "en", "import", "--help"]).stdout
    assert "  participants  reg_no, name, nik, gender, birth_date, detained_on, admitted_on," \
        in shown
    assert "  enrolments    reg_no or nik, track, assigned_on, sponsor" in shown


def test_commands_with_examples_show_them():
    for command in (["participant", "add"], ["assign"], ["complete"], ["release"],
                    ["donation", "add"], ["spend"], ["adopt"], ["report", "sponsor"],
                    ["produce"], ["sell"], ["premi", "pay"], ["report", "sales"]):
        assert "Example:" in CliRunner().invoke(app, ["--lang", "en", *command, "--help"]).stdout


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("wbpctl ")


def test_usage_error_is_exit_2(cli):
    assert cli("participant", "add", "--name", "x").exit_code == 2
    assert cli("no-such-command").exit_code == 2
    assert cli("--lang", "fr", "participant", "list").exit_code == 2


def test_usage_errors_in_indonesian(cli):
    missing = cli("--lang", "id", "release", "B.I-1/2025", "--type", "pb")
    assert missing.exit_code == 2
    assert "Galat: Opsi wajib '--on' belum diberikan." in missing.stderr
    assert "Coba '" in missing.stderr and "release -h' untuk bantuan." in missing.stderr
    typo = cli("--lang", "id", "participant", "lst")
    assert "Tidak ada perintah 'lst'. Maksudnya 'list'?" in typo.stderr
    assert "Missing option '--on'" in cli("--lang", "en", "release", "B.I-1/2025").stderr


def test_the_readme_command_table_is_generated_from_the_help():
    script = Path(__file__).resolve().parent.parent / "scripts" / "command_table.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout


def test_shell_completion_is_offered():
    shown = CliRunner().invoke(app, ["--lang", "en", "--help"]).stdout
    assert "--install-completion" in shown


def _groups(command, path=()):
    if getattr(command, "commands", None):
        yield list(path)
        for name, sub in command.commands.items():
            yield from _groups(sub, (*path, name))


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("group", list(_groups(typer.main.get_command(app))),
                         ids=lambda g: " ".join(g) or "wbpctl")
def test_a_list_of_commands_reads_as_typer_makes_it(group, lang):
    """A group's --help lists its commands without building them (cli.lazy reads their help
    from what was registered): the list must be the one Typer makes from the built
    commands, in both languages."""
    from typer._click import Context, HelpFormatter
    from typer.core import TyperGroup

    from wbpctl.cli.language import localize

    node = typer.main.get_command(app)          # a fresh tree: nothing built yet
    localize(node, lang)
    for name in group:
        node = node.commands[name]
    ctx = Context(node, info_name=group[-1] if group else "wbpctl")
    listed, built = HelpFormatter(width=80), HelpFormatter(width=80)
    node.format_commands(ctx, listed)
    TyperGroup.format_commands(node, ctx, built)     # builds every command of the group
    assert listed.getvalue() == built.getvalue() != ""
