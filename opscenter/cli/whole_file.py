"""The run of ``opscenter import`` shared by the lists saved whole or not at all (a sarpras
list, an incident log, a plotting list, a TPS watch list: ``opscenter.roster.whole_file``).

Each kind's command (``opscenter.cli.roster``, ``.sarpras``, ``.plotting``) gives its own
``prepare`` and ``commit`` and what it says about the file before the refused cells; the
rest is the same for all: signed in unless ``--dry-run``, every refused cell on stderr, the
rejected rows written to ``--errors``, all saved or nothing, then the summary on stdout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from opscenter import messages
from opscenter.cli.context import Context, command_context, say

if TYPE_CHECKING:
    from opscenter.actor import Actor
    from opscenter.roster.preview import Options
    from opscenter.roster.whole_file import WholeFilePreview
    from opscenter.store import Store

P = TypeVar("P", bound="WholeFilePreview[Any]")


def import_whole_file(
    args: argparse.Namespace,
    options: Options,
    prepare: Callable[[Store, Path, Options], P],
    commit: Callable[[Store, Actor, P], object],
    announce: Callable[[Context, P], None] | None = None,
) -> P:
    """Read ``args.file`` with ``prepare``, say ``announce``'s lines and every refused cell,
    then save it all with ``commit`` (or, with --dry-run or any refused cell, nothing);
    returns the preview, whose ``problems`` decide the exit status."""
    from opscenter.roster import errors_xlsx

    lang = messages.language(args.lang)
    with command_context(args, sign_in=not args.dry_run) as ctx:
        preview = prepare(ctx.store, args.file, options)
        if announce is not None:
            announce(ctx, preview)
        for problem in preview.problems:
            print(messages.cell_problem(problem, lang), file=sys.stderr)
        if args.errors is not None and preview.problems:
            errors_xlsx.write(preview, args.errors, lang)
        if not args.dry_run:
            commit(ctx.store, ctx.actor, preview)
    say(messages.import_summary(preview.counts, lang))
    return preview
