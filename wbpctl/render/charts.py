"""Small charts: inline SVG for HTML reports, block bars for the terminal.

The SVG is plain markup with its own colours and no scripts or fonts from
elsewhere, so the page prints and opens offline.
"""

from __future__ import annotations

from .safe import html_text as escape
from typing import Sequence

COLOURS = ("#2f6f4e", "#d08c2b")   # green and amber: readable in print and for most eyes


def text_bar(value: int, largest: int, width: int = 20) -> str:
    if largest <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(value / largest * width))


def grouped_bars_svg(labels: Sequence[str], series: Sequence[tuple[str, Sequence[int]]],
                     *, title: str) -> str:
    """Horizontal bars, one group per label, one bar per series (at most two)."""
    row, bar, left, width = 34, 12, 150, 420
    largest = max([1, *(v for _, values in series for v in values)])
    height = 40 + row * len(labels) + 24
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{left + width + 60}"'
             f' height="{height}" viewBox="0 0 {left + width + 60} {height}">',
             f'<title>{escape(title)}</title>']
    for i, label in enumerate(labels):
        y = 30 + i * row
        parts.append(f'<text x="{left - 8}" y="{y + bar + 2}" text-anchor="end"'
                     f' font-size="12">{escape(label)}</text>')
        for j, (name, values) in enumerate(series):
            value = values[i]
            length = value / largest * width
            by = y + j * (bar + 2)
            parts.append(f'<rect x="{left}" y="{by}" width="{length:.1f}" height="{bar}"'
                         f' fill="{COLOURS[j % 2]}"><title>{escape(name)}: {value}</title></rect>')
            parts.append(f'<text x="{left + length + 4:.1f}" y="{by + bar - 2}"'
                         f' font-size="10">{value}</text>')
    parts.append(_legend(series, 10, height - 12))
    parts.append("</svg>")
    return "".join(parts)


def columns_svg(labels: Sequence[str], series: Sequence[tuple[str, Sequence[int]]],
                *, title: str) -> str:
    """Vertical paired columns over time (a 12-month trend)."""
    group, col, top, plot = 52, 18, 20, 160
    width = 40 + group * len(labels)
    height = top + plot + 56
    largest = max([1, *(v for _, values in series for v in values)])
    base = top + plot
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}"'
             f' height="{height}" viewBox="0 0 {width} {height}">',
             f'<title>{escape(title)}</title>',
             f'<line x1="30" y1="{base}" x2="{width - 5}" y2="{base}" stroke="#888"/>']
    for i, label in enumerate(labels):
        x = 36 + i * group
        for j, (name, values) in enumerate(series):
            value = values[i]
            h = value / largest * plot
            cx = x + j * (col + 2)
            parts.append(f'<rect x="{cx}" y="{base - h:.1f}" width="{col}" height="{h:.1f}"'
                         f' fill="{COLOURS[j % 2]}"><title>{escape(name)} {escape(label)}:'
                         f' {value}</title></rect>')
            if value:
                parts.append(f'<text x="{cx + col / 2}" y="{base - h - 3:.1f}"'
                             f' text-anchor="middle" font-size="9">{value}</text>')
        parts.append(f'<text x="{x + col}" y="{base + 14}" text-anchor="middle"'
                     f' font-size="10">{escape(label)}</text>')
    parts.append(_legend(series, 30, height - 12))
    parts.append("</svg>")
    return "".join(parts)


def _legend(series: Sequence[tuple[str, Sequence[int]]], x: int, y: int) -> str:
    out = []
    for j, (name, _) in enumerate(series):
        lx = x + j * 160
        out.append(f'<rect x="{lx}" y="{y - 10}" width="12" height="12"'
                   f' fill="{COLOURS[j % 2]}"/><text x="{lx + 16}" y="{y}"'
                   f' font-size="12">{escape(name)}</text>')
    return "".join(out)


Interval = tuple[float, float, float] | None    # (value, low, high) as shares, or nothing


