"""Who may do what: the role × action matrix, enforced here and never only in the UI.

* administrador — everything: users, settings, keys.
* jefe de trabajo — all workshops of his establishment; annuls deliveries and certificates.
* supervisor — only the workshops assigned to him: trainees, attendance, batches,
  deliveries; issues certificates.
* consulta — reads and prints reports only.
"""

from __future__ import annotations

from enum import StrEnum

from carceles_desktop.domain.enums import Role
from carceles_desktop.errors import PermissionDenied
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor


class Action(StrEnum):
    """Things a user can ask the program to do."""

    VIEW = QT_TRANSLATE_NOOP("actions", "view records")
    PRINT_REPORTS = QT_TRANSLATE_NOOP("actions", "print reports")
    EDIT_TRAINEES = QT_TRANSLATE_NOOP("actions", "create and edit trainees")
    IMPORT_TRAINEES = QT_TRANSLATE_NOOP("actions", "import trainees")
    SET_REDEMPTION_CASE = QT_TRANSLATE_NOOP("actions", "choose a trainee's redemption case")
    TRANSFER_TRAINEES = QT_TRANSLATE_NOOP("actions", "transfer trainees between establishments")
    ENROL = QT_TRANSLATE_NOOP("actions", "enrol trainees and change enrolment states")
    RECORD_ATTENDANCE = QT_TRANSLATE_NOOP("actions", "record attendance")
    RECORD_ASSESSMENTS = QT_TRANSLATE_NOOP("actions", "record assessments")
    EDIT_WORKSHOPS = QT_TRANSLATE_NOOP("actions", "create and edit workshops")
    EDIT_CATALOGUES = QT_TRANSLATE_NOOP("actions", "edit catalogues")
    EDIT_CLIENTS = QT_TRANSLATE_NOOP("actions", "create and edit clients, products and orders")
    EDIT_BATCHES = QT_TRANSLATE_NOOP("actions", "create and edit production batches")
    ISSUE_DELIVERIES = QT_TRANSLATE_NOOP("actions", "prepare, issue and receive deliveries")
    ANNUL_DELIVERIES = QT_TRANSLATE_NOOP("actions", "annul deliveries")
    ISSUE_CERTIFICATES = QT_TRANSLATE_NOOP("actions", "issue certificates")
    OVERRIDE_ELIGIBILITY = QT_TRANSLATE_NOOP("actions", "override certificate eligibility")
    ANNUL_CERTIFICATES = QT_TRANSLATE_NOOP("actions", "annul and replace certificates")
    EXPORT_PERSONAL_DATA = QT_TRANSLATE_NOOP("actions", "export a person's data")
    MANAGE_USERS = QT_TRANSLATE_NOOP("actions", "manage users")
    EDIT_SETTINGS = QT_TRANSLATE_NOOP("actions", "change settings")
    MANAGE_KEYS = QT_TRANSLATE_NOOP("actions", "manage signing keys")
    BACKUP = QT_TRANSLATE_NOOP("actions", "take and restore backups")
    VIEW_AUDIT = QT_TRANSLATE_NOOP("actions", "view the audit log")


_SUPERVISOR = {
    Action.VIEW,
    Action.PRINT_REPORTS,
    Action.EDIT_TRAINEES,
    Action.IMPORT_TRAINEES,
    Action.ENROL,
    Action.RECORD_ATTENDANCE,
    Action.RECORD_ASSESSMENTS,
    Action.EDIT_BATCHES,
    Action.ISSUE_DELIVERIES,
    Action.ISSUE_CERTIFICATES,
    Action.BACKUP,
}
_JEFE = _SUPERVISOR | {
    Action.SET_REDEMPTION_CASE,
    Action.TRANSFER_TRAINEES,
    Action.EDIT_WORKSHOPS,
    Action.EDIT_CLIENTS,
    Action.ANNUL_DELIVERIES,
    Action.OVERRIDE_ELIGIBILITY,
    Action.ANNUL_CERTIFICATES,
    Action.VIEW_AUDIT,
}

#: The matrix itself: which actions each role may take.
MATRIX: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.JEFE: frozenset(_JEFE),
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.CONSULTA: frozenset({Action.VIEW, Action.PRINT_REPORTS}),
}

#: Actions a supervisor may take only inside the workshops assigned to him.
WORKSHOP_SCOPED = frozenset(
    {
        Action.ENROL,
        Action.RECORD_ATTENDANCE,
        Action.RECORD_ASSESSMENTS,
        Action.EDIT_BATCHES,
        Action.ISSUE_DELIVERIES,
        Action.ISSUE_CERTIFICATES,
    }
)


def allowed(actor: Actor, action: Action, *, workshop_id: int | None = None) -> bool:
    """Return True when ``actor`` may take ``action`` (in ``workshop_id``, if given)."""
    if action not in MATRIX[actor.role]:
        return False
    if actor.role is Role.SUPERVISOR and workshop_id is not None and action in WORKSHOP_SCOPED:
        return workshop_id in actor.workshop_ids
    return True


def require(actor: Actor, action: Action, *, workshop_id: int | None = None) -> None:
    """Raise PermissionDenied unless ``actor`` may take ``action``.

    Raises:
        PermissionDenied: naming the user, his role and what was refused.
    """
    if allowed(actor, action, workshop_id=workshop_id):
        return
    if action in MATRIX[actor.role]:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "{user} may {action} only in the workshops assigned to him."
            ),
            user=actor.username,
            action=action.value,
        )
    raise PermissionDenied(
        QT_TRANSLATE_NOOP("errors", "{user} ({role}) may not {action}."),
        user=actor.username,
        role=actor.role.value,
        action=action.value,
    )
