"""``opscenter regions import FILE``: a Polda's own boundaries and Kemendagri codes, from
GeoJSON, a zipped Shapefile or a CSV (kode, nama) (``opscenter.geo.imports``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from opscenter.cli.context import EXIT_OK, command_context, say
from opscenter.cli.parser import add_subcommands, command


def _arguments(p: argparse.ArgumentParser) -> None:
    add = add_subcommands(p, "regions_command")
    q = add("import", "load boundaries and codes from GeoJSON, a zipped Shapefile or CSV")
    q.add_argument("file", type=Path)
    q.add_argument(
        "--code-field", metavar="NAME", help="the field holding the code (default: guessed)"
    )
    q.add_argument(
        "--name-field", metavar="NAME", help="the field holding the name (default: guessed)"
    )
    q.add_argument(
        "--operation",
        metavar="CODE",
        help="the operation whose regions without a code get theirs (default: the first)",
    )
    q.add_argument("--dry-run", action="store_true", help="check and count, write nothing")


@command("regions", "region boundaries and codes: import a GIS file", _arguments)
def cmd_regions(args: argparse.Namespace) -> int:
    from opscenter.geo import imports

    with command_context(args, sign_in=not args.dry_run) as ctx:
        operation_id = imports.operation_of(ctx.store, getattr(args, "operation", None))
        preview = imports.prepare(
            ctx.store,
            args.file,
            operation_id=operation_id,
            code_field=args.code_field,
            name_field=args.name_field,
        )
        c = preview.counts
        say(
            ctx.t(
                f"{args.file.name}: {len(preview.rows)} wilayah (kolom kode {preview.code_field}, "
                f"nama {preview.name_field}); batas: {c['new']} baru, {c['changed']} berubah, "
                f"{c['unchanged']} tetap, {preview.repaired} diperbaiki saat dibaca; "
                f"{len(preview.codes)} wilayah operasi mendapat kodenya.",
                f"{args.file.name}: {len(preview.rows)} regions (code field "
                f"{preview.code_field}, name {preview.name_field}); boundaries: {c['new']} new, "
                f"{c['changed']} changed, {c['unchanged']} unchanged, {preview.repaired} "
                f"repaired when read; {len(preview.codes)} of the operation's regions get "
                "their code.",
            )
        )
        if args.dry_run:
            say(ctx.t("Uji coba: tidak ada yang disimpan.", "Dry run: nothing saved."))
            return EXIT_OK
        if not (c["new"] or c["changed"] or preview.codes):
            say(ctx.t("Tidak ada yang berubah.", "Nothing changed."))
            return EXIT_OK
        imports.commit(ctx.store, ctx.actor, preview, operation_id)
    say(ctx.t("Tersimpan.", "Saved."))
    return EXIT_OK
