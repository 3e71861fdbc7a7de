"""The workstation's settings: declared once, typed, with defaults (STYLE.md, habit 4).

Only the front end reads them (QSettings); the core receives plain values. Tests run with
``QStandardPaths`` test mode on, so they never touch a user's real settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QSettings, QStandardPaths

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T

    def get(self, store: QSettings | None = None) -> T:
        settings = store or QSettings()
        raw: Any = settings.value(self.key, self.default)
        if raw is None:
            return self.default
        value: Any
        try:
            if isinstance(self.default, bool):  # INI files give back "true"/"false" strings
                value = raw in (True, "true", "1", 1)
            elif isinstance(self.default, int):
                value = int(raw)
            else:
                value = str(raw)
        except (TypeError, ValueError):
            return self.default
        return cast(T, value)

    def set(self, value: T, store: QSettings | None = None) -> None:
        (store or QSettings()).setValue(self.key, value)


# Language of the interface: "id" (Bahasa Indonesia) or "en"; applies at the next start.
LANGUAGE = Setting("ui/language", "id")
# Night shift: the dark theme.
NIGHT = Setting("ui/night", False)
# The text size, in percent of the base type (``ui.text_size.STEPS``); applied at start.
TEXT_SIZE = Setting("ui/text_size", 100)
# The first-run hints under the menus, once the operator has dismissed them.
HINTS_DISMISSED = Setting("ui/hints_dismissed", False)
# Wall display: "cycle" (one panel at a time, for a single screen) or "tiled" (for a wall
# of several screens), and seconds per panel when cycling.
WALL_MODE = Setting("wall/mode", "cycle")
WALL_SECONDS = Setting("wall/seconds", 20)
# The database opened at start when neither --db nor $OPSCENTER_DB names one; saved by the
# connection dialog WITHOUT a password (that belongs in ~/.pgpass). Empty: the default file.
DATABASE_URL = Setting("database/url", "")
# Where the main window stood when it was last closed (``QWidget.saveGeometry``, base64): its
# screen, place, size and whether it was maximised. Empty: the first start.
MAIN_WINDOW_GEOMETRY = Setting("window/main_geometry", "")
# The folder a report was last saved to: the next save dialog opens there. Empty: never.
REPORT_FOLDER = Setting("files/report_folder", "")


def report_folder() -> Path:
    """Where a report's save dialog opens: the folder one was last saved to while it is
    there, else the user's documents folder (else home), never the program's own folder."""
    for candidate in (
        REPORT_FOLDER.get(),
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
    ):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return Path.home()
