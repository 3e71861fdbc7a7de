"""``opscenter readiness``: the readiness matrix of a stage, as a text table on the terminal,
or written as the readiness report (PDF) or the matrix as a workbook (XLSX).

``--unit`` limits the details to one Polres (its page of the report, its cells on the
workbook's second sheet, its lines under the table); the matrix always shows every unit.
The report takes no situation-report serial: ``--number`` gives its number, else the
operation's template with the serial left as dots (``reports.readiness.content``).
The report is made by ``reports.readiness.export``, as the window's *Laporan kesiapan…*
makes it. Reading only: nobody signs in, nothing is journaled.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from opscenter.cli.context import EXIT_OK, as_of, command_context, say
from opscenter.cli.parser import add_classification, add_operation, checked_classification, command
from opscenter.errors import OpsError


class ReadinessFormat(OpsError):
    """--out names a file that is neither .pdf nor .xlsx. data: path."""

    code = "readiness.format"


class ReadinessUnknownUnit(OpsError):
    """--unit names no unit of the readiness matrix. data: code, codes."""

    code = "readiness.unknown_unit"


class ReadinessUnknownStage(OpsError):
    """--stage names no stage of the operation. data: code, codes."""

    code = "readiness.unknown_stage"


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unit", metavar="CODE", help="one Polres: its details only")
    p.add_argument("--stage", metavar="CODE", help="stage code (default: the voting stage)")
    p.add_argument(
        "--as-of",
        metavar="DATE",
        help="the day the matrix is dated on, e.g. 2024-11-25 (default: today in the "
        "operation's time zone): follow-ups overdue that day, the report's date and its "
        "number; judgements and figures are those stored now",
    )
    p.add_argument(
        "--out",
        type=Path,
        metavar="FILE.pdf|FILE.xlsx",
        help="write the report (.pdf) or the matrix (.xlsx); default: a table on the terminal",
    )
    p.add_argument(
        "--number",
        metavar="TEXT",
        help="the report's number as the secretariat gave it (default: the operation's "
        "number template with LAPKES and the serial left as dots)",
    )
    add_classification(p)
    add_operation(p)


@command("readiness", "the readiness matrix: a table, the report (PDF) or a workbook", _arguments)
def cmd_readiness(args: argparse.Namespace) -> int:
    from opscenter import messages, sitrep
    from reports.readiness import export
    from reports.readiness.labels import ReadinessText
    from reports.readiness.plain import details, legend, table

    out: Path | None = args.out
    if out is not None:
        if out.suffix.lower() not in export.FORMATS:
            raise ReadinessFormat(path=str(out))
        out = sitrep.check_destination(out)
    classification = checked_classification(args)
    # The terminal speaks the command line's language; a file, the operation's report language.
    with command_context(args) as ctx, ctx.store.read() as s:
        op = ctx.operation(s)
        named = ctx.stage(s, op.id, ReadinessUnknownStage)
        report = export.report(
            s,
            op,
            stage_id=None if named is None else named.id,
            as_of=as_of(ctx.store, args.as_of, zone=op.timezone, lang=args.lang),
            number=args.number or "",
            classification=classification,
            lang=None if out is not None else messages.language(args.lang),
        )
    r = report.readiness
    if args.unit:
        unit = next((u for u in r.units if u.code.casefold() == args.unit.casefold()), None)
        if unit is None:
            raise ReadinessUnknownUnit(code=args.unit, codes=", ".join(u.code for u in r.units))
        report = dataclasses.replace(report, unit_ids=(unit.unit_id,))
    settings = report.settings
    text = ReadinessText(settings.language, settings.tz_label)
    if out is None:
        stage = r.stage_name or "\u2014"
        say(f"{op.name} \u2014 {ctx.t('tahapan', 'stage')}: {stage} \u2014 {text.date(r.today)}")
        for line in table(r, text) + legend(r, text):
            say(line)
        if report.unit_ids is not None:
            for u in report.pages:
                for line in details(r, u, text, settings.timezone):
                    say(line)
        return EXIT_OK
    path = export.write(report, out)
    if out.suffix.lower() == ".pdf":
        say(
            ctx.t(
                f"Laporan kesiapan {report.number} ditulis ke {path}.",
                f"Readiness report {report.number} written to {path}.",
            )
        )
    else:
        say(ctx.t(f"Matriks kesiapan ditulis ke {path}.", f"Readiness matrix written to {path}."))
    return EXIT_OK
