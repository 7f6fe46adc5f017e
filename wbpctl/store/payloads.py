"""How a payload is stored, and how every reader gets it back whole.

Most kinds are stored as the service wrote them (canonical JSON: sorted keys, no spaces).
A registration (``person.admitted``), one event per participant and so most of a
ledger's bytes, is stored compact but still readable with ``sqlite3``:

    {"born":"1990-03-12","det":"2025-10-08","name":"Budi Santoso","nik":"1506041203900001",
     "reg":["B.I",123,2025],"sent":"2y6m","sex":"L"}

``reg`` is the register number (class, number, year), ``det`` and ``adm`` the days of
detention and admission (``adm`` left out when it is the same day), ``sent`` the sentence
as ``2y6m15d``, ``life`` or ``death`` (left out before a verdict), ``cat`` the offence
category, ``fine`` a stay in lieu of a fine, ``notes`` the plausibility notices. The
person's uid is the event's subject, the stay's uid the event's own uid and the Lapas the
command's, so none of them is stored. ``expand`` gives readers (projections, log, export)
the payload with the long names, as a service wrote it.
"""

from __future__ import annotations

import re

# long name -> stored name, for the fields stored as they are under a shorter name
_SHORT = {"birth_date": "born", "detained_on": "det", "admitted_on": "adm",
          "gender": "sex", "crime_category": "cat", "fine_substitute": "fine",
          "notices": "notes"}
_LONG = {short: long for long, short in _SHORT.items()}
_SENTENCE = re.compile(r"(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)d)?")
_PARTS = (("years", "y"), ("months", "m"), ("days", "d"))


def _sentence_text(sentence: dict) -> str:
    if sentence.get("life"):
        return "life"
    if sentence.get("death"):
        return "death"
    return "".join(f"{sentence[k]}{u}" for k, u in _PARTS if sentence.get(k))


def _sentence(text: str) -> dict:
    # a copy each time: a reader may change what it is given
    return dict(_SENTENCES.get(text) or _sentence_parsed(text))


def _sentence_parsed(text: str) -> dict:
    if text in ("life", "death"):
        parsed = {"years": 0, "months": 0, "days": 0, "life": text == "life",
                  "death": text == "death"}
    else:
        years, months, days = (int(v or 0) for v in _SENTENCE.fullmatch(text).groups())
        parsed = {"years": years, "months": months, "days": days, "life": False,
                  "death": False}
    if len(_SENTENCES) < 10_000:      # a few dozen sentences make most of a ledger
        _SENTENCES[text] = parsed
    return parsed


_SENTENCES: dict[str, dict] = {}


def compact(kind: str, payload: dict) -> dict:
    """The payload as stored (what the event's own fields say left out)."""
    if kind != "person.admitted":
        return payload
    out: dict = {}
    for key, value in payload.items():
        if value is None or value is False or key in ("uid", "stay", "lapas", "person",
                                                      "register_class", "reg_seq", "reg_year"):
            continue
        if key == "sentence":
            out["sent"] = _sentence_text(value)
        elif key == "admitted_on" and value == payload.get("detained_on"):
            continue
        else:
            out[_SHORT.get(key, key)] = value
    out["reg"] = [payload["register_class"], payload["reg_seq"], payload["reg_year"]]
    return out


def expand(kind: str, payload: dict, subject: str, uid: str, lapas: str) -> dict:
    """The payload as every reader sees it: whole, with the long names."""
    if kind != "person.admitted":
        return payload
    out = {_LONG.get(key, key): value for key, value in payload.items()
           if key not in ("reg", "sent")}
    out["register_class"], out["reg_seq"], out["reg_year"] = payload["reg"]
    out["sentence"] = _sentence(payload["sent"]) if "sent" in payload else None
    out.setdefault("admitted_on", out.get("detained_on"))
    out["uid"], out["stay"], out["lapas"] = subject, uid, lapas
    return out


IMPLIED = frozenset({"person.admitted"})     # kinds whose readers need ``expand``
