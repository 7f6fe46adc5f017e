"""``wbpctl init``: create or upgrade the database and sync the catalogue."""

from __future__ import annotations

from typing import Annotated

import typer

from .state import say, state


def init(
    ctx: typer.Context,
    demo: Annotated[bool, typer.Option(
        "--demo", help="Also fill the (empty) database with fictional demo data.")] = False,
) -> None:
    """Create or upgrade the database and sync the OPD/track catalogue from the config.

    Safe to run again: a database already up to date is left untouched (no new event).

    Example: wbpctl --db data/wbp.db init --demo
    """
    from ..services import catalog

    session = state(ctx).session()
    result = catalog.init_database(session)
    if result.created:
        say(ctx, "init_created", path=result.path, migrations=result.migrations)
    elif result.migrations:
        say(ctx, "init_upgraded", path=result.path, migrations=result.migrations)
    elif result.catalog_changed:
        say(ctx, "init_synced", path=result.path)
    elif not demo and not result.sponsors_from_texts:
        say(ctx, "init_unchanged", path=result.path)
    if result.sponsors_from_texts:
        say(ctx, "init_sponsors_from_texts", count=result.sponsors_from_texts)
    if demo:
        from ..services import demo as demo_data
        made = demo_data.fill(session)
        say(ctx, "demo_done", people=made["people"], events=made["events"])
