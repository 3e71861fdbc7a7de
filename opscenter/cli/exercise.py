"""Demo data and training: ``opscenter demo`` loads a demo operation, ``open-demo`` opens
the window on one in simulated time, and ``exercise`` trains on a copy of a real database
(Latpraops), also in simulated time."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from opscenter import clock
from opscenter.actor import Actor
from opscenter.cli.context import EXIT_OK, Context, UsageError, as_of, command_context, say, t
from opscenter.cli.parser import command
from opscenter.cli.window import open_window
from opscenter.errors import NoOperation
from opscenter.store import Store

SCENARIOS = ("jambi", "bangka")


def _demo_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", required=True, choices=SCENARIOS)


@command("demo", "load a demo operation (deterministic, synthetic names)", _demo_arguments)
def cmd_demo(args: argparse.Namespace) -> int:
    from opscenter import overview
    from opscenter.demo import load_demo

    started = datetime.now(UTC)
    with command_context(args, must_exist=False, sign_in=True) as ctx:
        op_id = load_demo(ctx.store, args.scenario, ctx.actor)
        with ctx.store.read() as s:
            ov = overview.build(s, _code_of(s, op_id))
    secs = (datetime.now(UTC) - started).total_seconds()
    where = ctx.store.describe()
    say(
        ctx.t(
            f"Operasi \u201c{ov.name}\u201d dimuat ke {where} dalam {secs:.1f} dtk: "
            f"{ov.units} satuan, {ov.personnel} personel, {ov.tps} TPS, "
            f"{ov.incidents_total} kejadian.",
            f"Operation \u201c{ov.name}\u201d loaded into {where} in {secs:.1f} s: "
            f"{ov.units} units, {ov.personnel} personnel, {ov.tps} TPS, "
            f"{ov.incidents_total} incidents.",
        )
    )
    return EXIT_OK


def _code_of(session: Any, op_id: int) -> str:
    from opscenter.model import Operation

    op = session.get(Operation, op_id)
    return str(op.code)


def _open_demo_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", default="jambi", choices=SCENARIOS)
    p.add_argument(
        "--at",
        metavar="TIME",
        help='the moment the exercise starts at, e.g. "2024-11-27 20:00" '
        "(the operation's time zone unless an offset is given)",
    )


@command(
    "open-demo",
    "open the window on the database, loading a demo first if it is empty; a demo runs "
    "as an exercise in simulated time, from voting day 20:00 unless --at says otherwise",
    _open_demo_arguments,
)
def cmd_open_demo(args: argparse.Namespace) -> int:
    with command_context(args, must_exist=False) as ctx:
        _ensure_demo(ctx, args.scenario)
        actor = _demo_sign_in(ctx.store, args.scenario)
        _start_exercise(ctx, demo_only=True)
        return open_window(ctx, actor)


def _ensure_demo(ctx: Context, scenario: str) -> None:
    """Load the demo unless the database already holds an operation."""
    from opscenter import operations

    with ctx.store.read() as s:
        try:
            operations.get_operation(s)
            return
        except NoOperation:
            pass
    from opscenter.demo import load_demo

    say(
        ctx.t(
            f"Memuat operasi contoh \u201c{scenario}\u201d ke {ctx.store.describe()} \u2026",
            f"Loading the \u201c{scenario}\u201d demo into {ctx.store.describe()} \u2026",
        )
    )
    load_demo(ctx.store, scenario, ctx.actor)


def _demo_sign_in(store: Store, scenario: str) -> Actor | None:
    """``open-demo`` on an SQLite demo file opens signed in as the demo's admin, with the
    published demo password, as a newcomer expects of ``./run.sh``; elsewhere (a server,
    a changed password) the login asks as usual."""
    if store.dialect != "sqlite":
        return None
    from opscenter.demo import sign_in

    return sign_in(store, scenario)


def _start_exercise(ctx: Context, *, demo_only: bool) -> None:
    """Run the clock from ``--at`` (default: voting day 20:00). ``demo_only`` (open-demo):
    only on the demo's synthetic data; a real operation opened by open-demo keeps the real
    time, since what is recorded in it must be true (``opscenter exercise`` copies it)."""
    from opscenter import exercise, operations

    with ctx.store.read() as s:
        if demo_only and not exercise.is_demo(s):
            if ctx.args.at:
                raise UsageError(
                    ctx.t(
                        "--at: basis data ini berisi operasi nyata, bukan contoh; latihan "
                        "padanya dengan: opscenter exercise --at WAKTU",
                        "--at: this database holds a real operation, not the demo; "
                        "train on it with: opscenter exercise --at TIME",
                    )
                )
            return
        start = exercise.default_start(s)
        zone = operations.get_operation(s).timezone
    start = as_of(ctx.store, ctx.args.at, "--at", zone=zone, lang=ctx.args.lang) or start
    clock.simulate(start)
    local = operations.local_text(start, zone, "%d-%m-%Y %H:%M")
    say(
        ctx.t(
            f"LATIHAN: waktu simulasi mulai {local}, lalu berjalan terus.",
            f"EXERCISE: simulated time starts at {local} and runs on.",
        )
    )


def _exercise_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--at", metavar="TIME", required=True, help='e.g. "2024-11-27 20:00"')
    p.add_argument(
        "--folder",
        metavar="DIR",
        type=Path,
        help="where the copy is written (default: the user data folder's latihan/)",
    )


@command(
    "exercise",
    "training (Latpraops) on a COPY of the database, in simulated time from --at; "
    "the database itself is only read",
    _exercise_arguments,
)
def cmd_exercise(args: argparse.Namespace) -> int:
    """A copy of the database (only read), opened in simulated time from --at."""
    from opscenter import exercise

    try:  # before the copy: a mistyped moment leaves nothing behind
        datetime.fromisoformat(args.at.strip())
    except ValueError:
        raise UsageError(f"--at {args.at}: use e.g. 2024-11-27T20:00") from None
    copy = exercise.copy_for_exercise(args.db, args.folder)
    say(
        t(
            args,
            f"Salinan latihan ditulis ke {copy}; basis data asli tidak diubah.",
            f"Exercise copy written to {copy}; the original database is not changed.",
        )
    )
    args.db = str(copy)
    with command_context(args, must_exist=False) as ctx:
        _start_exercise(ctx, demo_only=False)
        return open_window(ctx)
