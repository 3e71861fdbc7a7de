"""Every action of the main window, defined once: its text, its keys, its menu.

``ACTIONS`` is the one registry. The main window and each feature's menu (``data_menu``,
``sitrep_menu``, ``planning_menu``, ``audit_menu``...) take their ``QAction`` from here
(``create``) and only connect what it does; Bantuan > Pintasan keyboard and the manual list
the keys from the same registry (``shortcut_rows``), so the list cannot drift from the keys.

The Indonesian text is the source; its English is in ``resources/translations`` under the
context ``Actions`` (like every other string of the interface; ``QT_TRANSLATE_NOOP`` marks
each for ``pyside6-lupdate``).

Every shortcut is window-wide (``Qt.ShortcutContext.WindowShortcut``): it works whatever
has the focus in the main window (a list, a form field, the board). No panel keeps a
shortcut of its own for the same keys: Qt fires neither of two shortcuts that are both
active for the same key. Windows and dialogs opened from the main window close with Esc
and Ctrl+W (``close_keys``), asking first where typed input would be lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QWidget

from ui.translations import QT_TRANSLATE_NOOP, translator

CONTEXT = "Actions"


_tr = translator("Actions")


@dataclass(frozen=True)
class ActionSpec:
    """One action: ``name`` is its object name; ``menu`` the Indonesian title of the menu
    it sits in (the shortcut list groups by it); ``keys`` in portable text ("Ctrl+N")."""

    name: str
    menu: str
    text: str
    keys: tuple[str, ...] = ()


# Menu titles as the main window spells them (with their mnemonics).
FILE, EDIT, VIEW, DATA, REPORT, PLANNING, ADMIN, HELP = (
    QT_TRANSLATE_NOOP("Actions", "&Berkas"),
    QT_TRANSLATE_NOOP("Actions", "&Ubah"),
    QT_TRANSLATE_NOOP("Actions", "&Tampilan"),
    QT_TRANSLATE_NOOP("Actions", "&Data"),
    QT_TRANSLATE_NOOP("Actions", "&Laporan"),
    QT_TRANSLATE_NOOP("Actions", "&Perencanaan"),
    QT_TRANSLATE_NOOP("Actions", "&Admin"),
    QT_TRANSLATE_NOOP("Actions", "Ba&ntuan"),
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("connectionAction", FILE, QT_TRANSLATE_NOOP("Actions", "&Sambungan basis data…")),
    # Explicit: QKeySequence.Quit is empty on Windows, where most workstations run.
    ActionSpec("quitAction", FILE, QT_TRANSLATE_NOOP("Actions", "&Keluar"), ("Ctrl+Q",)),
    ActionSpec("undoAction", EDIT, QT_TRANSLATE_NOOP("Actions", "&Urungkan"), ("Ctrl+Z",)),
    ActionSpec(
        "redoAction", EDIT, QT_TRANSLATE_NOOP("Actions", "U&langi"), ("Ctrl+Shift+Z", "Ctrl+Y")
    ),
    ActionSpec(
        "newIncidentAction", EDIT, QT_TRANSLATE_NOOP("Actions", "Kejadian &baru…"), ("Ctrl+N",)
    ),
    ActionSpec(
        "followUpAction", EDIT, QT_TRANSLATE_NOOP("Actions", "&Tambah tindak lanjut"), ("Ctrl+T",)
    ),
    ActionSpec(
        "unitStatusAction", EDIT, QT_TRANSLATE_NOOP("Actions", "Ubah &status satuan…"), ("F2",)
    ),
    ActionSpec("findAction", EDIT, QT_TRANSLATE_NOOP("Actions", "&Cari"), ("Ctrl+F",)),
    ActionSpec(
        "readinessJudgeAction",
        EDIT,
        QT_TRANSLATE_NOOP("Actions", "Nilai &kesiapan sel…"),
        ("Ctrl+K",),
    ),
    ActionSpec(
        "readinessVisitsAction",
        EDIT,
        QT_TRANSLATE_NOOP("Actions", "Kunjungan &dan temuan…"),
        ("Ctrl+Shift+K",),
    ),
    ActionSpec(
        "readinessBudgetAction",
        EDIT,
        QT_TRANSLATE_NOOP("Actions", "&Anggaran…"),
        ("Ctrl+Shift+G",),
    ),
    ActionSpec(
        "readinessSarprasAction",
        EDIT,
        QT_TRANSLATE_NOOP("Actions", "Sa&rpras satuan…"),
        ("Ctrl+Shift+S",),
    ),
    ActionSpec(
        "readinessListsAction",
        EDIT,
        QT_TRANSLATE_NOOP("Actions", "Daftar as&pek dan sarpras…"),
        ("Ctrl+Shift+L",),
    ),
    ActionSpec(
        "watchStepsAction",
        EDIT,
        QT_TRANSLATE_NOOP("Actions", "Langkah pe&mantauan TPS…"),
        ("Ctrl+Shift+U",),
    ),
    ActionSpec("reloadAction", VIEW, QT_TRANSLATE_NOOP("Actions", "&Muat ulang"), ("F5",)),
    ActionSpec("boardTabAction", VIEW, QT_TRANSLATE_NOOP("Actions", "&Papan satuan"), ("Ctrl+1",)),
    ActionSpec("strengthTabAction", VIEW, QT_TRANSLATE_NOOP("Actions", "&Kekuatan"), ("Ctrl+2",)),
    ActionSpec("stagesTabAction", VIEW, QT_TRANSLATE_NOOP("Actions", "&Tahapan"), ("Ctrl+3",)),
    ActionSpec("incidentsTabAction", VIEW, QT_TRANSLATE_NOOP("Actions", "K&ejadian"), ("Ctrl+4",)),
    ActionSpec("readinessTabAction", VIEW, QT_TRANSLATE_NOOP("Actions", "Ke&siapan"), ("Ctrl+5",)),
    ActionSpec("mapTabAction", VIEW, QT_TRANSLATE_NOOP("Actions", "Pet&a operasi"), ("Ctrl+6",)),
    ActionSpec("watchTabAction", VIEW, QT_TRANSLATE_NOOP("Actions", "Pa&ntau TPS"), ("Ctrl+7",)),
    ActionSpec("wallAction", VIEW, QT_TRANSLATE_NOOP("Actions", "Layar &dinding"), ("F11",)),
    ActionSpec("nightAction", VIEW, QT_TRANSLATE_NOOP("Actions", "Tema ma&lam"), ("Ctrl+Shift+N",)),
    # Ctrl+= too: on most keyboards "+" is Shift+=, and Ctrl+= is what people press. The
    # map zooms with +/- without Ctrl (``LOCAL_KEYS``): no clash.
    ActionSpec(
        "largerTextAction",
        VIEW,
        QT_TRANSLATE_NOOP("Actions", "Perbesa&r teks"),
        ("Ctrl++", "Ctrl+="),
    ),
    ActionSpec(
        "smallerTextAction", VIEW, QT_TRANSLATE_NOOP("Actions", "Perke&cil teks"), ("Ctrl+-",)
    ),
    ActionSpec(
        "textSizeResetAction",
        VIEW,
        QT_TRANSLATE_NOOP("Actions", "&Ukuran teks semula"),
        ("Ctrl+0",),
    ),
    ActionSpec("importAction", DATA, QT_TRANSLATE_NOOP("Actions", "&Impor data…"), ("Ctrl+I",)),
    ActionSpec(
        "regionsImportAction",
        DATA,
        QT_TRANSLATE_NOOP("Actions", "Impor &batas wilayah…"),
        ("Ctrl+Shift+I",),
    ),
    ActionSpec(
        "importHistoryAction",
        DATA,
        QT_TRANSLATE_NOOP("Actions", "&Riwayat && pembatalan impor…"),
        ("Ctrl+H",),
    ),
    ActionSpec(
        "sitrepAction", REPORT, QT_TRANSLATE_NOOP("Actions", "Laporan &Situasi…"), ("Ctrl+P",)
    ),
    ActionSpec(
        "readinessReportAction",
        REPORT,
        QT_TRANSLATE_NOOP("Actions", "Laporan &kesiapan…"),
        ("Ctrl+D",),
    ),
    ActionSpec(
        "openPlanning",
        PLANNING,
        QT_TRANSLATE_NOOP("Actions", "&Kerawanan dan penebalan…"),
        ("Ctrl+R",),
    ),
    ActionSpec(
        "openPlotting",
        PLANNING,
        QT_TRANSLATE_NOOP("Actions", "Plotting pengamanan &TPS…"),
        ("Ctrl+Shift+T",),
    ),
    ActionSpec(
        "auditJournalAction",
        ADMIN,
        QT_TRANSLATE_NOOP("Actions", "&Jurnal audit…"),
        ("Ctrl+J",),
    ),
    ActionSpec(
        "accountsAction",
        ADMIN,
        QT_TRANSLATE_NOOP("Actions", "A&kun pengguna…"),
        ("Ctrl+Shift+A",),
    ),
    ActionSpec(
        "replicationAction",
        ADMIN,
        QT_TRANSLATE_NOOP("Actions", "Status &replikasi…"),
        ("Ctrl+Shift+R",),
    ),
    ActionSpec("manualAction", HELP, QT_TRANSLATE_NOOP("Actions", "&Panduan"), ("F1",)),
    ActionSpec(
        "shortcutsAction", HELP, QT_TRANSLATE_NOOP("Actions", "Pintasan &keyboard"), ("Ctrl+/",)
    ),
    ActionSpec("aboutAction", HELP, QT_TRANSLATE_NOOP("Actions", "&Tentang OpsCenter")),
)
SPECS: dict[str, ActionSpec] = {spec.name: spec for spec in ACTIONS}

# Keys of every window and dialog opened from the main window (``close_keys``), and the
# keys that only work inside one form or panel: listed with the rest in the shortcut list.
CLOSE_KEYS = ("Esc", "Ctrl+W")
SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")
# The plotting window's actions (``ui.plotting_window``, its own menu "Plotting"): the window
# takes its keys from here, and the shortcut list below names them.
PLOTTING_KEYS: dict[str, tuple[str, ...]] = {
    "form": ("Ctrl+B",),
    "run": ("Ctrl+Shift+O",),
    "move": ("Ctrl+M",),
    "split": ("Ctrl+E",),
    "merge": ("Ctrl+G",),
    "place": ("Ctrl+T",),
    "swap": ("Ctrl+Shift+X",),
    "lock": ("Ctrl+L",),
    "unplace": ("Del",),
    "export": ("Ctrl+Shift+E",),
    "slips": ("Ctrl+Shift+P",),
}
LOCAL_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("Actions", "Tutup jendela atau dialog (bertanya dulu bila ada isian)"),
        CLOSE_KEYS,
    ),
    (QT_TRANSLATE_NOOP("Actions", "Formulir: simpan"), ("Enter", "Ctrl+Enter")),
    (QT_TRANSLATE_NOOP("Actions", "Formulir: pindah isian"), ("Tab", "Shift+Tab")),
    (QT_TRANSLATE_NOOP("Actions", "Daftar satuan di formulir: centang"), ("Space",)),
    (
        QT_TRANSLATE_NOOP(
            "Actions", "Kejadian: tutup rincian, kembali ke daftar (tidak bila ada isian)"
        ),
        ("Esc",),
    ),
    (QT_TRANSLATE_NOOP("Actions", "Perencanaan: hapus perubahan TPS terpilih"), ("Del",)),
    (QT_TRANSLATE_NOOP("Actions", "Kesiapan: nilai sel terpilih (juga F2)"), ("Enter",)),
    (
        QT_TRANSLATE_NOOP(
            "Actions", "Pantau TPS: catat baris Catat (TPS atau pos, langkah, jam; g: gangguan)"
        ),
        ("Enter",),
    ),
    (QT_TRANSLATE_NOOP("Actions", "Peta (fokus di peta): geser"), ("Left", "Right", "Up", "Down")),
    (
        QT_TRANSLATE_NOOP("Actions", "Peta (fokus di peta): perbesar, perkecil, seluruh wilayah"),
        ("+", "-", "Home"),
    ),
    (QT_TRANSLATE_NOOP("Actions", "Peta (fokus di peta): lepas wilayah terpilih"), ("Esc",)),
    (
        QT_TRANSLATE_NOOP("Actions", "Peta: putar ulang kejadian periode ini, atau jeda"),
        ("Ctrl+Shift+P",),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Peta, penggeser waktu: mundur, maju, awal, akhir periode"),
        ("Left", "Right", "PgDown", "PgUp", "Home", "End"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Plotting: bentuk pos dari pola, plotting otomatis"),
        PLOTTING_KEYS["form"] + PLOTTING_KEYS["run"],
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Plotting: pindahkan TPS, pecah pos, gabungkan pos"),
        PLOTTING_KEYS["move"] + PLOTTING_KEYS["split"] + PLOTTING_KEYS["merge"],
    ),
    (
        QT_TRANSLATE_NOOP(
            "Actions", "Plotting: tempatkan, tukar, kunci, kembalikan ke cadangan personel terpilih"
        ),
        PLOTTING_KEYS["place"]
        + PLOTTING_KEYS["swap"]
        + PLOTTING_KEYS["lock"]
        + PLOTTING_KEYS["unplace"],
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Plotting: ekspor daftar plotting, surat penugasan"),
        PLOTTING_KEYS["export"] + PLOTTING_KEYS["slips"],
    ),
    (QT_TRANSLATE_NOOP("Actions", "Anggaran: ubah pagu atau realisasi terpilih"), ("Enter",)),
    (
        QT_TRANSLATE_NOOP("Actions", "Anggaran: hapus pagu, realisasi atau sel indeks terpilih"),
        ("Del",),
    ),
)


def text(spec: ActionSpec) -> str:
    """The action's text in the interface's language (with its mnemonic)."""
    return _tr(spec.text)


def plain(label: str) -> str:
    """A menu text as prose: no mnemonic marker, no trailing ellipsis."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def keys_text(keys: tuple[str, ...]) -> str:
    """ "Ctrl+Shift+Z, Ctrl+Y" as this platform writes them."""
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


