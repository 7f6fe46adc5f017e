"""One renderer per format: rows (a listing) or a record with sections (a ``show``).

Renderers return text; ``output.emit`` decides where it goes. JSON and CSV use
English snake_case keys (the contract scripts rely on); table and markdown
headers follow the language. Every value passes through ``safe`` on its way out.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from typing import Any, Iterable, Iterator, Sequence, TextIO

from ..domain.patterns import LazyPattern
from . import display
from .json_out import to_json
from .messages import header, msg, value_word
from .safe import cell, json_text, markdown_text, terminal_text
from .sections import Section
from .table import render_fields, render_table

EXTENSIONS = {".json": "json", ".csv": "csv", ".md": "markdown", ".markdown": "markdown",
              ".txt": "table", ".html": "html", ".htm": "html", ".xlsx": "xlsx",
              # named so that writing another format into such a name is refused
              ".xls": "xls", ".ods": "ods", ".pdf": "pdf", ".docx": "docx", ".doc": "doc"}


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        return json_text(value, sort_keys=True)
    return str(value)


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is written: for scripts (comma, LF, UTF-8) or for a spreadsheet set
    to Indonesian (``excel-id``: semicolon, the list separator there; CRLF; a BOM so UTF-8
    is recognised; long digit strings grouped so no digit of a NIK is lost). ``raw``:
    cells as they are, formula-like texts too (``--raw-cells``, for programs)."""

    delimiter: str = ","
    newline: str = "\n"
    encoding: str = "utf-8"
    grouped_digits: bool = False
    raw: bool = False


CSV_DIALECTS = {"plain": CsvDialect(), "excel-id": CsvDialect(";", "\r\n", "utf-8-sig", True)}
_LONG_DIGITS = LazyPattern(r"\d{15,}")


def csv_cell(value: Any, dialect: CsvDialect = CSV_DIALECTS["plain"]) -> str:
    """A cell of a CSV file: as ``cell_text``, with a text that a spreadsheet would run as
    a formula neutralised unless the dialect is ``raw`` (numbers stay numbers: -0.5 is
    not a formula)."""
    if not isinstance(value, str):
        return cell_text(value)
    if dialect.grouped_digits and _LONG_DIGITS.fullmatch(value):
        return " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return cell(value, raw=dialect.raw)


def csv_writer(handle: TextIO, dialect: CsvDialect):
    return csv.writer(handle, delimiter=dialect.delimiter, lineterminator=dialect.newline)


def recast_csv(text: str, dialect: CsvDialect) -> str:
    """A CSV text as a renderer wrote it (``to_csv``: plain, cells as they are) in the
    dialect asked for, each cell through ``csv_cell``: the step that neutralises formulas
    in every CSV report and record."""
    if dialect == replace(CSV_DIALECTS["plain"], raw=True):
        return text
    buffer = io.StringIO()
    writer = csv_writer(buffer, dialect)
    for row in csv.reader(io.StringIO(text)):
        writer.writerow([csv_cell(value, dialect) for value in row])
    return buffer.getvalue()


def _shown(column: str, value: Any, lang: str) -> str:
    """A cell as people read it: coded values in their words, dates and times as the
    language writes them, numbers with its separators, rates as percentages, sentences
    in words (JSON and CSV keep all of these as they are); nothing a terminal would act
    on."""
    return terminal_text(_readable(column, value, lang))


def _readable(column: str, value: Any, lang: str) -> str:
    if value is None:
        return ""
    if column in TRANSLATED and isinstance(value, str):
        return value_word(value, lang)
    if column == "due_by" and isinstance(value, str):     # PB, CB, CMB as officers write them
        return value.upper() if value in ("pb", "cb", "cmb") else value_word(value, lang)
    if column in MONEY and isinstance(value, int) and not isinstance(value, bool):
        from .numbers import rupiah
        return rupiah(value, lang)
    if column == "sentence" and isinstance(value, str):
        return display.sentence_text(value, lang)
    if column.endswith("rate") and isinstance(value, float):
        return display.rate_text(value, lang)
    if column in PLAIN_NUMBERS or isinstance(value, bool):
        return cell_text(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value_word(v, lang) if column in TRANSLATED_LISTS else v
                         for v in value)
    shown = display.cell(value, lang)
    return cell_text(value) if shown is None else shown


