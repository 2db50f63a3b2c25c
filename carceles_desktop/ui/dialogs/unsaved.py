"""The question asked before leaving unsaved work: save it, discard it, or stay."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget


class Unsaved(Enum):
    """What to do with unsaved changes before leaving them."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, title: str, text: str) -> Unsaved:
    """Ask with Save, Discard and Cancel (Save is the default button)."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        buttons.Save | buttons.Discard | buttons.Cancel,
        parent,
    )
    box.setDefaultButton(buttons.Save)
    answer = box.exec()
    if answer == buttons.Save:
        return Unsaved.SAVE
    if answer == buttons.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL
