"""What came in, where it went, and what it achieved: per sponsor, and the statement a donor
can be handed.

Period figures count what is dated in [from, to); a balance is what is left at ``to``.
People a sponsor is linked to (a place it funds, an adoption, a donation for them) are
counted, never named, except a person it adopts who consented to be named; anyone else
appears as initials and register class (``domain.sponsors.adoptee_label``).
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from ..domain import funds
from ..domain.dates import parse_timestamp
from ..domain.errors import Invalid
from ..domain.periods import day_after
from ..domain.release import INTO_COMMUNITY
from ..domain.sponsors import adoptee_label
from ..services.heads import report_snapshot
from ..services.session import Session
from ..services.sponsors import find_sponsor, pools
from ..store import sponsor_queries as sq
from ..store.report_queries import Lapas
from .lapas import lapas_code, scope_fields, scope_of

FIGURES = ("donated_cash", "donated_in_kind", "spent", "balance", "seats", "started",
           "completed", "released", "came_back", "adopted")
# what the places and people came to: counted per stay, so per Lapas; money is not
PEOPLE = ("seats", "started", "completed", "released", "came_back", "adopted")
# the parts of the reports that count the whole ledger whatever --lapas says
NOT_PER_LAPAS = ("money",)
BEGINNING = "0001-01-01"


def _period(session: Session, start: str | date | None, end: str | date | None
            ) -> tuple[str | None, str]:
    """[from, to): from the beginning and up to today (inclusive) unless given."""
    begins = session.date(start, "from", allow_future=True).isoformat() if start else None
    ends = (session.date(end, "to", allow_future=True) if end
            else day_after(session.today)).isoformat()
    if begins is not None and ends <= begins:
        raise Invalid("to", ends, "period_empty", start=begins)
    return begins, ends


def _figures(conn, sponsor_id: int, begins: str | None, ends: str, lapas: Lapas = None
             ) -> dict:
    figures = sq.sponsor_figures(conn, sponsor_id, begins or BEGINNING, ends, INTO_COMMUNITY,
                                 lapas)
    figures["balance"] = funds.total(pools(conn, sponsor_id, ends))
    return {k: figures[k] for k in FIGURES}


def _people(conn, sponsor_ids: list[int], begins: str | None, ends: str, lapas: Lapas
            ) -> dict:
    """What the places and people of these sponsors came to in the Lapas ``lapas``."""
    counts = {k: 0 for k in PEOPLE}
    for sponsor_id in sponsor_ids:
        figures = sq.sponsor_figures(conn, sponsor_id, begins or BEGINNING, ends,
                                     INTO_COMMUNITY, lapas)
        for k in PEOPLE:
            counts[k] += figures[k]
    return counts


def sponsors_report(session: Session, *, start: str | date | None = None,
                    end: str | date | None = None, at: str | None = None,
                    lapas: str | None = None) -> dict:
    """One row per sponsor: donated (cash, in kind), spent, balance at the end, places
    funded, people started, completed, released and come back, people adopted.
    ``lapas``: count the places and people of those Lapas (default all), with a row per
    Lapas when there are several; the money is the sponsor's whole (not recorded per
    Lapas)."""
    begins, ends = _period(session, start, end)
    with report_snapshot(session, at) as (conn, head):
        scope = scope_of(session, conn, lapas)
        sponsors = sq.sponsors(conn)
        rows = [{"sponsor": s["code"], "name": s["name"], "kind": s["kind"],
                 **_figures(conn, s["id"], begins, ends, scope.only)} for s in sponsors]
        by_lapas = [{"lapas": code, **_people(conn, [s["id"] for s in sponsors], begins,
                                              ends, (code,))}
                    for code in scope.codes] if scope.several else None
    totals = {k: sum(r[k] for r in rows) for k in FIGURES}
    report = {"from": begins, "to": ends, "lapas": lapas_code(session, scope),
              **scope_fields(scope, NOT_PER_LAPAS),
              "ledger_head": head.as_dict(), "rows": rows, "totals": totals}
    if by_lapas is not None:
        report["by_lapas"] = by_lapas
    return report


def statement(session: Session, sponsor: str, *, start: str | date | None = None,
              end: str | date | None = None, at: str | None = None,
              generated_at: str | None = None, lapas: str | None = None) -> dict:
    """The statement a donor is handed: what came in from it, what that paid for, what the
    places and people came to, what is left; people by name only with their consent.
    ``lapas``: the places, people adopted and outcomes of those Lapas (default all), with
    a row per Lapas when there are several; what came in, what it paid for and what is
    left are the sponsor's whole (not recorded per Lapas)."""
    stamp = (parse_timestamp(generated_at, field="generated_at") if generated_at
             else datetime.now(timezone.utc))
    begins, ends = _period(session, start, end)
    low = begins or BEGINNING
    with report_snapshot(session, at) as (conn, head):
        row = find_sponsor(conn, sponsor)
        scope = scope_of(session, conn, lapas)
        figures = _figures(conn, row["id"], begins, ends, scope.only)
        adoptions = sq.adoptions(conn, sponsor_id=row["id"])
        by_lapas = [{"lapas": code, **_people(conn, [row["id"]], begins, ends, (code,))}
                    for code in scope.codes] if scope.several else None
        consent = {a["person_uid"] for a in adoptions if a["consent"]}

        def who(uid: str | None, name: str | None, register_class: str | None) -> str | None:
            if uid is None:
                return None
            return adoptee_label(name, register_class or "?", uid in consent)

        classes = sq.register_classes(conn, [d["person_uid"] for d in sq.donations(
            conn, sponsor_id=row["id"]) if d["person_uid"]] + [
            x["person_uid"] for x in sq.spending(conn, sponsor_id=row["id"]) if x["person_uid"]])
        donations = [{"received_on": d["received_on"], "amount": d["amount"],
                      "in_kind": d["in_kind"], "purpose": d["purpose"],
                      "for": d["track"] or who(d["person_uid"], d["person_name"],
                                               classes.get(d["person_uid"])),
                      "ref": d["ref"]}
                     for d in sq.donations(conn, sponsor_id=row["id"], start=low, end=ends)
                     if not d["voided_on"]]
        spending = [{"spent_on": x["spent_on"], "track": x["track"], "amount": x["amount"],
                     "what": x["what"], "for": who(x["person_uid"], x["person_name"],
                                                   classes.get(x["person_uid"]))}
                    for x in sq.spending(conn, sponsor_id=row["id"], start=low, end=ends)]
        places = [dict(r) for r in sq.places_by_track(conn, row["id"], low, ends,
                                                      scope.only)]
        adoptees = [{"person": adoptee_label(a["person_name"], a["register_class"],
                                            bool(a["consent"])),
                    "register_class": a["register_class"], "from": a["from_on"],
                    "until": a["until_on"], "status": a["status"],
                    "completed_tracks": sq.completed_tracks_of(conn, a["person_id"], ends)}
                   for a in adoptions if a["from_on"] < ends
                   and (a["until_on"] is None or a["until_on"] >= low)
                   and (scope.only is None or a["lapas"] in scope.only)]
        balances = []
        for (kind, target), amount in sorted(pools(conn, row["id"], ends).items(),
                                             key=lambda i: (i[0][0], str(i[0][1]))):
            label = target if kind == "track" else None
            if kind == "person":
                person = next((a for a in adoptions if a["person_uid"] == target), None)
                label = who(target, person["person_name"] if person else "?",
                            classes.get(target))
            balances.append({"purpose": kind, "for": label, "balance": amount})
    report = {"sponsor": row["code"], "name": row["name"], "kind": row["kind"],
              "lapas": lapas_code(session, scope), **scope_fields(scope, NOT_PER_LAPAS),
              "lapas_name": session.config.lapas_name if scope.codes == (scope.own,) else None,
              "from": begins, "to": ends, "generated_at": stamp.isoformat(timespec="seconds"),
              "ledger_head": head.as_dict(), **figures, "donations": donations,
              "spending": spending, "places": places, "adoptees": adoptees,
              "balances": balances}
    if by_lapas is not None:
        report["by_lapas"] = by_lapas
    return report


