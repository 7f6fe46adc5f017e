"""What a spreadsheet does to a value on its way out and back: a NIK kept as a number
loses its last digits (15 significant digits), and UTF-8 text opened as Windows-1252
comes back as mojibake (Andrés -> AndrÃ©s). A correction that is exactly such damage is
refused even with ``--update``: the tool must not write the damage it was handed."""

from __future__ import annotations


def nik_damaged(recorded: str | None, given: str) -> bool:
    """``given`` is ``recorded`` with its last digits turned to zeros."""
    if not recorded or len(recorded) != len(given) or recorded == given:
        return False
    kept = given.rstrip("0")
    return recorded.startswith(kept) and len(kept) < len(given)


def text_damaged(recorded: str | None, given: str) -> bool:
    """``given`` is ``recorded`` written as UTF-8 and read back as Windows-1252 or
    Latin-1 (once or more)."""
    if not recorded or recorded == given:
        return False
    text = recorded
    for _ in range(3):
        for codec in ("cp1252", "latin-1"):
            try:
                garbled = text.encode("utf-8").decode(codec)
            except UnicodeDecodeError:
                continue
            if garbled == given:
                return True
        try:
            text = text.encode("utf-8").decode("cp1252")
        except UnicodeDecodeError:
            return False
    return False
