"""The ``opscenter`` program's entry point (``python -m opscenter``, the installed command and
the desktop bundle).

Before the command line is loaded (SQLAlchemy, the model and every command: most of a
second), an ``opscenter import KIND FILE`` starts reading its workbook on a thread of its
own (``opscenter.roster.reading.read_ahead``), so that the two overlap. Everything else is
``opscenter.cli.main``'s.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

# The options of ``opscenter`` and of ``opscenter import`` that take a value.
_WITH_VALUE = frozenset(
    ("--db", "--lang", "--user", "--password-file", "--sheet", "--unit", "--stage", "--errors")
)


def import_target(argv: Sequence[str]) -> tuple[Path, str | None] | None:
    """The file and ``--sheet`` of an ``opscenter import KIND FILE`` command line, read
    without the command line's parser (which needs the whole program); None for any other
    command. A guess that misses costs only the read-ahead: ``argparse`` decides."""
    words: list[str] = []
    sheet: str | None = None
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--":
            words.extend(argv[i + 1 :])
            break
        if word.startswith("-"):
            name, eq, value = word.partition("=")
            if name in _WITH_VALUE and not eq:
                i += 1
                value = argv[i] if i < len(argv) else ""
            if name == "--sheet":
                sheet = value
        else:
            words.append(word)
        i += 1
    if len(words) < 3 or words[0] != "import":
        return None
    return Path(words[2]), sheet


def main() -> int:
    target = import_target(sys.argv[1:])
    if target is not None:
        from opscenter.roster.reading import read_ahead

        read_ahead(*target)
    from opscenter.cli import main as run

    return run()
