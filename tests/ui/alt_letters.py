"""The Alt letters a window or dialog offers: those of its buttons and of its fields' labels,
as a person meets them (what is in sight now)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QMenuBar, QPushButton, QWidget


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ("Ta&hapan" -> "h"), or None (rich text's '&nbsp;' is
    none)."""
    if "<" in text.replace("< &", ""):  # the wizard's "< &Kembali" is plain text
        return None
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def alt_letter_faults(widget: QWidget) -> list[str]:
    """What is wrong with the Alt letters in sight in ``widget``: a push button without one,
    or a letter that two buttons or labels give (only one of them answers the key). A button
    that cannot be pressed (greyed "< Kembali" on a first page) answers no key."""
    faults: list[str] = []
    owners: dict[str, list[str]] = {}
    buttons = [b for b in widget.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()]
    labels = [w for w in widget.findChildren(QLabel) if w.isVisible() and w.buddy() is not None]
    for w in [*buttons, *labels]:
        letter = mnemonic(w.text())
        if letter is not None:
            owners.setdefault(letter, []).append(w.text())
        elif isinstance(w, QPushButton) and w.text():
            faults.append(f"no letter: {w.text()!r}")
    faults += [f"{k} given by {v}" for k, v in owners.items() if len(v) > 1]
    return faults


def menu_letter_faults(menu_bar: QMenuBar) -> list[str]:
    """What is wrong with the Alt letters of ``menu_bar``'s menus, each read on its own (a
    letter answers only in its open menu): an entry without one, or a letter two entries
    of one menu give."""
    faults: list[str] = []

    def read(menu: QMenu) -> None:
        owners: dict[str, list[str]] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            letter = mnemonic(action.text())
            if letter is None:
                faults.append(f"no letter: {menu.title()!r} > {action.text()!r}")
            else:
                owners.setdefault(letter, []).append(action.text())
            if action.menu() is not None:
                read(action.menu())  # type: ignore[arg-type]
        faults.extend(
            f"{menu.title()!r}: {k} given by {v}" for k, v in owners.items() if len(v) > 1
        )

    for top in menu_bar.actions():
        if top.menu() is not None:
            read(top.menu())  # type: ignore[arg-type]
    return faults
