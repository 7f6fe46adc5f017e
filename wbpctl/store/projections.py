"""How each kind of event changes the projection tables.

``plan`` and ``run`` are the only writers of these tables: the ledger calls them
right after appending events (live commands and bulk imports alike), and
``verify`` calls them to replay the whole ledger into a scratch database. An
event's payload must therefore hold everything its change needs; nothing here
may read the clock, the config or the caller.

Most kinds are one SQL statement and a function from payload to parameters, so
a run of events of one kind is applied with one ``executemany``: the same
statement whether one event is applied or a million are replayed. References
between rows are resolved by global id inside the statement.
"""

from __future__ import annotations

import json
import sqlite3
from functools import lru_cache
from typing import Callable, Iterable, NamedTuple

from ..domain.search import search_key as _search_key
from ..domain.sponsors import name_key
from .uids import stored_uid as stored

RELEASE_STATUS = {"pindah": "transferred", "meninggal": "deceased"}  # all others: released

# People and stays store uids as bytes (schema 7): a payload's uid is bound as those bytes
# (``stored``), turned in Python where the plan is made, which in verify is the other
# process, not by an SQL function in the one that writes.
_PERSON = "(SELECT id FROM people WHERE uid = ?)"
_STAY = "(SELECT id FROM stays WHERE uid = ?)"
_SPONSOR = "(SELECT id FROM sponsors WHERE uid = ?)"


# a registration asks for its name's key twice (the row, then the index): compute it once
search_key = lru_cache(maxsize=16)(_search_key)


class Statement(NamedTuple):
    sql: str
    params: Callable[[dict], tuple]
    then: tuple["Statement", ...] = ()     # inserts that follow it (the search index)


def _sentence(p: dict) -> dict:
    return p.get("sentence") or {}


# ``sponsor`` is the text as recorded (a free text in older ledgers, the sponsor's code
# since the registry); ``sponsor_uid`` links the registry's sponsor when the event names one
_ENROLMENT_INSERT = (
    "INSERT INTO enrolments (uid, person_id, stay_id, track, status, requested_on, waitlisted,"
    f" assigned_on, sponsor, sponsor_id) VALUES (?,{_PERSON},{_STAY},?,?,?,?,?,?,{_SPONSOR})")

_PERSON_INSERT = ("INSERT INTO people (uid, name, nik, gender, birth_date, name_key)"
                  " VALUES (?,?,?,?,?,?)")


def _person_params(p: dict) -> tuple:
    return (stored(p["uid"]), p["name"], p.get("nik"), p.get("gender"), p.get("birth_date"),
            search_key(p["name"]))


_SEARCH_INSERT = Statement(f"INSERT INTO people_search (rowid, name_key) VALUES ({_PERSON}, ?)",
                           lambda p: (stored(p["uid"]), search_key(p["name"])))

_STAY_INSERT = (
    "INSERT INTO stays (uid, person_id, lapas, register_class, reg_seq, reg_year,"
    " detained_on, admitted_on, sentence_years, sentence_months, sentence_days,"
    " sentence_life, sentence_death, fine_substitute, crime, crime_category, status)"
    f" VALUES (?,{_PERSON},?,?,?,?,?,?,?,?,?,?,?,?,?,?, 'in_custody')")


def _stay_params(p: dict, stay_uid: str, person_uid: str) -> tuple:
    # a registration's sentence leaves out its zero parts; none at all: not sentenced yet
    sentence = p.get("sentence")
    zero = None if sentence is None else 0
    sentence = sentence or {}
    return (stored(stay_uid), stored(person_uid), p["lapas"], p["register_class"], p["reg_seq"],
            p["reg_year"], p["detained_on"], p["admitted_on"], sentence.get("years", zero),
            sentence.get("months", zero), sentence.get("days", zero),
            int(sentence.get("life", False)), int(sentence.get("death", False)),
            int(p.get("fine_substitute", False)), p.get("crime"), p.get("crime_category"))


