"""The bulk paths of ``wbpctl import`` for enrolments, completions, drops, releases,
remissions, sales and payouts: rows decided one by one, written a batch at a time.

A row about a place, a release or a remission that names a person by this Lapas's
register number is decided here by the rules of the single command
(``enrolments.check_assignment``, ``check_completion``, ``check_drop``,
``stays.check_remission``) from one query of what the ledger holds about that person, and
its events are written with the rows around it in one ``record_many``. Every other such
row goes the import's one-by-one way, after the rows before it are written: a NIK, a
number a verdict replaced, a sponsor, a person with a voided act, a row that corrects one
recorded, and any row that breaks a rule, so that its outcome and its message are
exactly the single command's. What a decided row changes that a later row is decided on
(a track's places and its line, a stay's remissions) is kept here until it is written; a
second row about the same person and track (or stay) waits for the first to be written,
then is decided from the ledger.

A sale (``products.sell``'s rules) takes from its product's stock as the rows decided
before it left it, and a payout (``products.pay_premi``'s) from its person's premi
balance, the person found as the single command finds them (``find_person``: a register
number, a NIK or a global id). A row known by the receipt, the id or the facts of one
decided waits for it to be written; any row that breaks a rule goes the one-by-one way.
"""

from __future__ import annotations

import json
import sqlite3
from collections import deque
from datetime import date
from itertools import islice
from typing import Callable, Hashable, Iterator

from ..domain.catalog import Track
from ..domain.enrolment import parse_drop_reason, parse_hours, parse_result, places_free
from ..domain.errors import WbpError
from ..domain.money import parse_rupiah
from ..domain.people import clean_receipt, clean_text
from ..domain.products import Split, check_payout, parse_channel, parse_qty
from ..domain.regno import regno_or_none
from ..domain.release import parse_release_type
from ..domain.remission import parse_remission_days, parse_remission_kind
from ..domain.uids import parse_uid
from ..store import product_queries as pq
from ..store import queries
from ..store.chain import new_uids
from .enrolments import (_track, assignment_record, check_active, check_assignment,
                         check_completion, check_drop, completion_record, drop_record,
                         promotion_record, release_drop_reason)
from .participants import find_person
from .products import find_product, payout_record, sale_record
from .session import Tx
from .stays import check_release_of, check_remission, release_record, remission_record

NEW, UNCHANGED = "new", "unchanged"


class Bulk:
    """Decided rows not yet written, and the keys they claim."""

    SIZE = 2000
    KIND = ""

    def __init__(self, tx: Tx, count: Callable[[str, str, int], None],
                 one_by_one: Callable[..., object]) -> None:
        self.tx, self.count, self.one_by_one = tx, count, one_by_one
        self.session = tx.session
        self.decided: list[tuple[str, str, dict]] = []     # their events
        self.new = 0                                          # rows decided
        self.claimed: set[Hashable] = set()
        self.uids: Iterator[str] = iter(())

    def take(self, line: int, cells: list[str], values: dict):
        """Decide one row: None when it is decided here, else what the one-by-one way
        returns (its error, if it has one)."""
        outcome = self._decide(values)
        if outcome is None:
            self.close()        # the row may change what the next ones are decided on
            return self.one_by_one(line, cells, values, self.KIND)
        if outcome == UNCHANGED:
            self.count(self.KIND, UNCHANGED, 1)
            return None
        self.new += 1
        if len(self.decided) >= self.SIZE:
            self.flush()
        return None

    def flush(self) -> None:
        """Write the rows decided, as one batch of events."""
        if self.decided:
            self.tx.record_many(self.decided)
            self.count(self.KIND, NEW, self.new)
            self.decided, self.claimed, self.new = [], set(), 0

    def close(self) -> None:
        """Write what is decided and forget what is kept of the ledger: a row goes the
        one-by-one way, or rows of another kind come next. Ids made ahead are dropped
        too: those made after are later than that row's, as ids are made in order."""
        self.flush()
        self._forget()
        self.uids = iter(())

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
        reg = regno_or_none((values.get("reg_no") or "").strip())
        if reg is None:
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


