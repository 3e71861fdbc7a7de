"""The pieces every form and dialog builds alike: the refusal line, fields, dates, buttons.

``error_label`` is where a refused input says why, in one sentence: red, bold, plain text
(names in it are typed by people), wrapped, hidden until there is something to say. It is a
``WrappedLine``: the window grows by the lines the sentence wraps onto, rather than laying
the fields above it over one another.
``field`` is a named line edit (tests find it by name), with an example as its hint, an
amount's figures to the right, dots for a password. It is a ``Line``: in a form whose saves
go on the window's undo history (``window_undo``), Ctrl+Z straight after a save takes the
save back rather than bringing the saved text back into the emptied line.
``save_cancel`` is the row that ends a form: Enter in any field presses the first button,
Esc or the second one cancels. ``focus_field`` puts the cursor in the field a refusal names
(the core's ``InvalidValue(field=…)``), its text selected to be typed over.

The readiness forms (``ui.visits_forms``, ``ui.budget_dialog``) build from the rest: a
date field that is one Tab stop (``date_edit``, read back by ``picked``; ``qdate`` and
``day_text`` for a ``date``), a note box (``text_box``), a tab's form (``form_page``), and
the buttons of a form that adds a row or changes the chosen one (``change_buttons``). Any
form makes a named button with ``push_button`` and lines buttons up with ``button_row``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QSize, Qt, QTime
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.tab_order import OneStopDateTimeEdit
from ui.translations import translator

_tr = translator("FormParts")

ERROR_STYLE = f"color: {theme.DEFICIT.name()}; font-weight: bold;"


class WrappedLine(QLabel):
    """A word-wrapped label whose minimum height is that of its text at the width it has.

    A word-wrapped ``QLabel`` asks for the height of its text at about 80 characters: one
    line for a sentence the width of a dialog. A window counts only minimum heights (Qt
    leaves height-for-width out of a window's minimum size), so a refusal that wraps onto a
    second line did not make the dialog taller: its layout squeezed the rows above below
    their own minimum and a fixed-height note box lay over the label under it (the readiness
    form, walk 35 defect 1). Once its layout has given it a width, the label asks for the
    lines its text takes at that width, and asks again when the width changes."""

    def minimumSizeHint(self) -> QSize:
        least = super().minimumSizeHint()
        if self.testAttribute(Qt.WidgetAttribute.WA_Resized) and self.text():
            # Placed by its layout: the width is the one it is drawn at.
            least.setHeight(max(least.height(), self.heightForWidth(self.width())))
        return least

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # another width, maybe another number of lines


def error_label(parent: QWidget, name: str = "", *, boxed: bool = False) -> QLabel:
    """A hidden label for a refusal; ``boxed`` sets it on the alert background, for a
    sentence that stands alone under a form rather than next to its field."""
    label = WrappedLine(parent)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    boxed_style = f" background: {theme.ALERT_BG.name()}; padding: 8px;" if boxed else ""
    label.setStyleSheet(ERROR_STYLE + boxed_style)
    label.hide()
    return label


class Line(QLineEdit):
    """A line edit. With ``window_undo`` (a form whose saves go on the window's undo
    history), Ctrl+Z and Ctrl+Y undo and redo those saves while the line holds nothing of
    its own to undo, and ``clear`` (after a save) leaves it nothing, so Ctrl+Z straight
    after a save takes the save back; with text typed they edit the text, as in any line.
    Without it (a line whose save is not on the history, such as an incident's follow-up in
    the main window, whose Ctrl+Z undoes other writes) it is a plain line edit."""

    def __init__(self, parent: QWidget | None = None, *, window_undo: bool = False) -> None:
        super().__init__(parent)
        self.window_undo = window_undo

    def event(self, event: QEvent) -> bool:
        if (
            self.window_undo
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and not self.isUndoAvailable()
            and not self.isRedoAvailable()
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()  # not the line's: the window's undo shortcut takes it
            return True
        return super().event(event)

    def clear(self) -> None:
        """Empty the line; with ``window_undo`` forget what was typed too (``setText``
        resets the line's own undo history; ``QLineEdit.clear`` keeps it for Ctrl+Z)."""
        if self.window_undo:
            self.setText("")
        else:
            super().clear()


def field(
    parent: QWidget,
    name: str,
    *,
    hint: str = "",
    figures: bool = False,
    secret: bool = False,
    window_undo: bool = False,
) -> Line:
    """A line edit named ``name``: ``hint`` is its placeholder (what to type, "mis. …"),
    ``figures`` aligns an amount to the right, ``secret`` shows dots for what is typed,
    ``window_undo`` leaves Ctrl+Z to the form's undo history (``Line``)."""
    edit = Line(parent, window_undo=window_undo)
    edit.setObjectName(name)
    if hint:
        edit.setPlaceholderText(hint)
    if figures:
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def save_cancel(
    parent: QWidget, save: str, cancel: str
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """The button row, its default (accept) button and its cancel (reject) button; the
    caller connects ``accepted`` and ``rejected``."""
    buttons = QDialogButtonBox(parent)
    save_button = buttons.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    save_button.setDefault(True)  # Enter in any field presses it
    save_button.setAutoDefault(True)
    cancel_button = buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    cancel_button.setAutoDefault(False)
    return buttons, save_button, cancel_button


def focus_field(fields: Mapping[str, QWidget], key: object) -> QWidget | None:
    """The cursor into the field named ``key`` (a refusal's ``data["field"]``), what is
    typed in it selected, so the correction replaces it; None when no field of ``fields``
    has that name (the cursor then stays where it is)."""
    widget = fields.get(str(key or ""))
    if widget is None:
        return None
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    edit = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    if isinstance(edit, QLineEdit):
        edit.selectAll()
    return widget


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def put_instant(edit: QDateTimeEdit, value: datetime, zone: tzinfo) -> None:
    """Show ``value`` (aware) in ``edit`` as the minute it is on the clocks of ``zone`` (the
    operation's: WIB, WITA or WIT)."""
    local = value.astimezone(zone)
    edit.setDateTime(
        QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    )


def typed_instant(edit: QDateTimeEdit, zone: tzinfo) -> datetime:
    """The minute typed in ``edit``, read on the clocks of ``zone``: an aware time."""
    d, t = edit.date(), edit.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=zone)


def picked(edit: QDateTimeEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def date_edit(parent: QWidget, name: str, value: date) -> QDateTimeEdit:
    """A date field that is one Tab stop (its day, month and year by Left/Right)."""
    edit = OneStopDateTimeEdit(qdate(value), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit


def day_text(locale: QLocale, value: date | None) -> str:
    return locale.toString(qdate(value), "d MMM yyyy") if value is not None else "\u2014"


def text_box(parent: QWidget, name: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().height() * lines + 12)
    return box


def form_page(parent: QWidget) -> tuple[QWidget, QFormLayout]:
    """A tab's form, its rows at the top."""
    page = QWidget(parent)
    column = QVBoxLayout(page)
    form = QFormLayout()
    column.addLayout(form)
    column.addStretch(1)
    return page, form


def push_button(parent: QWidget, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    """A button named ``name`` (tests find it by name) that runs ``slot`` when pressed."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """``buttons`` side by side, in reading order."""
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    return row


@dataclass(frozen=True, slots=True)
class ChangeButtons:
    """What a form that adds a row or changes the chosen one shows of its mode: its tab's
    title, a line naming the row changed, its save button's text, and Ubah terpilih /
    (new) baru, one at a time, beside Hapus terpilih."""

    page: int
    titles: tuple[str, str]  # the tab's title: adding, changing
    saves: tuple[str, str]  # the save button's text: adding, changing
    mode: QLabel
    save: QPushButton
    edit: QPushButton
    new: QPushButton
    remove: QPushButton

    def show(self, forms: QTabWidget, changing: str | None) -> None:
        """``changing`` names the row whose change the form holds; None: adding."""
        editing = changing is not None
        forms.setTabText(self.page, self.titles[editing])
        self.mode.setText(changing or "")
        self.mode.setVisible(editing)
        self.save.setText(self.saves[editing])
        self.edit.setVisible(not editing)
        self.new.setVisible(editing)


def change_buttons(
    page: QWidget,
    form: QFormLayout,
    index: int,
    name: str,
    slots: tuple[Callable[[], None], Callable[[], None], Callable[[], None], Callable[[], None]],
    texts: tuple[str, str, str, str],
    tips: tuple[str, str, str],
) -> ChangeButtons:
    """The mode line (first in ``form``), the save button and the row of Ubah terpilih,
    (new) baru and Hapus terpilih (last) of the form on tab ``index``. ``name`` is the
    row's object-name stem ("Visit"); ``slots`` what save, Ubah terpilih, (new) baru and
    Hapus terpilih do; ``texts`` the tab title and save text when adding,
    then the tab title when changing and the (new) baru text; ``tips`` of the three."""
    mode = QLabel(page)
    mode.setWordWrap(True)
    mode.setTextFormat(Qt.TextFormat.PlainText)
    mode.setStyleSheet("font-weight: bold;")
    mode.hide()
    form.insertRow(0, mode)
    save = push_button(page, texts[1], "add" + name, slots[0])
    form.addRow(save)
    made = []
    for text, stem, tip, slot in zip(
        (_tr("U&bah terpilih"), texts[3], _tr("&Hapus terpilih")),
        ("edit", "new", "remove"),
        tips,
        slots[1:],
        strict=True,
    ):
        button = push_button(page, text, stem + name, slot)
        button.setToolTip(tip)
        made.append(button)
    form.addRow(button_row(*made))
    return ChangeButtons(
        index,
        (texts[0], texts[2]),
        (texts[1], _tr("Simpan perubaha&n")),
        mode,
        save,
        *made,
    )
