"""``opscenter journal``: the newest journal entries, one line each, in each operation's
own time zone."""

from __future__ import annotations

import argparse
from typing import Any

from opscenter.cli.context import EXIT_OK, command_context, say
from opscenter.cli.parser import command, positive


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-n", type=positive, default=20, metavar="N", help="how many (default 20)")


def _summary(changes: dict[str, Any], action: str, width: int = 110) -> str:
    if action == "update":
        parts = [f"{k}: {_short(v[0])} \u2192 {_short(v[1])}" for k, v in changes.items()]
    else:
        keys = ("code", "name", "username", "nrp", "title", "number", "text", "status_id", "reason")
        parts = [f"{k}={_short(changes[k])}" for k in keys if k in changes] or [
            f"{len(changes)} kolom"
        ]
    text = "; ".join(parts)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _short(value: Any) -> str:
    text = "\u2014" if value is None else str(value)
    return text if len(text) <= 40 else text[:39] + "\u2026"


@command("journal", "the newest journal entries, one per line", _arguments)
def cmd_journal(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from opscenter import journal, operations
    from opscenter.model import JournalTxn, Operation

    with command_context(args) as ctx, ctx.store.read() as s:
        rows = journal.last_entries(s, args.n)
        zones = {i: z for i, z in s.execute(select(Operation.id, Operation.timezone))}
        default_zone = operations.timezone_of(s)  # rows of no operation (accounts)
        txns = {
            t.id: t.action
            for t in s.scalars(
                select(JournalTxn).where(JournalTxn.id.in_({r.txn_id for r in rows}))
            )
        }
    if not rows:
        say(ctx.t("Jurnal masih kosong.", "The journal is empty."))
        return EXIT_OK
    for r in rows:
        zone = zones.get(r.operation_id or -1, default_zone)
        when = operations.local_text(r.at, zone, "%Y-%m-%d %H:%M:%S")
        say(
            f"{r.seq:>8}  {when:<24} {r.actor:<12} "
            f"{txns.get(r.txn_id, ''):<18} {r.action:<6} {r.entity}#{r.entity_id}  "
            f"{_summary(r.changes, r.action)}"
        )
    return EXIT_OK
