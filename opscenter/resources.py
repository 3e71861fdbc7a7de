"""Where the shipped data files live: resources/ beside the packages, or in the bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """resources/ beside the packages, or inside a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
