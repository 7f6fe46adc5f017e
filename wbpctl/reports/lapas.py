"""Which Lapas a report covers (``--lapas``), read in the report's own snapshot, and the
keys a report adds for it.

A report of the usual ledger (one Lapas, the config's own, reported whole) adds nothing:
it is exactly the report it was before Lapas could be chosen. Otherwise it adds
``lapas_scope`` (the Lapas it covers) and ``lapas_in_ledger`` (those the ledger holds);
``not_per_lapas`` names its parts that are not recorded per Lapas (sponsors' money,
sales), which count the whole ledger whatever ``--lapas`` says; and, when it covers more
than one Lapas, ``by_lapas``: a row per Lapas of its key figures.
"""

from __future__ import annotations

import sqlite3

from ..domain.lapas import LapasScope
from ..services.session import Session
from ..store import report_queries as rq


def scope_of(session: Session, conn: sqlite3.Connection, lapas: str | None) -> LapasScope:
    """The Lapas ``lapas`` (as typed after --lapas; None: all) names among those of the
    ledger ``conn`` reads (at a past head: those it held then)."""
    return LapasScope.choose(lapas, rq.lapas_codes(conn), session.config.lapas_code)


def lapas_code(session: Session, scope: LapasScope) -> str:
    """The report's ``lapas``: the config's code, or the codes it covers (``KTL,JMB``)."""
    return session.config.lapas_code if scope.codes == (scope.own,) else ",".join(scope.codes)


def scope_fields(scope: LapasScope, not_per_lapas: tuple[str, ...] = ()) -> dict:
    """The keys a report adds after ``lapas`` when it is not the usual one."""
    if scope.usual:
        return {}
    fields: dict = {"lapas_scope": list(scope.codes), "lapas_in_ledger": list(scope.ledger)}
    if not_per_lapas and scope.whole_ledger_noted:
        fields["not_per_lapas"] = list(not_per_lapas)
    return fields
