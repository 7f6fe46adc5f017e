"""JSON as every command writes it (``-f json``).

A module of its own, so that a lookup written as JSON loads none of the other renderers
(``render.formats`` loads the table, the CSV writer and the message catalogue).
"""

from __future__ import annotations

from typing import Any

from .safe import json_text


def to_json(data: Any) -> str:
    """A list of objects is one object a line (the fast C encoder, still easy to read and
    to grep); anything else is indented."""
    if isinstance(data, list):
        if not data:
            return "[]\n"
        return "[\n" + ",\n".join(json_text(item) for item in data) + "\n]\n"
    return json_text(data, indent=2) + "\n"
