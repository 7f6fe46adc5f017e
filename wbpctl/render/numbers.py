"""Numbers as each language writes them: Indonesian with a decimal comma and a thousands
dot (84,3%; 1.451), English with a decimal point and a thousands comma, and a true minus
sign for a change (−24%)."""

from __future__ import annotations

MINUS = "\u2212"


def number(value: int | float, lang: str, digits: int = 0) -> str:
    text = f"{value:,.{digits}f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text.replace("-", MINUS)


def percent(share: float | None, lang: str, digits: int = 1, *, signed: bool = False) -> str:
    """A share (0.182) as a percentage (18,2%); ``signed`` puts + before a rise."""
    if share is None:
        return "-"
    text = number(share * 100, lang, digits) + "%"
    return ("+" + text) if signed and share > 0 else text


def rupiah(value: int, lang: str) -> str:
    """Whole rupiah as each language writes money: ``Rp 5.000.000`` (Indonesian),
    ``Rp 5,000,000`` (English); a shortfall with a true minus sign (``−Rp 250.000``)."""
    digits = f"{abs(int(value)):,}"          # integer formatting: no float on the way
    text = "Rp " + (digits.replace(",", ".") if lang == "id" else digits)
    return (MINUS + text) if value < 0 else text