TRANSLATED = {"status", "section", "kind", "phase", "group", "result", "reason", "release_type",
              "type", "act", "purpose", "channel"}
TRANSLATED_LISTS = {"missing"}
PLAIN_NUMBERS = {"cohort", "seq", "id", "year", "reg_year", "window_years", "stays"}
# whole rupiah: "Rp 5.000.000" in tables and markdown (JSON and CSV keep the number)
MONEY = {"amount", "donated", "donated_cash", "donated_in_kind", "spent", "balance",
         "cost_per_completion", "price", "revenue", "premi", "cooperative", "pnbp",
         "premi_earned", "premi_paid", "premi_balance"}


def to_csv(rows: list[dict], columns: Sequence[str]) -> str:
    """Plain CSV with cells as they are: written out only through ``recast_csv`` (the CLI's
    ``emit_text``), which neutralises formulas for the dialect asked for."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell_text(row.get(c)) for c in columns])
    return buffer.getvalue()


def _md_escape(text: str) -> str:
    return markdown_text(text)


def _markdown_lines(columns: Sequence[str], lang: str, title: str | None) -> list[str]:
    lines = [f"## {markdown_text(title)}", ""] if title else []
    lines.append("| " + " | ".join(_md_escape(header(c, lang)) for c in columns) + " |")
    lines.append("|" + "|".join("---" for _ in columns) + "|")
    return lines


def _markdown_row(row: dict, columns: Sequence[str], lang: str) -> str:
    return "| " + " | ".join(_md_escape(_shown(c, row.get(c), lang)) for c in columns) + " |"


def to_markdown(rows: list[dict], columns: Sequence[str], lang: str, title: str | None = None
                ) -> str:
    lines = _markdown_lines(columns, lang, title)
    lines += [_markdown_row(row, columns, lang) for row in rows]
    if not rows:
        lines.append("| " + " | ".join([msg("none", lang)] + [""] * (len(columns) - 1)) + " |")
    return "\n".join(lines) + "\n"


class _Sink(io.StringIO):
    """Where rich writes a rendering; its ``encoding`` tells rich whether box drawing can
    be shown (ASCII boxes otherwise)."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:   # type: ignore[override]
        return self._encoding


def text_console(color: bool, width: int | None):
    from rich.console import Console

    # Off a terminal, a wide page so columns are never wrapped in a file or a pipe.
    sink = _Sink("ascii" if display.DISPLAY.get().ascii else "utf-8")
    return Console(file=sink, force_terminal=color, no_color=not color,
                   color_system="auto" if color else None, width=width or 240,
                   highlight=False, emoji=False, soft_wrap=False, safe_box=True)


def table_lines(rows: Iterable[dict], columns: Sequence[str], lang: str, *,
                title: str | None = None, color: bool = False, width: int | None = None
                ) -> Iterator[str]:
    """A listing as text lines (see ``render.table``), a page at a time."""
    return render_table(
        columns, [header(c, lang) for c in columns],
        ([_shown(c, row.get(c), lang) for c in columns] for row in rows),
        width=width, title=title, color=color, ascii=display.DISPLAY.get().ascii,
        empty=msg("none", lang),
        dropped_note=lambda left: msg("columns_left_out", lang, columns=", ".join(left)))


def to_table(rows: list[dict], columns: Sequence[str], lang: str, *, title: str | None = None,
             color: bool = False, width: int | None = None) -> str:
    return "".join(line + "\n" for line in table_lines(rows, columns, lang, title=title,
                                                        color=color, width=width))


