"""``opscenter import sarpras``, ``template sarpras`` and ``export sarpras``: a unit's
equipment list in and out (``opscenter.readiness.sarpras_io``, ``sarpras_export``). The
``import``, ``template`` and ``export`` commands themselves are declared in
``opscenter.cli.roster``; they hand the sarpras kind to the functions here."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from opscenter.cli.context import EXIT_FAILED, EXIT_OK, Context, command_context, say, t
from opscenter.cli.whole_file import import_whole_file

if TYPE_CHECKING:
    from opscenter.readiness.sarpras_io import SarprasPreview


def run_import(args: argparse.Namespace) -> int:
    """Check the list, say which unit it is for and every refused cell, then save it all
    (or, with --dry-run or any refused cell, nothing)."""
    from opscenter.readiness import sarpras_io
    from opscenter.roster.preview import Options

    options = Options(kind=sarpras_io.KIND, sheet=args.sheet, unit=args.unit)
    preview = import_whole_file(
        args, options, sarpras_io.prepare, sarpras_io.commit, announce=_said_unit
    )
    return EXIT_FAILED if preview.problems else EXIT_OK


def _said_unit(ctx: Context, preview: SarprasPreview) -> None:
    """Which unit the list is for, when its letterhead said it rather than --unit."""
    if preview.unit_source == "letterhead":
        say(
            ctx.t(
                f"Satuan diambil dari kop surat: {preview.unit_name} "
                "(sebutkan --unit KODE untuk satuan lain).",
                f"The unit was taken from the letterhead: {preview.unit_name} "
                "(give --unit CODE for another unit).",
            )
        )


def run_template(args: argparse.Namespace) -> int:
    """With --db, the operation's own categories and unit codes; without, the seeded ones."""
    from opscenter.readiness import sarpras_export

    if args.db:
        with command_context(args) as ctx:
            sarpras_export.write_template(args.out, ctx.store)
    else:
        sarpras_export.write_template(args.out)
    say(t(args, f"Templat ditulis ke {args.out}.", f"Template written to {args.out}."))
    return EXIT_OK
