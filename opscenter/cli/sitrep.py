"""``opscenter sitrep``: number the situation report of a period as the signed-in account
and write it as a PDF (the one command that imports ``reports``)."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from opscenter.cli.context import EXIT_OK, UsageError, command_context, say
from opscenter.cli.parser import add_classification, add_operation, command


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument(
        "--from",
        dest="period_from",
        metavar="ISO",
        help="start, e.g. 2024-11-26T06:00+07:00 (the operation's time zone without an offset; "
        "default: 24 hours before the end)",
    )
    p.add_argument(
        "--to",
        dest="period_to",
        metavar="ISO",
        help="end (default: the last daily cut-off of the operation)",
    )
    add_classification(p)
    add_operation(p)


def _iso(text: str | None, option: str) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} {text}: use e.g. 2024-11-27T06:00+07:00") from None


@command("sitrep", "write the situation report (PDF) of a period", _arguments)
def cmd_sitrep(args: argparse.Namespace) -> int:
    from opscenter import sitrep
    from reports.sitrep import write_pdf

    period_from = _iso(args.period_from, "--from")
    period_to = _iso(args.period_to, "--to")
    classification = str(args.classification).strip().upper()
    out = sitrep.check_destination(args.out)
    with command_context(args, sign_in=True) as ctx:

        def build(serial: int | None = None) -> sitrep.Sitrep:
            with ctx.store.read() as s:
                return sitrep.assemble(
                    s,
                    args.operation,
                    period_from=period_from,
                    period_to=period_to,
                    classification=classification,
                    serial=serial,
                )

        draft = build()  # validates the period, classification and operation first
        serial = sitrep.issue_serial(ctx.store, ctx.actor, draft.operation_code)
        report = build(serial)
        path = write_pdf(report, out)
    say(
        ctx.t(
            f"Laporan situasi {report.number} ditulis ke {path} (sidik isi "
            f"{report.short_fingerprint}).",
            f"Situation report {report.number} written to {path} (content fingerprint "
            f"{report.short_fingerprint}).",
        )
    )
    return EXIT_OK