class Line:
    """A track's places as the rows decided so far leave them: how many are active, and
    who waits, first in line first (read from the ledger when first needed, as
    ``queries.waitlist`` gives it)."""

    CHUNK = 500

    def __init__(self, conn: sqlite3.Connection, code: str) -> None:
        self.conn, self.code = conn, code
        self.active = queries.count_active(conn, code)
        self.joined = 0                          # put in line by rows decided here
        self.queue: deque | None = None          # the first in line, once read
        self.more = False                        # more wait than were read
        self.gone: set[str] = set()              # left the line: passed over
        self.queued: set[str] = set()            # the uids read

    def anyone_waiting(self) -> bool:
        if self.joined:
            return True
        if self.queue is None and not self.gone:
            return bool(queries.waitlist(self.conn, self.code, 1))   # the first is enough
        return bool(self.first(1)) or self.more

    def first(self, count: int) -> list | None:
        """The first ``count`` in line (fewer when fewer wait), or None when that needs
        more of the line than was read."""
        if count <= 0:
            return []
        if self.queue is None:
            self._read()
        found = list(islice((w for w in self.queue if w["uid"] not in self.gone), count))
        if len(found) == count:
            return found
        return None if self.more or self.joined else found

    def promote(self, count: int) -> None:
        """The first ``count`` in line have a place now."""
        self.active += count
        while count:
            if self.queue.popleft()["uid"] not in self.gone:
                count -= 1

    def leave(self, uid: str) -> None:
        """A waiting place was dropped: passed over from now on. Only places in the part
        of the line read are kept (beyond it, ``first`` never looks), and the line is
        read once that many left before it was: memory stays bounded."""
        if self.queue is None:
            self.gone.add(uid)
            if len(self.gone) > self.CHUNK:
                self._read()
        elif uid in self.queued:
            self.gone.add(uid)

    def _read(self) -> None:
        rows = queries.waitlist(self.conn, self.code, self.CHUNK + len(self.gone))
        self.more = len(rows) == self.CHUNK + len(self.gone)
        self.queue = deque(rows)
        self.queued = {w["uid"] for w in rows}
        self.gone &= self.queued


class Tracks(Bulk):
    """What the kinds about places share: tracks by code or name (the catalogue does not
    change during an import), and each track's line."""

    def __init__(self, tx: Tx, count, one_by_one) -> None:
        super().__init__(tx, count, one_by_one)
        self.tracks: dict[str, Track] = {}
        self.lines: dict[str, Line] = {}

    def _forget(self) -> None:
        self.lines.clear()

    def _track(self, text: str) -> Track | None:
        """A track open for places, by code or name, or None (the one-by-one way says
        why)."""
        spec = self.tracks.get(text)
        if spec is None:
            try:
                spec = self.tracks[text] = _track(self.tx.conn, text)
            except WbpError:
                return None       # not kept: a file of a million wrong names stays small
        return spec

    def _track_and_day(self, values: dict, column: str) -> tuple[Track, date] | None:
        """The row's track (open for places) and its day in ``column``, or None."""
        spec = self._track(values.get("track") or "")
        try:
            when = self.session.date(values.get(column) or "", column)
        except WbpError:
            return None
        return None if spec is None else (spec, when)

    def _line(self, code: str) -> Line:
        if code not in self.lines:
            self.lines[code] = Line(self.tx.conn, code)
        return self.lines[code]

    def _freeing(self, spec: Track, record: tuple, on: str) -> bool:
        """Decide a row that ends an active place (``record``), with the promotions of
        the first in line that ``fill_places`` makes then; False when that needs more
        of the line than was read."""
        line = self._line(spec.code)
        promoted = line.first(places_free(spec.capacity, line.active - 1))
        if promoted is None:
            return False
        self.decided.append(record)
        line.active -= 1
        self._move_up(spec, line, promoted, on)
        return True

    def _move_up(self, spec: Track, line: Line, promoted: list, on: str) -> None:
        """The first in line get the places freed (``fill_places``); each is claimed, as
        a place and as a person, so a later row about them is decided on the ledger."""
        for waiting in promoted:
            self.decided.append(promotion_record(waiting, on, spec.code))
            self.claimed.add((waiting["person_id"], spec.code))
            self.claimed.add(waiting["person_id"])
        line.promote(len(promoted))


class Places(Tracks):
    """``import enrolments``: places without a sponsor (``enrolments.assign``)."""

    KIND = "enrolments"

    def _decide(self, values: dict) -> str | None:
        key = self._numbered(values)
        found = self._track_and_day(values, "assigned_on")
        if key is None or found is None or values.get("sponsor"):
            return None
        spec, when = found
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
        line = self._line(spec.code)
        room = places_free(spec.capacity, line.active) > 0
        if room and line.anyone_waiting():
            return None               # assign would move the line up first
        self.decided.append(assignment_record(facts["person_uid"], facts["stay_uid"], spec, on,
                                              room, uid=self._new_uid()))
        if room:
            line.active += 1
        else:
            line.joined += 1
        self.claimed.add((facts["person_id"], spec.code))
        return NEW


class Completions(Tracks):
    """``import completions``: active places ended with a result
    (``enrolments.complete``), and the first in line moved up."""

    KIND = "completions"

    def __init__(self, tx: Tx, count, one_by_one) -> None:
        super().__init__(tx, count, one_by_one)
        # the (track, certificate) of the rows decided and not yet written: the ledger
        # answers for the rest (its index enrolments_certificate)
        self.unwritten: set[tuple[str, str]] = set()

    def flush(self) -> None:
        super().flush()
        self.unwritten = set()

    def _decide(self, values: dict) -> str | None:
        spec = self._track(values.get("track") or "")
        try:
            certificate = clean_text(values.get("certificate") or None, field="certificate",
                                     maximum=100)
        except WbpError:
            return None
        key = self._numbered(values)
        found = self._track_and_day(values, "completed_on")
        if key is None or found is None:
            return None
        when = found[1]
        try:
            outcome = parse_result(values.get("result") or None)
            hours = parse_hours(values.get("hours") or None)
        except WbpError:
            return None
        on = when.isoformat()
        facts = self._facts(lambda f: (f["person_id"], spec.code), lambda: queries.
                            ending_facts(self.tx.conn, *key, spec.code, on,
                                         ("completed", "failed")))
        if facts is None or facts["voided"] or facts["ended_that_day"]:
            return None
        try:
            check_active(values["reg_no"], spec, facts if facts["uid"] else None)
            check_completion(spec, facts, when, certificate, bool(certificate) and (
                (spec.code, certificate) in self.unwritten
                or queries.certificate_used(self.tx.conn, spec.code, certificate)))
        except WbpError:
            return None
        record = completion_record(facts["person_uid"], facts, spec, on, hours, outcome,
                                   certificate)
        if not self._freeing(spec, record, on):
            return None
        if certificate:
            self.unwritten.add((spec.code, certificate))
        self.claimed.add((facts["person_id"], spec.code))
        return NEW


class Drops(Tracks):
    """``import drops``: places ended with a reason (``enrolments.drop``); a freed place
    moves the line."""

    KIND = "drops"

    def _decide(self, values: dict) -> str | None:
        key = self._numbered(values)
        found = self._track_and_day(values, "dropped_on")
        if key is None or found is None:
            return None
        spec, when = found
        try:
            reason = parse_drop_reason(values.get("reason") or "")
        except WbpError:
            return None
        on = when.isoformat()
        facts = self._facts(lambda f: (f["person_id"], spec.code), lambda: queries.
                            ending_facts(self.tx.conn, *key, spec.code, on, ("dropped",)))
        if facts is None or facts["voided"] or facts["ended_that_day"] or not facts["uid"]:
            return None
        try:
            check_drop(facts, when)
        except WbpError:
            return None
        record = drop_record(facts["person_uid"], facts, on, reason)
        if facts["status"] == "active":
            if not self._freeing(spec, record, on):
                return None
        else:
            self.decided.append(record)
            self._line(spec.code).leave(facts["uid"])
        self.claimed.add((facts["person_id"], spec.code))
        return NEW


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
            reason = clean_text(values.get("override") or None, field="override")
        except WbpError:
            return None
        facts = self._facts(lambda f: f["stay_id"],
                            lambda: queries.remission_facts(self.tx.conn, *key))
        if facts is None or facts["voided"] or facts["numbered_id"] != facts["stay_id"]:
            return None       # a row of an earlier stay is looked for on that stay
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