def intervals_svg(labels: Sequence[str], series: Sequence[tuple[str, Sequence[Interval]]],
                  *, title: str, axis: str = "%") -> str:
    """A point per label and series with a whisker for its interval (rates with their 95%
    intervals, one column of points per cohort)."""
    group, top, plot = 70, 20, 180
    width = 60 + group * len(labels)
    height = top + plot + 56
    largest = max([0.05, *(i[2] for _, values in series for i in values if i)])
    scale = plot / largest
    base = top + plot
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}"'
             f' height="{height}" viewBox="0 0 {width} {height}">',
             f'<title>{escape(title)}</title>',
             f'<line x1="40" y1="{base}" x2="{width - 5}" y2="{base}" stroke="#888"/>']
    for tick in (0.0, largest / 2, largest):
        y = base - tick * scale
        parts.append(f'<text x="36" y="{y + 4:.1f}" text-anchor="end" font-size="9">'
                     f'{tick * 100:.0f}{axis}</text>'
                     f'<line x1="40" y1="{y:.1f}" x2="{width - 5}" y2="{y:.1f}" stroke="#eee"/>')
    for i, label in enumerate(labels):
        x = 60 + i * group
        for j, (name, values) in enumerate(series):
            found = values[i]
            if not found:
                continue
            value, low, high = found
            cx = x + j * 20
            colour = COLOURS[j % 2]
            parts.append(f'<line x1="{cx}" y1="{base - low * scale:.1f}" x2="{cx}"'
                         f' y2="{base - high * scale:.1f}" stroke="{colour}" stroke-width="2"/>'
                         f'<circle cx="{cx}" cy="{base - value * scale:.1f}" r="4"'
                         f' fill="{colour}"><title>{escape(name)} {escape(label)}:'
                         f' {value * 100:.1f}{axis} ({low * 100:.1f}-{high * 100:.1f})'
                         f'</title></circle>')
        parts.append(f'<text x="{x + 10}" y="{base + 14}" text-anchor="middle"'
                     f' font-size="10">{escape(label)}</text>')
    parts.append(_legend(series, 40, height - 12))
    parts.append("</svg>")
    return "".join(parts)


PALETTE = ("#2f6f4e", "#d08c2b", "#4a78b5", "#a6475a", "#7a6a2f", "#5b9aa0")


def stacked_columns_svg(labels: Sequence[str], series: Sequence[tuple[str, Sequence[int]]],
                        *, title: str, unit: str = "") -> str:
    """One column per label, stacked by series (revenue per month per product); each
    segment says its series, label and value when pointed at."""
    group, col, top, plot = 52, 30, 20, 160
    width = 40 + group * max(len(labels), 1)
    rows = (len(series) + 2) // 3
    height = top + plot + 34 + 18 * rows
    totals = [sum(values[i] for _, values in series) for i in range(len(labels))]
    largest = max([1, *totals])
    base = top + plot
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}"'
             f' height="{height}" viewBox="0 0 {width} {height}">',
             f'<title>{escape(title)}</title>',
             f'<line x1="30" y1="{base}" x2="{width - 5}" y2="{base}" stroke="#888"/>']
    for i, label in enumerate(labels):
        x, y = 36 + i * group, float(base)
        for j, (name, values) in enumerate(series):
            h = values[i] / largest * plot
            if values[i]:
                y -= h
                parts.append(f'<rect x="{x}" y="{y:.1f}" width="{col}" height="{h:.1f}"'
                             f' fill="{PALETTE[j % len(PALETTE)]}"><title>{escape(name)}'
                             f' {escape(label)}: {escape(unit)}{values[i]}</title></rect>')
        parts.append(f'<text x="{x + col / 2}" y="{base + 14}" text-anchor="middle"'
                     f' font-size="10">{escape(label)}</text>')
    for j, (name, _) in enumerate(series):
        lx, ly = 30 + (j % 3) * 170, base + 34 + (j // 3) * 18
        parts.append(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12"'
                     f' fill="{PALETTE[j % len(PALETTE)]}"/><text x="{lx + 16}" y="{ly}"'
                     f' font-size="12">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
