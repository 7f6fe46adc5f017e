"""``wbpctl backup`` and ``wbpctl restore``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .state import say, state


def backup(
    ctx: typer.Context,
    dest: Annotated[Path, typer.Argument(metavar="DEST", help="File to write the copy to.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite DEST if it exists.")
                     ] = False,
) -> None:
    """Write a consistent copy of the database while others keep working, and verify it.

    Uses SQLite's online backup API, never a file copy. The copy is owner-only.

    Example: wbpctl backup /srv/cadangan/wbp-2026-11-28.db
    """
    from ..services import maintenance

    done = maintenance.backup(state(ctx).session(), dest, force=force)
    say(ctx, "backup_done", **done)


def restore(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(metavar="SRC", help="A backup made by 'wbpctl backup'.")],
) -> None:
    """Replace the database with a backup, only after the backup verifies.

    The replaced contents are kept beside the database as <db>.replaced-<time>.

    Example: wbpctl restore /srv/cadangan/wbp-2026-11-28.db
    """
    from ..services import maintenance

    done = maintenance.restore(state(ctx).session(), source)
    say(ctx, "restore_done", **done)
