"""The ``opscenter`` command: the composition root for headless use and the GUI's launcher.

Every failure a user can cause ends in one sentence (Bahasa Indonesia unless
``--lang en`` / ``OPSCENTER_LANG=en``) and a non-zero exit, never a traceback; an
unexpected failure is logged in full and named by its log file.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import platformdirs

from opscenter import __version__, clock, messages
from opscenter.actor import Actor
from opscenter.errors import NoOperation, OpsError, log_failure
from opscenter.private_files import log_handler
from opscenter.store import Store, open_store

log = logging.getLogger("opscenter")

EXIT_OK = 0
EXIT_FAILED = 1  # a refusal the user can act on (bad database, bad value ...)
EXIT_USAGE = 2  # argparse's own code for bad arguments
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug; details in the log


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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own messages are English; keep them short
        self.print_usage(sys.stderr)
        prefix = (
            "opscenter: argumen salah"
            if messages.language() == "id"
            else "opscenter: bad arguments"
        )
        print(f"{prefix}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _common(p: argparse.ArgumentParser, *, top: bool = False) -> None:
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


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="opscenter",
        description="OpsCenter: papan operasi pengamanan Pilkada (Operasi Mantap Praja).",
    )
    parser.add_argument("--version", action="version", version=f"OpsCenter {__version__}")
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        _common(p)
        return p

    p = add(
        "open-demo",
        "open the window on the database, loading a demo first if it is empty; a demo runs "
        "as an exercise in simulated time, from voting day 20:00 unless --at says otherwise",
    )
    p.add_argument("--scenario", default="jambi", choices=("jambi", "bangka"))
    p.add_argument(
        "--at",
        metavar="TIME",
        help='the moment the exercise starts at, e.g. "2024-11-27 20:00" '
        "(the operation's time zone unless an offset is given)",
    )

    p = add(
        "exercise",
        "training (Latpraops) on a COPY of the database, in simulated time from --at; "
        "the database itself is only read",
    )
    p.add_argument("--at", metavar="TIME", required=True, help='e.g. "2024-11-27 20:00"')
    p.add_argument(
        "--folder",
        metavar="DIR",
        type=Path,
        help="where the copy is written (default: the user data folder's latihan/)",
    )

    p = add("demo", "load a demo operation (deterministic, synthetic names)")
    p.add_argument("--scenario", required=True, choices=("jambi", "bangka"))

    p = add("db", "database maintenance")
    dbsub = p.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    q = dbsub.add_parser(
        "upgrade", help="apply migrations (a copy of an SQLite file is taken first)"
    )
    _common(q)
    q = dbsub.add_parser("backup", help="consistent copy while the app runs (SQLite) or pg_dump")
    _common(q)
    q.add_argument("path", type=Path)
    q = dbsub.add_parser("info", help="where the database is and its schema revision")
    _common(q)

    p = add("journal", "the newest journal entries, one per line")
    p.add_argument("-n", type=_positive, default=20, metavar="N", help="how many (default 20)")

    p = add("strength", "required police and Linmas against strength, per Polres")
    p.add_argument("--stage", metavar="CODE", help="stage code (default: the current stage)")
    p.add_argument("--operation", metavar="CODE", help="operation code (default: the first)")

    p = add("sitrep", "write the situation report (PDF) of a period")
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
    p.add_argument(
        "--classification",
        default="TERBATAS",
        help="SANGAT RAHASIA, RAHASIA, TERBATAS (default) or BIASA",
    )
    p.add_argument("--operation", metavar="CODE", help="operation code (default: the first)")

    p = add("plan", "requirements, deficits and reinforcement proposals for a stage")
    p.add_argument("--stage", required=True, metavar="CODE", help="stage code, e.g. pemungutan")
    p.add_argument("--operation", metavar="CODE", help="operation code (default: the first)")
    p.add_argument("--out", type=Path, metavar="FILE.xlsx", help="also write them to a workbook")

    p = add("import", "import personnel, polling stations (TPS) or units from a spreadsheet")
    p.add_argument("kind", choices=("personnel", "tps", "units"))
    p.add_argument("file", type=Path)
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: guessed)")
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    p.add_argument("--errors", type=Path, metavar="OUT.xlsx", help="write rejected rows here")

    p = add("template", "write a blank import template with drop-down lists")
    p.add_argument("kind", choices=("personnel", "tps"))
    p.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")

    p = add("export", "export records to .xlsx or .csv (they import back unchanged)")
    p.add_argument("kind", choices=("personnel", "tps", "incidents"))
    p.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")

    p = add("account", "user accounts: add one, or list them")
    accsub = p.add_subparsers(dest="account_command", required=True, parser_class=_Parser)
    q = accsub.add_parser("add", help="add an account (the first one must be an admin)")
    _common(q)
    q.add_argument("username")
    q.add_argument("--role", required=True, choices=("operator", "staff", "commander", "admin"))
    q.add_argument("--name", metavar="NAME", help="full name (default: the user name)")
    q.add_argument(
        "--as",
        dest="as_admin",
        metavar="ADMIN",
        help="the admin adding it (required once any account has a password)",
    )
    q.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (with --as: the admin's password on "
        "the first line, the new one on the second)",
    )
    q = accsub.add_parser("list", help="list the accounts (never their passwords)")
    _common(q)

    p = add("screenshot", "render the window offscreen to a PNG")
    p.add_argument(
        "--view", default="main", choices=("main", "board", "stages", "incidents", "wall")
    )
    p.add_argument("--size", default="1920x1080", metavar="WxH")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument(
        "--as-of",
        metavar="ISO",
        help="show the operation as at this time, e.g. 2024-11-25T08:00 "
        "(in the operation's time zone unless an offset is given; default: now)",
    )
    return parser


# --- commands ---------------------------------------------------------------------------------


def _say(text: str) -> None:
    print(text, flush=True)


def _t(args: argparse.Namespace, id_text: str, en_text: str) -> str:
    return en_text if messages.language(args.lang) == "en" else id_text


def signed_in(store: Store, args: argparse.Namespace) -> Actor:
    """The account a command that writes acts as: never silently anyone else.

    ``--user`` (or ``$OPSCENTER_USER``) names it, and its password comes from
    ``--password-file`` (or ``$OPSCENTER_PASSWORD_FILE``; mode 0600, checked) or, on a
    terminal, from a prompt; it is checked like the window's login (argon2, lockout).
    Without a name, only a database that needs no login (SQLite while no account has a
    password) lets the command act as the person at this workstation.
    """
    import getpass

    from opscenter import accounts

    user = args.user or os.environ.get("OPSCENTER_USER") or ""
    if not user.strip():
        local = accounts.unattended(store)
        if local is None:
            raise accounts.SignInRequired()
        return local
    password_file = args.password_file or os.environ.get("OPSCENTER_PASSWORD_FILE")
    if password_file:
        password = accounts.read_password_file(Path(password_file))
    elif sys.stdin is not None and sys.stdin.isatty():
        password = getpass.getpass(_t(args, f"Kata sandi {user}: ", f"Password of {user}: "))
    else:
        raise accounts.PasswordNeeded(username=user)
    return accounts.authenticate(store, user, password)


def cmd_demo(args: argparse.Namespace) -> int:
    from opscenter.demo import load_demo

    started = datetime.now(UTC)
    store = open_store(args.db)
    try:
        op_id = load_demo(store, args.scenario, signed_in(store, args))
        with store.read() as s:
            from opscenter import overview

            ov = overview.build(s, _code_of(s, op_id))
    finally:
        store.dispose()
    secs = (datetime.now(UTC) - started).total_seconds()
    _say(
        _t(
            args,
            f"Operasi \u201c{ov.name}\u201d dimuat ke {store.describe()} dalam {secs:.1f} dtk: "
            f"{ov.units} satuan, {ov.personnel} personel, {ov.tps} TPS, "
            f"{ov.incidents_total} kejadian.",
            f"Operation \u201c{ov.name}\u201d loaded into {store.describe()} in {secs:.1f} s: "
            f"{ov.units} units, {ov.personnel} personnel, {ov.tps} TPS, "
            f"{ov.incidents_total} incidents.",
        )
    )
    return EXIT_OK


def _code_of(session: Any, op_id: int) -> str:
    from opscenter.model import Operation

    op = session.get(Operation, op_id)
    return str(op.code)


def cmd_db(args: argparse.Namespace) -> int:
    from opscenter import migrations

    if args.db_command == "upgrade":
        store = open_store(args.db, migrate=True)
        try:
            rev = migrations.current_revision(store)
        finally:
            store.dispose()
        _say(
            _t(
                args,
                f"Skema {store.describe()} mutakhir (revisi {rev}).",
                f"Schema of {store.describe()} is up to date (revision {rev}).",
            )
        )
        return EXIT_OK
    if args.db_command == "info":
        store = open_store(args.db, migrate=False, must_exist=True)
        try:
            rev = migrations.current_revision(store)
        finally:
            store.dispose()
        _say(f"{store.describe()}  revisi {rev}  (OpsCenter {__version__})")
        return EXIT_OK
    store = open_store(args.db, migrate=False, must_exist=True)
    try:
        dest = store.backup(args.path)
    finally:
        store.dispose()
    _say(
        _t(
            args,
            f"Cadangan {store.describe()} ditulis ke {dest}.",
            f"Backup of {store.describe()} written to {dest}.",
        )
    )
    return EXIT_OK


def _summary(changes: dict[str, Any], action: str, width: int = 110) -> str:
    if action == "update":
        parts = [f"{k}: {_short(v[0])} \u2192 {_short(v[1])}" for k, v in changes.items()]
    else:
        keys = ("code", "name", "username", "nrp", "title", "number", "text", "status_id", "reason")
        parts = [f"{k}={_short(changes[k])}" for k in keys if k in changes] or [
            f"{len(changes)} kolom"
        ]
    text = "; ".join(parts)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _short(value: Any) -> str:
    text = "\u2014" if value is None else str(value)
    return text if len(text) <= 40 else text[:39] + "\u2026"


def cmd_journal(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from opscenter import journal, operations
    from opscenter.model import JournalTxn, Operation

    store = open_store(args.db, must_exist=True)
    try:
        with store.read() as s:
            rows = journal.last_entries(s, args.n)
            zones = {i: z for i, z in s.execute(select(Operation.id, Operation.timezone))}
            default_zone = operations.timezone_of(s)  # rows of no operation (accounts)
            txns = {
                t.id: t.action
                for t in s.scalars(
                    select(JournalTxn).where(JournalTxn.id.in_({r.txn_id for r in rows}))
                )
            }
    finally:
        store.dispose()
    if not rows:
        _say(_t(args, "Jurnal masih kosong.", "The journal is empty."))
        return EXIT_OK
    for r in rows:
        zone = zones.get(r.operation_id or -1, default_zone)
        when = operations.local_text(r.at, zone, "%Y-%m-%d %H:%M:%S")
        _say(
            f"{r.seq:>8}  {when:<24} {r.actor:<12} "
            f"{txns.get(r.txn_id, ''):<18} {r.action:<6} {r.entity}#{r.entity_id}  "
            f"{_summary(r.changes, r.action)}"
        )
    return EXIT_OK


def cmd_strength(args: argparse.Namespace) -> int:
    from opscenter import operations
    from opscenter.model import Stage
    from opscenter.strength import required_strength

    store = open_store(args.db, must_exist=True)
    try:
        with store.read() as s:
            op = operations.get_operation(s, args.operation)
            stages = operations.stages(s, op.id)
            stage: Stage | None
            if args.stage:
                stage = operations.stage_by_code(s, op.id, args.stage)
            else:
                stage = operations.current_stage(stages, operations.local_today(op)) or next(
                    (x for x in stages if x.is_voting), None
                )
            report = required_strength(s, op.id, stage)
            from sqlalchemy import select

            from opscenter.model import Unit

            polres = s.execute(
                select(Unit.id, Unit.name)
                .where(Unit.operation_id == op.id, Unit.kind.in_(("polres", "polresta")))
                .order_by(Unit.name)
            ).all()
            stage_name = stage.name if stage else "-"
    finally:
        store.dispose()
    _say(f"{op.name} \u2014 {_t(args, 'tahapan', 'stage')}: {stage_name}")
    head = (
        _t(args, "Satuan", "Unit"),
        "TPS",
        _t(args, "Kebutuhan", "Required"),
        _t(args, "Kekuatan", "Strength"),
        _t(args, "Selisih", "Balance"),
    )
    _say(f"{head[0]:<34}{head[1]:>7}{head[2]:>11}{head[3]:>10}{head[4]:>9}")
    for uid, name in polres:
        st = report.by_unit[uid]
        _say(
            f"{name:<34}{st.tps_total:>7}{st.police_required:>11}{st.police_available:>10}{st.balance:>+9}"
        )
    tot = report.total
    _say(
        f"{_t(args, 'Jumlah (kab/kota)', 'Total (regions)'):<34}{tot.tps_total:>7}"
        f"{tot.police_required:>11}{'':>10}{'':>9}   Linmas {tot.linmas_required}"
    )
    return EXIT_OK


def _parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x", 1))
    except ValueError:
        raise SystemExit(_usage_error(f"--size {text}: use WIDTHxHEIGHT, e.g. 1920x1080")) from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise SystemExit(_usage_error(f"--size {text}: between 200 and 8000 pixels"))
    return w, h


def _usage_error(text: str) -> int:
    print(f"opscenter: {text}", file=sys.stderr)
    return EXIT_USAGE


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if platform.system() != "Linux":  # Windows and macOS always have a screen
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _render(
    store: Store, out: Path, size: tuple[int, int], view: str, now: datetime | None = None
) -> Path:
    if not os.environ.get("QT_QPA_PLATFORM"):  # unset or empty: Qt would try xcb and abort
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ui.screenshot import render  # lazily: the headless commands never load Qt

    return render(store, out, size=size, view=view, now=now, lang=messages.language())


def _as_of(store: Store, text: str | None, option: str = "--as-of") -> datetime | None:
    """``--as-of`` (or ``option``): an ISO time; without an offset, in the operation's own
    time zone."""
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise SystemExit(_usage_error(f"{option} {text}: use e.g. 2024-11-25T08:00")) from None
    if when.tzinfo is None:
        from opscenter import operations

        with store.read() as s:
            when = when.replace(tzinfo=ZoneInfo(operations.get_operation(s).timezone))
    return when.astimezone(UTC)


def cmd_screenshot(args: argparse.Namespace) -> int:
    size = _parse_size(args.size)
    store = open_store(args.db, must_exist=True)
    try:
        path = _render(store, args.out, size, args.view, _as_of(store, args.as_of))
    finally:
        store.dispose()
    _say(_t(args, f"Tangkapan layar ditulis ke {path}.", f"Screenshot written to {path}."))
    return EXIT_OK


def cmd_gui(args: argparse.Namespace, *, demo: str | None = None, exercise: bool = False) -> int:
    if demo is None and not exercise and not (args.db or os.environ.get("OPSCENTER_DB")):
        # The address saved by the connection dialog; only ui/ reads settings (lazy import).
        from ui.connection_dialog import saved_url

        args.db = saved_url() or None
    store = open_store(args.db)
    try:
        actor = None
        if demo is not None:
            _ensure_demo(store, demo, args)
            actor = _demo_sign_in(store, demo)
        if demo is not None or exercise:
            _start_exercise(store, args, demo_only=not exercise)
        if not _has_display():
            out = (
                Path(platformdirs.user_data_dir("OpsCenter", appauthor=False))
                / "tangkapan"
                / (f"opscenter-{datetime.now():%Y%m%d-%H%M%S}.png")
            )
            _say(
                _t(
                    args,
                    "Tidak ada layar (DISPLAY/WAYLAND_DISPLAY kosong): "
                    "jendela digambar di luar layar.",
                    "No display (DISPLAY/WAYLAND_DISPLAY unset): rendering the window offscreen.",
                )
            )
            path = _render(store, out, (1920, 1080), "main", clock.now())
            _say(_t(args, f"Gambar jendela: {path}", f"Window image: {path}"))
            return EXIT_OK
        from ui.app import run

        return run(store, lang=args.lang, actor=actor)
    finally:
        store.dispose()


def _demo_sign_in(store: Store, scenario: str) -> Actor | None:
    """``open-demo`` on an SQLite demo file opens signed in as the demo's admin, with the
    published demo password, as a newcomer expects of ``./run.sh``; elsewhere (a server,
    a changed password) the login asks as usual."""
    if store.dialect != "sqlite":
        return None
    from opscenter.demo import sign_in

    return sign_in(store, scenario)


def _start_exercise(store: Store, args: argparse.Namespace, *, demo_only: bool) -> None:
    """Run the clock from ``--at`` (default: voting day 20:00). ``demo_only`` (open-demo):
    only on the demo's synthetic data; a real operation opened by open-demo keeps the real
    time, since what is recorded in it must be true (``opscenter exercise`` copies it)."""
    from opscenter import exercise, operations

    with store.read() as s:
        if demo_only and not exercise.is_demo(s):
            if args.at:
                raise SystemExit(
                    _usage_error(
                        _t(
                            args,
                            "--at: basis data ini berisi operasi nyata, bukan contoh; latihan "
                            "padanya dengan: opscenter exercise --at WAKTU",
                            "--at: this database holds a real operation, not the demo; "
                            "train on it with: opscenter exercise --at TIME",
                        )
                    )
                )
            return
        start = exercise.default_start(s)
        zone = operations.get_operation(s).timezone
    start = _as_of(store, args.at, "--at") or start
    clock.simulate(start)
    local = operations.local_text(start, zone, "%d-%m-%Y %H:%M")
    _say(
        _t(
            args,
            f"LATIHAN: waktu simulasi mulai {local}, lalu berjalan terus.",
            f"EXERCISE: simulated time starts at {local} and runs on.",
        )
    )


def cmd_exercise(args: argparse.Namespace) -> int:
    """A copy of the database (only read), opened in simulated time from --at."""
    from opscenter import exercise

    try:  # before the copy: a mistyped moment leaves nothing behind
        datetime.fromisoformat(args.at.strip())
    except ValueError:
        raise SystemExit(_usage_error(f"--at {args.at}: use e.g. 2024-11-27T20:00")) from None
    copy = exercise.copy_for_exercise(args.db, args.folder)
    _say(
        _t(
            args,
            f"Salinan latihan ditulis ke {copy}; basis data asli tidak diubah.",
            f"Exercise copy written to {copy}; the original database is not changed.",
        )
    )
    args.db = str(copy)
    return cmd_gui(args, exercise=True)


def _ensure_demo(store: Store, scenario: str, args: argparse.Namespace) -> None:
    from opscenter import operations

    with store.read() as s:
        try:
            operations.get_operation(s)
            return
        except NoOperation:
            pass
    from opscenter.demo import load_demo

    _say(
        _t(
            args,
            f"Memuat operasi contoh \u201c{scenario}\u201d ke {store.describe()} \u2026",
            f"Loading the \u201c{scenario}\u201d demo into {store.describe()} \u2026",
        )
    )
    load_demo(store, scenario, signed_in(store, args))


def _iso(text: str | None, option: str) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        hint = f"{option} {text}: use e.g. 2024-11-27T06:00+07:00"
        raise SystemExit(_usage_error(hint)) from None


def cmd_sitrep(args: argparse.Namespace) -> int:
    from opscenter import sitrep
    from reports.sitrep import write_pdf

    period_from = _iso(args.period_from, "--from")
    period_to = _iso(args.period_to, "--to")
    classification = str(args.classification).strip().upper()
    out = sitrep.check_destination(args.out)
    store = open_store(args.db, must_exist=True)
    try:

        def build(serial: int | None = None) -> sitrep.Sitrep:
            with store.read() as s:
                return sitrep.assemble(
                    s,
                    args.operation,
                    period_from=period_from,
                    period_to=period_to,
                    classification=classification,
                    serial=serial,
                )

        actor = signed_in(store, args)
        draft = build()  # validates the period, classification and operation first
        serial = sitrep.issue_serial(store, actor, draft.operation_code)
        report = build(serial)
        path = write_pdf(report, out)
    finally:
        store.dispose()
    _say(
        _t(
            args,
            f"Laporan situasi {report.number} ditulis ke {path} (sidik isi "
            f"{report.short_fingerprint}).",
            f"Situation report {report.number} written to {path} (content fingerprint "
            f"{report.short_fingerprint}).",
        )
    )
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    from opscenter import operations, planning

    store = open_store(args.db, must_exist=True)
    try:
        with store.read() as s:
            op = operations.get_operation(s, args.operation)
            stage = operations.stage_by_code(s, op.id, args.stage)
            result = planning.plan_for(s, op.id, stage.id)
            op_name = op.name
    finally:
        store.dispose()
    if args.out is not None:
        planning.write_plan(result, args.out, op_name)
    lang = messages.language(args.lang)
    _say(f"{op_name} \u2014 {_t(args, 'tahapan', 'stage')}: {result.stage.name}")
    head = (
        _t(args, "Satuan", "Unit"),
        "TPS",
        _t(args, "Kebutuhan", "Required"),
        _t(args, "Kekuatan", "Strength"),
        _t(args, "Selisih", "Balance"),
        _t(args, "Dpt dipinjam", "Lendable"),
        _t(args, "Kerawanan", "Vulnerability"),
    )
    _say(f"{head[0]:<34}{head[1]:>6}{head[2]:>11}{head[3]:>10}{head[4]:>9}{head[5]:>13}  {head[6]}")
    for u in result.units:
        _say(
            f"{u.name:<34}{u.tps:>6}{u.police_required:>11}{u.police_available:>10}"
            f"{u.balance:>+9}{u.lendable:>13}  {u.vulnerability_name or '-'}"
        )
    deficits = result.deficits
    _say("")
    if not deficits:
        _say(_t(args, "Tidak ada Polres yang kekurangan personel.", "No Polres is short."))
    for u in deficits:
        _say(_t(args, f"Kekurangan: {u.name} {u.deficit}", f"Deficit: {u.name} {u.deficit}"))
    for p in result.proposals:
        _say(f"  \u2192 {p.sentence(lang)}")
    for uid, n in result.unmet.items():
        name = result.unit(uid).name
        _say(_t(args, f"Belum tertutup: {name} {n}", f"Not covered: {name} {n}"))
    if args.out is not None:
        _say(_t(args, f"Buku kerja ditulis ke {args.out}.", f"Workbook written to {args.out}."))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from opscenter.roster import commit, errors_xlsx
    from opscenter.roster.preview import Options, prepare

    store = open_store(args.db, must_exist=True)
    try:
        actor = None if args.dry_run else signed_in(store, args)  # before the file is read
        preview = prepare(store, args.file, Options(kind=args.kind, sheet=args.sheet))
        if args.errors is not None and preview.counts["rejected"]:
            errors_xlsx.write(preview, args.errors, args.lang)
        if actor is not None:
            commit.commit(store, actor, preview)
    finally:
        store.dispose()
    lang = messages.language(args.lang)
    _say(messages.import_summary(preview.counts, lang))
    warning = messages.formula_warnings(preview.warnings, preview.warnings_total, lang)
    if warning:
        print(warning, file=sys.stderr)
    c = preview.counts
    return EXIT_OK if c["new"] + c["changed"] + c["unchanged"] > 0 else EXIT_FAILED


def cmd_template(args: argparse.Namespace) -> int:
    from opscenter.roster import template

    store = open_store(args.db, must_exist=True) if args.db else None
    try:
        template.write(args.kind, args.out, store)
    finally:
        if store is not None:
            store.dispose()
    _say(_t(args, f"Templat ditulis ke {args.out}.", f"Template written to {args.out}."))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from opscenter.roster import export

    store = open_store(args.db, must_exist=True)
    try:
        n = export.write(store, args.kind, args.out)
    finally:
        store.dispose()
    _say(_t(args, f"{n} baris ditulis ke {args.out}.", f"{n} rows written to {args.out}."))
    return EXIT_OK


def cmd_account(args: argparse.Namespace) -> int:
    """``account add`` / ``account list``. The first account of a database becomes its first
    admin (``accounts.bootstrap_admin``); after that an admin must say who they are (--as)."""
    import getpass

    from opscenter import accounts

    store = open_store(args.db)
    try:
        if args.account_command == "list":
            with store.read() as s:
                rows = accounts.rows(s)
            if not rows:
                _say(_t(args, "Belum ada akun.", "No accounts yet."))
            for r in rows:
                state = (
                    _t(args, "aktif", "active") if r.active else _t(args, "nonaktif", "inactive")
                ) + ("" if r.has_password else ", -")
                _say(f"{r.username:<24} {r.role:<10} {state:<12} {r.full_name}")
            return EXIT_OK
        first = accounts.needs_bootstrap(store)
        if not first and not args.as_admin:
            print(
                _t(
                    args,
                    "Basis data ini sudah memiliki akun berkata sandi: sebutkan admin yang "
                    "menambahkan dengan --as NAMA_ADMIN.",
                    "This database already has accounts with passwords: name the admin "
                    "adding this one with --as ADMIN_NAME.",
                ),
                file=sys.stderr,
            )
            return EXIT_FAILED
        admin_password = ""
        if args.password_stdin:
            lines = sys.stdin.read().splitlines()
            if not first:
                admin_password, lines = (lines[0] if lines else ""), lines[1:]
            password = lines[0] if lines else ""
        else:
            if not first:
                admin_password = getpass.getpass(
                    _t(args, f"Kata sandi {args.as_admin}: ", f"Password of {args.as_admin}: ")
                )
            password = getpass.getpass(
                _t(args, f"Kata sandi baru untuk {args.username}: ", "New password: ")
            )
            if password != getpass.getpass(_t(args, "Ulangi kata sandi: ", "Repeat it: ")):
                print(
                    _t(
                        args,
                        "Kedua kata sandi tidak sama; tidak ada yang disimpan.",
                        "The two passwords differ; nothing was saved.",
                    ),
                    file=sys.stderr,
                )
                return EXIT_FAILED
        name = args.name or args.username
        if first and args.role == "admin":
            accounts.bootstrap_admin(store, args.username, password, name)
        elif first:  # once it has a password, someone must be able to manage accounts
            raise accounts.FirstMustBeAdmin(username=args.username)
        else:
            actor = accounts.authenticate(store, args.as_admin, admin_password)
            accounts.create_account(store, actor, args.username, name, args.role, password)
    finally:
        store.dispose()
    _say(
        _t(
            args,
            f"Akun {args.username} ({args.role}) dibuat di {store.describe()}.",
            f"Account {args.username} ({args.role}) created in {store.describe()}.",
        )
    )
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "account": cmd_account,
    "demo": cmd_demo,
    "db": cmd_db,
    "journal": cmd_journal,
    "strength": cmd_strength,
    "screenshot": cmd_screenshot,
    "import": cmd_import,
    "template": cmd_template,
    "export": cmd_export,
    "plan": cmd_plan,
    "sitrep": cmd_sitrep,
    "open-demo": lambda a: cmd_gui(a, demo=a.scenario),
    "exercise": cmd_exercise,
}


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
    command = COMMANDS.get(args.command or "", cmd_gui)
    try:
        return command(args)
    except OpsError as exc:
        log_failure(log, exc, args.command or "gui")
        print(messages.describe(exc, args.lang), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(_t(args, "Dibatalkan.", "Cancelled."), file=sys.stderr)
        return 130
    except Exception:
        log.exception("unexpected failure in %s", args.command or "gui")
        where = str(log_path) if log_path else "stderr (jalankan lagi dengan --verbose)"
        print(
            _t(
                args,
                f"Terjadi kesalahan tak terduga; rinciannya dicatat di {where}.",
                f"An unexpected error occurred; details were logged to {where}.",
            ),
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
