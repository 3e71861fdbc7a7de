"""One rule for the short place names every crowded list shows (``ui.place_names``)."""

from __future__ import annotations

from ui.place_names import short_kecamatan, short_polres, short_region, short_unit


def test_a_kabupaten_is_kab_and_a_kota_keeps_its_name() -> None:
    assert short_region("Kabupaten Tanjung Jabung Barat") == "Kab. Tanjung Jabung Barat"
    assert short_region("Kota Jambi") == "Kota Jambi"
    assert short_region("Provinsi Jambi") == "Provinsi Jambi"


def test_a_kecamatan_drops_only_its_leading_word() -> None:
    assert short_kecamatan("Kecamatan Gunung Kerinci") == "Gunung Kerinci"
    assert short_kecamatan("Gunung Kerinci") == "Gunung Kerinci"
    assert short_kecamatan("Desa Kecamatan Lama") == "Desa Kecamatan Lama"


def test_a_unit_of_the_polda_drops_only_its_polda() -> None:
    assert short_unit("Sat Brimob Polda Jambi") == "Sat Brimob"
    assert short_unit("Biro dan Direktorat Polda Jambi") == "Biro dan Direktorat"
    assert short_unit("Polda Jambi") == "Polda Jambi"
    assert short_unit("Polres Kerinci") == "Polres Kerinci"


def test_a_polres_drops_its_word_and_a_polresta_keeps_it() -> None:
    assert short_polres("Polres Tanjung Jabung Barat") == "Tanjung Jabung Barat"
    assert short_polres("Polresta Jambi") == "Polresta Jambi"
