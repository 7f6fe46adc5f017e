"""Federation: a Lapas's chain carried to another ledger (bundles, merges), and the records
of one person across Lapas linked (by NIK at the merge, or by hand).

A merge stores each other Lapas's events as they are, in that Lapas's own chain, after
checking every link; this ledger's own chain only gains a ``ledger.merged`` event naming
what was taken in (so a replay applies it at the same place) and a ``person.linked``
event for each NIK found in two Lapas. Nothing of any chain is ever rewritten.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import Invalid, NotFound, Rejected
from ..domain.heads import parse_head
from ..domain.regno import RegisterNumber
from ..domain.search import search_key
from ..store import bundles, ledger, merging
from . import heads
from .participants import find_person, link_by_nik
from .session import Session, Tx


# -- bundles ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Bundled:
    path: str
    lapas: str
    after: int
    head: str          # short form
    events: int


def bundle(session: Session, output: Path, since: str | None = None) -> Bundled:
    """Write the events of this ledger's own chain after ``since`` (a head as printed; all
    by default) to ``output`` as one bundle, made in a temporary file beside it and
    renamed into place when whole."""
    from .. import files

    with session.reading() as conn:
        after = heads.find(conn, parse_head(since, field="since"), "since").seq if since else 0
        infos = [c for c in ledger.chains(conn) if c.id == ledger.HOME]
        if not infos:
            raise NotFound("bundle_empty")
        segment = bundles.read_chain(conn, infos[0], after, str(session.db_path))
        last = heads.head_of(session, conn)
    with files.temporary(lambda: _created_beside(output)) as temporary:
        with open(temporary, "wb") as handle:
            bundles.write_bundle(segment, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, output)
    return Bundled(str(output), segment.lapas, after, last.short, len(segment.events))


def _created_beside(output: Path) -> str:
    """An empty owner-only file beside ``output``, made here (never one already there)."""
    temporary = str(output.with_name(f".{output.name}.{os.getpid()}.tmp"))
    os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    return temporary


# -- merging ---------------------------------------------------------------------------------

@dataclass
class Merged:
    """What one ``merge`` did, per Lapas: events taken in (from, to), and links made."""

    taken: list[dict] = field(default_factory=list)      # {lapas, from, to, events, head}
    already: list[dict] = field(default_factory=list)    # {lapas, upto}: nothing new
    links: list[dict] = field(default_factory=list)      # {a, b, nik}

    @property
    def wrote(self) -> bool:
        return bool(self.taken or self.links)


def _segments(paths: list[Path]) -> list[bundles.Segment]:
    out = []
    for path in paths:
        if not path.exists():
            raise NotFound("merge_source_missing", source=str(path))
        out += [bundles.read_bundle(path)] if bundles.is_bundle(path) \
            else bundles.read_ledger(path)
    return out


def _refused(error: bundles.BadSource) -> Rejected:
    return Rejected(f"merge_{error.reason}", source=error.source, seq=error.seq)


def merge(session: Session, sources: list[Path]) -> Merged:
    """Take in the events of other Lapas from bundles or ledger files, all or nothing.

    Each source's events must continue what this ledger already holds of that Lapas
    (sources are taken in the order of their first event, so bundles may be given in any
    order, and the chains a ledger file merged come before its own); events already held
    must be the same events (else the other ledger was rewritten: refused). Events of
    this ledger's own chain are never taken in."""
    try:
        segments = _segments(sources)
    except bundles.BadSource as error:
        raise _refused(error) from None
    # the chains a source merged before its own (its own events may link their records),
    # each Lapas's in the order its events come
    segments.sort(key=lambda s: (s.own, s.lapas, s.after))
    result = Merged()
    with session.transaction() as tx:
        own = session.config.lapas_code
        home = next((c for c in ledger.chains(tx.conn) if c.id == ledger.HOME), None)
        for segment in segments:
            if segment.lapas == (home.lapas if home else own):
                _same_as_own(tx, home, segment)
                continue
            _take(tx, segment, result)
    return result


def _same_as_own(tx: Tx, home: ledger.ChainInfo | None, segment: bundles.Segment) -> None:
    """A source holding this ledger's own chain must hold it as it is (a copy of us)."""
    have = merging.tail(tx.conn, home)[0] if home else 0
    ahead = [e for e in segment.events if e.seq > have]
    if ahead:
        raise Rejected("merge_own_chain_ahead", lapas=segment.lapas, seq=ahead[0].seq,
                       source=segment.source)
    if segment.events and merging.hash_at(tx.conn, home, segment.last) != segment.last_hash:
        parted = next(e for e in segment.events
                      if merging.hash_at(tx.conn, home, e.seq) != e.hash)
        raise Rejected("merge_fork", lapas=segment.lapas, seq=parted.seq - 1,
                       source=segment.source)