STATEMENTS: dict[str, Statement] = {
    "person.registered": Statement(_PERSON_INSERT, _person_params, then=(_SEARCH_INSERT,)),
    "stay.admitted": Statement(_STAY_INSERT, lambda p: _stay_params(p, p["uid"], p["person"])),
    # a registration: the person and their first stay, one event (whose uid is the stay's)
    "person.admitted": Statement(
        _PERSON_INSERT, _person_params,
        then=(_SEARCH_INSERT,
              Statement(_STAY_INSERT, lambda p: _stay_params(p, p["stay"], p["uid"])))),
    "stay.released": Statement(
        "UPDATE stays SET status = ?, released_on = ?, release_type = ?, release_override = ?,"
        " transfer_to = ? WHERE uid = ?",
        lambda p: (RELEASE_STATUS.get(p["type"], "released"), p["on"], p["type"],
                   p.get("override"), p.get("to"), stored(p["uid"]))),
    # a voided release: the stay is as it was before it (the release stays in the ledger)
    "release.voided": Statement(
        "UPDATE stays SET status = 'in_custody', released_on = NULL, release_type = NULL,"
        " release_override = NULL, transfer_to = NULL WHERE uid = ?",
        lambda p: (stored(p["uid"]),)),
    # a verdict: the same stay, now sentenced, under the number the office gives it
    "stay.sentenced": Statement(
        "UPDATE stays SET register_class = ?, reg_seq = ?, reg_year = ?, sentence_years = ?,"
        " sentence_months = ?, sentence_days = ?, sentence_life = ?, sentence_death = ?,"
        " sentenced_on = ? WHERE uid = ?",
        lambda p: (p["register_class"], p["reg_seq"], p["reg_year"],
                   _sentence(p).get("years"), _sentence(p).get("months"),
                   _sentence(p).get("days"), int(_sentence(p).get("life", False)),
                   int(_sentence(p).get("death", False)), p["on"], stored(p["uid"]))),
    "remission.granted": Statement(
        f"INSERT INTO remissions (uid, stay_id, granted_on, kind, days, override)"
        f" VALUES (?,{_STAY},?,?,?,?)",
        lambda p: (p["uid"], stored(p["stay"]), p["on"], p["kind"], p["days"],
                   p.get("override"))),

    # both kinds insert into enrolments with one statement, so a batch keeps their order
    # (the order gives the rows their ids)
    "enrolment.assigned": Statement(
        _ENROLMENT_INSERT,
        lambda p: (p["uid"], stored(p["person"]), stored(p["stay"]), p["track"], "active",
                   p["on"], 0, p["on"],
                   p.get("sponsor"), p.get("sponsor_uid"))),
    "enrolment.waitlisted": Statement(
        _ENROLMENT_INSERT,
        lambda p: (p["uid"], stored(p["person"]), stored(p["stay"]), p["track"], "waitlisted",
                   p["on"], 1, None,
                   p.get("sponsor"), p.get("sponsor_uid"))),
    "enrolment.promoted": Statement(
        "UPDATE enrolments SET status = 'active', assigned_on = ? WHERE uid = ?",
        lambda p: (p["on"], p["uid"])),
    "enrolment.completed": Statement(
        "UPDATE enrolments SET status = ?, ended_on = ?, result = ?, hours = ?, certificate = ?"
        " WHERE uid = ?",
        lambda p: ("failed" if p.get("result") == "fail" else "completed", p["on"],
                   p.get("result"), p.get("hours"), p.get("certificate"), p["uid"])),
    "enrolment.dropped": Statement(
        "UPDATE enrolments SET status = 'dropped', ended_on = ?, reason = ? WHERE uid = ?",
        lambda p: (p["on"], p["reason"], p["uid"])),
}


