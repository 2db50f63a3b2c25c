"""Clients and partners, products and agreements (*convenios*) of the demo.

Companies carry valid RUCs (20…, SUNAT's check digit); State entities too; natural
persons a DNI or their personal RUC (10 + DNI + check).  The company names are made up.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from carceles_desktop.domain.enums import AgreementState, PartnerKind, Sex
from carceles_desktop.domain.rules.identity import ruc_for_dni
from carceles_desktop.domain.rules.text import fold
from carceles_desktop.services.demo import names
from carceles_desktop.services.demo.bulk import Bulk, Row, uuid_int
from carceles_desktop.services.demo.clock import office_time
from carceles_desktop.services.demo.goods import PRODUCTS, TRADE_PREFIX
from carceles_desktop.services.demo.world import (
    Carrier,
    EstablishmentInfo,
    PartnerInfo,
    ProductRow,
    WorkshopInfo,
    World,
)

# fmt: off
#: State entities: key → (name, address, ubigeo).  The institution's own RUC is the
#: settings' default, so that transfers between its establishments name it.
STATE_ENTITIES: dict[str, tuple[str, str, str]] = {
    "inpe": ("Instituto Nacional Penitenciario", "Sede central, Cercado de Lima", "150101"),
    "ejercito": ("Ejército del Perú", "Cuartel General del Ejército, San Borja, Lima",
                 "150130"),
    "marina": ("Marina de Guerra del Perú", "Base Naval del Callao, Callao", "070101"),
    "policia": ("Policía Nacional del Perú", "Dirección de Logística, Cercado de Lima",
                "150101"),
    "muni_sjl": ("Municipalidad Distrital de San Juan de Lurigancho",
                 "Jr. Los Amautas 180, San Juan de Lurigancho, Lima", "150132"),
    "muni_chincha": ("Municipalidad Provincial de Chincha", "Plaza de Armas s/n, Chincha Alta",
                     "110201"),
    "ugel": ("Unidad de Gestión Educativa Local N.° 05", "Av. Próceres de la Independencia, "
             "San Juan de Lurigancho, Lima", "150132"),
    "hospital": ("Hospital Regional de Ica", "Av. Prolongación Ayabaca s/n, Ica", "110101"),
    "gore_cusco": ("Gobierno Regional del Cusco", "Av. Tomasa Tito Condemayta s/n, Cusco",
                   "080101"),
}
INSTITUTION_RUC = "20131370050"

#: Companies the layout names: key → (name, address, ubigeo).
FIXED_COMPANIES: dict[str, tuple[str, str, str]] = {
    "libertad": ("Confecciones Libertad S.A.C.", "Jr. Gamarra 1020, La Victoria, Lima",
                 "150115"),
    "cueros": ("Cueros Finos del Pacífico S.A.C.", "Av. Argentina 2450, Cercado de Lima",
               "150101"),
    "alpaca": ("Alpaca Fina del Sur S.A.C.", "Parque Industrial, Arequipa", "040101"),
    "moda": ("Moda Solidaria del Perú S.A.C.", "Av. Larco 880, Miraflores, Lima", "150122"),
}
#: A Bolivian importer has no RUC: SUNAT's catalogue 06 code 0, its tax number.
FOREIGN_CLIENT = ("Importadora Andina del Sur S.R.L. (Bolivia)",
                  "Almacén de agente de aduanas, Callao (destino: La Paz, Bolivia)", "070101",
                  "1028394021")

_FIRST = ("Comercial", "Distribuidora", "Inversiones", "Corporación", "Grupo", "Industrias",
          "Negociaciones", "Servicios Generales")
_SECOND = ("Los Andes", "San Martín de Porres", "Santa Rosa", "El Progreso", "Huáscar",
           "Amauta", "Pachacútec", "Nueva Esperanza", "Señor de los Milagros",
           "Virgen de Chapi", "Inca Garcilaso", "Túpac Amaru", "Mariscal Cáceres",
           "Sol Naciente", "Costa Verde", "Selva Central", "Ñawpa", "Cóndor Pasa")
_SUFFIX = ("S.A.C.", "S.R.L.", "E.I.R.L.", "S.A.")
_TRADE_WORD = {"CONFECCION_TEXTIL": "Textiles", "CARPINTERIA": "Muebles",
               "METAL_MECANICA": "Metalmecánica", "PANADERIA": "Panificadora",
               "CUERO_CALZADO": "Calzados", "MARROQUINERIA": "Marroquinería",
               "PRENDAS_ALPACA": "Alpacas", "TEXTIL_ANDINO": "Tejidos Andinos",
               "CERAMICA": "Cerámicas", "AGRICULTURA": "Agroexportadora"}
_CARRIERS = ("Transportes Rápidos del Sur S.A.C.", "Transportes y Carga El Cóndor S.A.C.",
             "Cargo Express Chasqui S.A.C.", "Transportes Señor de Muruhuay E.I.R.L.",
             "Empresa de Transportes Virgen de la Puerta S.R.L.",
             "Logística Integral Qhapaq Ñan S.A.C.")
_STREETS = ("Av. Túpac Amaru", "Jr. Ayacucho", "Av. Grau", "Jr. Junín", "Av. Bolognesi",
            "Calle Lima", "Jr. Huáscar", "Av. Los Próceres", "Jr. San Martín", "Av. Perú")
# fmt: on


def phone(rng: random.Random) -> str:
    """A mobile number (nine digits starting with 9)."""
    return f"9{rng.randrange(10**8):08d}"


def _partner_row(bulk: Bulk, info: PartnerInfo, rng: random.Random, when: date) -> Row:
    stamp = bulk.stamp(office_time(when, rng))
    email = None
    if info.kind is not PartnerKind.PERSON:
        email = f"contacto{info.id}@{fold(info.name).split()[0]}.pe"
    return {
        "id": info.id,
        "uuid": bulk.uuid(info.uuid),
        "created_at": stamp,
        "updated_at": stamp,
        "kind": info.kind.value,
        "id_type": info.id_type,
        "id_number": info.id_number,
        "name": info.name,
        "address": info.address,
        "ubigeo": info.ubigeo,
        "contact_name": info.contact,
        "phone": phone(rng),
        "email": email,
        "name_key": fold(info.name),
        "active": True,
    }


class PartnerMaker:
    """Makes partner records with keys, UUIDs and valid identity numbers."""

    def __init__(self, world: World, bulk: Bulk) -> None:
        self.world = world
        self.bulk = bulk
        self.rng = world.rng("partners")
        self.rows: list[Row] = []

    def make(
        self, kind: PartnerKind, name: str, address: str, ubigeo: str, *, number: str = ""
    ) -> PartnerInfo:
        """Create one partner; ``number`` forces the identity number (and type)."""
        rng, documents = self.rng, self.world.documents
        contact = names.citizen(rng, documents).full_name
        if kind is PartnerKind.PERSON:
            person = names.citizen(rng, documents)
            name, contact = person.full_name, person.full_name
            dni = person.doc_number or documents.dni(rng)
            id_type, id_number = ("6", ruc_for_dni(dni)) if rng.random() < 0.3 else ("1", dni)
        elif number:
            id_type, id_number = ("6", number) if len(number) == 11 else ("0", number)
        else:
            id_type, id_number = "6", documents.ruc20(rng)
        info = PartnerInfo(
            id=self.bulk.next_id("partners"),
            uuid=uuid_int(rng),
            kind=kind,
            id_type=id_type,
            id_number=id_number,
            name=name,
            address=address,
            ubigeo=ubigeo,
            contact=contact,
        )
        when = self.world.start - timedelta(days=rng.randrange(0, 400))
        self.rows.append(_partner_row(self.bulk, info, rng, when))
        return info

    def company(self, city: str, ubigeo: str, first: str | None = None) -> PartnerInfo:
        """A made-up company in ``city``."""
        rng = self.rng
        title = f"{first or rng.choice(_FIRST)} {rng.choice(_SECOND)} {rng.choice(_SUFFIX)}"
        address = f"{rng.choice(_STREETS)} {rng.randrange(100, 2500)}, {city}"
        return self.make(PartnerKind.COMPANY, title, address, ubigeo)

    def person(self, city: str, ubigeo: str) -> PartnerInfo:
        """A natural person living in ``city``."""
        address = f"{self.rng.choice(_STREETS)} {self.rng.randrange(100, 2500)}, {city}"
        return self.make(PartnerKind.PERSON, "", address, ubigeo)


def create_partners(world: World, bulk: Bulk) -> PartnerMaker:
    """Make the State entities, the named and generic companies, persons and carriers."""
    maker = PartnerMaker(world, bulk)
    for key, (name, address, ubigeo) in STATE_ENTITIES.items():
        number = INSTITUTION_RUC if key == "inpe" else world.documents.ruc20(maker.rng)
        world.state_partners[key] = maker.make(
            PartnerKind.STATE, name, address, ubigeo, number=number
        )
    for key, (name, address, ubigeo) in FIXED_COMPANIES.items():
        world.state_partners[key] = maker.make(PartnerKind.COMPANY, name, address, ubigeo)
    name, address, ubigeo, number = FOREIGN_CLIENT
    world.state_partners["bolivia"] = maker.make(
        PartnerKind.COMPANY, name, address, ubigeo, number=number
    )
    cities = sorted({(e.city, e.ubigeo) for e in world.establishments})
    for index in range(max(12, len(world.establishments) // 2)):
        city, ubigeo = cities[index % len(cities)]
        world.companies.append(maker.company(city, ubigeo))
    for establishment in world.establishments:
        establishment.persons = [
            maker.person(establishment.city, establishment.ubigeo) for _ in range(6)
        ]
    world.carriers = [Carrier(world.documents.ruc20(maker.rng), name) for name in _CARRIERS]
    for _ in range(12):
        driver = names.citizen(maker.rng, world.documents, Sex.MALE)
        world.drivers.append((driver.full_name, driver.doc_number or ""))
    return maker


def partner_company_for(
    maker: PartnerMaker, trade: str, establishment: EstablishmentInfo
) -> PartnerInfo:
    """A made-up company that runs a workshop of ``trade`` under an agreement."""
    first = _TRADE_WORD.get(trade, "Industrias")
    return maker.company(establishment.city, establishment.ubigeo, first)


def create_products(world: World, bulk: Bulk) -> int:
    """Write every trade's products, coded by trade (``CONF-001``)."""
    rng = world.rng("products")
    rows: list[Row] = []
    for trade, specs in PRODUCTS.items():
        trade_id = world.trade_ids.get(trade)
        if trade_id is None:
            continue
        made = world.products.setdefault(trade, [])
        for number, spec in enumerate(specs, start=1):
            price = round(float(spec.price) * 100)
            grams = round(float(spec.weight) * 1000)
            row = ProductRow(
                bulk.next_id("products"),
                f"{TRADE_PREFIX[trade]}-{number:03d}",
                trade,
                spec,
                price,
                grams,
            )
            made.append(row)
            stamp = bulk.stamp(office_time(world.start - timedelta(days=30), rng))
            rows.append(
                {
                    "id": row.id,
                    "uuid": bulk.uuid(uuid_int(rng)),
                    "created_at": stamp,
                    "updated_at": stamp,
                    "code": row.code,
                    "name": spec.name,
                    "trade_id": trade_id,
                    "unit_code": spec.unit,
                    "unit_price": price,
                    "unit_weight_kg": grams,
                    "name_key": fold(spec.name),
                    "active": True,
                }
            )
    return bulk.insert("products", rows)


