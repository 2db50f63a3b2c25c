"""Who is acting: the signed-in user as the services see him."""

from __future__ import annotations

from dataclasses import dataclass, field

from carceles_desktop.domain.enums import Role


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf a service runs.

    Attributes:
        user_id: the user's key, or None for the program itself (first run, demo data).
        username: shown in the audit log.
        role: decides what the actor may do (see :mod:`.permissions`).
        establishment_id: the establishment he belongs to (None: all, for HQ admins).
        workshop_ids: for a supervisor, the workshops assigned to him.
    """

    user_id: int | None
    username: str
    role: Role
    establishment_id: int | None = None
    workshop_ids: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def system(cls, reason: str = "sistema") -> Actor:
        """The program itself, for set-up work such as loading catalogues or demo data."""
        return cls(user_id=None, username=reason, role=Role.ADMIN)
