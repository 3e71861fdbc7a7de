"""Helpers for build.spec that make the Linux bundle smaller (issue 8).

Five steps, each checked, each falling back to the untouched file when its input is not
what it expects. Three work on the list of the bundle's libraries and are here:

* ``unreferenced``: shared libraries that nothing left in the bundle links to. PyInstaller
  collects the dependencies of every plugin and extension it finds; when build.spec then
  drops a plugin (the GTK theme, the eglfs platforms ...), its dependencies stay behind.
* ``share_copies``: libraries the bundle held twice, kept once (see there).
* ``strip_copy``: a copy of a library without its symbol table and debug sections. Some
  wheel libraries were rewritten by patchelf (auditwheel), and binutils' strip can then
  produce segments the loader refuses ("ELF load command address/offset not page-aligned",
  numpy's OpenBLAS); such results are detected and the original is kept.

The other two each have a module: ``bundle_icu.icu_subset`` (Qt Core's ICU data reduced to
the items Qt can ask for) and ``bundle_numpy.numpy_without_blas`` (numpy built from source
without OpenBLAS). Only ELF (Linux) files are touched, read by ``bundle_elf``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from bundle_elf import read_elf

# ------------------------------------------------------------------ unreferenced libraries


def unreferenced(toc: Iterable[tuple[str, str, str]], prunable: re.Pattern[str]) -> set[str]:
    """Destination names of the BINARY entries of ``toc`` that match ``prunable`` and
    that no other kept binary needs, directly or through another library.

    Everything else is a root: Python extension modules (EXTENSION), Qt plugins (loaded
    by path), libpython (loaded by the bootloader), libraries that Python code loads with
    ctypes. ``prunable`` should match only libraries that are there as dependencies.
    SYMLINK entries count as their target.
    """
    toc = list(toc)
    by_name: dict[str, list[str]] = {}  # file name -> destination names of binaries
    needs: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for dest, src, typecode in toc:
        dest = dest.replace("\\", "/")
        if typecode == "SYMLINK":
            target = os.path.normpath(os.path.join(os.path.dirname(dest), src))
            by_name.setdefault(os.path.basename(dest), []).append(target.replace("\\", "/"))
            continue
        if typecode not in ("BINARY", "EXTENSION", "EXECUTABLE"):
            continue
        by_name.setdefault(os.path.basename(dest), []).append(dest)
        kinds[dest] = typecode
        elf = read_elf(src)
        needs[dest] = elf.needed() if elf else []
    candidates = {d for d, kind in kinds.items() if kind == "BINARY" and prunable.search(d)}
    seen: set[str] = set()
    todo = [d for d in needs if d not in candidates]
    while todo:
        dest = todo.pop()
        if dest in seen:
            continue
        seen.add(dest)
        for name in needs.get(dest, []):
            todo.extend(by_name.get(name, []))
    return candidates - seen


def drop_unreferenced(
    binaries: list[tuple[str, str, str]], prunable: re.Pattern[str]
) -> tuple[list[tuple[str, str, str]], list[tuple[str, int]]]:
    """``binaries`` without the unreferenced libraries and the symlinks to them; also
    returns (name, bytes) of what was dropped."""
    gone = unreferenced(binaries, prunable)
    kept, dropped = [], []
    for dest, src, typecode in binaries:
        d = dest.replace("\\", "/")
        target = (
            os.path.normpath(os.path.join(os.path.dirname(d), src)).replace("\\", "/")
            if typecode == "SYMLINK"
            else d
        )
        if target in gone:
            if typecode != "SYMLINK":
                dropped.append((d, os.path.getsize(src)))
            continue
        kept.append((dest, src, typecode))
    return kept, dropped


# ------------------------------------------------------------------ shared copies


def _functions(path: str) -> set[str] | None:
    """The functions a library defines (``nm -D``), or None when nm cannot tell."""
    nm = shutil.which("nm")
    if nm is None:
        return None
    done = subprocess.run(
        [nm, "-D", "--defined-only", path], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return None
    return {
        f[2]
        for f in (line.split() for line in done.stdout.splitlines())
        if len(f) == 3 and f[1] == "T"
    }


def share_copies(
    binaries: list[tuple[str, str, str]], system_lib: Path = Path("/usr/lib/x86_64-linux-gnu")
) -> tuple[list[tuple[str, str, str]], list[tuple[str, int]]]:
    """Libraries the bundle held twice, kept once; also returns (name, bytes) saved.

    * OpenSSL: Python's ``_ssl`` and ``_hashlib`` bring the system's libcrypto.so.3 and
      libssl.so.3 (5.4 MB), and psycopg_binary brings its own newer OpenSSL 3 for libpq.
      OpenSSL keeps its ABI across 3.x, so the system's names become symbolic links to
      psycopg's copies: one OpenSSL in the process, loaded once (the loader knows a file
      it has already mapped). ``ssl`` itself must stay: psycopg_binary imports it.
    * libXau: Pillow's wheel vendors it rewritten by patchelf, 2.1 MB of padding around
      16 kB; the system's own build (the same functions) takes its place.

    Each is done only when both copies are there and, for libXau, the system's defines
    every function the wheel's does; otherwise the bundle keeps what it had.
    """
    by_dest = {d.replace("\\", "/"): (d, src, kind) for d, src, kind in binaries}
    replace: dict[str, tuple[str, str, str]] = {}
    saved: list[tuple[str, int]] = []
    for name in ("libcrypto", "libssl"):
        ours = by_dest.get(f"{name}.so.3")
        theirs = [
            d for d in by_dest if re.fullmatch(rf"psycopg_binary\.libs/{name}-[0-9a-f]+\.so\.3", d)
        ]
        if ours is not None and ours[2] != "SYMLINK" and len(theirs) == 1:
            replace[ours[0]] = (ours[0], theirs[0], "SYMLINK")
            saved.append((ours[0], os.path.getsize(ours[1])))
    xau = [d for d in by_dest if re.fullmatch(r"pillow\.libs/libXau-[0-9a-f]+\.so\.6[.\d]*", d)]
    system_xau = system_lib / "libXau.so.6"
    if len(xau) == 1 and system_xau.exists():
        dest, src, kind = by_dest[xau[0]]
        wanted, offered = _functions(src), _functions(str(system_xau))
        if wanted and offered is not None and wanted <= offered:
            real = str(system_xau.resolve())
            replace[dest] = (dest, real, kind)
            saved.append((dest, os.path.getsize(src) - os.path.getsize(real)))
    return [replace.get(d, (d, src, kind)) for d, src, kind in binaries], saved


# ------------------------------------------------------------------ strip


def strip_copy(src: str, cache: Path) -> str:
    """Path of a stripped copy of ``src`` in ``cache`` (made once), or ``src`` itself when
    stripping saves nothing or yields a file the loader would refuse."""
    strip = shutil.which("strip")
    elf = read_elf(src)
    if strip is None or elf is None:
        return src
    st = os.stat(src)
    out = cache / f"{Path(src).name}.{st.st_size}.{int(st.st_mtime)}"
    if out.exists():
        return str(out) if out.stat().st_size < st.st_size else src
    cache.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    done = subprocess.run(
        [strip, "--strip-unneeded", "-o", str(tmp), src], capture_output=True, check=False
    )
    stripped = read_elf(tmp) if done.returncode == 0 else None
    if stripped is None or not stripped.loads_aligned() or tmp.stat().st_size >= st.st_size:
        # Keep a marker of the same size so the next build does not try again.
        shutil.copyfile(src, out)
        tmp.unlink(missing_ok=True)
        return src
    os.replace(tmp, out)
    return str(out)