class Releases(Tracks):
    """``import releases``: the latest stay ends (``stays.release``), its open places end
    with it and their lines move. A person with more than one stay, an interrupted stay,
    premi earned, a transfer's destination, or a release that deserves a warning goes the
    one-by-one way (which says the warning)."""

    KIND = "releases"

    def _decide(self, values: dict) -> str | None:
        key = self._numbered(values)
        if key is None or values.get("to_lapas"):
            return None
        try:
            kind = parse_release_type(values.get("release_type") or "")
            reason = clean_text(values.get("override") or None, field="override")
            when = self.session.date(values.get("released_on") or "", "released_on")
        except WbpError:
            return None
        facts = self._facts(lambda f: f["person_id"],
                            lambda: queries.release_facts(self.tx.conn, *key))
        if facts is None or facts["voided"] or facts["stays"] != 1 or facts["absences"] \
                or facts["premi"]:
            return None
        on = when.isoformat()
        if facts["released_on"] == on:
            return UNCHANGED if facts["release_type"] == kind else None
        grants = [(date.fromisoformat(day), days) for day, days in json.loads(facts["grants"])]
        try:
            if check_release_of(self.session, values["reg_no"], facts, grants, kind, when,
                                reason):
                return None
        except WbpError:
            return None
        leaving = kind in ("pindah", "meninggal")
        ending = []
        for place in json.loads(facts["places"]):
            if not (leaving or place["phase"] == "custody"):
                continue
            spec = self._track(place["track"])
            if spec is None:
                return None
            line = self._line(spec.code)
            active = place["status"] == "active"
            promoted = line.first(places_free(spec.capacity, line.active - active))
            # a waiting place ending where places are free (a capacity raised): who moves
            # up may be this very person, still in the line read; the one-by-one way knows
            if promoted is None or (promoted and not active):
                return None
            ending.append((place, spec, line, promoted))
        person_uid, why = facts["person_uid"], release_drop_reason(kind)
        self.decided.append(release_record(person_uid, facts["stay_uid"], kind, on, reason,
                                           None, []))
        self.decided.extend(drop_record(person_uid, place, on, why) for place, *_ in ending)
        for place, spec, line, promoted in ending:     # as end_enrolments_at_release
            if place["status"] == "active":
                line.active -= 1
                self._move_up(spec, line, promoted, on)
            else:
                line.leave(place["uid"])
        self.claimed.add(facts["person_id"])
        return NEW


class Receipted(Bulk):
    """What the kinds known by a global id, a receipt number or their very facts share
    (sales, payouts): a row looked up as the one-by-one way looks it up, and the keys of
    the rows decided and not yet written. A kind names its two lookups of the storage
    layer: ``by`` (a column and its value) and ``like`` (the facts)."""

    by: Callable[..., sqlite3.Row | None]
    like: Callable[..., sqlite3.Row | None]

    def __init__(self, tx: Tx, count, one_by_one) -> None:
        super().__init__(tx, count, one_by_one)
        self.unwritten: set[tuple] = set()     # ("uid", ...), ("ref", ...), ("like", ...)

    def flush(self) -> None:
        super().flush()
        self.unwritten = set()

    def _known(self, uid: str | None, ref: str | None, facts: tuple
               ) -> tuple[list[tuple], sqlite3.Row | None]:
        """The keys a row is known by (its id, else its receipt, else its facts) and the
        record the first of them finds, after the rows decided are written when one of
        them is known by the same key."""
        keys = [key for key in (("uid", uid), ("ref", ref)) if key[1]] or [("like", *facts)]
        if self.unwritten.intersection(keys):
            self.flush()
        for key in keys:
            found = self.like(self.tx.conn, *key[1:]) if key[0] == "like" \
                else self.by(self.tx.conn, *key)
            if found is not None:
                return keys, found
        return keys, None

    def _claim(self, keys: list[tuple], facts: tuple) -> None:
        """A row decided: a later row known by its id, its receipt or its facts waits
        for it to be written."""
        self.unwritten.update((*keys, ("like", *facts)))


