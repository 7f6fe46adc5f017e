"""How a record (a ``show``) is laid out: its sections. Kept apart from the renderers so
the command modules can name their layout without loading any renderer."""

from __future__ import annotations

from typing import NamedTuple, Sequence


class Section(NamedTuple):
    """A titled part of a record: ``fields`` (key/value rows) or ``rows`` under ``columns``."""

    title: str
    key: str | None            # the record's key holding a list of rows; None: the record itself
    columns: Sequence[str]
    vertical: bool = False     # each item as label/value lines (a stay's many dates), not a row
    label: str | None = None   # with ``vertical``: the item's field that names it