def _update(conn: sqlite3.Connection, table: str, uid: str, changes: dict) -> None:
    if changes:
        columns = ", ".join(f"{column} = ?" for column in changes)
        key = stored(uid) if table in ("people", "stays") else uid
        conn.execute(f"UPDATE {table} SET {columns} WHERE uid = ?", (*changes.values(), key))


def _in_scope(p: dict) -> str:
    """Which catalogue rows a catalogue replaces: this ledger's own (codes with no Lapas
    before them), or, for another Lapas's catalogue (``scope``), that Lapas's."""
    return "substr(code, 1, length(?)) = ?" if p.get("scope") else "instr(code, ':') = 0"


def _scope_params(p: dict) -> tuple:
    scope = p.get("scope")
    return (scope + ":", scope + ":") if scope else ()


def _catalog_synced(conn: sqlite3.Connection, p: dict) -> None:
    """The OPDs, tracks and (since products exist) the products of the config; a catalogue
    from before products leaves them as they are."""
    for opd in p["opds"]:
        conn.execute("INSERT INTO opds (code, name) VALUES (:code, :name) "
                     "ON CONFLICT(code) DO UPDATE SET name = excluded.name", opd)
    conn.execute(f"UPDATE tracks SET retired = 1 WHERE {_in_scope(p)}", _scope_params(p))
    for track in p["tracks"]:
        conn.execute(
            "INSERT INTO tracks (code, opd, name, kind, phase, pembinaan, capacity, retired) "
            "VALUES (:code, :opd, :name, :kind, :phase, :pembinaan, :capacity, 0) "
            "ON CONFLICT(code) DO UPDATE SET opd = excluded.opd, name = excluded.name, "
            "kind = excluded.kind, phase = excluded.phase, pembinaan = excluded.pembinaan, "
            "capacity = excluded.capacity, retired = 0", track)
    if "products" in p:
        _products_synced(conn, p["products"], p)


def _person_corrected(conn: sqlite3.Connection, p: dict) -> None:
    allowed = {"name", "nik", "gender", "birth_date"}
    changes = {k: v for k, v in p["changes"].items() if k in allowed}
    if "name" in changes:
        row_id, before = conn.execute(
            "SELECT id, name_key FROM people WHERE uid = ?", (stored(p["uid"]),)).fetchone()
        changes["name_key"] = search_key(changes["name"])
        # an external-content index forgets a row by the values it was indexed with
        conn.execute("INSERT INTO people_search (people_search, rowid, name_key)"
                     " VALUES ('delete', ?, ?)", (row_id, before))
        conn.execute("INSERT INTO people_search (rowid, name_key) VALUES (?, ?)",
                     (row_id, changes["name_key"]))
    _update(conn, "people", p["uid"], changes)


def _stay_corrected(conn: sqlite3.Connection, p: dict) -> None:
    changes = {k: v for k, v in p["changes"].items()
               if k in {"crime", "crime_category", "detained_on", "admitted_on"}}
    if "sentence" in p["changes"]:
        sentence = p["changes"]["sentence"] or {}
        changes.update(sentence_years=sentence.get("years"),
                       sentence_months=sentence.get("months"),
                       sentence_days=sentence.get("days"),
                       sentence_life=int(sentence.get("life", False)),
                       sentence_death=int(sentence.get("death", False)))
    _update(conn, "stays", p["uid"], changes)


def _enrolment_corrected(conn: sqlite3.Connection, p: dict) -> None:
    changes = {k: v for k, v in p["changes"].items()
               if k in {"sponsor", "hours", "certificate", "result", "reason"}}
    if "result" in changes:
        changes["status"] = "failed" if changes["result"] == "fail" else "completed"
    _update(conn, "enrolments", p["uid"], changes)
    if "sponsor" in changes:     # a new sponsor from the registry, or (older events) a text
        conn.execute(f"UPDATE enrolments SET sponsor_id = {_SPONSOR} WHERE uid = ?",
                     (p["changes"].get("sponsor_uid"), p["uid"]))


