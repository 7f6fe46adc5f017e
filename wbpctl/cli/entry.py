"""The console script. ``wbpctl --version`` is answered before the CLI framework loads
(scripts call it to check what is installed); everything else goes to ``app.main``."""

from __future__ import annotations

import sys


def print_version() -> None:
    from .. import __version__
    sys.stdout.write(f"wbpctl {__version__}\n")


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        print_version()
        return
    from ..files import sweep
    sweep()       # temporaries a killed wbpctl left behind (they may hold personal data)
    from .app import main as run
    run()
