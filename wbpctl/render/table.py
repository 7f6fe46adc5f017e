"""Text tables that fit the terminal without cutting what people have to read or type.

Key columns (register numbers, NIKs, dates, codes, numbers) never wrap and get their
width first; free text (names, offences, what is missing) wraps in the room left, at
spaces only, so a code in it (KONSELING-KELUARGA) stays whole. When a listing still does
not fit, columns are left out and a dim line says which, rather than cutting values: the
empty ones first, then the least important (from the right, never the first or an
essential one).
A long text meant to be read whole (a log event's details) that would get a narrow
column is printed under its row instead, indented, across the whole width. Rows are
laid out a page at a time, so a long listing starts printing at once and never
sits in memory whole; the first page decides the widths (a later value longer than its
column is printed whole, never cut).
"""

from __future__ import annotations

import textwrap
from itertools import islice
from typing import Iterable, Iterator, Sequence

from ..domain.patterns import LazyPattern

FREE_TEXT = {"name", "crime", "missing", "payload", "details", "reason", "value",
             "what", "certificate", "opd_name", "title", "changes", "who", "to_lapas",
             "verdict"}
ESSENTIAL = {"reg_no", "name", "code", "track", "field", "value", "cohort", "seq", "section",
             "window_years", "group", "month", "what", "who"}
# printed under the row when its column would be narrower than BELOW_FROM characters
BELOW = {"details"}
BELOW_FROM = 40
BELOW_INDENT = "    "
PAGE = 500
GAP = "  "
_NUMBER = LazyPattern(r"[−+-]?(?:Rp\s?)?[−+-]?[\d.,]+%?")  # money right-aligned too
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _min_free(cells: list[str], header: str) -> int:
    # free text breaks at spaces: a code in it (a track in a list of them) is one word
    longest_word = max([len(w) + 1 for c in cells for w in c.split()] or [0])
    return max(min(longest_word, 24), min(max(map(len, cells), default=0), 12),
               max((len(w) for w in header.split()), default=1))


def render_table(keys: Sequence[str], headers: Sequence[str], rows: Iterable[Sequence[str]], *,
                 width: int | None, title: str | None = None, color: bool = False,
                 ascii: bool = False, empty: str = "", dropped_note=None) -> Iterator[str]:
    """Lines of the table (no line ends). ``dropped_note(headers)`` says which columns were
    left out."""
    rows = iter(rows)
    first = [list(r) for r in islice(rows, PAGE)]
    if title:
        yield (_BOLD + title + _RESET) if color else title
    if not first:
        yield empty
        return
    n = len(keys)
    columns = [[r[i] for r in first] for i in range(n)]
    free = [k in FREE_TEXT for k in keys]
    numeric = [not free[i] and any(columns[i]) and
               all(not c or _NUMBER.fullmatch(c) for c in columns[i]) for i in range(n)]
    natural = [max(len(headers[i]), *(len(c) for c in columns[i])) for i in range(n)]
    least = [_min_free(columns[i], headers[i]) if free[i] else
             max(max(map(len, columns[i]), default=0),
                 max((len(w) for w in headers[i].split()), default=1)) for i in range(n)]
    shown, below = list(range(n)), None
    if width:
        empty = [not any(column) for column in columns]
        shown, sizes = _layout(keys, list(range(n)), least, natural, free, empty, width)
        narrow = [i for i in range(n) if keys[i] in BELOW
                  and (i not in shown or sizes[i] < BELOW_FROM)]
        if narrow and len(shown) > 1:
            below = narrow[0]
            shown, sizes = _layout(keys, [i for i in range(n) if i != below], least,
                                   natural, free, empty, width)
    else:
        sizes = natural
    rule = "-" if ascii else "\u2500"
    if ascii:     # a true minus (−155) is not in ASCII
        headers = [h.replace("\u2212", "-") for h in headers]
    head = [textwrap.wrap(headers[i], sizes[i]) or [""] for i in shown]
    for line in range(max(map(len, head))):
        text = GAP.join((h[line] if line < len(h) else "").ljust(sizes[i])
                        for h, i in zip(head, shown)).rstrip()
        yield (_BOLD + text + _RESET) if color else text
    yield GAP.join(rule * sizes[i] for i in shown)
    page = first
    while page:
        for row in page:
            cells = []
            for i in shown:
                value = row[i] if i < len(row) else ""
                if ascii:
                    value = value.replace("\u2212", "-")
                if free[i] and len(value) > sizes[i]:
                    cells.append(textwrap.wrap(value, sizes[i], break_long_words=True,
                                               break_on_hyphens=False) or [""])
                else:
                    cells.append([value])
            for line in range(max(map(len, cells))):
                parts = []
                for lines, i in zip(cells, shown):
                    text = lines[line] if line < len(lines) else ""
                    parts.append(text.rjust(sizes[i]) if numeric[i] else text.ljust(sizes[i]))
                yield GAP.join(parts).rstrip()
            if below is not None and below < len(row) and row[below]:
                for text in textwrap.wrap(row[below], width - len(BELOW_INDENT),
                                          break_long_words=True, break_on_hyphens=False):
                    yield BELOW_INDENT + text
        page = [list(r) for r in islice(rows, PAGE)]
    left_out = [headers[i] for i in range(n) if i not in shown and i != below]
    if left_out and dropped_note is not None:
        for note in textwrap.wrap(dropped_note(left_out), width or 10_000):
            yield (_DIM + note + _RESET) if color else note


