"""The rows an import refused, written for the person who will fix them: in the file's own
dialect (encoding, byte-order mark, delimiter, line ends), so it opens in the same
spreadsheet the same way, with a ``rejection_reason`` column; as a workbook when the
input was one or the name ends in .xlsx."""

from __future__ import annotations

import csv
from contextlib import ExitStack
from pathlib import Path
from typing import Sequence

from .output import atomic_file
from .safe import cell
from .workbook import Sheet, write_workbook

REASON = "rejection_reason"


class RejectedRows:
    def __init__(self, path: Path, headers: Sequence[str], source, stack: ExitStack) -> None:
        self.headers = [*headers, REASON]
        self.as_workbook = Path(path).suffix.lower() == ".xlsx" or (
            Path(path).suffix.lower() != ".csv" and source.encoding == "workbook")
        self.path = Path(path)
        self.kept: list[list[str]] = []
        if self.as_workbook:
            stack.callback(self._write_workbook)
            return
        encoding = source.encoding if source.encoding != "workbook" else "utf-8-sig"
        if encoding == "utf-8-sig" and not source.bom and source.encoding != "workbook":
            encoding = "utf-8"
        handle = stack.enter_context(atomic_file(self.path, encoding=encoding,
                                                 errors="replace"))
        self.writer = csv.writer(handle, delimiter=source.delimiter or ";",
                                 lineterminator=source.newline if source.encoding != "workbook"
                                 else "\r\n")
        self.writer.writerow(self.headers)

    def add(self, cells: Sequence[str], reason: str) -> None:
        row = [*cells, reason]
        if self.as_workbook:
            self.kept.append(row)
        else:
            self.writer.writerow([cell(c) for c in row])

    def _write_workbook(self) -> None:
        write_workbook(self.path, [Sheet("ditolak", self.headers, self.kept)])
