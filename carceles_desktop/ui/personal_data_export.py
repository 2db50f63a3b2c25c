"""Exporting one trainee's personal data to a JSON file (Ley 29733, right of access).

The export is audited.  The file is written first and the audit entry committed after;
should the commit fail, the file is removed again, so that no export exists without
its entry in the log.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from carceles_desktop.errors import AppError
from carceles_desktop.services import personal_data
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui import messages

translate = QCoreApplication.translate


def may_export(ctx: ServiceContext) -> bool:
    """True when the signed-in user may export personal data (administrators)."""
    return allowed(ctx.actor, Action.EXPORT_PERSONAL_DATA)


class PersonalDataExport:
    """The patch point of the file dialog."""

    @classmethod
    def choose_path(cls, parent: QWidget | None, suggested: str) -> str:
        """Ask where to save; empty when cancelled (tests patch this)."""
        path, _ = QFileDialog.getSaveFileName(
            parent,
            translate("PersonalDataExport", "Export personal data"),
            suggested,
            translate("PersonalDataExport", "JSON files (*.json)"),
        )
        return path


def export_trainee(
    ctx: ServiceContext, parent: QWidget | None, trainee_id: int, inmate_code: str
) -> Path | None:
    """Ask for a file and export the trainee's data there; return the file, or None."""
    chosen = PersonalDataExport.choose_path(parent, f"datos-personales-{inmate_code}.json")
    if not chosen:
        return None
    target = Path(chosen)
    written: Path | None = None
    try:
        with ctx.writing() as uow:
            data = personal_data.export_trainee_data(uow, ctx.actor, trainee_id)
            written = personal_data.write_trainee_data_json(data, target)
            uow.commit()
    except AppError as exc:
        _remove(written)
        messages.show_error(parent, exc)
        return None
    except OSError as exc:
        _remove(written)
        messages.Messages.show(
            parent,
            messages.Kind.ERROR,
            translate("PersonalDataExport", "Export personal data"),
            translate(
                "PersonalDataExport", "The file {path} could not be written: {reason}"
            ).format(path=str(target), reason=exc.strerror or type(exc).__name__),
        )
        return None
    messages.inform(
        parent,
        translate("PersonalDataExport", "Export personal data"),
        translate(
            "PersonalDataExport", "The data were saved in {path}. The export is in the audit log."
        ).format(path=str(written)),
    )
    return written


def _remove(path: Path | None) -> None:
    if path is not None:
        path.unlink(missing_ok=True)
