"""Input of the delivery note (*nota de entrega*).

The note goes with goods that leave the prison's workshops.  It is shaped like SUNAT's
*guía de remisión remitente* so that clients recognise it, but it is an internal document
with its own series (``NE01-000001``).  SUNAT's catalogues (06 identity documents, 20
transfer reasons, 03 units) are editable data, so the service passes both the code and
the name it printed; nothing here looks a code up.

The checks below are the shape of the document (the same as the database's constraints),
not business rules: the service validates RUCs, stock and permissions before it builds
this snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from carceles_desktop.documents.data import InstitutionHeader
from carceles_desktop.domain.enums import DeliveryState, TransportMode
from carceles_desktop.domain.rules.identity import is_valid_ubigeo
from carceles_desktop.domain.rules.serials import parse_delivery_number

#: Longest observation the note prints (the database column's size).
MAX_OBSERVATIONS = 250
#: Decimals of quantities and of the weight (the domain's ``Quantity`` type).
QUANTITY_DECIMALS = 3


def _check_decimals(name: str, value: Decimal) -> None:
    exponent = value.as_tuple().exponent
    if not value.is_finite() or (isinstance(exponent, int) and exponent < -QUANTITY_DECIMALS):
        raise ValueError(f"{name} must have at most {QUANTITY_DECIMALS} decimals: {value}")


@dataclass(frozen=True)
class DeliverySender:
    """Who sends the goods (*remitente*): the institution's establishment.

    Printed at the top left, where a *guía de remisión* names its issuer; the RUC also
    heads the number block.

    Attributes:
        institution: the institution as printed, from the settings, e.g.
            ``"Instituto Nacional Penitenciario (INPE)"``.
        establishment: e.g. ``"E.P. de Lurigancho"``.
        ruc: the institution's RUC (a setting).
        address: the establishment's address, as printed.
    """

    institution: str
    establishment: str
    ruc: str
    address: str


@dataclass(frozen=True)
class DeliveryRecipient:
    """Who receives the goods (*destinatario*).

    Attributes:
        id_type_code: SUNAT catalogue 06 code: ``"1"`` DNI, ``"4"`` carné de extranjería,
            ``"6"`` RUC, ``"7"`` pasaporte, ``"0"`` other.
        id_type_name: the code's name as printed, e.g. ``"RUC"``.
        id_number: the document's number.
        name: company name (*razón social*) or surnames and names.
    """

    id_type_code: str
    id_type_name: str
    id_number: str
    name: str


@dataclass(frozen=True)
class TransferReason:
    """Why the goods travel (SUNAT catalogue 20).

    Attributes:
        code: e.g. ``"01"``.
        text: the code's name, e.g. ``"Venta"``.
        detail: what "13 Otros" means this time; ``None`` when not needed.
    """

    code: str
    text: str
    detail: str | None = None


@dataclass(frozen=True)
class DeliveryAddress:
    """A point of departure or arrival.

    Attributes:
        address: street address as printed.
        ubigeo: INEI's six-digit code of the district.
        place: district, province and department as printed (e.g.
            ``"San Juan de Lurigancho – Lima – Lima"``); ``None`` to print the code only.

    Raises:
        ValueError: the ubigeo is not six digits of a department.
    """

    address: str
    ubigeo: str
    place: str | None = None

    def __post_init__(self) -> None:
        if not is_valid_ubigeo(self.ubigeo):
            raise ValueError(f"ubigeo must be six digits: {self.ubigeo!r}")


@dataclass(frozen=True)
class Transport:
    """How the goods travel (SUNAT catalogue 18).

    Public transport (``01``) names the carrier; private transport (``02``) names the
    vehicle and its driver.  The other mode's fields stay ``None``.

    Attributes:
        mode: public or private.
        carrier_ruc: the carrier's RUC (public).
        carrier_name: the carrier's company name (public).
        vehicle_plate: e.g. ``"ABC-123"`` (private).
        driver_name: the driver's full name (private).
        driver_licence: the driver's licence number (private).

    Raises:
        ValueError: a field of the mode is missing, or a field of the other mode is set.
    """

    mode: TransportMode
    carrier_ruc: str | None = None
    carrier_name: str | None = None
    vehicle_plate: str | None = None
    driver_name: str | None = None
    driver_licence: str | None = None

    def __post_init__(self) -> None:
        public = {"carrier_ruc": self.carrier_ruc, "carrier_name": self.carrier_name}
        private = {
            "vehicle_plate": self.vehicle_plate,
            "driver_name": self.driver_name,
            "driver_licence": self.driver_licence,
        }
        needed, unused = public, private
        if self.mode is TransportMode.PRIVATE:
            needed, unused = private, public
        missing = [name for name, value in needed.items() if not value]
        if missing:
            raise ValueError(f"transport {self.mode.value} needs {', '.join(missing)}")
        stray = [name for name, value in unused.items() if value]
        if stray:
            raise ValueError(f"transport {self.mode.value} does not take {', '.join(stray)}")


@dataclass(frozen=True)
class DeliveryLine:
    """One line of goods.

    Attributes:
        number: the line's number printed in the first column (1, 2, …).
        code: the product's code.
        description: what the goods are, as printed.
        quantity: how many, in ``unit_code`` units; up to three decimals.
        unit_code: SUNAT catalogue 03 (UN/ECE) code: ``NIU`` unit, ``C62`` piece,
            ``KGM`` kilogram, ``MTR`` metre, ``PR`` pair, ``DZN`` dozen …
        batch_code: the production batch (*lote*) the goods come from; ``None`` if none.
        unit_name: the unit code's name (``"Unidad"``), printed in a legend under the
            table; ``None`` to print the code alone.

    Raises:
        ValueError: the quantity is not positive or has more than three decimals.
    """

    number: int
    code: str
    description: str
    quantity: Decimal
    unit_code: str
    batch_code: str | None = None
    unit_name: str | None = None

    def __post_init__(self) -> None:
        _check_decimals(f"line {self.number}: quantity", self.quantity)
        if not self.quantity > 0:
            raise ValueError(f"line {self.number}: quantity must be positive: {self.quantity}")


@dataclass(frozen=True)
class DeliverySignature:
    """Who dispatched or received the goods; blank fields are left to fill by hand.

    Attributes:
        name: full name.
        document: identity document as printed, e.g. ``"DNI 01234567"``.
        on: the day of dispatch or receipt.
    """

    name: str | None = None
    document: str | None = None
    on: date | None = None


@dataclass(frozen=True)
class DeliveryNoteData:
    """Everything printed on a delivery note.

    Attributes:
        header: the letterhead's regional office and logo, and the PDF's author.
        series: the note's series, e.g. ``"NE01"``.
        number: the full number, e.g. ``"NE01-000001"``; ``None`` exactly while the note
            is a draft (numbers are assigned on issue).
        state: draft, issued, received or annulled.
        issue_date: the day the note is issued.
        transfer_start_date: the day the goods start to travel (not before issue).
        sender: who sends.
        recipient: who receives.
        reason: why the goods travel.
        departure: where they leave from.
        arrival: where they go.
        transport: how they travel.
        lines: the goods, in the order printed.
        gross_weight_kg: total gross weight in kilograms, up to three decimals.
        packages: number of packages (*bultos*).
        related_order: the order (*pedido*) delivered, as printed; ``None`` if none.
        related_agreement: the agreement (*convenio*) it falls under; ``None`` if none.
        observations: free text, at most 250 characters; ``None`` if none.
        dispatched_by: who dispatched the goods.
        received_by: who received them.
        annulled_on: the day the note was annulled (annulled notes only).
        annul_reason: why it was annulled (annulled notes only).

    Raises:
        ValueError: the number disagrees with the state or the series, the transfer
            starts before issue, the weight or packages are negative or too precise, the
            observations are too long, or annulment data is on a note not annulled.
    """

    header: InstitutionHeader
    series: str
    number: str | None
    state: DeliveryState
    issue_date: date
    transfer_start_date: date
    sender: DeliverySender
    recipient: DeliveryRecipient
    reason: TransferReason
    departure: DeliveryAddress
    arrival: DeliveryAddress
    transport: Transport
    lines: tuple[DeliveryLine, ...]
    gross_weight_kg: Decimal
    packages: int
    related_order: str | None = None
    related_agreement: str | None = None
    observations: str | None = None
    dispatched_by: DeliverySignature = field(default_factory=DeliverySignature)
    received_by: DeliverySignature = field(default_factory=DeliverySignature)
    annulled_on: date | None = None
    annul_reason: str | None = None

    def __post_init__(self) -> None:
        self._check_number()
        if self.transfer_start_date < self.issue_date:
            raise ValueError("the transfer starts before the note is issued")
        _check_decimals("gross weight", self.gross_weight_kg)
        if self.gross_weight_kg < 0 or self.packages < 0:
            raise ValueError("weight and packages must not be negative")
        if self.observations and len(self.observations) > MAX_OBSERVATIONS:
            raise ValueError(f"observations longer than {MAX_OBSERVATIONS} characters")
        annulled = self.state is DeliveryState.ANULADA
        if not annulled and (self.annulled_on or self.annul_reason):
            raise ValueError(f"annulment data on a note in state {self.state.value}")

    def _check_number(self) -> None:
        # The same rule as the table's "numbered_once_issued" constraint.
        draft = self.state is DeliveryState.BORRADOR
        if draft != (self.number is None):
            raise ValueError(f"a note in state {self.state.value} with number {self.number!r}")
        if self.number is not None:
            series, _sequence = parse_delivery_number(self.number)
            if series != self.series:
                raise ValueError(f"number {self.number} is not of series {self.series}")

    @property
    def is_draft(self) -> bool:
        """Tell whether the note is a draft (no number, no value)."""
        return self.state is DeliveryState.BORRADOR

    @property
    def is_annulled(self) -> bool:
        """Tell whether the note was annulled."""
        return self.state is DeliveryState.ANULADA
