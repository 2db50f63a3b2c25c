"""Clients and partners: companies, State entities and natural persons.

A partner is identified by a SUNAT catalogue 06 document (``id_type``): 6 RUC, 1 DNI,
4 carné de extranjería, 7 pasaporte, 0 other.  The rules, from domain.md:

* a company (``empresa``) and a State entity (``estado``) need a RUC starting with 20;
* a natural person (``persona``) has a DNI or a RUC starting with 10 (his DNI inside);
  a foreign person may be known by his carné de extranjería or passport, and a person
  without any of those by another document (code 0);
* every RUC passes SUNAT's check digit (mod 11), every DNI has 8 digits, an ubigeo
  has 6 digits with a real department.

Agreements (*convenios*) live in :mod:`.agreements`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from uuid import UUID

from sqlalchemy import ColumnElement, select

from carceles_desktop.domain.commerce import Partner
from carceles_desktop.domain.enums import PartnerKind
from carceles_desktop.domain.rules.identity import (
    describe_dni_problem,
    describe_ruc_problem,
    is_valid_foreign_document,
    is_valid_ubigeo,
)
from carceles_desktop.domain.rules.text import fold_pattern, search_key
from carceles_desktop.errors import Conflict, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.commerce_common import (
    SortKey,
    add_record,
    by,
    check_page,
    clean,
    count_rows,
    load_record,
    not_retired,
    optional_text,
    order_by,
    required_text,
    set_active,
    update_record,
)
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: SUNAT catalogue 06 codes a partner may have.
ID_RUC, ID_DNI, ID_CE, ID_PASSPORT, ID_OTHER = "6", "1", "4", "7", "0"
ID_TYPES = (ID_RUC, ID_DNI, ID_CE, ID_PASSPORT, ID_OTHER)

_ENTITY = "partner"
_FIELDS = (
    "kind",
    "id_type",
    "id_number",
    "name",
    "address",
    "ubigeo",
    "contact_name",
    "phone",
    "email",
)
_OTHER_DOCUMENT = re.compile(r"[A-Z0-9\-]{1,15}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_LIKE_ESCAPE = "\\"


@dataclass(frozen=True)
class PartnerInput:
    """A partner's fields as a form holds them.

    Attributes:
        kind: company, State entity or natural person.
        id_type: SUNAT catalogue 06 code (see :data:`ID_TYPES`).
        id_number: the document's number (spaces are removed).
        name: business name or the person's full name.
        address: fiscal or usual address, used as the delivery arrival address.
        ubigeo: the address's 6-digit ubigeo.
        contact_name: whom to call.
        phone: the contact's phone.
        email: the contact's e-mail.
    """

    kind: PartnerKind
    id_type: str
    id_number: str
    name: str
    address: str | None = None
    ubigeo: str | None = None
    contact_name: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class PartnerRow:
    """A partner as lists, forms and documents show it."""

    id: int
    uuid: UUID
    kind: PartnerKind
    id_type: str
    id_number: str
    name: str
    address: str | None
    ubigeo: str | None
    contact_name: str | None
    phone: str | None
    email: str | None
    active: bool


# --------------------------------------------------------------------------- checks


def _identity_problem(kind: PartnerKind, id_type: str, number: str) -> tuple[str, str] | None:
    """Return ``(field, message)`` for what is wrong with the document, or None."""
    if id_type not in ID_TYPES:
        return "id_type", QT_TRANSLATE_NOOP("errors", "Choose the type of identity document.")
    if kind in (PartnerKind.COMPANY, PartnerKind.STATE):
        if id_type != ID_RUC:
            text = "A company or a State entity is identified by its RUC."
            return "id_type", QT_TRANSLATE_NOOP("errors", text)
        problem = describe_ruc_problem(number)
        if problem is None and not number.startswith("20"):
            text = "The RUC of a company or a State entity starts with 20."
            problem = QT_TRANSLATE_NOOP("errors", text)
        return ("id_number", problem) if problem else None
    if id_type == ID_RUC:
        problem = describe_ruc_problem(number)
        if problem is None and not number.startswith("10"):
            text = "The RUC of a natural person starts with 10; choose the kind company for 20."
            problem = QT_TRANSLATE_NOOP("errors", text)
        return ("id_number", problem) if problem else None
    if id_type == ID_DNI:
        problem = describe_dni_problem(number)
        return ("id_number", problem) if problem else None
    if id_type in (ID_CE, ID_PASSPORT):
        if is_valid_foreign_document(number):
            return None
        text = "A carné de extranjería or passport number has 1 to 12 letters and digits."
        return "id_number", QT_TRANSLATE_NOOP("errors", text)
    if _OTHER_DOCUMENT.fullmatch(number):
        return None
    text = "A document number has 1 to 15 letters, digits and hyphens."
    return "id_number", QT_TRANSLATE_NOOP("errors", text)


def _checked(data: PartnerInput) -> dict[str, object]:
    """Return the cleaned values to store, or raise for the first field at fault."""
    try:
        kind = PartnerKind(data.kind)
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Choose whether the partner is a company, a State entity or a person."
            ),
            field="kind",
        ) from None
    id_type = clean(data.id_type)
    number = "".join((data.id_number or "").split()).upper()
    problem = _identity_problem(kind, id_type, number)
    if problem is not None:
        raise ValidationError(problem[1], field=problem[0])
    name = required_text(
        data.name, "name", 160, QT_TRANSLATE_NOOP("errors", "Enter the partner's name.")
    )
    ubigeo = clean(data.ubigeo) or None
    if ubigeo is not None and not is_valid_ubigeo(ubigeo):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An ubigeo has 6 digits, e.g. 150132."), field="ubigeo"
        )
    email = optional_text(data.email, "email", 120)
    if email is not None and not _EMAIL.fullmatch(email):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not an e-mail address."),
            field="email",
            value=email,
        )
    return {
        "kind": kind,
        "id_type": id_type,
        "id_number": number,
        "name": name,
        "address": optional_text(data.address, "address", 200),
        "ubigeo": ubigeo,
        "contact_name": optional_text(data.contact_name, "contact_name", 120),
        "phone": optional_text(data.phone, "phone", 40),
        "email": email,
    }


def validate_partner(data: PartnerInput) -> None:
    """Check a partner's fields without the database (for a form, as it is typed).

    Raises:
        ValidationError: the first field at fault, named in ``field``.
    """
    _checked(data)


def _check_unique(uow: UnitOfWork, id_type: str, number: str, own: int | None) -> None:
    query = select(Partner.id, Partner.name).where(
        Partner.id_type == id_type, Partner.id_number == number
    )
    for other_id, other_name in uow.session.execute(query):
        if other_id != own:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors", "The document {number} is already registered to {name}."
                ),
                field="id_number",
                number=number,
                name=other_name,
            )


def _row(partner: Partner) -> PartnerRow:
    return PartnerRow(
        id=partner.id,
        uuid=partner.uuid,
        kind=partner.kind,
        id_type=partner.id_type,
        id_number=partner.id_number,
        name=partner.name,
        address=partner.address,
        ubigeo=partner.ubigeo,
        contact_name=partner.contact_name,
        phone=partner.phone,
        email=partner.email,
        active=partner.active,
    )


def load_partner(uow: UnitOfWork, partner_id: int) -> Partner:
    """Return the partner record (for the other commerce services).

    Raises:
        NotFound: no partner has that key.
    """
    return load_record(
        uow,
        Partner,
        partner_id,
        QT_TRANSLATE_NOOP("errors", "There is no client or partner with the key {key}."),
        "partner",
    )


# --------------------------------------------------------------------------- writing


def create_partner(uow: UnitOfWork, actor: Actor, data: PartnerInput) -> PartnerRow:
    """Register a client or partner.

    Raises:
        PermissionDenied: the actor may not edit clients.
        ValidationError: a field is wrong (``field`` names it), e.g. a RUC whose check
            digit does not match.
        Conflict: another partner has the same document.
    """
    require(actor, Action.EDIT_CLIENTS)
    values = _checked(data)
    _check_unique(uow, str(values["id_type"]), str(values["id_number"]), None)
    partner = Partner(**values, name_key=search_key(str(values["name"]), str(values["id_number"])))
    add_record(
        uow,
        actor,
        partner,
        values,
        entity=_ENTITY,
        summary=f"Registered partner {partner.name} ({partner.id_number})",
    )
    return _row(partner)


def update_partner(
    uow: UnitOfWork, actor: Actor, partner_id: int, data: PartnerInput
) -> PartnerRow:
    """Change a partner's fields; documents already issued keep what they printed.

    Raises:
        PermissionDenied: the actor may not edit clients.
        NotFound: no partner has that key.
        ValidationError: a field is wrong (``field`` names it).
        Conflict: another partner has the same document.
    """
    require(actor, Action.EDIT_CLIENTS)
    partner = load_partner(uow, partner_id)
    values = _checked(data)
    _check_unique(uow, str(values["id_type"]), str(values["id_number"]), partner.id)
    update_record(
        uow,
        actor,
        partner,
        values,
        fields=_FIELDS,
        entity=_ENTITY,
        label=f"partner {values['name']}",
        key_fields=("name", "id_number"),
    )
    return _row(partner)


def set_partner_active(uow: UnitOfWork, actor: Actor, partner_id: int, active: bool) -> PartnerRow:
    """Retire a partner from the pickers (or bring him back); his records stay.

    Raises:
        PermissionDenied: the actor may not edit clients.
        NotFound: no partner has that key.
    """
    require(actor, Action.EDIT_CLIENTS)
    partner = load_partner(uow, partner_id)
    set_active(uow, actor, partner, active, entity=_ENTITY, label=f"partner {partner.name}")
    return _row(partner)


# --------------------------------------------------------------------------- reading


def get_partner(uow: UnitOfWork, actor: Actor, partner_id: int) -> PartnerRow:
    """Return one partner.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no partner has that key.
    """
    require(actor, Action.VIEW)
    return _row(load_partner(uow, partner_id))


#: Sort keys of :func:`search_partners`, one per heading of the clients list.
PARTNER_SORTS: Mapping[str, SortKey] = {
    "name": by(Partner.name_key),  # folded: accents and capitals do not reorder
    "document": by(Partner.id_number),
    "kind": by(Partner.kind),
    "contact": by(Partner.contact_name, nullable=True),
    "phone": by(Partner.phone, nullable=True),
}


def _filters(
    text: str, kind: PartnerKind | None, include_inactive: bool
) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    if text.strip():
        # name_key holds the folded name and document number: "nunez" and "2051" both find.
        filters.append(Partner.name_key.like(fold_pattern(text), escape=_LIKE_ESCAPE))
    if kind is not None:
        filters.append(Partner.kind == kind)
    if not include_inactive:
        filters.append(not_retired(Partner))
    return filters


def search_partners(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    kind: PartnerKind | None = None,
    include_inactive: bool = False,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[PartnerRow]:
    """Return one page of partners, by name unless sorted otherwise.

    Args:
        uow: an open unit of work (read-only is enough).
        actor: who looks.
        text: words found anywhere in the name or document number, ignoring case and
            accents.
        kind: only partners of this kind.
        include_inactive: list retired partners too.
        sort: one of :data:`PARTNER_SORTS`; ties are broken by id, so pages are stable,
            and partners without a contact or phone come last both ways.
        descending: reverse the order.
        offset: rows to skip.
        limit: most rows to return (at most 1000).

    Raises:
        PermissionDenied: the actor may not view records.
        ValueError: an unknown sort key or a bad page (a programming error).
    """
    require(actor, Action.VIEW)
    offset, limit = check_page(offset, limit)
    order = order_by(PARTNER_SORTS, sort, Partner.id, descending=descending)
    # By name, the page's ids come from the name_key index alone (it holds the key and
    # the row id, in this very order); only the rows shown are then read from the table.
    page = (
        select(Partner.id)
        .where(*_filters(text, kind, include_inactive))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    ids = list(uow.session.scalars(page))
    if not ids:
        return []
    rows = {p.id: p for p in uow.session.scalars(select(Partner).where(Partner.id.in_(ids)))}
    return [_row(rows[i]) for i in ids]


def count_partners(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    kind: PartnerKind | None = None,
    include_inactive: bool = False,
) -> int:
    """Count the partners :func:`search_partners` would page through.

    Raises:
        PermissionDenied: the actor may not view records.
    """
    require(actor, Action.VIEW)
    return count_rows(uow, Partner, _filters(text, kind, include_inactive))
