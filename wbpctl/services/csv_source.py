"""Reading CSV as spreadsheets write it: UTF-8 with or without BOM, Windows-1252, UTF-16
with a BOM (Excel's "Unicode text"), comma, semicolon or tab, CRLF, quoted fields
holding delimiters and newlines, blank trailing lines, title lines above the header.

Rows stream one at a time, so memory does not grow with the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from ..domain.errors import Rejected

DELIMITERS = (",", ";", "\t", "|")
# how .xlsx/.ods (zip) and .xls (OLE2) files begin: a workbook, not a CSV export of it
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_TITLE_LINES = 10   # how many lines above the header may be titles
# what a shell script can pass for a delimiter it cannot type
_NAMED_DELIMITERS = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


@dataclass
class CsvSource:
    """An open CSV file: its header, its rows with their line numbers, and how far we are."""

    name: str
    headers: list[str]
    delimiter: str
    encoding: str
    _binary: BinaryIO
    _text: io.TextIOWrapper
    _reader: "csv._reader"
    size: int | None
    header_line: int = 1
    bom: bool = False           # the file began with a byte-order mark
    newline: str = "\n"         # how its lines end (\r\n from Windows programs)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line where the row starts, cells); blank rows are skipped, and so is the header
        line again (files joined with ``cat`` repeat it)."""
        reader = self._reader
        header = _bare(self.headers)
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                raise _decode_error(self.name, self.encoding, exc) from None
            except csv.Error as exc:
                raise Rejected("import_csv_broken", file=self.name, line=start,
                               reason=str(exc)) from None
            if not any(cell.strip() for cell in cells):
                continue
            if cells[0].strip().lstrip("\ufeff") == header[0] and _bare(cells) == header:
                continue
            yield start, cells

    def position(self) -> int:
        try:
            return self._binary.tell()
        except (OSError, ValueError):
            return 0

    def close(self) -> None:
        if self._binary is not sys.stdin.buffer:
            self._binary.close()


def _bare(cells: list[str]) -> list[str]:
    return [cell.strip().lstrip("\ufeff") for cell in cells]


def _decode_error(name: str, encoding: str, exc: UnicodeDecodeError) -> Rejected:
    hint = "cp1252" if codecs.lookup(encoding).name.startswith("utf") else "utf-8"
    shown = "utf-8" if encoding == "utf-8-sig" else encoding
    return Rejected("import_encoding", file=name, encoding=shown, hint=hint,
                    byte=f"0x{exc.object[exc.start]:02x}")


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that splits the header line most, counting outside quotes."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def open_csv(path: str, *, encoding: str | None = None, delimiter: str | None = None
             ) -> CsvSource:
    """Open ``path`` (``-`` for stdin) and read its header line."""
    name = "<stdin>" if path == "-" else path
    chosen = (encoding or "utf-8").lower()
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise Rejected("import_encoding_unknown", encoding=encoding) from None
    if chosen.replace("_", "-") in ("utf-8", "utf8"):
        chosen = "utf-8-sig"   # a BOM from Excel is not part of the first header
    try:
        binary: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb")
    except FileNotFoundError:
        raise Rejected("import_file_missing", file=name) from None
    except OSError as exc:
        raise Rejected("import_file_unreadable", file=name, reason=exc.strerror or str(exc)
                       ) from None
    start = _peek(binary, 4)
    if start.startswith(_WORKBOOKS):
        binary.close()
        raise Rejected("import_workbook", file=name)
    if encoding is None and start[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        chosen = "utf-16"   # Excel's "Unicode text" export (tab-separated) starts so
    size = None
    if path != "-":
        try:
            size = Path(path).stat().st_size
        except OSError:
            size = None
    given = _NAMED_DELIMITERS.get(delimiter.lower(), delimiter) if delimiter else None
    if delimiter is not None and (given is None or len(given) != 1):
        raise Rejected("import_delimiter", delimiter=delimiter)
    text = io.TextIOWrapper(binary, encoding=chosen, newline="")
    lines = _first_lines(text, name, chosen, given)
    if not any(line.strip() for line in lines):
        raise Rejected("import_empty", file=name)
    # the header is the first line with two values or more: lines above it that hold one
    # value at most are the titles printed lists carry ("DAFTAR WBP ...", a blank line)
    at = next((i for i, line in enumerate(lines) if _values(line, given) >= 2), 0)
    chosen_delimiter = given or sniff_delimiter(lines[at])
    headers = next(csv.reader([lines[at]], delimiter=chosen_delimiter))
    reader = csv.reader(itertools.chain(lines[at + 1:], text), delimiter=chosen_delimiter)
    return CsvSource(name, headers, chosen_delimiter, chosen, binary, text,
                     _LineOffset(reader, at + 1), size, header_line=at + 1,
                     bom=start.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                           codecs.BOM_UTF16_BE)),
                     newline="\r\n" if lines[at].endswith("\r\n") else "\n")


def open_source(path: str, *, encoding: str | None = None, delimiter: str | None = None,
                sheet: str | None = None):
    """A CSV file (or standard input), or a workbook (.xlsx, .ods, .xls: by name, or by
    its first bytes), opened at its header."""
    from .workbook_source import is_workbook_name, open_workbook

    if path != "-" and (is_workbook_name(path) or _starts_like_workbook(path)):
        return open_workbook(path, sheet=sheet)
    return open_csv(path, encoding=encoding, delimiter=delimiter)


def _starts_like_workbook(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4).startswith(_WORKBOOKS)
    except OSError:
        return False


def _first_lines(text: io.TextIOWrapper, name: str, encoding: str, delimiter: str | None
                 ) -> list[str]:
    """Lines up to the first with two values or more, at most ``_TITLE_LINES`` + 1."""
    lines: list[str] = []
    try:
        while len(lines) <= _TITLE_LINES and (line := text.readline()):
            lines.append(line)
            if _values(line, delimiter) >= 2:
                break
    except UnicodeDecodeError as exc:
        raise _decode_error(name, encoding, exc) from None
    return lines


def _values(line: str, delimiter: str | None) -> int:
    cells = next(csv.reader([line], delimiter=delimiter or sniff_delimiter(line)), [])
    return sum(1 for cell in cells if cell.strip())


def _peek(binary: BinaryIO, count: int) -> bytes:
    """The first bytes of the file, left in place for the reader."""
    try:
        return binary.peek(count)[:count]   # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return b""


class _LineOffset:
    """A csv reader whose line numbers count the header line read before it."""

    def __init__(self, reader, offset: int) -> None:
        self._reader, self._offset = reader, offset

    @property
    def line_num(self) -> int:
        return self._reader.line_num + self._offset

    def __next__(self):
        return next(self._reader)

    def __iter__(self):
        return self