def monthly_section(conn, start: str, end: str, top: int = 5) -> dict:
    """The monthly report's sponsors section: donations in [start, end) and the purposes
    they went to, the largest first (a person's donation is counted, not named)."""
    summary = sq.donations_summary(conn, start, end)
    purposes = [{"purpose": r["purpose"], "for": r["track"], "donations": r["donations"],
                 "amount": r["amount"]} for r in sq.donations_by_purpose(conn, start, end)]
    return {"donations": summary["donations"], "sponsors": summary["sponsors"],
            "cash": summary["cash"], "in_kind": summary["in_kind"],
            "spent": summary["spent"], "top_purposes": purposes[:top]}


def cost_per_completion(conn, start: str, end: str, completed: dict[str, int]) -> list[dict]:
    """Per track with spending in [start, end): what each funder spent and what it came to
    per completion in the period (``completed``: {track: completions}); a total row per
    track funded from more than one source."""
    by_track: dict[str, list[dict]] = {}
    for r in sq.spending_by_track(conn, start, end):
        done = completed.get(r["track"], 0)
        by_track.setdefault(r["track"], []).append({
            "track": r["track"], "funded_by": r["funded_by"], "spent": r["amount"],
            "completed": done, "cost_per_completion": funds.per_completion(r["amount"], done)})
    rows = []
    for track, funded in by_track.items():
        rows += funded
        if len(funded) > 1:
            spent = sum(f["spent"] for f in funded)
            done = funded[0]["completed"]
            rows.append({"track": track, "funded_by": "TOTAL", "spent": spent,
                         "completed": done,
                         "cost_per_completion": funds.per_completion(spent, done)})
    return rows
