"""The reads of products, production, sales and premi: the catalogue with its stock, the
batches a sale takes from, who may make a product, a person's premi, and the sales figures."""

from __future__ import annotations

import json
import sqlite3

_STOCK = """(SELECT coalesce(sum(qty), 0) FROM batches b WHERE b.product = p.code) AS produced,
    (SELECT coalesce(sum(sold), 0) FROM batches b WHERE b.product = p.code) AS sold,
    (SELECT coalesce(sum(qty - sold), 0) FROM batches b WHERE b.product = p.code) AS stock"""


def catalog(conn: sqlite3.Connection) -> list[dict]:
    """This ledger's own live products as stored (not another Lapas's), in the shape of a
    catalog.synced payload's products."""
    return [dict(r) for r in conn.execute(
        "SELECT code, name, unit, track, price FROM products WHERE retired = 0"
        " AND instr(code, ':') = 0 ORDER BY rowid")]


def products(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(f"SELECT p.*, {_STOCK} FROM products p WHERE p.retired = 0"
                        " ORDER BY p.rowid").fetchall()


def product(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute(f"SELECT p.*, {_STOCK} FROM products p WHERE p.code = ?",
                        (code,)).fetchone()


def product_named(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    return conn.execute(f"SELECT p.*, {_STOCK} FROM products p WHERE lower(p.name) = lower(?)",
                        (name,)).fetchone()


# -- production -----------------------------------------------------------------------------

def batch(conn: sqlite3.Connection, product: str, number: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM batches WHERE product = ? AND batch = ?",
                        (product, number)).fetchone()


def batch_by_uid(conn: sqlite3.Connection, uid: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM batches WHERE uid = ?", (uid,)).fetchone()


def batches_of(conn: sqlite3.Connection, product: str) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM batches WHERE product = ? ORDER BY produced_on, id",
                        (product,)).fetchall()


def batches_in_stock(conn: sqlite3.Connection, product: str, on: str) -> list[tuple[str, int]]:
    """(batch uid, units left) of the batches made by ``on`` that still hold units, oldest
    first: what a sale that day takes from."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT uid, qty - sold FROM batches WHERE product = ? AND produced_on <= ?"
        " AND sold < qty ORDER BY produced_on, id", (product, on))]


def batches_left(conn: sqlite3.Connection, product: str) -> list[tuple[str, str, int]]:
    """(batch uid, made on, units left) of every batch that still holds units, oldest
    first: ``batches_in_stock`` of any day, for a bulk of sales to take from in memory."""
    return [(r[0], r[1], r[2]) for r in conn.execute(
        "SELECT uid, produced_on, qty - sold FROM batches WHERE product = ? AND sold < qty"
        " ORDER BY produced_on, id", (product,))]


def makers_of(conn: sqlite3.Connection, batch_uids: list[str]) -> dict[str, list[tuple[str, int]]]:
    """{batch uid: [(person uid, weight)]} in the order the makers were named."""
    found: dict[str, list[tuple[str, int]]] = {}
    for batch_uid, person_uid, weight in conn.execute(
            "SELECT b.uid, p.uid, m.weight FROM batch_makers m JOIN batches b ON b.id = m.batch_id"
            " JOIN people p ON p.id = m.person_id WHERE b.uid IN (SELECT value FROM json_each(?))"
            " ORDER BY m.id", (json.dumps(batch_uids),)):
        found.setdefault(batch_uid, []).append((person_uid, weight))
    return found


def maker_rows(conn: sqlite3.Connection, batch_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT p.uid AS person_uid, p.name, m.weight, s.register_class, s.reg_seq, s.reg_year"
        " FROM batch_makers m JOIN people p ON p.id = m.person_id"
        " JOIN stays s ON s.id = (SELECT max(id) FROM stays WHERE person_id = p.id)"
        " WHERE m.batch_id = ? ORDER BY m.id", (batch_id,)).fetchall()


def in_custody_on(conn: sqlite3.Connection, person_id: int, on: str) -> bool:
    """In custody here on that day: within a stay, and not away on a release it came back
    from (a transfer, a revoked PB)."""
    return conn.execute(
        "SELECT EXISTS (SELECT 1 FROM stays s WHERE s.person_id = :p AND s.admitted_on <= :on"
        " AND (s.released_on IS NULL OR s.released_on > :on) AND NOT EXISTS (SELECT 1 FROM"
        " absences a WHERE a.stay_id = s.id AND a.left_on <= :on AND a.returned_on > :on))",
        {"p": person_id, "on": on}).fetchone()[0] == 1


def in_track_on(conn: sqlite3.Connection, person_id: int, track: str, on: str) -> bool:
    """Active in ``track`` that day, or having completed it (by then or since)."""
    return conn.execute(
        "SELECT EXISTS (SELECT 1 FROM enrolments WHERE person_id = :p AND track = :t"
        " AND assigned_on IS NOT NULL AND assigned_on <= :on AND (status = 'completed'"
        " OR ended_on IS NULL OR ended_on >= :on))",
        {"p": person_id, "t": track, "on": on}).fetchone()[0] == 1


def people_in_track(conn: sqlite3.Connection, track: str, on: str) -> list[sqlite3.Row]:
    """People active in ``track`` that day or having completed it, in the order they
    began: the candidates a demo picks makers from."""
    return conn.execute(
        "SELECT DISTINCT p.id, p.uid FROM enrolments e JOIN people p ON p.id = e.person_id"
        " WHERE e.track = :t AND e.assigned_on IS NOT NULL AND e.assigned_on <= :on"
        " AND (e.status = 'completed' OR e.ended_on IS NULL OR e.ended_on >= :on)"
        " ORDER BY e.assigned_on, e.id", {"t": track, "on": on}).fetchall()


def production_like(conn: sqlite3.Connection, product: str, produced_on: str, qty: int
                    ) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM batches WHERE product = ? AND produced_on = ? AND qty = ?",
                        (product, produced_on, qty)).fetchall()


# -- sales and premi ------------------------------------------------------------------------

def sale_by(conn: sqlite3.Connection, column: str, value: object) -> sqlite3.Row | None:
    assert column in ("uid", "ref")
    return conn.execute(f"SELECT * FROM sales WHERE {column} = ?", (value,)).fetchone()


def sale_like(conn: sqlite3.Connection, product: str, sold_on: str, qty: int, price: int,
              channel: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM sales WHERE product = ? AND sold_on = ? AND qty = ?"
                        " AND price = ? AND channel = ?",
                        (product, sold_on, qty, price, channel)).fetchone()


def sales_of(conn: sqlite3.Connection, product: str, limit: int | None = None
             ) -> list[sqlite3.Row]:
    sql = "SELECT * FROM sales WHERE product = ? ORDER BY sold_on DESC, id DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return conn.execute(sql, (product,)).fetchall()


def premi_totals(conn: sqlite3.Connection, person_id: int) -> tuple[int, int]:
    """(premi credited, paid out) of one person."""
    row = conn.execute(
        "SELECT (SELECT coalesce(sum(amount), 0) FROM premi_credits WHERE person_id = :p),"
        " (SELECT coalesce(sum(amount), 0) FROM payouts WHERE person_id = :p)",
        {"p": person_id}).fetchone()
    return row[0], row[1]


def premi_balances(conn: sqlite3.Connection, person_ids: list[int]) -> dict[int, int]:
    """{person id: premi credited less paid out} for these people."""
    ids = json.dumps(person_ids)
    return {r[0]: r[1] for r in conn.execute(
        "SELECT p.value, (SELECT coalesce(sum(amount), 0) FROM premi_credits WHERE person_id ="
        " p.value) - (SELECT coalesce(sum(amount), 0) FROM payouts WHERE person_id = p.value)"
        " FROM json_each(?) p", (ids,))}


def earnings_of(conn: sqlite3.Connection, person_id: int) -> list[sqlite3.Row]:
    """Per product: the sales a person's work was in and the premi credited."""
    return conn.execute(
        "SELECT s.product, pr.name, count(*) AS sales, sum(c.amount) AS amount,"
        " min(s.sold_on) AS first_sale, max(s.sold_on) AS last_sale"
        " FROM premi_credits c JOIN sales s ON s.id = c.sale_id"
        " JOIN products pr ON pr.code = s.product WHERE c.person_id = ?"
        " GROUP BY s.product ORDER BY s.product", (person_id,)).fetchall()


def payouts_of(conn: sqlite3.Connection, person_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM payouts WHERE person_id = ? ORDER BY paid_on, id",
                        (person_id,)).fetchall()


def payout_by(conn: sqlite3.Connection, column: str, value: object) -> sqlite3.Row | None:
    assert column in ("uid", "ref")
    return conn.execute(f"SELECT * FROM payouts WHERE {column} = ?", (value,)).fetchone()


def payout_like(conn: sqlite3.Connection, person_id: int, paid_on: str, amount: int
                ) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM payouts WHERE person_id = ? AND paid_on = ? AND amount = ?",
                        (person_id, paid_on, amount)).fetchone()


# -- report figures -------------------------------------------------------------------------

_GROUPS = {"month": ("substr({date}, 1, 7)", "substr({date}, 1, 7)"),
           "product": ("{alias}.product", "{alias}.product"),
           "track": ("pr.track", "pr.track"),
           "channel": (None, "s.channel")}


def sales_figures(conn: sqlite3.Connection, start: str, end: str, by: str) -> dict[str, dict]:
    """{group: produced, sold, revenue, premi, cooperative, pnbp} over [start, end), grouped
    by month, product, track or channel (production has no channel)."""
    figures: dict[str, dict] = {}

    def row(key: str) -> dict:
        return figures.setdefault(key, {"produced": 0, "sold": 0, "revenue": 0, "premi": 0,
                                        "cooperative": 0, "pnbp": 0})

    made, sold = _GROUPS[by]
    if made is not None:
        key = made.format(date="b.produced_on", alias="b")
        for group, qty in conn.execute(
                f"SELECT {key}, sum(b.qty) FROM batches b JOIN products pr ON pr.code = b.product"
                f" WHERE b.produced_on >= ? AND b.produced_on < ? GROUP BY 1", (start, end)):
            row(group)["produced"] += qty
    key = sold.format(date="s.sold_on", alias="s")
    for group, qty, revenue, premi, cooperative, pnbp in conn.execute(
            f"SELECT {key}, sum(s.qty), sum(s.amount), sum(s.premi), sum(s.cooperative),"
            f" sum(s.pnbp) FROM sales s JOIN products pr ON pr.code = s.product"
            f" WHERE s.sold_on >= ? AND s.sold_on < ? GROUP BY 1", (start, end)):
        figures_row = row(group)
        figures_row.update(sold=qty, revenue=revenue, premi=premi, cooperative=cooperative,
                           pnbp=pnbp)
    return figures


def stock_at(conn: sqlite3.Connection, end: str, by: str) -> dict[str, int]:
    """{product or track: units made before ``end`` and not sold before it}."""
    column = "pr.track" if by == "track" else "b.product"
    made = {r[0]: r[1] for r in conn.execute(
        f"SELECT {column}, sum(b.qty) FROM batches b JOIN products pr ON pr.code = b.product"
        f" WHERE b.produced_on < ? GROUP BY 1", (end,))}
    column = "pr.track" if by == "track" else "s.product"
    for key, qty in conn.execute(
            f"SELECT {column}, sum(s.qty) FROM sales s JOIN products pr ON pr.code = s.product"
            f" WHERE s.sold_on < ? GROUP BY 1", (end,)):
        made[key] = made.get(key, 0) - qty
    return made


def shares_used(conn: sqlite3.Connection, start: str, end: str) -> list[sqlite3.Row]:
    """The splits the sales of [start, end) were made with (one, unless the setting
    changed)."""
    return conn.execute("SELECT premi_share, cooperative_share, count(*) AS sales FROM sales"
                        " WHERE sold_on >= ? AND sold_on < ? GROUP BY 1, 2 ORDER BY 3 DESC",
                        (start, end)).fetchall()


def revenue_by_month(conn: sqlite3.Connection, start: str, end: str) -> list[sqlite3.Row]:
    """(month, product, revenue) over [start, end)."""
    return conn.execute("SELECT substr(sold_on, 1, 7) AS month, product, sum(amount) AS revenue"
                        " FROM sales WHERE sold_on >= ? AND sold_on < ? GROUP BY 1, 2"
                        " ORDER BY 1, 2", (start, end)).fetchall()


def export_production(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM batches ORDER BY id").fetchall()


def export_sales(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM sales ORDER BY id").fetchall()


def export_payouts(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT y.*, p.uid AS person_uid FROM payouts y JOIN people p"
                        " ON p.id = y.person_id ORDER BY y.id").fetchall()


def premi_owed(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(person uid, premi credited less paid out) of everyone owed some, in person order."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT p.uid, (SELECT coalesce(sum(amount), 0) FROM premi_credits c WHERE"
        " c.person_id = p.id) - (SELECT coalesce(sum(amount), 0) FROM payouts y WHERE"
        " y.person_id = p.id) AS owed FROM people p WHERE p.id IN (SELECT person_id FROM"
        " premi_credits) AND owed > 0 ORDER BY p.id")]
