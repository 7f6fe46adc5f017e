"""``wbpctl head``, ``checkpoint`` and ``keygen``: the ledger head that reports print, the
file beside the database that keeps each one, and the key that signs them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .state import FormatOpt, OutputOpt, choose_format, emit_text, say, state


def _show(ctx: typer.Context, record: dict, fmt, output) -> None:
    from ..render.heads import render_head

    chosen = choose_format(fmt, output, ("table", "json", "csv", "markdown"))
    emit_text(ctx, chosen, output, render_head(record, chosen, state(ctx).lang))


def head(ctx: typer.Context, fmt: FormatOpt = None, output: OutputOpt = None) -> None:
    """Print the ledger head: the Lapas, how many events (seq), the hash of the last one
    (which covers every event before it) and its time, and in a ledger that merged other
    Lapas the last event of each of their chains. Every report ends with it in short form
    (KTL#5120:3f9a2c71); -f json gives the full hash.

    Example: wbpctl head -f json
    """
    from ..render.heads import head_record
    from ..services import heads

    session = state(ctx).session()
    others = heads.merged(session)
    _show(ctx, head_record(heads.current(session),
                           **({"merged": [h.short for h in others]} if others else {})),
          fmt, output)


def checkpoint(ctx: typer.Context, fmt: FormatOpt = None, output: OutputOpt = None) -> None:
    """Keep the ledger head: append it, with the time and who kept it, to the checkpoint
    file beside the database (<db>.heads, one JSON line per head, owner-only), and print
    it. Nothing is written when the file already ends with this head. 'report monthly'
    keeps its head the same way. Copy the file (or its lines) somewhere the database's
    users cannot write: 'wbpctl verify --heads COPY' then shows any rewrite of the ledger.

    Example: wbpctl checkpoint
    """
    from ..domain.heads import Head
    from ..render.heads import head_record
    from ..services import checkpoints

    kept = checkpoints.checkpoint(state(ctx).session())
    line = kept.line
    head = Head(line["lapas"], line["seq"], line["hash"], line["at"])
    say(ctx, "checkpoint_written" if kept.written else "checkpoint_unchanged",
        head=head.short, file=str(kept.file))
    _show(ctx, head_record(head, **{k: v for k, v in line.items() if k not in
                                    ("seq", "hash", "at", "lapas")}), fmt, output)


def keygen(
    ctx: typer.Context,
    path: Annotated[Optional[Path], typer.Argument(
        metavar="[PATH]", help="The key file to write (default: signing_key, or with"
        " --privacy privacy_key, in the config); a signing key's public half goes to"
        " PATH.pub.", show_default=False)] = None,
    privacy: Annotated[bool, typer.Option(
        "--privacy", help="Make the privacy key instead: 32 random bytes that key the"
        " pseudonyms of 'export --anonymize --linkable'.")] = False,
) -> None:
    """Make a key, owner-only, never overwriting one.

    Without --privacy: an Ed25519 key pair for signing checkpoints, PATH (private) and
    PATH.pub (public, to give to whoever checks the checkpoints). Then set 'signing_key:
    PATH' in config.yaml: every checkpoint is signed, and 'wbpctl verify --public-key
    PATH.pub' checks every line. Needs pip install 'wbpctl[signing]'.

    With --privacy: the secret that keys the pseudonyms of linkable anonymised exports
    (the same pseudonyms in each, so they can be joined). Then set 'privacy_key: PATH' in
    config.yaml; keep it outside the database and away from whoever receives the exports.

    Example: wbpctl keygen /etc/wbpctl/wbp-ktl.key
    Example: wbpctl keygen --privacy /etc/wbpctl/wbp-ktl.privacy
    """
    config_key = state(ctx).config.privacy_key if privacy else state(ctx).config.signing_key
    target = path or config_key
    if target is None:
        raise typer.BadParameter("give PATH, or set privacy_key in config.yaml" if privacy
                                 else "give PATH, or set signing_key in config.yaml",
                                 param_hint="PATH")
    if privacy:
        from ..services.privacy import privacy_keygen
        say(ctx, "keygen_privacy_done", path=str(privacy_keygen(target)))
        return
    from ..services import signing

    private, public = signing.keygen(target)
    say(ctx, "keygen_done", private=str(private), public=str(public))
