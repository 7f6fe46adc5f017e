"""Ledger events as a person reads them in ``wbpctl log``: when (in the office's time),
who acted, what happened in words, whom it is about, and what it recorded, a correction as
``nama: Budi → Budi Santoso``. JSON and CSV keep the events whole."""

from __future__ import annotations

from typing import Any

from . import display
from .messages import MESSAGES, msg, value_word

READABLE = ("seq", "at", "actor", "what", "who", "details")
# what identifies rows to the program, not to a person
_HIDDEN = {"uid", "person", "stay", "transfer", "absence", "lapas", "notices", "previous",
           "reg_seq", "reg_year", "register_class", "track", "changes", "opds", "tracks",
           "takes", "shares", "batch_uid", "sponsor_uid", "products"}
# coded values said in words
_WORDS = {"type", "act", "result", "reason", "status", "kind", "purpose", "channel",
          "funded_by", "consent", "basis"}


def kind_named(text: str) -> str:
    """The event kind a reader names by the words the log shows (``bebas``, ``released``,
    any case), or ``text`` as it is (a kind or a part of one: ``stay.released``, ``stay``)."""
    wanted = " ".join(text.strip().lower().split())
    for key, pair in MESSAGES.items():
        if key.startswith("ev_") and "." in key and wanted in (p.lower() for p in pair if p):
            return key[3:]
    return text


def readable(event: dict, lang: str) -> dict:
    kind = event["kind"]
    key = "ev_" + kind
    # an event of another Lapas's chain (a merged ledger) is numbered in that chain
    seq = f"{event['lapas']}#{event['seq']}" if event.get("merged") else event["seq"]
    return {"seq": seq, "at": event["at"], "actor": event["actor"],
            "what": msg(key, lang) if key in MESSAGES else kind,
            "who": event.get("who") or "", "details": details(event, lang)}


def _value(field: str, value: Any, lang: str) -> str:
    from .formats import _shown

    if field == "sentence" and isinstance(value, dict):
        return display.sentence_text(_sentence(value), lang)
    if isinstance(value, bool):
        return value_word("yes" if value else "no", lang)
    if isinstance(value, str) and field in _WORDS:
        return value_word(value, lang)
    return _shown(field, value, lang)


def _sentence(value: dict) -> str:
    if value.get("life"):
        return "life"
    if value.get("death"):
        return "death"
    return " ".join(f"{value[k]}{u}" for k, u in (("years", "y"), ("months", "m"),
                                                  ("days", "d")) if value.get(k))


# a field whose plain header means something else in a report (a period's "to")
_FIELD_HEADERS = {("stay.released", "to"): "to_lapas", ("stay.returned", "from"): "from_lapas",
                  ("ledger.merged", "from"): "first", ("ledger.merged", "to"): "last"}


def _label(field: str, lang: str, kind: str = "") -> str:
    field = _FIELD_HEADERS.get((kind, field), field)
    return msg("h_" + field, lang) if "h_" + field in MESSAGES else field.replace("_", " ")


def details(event: dict, lang: str) -> str:
    payload, kind = event["payload"], event["kind"]
    parts: list[str] = []
    if payload.get("track"):
        parts.append(payload["track"])
    if "register_class" in payload and "reg_seq" in payload:
        number = f"{payload['register_class']}-{payload['reg_seq']}/{payload['reg_year']}"
        before = payload.get("previous")
        parts.append(f"{before['register_class']}-{before['reg_seq']}/{before['reg_year']}"
                     f" \u2192 {number}" if isinstance(before, dict) else number)
    if kind == "catalog.synced":
        parts.append(msg("ev_catalog_counts", lang, opds=len(payload.get("opds", [])),
                         tracks=len(payload.get("tracks", [])),
                         products=len(payload.get("products", []))))
    if kind == "ledger.merged":
        parts.append(str(payload.get("lapas")))
    if kind == "privacy.set":       # mask_nik false: "mask-nik: off", as it was typed
        parts.append(f"{str(payload.get('setting')).replace('_', '-')}: "
                     f"{'on' if payload.get('value') else 'off'}")
        payload = {"reason": payload.get("reason")}
    changes = payload.get("changes")
    if isinstance(changes, dict):
        previous = event.get("previous") or {}
        for field, new in changes.items():
            old = previous.get(field)
            shown_new = _value(field, new, lang)
            parts.append(f"{_label(field, lang)}: {_value(field, old, lang)} \u2192 {shown_new}"
                         if old is not None else f"{_label(field, lang)}: \u2192 {shown_new}")
    names = event.get("names") or {}
    # the day it happened first, then what the event recorded in its own order
    for field, value in sorted(payload.items(), key=lambda item: item[0] != "on"):
        if field in _HIDDEN or value in (None, "", False, [], {}):
            continue
        if field in ("sponsor", "a", "b") and isinstance(value, str):
            value = names.get(value, value)
        elif field in ("makers", "credits"):
            value = _people(value, names, lang)
        elif field == "split" and isinstance(value, dict):
            value = ", ".join(f"{_label(share, lang)} {_value('amount', amount, lang)}"
                              for share, amount in value.items())
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        parts.append(f"{_label(field, lang, kind)}: {_value(field, value, lang)}")
    return "; ".join(parts)


def _people(items: list, names: dict, lang: str) -> str:
    """A batch's makers (with their weights when unequal) or a sale's premi credits, by
    register number and name."""
    weights = {item.get("weight") for item in items}
    shown = []
    for item in items:
        who = names.get(item.get("person"), item.get("person"))
        if "amount" in item:
            shown.append(f"{who} {_value('amount', item['amount'], lang)}")
        else:
            shown.append(f"{who} ({item['weight']})" if len(weights) > 1 else str(who))
    return ", ".join(shown)
