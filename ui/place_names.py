"""Place names as a crowded list shows them, one rule for every list: "Kab. Kerinci" for
"Kabupaten Kerinci" (a kota keeps its "Kota"), a kecamatan without its "Kecamatan " where
its column or the row above it says what it is, and a unit of the Polda without its Polda in
a window that is the Polda's, and a Polres without its "Polres " under a heading that says
Polres. Lists that shorten a name say it whole in the row's tooltip."""

from __future__ import annotations

import re

# " Polda Jambi" at the end of a unit's name, after the unit's own words.
_OF_THE_POLDA = re.compile(r"(?<=\S) Polda \S.*$")


def short_region(name: str) -> str:
    """ "Kabupaten Kerinci" as the lists show it: "Kab. Kerinci"."""
    return name.replace("Kabupaten ", "Kab. ", 1)


def short_kecamatan(name: str) -> str:
    """ "Kecamatan Gunung Kerinci" under a heading that says kecamatan: "Gunung Kerinci"."""
    return name.removeprefix("Kecamatan ")


def short_unit(name: str) -> str:
    """ "Sat Brimob Polda Jambi" in a window over Polda Jambi's operation: "Sat Brimob"
    ("Polda Jambi" itself and "Polres Kerinci" stay as they are)."""
    return _OF_THE_POLDA.sub("", name)


def short_polres(name: str) -> str:
    """ "Polres Tanjung Jabung Barat" under a heading that says Polres: "Tanjung Jabung Barat"
    ("Polresta Jambi" keeps its name: it is not a Polres by that word)."""
    return name.removeprefix("Polres ")