def _remission_corrected(conn: sqlite3.Connection, p: dict) -> None:
    _update(conn, "remissions", p["uid"], {k: v for k, v in p["changes"].items()
                                            if k == "days"})


# the stay's release as it stands becomes the absence (apply runs in ledger order, so the
# row read is the one the release event wrote)
_ABSENCE = ("INSERT INTO absences (uid, stay_id, kind, left_on, release_type, release_override,"
            " to_lapas, returned_on, from_lapas, reason)"
            " SELECT ?, id, ?, released_on, release_type, release_override, transfer_to, ?, ?, ?"
            " FROM stays WHERE uid = ?")
_REOPEN = ("UPDATE stays SET status = 'in_custody', released_on = NULL, release_type = NULL,"
           " release_override = NULL, transfer_to = NULL WHERE uid = ?")


def _stay_returned(conn: sqlite3.Connection, p: dict) -> None:
    """Back from a transfer: the time away becomes an ``absences`` row and the same stay
    (sentence, remissions, register number) goes on in custody."""
    conn.execute(_ABSENCE, (p["transfer"], "transfer", p["on"], p.get("from"), None,
                            stored(p["uid"])))
    conn.execute(_REOPEN, (stored(p["uid"]),))


def _stay_revoked(conn: sqlite3.Connection, p: dict) -> None:
    """A PB, CB or CMB revoked: the person is back to serve the rest of the same sentence
    (a technical return); the release stays on record as an ``absences`` row."""
    conn.execute(_ABSENCE, (p["absence"], "revocation", p["on"], None, p["reason"],
                            stored(p["uid"])))
    conn.execute(_REOPEN, (stored(p["uid"]),))


# A voided act of an enrolment, undone as if it had never happened: an assignment (or a
# place on the waitlist) leaves no row; a completion or a drop gives the place back.
_ENROLMENT_VOIDS = {
    "assignment": "DELETE FROM enrolments WHERE uid = ?",
    "completion": "UPDATE enrolments SET status = 'active', ended_on = NULL, result = NULL,"
                  " hours = NULL, certificate = NULL WHERE uid = ?",
    "drop": "UPDATE enrolments SET status = CASE WHEN assigned_on IS NULL THEN 'waitlisted'"
            " ELSE 'active' END, ended_on = NULL, reason = NULL WHERE uid = ?",
}


def _remission_voided(conn: sqlite3.Connection, p: dict) -> None:
    # a function, not a statement: a row inserted after a delete takes the freed id, so
    # the delete must not be grouped after later inserts
    if conn.execute("DELETE FROM remissions WHERE uid = ?", (p["uid"],)).rowcount != 1:
        raise LookupError("remission.voided: the remission does not exist")


def _enrolment_voided(conn: sqlite3.Connection, p: dict) -> None:
    if conn.execute(_ENROLMENT_VOIDS[p["act"]], (p["uid"],)).rowcount != 1:
        raise LookupError("enrolment.voided: the enrolment does not exist")


# -- sponsors, donations, adoptions, spending (few events: a function each) ----------------

def _link_texts(conn: sqlite3.Connection, p: dict) -> None:
    """Places whose free-text sponsor (an older ledger's) is one of ``texts`` now name the
    sponsor; places already linked keep theirs."""
    if p.get("texts"):
        conn.execute(f"UPDATE enrolments SET sponsor_id = {_SPONSOR} WHERE sponsor_id IS NULL"
                     " AND sponsor IN (SELECT value FROM json_each(?))",
                     (p["uid"], json.dumps(p["texts"])))


def _sponsor_registered(conn: sqlite3.Connection, p: dict) -> None:
    conn.execute("INSERT INTO sponsors (uid, code, name, kind, contact, name_key)"
                 " VALUES (?,?,?,?,?,?)", (p["uid"], p["code"], p["name"], p.get("kind"),
                                           p.get("contact"), name_key(p["name"])))
    _link_texts(conn, p)


