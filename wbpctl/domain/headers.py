"""Matching the header line of a spreadsheet export to wbpctl's columns.

Headers match case-, space- and punctuation-insensitively ("No. Registrasi",
"no registrasi" and "NO_REGISTRASI" are one header), through the aliases in
config.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Rejected

_NOISE = re.compile(r"[^0-9a-z]+")


def normalize(header: str) -> str:
    return _NOISE.sub("", header.strip().lstrip("\ufeff").lower())


@dataclass(frozen=True)
class Layout:
    """Which column of the file holds which field; ``extra`` columns are ignored."""

    positions: dict[str, int]     # canonical name -> index in the row
    names: dict[str, str]         # canonical name -> the header as the file wrote it
    extra: tuple[str, ...]

    def column_of(self, field: str) -> str:
        return self.names.get(field, field)


def match_headers(headers: list[str], columns: tuple[str, ...], required: tuple[str, ...],
                  aliases: dict[str, tuple[str, ...]], *, one_of: tuple[str, ...] = (),
                  ignore_extra: bool = False, skip: tuple[str, ...] = ()) -> Layout:
    """Map the file's headers to ``columns``; refuse unknown, duplicate or missing ones."""
    lookup: dict[str, str] = {}
    for column in columns:
        lookup[normalize(column)] = column
        for alias in aliases.get(column, ()):
            lookup[normalize(alias)] = column
    positions: dict[str, int] = {}
    names: dict[str, str] = {}
    extra: list[str] = []
    for index, header in enumerate(headers):
        if normalize(header) in {normalize(s) for s in skip}:
            continue
        column = lookup.get(normalize(header))
        if column is None:
            if not header.strip() and ignore_extra:
                continue
            extra.append(header)
            continue
        if column in positions:
            raise Rejected("import_duplicate_column", column=header, first=names[column])
        positions[column] = index
        names[column] = header.strip().lstrip("\ufeff")
    if extra and not ignore_extra:
        raise Rejected("import_unknown_columns", columns=", ".join(repr(e) for e in extra),
                       known=", ".join(columns))
    missing = [c for c in required if c not in positions]
    if one_of and not any(c in positions for c in one_of):
        missing.append(" or ".join(one_of))
    if missing:
        raise Rejected("import_missing_columns", columns=", ".join(missing))
    return Layout(positions, names, tuple(extra))
