"""Matching the header line of a spreadsheet export to wbpctl's columns.

Headers match case-, space- and punctuation-insensitively ("No. Registrasi",
"no registrasi" and "NO_REGISTRASI" are one header), through the aliases in
config.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Rejected
from .words import normalize


@dataclass(frozen=True)
class Layout:
    """Which column of the file holds which field; ``extra`` columns are ignored."""

    positions: dict[str, int]     # canonical name -> index in the row
    names: dict[str, str]         # canonical name -> the header as the file wrote it
    extra: tuple[str, ...]
    width: int = 0                # how many columns the header line has
    unnamed: tuple[int, ...] = () # columns with an empty header (spreadsheets add them)
    strict: bool = True           # a value outside the named columns is an error

    def column_of(self, field: str) -> str:
        return self.names.get(field, field)

    def fit(self, cells: list[str]) -> list[str]:
        """The row padded or cut to the header's width (so a column added after it lines
        up), unless it holds values past the header's last column."""
        if len(cells) > self.width and any(c.strip() for c in cells[self.width:]):
            return cells
        return cells[:self.width] + [""] * (self.width - len(cells))

    def stray_value(self, cells: list[str]) -> tuple[int, str] | None:
        """(1-based column, value) of the first value a row holds outside the named
        columns: under an empty header, or past the header's last column."""
        if not self.strict:
            return None
        for index in self.unnamed:
            if index < len(cells) and cells[index].strip():
                return index + 1, cells[index]
        for index in range(self.width, len(cells)):
            if cells[index].strip():
                return index + 1, cells[index]
        return None


def match_headers(headers: list[str], columns: tuple[str, ...], required: tuple[str, ...],
                  aliases: dict[str, tuple[str, ...]], *, one_of: tuple[str, ...] = (),
                  ignore_extra: bool = False, skip: tuple[str, ...] = ()) -> Layout:
    """Map the file's headers to ``columns``; refuse unknown, duplicate or missing ones."""
    lookup: dict[str, str] = {}
    spelled: dict[str, str] = {}         # a key as config.yaml writes it
    shared: dict[str, list[str]] = {}    # an alias two columns of this kind have (``all``)
    for column in columns:
        for alias in aliases.get(column, ()):
            key = normalize(alias)
            if lookup.get(key, column) != column:
                shared.setdefault(key, [lookup[key]]).append(column)
            lookup[key] = column
            spelled.setdefault(key, alias)
    for column in columns:
        lookup[normalize(column)] = column       # a column's own name always wins
        spelled[normalize(column)] = column
        shared.pop(normalize(column), None)
    positions: dict[str, int] = {}
    names: dict[str, str] = {}
    extra: list[str] = []
    unnamed: list[int] = []
    for index, header in enumerate(headers):
        if normalize(header) in {normalize(s) for s in skip}:
            continue
        if not header.strip().lstrip("\ufeff"):
            # a spreadsheet's trailing empty columns: fine while their cells are empty
            unnamed.append(index)
            continue
        if normalize(header) in shared:
            raise Rejected("import_ambiguous_column", column=header,
                           columns=", ".join(shared[normalize(header)]))
        column = lookup.get(normalize(header))
        if column is None:
            extra.append(header)
            continue
        if column in positions:
            raise Rejected("import_duplicate_column", column=header, first=names[column])
        positions[column] = index
        names[column] = header.strip().lstrip("\ufeff")
    if extra and not ignore_extra:
        like = _close_headers(extra, spelled)
        if like:
            raise Rejected("import_unknown_columns_like",
                           columns=", ".join(repr(e) for e in extra), like=like,
                           known=", ".join(columns))
        raise Rejected("import_unknown_columns", columns=", ".join(repr(e) for e in extra),
                       known=", ".join(columns))
    missing = [c for c in required if c not in positions]
    if one_of and not any(c in positions for c in one_of):
        missing.append(" or ".join(one_of))
    if missing:
        raise Rejected("import_missing_columns", columns=", ".join(missing))
    return Layout(positions, names, tuple(extra), len(headers), tuple(unnamed),
                  strict=not ignore_extra)


def _close_headers(extra: list[str], spelled: dict[str, str]) -> str:
    """The known headers close to unknown ones (a sheet's own spelling of a header wbpctl
    knows: "Tanggal Ditahn" for "Tanggal Ditahan"), in the unknown ones' order, as
    config.yaml writes them; "" when none is."""
    from difflib import get_close_matches   # only a refused file pays for it

    like = []
    for header in extra:
        found = get_close_matches(normalize(header), list(spelled), n=1, cutoff=0.8)
        if found and repr(spelled[found[0]]) not in like:
            like.append(repr(spelled[found[0]]))
    return " / ".join(like)