def _sponsor_corrected(conn: sqlite3.Connection, p: dict) -> None:
    changes = {k: v for k, v in p["changes"].items() if k in {"name", "kind", "contact"}}
    if "name" in changes:
        changes["name_key"] = name_key(changes["name"])
    _update(conn, "sponsors", p["uid"], changes)
    _link_texts(conn, p)


def _donation_recorded(conn: sqlite3.Connection, p: dict) -> None:
    conn.execute(
        "INSERT INTO donations (uid, sponsor_id, received_on, amount, in_kind, purpose, track,"
        f" person_id, ref) VALUES (?,{_SPONSOR},?,?,?,?,?,{_PERSON},?)",
        (p["uid"], p["sponsor"], p["on"], p["amount"], p.get("in_kind"), p["purpose"],
         p.get("track"), stored(p.get("person")), p.get("ref")))


_DONATION_FIELDS = {"on": "received_on", "amount": "amount", "in_kind": "in_kind",
                    "purpose": "purpose", "track": "track", "ref": "ref"}


def _donation_corrected(conn: sqlite3.Connection, p: dict) -> None:
    changes = p["changes"]
    _update(conn, "donations", p["uid"], {column: changes[key] for key, column
                                          in _DONATION_FIELDS.items() if key in changes})
    if "person" in changes:
        conn.execute(f"UPDATE donations SET person_id = {_PERSON} WHERE uid = ?",
                     (stored(changes["person"]), p["uid"]))


def _donation_voided(conn: sqlite3.Connection, p: dict) -> None:
    if conn.execute("UPDATE donations SET voided_on = ?, void_reason = ? WHERE uid = ?",
                    (p["on"], p["reason"], p["uid"])).rowcount != 1:
        raise LookupError("donation.voided: the donation does not exist")


def _adoption_recorded(conn: sqlite3.Connection, p: dict) -> None:
    conn.execute(
        "INSERT INTO adoptions (uid, sponsor_id, person_id, from_on, until_on, consent)"
        f" VALUES (?,{_SPONSOR},{_PERSON},?,?,?)",
        (p["uid"], p["sponsor"], stored(p["person"]), p["from"], p.get("until"),
         int(bool(p.get("consent")))))


def _adoption_corrected(conn: sqlite3.Connection, p: dict) -> None:
    changes = p["changes"]
    _update(conn, "adoptions", p["uid"], {
        **({"until_on": changes["until"]} if "until" in changes else {}),
        **({"consent": int(bool(changes["consent"]))} if "consent" in changes else {})})


def _spending_recorded(conn: sqlite3.Connection, p: dict) -> None:
    conn.execute(
        "INSERT INTO spending (uid, track, spent_on, amount, what, funded_by, sponsor_id,"
        f" person_id, ref, override) VALUES (?,?,?,?,?,?,{_SPONSOR},{_PERSON},?,?)",
        (p["uid"], p["track"], p["on"], p["amount"], p["what"], p["funded_by"],
         p.get("sponsor"), stored(p.get("person")), p.get("ref"), p.get("override")))


# -- products, production, sales and premi --------------------------------------------------

def _products_synced(conn: sqlite3.Connection, products: list[dict], p: dict) -> None:
    conn.execute(f"UPDATE products SET retired = 1 WHERE {_in_scope(p)}", _scope_params(p))
    for product in products:
        conn.execute(
            "INSERT INTO products (code, name, unit, track, price, retired)"
            " VALUES (:code, :name, :unit, :track, :price, 0) ON CONFLICT(code) DO UPDATE SET"
            " name = excluded.name, unit = excluded.unit, track = excluded.track,"
            " price = excluded.price, retired = 0", product)


_BATCH = "(SELECT id FROM batches WHERE uid = ?)"


