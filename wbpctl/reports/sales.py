"""Products made and sold, the stock, the revenue and how it was shared: ``report sales``
and the monthly report's "Produk dan penjualan" section."""

from __future__ import annotations

from datetime import date

from ..domain.errors import Invalid
from ..domain.periods import Period, day_after
from ..domain.products import CHANNELS, Split
from ..domain.words import word_key
from ..services.heads import report_snapshot
from ..services.session import Session
from ..domain.lapas import LapasScope
from ..store import product_queries as pq
from .lapas import lapas_code, scope_fields, scope_of

GROUPS = ("month", "product", "channel", "track")
_GROUP_ALIASES = {"bulan": "month", "produk": "product", "saluran": "channel",
                  "pelatihan": "track"}
FIGURES = ("produced", "sold", "stock", "revenue", "premi", "cooperative", "pnbp")
BEGINNING = "0001-01-01"


def parse_by(text: str) -> str:
    key = _GROUP_ALIASES.get(word_key(text), word_key(text))
    if key not in GROUPS:
        raise Invalid("by", text, "sales_by_unknown", choices=", ".join(GROUPS))
    return key


def split_of(session: Session) -> dict:
    """The split the config sets now, and the regulation it names."""
    return {**session.config.sales_split.as_dict(),
            "regulation": session.config.sales_regulation}


def _used(conn, start: str, end: str) -> list[dict]:
    return [{**Split.of(r["premi_share"], r["cooperative_share"]).as_dict(), "sales": r["sales"]}
            for r in pq.shares_used(conn, start, end)]


def sales_report(session: Session, *, start: str | date | None = None,
                 end: str | date | None = None, by: str = "product",
                 at: str | None = None, lapas: str | None = None) -> dict:
    """Per month, product, channel or track over [from, to): made, sold, stock at the end
    (per month: at each month's end; none per channel), revenue and its shares.

    Products, batches and sales are not recorded per Lapas, so the figures are always
    the whole ledger's: ``lapas`` (``--lapas``) is checked against the ledger, and a
    report asked for some Lapas, or of a ledger of several, says that it counts them
    all (``not_per_lapas``)."""
    group = parse_by(by)
    begins = session.date(start, "from", allow_future=True).isoformat() if start else None
    ends = (session.date(end, "to", allow_future=True) if end
            else day_after(session.today)).isoformat()
    if begins is not None and ends <= begins:
        raise Invalid("to", ends, "period_empty", start=begins)
    low = begins or BEGINNING
    with report_snapshot(session, at) as (conn, head):
        asked = scope_of(session, conn, lapas)
        figures = pq.sales_figures(conn, low, ends, group)
        catalog = {p["code"]: p for p in pq.products(conn)}
        if group == "product":
            keys = list(dict.fromkeys([*catalog, *sorted(figures)]))
            stock = pq.stock_at(conn, ends, "product")
        elif group == "track":
            keys = list(dict.fromkeys([*(p["track"] for p in catalog.values()),
                                       *sorted(figures)]))
            stock = pq.stock_at(conn, ends, "track")
        elif group == "channel":
            keys = list(dict.fromkeys([*CHANNELS, *sorted(figures)]))
            stock = {}
        else:
            keys = sorted(figures)
            stock = {m: sum(pq.stock_at(conn, _month_end(m), "product").values())
                     for m in keys}
        used = _used(conn, low, ends)
    rows = []
    for key in keys:
        found = figures.get(key, {"produced": 0, "sold": 0, "revenue": 0, "premi": 0,
                                  "cooperative": 0, "pnbp": 0})
        row = {group: key}
        if group == "product":
            row["name"] = catalog[key]["name"] if key in catalog else None
        row.update(produced=None if group == "channel" else found["produced"],
                   sold=found["sold"], stock=stock.get(key, 0) if group != "channel" else None,
                   revenue=found["revenue"], premi=found["premi"],
                   cooperative=found["cooperative"], pnbp=found["pnbp"])
        rows.append(row)
    totals = {k: sum(r[k] or 0 for r in rows) for k in FIGURES}
    if group == "month":
        totals["stock"] = rows[-1]["stock"] if rows else 0
    if group == "channel":
        totals["produced"] = totals["stock"] = None
    # the figures cover the whole ledger, whatever was asked; the report says what was
    covered = LapasScope(asked.ledger, asked.ledger, asked.own)
    scope = scope_fields(covered)
    if asked.narrowed:
        scope["lapas_asked"] = list(asked.codes)
    if asked.whole_ledger_noted:
        scope["not_per_lapas"] = ["sales"]
    return {"from": begins, "to": ends, "by": group, "lapas": lapas_code(session, covered),
            **scope, "ledger_head": head.as_dict(), "split": split_of(session), "shares_used": used,
            "rows": rows, "totals": totals}


def _month_end(month: str) -> str:
    """The first day after month ``YYYY-MM``."""
    year, number = int(month[:4]), int(month[5:7])
    return date(year + number // 12, number % 12 + 1, 1).isoformat()


def monthly_section(session: Session, conn, period: Period, trend: Period) -> dict:
    """This month per product (made, sold, stock at its end, revenue and shares), and the
    revenue per month per product over the trend's months."""
    start, end = period.start.isoformat(), period.end.isoformat()
    figures = pq.sales_figures(conn, start, end, "product")
    stock = pq.stock_at(conn, end, "product")
    catalog = {p["code"]: p for p in pq.products(conn)}
    rows = []
    for code in dict.fromkeys([*catalog, *sorted(figures)]):
        found = figures.get(code, {})
        rows.append({"product": code, "name": catalog[code]["name"] if code in catalog
                     else None, "produced": found.get("produced", 0),
                     "sold": found.get("sold", 0), "stock": stock.get(code, 0),
                     **{k: found.get(k, 0) for k in ("revenue", "premi", "cooperative",
                                                     "pnbp")}})
    revenue: dict[str, dict[str, int]] = {}
    for r in pq.revenue_by_month(conn, trend.start.isoformat(), end):
        revenue.setdefault(r["month"], {})[r["product"]] = r["revenue"]
    products = [r["product"] for r in rows]
    return {"by_product": rows, "split": split_of(session),
            "revenue_trend": [{"month": m, **{p: revenue.get(m, {}).get(p, 0)
                                              for p in products}} for m in trend.months()]}
