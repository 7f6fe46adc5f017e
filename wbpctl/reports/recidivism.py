"""Recidivism by release cohort, as Recidiviz counts it (DOMAIN.md).

A release into the community belongs to the cohort of its calendar year. For a
follow-up window of k years, the release is *eligible* once k years have fully
passed by the as-of date, and *readmitted* when the person's next stay began
(admission) no later than k years after the release. Those who completed at
least one training during the stay are compared with those who did not.
"""

from __future__ import annotations

from datetime import date

from ..domain.periods import parse_windows
from ..domain.release import INTO_COMMUNITY
from ..services.heads import report_snapshot
from ..services.session import Session
from ..store import report_queries as rq

GROUPS = ("completed_training", "no_training")


def rate(readmitted: int, eligible: int) -> float | None:
    return round(readmitted / eligible, 4) if eligible else None


def relative_difference(trained: float | None, untrained: float | None) -> float | None:
    """(rate with training - rate without) / rate without: -0.2 is the promised 20% drop."""
    if trained is None or not untrained:
        return None
    return round((trained - untrained) / untrained, 4)


def recidivism(session: Session, *, windows: str | tuple[int, ...] = (1, 2, 3),
               as_of: str | date | None = None, at: str | None = None) -> dict:
    """One row per cohort, window and group; ``windows`` as typed (``1,2,3``) or years;
    with the ledger head the rows were counted from."""
    windows = parse_windows(windows)
    today = session.as_of(as_of)
    with report_snapshot(session, at) as (conn, head):
        groups = rq.recidivism_groups(conn, today.isoformat(), INTO_COMMUNITY)
    cells: dict[tuple[int, int, str], list[int]] = {}
    for g in groups:
        group = GROUPS[0] if g["trained"] else GROUPS[1]
        for k in windows:
            cell = cells.setdefault((g["cohort"], k, group), [0, 0, 0])
            cell[0] += g["n"]
            if g["elapsed"] >= k:                       # the window has fully passed
                cell[1] += g["n"]
                if g["needed"] is not None and g["needed"] <= k:
                    cell[2] += g["n"]
    rows = []
    for cohort in sorted({c for c, _, _ in cells}):
        for k in windows:
            pair = {g: cells.get((cohort, k, g), [0, 0, 0]) for g in GROUPS}
            rates = {g: rate(pair[g][2], pair[g][1]) for g in GROUPS}
            difference = relative_difference(rates[GROUPS[0]], rates[GROUPS[1]])
            for g in GROUPS:
                released, eligible, readmitted = pair[g]
                rows.append({"cohort": cohort, "window_years": k, "group": g,
                             "released": released, "eligible": eligible,
                             "readmitted": readmitted, "rate": rates[g],
                             "relative_difference": difference})
    return {"ledger_head": head.as_dict(), "rows": rows}
