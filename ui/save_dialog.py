"""Where a document the program writes goes: one save dialog for the reports and exports,
opening in the folder the last one was saved to (``ui.settings.report_folder``: else the
user's documents, else home), never the program's own folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ui import settings


def ask_save_path(
    parent: QWidget, caption: str, name: str, filters: str
) -> tuple[Path | None, str]:
    """The path the user chose for a new file first named ``name`` (None: cancelled), and the
    filter chosen; the folder is remembered for the next save."""
    path, chosen = QFileDialog.getSaveFileName(
        parent, caption, str(settings.report_folder() / name), filters
    )
    if not path:
        return None, chosen
    settings.REPORT_FOLDER.set(str(Path(path).parent))
    return Path(path), chosen


def ending(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix`` (".pdf"): as typed where it does, whatever the case,
    else with its suffix replaced; the one rule every save dialog's chosen type follows."""
    return path if path.suffix.lower() == suffix else path.with_suffix(suffix)
