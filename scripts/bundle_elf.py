"""The parts of a 64-bit little-endian ELF file that the bundle's size work needs (the
DT_NEEDED names, the loaded segments, the section and program headers), read here in Python
so that the build needs no extra tools besides ``strip``. Linux wheels are all of that kind.
Used by ``bundle_slim``, ``bundle_icu`` and ``bundle_numpy``.
"""

from __future__ import annotations

import os
import struct
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
