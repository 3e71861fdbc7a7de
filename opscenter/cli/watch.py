"""``opscenter tps-status`` and ``opscenter watch``: the voting-day TPS watch from a terminal.

``tps-status TPS STEP [--at TIME]`` records that a TPS reached a step (``--post "Siulak P3"
STEP``: every TPS of a voting-day post) through ``opscenter.watch.entry``, as the signed-in
account and journaled as every write, and prints one line per TPS with the time in the
operation's zone ("TPS 003 Desa Siulak Deras: Petugas tiba 27-11-2024 05:40 WIB"). It is
made for scripts (a Polres that sends a list runs it in a loop): nothing else on stdout,
the core's sentence on stderr and exit status 1 on a refusal, 0 when recorded (also when
the time was already recorded: the line then says so).

``watch`` prints the progress per Polres (``opscenter.watch.progress.watch``): TPS, how
many reached each step and their share, disturbed (ada gangguan) and overdue (terlambat);
with ``--kecamatan`` per kecamatan too; reading needs no account. ``opscenter import watch
FILE`` is the import command's (``opscenter.cli.roster``).
"""

from __future__ import annotations

import argparse

from opscenter.cli.context import EXIT_OK, UsageError, command_context, say, t
from opscenter.cli.parser import add_operation, command


def _status_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "place",
        metavar="TPS",
        nargs="?",
        help='the TPS: its KPU code ("1501012001003") or desa and number ("Siulak Deras 3")',
    )
    p.add_argument(
        "step",
        metavar="STEP",
        nargs="?",
        help='the step: its number ("1"), its code ("tiba") or the start of its name',
    )
    p.add_argument(
        "--post",
        metavar="POST",
        help='every TPS of a voting-day post instead of one ("Siulak P3"); then only STEP',
    )
    p.add_argument(
        "--at",
        metavar="TIME",
        help='when: "HH:MM" today in the operation\'s zone, or "YYYY-MM-DD HH:MM" (default: now)',
    )
    add_operation(p)


@command("tps-status", "record that a TPS (or a post) reached a watch step", _status_arguments)
def cmd_tps_status(args: argparse.Namespace) -> int:
    from opscenter import operations
    from opscenter.watch import entry, steps

    if args.post is not None:
        if args.step is not None:
            raise UsageError(
                t(
                    args,
                    "dengan --post tulis langkahnya saja: opscenter tps-status --post POS LANGKAH",
                    "with --post give only the step: opscenter tps-status --post POST STEP",
                )
            )
        args.step, args.place = args.place, None
    if args.step is None:
        raise UsageError(
            t(
                args,
                "tulis TPS dan langkahnya: opscenter tps-status TPS LANGKAH [--at JJ:MM]",
                "give the TPS and the step: opscenter tps-status TPS STEP [--at HH:MM]",
            )
        )
    with command_context(args, sign_in=True) as ctx:
        with ctx.store.read() as s:
            op_id = ctx.operation(s).id
            zone = operations.timezone_of(s, op_id)
            step = entry.find_step(steps.steps(s, op_id), args.step)
            if args.post is not None:
                voting = next((st for st in operations.stages(s, op_id) if st.is_voting), None)
                if voting is None:
                    raise entry.WatchRefused(reason="unknown_post", text=args.post)
                tps_ids = entry.find_post(s, op_id, voting.id, args.post)
            else:
                tps_ids = (entry.find_tps(s, op_id, args.place).id,)
            at = entry.read_time(args.at, zone)
            labels = entry.tps_labels(s, op_id, tps_ids)
        marks = [entry.Mark(tps_id, step.id, at) for tps_id in tps_ids]
        changed = {c.tps_id for c in entry.record(ctx.store, ctx.actor, op_id, marks)}
    when = operations.local_text(at, zone)
    same = ctx.t(" (sudah tercatat)", " (already recorded)")
    for tps_id in tps_ids:
        say(
            f"{labels[tps_id]}: {step.label(_lang(args))} {when}{'' if tps_id in changed else same}"
        )
    return EXIT_OK


def _lang(args: argparse.Namespace) -> str:
    from opscenter import messages

    return messages.language(args.lang)


def _watch_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kecamatan", action="store_true", help="each kecamatan under its Polres")
    add_operation(p)


@command(
    "watch",
    "the voting-day TPS watch per Polres: steps reached, disturbed, overdue",
    _watch_arguments,
)
def cmd_watch(args: argparse.Namespace) -> int:
    from opscenter import operations
    from opscenter.shares import percent
    from opscenter.watch import progress, steps

    with command_context(args) as ctx, ctx.store.read() as s:
        op = ctx.operation(s)
        name = op.name
        w = progress.watch(s, op.id)
    lang = _lang(args)
    when = operations.local_text(w.now, w.zone)
    say(f"{name} \u2014 {ctx.t('pemantauan TPS', 'TPS watch')} {when}")
    for st in w.steps:
        due = steps.due_text(st.due_minutes)
        limit = f" ({ctx.t('batas', 'due')} {due})" if due else ""
        say(f"  {st.key} {st.code}: {st.label(lang)}{limit}")
    head = [
        "Polres",
        "TPS",
        *(st.code for st in w.steps),
        ctx.t("Gangguan", "Disturbed"),
        ctx.t("Terlambat", "Overdue"),
    ]

    def figures(a: progress.Area, label: str) -> list[str]:
        shares = [f"{n} ({percent(n, a.total):.0f}%)" for n in a.reached]
        return [label, str(a.total), *shares, str(a.disturbed), str(a.overdue)]

    rows: list[list[str]] = []
    for pol in w.polres:
        rows.append(figures(pol, pol.name))
        if args.kecamatan:
            rows += [figures(k, f"  {k.name}") for k in w.kecamatan if k.polres_id == pol.id]
    total = figures(w.whole, ctx.t("Jumlah", "Total"))
    for line in _table(head, rows, total):
        say(line)
    return EXIT_OK


def _table(head: list[str], rows: list[list[str]], total: list[str]) -> list[str]:
    """Columns aligned for a terminal: the first to the left, the figures to the right."""
    widths = [max(len(r[i]) for r in (head, *rows, total)) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    rule = "-" * (sum(widths) + 2 * (len(widths) - 1))
    return [line(head), rule, *map(line, rows), rule, line(total)]
