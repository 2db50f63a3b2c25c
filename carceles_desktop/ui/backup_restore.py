"""Archivo → "Restaurar copia de seguridad…" and "Verificar base de datos".

Both run off the GUI thread behind a progress dialog, through the
:class:`~carceles_desktop.ui.backup_keeper.BackupKeeper` (one backup or restore at a
time).  A restore asks the areas about unsaved work, asks the passphrase of an encrypted
backup, says what will be replaced and that the current database is backed up first;
afterwards the window reads the restored records.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from carceles_desktop.errors import AppError, NotFound
from carceles_desktop.services import users
from carceles_desktop.ui import messages, workers
from carceles_desktop.ui.dialogs.backup_dialogs import CheckReportDialog, progress_dialog
from carceles_desktop.ui.dialogs.passphrase_dialog import PassphraseDialog

if TYPE_CHECKING:
    from carceles_desktop.ui.backup_keeper import BackupKeeper

translate = QCoreApplication.translate


def restore_from_file(keeper: BackupKeeper) -> None:
    """Pick a backup, confirm, restore it over the database, then show its records."""
    if keeper.refuse_busy():
        return
    from carceles_desktop.services import backups, restoring

    ctx, window = keeper.ctx, keeper.window
    try:
        database_path = restoring.sqlite_path(ctx.database)
        folder = backups.backup_folder(ctx.database)
    except AppError as exc:
        messages.show_error(window, exc)
        return
    chosen = keeper.choose_file(window, str(folder))
    if not chosen or not keeper.host().areas_may_close():
        return
    source = Path(chosen)
    try:
        encrypted = backups.is_encrypted(source)
    except AppError as exc:
        messages.show_error(window, exc)
        return
    phrase = _passphrase(keeper, source) if encrypted else None
    if encrypted and phrase is None:
        return
    if not _confirm(keeper, source, restoring.default_backup_folder(database_path)):
        return
    title = translate("Backups", "Restore a backup")
    dialog = progress_dialog(
        window,
        title,
        translate("Backups", "Checking the backup and restoring it…"),
        cancellable=False,
    )
    dialog.setRange(0, 0)

    def work() -> Any:
        return backups.restore_backup(ctx.database, ctx.actor, source, phrase)

    def done(report: Any) -> None:
        close_dialog(dialog)
        keeper.restored.emit(report)
        messages.inform(window, title, _restored_text(report))
        _show_restored(keeper)

    def failed(error: BaseException) -> None:
        close_dialog(dialog)
        messages.show_error(window, error)

    keeper.run_job(work, done, failed)


def _passphrase(keeper: BackupKeeper, source: Path) -> str | None:
    """The passphrase of an encrypted backup (the environment's, or asked); None: none."""
    from carceles_desktop.services import backups

    return backups.passphrase_from_environment() or PassphraseDialog.ask(
        keeper.window,
        text=translate("Backups", "The backup {name} is encrypted. Type its passphrase.").format(
            name=source.name
        ),
    )


def _confirm(keeper: BackupKeeper, source: Path, safety_folder: Path) -> bool:
    return messages.confirm(
        keeper.window,
        translate("Backups", "Restore a backup"),
        translate(
            "Backups",
            "The database {database} will be replaced by the backup {file}.\n\n"
            "Everything recorded after that backup was taken will no longer be in the "
            "database. The current database is backed up first, into {folder}, so it "
            "can be brought back.\n\nRestore the backup?",
        ).format(database=keeper.ctx.describe_database(), file=source.name, folder=safety_folder),
    )


def _show_restored(keeper: BackupKeeper) -> None:
    """Read the restored records; a user the restored database lacks cannot go on."""
    ctx = keeper.ctx
    if ctx.actor.user_id is not None:
        try:
            with ctx.reading() as uow:
                users.current_user(uow, ctx.actor)
        except NotFound:
            messages.inform(
                keeper.window,
                translate("Backups", "Restore a backup"),
                translate(
                    "Backups",
                    "The restored database has no account {user}: the program closes; "
                    "start it again and sign in.",
                ).format(user=ctx.actor.username),
            )
            keeper.host().close()
            return
    keeper.host().reload_areas()


def _restored_text(report: Any) -> str:
    text = translate("Backups", "The database was restored from {file}.").format(
        file=report.restored_from.name
    )
    if report.pre_restore_copy is not None:
        text += "\n" + translate(
            "Backups", "The database as it was before is kept in {path}."
        ).format(path=report.pre_restore_copy)
    return text


def verify_database(keeper: BackupKeeper) -> None:
    """Run every check off the GUI thread, then show the report."""
    if keeper.check_job is not None:
        return
    from carceles_desktop.services import database_checks

    ctx, window = keeper.ctx, keeper.window
    dialog = progress_dialog(
        window,
        translate("Backups", "Database check"),
        translate("Backups", "Checking every page of the database…"),
        cancellable=False,
    )
    dialog.setRange(0, 0)

    def done(report: Any) -> None:
        keeper.check_job = None
        close_dialog(dialog)
        keeper.checked.emit(report)
        CheckReportDialog.ask(report.ok, report.lines(), window)

    def failed(error: BaseException) -> None:
        keeper.check_job = None
        close_dialog(dialog)
        messages.show_error(window, error)

    keeper.check_job = workers.run_in_background(
        lambda: database_checks.check_database(ctx.database, ctx.actor),
        on_done=done,
        on_error=failed,
    )


def close_dialog(dialog: Any) -> None:
    """Close and delete a progress dialog (None is allowed)."""
    if dialog is not None:
        dialog.close()
        dialog.deleteLater()
