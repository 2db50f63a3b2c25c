"""The settings an administrator may change, kept in the ``settings`` table.

What the field leaves uncertain or the law changes — the institution's name (INPE is
becoming SUNIR), the hours that make a work day count, the minimum wage, where the
reparation share goes when none is owed — is a setting here, never a constant in code.

Each field of :class:`Settings` is stored under its own name as a JSON value; a key that
is missing (a new installation, or a field added by a later version) reads as its
default, and only the keys that change are written.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.users import Setting
from carceles_desktop.errors import ValidationError
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.settings_checks import (
    CHECKS,
    LIMIT_BELOW_MINIMUM,
    PRESETS,
    REPARATION_DESTINATIONS,
    SIGNATORY_ROLES,
    UNKNOWN_ESTABLISHMENT,
    UNKNOWN_SETTING,
    Signatory,
    check_minimum_hours,
    check_preset,
)
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "PRESETS",
    "REPARATION_DESTINATIONS",
    "SIGNATORY_ROLES",
    "Settings",
    "Signatory",
    "apply_institution_preset",
    "get_settings",
    "update_settings",
]

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """Every setting, with the value a new installation starts with.

    Attributes:
        institution_name: printed at the head of every document.
        institution_acronym: short form of the name.
        institution_ruc: the institution's RUC, printed on delivery notes.
        institution_preset: ``"INPE"`` or ``"SUNIR"``: which preset name was last applied.
        logo_path: an image file printed on documents; ``None`` prints none.
        establishment_code: the establishment this installation serves (``None``: all,
            as at a regional office or headquarters).
        signatories: who signs certificates (role key, name, title), in order of rank.
        daily_hour_limit: the most hours a day of work may record.
        minimum_valid_day_hours: the hours that make a day count for redemption.
        pass_grade: the lowest passing grade on the 0–20 scale.
        reparation_destination_when_none_owed: where the 20 % reparation share goes
            when the trainee owes none; one of :data:`REPARATION_DESTINATIONS`.
        idle_lock_minutes: minutes without input before the window locks.
        minimum_wage: the reference minimum wage (RMV), in soles a month.
        minimum_wage_valid_from: the day that minimum wage took effect.
        certificate_series_book: the register book certificates are entered in.
        delivery_series: the series of delivery notes (``NE01-000001``).
        backup_folder: where automatic backups go (``None``: the data folder).
        backup_interval_minutes: minutes between automatic backups.
        backup_encrypt: whether backups are encrypted.
    """

    institution_name: str = PRESETS["INPE"][0]
    institution_acronym: str = PRESETS["INPE"][1]
    # INPE's RUC; it passes SUNAT's check digit (weighted sum 89, 89 mod 11 = 1, 11 − 1 → 0).
    institution_ruc: str = "20131370050"
    institution_preset: str = "INPE"
    logo_path: str | None = None
    establishment_code: str | None = None
    signatories: tuple[Signatory, ...] = (
        Signatory("director", "", "Director del Establecimiento Penitenciario"),
        Signatory("jefe_trabajo", "", "Jefe del Área de Trabajo"),
        Signatory("instructor", "", "Instructor"),
    )
    daily_hour_limit: Decimal = Decimal("8")
    minimum_valid_day_hours: Decimal = Decimal("4")
    pass_grade: int = 11
    reparation_destination_when_none_owed: str = "fondo_institucional"
    idle_lock_minutes: int = 10
    minimum_wage: Decimal = Decimal("1130.00")
    minimum_wage_valid_from: date = date(2025, 1, 1)
    certificate_series_book: str = "1"
    delivery_series: str = "NE01"
    backup_folder: str | None = None
    backup_interval_minutes: int = 30
    backup_encrypt: bool = False


_DEFAULTS = Settings()
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Settings))


def _to_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [list(item) for item in value]
    return value


def _from_json(name: str, stored: Any) -> Any:
    default = getattr(_DEFAULTS, name)
    if isinstance(default, Decimal):
        return Decimal(stored)
    if isinstance(default, date):
        return date.fromisoformat(stored)
    if name == "signatories":
        return tuple(Signatory(*item) for item in stored)
    return stored


def _stored_values(uow: UnitOfWork) -> dict[str, Setting]:
    query = select(Setting).where(Setting.key.in_(FIELD_NAMES))
    return {row.key: row for row in uow.session.scalars(query)}


def get_settings(uow: UnitOfWork) -> Settings:
    """Read the settings; a key never stored reads as its default.

    A stored value that no longer reads or passes its check (edited by hand, or written
    by a broken version) also falls back to the default, with a warning in the log, so
    that the program still opens.  The logo is not checked here: a missing file is the
    document's business, not a reason to forget the setting.
    """
    values: dict[str, Any] = {}
    for name, row in _stored_values(uow).items():
        try:
            value = _from_json(name, json.loads(row.value))
            if name in CHECKS and name != "logo_path":
                value = CHECKS[name](value)
            values[name] = value
        except (ValueError, TypeError, InvalidOperation, ValidationError):
            _log.warning("setting %s holds an unreadable value; using the default", name)
    settings = replace(_DEFAULTS, **values)
    if not 0 < settings.minimum_valid_day_hours <= settings.daily_hour_limit:
        _log.warning("stored hour settings disagree; using the defaults for both")
        settings = replace(
            settings,
            daily_hour_limit=_DEFAULTS.daily_hour_limit,
            minimum_valid_day_hours=_DEFAULTS.minimum_valid_day_hours,
        )
    return settings


def _validate(uow: UnitOfWork, current: Settings, changes: Mapping[str, Any]) -> Settings:
    """Check every change and return the settings they would make; write nothing."""
    for name in changes:
        if name not in FIELD_NAMES:
            raise ValidationError(UNKNOWN_SETTING, field=name, name=name)
    proposed = current
    # In field order, so that a new daily limit is known before the minimum is checked.
    for name in (n for n in FIELD_NAMES if n in changes):
        value: Any
        if name == "minimum_valid_day_hours":
            value = check_minimum_hours(changes[name], proposed.daily_hour_limit)
        else:
            value = CHECKS[name](changes[name])
        proposed = replace(proposed, **{name: value})
    if proposed.daily_hour_limit < proposed.minimum_valid_day_hours:
        # Only a lowered limit gets here: a changed minimum was checked against it above.
        raise ValidationError(
            LIMIT_BELOW_MINIMUM,
            field="daily_hour_limit",
            minimum=str(proposed.minimum_valid_day_hours),
        )
    code = proposed.establishment_code
    if "establishment_code" in changes and code is not None:
        found = uow.session.scalar(select(Establishment.id).where(Establishment.code == code))
        if found is None:
            raise ValidationError(UNKNOWN_ESTABLISHMENT, field="establishment_code", code=code)
    return proposed


def update_settings(uow: UnitOfWork, actor: Actor, **changes: Any) -> Settings:
    """Change some settings, after checking every new value.

    Values may come as the UI holds them: numbers as text or Decimal, the date as
    ``YYYY-MM-DD`` text.  Nothing is written unless every value passes; only the keys
    whose value actually changes are stored and audited (before and after).

    Args:
        uow: the caller's unit of work (the caller commits).
        actor: who changes them.
        **changes: new values by field name of :class:`Settings`.

    Returns:
        The settings after the change.

    Raises:
        PermissionDenied: the actor may not change settings.
        ValidationError: an unknown name or a value out of bounds; ``field`` names it.
    """
    require(actor, Action.EDIT_SETTINGS)
    current = get_settings(uow)
    proposed = _validate(uow, current, changes)
    before, after = asdict(current), asdict(proposed)
    changed = [name for name in FIELD_NAMES if before[name] != after[name]]
    if not changed:
        return current
    stored = _stored_values(uow)
    for name in changed:
        text = json.dumps(_to_json(getattr(proposed, name)), ensure_ascii=False)
        if name in stored:
            stored[name].value = text
        else:
            uow.session.add(Setting(key=name, value=text))
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "update",
        "settings",
        summary="Changed settings: " + ", ".join(changed),
        changes={name: [before[name], after[name]] for name in changed},
    )
    return proposed


def apply_institution_preset(uow: UnitOfWork, actor: Actor, preset: str) -> Settings:
    """Set the institution's name and acronym from a preset (``"INPE"`` or ``"SUNIR"``).

    The RUC and the logo are left alone: the new institution's RUC is not known yet and
    must be entered by hand when it is.

    Raises:
        PermissionDenied: the actor may not change settings.
        ValidationError: an unknown preset (``field`` is ``institution_preset``).
    """
    require(actor, Action.EDIT_SETTINGS)
    key = check_preset(preset)
    name, acronym = PRESETS[key]
    return update_settings(
        uow,
        actor,
        institution_name=name,
        institution_acronym=acronym,
        institution_preset=key,
    )
