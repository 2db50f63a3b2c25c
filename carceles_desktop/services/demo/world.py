"""What the phases of the demo generator share: sizes, dates, and the rows made so far.

Only small things live here (establishments, workshops, partners, products, users);
the large ones (trainees, attendance) are made and written one establishment at a time
and then forgotten, so memory stays bounded whatever the scale.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from carceles_desktop.domain.enums import PartnerKind, WorkshopModality
from carceles_desktop.services.demo.audit_trail import AuditTrail, Who
from carceles_desktop.services.demo.goods import ProductSpec
from carceles_desktop.services.demo.names import DocumentPool


@dataclass(frozen=True)
class Size:
    """How much to generate.

    Attributes:
        establishments: codes of the establishments to fill (None: every one).
        trainees: trainees across those establishments.
        workshops: workshops across those establishments.
        history_days: how far back enrolments, attendance and production go.
    """

    establishments: tuple[str, ...] | None
    trainees: int
    workshops: int
    history_days: int = 730


SITE = Size(("LURIGANCHO",), trainees=2_000, workshops=10)
NATIONAL = Size(None, trainees=100_000, workshops=300)


@dataclass(frozen=True)
class Competence:
    """A competency of a trade, as assessments need it."""

    id: int
    hours: int
    required: bool


@dataclass(frozen=True)
class ProductRow:
    """A product written to the database, with its specification."""

    id: int
    code: str
    trade: str
    spec: ProductSpec
    price: int  # céntimos
    weight: int  # grams


@dataclass(frozen=True)
class PartnerInfo:
    """A client or partner written to the database."""

    id: int
    uuid: int
    kind: PartnerKind
    id_type: str
    id_number: str
    name: str
    address: str
    ubigeo: str
    contact: str


@dataclass(frozen=True)
class Carrier:
    """A public transport company (catalogue 18, mode 01)."""

    ruc: str
    name: str


@dataclass
class EstablishmentInfo:
    """An establishment being filled."""

    id: int
    code: str
    name: str
    city: str
    population: str
    region: str
    ubigeo: str
    tag: str
    series: str
    workshop_count: int = 0
    trainee_count: int = 0
    workshops: list[WorkshopInfo] = field(default_factory=list)
    persons: list[PartnerInfo] = field(default_factory=list)

    @property
    def address(self) -> str:
        """Where deliveries leave from."""
        return f"{self.name}, {self.city}"


@dataclass
class WorkshopInfo:
    """A workshop written to the database."""

    id: int
    uuid: int
    code: str
    name: str
    trade: str
    modality: WorkshopModality
    capacity: int
    hours: int  # hundredths of an hour
    instructor: str
    partner: PartnerInfo | None = None
    agreement_id: int | None = None
    client: PartnerInfo | None = None
    client_agreement_id: int | None = None
    supervised: bool = False


@dataclass(frozen=True)
class DemoUsers:
    """The four demo accounts."""

    admin: Who
    jefe: Who
    supervisor: Who
    consulta: Who
    jefe_name: str


@dataclass
class World:
    """Everything the phases share."""

    seed: int
    today: date
    size: Size
    national: bool
    documents: DocumentPool = field(default_factory=DocumentPool)
    audit: AuditTrail = field(init=False)
    establishments: list[EstablishmentInfo] = field(default_factory=list)
    trades: dict[str, list[Competence]] = field(default_factory=dict)
    trade_ids: dict[str, int] = field(default_factory=dict)
    products: dict[str, list[ProductRow]] = field(default_factory=dict)
    state_partners: dict[str, PartnerInfo] = field(default_factory=dict)
    companies: list[PartnerInfo] = field(default_factory=list)
    carriers: list[Carrier] = field(default_factory=list)
    #: (full name, DNI) of drivers and receivers.
    drivers: list[tuple[str, str]] = field(default_factory=list)
    #: (name, city, ubigeo) of every establishment, for transfers between them.
    places: list[tuple[str, str, str]] = field(default_factory=list)
    users: DemoUsers | None = None
    redemption_rule_ids: list[int] = field(default_factory=list)
    holidays: dict[int | None, set[date]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.audit = AuditTrail(self.rng("audit"))

    @property
    def start(self) -> date:
        """The first day of the history."""
        return self.today - timedelta(days=self.size.history_days)

    def rng(self, *parts: object) -> random.Random:
        """A random source of its own for one part of the story.

        Seeding each part by name keeps it the same whatever else changes (another
        establishment, another scale).
        """
        return random.Random("|".join([str(self.seed), *(str(p) for p in parts)]))

    @property
    def who(self) -> DemoUsers:
        """The demo users (made in the second phase)."""
        if self.users is None:
            raise RuntimeError("the demo users are made before they are used")
        return self.users