def _layout(keys: Sequence[str], shown: list[int], least: list[int], natural: list[int],
            free: list[bool], empty: list[bool], width: int) -> tuple[list[int], list[int]]:
    """Which columns fit ``width`` and how wide each is: columns left out until the rest
    fit at their least width, the ``empty`` ones first (they tell nothing), then the
    least important (from the right; never the first nor an essential one); then the room
    left goes first to free text, a character at a time to each column still short of its
    natural width (so no one column takes it all), then to headers."""
    def total(indexes, sizes):
        return sum(sizes[i] for i in indexes) + len(GAP) * (len(indexes) - 1)

    shown = list(shown)
    while total(shown, least) > width:
        droppable = [i for i in shown[1:] if keys[i] not in ESSENTIAL]
        if not droppable:
            break
        shown.remove(([i for i in droppable if empty[i]] or droppable)[-1])
    sizes = list(least)
    room = width - total(shown, sizes)
    for want in ([i for i in shown if free[i]], shown):
        while room > 0:
            short = [i for i in want if sizes[i] < natural[i]]
            if not short:
                break
            for i in short[:room]:
                sizes[i] += 1
            room -= min(len(short), room)
    return shown, sizes


def paragraph_lines(text: str, width: int | None, *, style: str = "",
                    color: bool = False) -> Iterator[str]:
    """A sentence wrapped to ``width`` without trailing spaces, its continuation lines
    indented as far as its first (``style``: "bold" or "dim", on a terminal only)."""
    indent = " " * (len(text) - len(text.lstrip()))
    lines = textwrap.wrap(text, width, subsequent_indent=indent) if width else [text]
    start = {"bold": _BOLD, "dim": _DIM}.get(style, "") if color else ""
    for line in lines or [""]:
        yield start + line + _RESET if start else line


def render_fields(pairs: Sequence[tuple[str, str]], *, title: str | None = None,
                  color: bool = False, width: int | None = None) -> Iterator[str]:
    """A record as ``label  value`` lines (one thing: a person, a stay), labels aligned;
    empty values left out; a long value wraps under itself."""
    pairs = [(label, value) for label, value in pairs if value not in (None, "")]
    if title:
        yield (_BOLD + title + _RESET) if color else title
    if not pairs:
        return
    label_width = max(len(label) for label, _ in pairs)
    room = max((width or 10_000) - label_width - len(GAP) - 2, 20)
    for label, value in pairs:
        lines = textwrap.wrap(value, room) if len(value) > room else [value]
        yield f"  {label.ljust(label_width)}{GAP}{lines[0]}"
        for more in lines[1:]:
            yield f"  {' ' * label_width}{GAP}{more}"
