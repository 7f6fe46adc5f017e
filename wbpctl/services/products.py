"""Products and the cooperative: the catalogue, production by eligible makers, sales from
stock (oldest batch first), the premi each sale credits to its makers, and payouts.

The rules (the split, FIFO, the rounding) are pure functions in ``domain.products``; what
they decide is kept in each event, so a replay reads neither the config nor the clock.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Callable

from ..domain.catalog import normalize_code
from ..domain.errors import Invalid, Notice, NotFound, Rejected
from ..domain.money import MAXIMUM, Rupiah, parse_rupiah
from ..domain.people import clean_receipt, clean_text
from ..domain.uids import parse_uid
from ..store import product_queries as pq
from ..store.chain import new_uid
from .participants import find_person, regno_text
from .session import Session, Tx

# domain.products (and fractions, which it loads) is imported by the functions that record
# production, sales and payouts: participant show loads this module for premi_record
if TYPE_CHECKING:
    from ..domain.products import Split

# -- the catalogue (synced from config.yaml with the tracks: ``catalog.sync_catalog``) -------

def find_product(conn: sqlite3.Connection, text: str, *, retired: bool = False
                 ) -> sqlite3.Row:
    """A product by its code (``madu-250``, any case) or its name (any case)."""
    row = pq.product(conn, normalize_code(text)) or \
        pq.product_named(conn, " ".join(str(text).split()))
    if row is None or (row["retired"] and not retired):
        raise NotFound("product_not_found", product=text)
    return row


def _product_dict(row: sqlite3.Row) -> dict:
    return {k: row[k] for k in ("code", "name", "unit", "track", "price", "produced", "sold",
                                "stock")}


def list_products(session: Session) -> list[dict]:
    with session.reading() as conn:
        return [_product_dict(r) for r in pq.products(conn)]


def show_product(session: Session, product: str, *, recent: int = 10) -> dict:
    """A product with its batches (made, sold, left, by whom) and its latest sales."""
    with session.reading() as conn:
        row = find_product(conn, product, retired=True)
        batches = []
        for b in pq.batches_of(conn, row["code"]):
            makers = pq.maker_rows(conn, b["id"])
            batches.append({"batch": b["batch"], "produced_on": b["produced_on"],
                            "qty": b["qty"], "sold": b["sold"], "stock": b["qty"] - b["sold"],
                            "makers": [regno_text(session, m) for m in makers],
                            "weights": [m["weight"] for m in makers]})
        sales = [{k: s[k] for k in ("sold_on", "qty", "price", "amount", "channel", "buyer",
                                    "ref", "premi", "cooperative", "pnbp")}
                 for s in pq.sales_of(conn, row["code"], recent)]
    return {**_product_dict(row), "retired": bool(row["retired"]), "batches": batches,
            "sales": sales}


# -- production -----------------------------------------------------------------------------

def _makers(makers: str | list[str]) -> list[str]:
    names = makers if isinstance(makers, list) else re.split(r"[,;]", str(makers or ""))
    found = [m.strip() for m in names if m and m.strip()]
    if not found:
        raise Invalid("makers", makers or "", "makers_required")
    return found


def produce(session: Session, product: str, *, on: str | date | None = None, qty: object,
            makers: str | list[str], shares: str | None = None, batch: str | None = None,
            uid: str | None = None, tx: Tx | None = None) -> dict:
    """Record a batch made (``production.recorded``): stock goes up. Every maker must be in
    custody that day and active in (or have completed) the product's track; ``shares``
    weighs their credit (equal by default)."""
    from ..domain.products import parse_qty, parse_weights

    units = parse_qty(qty)
    who = _makers(makers)
    weights = parse_weights(shares, len(who))
    number = clean_text(batch, field="batch", maximum=50)
    production_uid = parse_uid(uid, "production_uid") or new_uid()
    with session.transaction(tx) as tx:
        row = find_product(tx.conn, product)
        when = session.date_or_today(on, "on")
        people = []
        for text in who:
            person = find_person(session, tx.conn, text, own=True)
            if any(p["id"] == person["id"] for p in people):
                raise Invalid("makers", text, "maker_twice")
            if not pq.in_custody_on(tx.conn, person["id"], when.isoformat()):
                raise Rejected("maker_not_in_custody", who=text, on=when.isoformat())
            if not pq.in_track_on(tx.conn, person["id"], row["track"], when.isoformat()):
                raise Rejected("maker_not_in_track", who=text, track=row["track"],
                               product=row["code"], on=when.isoformat())
            people.append(person)
        if number is None:
            number = when.strftime("%Y%m%d")
            n = 2
            while pq.batch(tx.conn, row["code"], number):
                number, n = f"{when:%Y%m%d}-{n}", n + 1
        elif pq.batch(tx.conn, row["code"], number):
            raise Invalid("batch", number, "batch_used", product=row["code"])
        tx.record("production.recorded", row["code"], {
            "uid": production_uid, "product": row["code"], "on": when.isoformat(),
            "qty": units, "batch": number,
            "makers": [{"person": p["uid"], "weight": w} for p, w in zip(people, weights)]})
        stock = pq.product(tx.conn, row["code"])["stock"]
    return {"product": row["code"], "name": row["name"], "unit": row["unit"], "qty": units,
            "batch": number, "on": when.isoformat(), "makers": len(people), "stock": stock}


def eligible_makers(session: Session, conn: sqlite3.Connection, product: str, on: date
                    ) -> list[str]:
    """The global ids of everyone who may make ``product`` on ``on`` (in custody, in its
    track), in the order they joined the track."""
    row = find_product(conn, product)
    return [p["uid"] for p in pq.people_in_track(conn, row["track"], on.isoformat())
            if pq.in_custody_on(conn, p["id"], on.isoformat())]


# -- sales ----------------------------------------------------------------------------------

def sell(session: Session, product: str, *, on: str | date | None = None, qty: object,
         price: object = None, channel: str, buyer: str | None = None,
         ref: str | None = None, split: Split | None = None, uid: str | None = None,
         tx: Tx | None = None) -> dict:
    """Record a sale (``sale.recorded``) from the stock made by that day, oldest batch
    first; refused when the stock is short. The price defaults to the list price; the
    revenue is split by ``split`` (default: the config's shares) and the premi credited to
    the makers of the units sold (``domain.products``)."""
    from ..domain.products import parse_channel, parse_qty

    units = parse_qty(qty)
    way = parse_channel(channel)
    who = clean_text(buyer, field="buyer", maximum=200)
    receipt = clean_receipt(ref)
    shares = split or session.config.sales_split
    sale_uid = parse_uid(uid, "sale_uid") or new_uid()
    with session.transaction(tx) as tx:
        row = find_product(tx.conn, product)
        unit_price = parse_rupiah(price, field="price") if price not in (None, "") \
            else row["price"]
        when = session.date_or_today(on, "on")
        if receipt and pq.sale_by(tx.conn, "ref", receipt):
            raise Invalid("ref", receipt, "sale_ref_used")
        batches = pq.batches_in_stock(tx.conn, row["code"], when.isoformat())
        record, makers = sale_record(row, when, units, unit_price, way, who, receipt, shares,
                                     sale_uid, batches, lambda b: pq.makers_of(tx.conn, b))
        tx.record(*record)
    sold = record[2]
    return {"product": row["code"], "name": row["name"], "unit": row["unit"], "qty": units,
            "on": when.isoformat(), "amount": Rupiah(sold["amount"]),
            "premi": Rupiah(sold["split"]["premi"]),
            "cooperative": Rupiah(sold["split"]["cooperative"]),
            "pnbp": Rupiah(sold["split"]["pnbp"]), "makers": makers,
            "stock": sum(left for _, left in batches) - units}


def sale_record(product: sqlite3.Row, on: date, units: int, unit_price: int, channel: str,
                buyer: str | None, ref: str | None, shares: Split, uid: str,
                batches: list[tuple[str, int]],
                makers_of: Callable[[list[str]], dict]) -> tuple[tuple[str, str, dict], int]:
    """The event of a sale of ``units`` of ``product`` on ``on`` (its parts checked and
    cleaned) from ``batches``, the stock made by that day (batch uid, units left; oldest
    first), and how many makers share its premi (``makers_of`` the batches it takes from
    names them); refused when the stock is short or the amount above Rp 10 trillion.
    ``sell`` and the sales import share it."""
    from ..domain.products import credit_makers, fifo_takes, split_revenue

    stock = sum(left for _, left in batches)
    if units > stock:
        raise Rejected("stock_short", product=product["code"], qty=units, stock=stock,
                       unit=product["unit"], on=on.isoformat())
    amount = units * unit_price
    if amount > MAXIMUM:      # as no amount may be (SQLite's integers end at 2^63)
        raise Invalid("qty", units, "sale_too_large", price=Rupiah(unit_price),
                      amount=Rupiah(amount))
    takes = fifo_takes(batches, units)
    premi, cooperative, pnbp = split_revenue(amount, shares)
    credits = credit_makers(premi, takes, makers_of([b for b, _ in takes]))
    return ("sale.recorded", product["code"], {
        "uid": uid, "product": product["code"], "on": on.isoformat(), "qty": units,
        "price": unit_price, "amount": amount, "channel": channel, "buyer": buyer,
        "ref": ref, "split": {"premi": premi, "cooperative": cooperative, "pnbp": pnbp},
        "shares": {k: v for k, v in shares.as_dict().items() if k != "pnbp"},
        "takes": [{"batch": b, "qty": n} for b, n in takes],
        "credits": [{"person": p, "amount": a} for p, a in credits if a]}), len(credits)


# -- premi ----------------------------------------------------------------------------------

def pay_premi(session: Session, who: str, *, on: str | date | None = None, amount: object,
              ref: str | None = None, uid: str | None = None, tx: Tx | None = None) -> dict:
    """Record premi paid out to a person (``premi.paid``); never more than their balance."""
    from ..domain.products import check_payout

    rupiah = parse_rupiah(amount, field="amount")
    receipt = clean_receipt(ref)
    payout_uid = parse_uid(uid, "payout_uid") or new_uid()
    with session.transaction(tx) as tx:
        person = find_person(session, tx.conn, who, own=True)
        when = session.date_or_today(on, "on")
        earned, paid = pq.premi_totals(tx.conn, person["id"])
        check_payout(rupiah, earned - paid)
        if receipt and pq.payout_by(tx.conn, "ref", receipt):
            raise Invalid("ref", receipt, "payout_ref_used")
        tx.record(*payout_record(person["uid"], when.isoformat(), rupiah, receipt, payout_uid))
    return {"name": person["name"], "on": when.isoformat(), "amount": Rupiah(rupiah),
            "balance": Rupiah(earned - paid - rupiah)}


def payout_record(person_uid: str, on: str, amount: int, ref: str | None, uid: str
                  ) -> tuple[str, str, dict]:
    """The event of premi paid out (checked against the balance). ``pay_premi`` and the
    payouts import share it."""
    return ("premi.paid", person_uid, {"uid": uid, "person": person_uid, "on": on,
                                       "amount": amount, "ref": ref})


def premi_record(conn: sqlite3.Connection, person_id: int) -> dict:
    """A person's premi as ``participant show`` gives it: earned, paid, the balance, per
    product, and each payout."""
    earned, paid = pq.premi_totals(conn, person_id)
    return {"premi_earned": earned, "premi_paid": paid, "premi_balance": earned - paid,
            "earnings": [{"product": r["product"], "name": r["name"], "sales": r["sales"],
                          "amount": r["amount"], "last_sale": r["last_sale"]}
                         for r in pq.earnings_of(conn, person_id)],
            "payouts": [{"paid_on": r["paid_on"], "amount": r["amount"], "ref": r["ref"]}
                        for r in pq.payouts_of(conn, person_id)]}


def unpaid_notice(conn: sqlite3.Connection, person: sqlite3.Row) -> list[Notice]:
    """A release with premi not paid out draws a warning: pay it, or it is carried."""
    earned, paid = pq.premi_totals(conn, person["id"])
    if earned - paid <= 0:
        return []
    return [Notice("premi_unpaid", name=person["name"], amount=Rupiah(earned - paid))]
