"""The bulk paths of ``wbpctl import enrolments`` and ``import remissions``: rows decided
one by one, written a batch at a time.

A row that names a person by this Lapas's register number is decided here by the rules
of the single command (``enrolments.check_assignment``, ``stays.check_remission``) from
one query of what the ledger holds about that person, and its event is written with the
rows around it in one ``record_many``. Every other row goes the import's one-by-one way,
after the rows before it are written: a NIK, a number a verdict replaced, a person with
a voided act, a row that corrects one recorded, and any row that breaks a rule, so that
its outcome and its message are exactly the single command's. What a decided row changes
that a later row is decided on (a track's count of places, a stay's remissions) is kept
here until it is written; a second row about the same person and track (or stay) waits
for the first to be written, then is decided from the ledger.
"""

from __future__ import annotations

import json
from typing import Callable, Hashable, Iterator

from ..domain.catalog import Track
from ..domain.enrolment import places_free
from ..domain.errors import WbpError
from ..domain.federation import split_lapas
from ..domain.people import clean_text
from ..domain.regno import looks_like_regno, parse_regno
from ..domain.remission import parse_remission_days, parse_remission_kind
from ..store import queries
from ..store.chain import new_uids
from .enrolments import _track, assignment_record, check_assignment
from .session import Tx
from .stays import check_remission, remission_record

NEW, UNCHANGED = "new", "unchanged"


class Bulk:
    """Decided rows not yet written, and the keys they claim."""

    SIZE = 2000
    KIND = ""

    def __init__(self, tx: Tx, count: Callable[[str, str, int], None],
                 one_by_one: Callable[..., object]) -> None:
        self.tx, self.count, self.one_by_one = tx, count, one_by_one
        self.session = tx.session
        self.decided: list[tuple[str, str, dict]] = []
        self.claimed: set[Hashable] = set()
        self.uids: Iterator[str] = iter(())

    def take(self, line: int, cells: list[str], values: dict):
        """Decide one row: None when it is decided here, else what the one-by-one way
        returns (its error, if it has one)."""
        outcome = self._decide(values)
        if outcome is None:
            self.flush()
            self._forget()      # the row may change what the next ones are decided on
            return self.one_by_one(line, cells, values, self.KIND)
        if outcome == UNCHANGED:
            self.count(self.KIND, UNCHANGED, 1)
        elif len(self.decided) >= self.SIZE:
            self.flush()
        return None

    def flush(self) -> None:
        """Write the rows decided, as one batch of events."""
        if self.decided:
            self.tx.record_many(self.decided)
            self.count(self.KIND, NEW, len(self.decided))
            self.decided, self.claimed = [], set()

    def _new_uid(self) -> str:
        """The id of a decided row's record: made a batch at a time, which costs a
        fraction of making each alone."""
        uid = next(self.uids, None)
        if uid is None:
            self.uids = iter(new_uids(self.SIZE))
            uid = next(self.uids)
        return uid

    def _decide(self, values: dict) -> str | None:
        """NEW (its event is in ``decided``), UNCHANGED (recorded already), or None: the
        one-by-one way."""
        raise NotImplementedError

    def _forget(self) -> None:
        """Drop what is kept about the ledger (a row went the one-by-one way)."""

    def _numbered(self, values: dict) -> tuple[str, str, int, int] | None:
        """(Lapas, class, number, year) of a row's person, when a register number of this
        Lapas names them (else the one-by-one way finds them)."""
        lapas, number = split_lapas((values.get("reg_no") or "").strip())
        if lapas is not None or not looks_like_regno(number):
            return None
        try:
            reg = parse_regno(number, field="who")
        except WbpError:
            return None
        return (self.session.config.lapas_code, reg.register_class, reg.sequence, reg.year)

    def _facts(self, claim: Callable[[object], Hashable], ask: Callable[[], object]):
        """What ``ask`` reads of the ledger, read again after the decided rows are
        written when one of them claimed the same key."""
        facts = ask()
        if facts is not None and claim(facts) in self.claimed:
            self.flush()
            facts = ask()
        return facts


class Places(Bulk):
    """``import enrolments``: places without a sponsor (``enrolments.assign``), each
    track's count of active and waiting places kept as rows are decided."""

    KIND = "enrolments"

    def __init__(self, tx: Tx, count, one_by_one) -> None:
        super().__init__(tx, count, one_by_one)
        self.tracks: dict[str, Track | None] = {}
        self.counts: dict[str, list[int]] = {}      # code -> [active, anyone waiting]

    def _decide(self, values: dict) -> str | None:
        key = self._numbered(values)
        if key is None or values.get("sponsor"):
            return None
        spec = self._track(values.get("track") or "")
        try:
            when = self.session.date(values.get("assigned_on") or "", "assigned_on")
        except WbpError:
            return None
        if spec is None:
            return None
        on = when.isoformat()
        facts = self._facts(lambda f: (f["person_id"], spec.code), lambda: queries.
                            placement_facts(self.tx.conn, *key, spec.code, on))
        if facts is None or facts["voided"]:
            return None
        if facts["asked_that_day"]:
            return UNCHANGED
        try:
            check_assignment(values["reg_no"], spec, facts, when, facts["open_status"])
        except WbpError:
            return None
        active, waiting = self._counts(spec.code)
        free = places_free(spec.capacity, active)
        if free and waiting:
            return None               # assign would move the line up first
        self.decided.append(assignment_record(facts["person_uid"], facts["stay_uid"], spec, on,
                                              free > 0, uid=self._new_uid()))
        self.counts[spec.code][0 if free else 1] += 1
        self.claimed.add((facts["person_id"], spec.code))
        return NEW

    def _forget(self) -> None:
        self.counts.clear()

    def _track(self, text: str) -> Track | None:
        """A track open for places, by code or name, or None; the catalogue does not
        change during an enrolments import."""
        if text not in self.tracks:
            try:
                self.tracks[text] = _track(self.tx.conn, text)
            except WbpError:
                self.tracks[text] = None
        return self.tracks[text]

    def _counts(self, code: str) -> list[int]:
        if code not in self.counts:
            conn = self.tx.conn
            # whether anyone waits is all a decision needs (counting the line is not)
            self.counts[code] = [queries.count_active(conn, code),
                                 len(queries.waitlist(conn, code, 1))]
        return self.counts[code]


class Remissions(Bulk):
    """``import remissions``: grants to the person's latest stay (``stays.remission``),
    each checked against the remissions the stay has."""

    KIND = "remissions"

    def _decide(self, values: dict) -> str | None:
        key = self._numbered(values)
        if key is None:
            return None
        try:
            when = self.session.date(values.get("granted_on") or "", "granted_on")
            kind = parse_remission_kind(values.get("kind") or "")
            days = parse_remission_days(values.get("days") or "")
            reason = clean_text(values.get("override"), field="override")
        except WbpError:
            return None
        facts = self._facts(lambda f: f["stay_id"],
                            lambda: queries.remission_facts(self.tx.conn, *key))
        if facts is None or facts["voided"]:
            return None
        on = when.isoformat()
        earlier = json.loads(facts["remissions"])
        same = [r for r in earlier if r["granted_on"] == on and r["kind"] == kind]
        if same:
            return UNCHANGED if same[0]["days"] == days else None
        try:
            check_remission(self.session, facts, earlier, kind, when, days, reason)
        except WbpError:
            return None
        self.decided.append(remission_record(facts["person_uid"], facts["stay_uid"], kind, on,
                                             days, reason, uid=self._new_uid()))
        self.claimed.add(facts["stay_id"])
        return NEW


BULK = {"enrolments": Places, "remissions": Remissions}
