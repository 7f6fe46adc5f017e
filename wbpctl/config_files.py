"""Which configuration file a start uses, and the packaged default, without loading the
rules that check a configuration (``config``, which imports most of the domain).

The language is needed before the command line is parsed (``--help`` and usage errors
are said in it): a start that uses the packaged default reads its language from there
and loads nothing else; any other file is loaded and checked whole (``config.load_config``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

PACKAGED = Path(__file__).with_name("config.yaml")
# The packaged default parsed ahead of time: loading the YAML parser costs about 10 ms
# on every start, and most starts (cron, scripts) use only the default. A test keeps
# the two equal; `python -m wbpctl.config` writes this file again from config.yaml.
PACKAGED_JSON = Path(__file__).with_name("config.json")
LANGUAGES = ("id", "en")


def find_config_path(option: str | None) -> Path:
    """``--config`` > ``WBPCTL_CONFIG`` > ./config.yaml > the user config folder > the
    packaged default."""
    if option:
        return Path(option)
    env = os.environ.get("WBPCTL_CONFIG")
    if env:
        return Path(env)
    local = Path("config.yaml")
    if local.is_file():
        return local
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    user = Path(base) / "wbpctl" / "config.yaml"
    if user.is_file():
        return user
    return PACKAGED


def is_packaged(path: Path) -> bool:
    return path.resolve() == PACKAGED.resolve()


def packaged_default() -> dict:
    return json.loads(PACKAGED_JSON.read_text(encoding="utf-8"))


def language(option: str | None) -> str:
    """The language the configuration names (as ``load_config(option).language``); raises
    what loading it raises."""
    path = find_config_path(option)
    if is_packaged(path):
        # checked whole by the tests, and again by load_config when a command needs it
        chosen = packaged_default().get("language")
        if chosen in LANGUAGES:
            return chosen
    from .config import load_config
    return load_config(option).language
