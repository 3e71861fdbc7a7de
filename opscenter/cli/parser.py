"""The grammar every command shares: the argument parser that speaks the user's language,
the options each command accepts before or after its name, and ``@command``, with which a
domain module declares each of its commands (name, help, arguments, what runs)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from opscenter import messages
from opscenter.cli.context import EXIT_USAGE


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own messages are English; keep them short
        self.print_usage(sys.stderr)
        prefix = (
            "opscenter: argumen salah"
            if messages.language() == "id"
            else "opscenter: bad arguments"
        )
        print(f"{prefix}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def add_common(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    """--db, --lang, --verbose, --user and --password-file, before the command or after it.
    A command's own copies
    default to nothing (SUPPRESS): argparse would otherwise let a command's unset default
    overwrite what was given before it ("opscenter --lang en sitrep" spoke Indonesian)."""
    unset: str | None = None if top else argparse.SUPPRESS
    p.add_argument(
        "--db",
        metavar="URL",
        help="database: sqlite:///FILE.db, a file path, or "
        "postgresql://USER@HOST/NAME (default: $OPSCENTER_DB, else the user data folder)",
        default=unset,
    )
    p.add_argument(
        "--lang", choices=messages.LANGS, help="language of messages (default: id)", default=unset
    )
    p.add_argument(
        "--verbose",
        action="store_true",
        help="log details to stderr as well",
        default=False if top else argparse.SUPPRESS,
    )
    p.add_argument(
        "--user",
        metavar="NAME",
        help="the account a command that writes acts as (default: $OPSCENTER_USER); "
        "required where the database has accounts (always on PostgreSQL)",
        default=unset,
    )
    p.add_argument(
        "--password-file",
        metavar="FILE",
        type=Path,
        help="read --user's password from the first line of FILE, which must be mode 0600 "
        "(default: $OPSCENTER_PASSWORD_FILE, else asked on the terminal)",
        default=unset,
    )


def add_operation(p: argparse.ArgumentParser) -> None:
    """--operation: the operation a command works on, by its code."""
    p.add_argument("--operation", metavar="CODE", help="operation code (default: the first)")


def add_classification(p: argparse.ArgumentParser) -> None:
    """--classification: the marking a printed document carries (``checked_classification``)."""
    p.add_argument(
        "--classification",
        default="TERBATAS",
        help="SANGAT RAHASIA, RAHASIA, TERBATAS (default) or BIASA",
    )


def checked_classification(args: argparse.Namespace) -> str:
    """--classification as the document prints it, refused before any work unless it is one
    of ``sitrep.CLASSIFICATIONS``."""
    from opscenter import sitrep
    from opscenter.errors import InvalidValue

    value = str(args.classification).strip().upper()
    if value not in sitrep.CLASSIFICATIONS:
        raise InvalidValue(field="classification", value=value, reason="classification")
    return value


def add_subcommands(p: argparse.ArgumentParser, dest: str) -> Callable[[str, str], Parser]:
    """Sub-commands of ``p`` (``db upgrade``, ``account add``): returns ``add(name, help)``,
    which gives each one the common options too."""
    sub = p.add_subparsers(dest=dest, required=True, parser_class=Parser)

    def add(name: str, help_: str) -> Parser:
        q: Parser = sub.add_parser(name, help=help_)
        add_common(q)
        return q

    return add


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


Run = Callable[[argparse.Namespace], int]


@dataclass(frozen=True, slots=True)
class Command:
    """One command of ``opscenter``: its name, its one-line help (also its description),
    the arguments of its own, and what runs it (returning the exit code)."""

    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Run


def command(
    name: str, help_: str, arguments: Callable[[argparse.ArgumentParser], None]
) -> Callable[[Run], Command]:
    """Declare the function below as the command ``name``, with its help and arguments."""

    def declare(run: Run) -> Command:
        return Command(name, help_, arguments, run)

    return declare
