"""Ledgers of several Lapas in one: how another Lapas's catalogue codes are kept apart.

Each Lapas (with its regency) has its own catalogue: ``OLAH-MADU`` in Kuala Tungkal is
not the track of that code in Jambi. In a ledger that merged another Lapas's chain, that
Lapas's OPD, track, product and sponsor codes are qualified by its code
(``JMB:OLAH-MADU``); this ledger's own stay as they are. A code already qualified (a
chain merged on from a regional ledger) is left alone.
"""

from __future__ import annotations

SEPARATOR = ":"


def qualified(code: str | None, lapas: str) -> str | None:
    if code is None or code == "" or SEPARATOR in code:
        return code
    return f"{lapas}{SEPARATOR}{code}"


def _catalog(p: dict, lapas: str) -> dict:
    return {**p,
            "opds": [{**o, "code": qualified(o["code"], lapas)} for o in p["opds"]],
            "tracks": [{**t, "code": qualified(t["code"], lapas),
                        "opd": qualified(t["opd"], lapas)} for t in p["tracks"]],
            **({"products": [{**x, "code": qualified(x["code"], lapas),
                              "track": qualified(x["track"], lapas)}
                             for x in p["products"]]} if "products" in p else {}),
            "scope": lapas}


def _keys(*keys: str):
    def qualify_keys(p: dict, lapas: str) -> dict:
        return {**p, **{k: qualified(p[k], lapas) for k in keys if k in p}}
    return qualify_keys


def _changes(*keys: str):
    inner = _keys(*keys)

    def qualify_changes(p: dict, lapas: str) -> dict:
        return {**p, "changes": inner(p["changes"], lapas)}
    return qualify_changes


# the payload keys that hold a catalogue or sponsor code, by event kind ("sponsor" of a
# place is the sponsor's code; elsewhere a sponsor is named by its uid and kept)
_QUALIFY = {
    "catalog.synced": _catalog,
    "enrolment.assigned": _keys("track", "sponsor"),
    "enrolment.waitlisted": _keys("track", "sponsor"),
    "enrolment.corrected": _changes("sponsor"),
    "sponsor.registered": _keys("code"),
    "donation.recorded": _keys("track"),
    "donation.corrected": _changes("track"),
    "spending.recorded": _keys("track"),
    "production.recorded": _keys("product"),
    "sale.recorded": _keys("product"),
}


def qualify(kind: str, payload: dict, lapas: str) -> dict:
    """The payload of another Lapas's event as this ledger applies it: its codes
    qualified by ``lapas``."""
    rule = _QUALIFY.get(kind)
    return payload if rule is None else rule(payload, lapas)


def split_lapas(text: str) -> tuple[str | None, str]:
    """``JMB:B.I-5/2026`` -> (``JMB``, ``B.I-5/2026``): a value qualified by the Lapas it
    belongs to (any case); anything else -> (None, text)."""
    head, sep, rest = text.partition(SEPARATOR)
    head = head.strip()
    if sep and head and len(head) <= 16 and head[0].isascii() and head[0].isalpha() and all(
            c.isascii() and (c.isalnum() or c in "_-") for c in head):
        return head.upper(), rest.strip()
    return None, text
