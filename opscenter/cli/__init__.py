"""The ``opscenter`` command: the composition root for headless use and the GUI's launcher.

This module parses the command line, runs the command, and is the one place where a
failure becomes what the user reads: one sentence (Bahasa Indonesia unless ``--lang en``
/ ``OPSCENTER_LANG=en``) and an exit code, never a traceback; an unexpected failure is
logged in full and named by its log file. The commands live beside it, grouped by domain,
and each opens the database through the one prologue in ``opscenter.cli.context``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import platformdirs

from opscenter import __version__, messages
from opscenter.cli import (
    accounts,
    database,
    exercise,
    journal,
    planning,
    plotting,
    readiness,
    regions,
    roster,
    sitrep,
    watch,
    window,
)
from opscenter.cli.context import (
    EXIT_FAILED,
    EXIT_INTERNAL,
    EXIT_USAGE,
    Refusal,
    UsageError,
    t,
)
from opscenter.cli.parser import Command, Parser, add_common
from opscenter.errors import OpsError, log_failure
from opscenter.private_files import log_handler

log = logging.getLogger("opscenter")

# In the order ``opscenter --help`` lists them.
_COMMANDS: tuple[Command, ...] = (
    exercise.cmd_open_demo,
    exercise.cmd_exercise,
    exercise.cmd_demo,
    database.cmd_db,
    journal.cmd_journal,
    planning.cmd_strength,
    sitrep.cmd_sitrep,
    readiness.cmd_readiness,
    plotting.cmd_plot,
    watch.cmd_tps_status,
    watch.cmd_watch,
    planning.cmd_plan,
    roster.cmd_import,
    roster.cmd_template,
    roster.cmd_export,
    regions.cmd_regions,
    accounts.cmd_account,
    window.cmd_screenshot,
)
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {c.name: c.run for c in _COMMANDS}


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("OpsCenter", appauthor=False))


def _setup_logging(verbose: bool) -> Path | None:
    """Log to a file (full detail, for support) and, when asked, to stderr."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    path: Path | None = None
    try:
        path = log_dir() / "opscenter.log"
        root.addHandler(log_handler(path))  # 0600 in a 0700 folder: it names people
    except OSError:
        path = None
    if verbose:
        root.addHandler(logging.StreamHandler(sys.stderr))
    elif path is None:
        # No log file: keep tracebacks off the user's screen (logging's last resort prints them).
        root.addHandler(logging.NullHandler())
    return path


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="opscenter",
        description="OpsCenter: papan operasi pengamanan Pilkada (Operasi Mantap Praja).",
    )
    parser.add_argument("--version", action="version", version=f"OpsCenter {__version__}")
    add_common(parser, top=True)
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    for command in _COMMANDS:
        p = sub.add_parser(command.name, help=command.help, description=command.help)
        add_common(p)
        command.arguments(p)
    return parser


def _lang_in(argv: Sequence[str]) -> str | None:
    """``--lang X`` as given, read before parsing so that argparse's own refusals speak it."""
    for i, word in enumerate(argv):
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
        if word == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    early = _lang_in(list(sys.argv[1:] if argv is None else argv))
    if early in messages.LANGS:
        os.environ["OPSCENTER_LANG"] = early
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        os.environ["OPSCENTER_LANG"] = args.lang
    log_path = _setup_logging(args.verbose)
    command = COMMANDS.get(args.command or "", window.cmd_gui)
    try:
        return command(args)
    except OpsError as exc:
        log_failure(log, exc, args.command or "gui")
        print(messages.describe(exc, args.lang), file=sys.stderr)
        return EXIT_FAILED
    except Refusal as exc:
        print(exc.sentence(args.lang), file=sys.stderr)
        return EXIT_FAILED
    except UsageError as exc:  # a bad value: said as argparse says its own, and exit 2
        print(f"opscenter: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE) from None
    except KeyboardInterrupt:
        print(t(args, "Dibatalkan.", "Cancelled."), file=sys.stderr)
        return 130
    except Exception:
        log.exception("unexpected failure in %s", args.command or "gui")
        where = str(log_path) if log_path else "stderr (jalankan lagi dengan --verbose)"
        print(
            t(
                args,
                f"Terjadi kesalahan tak terduga; rinciannya dicatat di {where}.",
                f"An unexpected error occurred; details were logged to {where}.",
            ),
            file=sys.stderr,
        )
        return EXIT_INTERNAL
