"""The chosen sarpras category's own forms in the readiness lists dialog
(``ui.readiness_lists_dialog``), beside the forms every list has: its group, measure and
whether its stock counts ammunition (``KindForm``, under the list), and its requirement rule,
quantity per count of a basis, read back as a sentence as it is typed (``RuleForm``).

Each form shows the chosen category as stored, and keeps what is typed while the same
category and version stay chosen; it is off while none is. The dialog saves them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from opscenter.model.readiness import RULE_BASES, SARPRAS_GROUPS
from opscenter.readiness.sarpras import Category
from ui import theme
from ui.form_parts import field
from ui.readiness_lists_models import CategoryRow, basis_names, group_names, rule_sentence
from ui.reference_list_page import ListPage
from ui.translations import translator

_tr = translator("ReadinessListsDialog")


def group_box(parent: QWidget, name: str) -> QComboBox:
    """A box named ``name`` choosing a sarpras group (by its name; its code is the data)."""
    box = QComboBox(parent)
    box.setObjectName(name)
    names = group_names()
    for code in SARPRAS_GROUPS:
        box.addItem(names[code], code)
    return box


class CategoryForm(QGroupBox):
    """A form on the chosen category of ``page`` (the categories' list)."""

    def __init__(self, title: str, page: ListPage) -> None:
        super().__init__(title, page)
        self.page = page
        self._key: tuple[int, int] | None = (-1, -1)  # the category (id, version) shown
        self.setEnabled(False)  # until a category is read and chosen

    def category(self) -> Category | None:
        row = self.page.current()
        return row.category if isinstance(row, CategoryRow) else None

    def show_chosen(self) -> None:
        """On only while a category is chosen; the chosen one as stored when it is not the
        category and version shown (what is typed stays for the same)."""
        row = self.page.current()
        key = (row.item.id, row.item.version) if isinstance(row, CategoryRow) else None
        self.setEnabled(key is not None)
        if key != self._key and isinstance(row, CategoryRow):
            self.fill(row.category)
        self._key = key

    def fill(self, c: Category) -> None:
        raise NotImplementedError


class KindForm(CategoryForm):
    """The chosen category's group, measure and ammunition flag, changed in place."""

    def __init__(self, page: ListPage) -> None:
        super().__init__(_tr("Kelompok dan ukuran kategori terpilih"), page)
        self.start: tuple[str, str, bool] = ("", "", False)
        self.group = group_box(self, "kindGroup")
        self.measure = field(self, "kindMeasure", hint=_tr("unit, buah, pucuk …"), window_undo=True)
        self.ammunition = QCheckBox(_tr("Mencatat jumlah amunisi"), self)
        self.ammunition.setObjectName("kindAmmunition")
        self.ammunition.setToolTip(
            _tr("Tidak dapat dilepas selama data sarpras kategori ini berisi jumlah amunisi.")
        )
        # "Catat": the letters of "Simpan kelompok" are all taken on this page.
        self.button = QPushButton(_tr("&Catat kelompok dan ukuran"), self)
        self.button.setObjectName("saveKind")
        # Under the list (it gives up the height): the forms beside it fill a laptop screen.
        fields = QHBoxLayout()
        for text, edit in ((_tr("Kelompok"), self.group), (_tr("dalam"), self.measure)):
            label = QLabel(text, self)
            label.setBuddy(edit)
            fields.addWidget(label)
            fields.addWidget(edit, 1)
        below = QHBoxLayout()
        below.addWidget(self.ammunition, 1)
        below.addWidget(self.button)
        column = QVBoxLayout(self)
        column.addLayout(fields)
        column.addLayout(below)

    def fill(self, c: Category) -> None:
        self.start = (c.group, c.measure, c.has_ammunition)
        self.group.setCurrentIndex(self.group.findData(c.group))
        self.measure.setText(c.measure)
        self.ammunition.setChecked(c.has_ammunition)

    def now(self) -> tuple[str, str, bool]:
        return (str(self.group.currentData()), self.measure.text(), self.ammunition.isChecked())

    def changed(self) -> bool:
        group, measure, ammunition = self.now()
        start = self.start
        return self.isEnabled() and (group, measure.strip(), ammunition) != (
            start[0],
            start[1].strip(),
            start[2],
        )


class RuleForm(CategoryForm):
    """The chosen category's requirement rule, its sentence following what is typed."""

    def __init__(self, page: ListPage) -> None:
        super().__init__(_tr("Aturan kebutuhan kategori terpilih"), page)
        self.start: tuple[str | None, int, int] = (None, 1, 1)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("ruleQuantity")
        self.quantity.setRange(0, 100_000)
        self.per = QSpinBox(self)
        self.per.setObjectName("rulePer")
        self.per.setRange(1, 100_000)
        self.basis = QComboBox(self)
        self.basis.setObjectName("ruleBasis")
        # Not as wide as its widest choice: that width came out of the list beside it.
        self.basis.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.basis.setMinimumContentsLength(14)
        for code, name in basis_names().items():
            if code in (None, *RULE_BASES):
                self.basis.addItem(name, code)
        row = QHBoxLayout()
        for text, edit in (
            (_tr("&Jumlah"), self.quantity),
            (_tr("p&er"), self.per),
            (None, self.basis),
        ):
            if text is not None:
                label = QLabel(text, self)
                label.setBuddy(edit)
                row.addWidget(label)
            row.addWidget(edit, 1 if text is None else 0)
        self.sentence = QLabel(self)
        self.sentence.setObjectName("ruleSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.button = QPushButton(_tr("Sim&pan aturan"), self)
        self.button.setObjectName("saveRule")
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addWidget(self.sentence)
        column.addWidget(self.button)
        for spin in (self.quantity, self.per):
            spin.valueChanged.connect(lambda _v: self.typed())
        self.basis.currentIndexChanged.connect(lambda _i: self.typed())

    def typed(self) -> None:
        c = self.category()
        name = c.name if c is not None else "…"
        basis = self.basis.currentData()
        self.per.setEnabled(basis not in (None, "unit"))
        self.quantity.setEnabled(basis is not None)
        self.sentence.setText(rule_sentence(basis, self.quantity.value(), self.per.value(), name))

    def show_chosen(self) -> None:
        super().show_chosen()
        self.typed()

    def fill(self, c: Category) -> None:
        self.start = (c.rule_basis, c.rule_quantity, c.rule_per)
        self.basis.setCurrentIndex(self.basis.findData(c.rule_basis))
        self.quantity.setValue(c.rule_quantity)
        self.per.setValue(c.rule_per)

    def now(self) -> tuple[str | None, int, int]:
        return (self.basis.currentData(), self.quantity.value(), self.per.value())

    def changed(self) -> bool:
        return self.isEnabled() and self.now() != self.start
