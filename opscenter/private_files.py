"""Files and folders only their owner can read: 0600 and 0700, whatever the umask.

The database holds names, NRPs, phone numbers and password hashes; logs, backups, reports
and exports hold the same. On a shared workstation the usual umask (022) would leave them
readable by every local account, so every file the program writes is created here first,
empty and private, and then written by name: a file that is replaced or truncated keeps
its mode, so it is never readable by others, not even for a moment.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """``path`` and any missing parents, created 0700; the folder itself is made private.

    Parents that exist already are left as they are (they are not ours).
    """
    missing: list[Path] = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made meanwhile by another process
            folder.mkdir(mode=FOLDER_MODE)
    restrict(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Make sure ``path`` is a file others cannot read, then let the caller write it by name.

    A missing file is created empty with 0600; an existing one keeps its content and loses
    what others could do with it (a read-only file stays read-only).
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        restrict(path)
        return path
    try:
        if hasattr(os, "fchmod"):  # os.open's mode passes through the umask: set it outright
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


def restrict(path: Path, mode: int = FILE_MODE) -> None:
    """Take away what others may do with a file or folder we own (never adds a permission).

    For what an older version left readable by all; a file that is not ours is left alone.
    """
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & ~mode & 0o077:
            os.chmod(path, current & mode)
    except (FileNotFoundError, PermissionError):
        pass


def log_handler(path: Path) -> logging.FileHandler:
    """A handler appending to the log file ``path``, private like its folder."""
    private_folder(path.parent)
    private_file(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler
