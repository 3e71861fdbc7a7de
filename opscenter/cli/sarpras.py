"""``opscenter import sarpras``, ``template sarpras`` and ``export sarpras``: a unit's
equipment list in and out (``opscenter.readiness.sarpras_io``). The ``import``, ``template``
and ``export`` commands themselves are declared in ``opscenter.cli.roster``; they hand the
sarpras kind to the functions here."""

from __future__ import annotations

import argparse
import sys

from opscenter import messages
from opscenter.cli.context import EXIT_FAILED, EXIT_OK, command_context, say, t


def run_import(args: argparse.Namespace) -> int:
    """Check the list, say which unit it is for and every refused cell, then save it all
    (or, with --dry-run or any refused cell, nothing)."""
    from opscenter.readiness import sarpras_io
    from opscenter.roster import errors_xlsx
    from opscenter.roster.preview import Options

    lang = messages.language(args.lang)
    with command_context(args, sign_in=not args.dry_run) as ctx:
        options = Options(kind=sarpras_io.KIND, sheet=args.sheet, unit=args.unit)
        preview = sarpras_io.prepare(ctx.store, args.file, options)
        if preview.unit_source == "letterhead":
            say(
                t(
                    args,
                    f"Satuan diambil dari kop surat: {preview.unit_name} "
                    "(sebutkan --unit KODE untuk satuan lain).",
                    f"The unit was taken from the letterhead: {preview.unit_name} "
                    "(give --unit CODE for another unit).",
                )
            )
        for problem in preview.problems:
            print(messages.sarpras_problem(problem, lang), file=sys.stderr)
        if args.errors is not None and preview.problems:
            errors_xlsx.write(preview, args.errors, lang)
        if not args.dry_run:
            sarpras_io.commit(ctx.store, ctx.actor, preview)
    say(messages.import_summary(preview.counts, lang))
    return EXIT_FAILED if preview.problems else EXIT_OK


def run_template(args: argparse.Namespace) -> int:
    """With --db, the operation's own categories and unit codes; without, the seeded ones."""
    from opscenter.readiness import sarpras_io

    if args.db:
        with command_context(args) as ctx:
            sarpras_io.write_template(args.out, ctx.store)
    else:
        sarpras_io.write_template(args.out)
    say(t(args, f"Templat ditulis ke {args.out}.", f"Template written to {args.out}."))
    return EXIT_OK
