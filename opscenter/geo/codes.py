"""The Kemendagri code list (resources/geo/wilayah.csv.gz): every region's code and name."""

from __future__ import annotations

import csv
import gzip
import io
from functools import cache

from opscenter.geo.shapes import level_of
from opscenter.resources import resources_dir

CODES_FILE = "wilayah.csv.gz"


@cache
def official_names() -> dict[str, str]:
    """Code -> name as the list writes it ("15.01": "Kabupaten Kerinci", "15.01.01":
    "Gunung Raya"), for all 91,599 regions, read once."""
    raw = gzip.decompress((resources_dir() / "geo" / CODES_FILE).read_bytes())
    rows = csv.reader(io.StringIO(raw.decode("utf-8")))
    next(rows)  # kode,nama
    return {code: name for code, name in rows}


@cache
def _by_parent() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for code, name in sorted(official_names().items()):
        parent = code.rpartition(".")[0]
        out.setdefault(parent, []).append((code, name))
    return out


def children(code: str) -> list[tuple[str, str]]:
    """The regions directly under a code, (code, listed name), in code order."""
    return list(_by_parent().get(code, ()))


def region_name(code: str, listed: str) -> str:
    """A region's name as written officially, from its listed name: "Kecamatan Gunung Raya",
    "Desa Lempur Tengah", "Kelurahan Telanaipura" (a desa code whose serial begins with 1 is a
    kelurahan), "Provinsi Jambi"; kabupaten/kota are listed with their kind already."""
    level = level_of(code)
    if level == "provinsi":
        return f"Provinsi {listed}"
    if level == "kecamatan":
        return f"Kecamatan {listed}"
    if level == "desa":
        kind = "Kelurahan" if code.rsplit(".", 1)[1].startswith("1") else "Desa"
        return f"{kind} {listed}"
    return listed