def _take(tx: Tx, segment: bundles.Segment, result: Merged) -> None:
    conn = tx.conn
    info = merging.chain_of(conn, segment.lapas)
    have = merging.tail(conn, info)[0] if info else 0
    if segment.after > have:
        raise Rejected("merge_gap", lapas=segment.lapas, first=have + 1, last=segment.after,
                       source=segment.source)
    if segment.after and segment.after <= have and info is not None and \
            merging.hash_at(conn, info, segment.after) != segment.after_hash:
        raise Rejected("merge_fork", lapas=segment.lapas, seq=segment.after - 1,
                       source=segment.source)
    held = [e for e in segment.events if e.seq <= have]
    # the hash of the last event both hold covers every one before it: one comparison,
    # and a walk back only to name where a rewritten ledger parted
    if held and merging.hash_at(conn, info, held[-1].seq) != held[-1].hash:
        parted = next(e for e in held if merging.hash_at(conn, info, e.seq) != e.hash)
        raise Rejected("merge_fork", lapas=segment.lapas, seq=parted.seq - 1,
                       source=segment.source)
    new = [e for e in segment.events if e.seq > have]
    if not new:
        result.already.append({"lapas": segment.lapas, "upto": have})
        return
    if info is None:
        info = merging.new_chain(conn, segment.lapas, segment.legacy_upto)
    elif segment.legacy_upto > have and have > info.legacy_upto:
        # format-1 events after format-2 ones: no ledger writes that
        raise Rejected("merge_event_altered", source=segment.source, seq=have + 1)
    merging.extend_legacy(conn, info, segment.legacy_upto)
    merging.store(conn, info, new)
    try:
        merging.apply(conn, segment.lapas, new)
    except (LookupError, sqlite3.IntegrityError):
        # a record it names is not here (its Lapas not merged yet), or one it makes is
        raise Rejected("merge_conflict", source=segment.source, lapas=segment.lapas) from None
    head = new[-1].hash.hex()
    tx.record("ledger.merged", segment.lapas, {"lapas": segment.lapas, "from": new[0].seq,
                                               "to": new[-1].seq, "head": head})
    result.taken.append({"lapas": segment.lapas, "from": new[0].seq, "to": new[-1].seq,
                         "events": len(new), "head": f"{segment.lapas}#{new[-1].seq}:"
                                                      f"{head[:8]}"})
    # the same NIK in two Lapas is one person
    result.links += link_by_nik(tx, [e.subject for e in new
                                     if e.kind in ("person.admitted", "person.registered")])


# -- people across Lapas -----------------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    """Two records that are likely one person: same name (accents, case and word order
    aside) and birth date, at least one of them without a NIK."""

    a: merging.Record
    b: merging.Record


def _name_key(record: merging.Record) -> str:
    return " ".join(sorted((record.name_key or search_key(record.name)).split()))


def matches(session: Session) -> list[Match]:
    """Likely matches not linked yet, in the order the records were made."""
    with session.reading() as conn:
        records = merging.records_born(conn)
    groups: dict[tuple[str, str], list[merging.Record]] = {}
    for record in records:
        groups.setdefault((_name_key(record), record.birth_date), []).append(record)
    found = []
    for same in groups.values():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                if a.group != b.group and (not a.nik or not b.nik):
                    found.append(Match(a, b))
    return found


def record_key(session: Session, record: merging.Record) -> str:
    """How a person writes a record: its latest register number, with its Lapas
    (``JMB:B.I-6/2026``), which ``person link`` and every other command read back."""
    if record.register is None:
        return record.uid
    number = RegisterNumber(*record.register).format(session.config.regno_format)
    return f"{record.lapas}:{number}"


def _record(session: Session, conn, who: str) -> merging.Record:
    row = find_person(session, conn, who)
    return merging.record(conn, row["uid"])


def link(session: Session, a: str, b: str, reason: str) -> tuple[merging.Record, merging.Record]:
    """Record that two records are one person (``person.linked``, basis ``manual``)."""
    from ..domain.bounds import TEXT, bounded

    why = bounded(reason, "reason", TEXT).strip() if reason is not None else ""
    if not why:
        raise Invalid("reason", reason or "", "reason_required")
    with session.transaction() as tx:
        first, second = _record(session, tx.conn, a), _record(session, tx.conn, b)
        if first.group == second.group:
            raise Rejected("link_already", a=a, b=b)
        if first.nik and second.nik and first.nik != second.nik:
            raise Rejected("link_nik_differs", a=a, b=b)
        tx.record("person.linked", second.uid, {"a": first.uid, "b": second.uid,
                                                "basis": "manual", "reason": why})
    return first, second
