"""Every command explains itself; usage errors exit 2."""

import pytest
from typer.testing import CliRunner

from wbpctl.cli.app import app

COMMANDS = [[], ["init"], ["participant"], ["participant", "add"], ["participant", "list"],
            ["participant", "show"], ["participant", "edit"], ["participant", "readmit"],
            ["assign"], ["complete"], ["drop"], ["release"], ["remission"], ["remission", "add"],
            ["opd"], ["opd", "list"], ["track"], ["track", "list"], ["track", "show"], ["log"],
            ["verify"], ["head"], ["checkpoint"], ["keygen"], ["report"], ["report", "readiness"],
            ["report", "monthly"], ["report", "opd"], ["report", "recidivism"],
            ["sponsor"], ["sponsor", "add"], ["sponsor", "list"], ["sponsor", "show"],
            ["sponsor", "edit"], ["donation"], ["donation", "add"], ["donation", "list"],
            ["donation", "edit"], ["donation", "void"], ["adopt"], ["spend"],
            ["report", "sponsors"], ["report", "sponsor"], ["report", "sales"],
            ["product"], ["product", "list"], ["product", "show"], ["produce"], ["sell"],
            ["premi"], ["premi", "pay"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "wbpctl")
def test_help(command):
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


def test_commands_with_examples_show_them():
    for command in (["participant", "add"], ["assign"], ["complete"], ["release"],
                    ["donation", "add"], ["spend"], ["adopt"], ["report", "sponsor"],
                    ["produce"], ["sell"], ["premi", "pay"], ["report", "sales"]):
        assert "Example:" in CliRunner().invoke(app, [*command, "--help"]).stdout


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("wbpctl ")


def test_usage_error_is_exit_2(cli):
    assert cli("participant", "add", "--name", "x").exit_code == 2
    assert cli("no-such-command").exit_code == 2
    assert cli("--lang", "fr", "participant", "list").exit_code == 2