def table_onto(console, rows: list[dict], columns: Sequence[str], lang: str,
               title: str | None = None) -> None:
    """A listing printed, as ``to_table`` lays it out, among the sections a report
    prints onto one rich console (the monthly report's)."""
    console.file.write(to_table(rows, columns, lang, title=title,
                                color=console.color_system is not None, width=console.width))


def fields_text(record: dict, columns: Sequence[str], lang: str, *, title: str | None = None,
                color: bool = False, width: int | None = None) -> str:
    """One thing as ``label  value`` lines."""
    return "".join(line + "\n" for line in render_fields(
        [(header(c, lang), _shown(c, record.get(c), lang)) for c in columns], title=title,
        color=color, width=width))


def write_rows(handle: TextIO, rows: Iterable[dict], columns: Sequence[str], fmt: str,
               lang: str, *, title: str | None = None, color: bool = False,
               width: int | None = None, dialect: CsvDialect = CSV_DIALECTS["plain"]) -> None:
    """A listing written as it is read: no format holds all rows (a national list is
    hundreds of thousands); a table is laid out a page at a time."""
    if fmt == "table":
        for line in table_lines(rows, columns, lang, title=title, color=color, width=width):
            handle.write(line + "\n")
        return
    if fmt == "json":
        first = True
        for row in rows:
            handle.write(("[\n" if first else ",\n") + json_text(row))
            first = False
        handle.write("[]\n" if first else "\n]\n")
        return
    if fmt == "ndjson":
        for row in rows:
            handle.write(json_text(row) + "\n")
        return
    if fmt == "csv":
        writer = csv_writer(handle, dialect)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(row.get(c), dialect) for c in columns])
        return
    empty = True
    for line in _markdown_lines(columns, lang, title):
        handle.write(line + "\n")
    for row in rows:
        empty = False
        handle.write(_markdown_row(row, columns, lang) + "\n")
    if empty:
        handle.write("| " + " | ".join([msg("none", lang)] + [""] * (len(columns) - 1)) + " |\n")


def render_record(record: dict, sections: Sequence[Section], fmt: str, lang: str, *,
                  color: bool = False, width: int | None = None, footer: str | None = None,
                  csv_extra: dict | None = None) -> str:
    """A record (``participant show``): JSON is the object; CSV is long form
    (``section,index,field,value``, then ``csv_extra``'s columns on every row); table and
    markdown show one part per section, then ``footer``."""
    if fmt == "json":
        return to_json(record)
    if fmt == "csv":
        extra = csv_extra or {}
        long_rows = []
        for section in sections:
            items = [record] if section.key is None else record.get(section.key) or []
            for index, item in enumerate(items, start=1):
                for column in section.columns:
                    long_rows.append({"section": section.key or "person", "index": index,
                                      "field": column, "value": item.get(column), **extra})
        return to_csv(long_rows, ("section", "index", "field", "value", *extra))
    parts = []
    for section in sections:
        title = msg(section.title, lang)
        if fmt != "markdown" and (section.key is None or section.vertical):
            items = [record] if section.key is None else record.get(section.key) or []
            blocks = [fields_text(item, section.columns, lang, color=color, width=width,
                                  title=f"{title}: {item.get(section.label)}" if section.label
                                  else title) for item in items]
            parts.append("\n".join(blocks) if blocks else f"{title}\n{msg('none', lang)}\n")
            continue
        if section.key is None:
            rows = [{"field": header(c, lang), "value": _shown(c, record.get(c), lang)}
                    for c in section.columns]
            columns: Sequence[str] = ("field", "value")
        else:
            rows, columns = record.get(section.key) or [], section.columns
        if fmt == "markdown":
            parts.append(to_markdown(rows, columns, lang, title))
        else:
            parts.append(to_table(rows, columns, lang, title=title, color=color, width=width))
    if footer is not None:
        parts.append(footer + "\n")
    return "\n".join(parts)
