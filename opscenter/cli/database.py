"""``opscenter db upgrade | backup | restore | info``: the database's schema and its backups."""

from __future__ import annotations

import argparse
from pathlib import Path

from opscenter import __version__
from opscenter.cli.context import EXIT_OK, command_context, say, t
from opscenter.cli.parser import add_subcommands, command


def _arguments(p: argparse.ArgumentParser) -> None:
    add = add_subcommands(p, "db_command")
    add("upgrade", "apply migrations (a copy of an SQLite file is taken first)")
    add("backup", "consistent copy while the app runs (SQLite) or pg_dump").add_argument(
        "path", type=Path
    )
    add("restore", "a backup into an empty database (SQLite file or pg_dump)").add_argument(
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
    if args.db_command == "restore":
        return _restore(args)
    with command_context(args, migrate=False) as ctx:
        dest = ctx.store.backup(args.path)
    say(
        ctx.t(
            f"Cadangan {ctx.store.describe()} ditulis ke {dest}.",
            f"Backup of {ctx.store.describe()} written to {dest}.",
        )
    )
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    """No ``command_context``: the target must not be opened (nor created, nor migrated)
    before the backup and the target are known to be right (``opscenter.restore``)."""
    from opscenter.restore import restore

    done = restore(args.path, args.db)
    migrated_id = migrated_en = ""
    if done.migrated:
        migrated_id = f", dimutakhirkan dari skema {done.backup_revision}"
        migrated_en = f", upgraded from schema {done.backup_revision}"
    say(
        t(
            args,
            f"Cadangan {args.path} dipulihkan ke {done.target}: {done.operations} operasi, "
            f"{done.journal} catatan jurnal, skema {done.revision}{migrated_id}.",
            f"Backup {args.path} restored into {done.target}: {done.operations} operations, "
            f"{done.journal} journal entries, schema {done.revision}{migrated_en}.",
        )
    )
    return EXIT_OK
