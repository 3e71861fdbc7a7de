"""``opscenter db upgrade | backup | restore | info | status``: the database's schema, its
backups and its replication."""

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
    add("status", "PostgreSQL: primary or standby, and the standbys' replication")


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
    if args.db_command == "status":
        return _status(args)
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


def _status(args: argparse.Namespace) -> int:
    """The replication picture from the server ``--db`` reaches, one line a standby."""
    from opscenter import replication

    with command_context(args, migrate=False) as ctx:
        picture = replication.read(ctx.store)
    if picture is None:
        say(
            ctx.t(
                f"{ctx.store.describe()}: berkas SQLite di satu komputer, tanpa replikasi.",
                f"{ctx.store.describe()}: an SQLite file on one computer, no replication.",
            )
        )
        return EXIT_OK
    if picture.standby:
        lag = picture.lag
        seconds = lag.seconds if lag is not None else 0.0
        receiving: dict[bool | None, tuple[str, str]] = {
            True: ("menerima", "receiving"),
            False: ("TIDAK menerima", "NOT receiving"),
        }
        got = receiving.get(lag.receiving if lag is not None else None, ("?", "?"))
        say(
            ctx.t(
                f"Server cadangan (hanya-baca), {got[0]} dari server utama; data "
                f"{seconds:.1f} dtk di belakang.",
                f"Standby (read-only), {got[1]} from the primary; data {seconds:.1f} s behind.",
            )
        )
        return EXIT_OK
    words = {
        "sync": (
            "sinkron: setiap perubahan di dua server",
            "synchronous: every change on two servers",
        ),
        "async": ("TIDAK sinkron: perubahan di satu server", "NOT synchronous: one server only"),
        "waiting": (
            "sinkron, tetapi tak ada server cadangan: perubahan tertahan",
            "synchronous, but no standby connected: commits wait",
        ),
        "unknown": ("tidak terbaca (perlu pg_monitor)", "cannot be read (needs pg_monitor)"),
    }[picture.protection]
    say(
        ctx.t(
            f"Server utama; replikasi {words[0]}. synchronous_standby_names = "
            f"'{picture.synchronous_names}'.",
            f"Primary; replication {words[1]}. synchronous_standby_names = "
            f"'{picture.synchronous_names}'.",
        )
    )
    for s in picture.standbys:
        behind = "?" if s.replay_lag_s is None else f"{s.replay_lag_s:.1f}"
        say(f"  {s.name}  {s.address or '?'}  {s.state or '?'}  {s.sync_state or '?'}  {behind} s")
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
