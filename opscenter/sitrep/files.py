"""The report's file: checking where it goes and writing the PDF's bytes there whole.

The file is private to its owner (``private_file``); a missing folder or one that cannot
be written is refused before any work.
"""

from __future__ import annotations

import os
from pathlib import Path

from opscenter.errors import OpsError
from opscenter.private_files import private_file


class SitrepFolderMissing(OpsError):
    """The folder the report should be written to does not exist. data: path."""

    code = "sitrep.folder_missing"


class SitrepNotWritable(OpsError):
    """The report file cannot be written there. data: path, detail."""

    code = "sitrep.not_writable"


def check_destination(path: Path) -> Path:
    """Refuse, before any work, a file whose folder is missing or cannot be written."""
    path = Path(path).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SitrepFolderMissing(path=str(folder))
    if path.is_dir():
        raise SitrepNotWritable(path=str(path), detail="folder")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise SitrepNotWritable(path=str(path), detail="permission")
    return path


def write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file: the file is whole or untouched."""
    path = check_destination(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        private_file(tmp).write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise SitrepNotWritable(path=str(path), detail=exc.strerror or str(exc)) from exc
    return path
