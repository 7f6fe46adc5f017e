"""Sponsors (donatur): who they are, how they are named, what a listing may show of them,
and what a sponsor may be told about a person they adopt."""

from __future__ import annotations

import re
import unicodedata

from .errors import Invalid
from .words import pick

KINDS = ("perorangan", "perusahaan", "lembaga", "pemerintah")
KIND_ALIASES = {"individual": "perorangan", "person": "perorangan", "pribadi": "perorangan",
                "company": "perusahaan", "pt": "perusahaan", "csr": "perusahaan",
                "institution": "lembaga", "foundation": "lembaga", "yayasan": "lembaga",
                "organisasi": "lembaga", "government": "pemerintah", "instansi": "pemerintah"}
# Public budgets: spending they fund is recorded, but they are not sponsors with a balance
# (APBD: the regency's budget; DIPA: the state budget as the Lapas receives it).
PUBLIC_FUNDS = ("APBD", "DIPA")
CODE_LENGTH = 24
CONSENT = {"yes": True, "ya": True, "y": True, "true": True, "1": True,
           "no": False, "tidak": False, "t": False, "n": False, "false": False, "0": False}


def parse_kind(text: str, *, field: str = "kind") -> str:
    return pick(text, KINDS, KIND_ALIASES, field=field, rule="sponsor_kind_unknown")


def parse_consent(text: object, *, field: str = "consent") -> bool:
    """``yes``/``no`` (``ya``/``tidak``); an empty value is no: a sponsor sees a person's
    name only when the person said yes."""
    if isinstance(text, bool):
        return text
    if text is None or not str(text).strip():
        return False
    key = str(text).strip().lower()
    if key not in CONSENT:
        raise Invalid(field, text, "consent_unknown")
    return CONSENT[key]


def code_from_name(name: str) -> str:
    """A code to type from a name: ``Yayasan Peduli Jambi`` -> ``YAYASAN-PEDULI-JAMBI``,
    letters and digits only, cut at a word end to at most 24 characters."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", plain.upper())
    code = ""
    for word in words:
        longer = f"{code}-{word}" if code else word
        if len(longer) > CODE_LENGTH:
            break
        code = longer
    return code or (words[0][:CODE_LENGTH] if words else "SPONSOR")


def parse_code(text: str, *, field: str = "code") -> str:
    code = str(text).strip().upper()
    if not re.fullmatch(r"[A-Z0-9]+(?:-[A-Z0-9]+)*", code) or len(code) > CODE_LENGTH:
        raise Invalid(field, text, "sponsor_code_invalid", maximum=CODE_LENGTH)
    if code in PUBLIC_FUNDS:
        raise Invalid(field, text, "sponsor_code_reserved", codes=", ".join(PUBLIC_FUNDS))
    return code


def free_code(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... the first not taken (nor reserved)."""
    if wanted not in taken and wanted not in PUBLIC_FUNDS:
        return wanted
    n = 2
    while f"{wanted[:CODE_LENGTH - 1 - len(str(n))]}-{n}" in taken:
        n += 1
    return f"{wanted[:CODE_LENGTH - 1 - len(str(n))]}-{n}"


def name_key(name: str) -> str:
    """Two spellings of one name are one sponsor: case and spacing do not count."""
    return " ".join(str(name).split()).casefold()


def mask_contact(contact: str | None) -> str | None:
    """A phone number or address as a listing shows it: the first four and last three
    characters, the rest masked (``0812-3456-7890`` -> ``0812*******890``), like a NIK."""
    if not contact:
        return contact
    if len(contact) <= 7:
        return "*" * len(contact)
    return contact[:4] + "*" * (len(contact) - 7) + contact[-3:]


def initials(name: str) -> str:
    """``Budi Santoso`` -> ``B.S.``"""
    return "".join(f"{word[0].upper()}." for word in str(name).split() if word[:1].isalpha())


def adoptee_label(name: str, register_class: str, consent: bool) -> str:
    """What a sponsor is told of a person they adopt: the name with the person's consent,
    otherwise the initials and register class only (``B.S. (B.I)``)."""
    return name if consent else f"{initials(name) or '?'} ({register_class})"