def _production_recorded(conn: sqlite3.Connection, p: dict) -> None:
    conn.execute("INSERT INTO batches (uid, product, batch, produced_on, qty) VALUES (?,?,?,?,?)",
                 (p["uid"], p["product"], p["batch"], p["on"], p["qty"]))
    conn.executemany(f"INSERT INTO batch_makers (batch_id, person_id, weight)"
                     f" VALUES ({_BATCH},{_PERSON},?)",
                     [(p["uid"], stored(m["person"]), m["weight"]) for m in p["makers"]])


def _sale_recorded(conn: sqlite3.Connection, p: dict) -> None:
    """The sale, the units it took from each batch (oldest first) and the premi it
    credited to each maker: all worked out when it was recorded, and kept in the event."""
    conn.execute(
        "INSERT INTO sales (uid, product, sold_on, qty, price, amount, channel, buyer, ref,"
        " premi, cooperative, pnbp, premi_share, cooperative_share)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (p["uid"], p["product"], p["on"], p["qty"], p["price"], p["amount"], p["channel"],
         p.get("buyer"), p.get("ref"), p["split"]["premi"], p["split"]["cooperative"],
         p["split"]["pnbp"], p["shares"]["premi"], p["shares"]["cooperative"]))
    for take in p["takes"]:
        if conn.execute("UPDATE batches SET sold = sold + ? WHERE uid = ? AND sold + ? <= qty",
                        (take["qty"], take["batch"], take["qty"])).rowcount != 1:
            raise LookupError("sale.recorded: a batch it takes from lacks the units")
    conn.executemany("INSERT INTO premi_credits (sale_id, person_id, amount)"
                     " VALUES ((SELECT id FROM sales WHERE uid = ?),"
                     f" {_PERSON}, ?)",
                     [(p["uid"], stored(c["person"]), c["amount"]) for c in p["credits"]])


def _premi_paid(conn: sqlite3.Connection, p: dict) -> None:
    conn.execute(f"INSERT INTO payouts (uid, person_id, paid_on, amount, ref)"
                 f" VALUES (?,{_PERSON},?,?,?)",
                 (p["uid"], stored(p["person"]), p["on"], p["amount"], p.get("ref")))


def _person_linked(conn: sqlite3.Connection, p: dict) -> None:
    """Two records of one person (two Lapas, or twice in one): every record of both
    groups names the group's earliest record in ``same_as`` (and that one names none)."""
    roots = []
    for uid in (p["a"], p["b"]):
        row = conn.execute(
            "SELECT coalesce(same_as, id) FROM people WHERE uid = ?", (stored(uid),)
        ).fetchone()
        if row is None:
            raise LookupError("person.linked: a person it names does not exist")
        roots.append(row[0])
    root, other = sorted(roots)
    if root != other:
        conn.execute("UPDATE people SET same_as = ? WHERE id = ? OR same_as = ?",
                     (root, other, other))


def _no_change(conn: sqlite3.Connection, p: dict) -> None:
    """Events that record an act (such as revealing a NIK) without changing a table."""


FUNCTIONS: dict[str, Callable[[sqlite3.Connection, dict], None]] = {
    "catalog.synced": _catalog_synced,
    "person.corrected": _person_corrected,
    "stay.corrected": _stay_corrected,
    "enrolment.corrected": _enrolment_corrected,
    "remission.corrected": _remission_corrected,
    "stay.returned": _stay_returned,
    "stay.revoked": _stay_revoked,
    "enrolment.voided": _enrolment_voided,
    "remission.voided": _remission_voided,
    "person.accessed": _no_change,
    "sponsor.registered": _sponsor_registered,
    "sponsor.corrected": _sponsor_corrected,
    "sponsor.accessed": _no_change,
    "donation.recorded": _donation_recorded,
    "donation.corrected": _donation_corrected,
    "donation.voided": _donation_voided,
    "adoption.recorded": _adoption_recorded,
    "adoption.corrected": _adoption_corrected,
    "spending.recorded": _spending_recorded,
    "production.recorded": _production_recorded,
    "sale.recorded": _sale_recorded,
    "premi.paid": _premi_paid,
    "privacy.set": _no_change,
    "person.linked": _person_linked,
    # the ledger itself applies the events a merge took in (``ledger._replay``, ``merging``)
    "ledger.merged": _no_change,
    "ledger.migrated": _no_change,       # read from the ledger itself (``queries.latest_about``)
}
KINDS = frozenset(STATEMENTS) | frozenset(FUNCTIONS)


