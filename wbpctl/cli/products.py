"""``wbpctl product | produce | sell | premi``: what the training tracks make, what the
cooperative sells, and what the makers earn."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..render.sections import Section
from .state import (ExcelOpt, FormatOpt, OutputOpt, RawCellsOpt, WhoArg, say, show_record,
                    show_rows, state)

product_app = typer.Typer(help="The product catalogue (config.yaml 'products'), its stock"
                          " and sales.", no_args_is_help=True, rich_markup_mode=None)
premi_app = typer.Typer(help="The makers' premi (their share of sales): pay it out.",
                        no_args_is_help=True, rich_markup_mode=None)

ProductArg = Annotated[str, typer.Argument(
    metavar="PRODUCT", help="Product code (MADU-250, any case) or its name as 'wbpctl product"
    " list' shows it.", show_default=False)]
OnOpt = Annotated[Optional[str], typer.Option(
    "--on", metavar="DATE", help="Date (default today).", show_default=False)]
QtyOpt = Annotated[str, typer.Option("--qty", metavar="N", help="How many units.")]
RefOpt = Annotated[Optional[str], typer.Option(
    "--ref", metavar="NO", help="Receipt number (unique).", show_default=False)]

# a narrow terminal leaves out the columns from the right: the stock stays
LIST_COLUMNS = ("code", "name", "stock", "price", "sold", "produced", "unit", "track")
SHOW_SECTIONS = (
    Section("s_product", None, ("code", "name", "unit", "track", "price", "produced", "sold",
                                "stock")),
    Section("s_batches", "batches", ("batch", "produced_on", "qty", "sold", "stock", "makers",
                                     "weights")),
    Section("s_sales", "sales", ("sold_on", "qty", "price", "amount", "channel", "buyer",
                                 "ref", "premi", "cooperative", "pnbp")),
)


@product_app.command("list")
def product_list(ctx: typer.Context, fmt: FormatOpt = None, output: OutputOpt = None,
                 excel: ExcelOpt = False, raw_cells: RawCellsOpt = False) -> None:
    """List the products: unit, the track that makes them, list price, made, sold, stock.

    Example: wbpctl product list
    """
    from ..services import products

    show_rows(ctx, products.list_products(state(ctx).session()), LIST_COLUMNS, fmt, output,
              excel=excel)


@product_app.command("show")
def product_show(ctx: typer.Context, product: ProductArg, fmt: FormatOpt = None,
                 output: OutputOpt = None, excel: ExcelOpt = False,
                 raw_cells: RawCellsOpt = False) -> None:
    """Show a product: its batches (made, sold, left, by whom) and its latest sales.

    Example: wbpctl product show MADU-250
    """
    from ..services import products

    record = products.show_product(state(ctx).session(), product)
    show_record(ctx, record, SHOW_SECTIONS, fmt, output, excel=excel)


def produce(
    ctx: typer.Context,
    product: ProductArg,
    qty: QtyOpt,
    makers: Annotated[str, typer.Option(
        "--makers", metavar="WHO[,WHO...]", help="Who made it: register numbers or NIKs,"
        " comma-separated. Each must be in custody that day and active in (or have"
        " completed) the product's track.")],
    on: OnOpt = None,
    batch: Annotated[Optional[str], typer.Option(
        "--batch", metavar="NO", help="Batch number (default: the date, 20261015).",
        show_default=False)] = None,
    share: Annotated[Optional[str], typer.Option(
        "--share", metavar="W,W...", help="Each maker's part of the credit, in their order"
        " (60,40); equal by default.", show_default=False)] = None,
) -> None:
    """Record a batch of PRODUCT made by its makers: the stock goes up.

    Example: wbpctl produce MADU-250 --on 2026-10-15 --qty 40 --makers B.I-12/2025,B.I-15/2025
    --share 60,40
    """
    from ..services import products

    done = products.produce(state(ctx).session(), product, on=on, qty=qty, makers=makers,
                            shares=share, batch=batch)
    say(ctx, "produced", **done)


def sell(
    ctx: typer.Context,
    product: ProductArg,
    qty: QtyOpt,
    channel: Annotated[str, typer.Option(
        "--channel", metavar="CHANNEL", help="koperasi (the cooperative), pameran"
        " (exhibition), daring (online) or lainnya (other).")],
    on: OnOpt = None,
    price: Annotated[Optional[str], typer.Option(
        "--price", metavar="RUPIAH", help="Unit price in whole rupiah (default: the list"
        " price).", show_default=False)] = None,
    buyer: Annotated[Optional[str], typer.Option(
        "--buyer", metavar="TEXT", help="Who bought.", show_default=False)] = None,
    ref: RefOpt = None,
) -> None:
    """Record a sale of PRODUCT from stock (oldest batch first); refused when the stock
    made by that day is short. The revenue is split as config.yaml 'sales' says (premi,
    cooperative, PNBP) and the premi credited to the makers of the units sold.

    Example: wbpctl sell MADU-250 --on 2026-10-20 --qty 12 --channel koperasi
    --buyer "Koperasi Tungkal Jaya"
    """
    from ..services import products

    done = products.sell(state(ctx).session(), product, on=on, qty=qty, price=price,
                         channel=channel, buyer=buyer, ref=ref)
    say(ctx, "sold", **done)


@premi_app.command("pay")
def premi_pay(
    ctx: typer.Context,
    who: WhoArg,
    amount: Annotated[str, typer.Option("--amount", metavar="RUPIAH",
                                        help="Whole rupiah: 150.000, '150 ribu'.")],
    on: OnOpt = None,
    ref: RefOpt = None,
) -> None:
    """Record premi paid out to WHO; never more than their balance (see 'wbpctl
    participant show').

    Example: wbpctl premi pay B.I-12/2025 --on 2026-11-01 --amount 150.000
    """
    from ..services import products

    done = products.pay_premi(state(ctx).session(), who, on=on, amount=amount, ref=ref)
    say(ctx, "premi_paid_done", **done)
