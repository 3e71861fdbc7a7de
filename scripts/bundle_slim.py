"""Helpers for build.spec that make the Linux bundle smaller (issue 8).

Four steps, each checked, each falling back to the untouched file when its input is not
what it expects:

* ``numpy_without_blas``: numpy built from source without OpenBLAS (see there).
* ``unreferenced``: shared libraries that nothing left in the bundle links to. PyInstaller
  collects the dependencies of every plugin and extension it finds; when build.spec then
  drops a plugin (the GTK theme, the eglfs platforms ...), its dependencies stay behind.
* ``strip_copy``: a copy of a library without its symbol table and debug sections. Some
  wheel libraries were rewritten by patchelf (auditwheel), and binutils' strip can then
  produce segments the loader refuses ("ELF load command address/offset not page-aligned",
  numpy's OpenBLAS); such results are detected and the original is kept.
* ``icu_subset``: Qt Core's ICU data (libicudata, 32 MB) reduced to the items Qt can ask
  for, for the locales OpsCenter runs in. See ``icu_keep`` for what stays and why.

Only ELF (Linux) files are touched; the ELF reading is done here in Python (64-bit little
endian only, which is what the Linux wheels are) so that the build needs no extra tools
besides ``strip``.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from collections.abc import Iterable
from pathlib import Path

PT_LOAD, PT_DYNAMIC = 1, 2
DT_NEEDED, DT_STRTAB = 1, 5
SHT_SYMTAB, SHT_DYNSYM = 2, 11


class Elf:
    """The parts of a 64-bit little-endian ELF file these helpers need."""

    def __init__(self, data: bytes) -> None:
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            raise ValueError("not a 64-bit little-endian ELF file")
        self.data = data
        (self.type, _machine, _version, _entry, self.phoff, self.shoff, _flags, _ehsize,
         self.phentsize, self.phnum, self.shentsize, self.shnum, self.shstrndx,
         ) = struct.unpack_from("<HHIQQQIHHHHHH", data, 16)  # fmt: skip
        # (type, flags, offset, vaddr, paddr, filesz, memsz, align)
        self.phdrs = [
            list(struct.unpack_from("<IIQQQQQQ", data, self.phoff + i * self.phentsize))
            for i in range(self.phnum)
        ]
        # (name, type, flags, addr, offset, size, link, info, addralign, entsize)
        self.shdrs = [
            list(struct.unpack_from("<IIQQQQIIQQ", data, self.shoff + i * self.shentsize))
            for i in range(self.shnum)
        ]

    def offset_of(self, vaddr: int) -> int:
        for p_type, _f, off, addr, _pa, filesz, _m, _al in self.phdrs:
            if p_type == PT_LOAD and addr <= vaddr < addr + filesz:
                return vaddr - addr + off
        raise ValueError(f"address {vaddr:#x} is in no loaded segment")

    def cstring(self, offset: int) -> str:
        return self.data[offset : self.data.index(b"\0", offset)].decode()

    def needed(self) -> list[str]:
        """The DT_NEEDED names: the libraries the dynamic loader loads with this one."""
        dyn = [p for p in self.phdrs if p[0] == PT_DYNAMIC]
        if not dyn:
            return []
        entries = []
        off, size = dyn[0][2], dyn[0][5]
        for i in range(0, size, 16):
            tag, val = struct.unpack_from("<qQ", self.data, off + i)
            if tag == 0:
                break
            entries.append((tag, val))
        strtab_addr = next((v for t, v in entries if t == DT_STRTAB), None)
        if strtab_addr is None:
            return []
        strtab = self.offset_of(strtab_addr)
        return [self.cstring(strtab + v) for t, v in entries if t == DT_NEEDED]

    def loads_aligned(self) -> bool:
        """What glibc checks before mapping a segment: offset and address agree modulo
        the alignment (and the page size)."""
        for p_type, _f, off, addr, _pa, _fs, _ms, align in self.phdrs:
            if p_type != PT_LOAD:
                continue
            for unit in {max(align, 1), 4096}:
                if (addr - off) % unit:
                    return False
        return True


def read_elf(path: str | os.PathLike[str]) -> Elf | None:
    try:
        return Elf(Path(path).read_bytes())
    except (OSError, ValueError, struct.error, StopIteration):
        return None


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


# ------------------------------------------------------------------ ICU data

# Qt Core is the only user of ICU in the bundle (nothing else links libicu*), and it calls
# four families of functions (readelf --dyn-syms libQt6Core.so.6 | grep _73):
#   u_strToUpper/u_strToLower  case mapping: built into libicuuc, no data items;
#   ucol_*                     QCollator: coll/ (root, ucadata and the kept locales);
#   ucal_*                     QTimeZone ids and display names: zoneinfo64, metaZones,
#                              timezoneTypes, windowsZones, zone/ and locale data;
#   ucnv_*                     QStringConverter for non-Unicode encodings: cnvalias and the
#                              converter tables.
# Not reachable from those: break iteration (brkitr/, 3.4 MB: Qt breaks text with its own
# tables), transliteration, units, currency, language and region names, spell-out rules,
# character names (unames), StringPrep profiles and spoof checks (confusables).
ICU_DROP_TREES = {"brkitr", "translit", "unit", "curr", "lang", "region", "rbnf"}
ICU_DROP_FILES = re.compile(r"^(unames\.icu|confusables\.cfu|.*\.spp)$")
# Locale data: OpsCenter sets QLocale to Indonesian or English ("in" is ICU's alias of
# "id"); any other locale falls back to root, which stays.
ICU_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
ICU_KEEP_LOCALE = re.compile(r"^(root|pool|res_index|tzdbNames|(en|id|in)(_[A-Za-z0-9]+)*)\.res$")
# Converter tables: the single-byte ones (ISO-8859-x, windows-125x, DOS, Mac and EBCDIC
# code pages; 0.5 MB together) stay; the multi-byte Chinese, Japanese and Korean ones
# (4.6 MB) go. UTF-8/16/32, US-ASCII and Latin-1 are code, not tables.


def single_byte_converter(item: bytes) -> bool:
    """Whether a .cnv item converts a single-byte code page: its UConverterStaticData
    (after the data header) has maxBytesPerChar == 1."""
    header_size = struct.unpack_from("<H", item, 0)[0]
    # structSize (4), name (60), codepage (4), platform, conversionType, minBytesPerChar,
    # maxBytesPerChar (1 each)
    return item[header_size + 4 + 60 + 4 + 3] == 1


def icu_keep(name: str, item: bytes) -> bool:
    """Whether the item ``name`` (without the icudtNNl/ prefix) stays."""
    parts = name.split("/")
    base = parts[-1]
    if len(parts) == 2:
        tree = parts[0]
        if tree in ICU_DROP_TREES:
            return False
        if tree == "coll" and base == "ucadata.icu":
            return True
        return bool(ICU_KEEP_LOCALE.match(base))
    if base.endswith(".cnv"):
        return single_byte_converter(item)
    if ICU_DROP_FILES.match(base):
        return False
    if ICU_LOCALE.match(base):
        return bool(ICU_KEEP_LOCALE.match(base))
    return True  # supplemental data, normalization, properties, converter aliases


def icu_package_subset(blob: bytes) -> tuple[bytes, int, int]:
    """An ICU common-data package (the "CmnD" ToC format that icupkg reads and writes)
    with only the items ``icu_keep`` keeps; also returns the item counts before/after."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = blob[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        name = toc[name_off : toc.index(b"\0", name_off)].decode()
        items.append((name, toc[data_off:end]))
    prefix = items[0][0].split("/")[0] + "/"
    kept = [(n, d) for n, d in items if icu_keep(n[len(prefix) :], d)]
    # Same layout as icupkg: count, (name offset, data offset) pairs, names, then the
    # items 16-byte aligned; names stay sorted (ICU looks them up by binary search).
    names = b"".join(n.encode() + b"\0" for n, _ in kept)
    start = 4 + 8 * len(kept)
    data_start = (start + len(names) + 15) & ~15
    table, offsets, pos = [], [], data_start
    name_pos = start
    for n, d in kept:
        table.append(struct.pack("<II", name_pos, pos))
        name_pos += len(n.encode()) + 1
        offsets.append(pos)
        pos += (len(d) + 15) & ~15
    out = bytearray(blob[:header_size])
    out += struct.pack("<I", len(kept)) + b"".join(table) + names
    out += b"\0" * (header_size + data_start - len(out))
    for _, d in kept:
        out += d + b"\0" * (((len(d) + 15) & ~15) - len(d))
    return bytes(out), count, len(kept)