class Sales(Receipted):
    """``import sales``: sales from each product's stock as the rows decided so far leave
    it (``products.sell``'s rules and its record, ``products.sale_record``)."""

    KIND = "sales"
    by, like = staticmethod(pq.sale_by), staticmethod(pq.sale_like)

    def __init__(self, tx: Tx, count, one_by_one) -> None:
        super().__init__(tx, count, one_by_one)
        self.products: dict[str, sqlite3.Row] = {}       # by the text a row names
        # each product's batches that still hold units, oldest first, as [uid, made on,
        # units left], and each batch's makers: read when first needed
        self.stock: dict[str, list[list]] = {}
        self.makers: dict[str, list[tuple[str, int]]] = {}

    def _forget(self) -> None:
        self.stock.clear()         # a row the one-by-one way took may have sold some

    def _decide(self, values: dict) -> str | None:
        product = self._product(values.get("product") or "")
        if product is None or product["retired"]:
            return None
        written_uid = (values.get("sale_uid") or "").lower() or None
        try:
            when = self.session.date(values.get("sold_on") or "", "sold_on")
            qty = parse_qty(values.get("qty") or "")
            price = parse_rupiah(values["price"], field="price") if values.get("price") \
                else product["price"]
            price = parse_rupiah(price, field="price") if price not in (None, "") else None
            channel = parse_channel(values.get("channel") or "")
            buyer = clean_text(values.get("buyer") or None, field="buyer", maximum=200)
            ref = clean_receipt(values.get("ref") or None)
            uid = parse_uid(written_uid, "sale_uid")
            shares = self.session.config.sales_split
            if values.get("premi_share") or values.get("cooperative_share"):
                shares = Split.of(values.get("premi_share") or shares.premi,
                                  values.get("cooperative_share") or shares.cooperative)
        except (WbpError, ValueError, ZeroDivisionError):
            return None
        if price is None or uid != written_uid:
            return None       # the one-by-one way looks the id up as written
        on = when.isoformat()
        facts = (product["code"], on, qty, price, channel)
        keys, found = self._known(uid, ref, facts)
        if found is not None:
            same = (found["product"], found["sold_on"], found["qty"], found["price"]) == (
                product["code"], on, qty, price)
            return UNCHANGED if same else None
        stock = self._stock(product["code"])
        try:
            record, _ = sale_record(product, when, qty, price, channel, buyer, ref, shares,
                                    uid or self._new_uid(),
                                    [(b[0], b[2]) for b in stock if b[1] <= on and b[2] > 0],
                                    self._makers_of)
        except WbpError:
            return None
        self.decided.append(record)
        taken = {take["batch"]: take["qty"] for take in record[2]["takes"]}
        for batch in stock:
            batch[2] -= taken.get(batch[0], 0)
        self._claim(keys, facts)
        return NEW

    def _product(self, text: str) -> sqlite3.Row | None:
        if text not in self.products:
            try:
                self.products[text] = find_product(self.tx.conn, text, retired=True)
            except WbpError:
                return None       # not kept: a file of a million wrong names stays small
        return self.products[text]

    def _stock(self, code: str) -> list[list]:
        if code not in self.stock:
            self.stock[code] = [list(b) for b in pq.batches_left(self.tx.conn, code)]
        return self.stock[code]

    def _makers_of(self, batch_uids: list[str]) -> dict[str, list[tuple[str, int]]]:
        wanted = [b for b in batch_uids if b not in self.makers]
        if wanted:
            self.makers.update(pq.makers_of(self.tx.conn, wanted))
        return {b: self.makers[b] for b in batch_uids}


class Payouts(Receipted):
    """``import payouts``: premi paid out (``products.pay_premi``'s rules and its record,
    ``products.payout_record``), each within the person's balance less what the rows
    decided before it paid."""

    KIND = "payouts"
    by, like = staticmethod(pq.payout_by), staticmethod(pq.payout_like)

    def __init__(self, tx: Tx, count, one_by_one) -> None:
        super().__init__(tx, count, one_by_one)
        # the balance of each person paid in this batch, less what it paid: read once a
        # batch, as a maker's credits may be thousands (and a batch keeps memory flat)
        self.balances: dict[int, int] = {}

    def flush(self) -> None:
        super().flush()
        self.balances = {}

    def _forget(self) -> None:
        self.balances = {}         # a row the one-by-one way took may have paid

    def _decide(self, values: dict) -> str | None:
        who = (values.get("person_uid") or "").lower() or values.get("reg_no") \
            or values.get("nik")
        written_uid = (values.get("payout_uid") or "").lower() or None
        if not who:
            return None
        try:
            person = find_person(self.session, self.tx.conn, who, own=True)
            when = self.session.date(values.get("paid_on") or "", "paid_on")
            amount = parse_rupiah(values.get("amount") or "", field="amount")
            ref = clean_receipt(values.get("ref") or None)
            uid = parse_uid(written_uid, "payout_uid")
        except WbpError:
            return None
        if uid != written_uid:
            return None       # the one-by-one way looks the id up as written
        on = when.isoformat()
        facts = (person["id"], on, amount)
        keys, found = self._known(uid, ref, facts)
        if found is not None:
            same = (found["person_id"], found["paid_on"], found["amount"]) == (
                person["id"], on, amount)
            return UNCHANGED if same else None
        if person["id"] not in self.balances:
            earned, paid = pq.premi_totals(self.tx.conn, person["id"])
            self.balances[person["id"]] = earned - paid
        try:
            check_payout(amount, self.balances[person["id"]])
        except WbpError:
            return None
        self.decided.append(payout_record(person["uid"], on, amount, ref,
                                          uid or self._new_uid()))
        self.balances[person["id"]] -= amount
        self._claim(keys, facts)
        return NEW



BULK = {"enrolments": Places, "completions": Completions, "drops": Drops,
        "releases": Releases, "remissions": Remissions, "sales": Sales, "payouts": Payouts}