def agreement_periods(
    rng: random.Random, today: date, since: int
) -> Iterator[tuple[date, date, AgreementState]]:
    """The agreements of one partnership, newest first: one in force, older ones expired."""
    years = rng.choice((2, 3, 4))
    starts = today - timedelta(days=rng.randrange(60, years * 365 - 60))
    state = AgreementState.VIGENTE
    while True:
        ends = date(starts.year + years, starts.month, min(starts.day, 28)) - timedelta(days=1)
        yield starts, ends, state
        state = AgreementState.VENCIDO
        years = rng.choice((2, 3, 4))
        previous_end = starts - timedelta(days=1)
        starts = date(previous_end.year - years, previous_end.month, min(previous_end.day, 28))
        starts += timedelta(days=1)
        if starts.year < since:
            return


def create_agreements(
    world: World, bulk: Bulk, links: list[tuple[WorkshopInfo, PartnerInfo, int, bool]]
) -> int:
    """Write the agreements of partner-run workshops and of standing clients.

    Args:
        world: the shared state.
        bulk: the writer.
        links: (workshop, partner, first year, partner runs it) for each partnership.
    """
    rng = world.rng("agreements")
    rows: list[Row] = []
    sequence = 0
    for workshop, partner, since, runs in links:
        periods = list(agreement_periods(rng, world.today, since))
        for index, (starts, ends, state) in enumerate(periods):
            sequence += 1
            agreement_id = bulk.next_id("agreements")
            if index == 0:
                if runs:
                    workshop.agreement_id = agreement_id
                else:
                    workshop.client_agreement_id = agreement_id
            final_state = state
            notes = _agreement_notes(workshop, partner, runs)
            if index == len(periods) - 1 and len(periods) > 2:
                final_state = AgreementState.RESUELTO
                ends = starts + (ends - starts) // 2
                notes = "Resuelto por mutuo acuerdo antes de su vencimiento. " + notes
            signed = starts - timedelta(days=rng.randrange(5, 40))
            stamp = bulk.stamp(office_time(signed, rng))
            rows.append(
                {
                    "id": agreement_id,
                    "uuid": bulk.uuid(uuid_int(rng)),
                    "created_at": stamp,
                    "updated_at": stamp,
                    "number": f"{sequence:03d}-{signed.year}-INPE/{_tag(workshop)}",
                    "partner_id": partner.id,
                    "workshop_id": workshop.id,
                    "signed_on": bulk.day(signed),
                    "starts_on": bulk.day(starts),
                    "ends_on": bulk.day(ends),
                    "state": final_state.value,
                    "notes": notes[:500],
                }
            )
    return bulk.insert("agreements", rows)


def _tag(workshop: WorkshopInfo) -> str:
    # Workshop codes are the establishment's tag, a dash, then the trade and a number.
    return workshop.code.rsplit("-", 1)[0]


def _agreement_notes(workshop: WorkshopInfo, partner: PartnerInfo, runs: bool) -> str:
    if runs:
        return (
            f"Convenio con {partner.name} para la instalación de maquinaria y la operación "
            f"del taller «{workshop.name}»: la empresa aporta insumos y capacitación; "
            "los internos perciben remuneración según el D. Leg. 1343."
        )
    return (
        f"Convenio de suministro con {partner.name}: el taller «{workshop.name}» atiende "
        "sus pedidos con recursos propios del establecimiento."
    )
