"""The one output sanitiser: how a value from the ledger, a file or the command line is
shown where it could do harm. Every renderer and every message goes through it.

* Terminal text (tables, messages, error lines) and markdown: control characters (C0
  such as ESC, DEL, C1, and the invisible format characters such as the bidi overrides
  U+202A-U+202E) are shown escaped, ``\\x1b``, ``\\u202e``: ``--actor $'\\e[2J'`` in a
  ledger once cleared the screen of whoever ran ``wbpctl log``.
* Error lines: a value echoed is cut to 80 characters (they once echoed 100 KB cells).
* Markdown: HTML is escaped too (a markdown file is often shown as HTML).
* HTML: escaped, with control characters shown as above.
* JSON: exact; C1 and format characters are written as ``\\u`` escapes, as JSON already
  writes C0 ones, so a terminal shown JSON receives none.
* CSV and workbook cells: a text a spreadsheet would run as a formula gets a ``'``
  (``domain.cells``), unless the user asked for ``--raw-cells``.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from ..domain.cells import restore_text, safe_text

__all__ = ["terminal_text", "cut", "error_value", "markdown_text", "html_text", "json_text",
           "cell", "restore_text"]

ERROR_VALUE_LENGTH = 80
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def _unsafe(ch: str) -> bool:
    return unicodedata.category(ch) in _UNSAFE_CATEGORIES


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"


def terminal_text(text: Any) -> str:
    """``text`` with every control and format character shown escaped."""
    text = text if isinstance(text, str) else str(text)
    if text.isprintable():          # the usual case, at C speed
        return text
    return "".join(_escaped(ch) if _unsafe(ch) else ch for ch in text)


def cut(text: str, length: int = ERROR_VALUE_LENGTH) -> str:
    return text if len(text) <= length else text[:length] + "..."


def error_value(value: Any) -> str:
    """A value as an error line echoes it: escaped, at most 80 characters."""
    text = value if isinstance(value, str) else str(value)
    return terminal_text(cut(text))


def markdown_text(text: Any) -> str:
    """A markdown table cell: no HTML, no pipe or line break, no control character."""
    from html import escape   # here: the html module loads its table of entities

    text = escape(terminal_text(text), quote=False)
    return text.replace("\\", "\\\\").replace("|", "\\|")


def html_text(text: Any, quote: bool = True) -> str:
    from html import escape

    return escape(terminal_text(text), quote=quote)


def json_text(data: Any, **options: Any) -> str:
    """``json.dumps`` (UTF-8 kept as it is), with C1 and format characters escaped."""
    text = json.dumps(data, ensure_ascii=False, **options)
    if text.isascii():
        return text
    return "".join(json.dumps(ch)[1:-1] if ch > "\x7f" and _unsafe(ch) else ch
                   for ch in text)


def cell(text: str, *, raw: bool = False) -> str:
    """A text cell of a CSV file or workbook: neutralised unless ``raw``."""
    return text if raw else safe_text(text)
