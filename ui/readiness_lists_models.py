"""What the readiness lists dialog (``ui.readiness_lists_dialog``) reads and shows: the
aspects and the sarpras categories with how many rows use each (``read_lists``), their
tables (``AspectsModel``, ``CategoriesModel``) and the words for their codes: the data an
aspect's level comes from, a category's group, a rule's basis, and a requirement rule read
back as a sentence (``rule_sentence``: "1 HT per regu pengamanan TPS").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from opscenter.model.readiness import SarprasCategory
from opscenter.readiness import aspects, sarpras
from opscenter.readiness.aspects import AspectRow
from opscenter.readiness.sarpras import Category
from opscenter.reference_lists import ListItem, as_item, uses
from opscenter.store import Store
from ui.reference_list_page import ItemsModel
from ui.translations import translator

_tr = translator("ReadinessListsDialog")


@dataclass(frozen=True, slots=True)
class CategoryRow:
    """A category as its list shows it (read in Indonesian: ``item.name`` is the stored
    Indonesian name) and how many stock rows refer to it."""

    item: ListItem
    category: Category
    uses: int


@dataclass(frozen=True, slots=True)
class ListsRead:
    aspects: tuple[AspectRow, ...]
    categories: tuple[CategoryRow, ...]


def read_lists(store: Store, operation_id: int) -> ListsRead:
    with store.read() as s:
        cats = tuple(
            CategoryRow(
                as_item(c),
                c,
                sum(n for _t, n in uses(s, SarprasCategory, c.id)),
            )
            for c in sarpras.categories(s, operation_id, "id")
        )
        return ListsRead(aspects.aspect_rows(s, operation_id), cats)


def evidence_names() -> dict[str | None, str]:
    return {
        "personel": _tr("kekuatan personel"),
        "sarpras": _tr("sarpras terhadap kebutuhan"),
        "anggaran": _tr("pagu terhadap kebutuhan"),
        None: _tr("penilaian dan temuan saja"),
    }


def group_names() -> dict[str, str]:
    return {
        "kendaraan": _tr("Kendaraan"),
        "komunikasi": _tr("Komunikasi"),
        "dalmas": _tr("Dalmas"),
        "teknologi": _tr("Teknologi"),
        "senjata": _tr("Senjata api"),
        "posko": _tr("Posko"),
    }


def basis_names() -> dict[str | None, str]:
    return {
        None: _tr("tanpa kebutuhan"),
        "team": _tr("regu pengamanan TPS"),
        "tps_kec": _tr("TPS di tiap kecamatan"),
        "kecamatan": _tr("kecamatan"),
        "personel": _tr("personel pengamanan TPS"),
        "unit": _tr("satuan (Polda, Polres, Polresta)"),
    }


def rule_sentence(basis: str | None, quantity: int, per: int, name: str) -> str:
    """A requirement rule read back: "1 HT per regu pengamanan TPS", "1 Kendaraan roda 2
    per 10 TPS di tiap kecamatan"."""
    if basis is None:
        return _tr("Tanpa aturan: kebutuhan {name} tidak dihitung.").format(name=name)
    what = basis_names()[basis]
    if basis == "unit" or per == 1:
        return _tr("{quantity} {name} per {what}").format(quantity=quantity, name=name, what=what)
    return _tr("{quantity} {name} per {per} {what}").format(
        quantity=quantity, name=name, per=per, what=what
    )


class AspectColumn(IntEnum):
    CODE = 0
    NAME = 1
    NAME_EN = 2
    EVIDENCE = 3
    USES = 4


class AspectsModel(ItemsModel[AspectRow]):
    columns = AspectColumn

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Kode"), ""),
            (_tr("Nama"), ""),
            (_tr("Inggris"), _tr("Nama dalam bahasa Inggris")),
            (_tr("Tingkat dari data"), _tr("Data yang menurunkan tingkat kesiapannya")),
            (_tr("Dipakai"), _tr("Penilaian dan temuan pada aspek ini")),
        )

    def is_text(self, column: int) -> bool:
        return column != AspectColumn.USES

    def value(self, row: AspectRow, column: int) -> str | int:
        if column == AspectColumn.EVIDENCE:
            return evidence_names().get(row.evidence, row.evidence or "")
        return super().value(row, column)


class CategoryColumn(IntEnum):
    GROUP = 0
    CODE = 1
    NAME = 2
    MEASURE = 3
    RULE = 4
    USES = 5


class CategoriesModel(ItemsModel[CategoryRow]):
    columns = CategoryColumn

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Kelompok"), ""),
            (_tr("Kode"), ""),
            (_tr("Nama"), ""),
            (_tr("Ukuran"), ""),
            (_tr("Aturan"), _tr("Aturan kebutuhan")),
            (_tr("Dipakai"), _tr("Baris sarpras satuan pada kategori ini")),
        )

    def is_text(self, column: int) -> bool:
        return column != CategoryColumn.USES

    def value(self, row: CategoryRow, column: int) -> str | int:
        c = row.category
        if column == CategoryColumn.GROUP:
            return group_names().get(c.group, c.group)
        if column == CategoryColumn.MEASURE:
            return c.measure
        if column == CategoryColumn.RULE:
            # In the list the name stands beside it: "1 unit per 10 TPS di tiap kecamatan"
            # (the whole sentence, name and all, squeezed both columns at 1366 px).
            if c.rule_basis is None:
                return basis_names()[None]
            return rule_sentence(c.rule_basis, c.rule_quantity, c.rule_per, c.measure)
        return super().value(row, column)

    def extra(self, row: CategoryRow, column: int, role: int) -> Any:
        c = row.category
        if role == Qt.ItemDataRole.ToolTipRole and column == CategoryColumn.NAME:
            return c.name_en
        if role == Qt.ItemDataRole.ToolTipRole and column == CategoryColumn.RULE:
            return rule_sentence(c.rule_basis, c.rule_quantity, c.rule_per, c.name)
        return None
