"""Qt Core's ICU data (libicudata, 32 MB) reduced to the items Qt can ask for, for the
locales OpsCenter runs in, for build.spec (issue 8). See ``icu_keep`` for what stays and why;
``icu_subset`` rewrites the data library and falls back to the untouched file when it does not
have the layout it expects.
"""

from __future__ import annotations

import os
import re
import struct
from pathlib import Path

from bundle_elf import PT_DYNAMIC, SHT_DYNSYM, SHT_SYMTAB, Elf

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
