"""Printing a delivery note: find it by number, render it, count and audit the copy.

The window and the command line share this road, so that every print of a note is
counted the same way: the first print is the original, every later one says COPIA
(:func:`carceles_desktop.services.deliveries.record_delivery_print` counts them).
Nothing is committed here; the caller commits once the PDF is in hand, so a failed
render records no print.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.deliveries import Delivery
from carceles_desktop.errors import Conflict, NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import find_establishment
from carceles_desktop.services.deliveries import record_delivery_print
from carceles_desktop.services.delivery_note_data import build_delivery_note
from carceles_desktop.services.delivery_queries import load_delivery
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.settings import get_settings
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = ["PrintedNote", "find_delivery_id", "print_delivery_note"]


@dataclass(frozen=True)
class PrintedNote:
    """A rendered delivery note.

    Attributes:
        pdf: the document.
        number: the note's number (None for a draft).
        copy: True when it was printed as a copy (it had been printed before).
        print_count: prints so far, this one included.
    """

    pdf: bytes
    number: str | None
    copy: bool
    print_count: int

    @property
    def file_name(self) -> str:
        """A file name to offer when saving, e.g. ``nota-de-entrega-NE01-000001.pdf``."""
        return f"nota-de-entrega-{self.number or 'borrador'}.pdf"


def print_delivery_note(
    uow: UnitOfWork, actor: Actor, delivery_id: int, *, copy: bool | None = None
) -> PrintedNote:
    """Render a note and record the print (the caller commits).

    Args:
        uow: a writing unit of work.
        actor: who prints.
        delivery_id: the note.
        copy: force the COPIA mark on or off; by default a note printed before is a copy.

    Raises:
        PermissionDenied: the actor may not print, or the note is of another establishment.
        NotFound: no delivery has that key.
    """
    data = build_delivery_note(uow, actor, delivery_id)
    printed_before = load_delivery(uow, delivery_id).print_count > 0
    as_copy = printed_before if copy is None else copy
    from carceles_desktop.documents.delivery_note import render_delivery_note  # on use

    pdf = render_delivery_note(data, copy=as_copy)
    count = record_delivery_print(uow, actor, delivery_id)
    return PrintedNote(pdf=pdf, number=data.number, copy=as_copy, print_count=count)


def find_delivery_id(
    uow: UnitOfWork, actor: Actor, number: str, *, establishment: str | None = None
) -> int:
    """Return the key of the note numbered ``number`` (e.g. ``NE01-000001``).

    Numbers are unique per establishment.  The establishment is, in this order: the
    one named by ``establishment`` (code or name), the actor's own, the one this
    installation serves (setting ``establishment_code``); without any, the number must
    be unique across establishments.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no note has that number there (or the establishment is unknown).
        Conflict: several establishments have a note with that number.
    """
    require(actor, Action.VIEW)
    wanted = "".join(number.split()).upper()
    query = select(Delivery.id, Establishment.code).join(
        Establishment, Establishment.id == Delivery.establishment_id
    )
    query = query.where(Delivery.number == wanted)
    place = _establishment_id(uow, actor, establishment)
    if place is not None:
        query = query.where(Delivery.establishment_id == place)
    found = uow.session.execute(query.order_by(Establishment.code)).all()
    if not found:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no delivery note numbered {number}."),
            field="number",
            number=wanted,
        )
    if len(found) > 1:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors",
                "Several establishments have a note numbered {number} ({places}); "
                "name the establishment.",
            ),
            field="number",
            number=wanted,
            places=", ".join(code for _, code in found),
        )
    return int(found[0][0])


def _establishment_id(uow: UnitOfWork, actor: Actor, named: str | None) -> int | None:
    if named:
        return find_establishment(uow, named).id
    if actor.establishment_id is not None:
        return actor.establishment_id
    code = get_settings(uow).establishment_code
    if code:
        return uow.session.scalar(select(Establishment.id).where(Establishment.code == code))
    return None
