"""Ledger heads as people read them: ``wbpctl head``/``checkpoint``, and the line every
report ends with (``Ledger KTL#5120:3f9a2c71``)."""

from __future__ import annotations

from ..domain.heads import Head
from .formats import to_csv, to_json, to_markdown
from .messages import header, msg
from .safe import terminal_text

# what a head record may hold, in the order it is shown
FIELDS = ("head", "lapas", "seq", "hash", "at", "merged", "written_at", "actor", "signature")
CSV_COLUMNS = ("ledger_seq", "ledger_hash")   # on every row of a CSV report, not a footer


def head_record(head: Head, **extra: object) -> dict:
    """``head`` (the short form) first, then the parts; a checkpoint adds its own fields."""
    record = {"head": head.short, **head.as_dict(), **extra}
    return {f: record[f] for f in (*FIELDS, *record) if f in record}


def footer(head: dict, lang: str) -> str:
    """The line under a report: which ledger head it was made from."""
    return msg("ledger_footer", lang, head=Head(**head).short)


def csv_cells(head: dict) -> dict:
    return {"ledger_seq": head["seq"], "ledger_hash": head["hash"]}


def _label(field: str, lang: str) -> str:
    return msg("hd_" + field, lang) if ("hd_" + field) in _OWN else header(field, lang)


_OWN = {"hd_seq", "hd_written_at", "hd_signature"}


def _shown(field: str, value: object, lang: str) -> str:
    if field == "signature":       # 88 characters of base64 do not fit a terminal line
        return msg("signed_ed25519", lang)
    if isinstance(value, list):      # the heads of the chains merged in
        return terminal_text(", ".join(str(v) for v in value))
    if field in ("at", "written_at") and isinstance(value, str):   # JSON keeps the instant
        from .display import time_text
        return time_text(value, lang)
    return "" if value is None else terminal_text(value)


def render_head(record: dict, fmt: str, lang: str) -> str:
    """JSON is the record itself; the text form puts the short head on its own line (to
    copy), then each part under it, narrow enough for an 80-column terminal."""
    fields = [f for f in FIELDS if f in record]
    if fmt == "json":
        return to_json(record)
    if fmt == "csv":
        return to_csv([record], fields)
    rows = [{"field": _label(f, lang), "value": _shown(f, record[f], lang)} for f in fields]
    if fmt == "markdown":
        return to_markdown(rows, ("field", "value"), lang, msg("s_head", lang))
    width = max(len(r["field"]) for r in rows[1:])
    return terminal_text(record["head"]) + "\n" + "".join(f"  {r['field']:<{width}}  {r['value']}\n"
                                           for r in rows[1:])