def configure(action: QAction, name: str) -> QAction:
    """Give ``action`` (one Qt made, such as the undo stack's) the registry's name, keys
    and window-wide context."""
    spec = SPECS[name]
    action.setObjectName(spec.name)
    action.setShortcuts([QKeySequence(k) for k in spec.keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    return action


def create(window: QWidget, name: str, *, checkable: bool = False) -> QAction:
    """The registry's action ``name`` for ``window``. It is also added to the window itself,
    so its keys work whatever has the focus, and even while its menu is hidden."""
    action = configure(QAction(text(SPECS[name]), window, checkable=checkable), name)
    window.addAction(action)
    return action


def menu_of(window: QMainWindow, title: str) -> QMenu:
    """The window's menu with the Indonesian ``title`` (as translated), made when missing."""
    shown = {title, _tr(title), QCoreApplication.translate("MainWindow", title)}
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and top.text() in shown:
            return menu
    return window.menuBar().addMenu(_tr(title))


def shortcut_rows() -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every registry action with keys, in menu order, then the
    keys of windows and forms; all in the interface's language."""
    rows = [(plain(_tr(s.menu)), plain(text(s)), keys_text(s.keys)) for s in ACTIONS if s.keys]
    where = _tr("Jendela dan formulir")
    rows += [(where, _tr(label), keys_text(keys)) for label, keys in LOCAL_KEYS]
    return rows


class _EscCloses(QObject):
    """Esc that no child took (an open cell editor or list keeps its own) closes the window."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and isinstance(watched, QWidget)
        ):
            watched.close()
            return True
        return super().eventFilter(watched, event)


def close_keys(window: QWidget) -> QAction:
    """Esc and Ctrl+W close ``window`` (a dialog rejects: its ``reject`` asks about unsaved
    input; a window's ``closeEvent`` does the same). A dialog has Esc already."""
    action = QAction(_tr("Tutup"), window)
    action.setObjectName("closeWindowAction")
    action.setShortcut(QKeySequence("Ctrl+W"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if isinstance(window, QDialog):
        action.triggered.connect(window.reject)
    else:
        action.triggered.connect(window.close)
        # Key presses a child ignores travel up to the window, through its event filters.
        window.installEventFilter(_EscCloses(window))
    window.addAction(action)
    return action
