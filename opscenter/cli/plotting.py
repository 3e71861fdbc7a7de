"""``opscenter plot``: the plotting of a stage's guard posts, as a summary on the terminal
(posts, placed, reserve and deficit per kecamatan), or written as the plotting list (.pdf
or .xlsx) or, with ``--slips``, as the per-person assignment slips (.pdf).

``--unit`` limits it to a Polres or a Polsek (its posts and its reserve). ``--run`` first
runs the automatic plotting (``opscenter.plotting.plot``) as the signed-in account,
journaled as every write; without it the command only reads and nobody signs in. Every
argument is checked before anything runs or is written.

``opscenter import plotting FILE`` (declared with the other imports in
``opscenter.cli.roster``) reads a plotting workbook onto a stage's posts
(``opscenter.plotting.plot_import``): ``run_import`` here.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from opscenter.cli.context import EXIT_FAILED, EXIT_OK, Context, command_context, say
from opscenter.cli.parser import add_classification, add_operation, checked_classification, command
from opscenter.cli.readiness import ReadinessUnknownStage
from opscenter.cli.whole_file import import_whole_file
from opscenter.errors import OpsError

if TYPE_CHECKING:
    from opscenter.plotting.plot_import_preview import PlottingPreview

FORMATS = (".pdf", ".xlsx")


class PlotFormat(OpsError):
    """--out names a file that is neither .pdf nor .xlsx. data: path."""

    code = "plot.format"


class PlotSlipsFormat(OpsError):
    """--slips with an --out that is not .pdf. data: path."""

    code = "plot.slips_format"


class PlotSlipsNeedOut(OpsError):
    """--slips without --out."""

    code = "plot.slips_need_out"


class PlotUnknownUnit(OpsError):
    """--unit names no unit of the operation. data: code, codes (the Polres)."""

    code = "plot.unknown_unit"


class PlotUnknownStage(ReadinessUnknownStage):
    """--stage names no stage of the operation (said as the readiness command says it).
    data: code, codes."""

    code = "plot.unknown_stage"


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stage", metavar="CODE", help="stage code (default: the voting stage)")
    p.add_argument("--unit", metavar="CODE", help="one Polres or Polsek: its posts and reserve")
    p.add_argument(
        "--out",
        type=Path,
        metavar="FILE.pdf|FILE.xlsx",
        help="write the plotting list (.pdf or .xlsx), or the slips with --slips (.pdf); "
        "default: a summary on the terminal",
    )
    p.add_argument(
        "--slips",
        action="store_true",
        help="write one assignment slip per placed person (lampiran surat perintah) instead",
    )
    p.add_argument(
        "--run",
        action="store_true",
        help="run the automatic plotting first (a write: signs in, journaled)",
    )
    add_classification(p)
    add_operation(p)


def _destination(args: argparse.Namespace) -> Path | None:
    """The file to write, refused before any work when it cannot be what was asked."""
    from opscenter import sitrep

    out: Path | None = args.out
    if out is None:
        if args.slips:
            raise PlotSlipsNeedOut()
        return None
    suffix = out.suffix.lower()
    if args.slips and suffix != ".pdf":
        raise PlotSlipsFormat(path=str(out))
    if suffix not in FORMATS:
        raise PlotFormat(path=str(out))
    return sitrep.check_destination(out)


@command("plot", "the plotting of the guard posts: a summary, the list or the slips", _arguments)
def cmd_plot(args: argparse.Namespace) -> int:
    from opscenter import messages, sitrep
    from opscenter.plotting.lists import scope_codes, unit_named
    from opscenter.plotting.plot import plot
    from reports.plotting.export import document, write
    from reports.plotting.labels import PlotText
    from reports.plotting.plain import summary

    out = _destination(args)
    classification = checked_classification(args)
    with command_context(args) as ctx:
        with ctx.store.read() as s:
            op = ctx.operation(s)
            op_id, op_name = op.id, op.name
            stage = ctx.stage(s, op.id, PlotUnknownStage, voting=True)
            assert stage is not None
            stage_id = stage.id
            unit_id = None
            if args.unit:
                unit_id = unit_named(s, op.id, args.unit)
                if unit_id is None:
                    codes = ", ".join(scope_codes(s, op.id))
                    raise PlotUnknownUnit(code=args.unit, codes=codes)
            settings = sitrep.report_settings(op)
        if args.run:
            done = plot(ctx.store, ctx.actor, op_id, stage_id)
            say(
                ctx.t(
                    f"Plotting dijalankan: {done.kept} tetap, {done.placed} ditempatkan, "
                    f"{done.removed} dilepas; cadangan {done.reserve}, kekurangan {done.short}.",
                    f"Plotting run: {done.kept} kept, {done.placed} placed, {done.removed} "
                    f"released; {done.reserve} in reserve, {done.short} short.",
                )
            )
        with ctx.store.read() as s:
            doc = document(s, op_id, stage_id, unit_id, classification)
    listing = doc.listing
    if out is None:
        text = PlotText(messages.language(args.lang), settings.tz_label)
        scope = listing.scope or text("all_units")
        say(f"{op_name} \u2014 {ctx.t('tahapan', 'stage')}: {listing.stage} \u2014 {scope}")
        for line in summary(listing, text):
            say(line)
        return EXIT_OK
    path = write(doc, out, slips=args.slips)
    if args.slips:
        said = ctx.t(
            f"Surat penugasan {listing.placed} personel ditulis ke {path}.",
            f"Assignment slips of {listing.placed} officers written to {path}.",
        )
    else:
        said = ctx.t(f"Daftar plotting ditulis ke {path}.", f"Plotting list written to {path}.")
    say(said)
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    """A plotting list: the stage, what happens to each row, every refused cell said, then
    all saved (or, with --dry-run or any refused cell, nothing)."""
    from opscenter.plotting import plot_import
    from opscenter.roster.preview import Options

    options = Options(kind=plot_import.KIND, sheet=args.sheet, stage=args.stage)
    preview = import_whole_file(
        args, options, plot_import.prepare, plot_import.commit, announce=_said_rows
    )
    return EXIT_FAILED if preview.problems else EXIT_OK


def _said_rows(ctx: Context, preview: PlottingPreview) -> None:
    """The stage the list fills, then what happens to each person on it."""
    from opscenter import messages

    lang = messages.language(ctx.args.lang)
    say(ctx.t(f"Tahapan: {preview.stage_name}.", f"Stage: {preview.stage_name}."))
    for row, action, record, _problems in preview.by_row():
        if record is None:
            continue
        say(
            messages.plotting_row(
                row,
                preview.label("personnel_id", record.personnel_id),
                action,
                preview.label("post_id", record.post_id),
                preview.label("post_id", record.from_post_id),
                lang,
            )
        )
