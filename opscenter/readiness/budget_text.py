"""The budget as a sentence writes it: rupiah amounts (whole rupiah, Indonesian or English
digit grouping) and the budget sources' names."""

from __future__ import annotations

from collections.abc import Mapping

# A source in a sentence, (Indonesian, English).
SOURCE_NAMES: Mapping[str, tuple[str, str]] = {
    "dipa": ("DIPA", "DIPA"),
    "hibah": ("hibah daerah", "regional grant"),
    "lain": ("sumber lain", "other source"),
}


def rupiah_text(amount: int, lang: str = "id") -> str:
    """Rp25.000.000.000 (Indonesian) or Rp25,000,000,000 (English)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", "," if lang == "en" else ".")


class Rupiah(int):
    """An amount in an error's data: a sentence writes ``{pagu:id}`` as Rp1.500.000 and
    ``{pagu:en}`` as Rp1,500,000; any other format is the plain number's."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        if spec in ("id", "en"):
            return rupiah_text(int(self), spec)
        return int(self).__format__(spec)


def source_name(source: str, lang: str = "id") -> str:
    """A budget source as people say it (DIPA, hibah daerah, sumber lain)."""
    pair = SOURCE_NAMES.get(source, (source, source))
    return pair[1] if lang == "en" else pair[0]
