"""Checking the open database: "Verificar base de datos" in the window.

SQLite's ``integrity_check`` and ``foreign_key_check`` and the schema revision
(:func:`carceles_desktop.storage.integrity.full_check`), then the audit log's hash
chain.  Everything only reads: the check runs in a read-only window too.
"""

from __future__ import annotations

from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.integrity import CheckItem, CheckReport, full_check
from carceles_desktop.storage.opening import run_deferred_check
from carceles_desktop.storage.unit_of_work import Database

__all__ = ["CheckItem", "CheckReport", "check_database", "deferred_start_check"]

#: The name of the audit-chain check in the report.
AUDIT_CHAIN = "audit_chain"


def check_database(database: Database, actor: Actor) -> CheckReport:
    """Run every check on the database and return what each found.

    Long on a large database (``integrity_check`` reads every page): call it off the
    GUI thread.

    Raises:
        PermissionDenied: the actor may not view records.
        StorageUnavailable: the database cannot be read at all.
    """
    require(actor, Action.VIEW)
    report = full_check(database.engine)
    with database.unit_of_work(read_only=True) as uow:
        chain = audit.verify_chain(uow)
    if chain.first_broken_seq is None:
        item = CheckItem(AUDIT_CHAIN, True, (f"{chain.checked} entries",))
    else:
        item = CheckItem(
            AUDIT_CHAIN,
            False,
            (f"entry {chain.first_broken_seq}: {chain.reason}", f"{chain.checked} entries fit"),
        )
    return CheckReport((*report.items, item))


def deferred_start_check(database: Database) -> CheckItem | None:
    """Run the start-up quick_check left for after the window showed (large files).

    Returns None when nothing was deferred.  A failure is remembered beside the file so
    that the next start checks first and offers to restore the newest good backup.
    """
    if not getattr(database, "check_deferred", False):
        return None
    return run_deferred_check(database)
