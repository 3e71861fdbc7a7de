"""``opscenter import``, ``template`` and ``export``: the roster spreadsheets (personnel,
polling stations, units) in and out, as the import wizard does them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from opscenter import messages
from opscenter.cli import plotting, sarpras
from opscenter.cli.context import EXIT_FAILED, EXIT_OK, UsageError, command_context, say, t
from opscenter.cli.parser import command
from opscenter.cli.whole_file import import_whole_file


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "kind",
        choices=("personnel", "tps", "units", "sarpras", "incidents", "plotting", "watch"),
    )
    p.add_argument("file", type=Path)
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: guessed)")
    p.add_argument(
        "--unit",
        metavar="CODE",
        help="sarpras: the unit of a list without a unit column (default: its letterhead)",
    )
    p.add_argument(
        "--stage",
        metavar="CODE",
        help="plotting: the stage whose posts the list fills (default: the voting stage)",
    )
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    p.add_argument("--errors", type=Path, metavar="OUT.xlsx", help="write rejected rows here")


@command(
    "import",
    "import personnel, polling stations (TPS), units, sarpras, incidents, a plotting list or a "
    "TPS watch list "
    "from a spreadsheet",
    _import_arguments,
)
def cmd_import(args: argparse.Namespace) -> int:
    from opscenter.roster import commit, errors_xlsx
    from opscenter.roster.classify import prepare
    from opscenter.roster.preview import Options

    if args.stage is not None and args.kind != "plotting":
        raise UsageError(
            "--stage: only for plotting lists (opscenter import plotting FILE --stage CODE)"
        )
    if args.kind == "sarpras":
        return sarpras.run_import(args)
    if args.unit is not None:
        raise UsageError(
            "--unit: only for sarpras lists (opscenter import sarpras FILE --unit CODE)"
        )
    if args.kind in ("incidents", "watch"):
        return _import_whole(args)
    if args.kind == "plotting":
        return plotting.run_import(args)

    # A real import signs in before the file is imported (``opscenter.launch`` may already
    # be parsing it, which writes nothing); a dry run writes nothing.
    with command_context(args, sign_in=not args.dry_run) as ctx:
        preview = prepare(ctx.store, args.file, Options(kind=args.kind, sheet=args.sheet))
        if args.errors is not None and preview.counts["rejected"]:
            errors_xlsx.write(preview, args.errors, args.lang)
        if not args.dry_run:
            commit.commit(ctx.store, ctx.actor, preview)
    lang = messages.language(args.lang)
    say(messages.import_summary(preview.counts, lang))
    chose = messages.import_choices(preview.layout, preview.subtotals, lang, where="cli")
    if chose:
        say(chose)
    warning = messages.formula_warnings(preview.warnings, preview.warnings_total, lang)
    if warning:
        print(warning, file=sys.stderr)
    c = preview.counts
    return EXIT_OK if c["new"] + c["changed"] + c["unchanged"] > 0 else EXIT_FAILED


def _import_whole(args: argparse.Namespace) -> int:
    """An incident log or a TPS watch list: every refused cell said, then all saved (or,
    with --dry-run or any refused cell, nothing)."""
    from opscenter import incident_import
    from opscenter.roster.preview import Options
    from opscenter.watch import imports as watch_imports

    lang = messages.language(args.lang)
    module = incident_import if args.kind == "incidents" else watch_imports
    options = Options(kind=args.kind, sheet=args.sheet)
    preview = import_whole_file(args, options, module.prepare, module.commit)
    said = [messages.import_choices(preview.layout, 0, lang, where="cli")]
    if isinstance(preview, watch_imports.WatchPreview):
        said.append(preview.notes(lang))
    for sentence in said:
        if sentence:
            say(sentence)
    warning = messages.formula_warnings(preview.warnings, preview.warnings_total, lang)
    if warning:
        print(warning, file=sys.stderr)
    return EXIT_FAILED if preview.problems else EXIT_OK


def _template_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=("personnel", "tps", "sarpras"))
    p.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")


@command("template", "write a blank import template with drop-down lists", _template_arguments)
def cmd_template(args: argparse.Namespace) -> int:
    """With --db, the drop-down lists are the operation's own; without, the seeded ones."""
    from opscenter.roster import template

    if args.kind == "sarpras":
        return sarpras.run_template(args)
    if args.db:
        with command_context(args) as ctx:
            template.write(args.kind, args.out, ctx.store)
    else:
        template.write(args.kind, args.out, None)
    say(t(args, f"Templat ditulis ke {args.out}.", f"Template written to {args.out}."))
    return EXIT_OK


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=("personnel", "tps", "incidents", "sarpras"))
    p.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")


@command(
    "export", "export records to .xlsx or .csv (they import back unchanged)", _export_arguments
)
def cmd_export(args: argparse.Namespace) -> int:
    from opscenter.roster import export

    with command_context(args) as ctx:
        n = export.write(ctx.store, args.kind, args.out)
    say(ctx.t(f"{n} baris ditulis ke {args.out}.", f"{n} rows written to {args.out}."))
    return EXIT_OK
