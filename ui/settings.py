"""The workstation's settings: declared once, typed, with defaults (STYLE.md, habit 4).

Only the front end reads them (QSettings); the core receives plain values. Tests run with
``QStandardPaths`` test mode on, so they never touch a user's real settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T

    def get(self, store: QSettings | None = None) -> T:
        settings = store or QSettings()
        raw = settings.value(self.key, self.default)
        kind = type(self.default)
        if kind is bool:  # QSettings returns "true"/"false" strings from INI files
            return (raw in (True, "true", "1", 1)) if raw is not None else self.default  # type: ignore[return-value]
        try:
            return kind(raw)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return self.default

    def set(self, value: T, store: QSettings | None = None) -> None:
        (store or QSettings()).setValue(self.key, value)


# Language of the interface: "id" (Bahasa Indonesia) or "en"; applies at the next start.
LANGUAGE = Setting("ui/language", "id")
# Night shift: the dark theme.
NIGHT = Setting("ui/night", False)
# Wall display: "tiled" or "cycle", and seconds per panel when cycling.
WALL_MODE = Setting("wall/mode", "tiled")
WALL_SECONDS = Setting("wall/seconds", 20)
