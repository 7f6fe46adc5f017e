"""The README documents every command (the list comes from the Typer app, so it cannot
drift) and says plainly what heads and checkpoints prove."""

from pathlib import Path

import typer.main

from wbpctl.cli.app import app

README = Path(__file__).resolve().parent.parent / "README.md"


def words():
    return " ".join(README.read_text(encoding="utf-8").split())


def test_every_command_is_in_the_readme():
    names = list(typer.main.get_command(app).commands)
    assert {"head", "checkpoint", "keygen", "verify"} <= set(names)
    assert [n for n in names if f"`wbpctl {n}" not in words()] == []


def test_the_readme_says_what_as_of_at_and_checkpoints_do_and_do_not():
    text = words()
    assert "Facts entered later with earlier dates" in text and "use `--at`" in text
    assert "`ledger_seq` and `ledger_hash` on every CSV row" in text
    assert "without a checkpoint file, such a rewrite passes `verify`" in text
    assert "`wbpctl head`" in text and "`--generated-at`" in text
