"""Place names as a crowded list shows them, one rule for every list: "Kab. Kerinci" for
"Kabupaten Kerinci" (a kota keeps its "Kota"), and a kecamatan without its "Kecamatan " where
its column or the row above it says what it is. Lists that shorten a name say it whole in the
row's tooltip."""

from __future__ import annotations


def short_region(name: str) -> str:
    """ "Kabupaten Kerinci" as the lists show it: "Kab. Kerinci"."""
    return name.replace("Kabupaten ", "Kab. ", 1)


def short_kecamatan(name: str) -> str:
    """ "Kecamatan Gunung Kerinci" under a heading that says kecamatan: "Gunung Kerinci"."""
    return name.removeprefix("Kecamatan ")
