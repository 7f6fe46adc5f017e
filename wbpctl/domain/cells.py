"""Spreadsheet cells and formulas (OWASP "CSV injection"): a text that begins with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula when a
spreadsheet opens the file (``=HYPERLINK(...)``, ``+cmd|' /C calc'!A0``). Every CSV and
workbook wbpctl writes puts a ``'`` before such a text, which spreadsheets show as text;
the importer takes that ``'`` off again, so a file goes out and comes back unchanged.
A plain number (``-5``, ``+1``, ``-0.25``) is not a formula and is left as it is.
"""

from __future__ import annotations

from .patterns import LazyPattern

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = LazyPattern(r"[-+]?[0-9]{1,30}(?:\.[0-9]{1,30})?(?:[eE][-+]?[0-9]{1,3})?")


def safe_text(text: str) -> str:
    if text.startswith(TRIGGERS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def restore_text(text: str) -> str:
    """A cell as it was before ``safe_text``."""
    return text[1:] if text[:1] == "'" and text[1:2] in TRIGGERS else text
