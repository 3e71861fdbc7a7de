"""Interface translations: Indonesian source strings, English in ``opscenter_en.ts``.

The ``.ts`` files are the source (kept in git); the ``.qm`` files Qt loads are compiled
from them with ``pyside6-lrelease`` by the set-up script and the bundle build, never
committed. ``python -m ui.translations`` compiles them; ``--update`` first collects new
strings from ``ui/`` with ``pyside6-lupdate`` (translations already made are kept).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
LANGS = ("en",)


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found (it comes with PySide6)")
    return found


def update_sources() -> None:
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    for lang in LANGS:
        ts = FOLDER / f"opscenter_{lang}.ts"
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                *sources,
                "-no-obsolete",
                "-source-language",
                "id",
                "-target-language",
                lang,
                "-ts",
                str(ts),
            ],
            check=True,
            capture_output=True,
        )


def compile_all(folder: Path = FOLDER) -> list[Path]:
    """Compile every ``.ts`` in ``folder`` to a ``.qm`` beside it (when out of date)."""
    out: list[Path] = []
    for ts in sorted(folder.glob("opscenter_*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run(
                [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
                check=True,
                capture_output=True,
            )
        out.append(qm)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="collect new strings first")
    args = parser.parse_args()
    if args.update:
        update_sources()
    for qm in compile_all():
        print(qm)


if __name__ == "__main__":
    main()
