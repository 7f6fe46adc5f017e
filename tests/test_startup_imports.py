"""A guard on what start-up loads: wbpctl is called dozens of times a day and in loops.

How long start-up takes is measured by benchmarks/startup.py, never asserted here: a timed
test fails on a loaded machine (one did: 0.40 s against a 0.02 s baseline).
"""

import os
import subprocess
import sys

import pytest

from test_e2e import run

pytestmark = pytest.mark.slow


def test_a_json_lookup_loads_no_heavy_library(tmp_path):
    """participant show -f json needs neither the YAML parser (packaged config), rich
    (no table), sqlite-utils (no migration) nor pydantic."""
    assert run("init", "--demo", cwd=tmp_path).returncode == 0
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c",
         "import sys; sys.argv = ['wbpctl', 'participant', 'show', 'B.I-1/2025', '-f', 'json'];"
         " from wbpctl.cli.entry import main; main()"],
        capture_output=True, text=True, cwd=tmp_path)
    assert '"name"' in out.stdout
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines()}
    for heavy in ("pydantic", "sqlite_utils", "yaml", "rich"):
        assert heavy not in imported, heavy


def imported_by(args: list[str], cwd, env: dict | None = None) -> tuple[str, set[str]]:
    """(stdout, the modules loaded) of ``wbpctl ARGS``: ``sys.modules`` as it exits (-X
    importtime does not list what ``importlib.import_module`` loads, as cli.lazy does)."""
    out = subprocess.run(
        [sys.executable, "-c",
         "import atexit, sys; atexit.register(lambda: sys.stderr.write("
         "'\\nmodules: ' + ' '.join(sys.modules) + '\\n'));"
         f" sys.argv = ['wbpctl', *{args!r}]; from wbpctl.cli.entry import main; main()"],
        capture_output=True, text=True, cwd=cwd, env=env)
    _, said, modules = out.stderr.rpartition("\nmodules: ")
    assert said, out.stderr
    return out.stdout, set(modules.split())


def test_a_lookup_builds_only_its_command_and_loads_nothing_that_writes(tmp_path):
    """The command tree is built as it is used (cli.lazy): participant show imports the
    participant commands and no other group's. A read loads none of the writing side:
    the chain and projections (store.ledger), the records of other Lapas (store.merging,
    store.bundles)."""
    assert run("init", "--demo", cwd=tmp_path).returncode == 0
    shown, imported = imported_by(["participant", "show", "B.I-1/2025", "-f", "json"],
                                  tmp_path)
    assert '"name"' in shown
    assert "wbpctl.cli.participant" in imported
    for unneeded in ("wbpctl.cli.report", "wbpctl.cli.transfer", "wbpctl.cli.sponsors",
                     "wbpctl.cli.federation", "wbpctl.store.ledger", "wbpctl.store.merging",
                     "wbpctl.store.bundles"):
        assert unneeded not in imported, unneeded


def test_a_json_lookup_loads_only_what_it_uses(tmp_path):
    """participant show -f json writes the record as it is: none of the other formats'
    renderers (tables, CSV) nor the message catalogue (a lookup that succeeds says
    nothing). The config makes its products and sales split when a command uses them, so
    the rules of products and fractions (with decimal) stay unloaded; nor does the lookup
    load the rules of releases or of import headers, calendar or getpass. The office's
    zone is one of Indonesia's, which the config's check knows without the tz database
    (zoneinfo)."""
    assert run("init", "--demo", cwd=tmp_path).returncode == 0
    shown, imported = imported_by(["participant", "show", "B.I-1/2025", "-f", "json"],
                                  tmp_path)
    assert '"name"' in shown
    for unneeded in ("wbpctl.render.formats", "wbpctl.render.table", "wbpctl.render.messages",
                     "csv", "wbpctl.domain.products", "fractions", "decimal",
                     "wbpctl.domain.release", "wbpctl.domain.headers", "calendar", "getpass",
                     "zoneinfo"):
        assert unneeded not in imported, unneeded


def test_a_lookup_makes_no_dataclass_but_its_session(tmp_path):
    """On Python 3.11 making a frozen dataclass costs 0.5-1 ms (its methods are compiled
    from source), and a lookup made fourteen: 11 ms of a 96 ms start. The plain values
    every start needs (a sentence, a register number, milestones, tracks, sections, the
    display settings, the config) are named tuples; what is left are the objects of the
    command's session."""
    assert run("init", "--demo", cwd=tmp_path).returncode == 0
    out = subprocess.run(
        [sys.executable, "-c",
         "import dataclasses, sys; made = []; process = dataclasses._process_class\n"
         "def watched(cls, *args):\n"
         "    made.append(cls.__qualname__); return process(cls, *args)\n"
         "dataclasses._process_class = watched\n"
         "import atexit; atexit.register(lambda: sys.stderr.write('\\nmade: ' + ' '.join(made)))\n"
         "sys.argv = ['wbpctl', 'participant', 'show', 'B.I-1/2025', '-f', 'json']\n"
         "from wbpctl.cli.entry import main; main()"],
        capture_output=True, text=True, cwd=tmp_path)
    assert '"name"' in out.stdout, out.stderr
    _, said, made = out.stderr.rpartition("\nmade: ")
    assert said, out.stderr
    assert set(made.split()) <= {"State", "Session", "Tx", "_Writes"}, made


def test_no_regular_expression_is_compiled_as_its_module_is_imported():
    """The domain's and the renderers' patterns are compiled when first used
    (``domain.patterns.LazyPattern``): every start imports dates, money, NIKs and
    sentences, and compiling their patterns was about 4 ms of a lookup that uses two."""
    import importlib
    import pkgutil
    import re

    import wbpctl.domain
    import wbpctl.render

    for package in (wbpctl.domain, wbpctl.render):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                values = value.values() if isinstance(value, dict) else [value]
                assert not any(isinstance(v, re.Pattern) for v in values), \
                    f"{info.name}.{name}"


def test_help_with_the_packaged_config_loads_neither_config_checks_nor_services(tmp_path):
    """wbpctl --help needs the language (the packaged default's, read from config.json) and
    the first line of each command's help; not the checks of a config and the domain rules
    behind them, nor any service."""
    env = {k: v for k, v in os.environ.items() if k not in ("WBPCTL_LANG", "WBPCTL_CONFIG")}
    shown, imported = imported_by(["--help"], tmp_path, env)
    assert "Penggunaan:" in shown and "participant" in shown and "report" in shown
    assert "wbpctl.config_files" in imported
    loaded = sorted(m for m in imported if m == "wbpctl.config" or
                    m.startswith(("wbpctl.services", "wbpctl.store", "wbpctl.domain.milestones")))
    assert loaded == []


def test_cryptography_is_loaded_only_to_sign_or_check_signatures(tmp_path):
    """Without signing_key in the config, neither reports (which keep a checkpoint) nor
    verify load the cryptography package."""
    assert run("init", "--demo", cwd=tmp_path).returncode == 0
    for args in (["report", "monthly", "-f", "json"], ["checkpoint"], ["verify"]):
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c",
             f"import sys; sys.argv = ['wbpctl', *{args!r}]; from wbpctl.cli.entry import main;"
             " main()"], capture_output=True, text=True, cwd=tmp_path,
            env={**os.environ, "WBPCTL_LANG": "en", "HOME": str(tmp_path)})
        imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines()}
        assert "cryptography" not in imported, args
        assert (tmp_path / "data" / "wbp.db.heads").exists()
