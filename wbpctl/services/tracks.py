"""Reading the catalogue: OPDs, tracks with their counts, and one track's roster."""

from __future__ import annotations

from ..domain.catalog import PHASES, normalize_code
from ..domain.errors import Invalid, NotFound
from ..store import queries
from .catalog import find_track
from .participants import regno_text
from .session import Session


def list_opds(session: Session) -> list[dict]:
    with session.reading() as conn:
        return [dict(r) for r in queries.opds(conn)]


def list_tracks(session: Session, *, opd: str | None = None, phase: str | None = None
                ) -> list[dict]:
    """Tracks with capacity and how many are active, waiting and completed to date."""
    if phase is not None and phase not in PHASES:
        raise Invalid("phase", phase, "phase_unknown", choices=", ".join(PHASES))
    opd = normalize_code(opd) if opd else None
    with session.reading() as conn:
        if opd and queries.opd(conn, opd) is None:
            raise NotFound("opd_not_found", opd=opd)
        rows = queries.track_counts(conn, opd=opd, phase=phase)
    return [{k: r[k] for k in ("code", "opd", "name", "kind", "phase", "pembinaan", "capacity",
                               "active", "waiting", "completed")} for r in rows]


def show_track(session: Session, code: str, *, recent: int = 10) -> dict:
    """The roster: active with assignment dates, the waitlist in order, recent completions."""
    with session.reading() as conn:
        track = find_track(conn, code)
        if track is None:
            raise NotFound("track_not_found", track=code)
        code = track["code"]

        def people(status: str, limit: int | None = None) -> list[dict]:
            return [{"reg_no": regno_text(session, r), "name": r["name"],
                     "requested_on": r["requested_on"], "assigned_on": r["assigned_on"],
                     "completed_on": r["ended_on"] if status == "completed" else None,
                     "certificate": r["certificate"], "hours": r["hours"],
                     "sponsor": r["sponsor_code"] or r["sponsor"]}
                    for r in queries.roster(conn, code, status, limit)]

        active, waiting = people("active"), people("waitlisted")
        for position, row in enumerate(waiting, start=1):
            row["waitlist_position"] = position
        return {**{k: track[k] for k in ("code", "opd", "name", "kind", "phase", "pembinaan",
                                         "capacity")},
                "retired": bool(track["retired"]), "active": active, "waitlist": waiting,
                "recent_completions": people("completed", recent)}