# How a sequence of events is applied in few executemany calls without changing the
# result: between two function-kind events (which may touch anything), every insert is
# applied first (people before the stays that name them, stays before what names a
# stay: an insert never depends on an update), then the updates, grouped by kind. An
# update to a row already updated in the group starts a new group, so two changes to
# one row keep their order.
_INSERT_RANK = {"person.registered": 0, "person.admitted": 0, "stay.admitted": 1, "remission.granted": 2,
                "enrolment.assigned": 3, "enrolment.waitlisted": 3}

# A step of a plan is a plain tuple, so that a plan made in one process can be run in
# another (``ledger.verify`` sends them with ``marshal``): (sql, params, check) runs
# ``executemany(sql, params)``, ``check`` naming the kind whose every row must exist;
# (kind, payload) calls the function of that kind.
Step = tuple


def _ways() -> dict[str, tuple]:
    """kind -> how ``plan`` groups it: (rank, sql, params, then) for an insert, where each
    of ``then`` is (rank, sql, params); (None, sql, params, ()) for an update; None for
    a kind applied by its function."""
    ways: dict[str, tuple | None] = dict.fromkeys(FUNCTIONS)
    for kind, statement in STATEMENTS.items():
        rank = _INSERT_RANK.get(kind)
        then = tuple((rank + 0.5, t.sql, t.params) for t in statement.then) \
            if rank is not None else ()
        ways[kind] = (rank, statement.sql, statement.params, then)
    return ways


_WAYS = _ways()


def plan(events: Iterable[tuple[str, dict]]) -> list[Step]:
    """The steps that apply ``(kind, payload)`` events with the same result as one by
    one. Pure: no connection, so the same plan serves live writes and a replay made in
    another process."""
    steps: list[Step] = []
    inserts: dict[str, tuple[float, list[tuple]]] = {}     # sql -> (rank, params)
    updates: dict[str, tuple[str, list[tuple]]] = {}     # sql -> (kind, params)
    touched: set[str] = set()
    ways = _WAYS

    def flush() -> None:
        for sql, (_, params) in sorted(inserts.items(), key=lambda item: item[1][0]):
            steps.append((sql, params, None))
        for sql, (kind, params) in updates.items():
            steps.append((sql, params, kind))
        inserts.clear()
        updates.clear()
        touched.clear()

    for kind, payload in events:
        way = ways[kind]
        if way is None:
            if inserts or updates:
                flush()
            steps.append((kind, payload))
            continue
        rank, sql, params, then = way
        if rank is not None:
            group = inserts.get(sql)
            if group is None:
                group = inserts[sql] = (rank, [])
            group[1].append(params(payload))
            for then_rank, then_sql, then_params in then:      # after the rows it names
                group = inserts.get(then_sql)
                if group is None:
                    group = inserts[then_sql] = (then_rank, [])
                group[1].append(then_params(payload))
        else:
            uid = payload["uid"]
            if uid in touched:
                flush()
            touched.add(uid)
            group = updates.get(sql)
            if group is None:
                group = updates[sql] = (kind, [])
            group[1].append(params(payload))
    flush()
    return steps


def run(conn: sqlite3.Connection, steps: Iterable[Step]) -> None:
    """Run the steps of a ``plan`` in order."""
    for step in steps:
        if len(step) == 2:
            FUNCTIONS[step[0]](conn, step[1])
            continue
        sql, params, check = step
        cursor = conn.executemany(sql, params)
        if check is not None and cursor.rowcount != len(params):
            raise LookupError(f"{check}: a row it changes does not exist")
