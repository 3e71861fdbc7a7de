"""Interface translations: Indonesian source strings, English in ``opscenter_en.ts``.

The ``.ts`` files are the source (kept in git); the ``.qm`` files Qt loads are compiled
from them with ``pyside6-lrelease`` by the set-up script and the bundle build, never
committed. ``python -m ui.translations`` compiles them; ``--update`` first collects new
strings from ``ui/`` with ``pyside6-lupdate`` (translations already made are kept).

``interface_language`` answers which language the process shows. Qt's translators cover
the interface's own strings; names from the operation's reference lists (statuses,
severities, stages...) come from the database, and the panels ask the core for them in
this language.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
LANGS = ("en",)
# The application property that holds the interface language ("id" when unset).
LANGUAGE_PROPERTY = "opscenter_lang"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` where it is data (a table of names)
    rather than a call; it is translated where shown, with that context. PySide6's own
    marker is typed as returning ``object``."""
    return text


def translator(context: str) -> Callable[[str], str]:
    """A module's ``_tr``: its strings translated in ``context``, Qt's name for where they
    belong (the class that shows them). Written ``_tr = translator("Ctx")``, the form
    ``update_sources`` finds for lupdate."""

    def tr(text: str) -> str:
        return QCoreApplication.translate(context, text)

    return tr


def set_interface_language(app: QCoreApplication, lang: str) -> None:
    """Record ``lang`` as the language of the process, where its translators are installed.

    The language is fixed for the life of the process (a change applies at the next
    start), so a panel may read it once, when it is built.
    """
    app.setProperty(LANGUAGE_PROPERTY, lang)


def interface_language() -> str:
    """The language the process shows: "en" or "id" (the source language, the default)."""
    app = QCoreApplication.instance()
    value = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return "en" if value == "en" else "id"


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found (it comes with PySide6)")
    return found


def _first_text(node: ast.AST, callee: str) -> str | None:
    """The string literal a call of ``callee`` (``callee(...)`` or ``x.callee(...)``) takes
    first; None for any other node."""
    if not isinstance(node, ast.Call) or not node.args:
        return None
    func, first = node.func, node.args[0]
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name == callee and isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def _helper_context(tree: ast.Module) -> str | None:
    """The context of a module's ``_tr = translator("Ctx")``."""
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and [getattr(t, "id", None) for t in node.targets] == ["_tr"]
            and (context := _first_text(node.value, "translator")) is not None
        ):
            return context
    return None


def _helper_stub(source: Path) -> str | None:
    """``source``'s ``_tr("...")`` calls spelled as ``QCoreApplication.translate`` calls
    that lupdate can read, each on the line of the original call (so locations stay right)."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    context = _helper_context(tree)
    if context is None:
        return None
    lines: dict[int, list[str]] = {}
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and (source_text := _first_text(call, "_tr")) is not None:
            text = f"QCoreApplication.translate({context!r}, {source_text!r})"
            lines.setdefault(call.lineno, []).append(text)
    if not lines:
        return None
    return "\n".join("; ".join(lines.get(n, [])) for n in range(1, max(lines) + 1)) + "\n"


def update_sources() -> None:
    sources = sorted((ROOT / "ui").glob("*.py"))
    with tempfile.TemporaryDirectory(prefix="lupdate-") as tmp:
        # lupdate cannot see through the modules' one-argument ``_tr`` helpers: it reads
        # stand-ins for them, whose locations are mapped back to the real files below.
        stubs: dict[str, str] = {}
        for source in sources:
            stub = _helper_stub(source)
            if stub is not None:
                path = Path(tmp) / source.name
                path.write_text(stub, encoding="utf-8")
                stubs[str(path)] = str(source)
        for lang in LANGS:
            ts = FOLDER / f"opscenter_{lang}.ts"
            subprocess.run(
                [
                    _tool("pyside6-lupdate"),
                    *map(str, sources),
                    *stubs,
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
            text = ts.read_text(encoding="utf-8")
            for stub_path, real_path in stubs.items():
                stub_rel = Path(os.path.relpath(stub_path, FOLDER)).as_posix()
                real_rel = Path(os.path.relpath(real_path, FOLDER)).as_posix()
                text = text.replace(f'filename="{stub_rel}"', f'filename="{real_rel}"')
            ts.write_text(text, encoding="utf-8")


def compile_all(folder: Path = FOLDER) -> list[Path]:
    """Compile every ``.ts`` in ``folder`` to a ``.qm`` beside it (when out of date): ours
    and ``qtbase_id.ts``, Qt's own strings in Indonesian, which Qt does not ship."""
    out: list[Path] = []
    for ts in sorted(folder.glob("*.ts")):
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
