"""Regular expressions compiled when first used, not when their module is imported.

Every start imports the modules of dates, money, NIKs and sentences, and compiling their
forty-odd patterns took about 4 ms of it (benchmarks/startup.py) while a lookup uses two
or three. ``LazyPattern(...)`` is written where ``re.compile(...)`` was and used the same
way (``.fullmatch``, ``.sub``, ...); it compiles on the first such call.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """``re.compile(regex, flags)``, done on first use. Not a ``re.Pattern``: call its
    methods; do not pass it to ``re.sub`` and the like."""

    def __init__(self, regex: str, flags: int = 0) -> None:
        self._source = (regex, flags)

    def __getattr__(self, name: str) -> Any:
        # Called only for a name not set yet. The compiled pattern's method is kept on the
        # instance, so later calls (millions in a bulk import) go straight to it.
        if name.startswith("__"):
            raise AttributeError(name)      # copy, pickle and the like ask for these
        value = getattr(re.compile(*self._source), name)
        setattr(self, name, value)
        return value
