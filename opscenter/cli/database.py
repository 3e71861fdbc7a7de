"""``opscenter db upgrade | backup | info``: the database's schema and its backups."""

from __future__ import annotations

import argparse
from pathlib import Path

from opscenter import __version__
from opscenter.cli.context import EXIT_OK, command_context, say
from opscenter.cli.parser import add_subcommands, command


def _arguments(p: argparse.ArgumentParser) -> None:
    add = add_subcommands(p, "db_command")
    add("upgrade", "apply migrations (a copy of an SQLite file is taken first)")
    add("backup", "consistent copy while the app runs (SQLite) or pg_dump").add_argument(
        "path", type=Path
    )
    add("info", "where the database is and its schema revision")


@command("db", "database maintenance", _arguments)
def cmd_db(args: argparse.Namespace) -> int:
    from opscenter import migrations

    if args.db_command == "upgrade":
        with command_context(args, must_exist=False) as ctx:
            rev = migrations.current_revision(ctx.store)
        say(
            ctx.t(
                f"Skema {ctx.store.describe()} mutakhir (revisi {rev}).",
                f"Schema of {ctx.store.describe()} is up to date (revision {rev}).",
            )
        )
        return EXIT_OK
    # Reading the schema or copying the file must not change it: no migration.
    if args.db_command == "info":
        with command_context(args, migrate=False) as ctx:
            rev = migrations.current_revision(ctx.store)
        say(f"{ctx.store.describe()}  revisi {rev}  (OpsCenter {__version__})")
        return EXIT_OK
    with command_context(args, migrate=False) as ctx:
        dest = ctx.store.backup(args.path)
    say(
        ctx.t(
            f"Cadangan {ctx.store.describe()} ditulis ke {dest}.",
            f"Backup of {ctx.store.describe()} written to {dest}.",
        )
    )
    return EXIT_OK
