"""The window from the command line: ``opscenter`` with no command opens it (or, with no
display, draws it offscreen), and ``opscenter screenshot`` renders one view to a PNG.
The only module besides ``sitrep`` that reaches beyond the core, and only lazily: the
headless commands never load Qt."""

from __future__ import annotations

import argparse
import os
import platform
from datetime import datetime
from pathlib import Path

import platformdirs

from opscenter import clock, messages
from opscenter.actor import Actor
from opscenter.cli.context import EXIT_OK, Context, UsageError, as_of, command_context, say
from opscenter.cli.parser import command
from opscenter.store import Store


def cmd_gui(args: argparse.Namespace) -> int:
    if not (args.db or os.environ.get("OPSCENTER_DB")):
        # The address saved by the connection dialog; only ui/ reads settings (lazy import).
        from ui.connection_dialog import saved_url

        args.db = saved_url() or None
    with command_context(args, must_exist=False) as ctx:
        return open_window(ctx)


def open_window(ctx: Context, actor: Actor | None = None) -> int:
    """The window on ``ctx``'s store, signed in as ``actor`` (else the login asks); with
    no display, an offscreen picture of it instead."""
    if not _has_display():
        out = (
            Path(platformdirs.user_data_dir("OpsCenter", appauthor=False))
            / "tangkapan"
            / (f"opscenter-{datetime.now():%Y%m%d-%H%M%S}.png")
        )
        say(
            ctx.t(
                "Tidak ada layar (DISPLAY/WAYLAND_DISPLAY kosong): jendela digambar di luar layar.",
                "No display (DISPLAY/WAYLAND_DISPLAY unset): rendering the window offscreen.",
            )
        )
        path = _render(ctx.store, out, (1920, 1080), "main", clock.now())
        say(ctx.t(f"Gambar jendela: {path}", f"Window image: {path}"))
        return EXIT_OK
    from ui.app import run

    return run(ctx.store, lang=ctx.args.lang, actor=actor)


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


def _screenshot_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--view",
        default="main",
        choices=(
            "main",
            "board",
            "stages",
            "incidents",
            "readiness",
            "map",
            "watch",
            "wall",
            "wall-map",
        ),
    )
    p.add_argument("--size", default="1920x1080", metavar="WxH")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument(
        "--as-of",
        metavar="ISO",
        help="show the operation as at this time, e.g. 2024-11-25T08:00 "
        "(in the operation's time zone unless an offset is given; default: now)",
    )


def _parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x", 1))
    except ValueError:
        raise UsageError(f"--size {text}: use WIDTHxHEIGHT, e.g. 1920x1080") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise UsageError(f"--size {text}: between 200 and 8000 pixels")
    return w, h


@command("screenshot", "render the window offscreen to a PNG", _screenshot_arguments)
def cmd_screenshot(args: argparse.Namespace) -> int:
    size = _parse_size(args.size)
    with command_context(args) as ctx:
        path = _render(
            ctx.store, args.out, size, args.view, as_of(ctx.store, args.as_of, lang=args.lang)
        )
    say(ctx.t(f"Tangkapan layar ditulis ke {path}.", f"Screenshot written to {path}."))
    return EXIT_OK
