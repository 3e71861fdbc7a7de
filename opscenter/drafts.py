"""Drafts of unsubmitted incident reports, kept on disk so that a crash loses nothing typed.

One JSON file per open form in a folder of the user's data directory (``drafts/`` beside
the default database), so two forms never rewrite each other's file. Each file says which
database and operation it belongs to (``key``): a draft is offered back only where it can
be submitted. A file is written whole to a temporary name and renamed over the old one
(``os.replace``), so a crash mid-write leaves the previous draft, never half a file. The
folder is 0700 and the files 0600: a draft may name victims and suspects.

No Qt here: the form serialises its fields to a plain dict; the timers and the questions
live in ``ui``.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

# A folder for the drafts instead of the user's data folder (tests, portable installs).
ENV_VAR = "OPSCENTER_DRAFTS"
FOLDER_MODE = 0o700
FILE_MODE = 0o600
SUFFIX = ".json"


def default_folder() -> Path:
    """``$OPSCENTER_DRAFTS``, else ``drafts`` in the user's data folder (beside the database)."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("OpsCenter", appauthor=False)) / "drafts"


def draft_key(database: str, operation_id: int) -> str:
    """Which database (its URL without the password) and operation a draft belongs to."""
    return f"{database}#{operation_id}"


def new_draft_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class Draft:
    id: str
    key: str
    saved_at: datetime
    fields: dict[str, Any]


class DraftBox:
    """The drafts folder. Every call reads or writes the disk: nothing is cached, so two
    windows (or a window and its next start) see the same drafts."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else default_folder()

    def _path(self, draft_id: str) -> Path:
        if not draft_id.isalnum():  # the id names a file: never a path
            raise ValueError(f"bad draft id {draft_id!r}")
        return self.folder / f"{draft_id}{SUFFIX}"

    def save(self, key: str, draft_id: str, fields: dict[str, Any], *, now: datetime) -> Path:
        """Write (or replace) one draft atomically, readable by its owner only."""
        self.folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        os.chmod(self.folder, FOLDER_MODE)  # mkdir's mode is cut by the umask
        target = self._path(draft_id)
        text = json.dumps(
            {"id": draft_id, "key": key, "saved_at": now.isoformat(), "fields": fields},
            ensure_ascii=False,
            sort_keys=True,
        )
        fd, tmp = tempfile.mkstemp(prefix=f".{draft_id}-", suffix=".tmp", dir=self.folder)
        try:
            os.chmod(tmp, FILE_MODE)  # mkstemp makes 0600 already; say it whatever the OS
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return target

    def remove(self, draft_id: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(draft_id).unlink()

    def all(self) -> list[Draft]:
        """Every readable draft, oldest first; an unreadable file is skipped, not fatal."""
        if not self.folder.is_dir():
            return []
        out: list[Draft] = []
        for path in self.folder.glob(f"*{SUFFIX}"):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                saved_at = datetime.fromisoformat(str(data["saved_at"]))
                draft = Draft(str(data["id"]), str(data["key"]), saved_at, dict(data["fields"]))
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if draft.id == path.stem:
                out.append(draft)
        return sorted(out, key=lambda d: (d.saved_at, d.id))

    def pending(self, key: str) -> list[Draft]:
        """The drafts of one database and operation."""
        return [d for d in self.all() if d.key == key]

    def discard(self, key: str) -> int:
        """Remove every draft of ``key``; returns how many."""
        drafts = self.pending(key)
        for d in drafts:
            self.remove(d.id)
        return len(drafts)


def utc_now() -> datetime:
    return datetime.now(UTC)