def icu_subset(src: str, dst: Path) -> str:
    """Write ``dst``, a copy of the libicudata ``src`` whose data package holds only the
    items ``icu_keep`` keeps, and return its path; return ``src`` if ``src`` does not have
    the layout of ICU's generated data library (one read-only segment holding the
    package at icudtNN_dat, followed by .dynamic and nothing that refers into it)."""
    try:
        return _icu_subset(src, dst)
    except (ValueError, StopIteration, struct.error) as exc:
        print(f"bundle_slim: {src} left whole: {exc}")
        return src


def _icu_subset(src: str, dst: Path) -> str:
    st = os.stat(src)
    stamp = dst.with_suffix(".from")
    source = f"{src} {st.st_size} {int(st.st_mtime)}"
    if dst.exists() and stamp.exists() and stamp.read_text() == source:
        return str(dst)
    data = Path(src).read_bytes()
    elf = Elf(data)
    dynsym = next(s for s in elf.shdrs if s[1] == SHT_DYNSYM)
    dynstr = elf.shdrs[dynsym[6]]
    symbol = None
    for i in range(dynsym[5] // 24):
        at = dynsym[4] + 24 * i
        name_off, _info, _other, _shndx, value, size = struct.unpack_from("<IBBHQQ", data, at)
        if re.fullmatch(r"icudt\d+_dat", elf.cstring(dynstr[4] + name_off)):
            symbol = (at, value, size)
    if symbol is None:
        raise ValueError("no icudtNN_dat symbol")
    _at, value, old_size = symbol
    rodata = next(s for s in elf.shdrs if s[3] == value)
    if rodata[4] != value or rodata[5] != old_size:
        raise ValueError("the data is not one section mapped at its file offset")
    end = value + old_size
    page = 4096
    package, before, after = icu_package_subset(data[value:end])
    # Everything after the package (.eh_frame, .dynamic, symbol tables, section headers)
    # moves down by a whole number of pages: offsets and addresses keep their alignment.
    delta = -((old_size - len(package)) // page) * page
    if delta == 0:
        return src
    new_size = old_size + delta

    # Refuse anything in the dynamic section that points past the package.
    dyn = next(p for p in elf.phdrs if p[0] == PT_DYNAMIC)
    for i in range(0, dyn[5], 16):
        tag, val = struct.unpack_from("<qQ", data, dyn[2] + i)
        if tag == 0:
            break
        pointer_tags = {3, 4, 5, 6, 7, 12, 13, 17, 23, 25, 26, 0x6FFFFEF5}
        if tag in pointer_tags and val >= value:
            raise ValueError(f"dynamic tag {tag:#x} points into or past the data")

    out = bytearray(data[:value]) + package + b"\0" * (new_size - len(package)) + data[end:]

    def shift(x: int) -> int:
        return x + delta if x >= end else x

    for i, (p_type, flags, off, addr, paddr, filesz, memsz, align) in enumerate(elf.phdrs):
        if off >= end:
            off, addr, paddr = off + delta, shift(addr), shift(paddr)
        elif off + filesz >= end and off <= value:
            if memsz != filesz:
                raise ValueError("the data segment has a .bss part")
            filesz, memsz = filesz + delta, memsz + delta
        at = elf.phoff + i * elf.phentsize
        struct.pack_into("<IIQQQQQQ", out, at, p_type, flags, off, addr, paddr, filesz,
                         memsz, align)  # fmt: skip
    for i, sh in enumerate(elf.shdrs):
        name, sh_type, flags, addr, off, size, link, info, align, entsize = sh
        if off == value and size == old_size:
            size = new_size
        elif off >= end:
            off, addr = off + delta, shift(addr)
        if sh_type in (SHT_SYMTAB, SHT_DYNSYM):
            for at in range(off, off + size, 24):
                n, inf, oth, ndx, val, sz = struct.unpack_from("<IBBHQQ", out, at)
                if val == value and sz == old_size:
                    sz = new_size
                elif val >= end:
                    val += delta
                struct.pack_into("<IBBHQQ", out, at, n, inf, oth, ndx, val, sz)
        at = elf.shoff + delta + i * elf.shentsize
        struct.pack_into("<IIQQQQIIQQ", out, at, name, sh_type, flags, addr, off, size, link,
                         info, align, entsize)  # fmt: skip
    struct.pack_into("<Q", out, 40, elf.shoff + delta)  # e_shoff

    check = Elf(bytes(out))
    if not check.loads_aligned() or check.needed() != elf.needed():
        raise ValueError("the rewritten library does not check out")
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(out)
    os.chmod(dst, 0o755)
    stamp.write_text(source)
    print(
        f"bundle_slim: {Path(src).name}: {before} -> {after} ICU data items, "
        f"{len(data) / 1e6:.1f} -> {len(out) / 1e6:.1f} MB"
    )
    return str(dst)


# ------------------------------------------------------------------ numpy without BLAS

# meson options of numpy's source build (numpy's meson.options):
NUMPY_SETUP_ARGS = (
    # No BLAS/LAPACK library: numpy's own lapack_lite serves numpy.linalg.
    "-Dblas=none",
    "-Dlapack=none",
    "-Dallow-noblas=true",
    # No extra code paths for newer CPUs (AVX2, AVX-512 ...) chosen at run time: the
    # baseline (SSE up to SSE3 on x86-64) only. The arrays pyqtgraph draws are a few
    # thousand points; the extra paths are 5 MB of machine code.
    "-Dcpu-dispatch=none",
)


def numpy_without_blas(version: str, cache: Path) -> Path | None:
    """A folder holding numpy ``version`` built from its source release with
    ``NUMPY_SETUP_ARGS``, made once per machine in ``cache``; None, with a message, if it
    cannot be built (no compiler, no package index).

    The registry wheels link numpy's core to OpenBLAS (libscipy_openblas64_, 25 MB, plus
    libgfortran and libquadmath, 3 MB), which the loader maps as soon as numpy is
    imported, so it cannot be left out of the bundle. pyqtgraph needs numpy for arrays and
    drawing, not for fast linear algebra. The build takes 5 to 8 minutes on two cores and
    needs a C/C++ compiler and the Python headers (present on the project's machines)
    and the package index (numpy's source release; meson-python, meson, Cython, ninja).
    """
    import hashlib
    import sys

    key = hashlib.sha256(" ".join(NUMPY_SETUP_ARGS).encode()).hexdigest()[:8]
    tag = f"cp{sys.version_info.major}{sys.version_info.minor}-{os.uname().machine}"
    target = cache / f"numpy-{version}-{tag}-{key}"
    stamp = target / ".complete"
    if stamp.exists():
        return target
    print(
        f"bundle_slim: building numpy {version} without BLAS into {target} "
        "(once per machine; 5 to 8 minutes)"
    )
    wheels = target.with_name(target.name + ".wheel")
    shutil.rmtree(wheels, ignore_errors=True)
    shutil.rmtree(target, ignore_errors=True)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    steps = [
        # --no-cache-dir: pip's wheel cache does not tell builds with other options apart.
        [*pip, "wheel", f"numpy=={version}", "--no-binary", "numpy", "--no-deps",
         "--no-cache-dir", "--wheel-dir", str(wheels),
         *(f"-Csetup-args={arg}" for arg in NUMPY_SETUP_ARGS)],
        [*pip, "install", "--no-deps", "--no-index", "--find-links", str(wheels),
         "--target", str(target), f"numpy=={version}"],
    ]  # fmt: skip
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(
                f"bundle_slim: WARNING: numpy without BLAS could not be built; the bundle "
                f"keeps the wheel's numpy with OpenBLAS (33 MB more).\n{' '.join(step)}\n"
                f"{done.stdout[-2000:]}{done.stderr[-3000:]}"
            )
            return None
    core = [read_elf(p) for p in (target / "numpy" / "_core").glob("_multiarray_umath*")]
    if (
        list(target.glob("numpy*.libs"))
        or len(core) != 1
        or core[0] is None
        or any("blas" in name or "lapack" in name for name in core[0].needed())
    ):
        print(f"bundle_slim: WARNING: {target} is not a BLAS-free numpy; not used")
        return None
    shutil.rmtree(wheels, ignore_errors=True)
    stamp.write_text(version)
    return target
