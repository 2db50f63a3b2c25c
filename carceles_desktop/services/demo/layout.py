"""Which workshops the demo places in which establishment, and where each one is.

A few establishments follow what the programme is known for (Lurigancho's textiles,
Chincha's Army uniforms and straw hats, Ancón II's leather workshop run by a company,
Quencoro's inmates' own ventures, Santa Mónica's women's workshops); the others get
workshops drawn from trades that suit who they hold and where they are.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from carceles_desktop.domain.enums import WorkshopModality as M


@dataclass(frozen=True)
class WorkshopSpec:
    """A workshop to create.

    Attributes:
        name: its name.
        trade: the trade's code.
        modality: how it runs.
        capacity: places.
        hours: hours of a normal day.
        partner: key of the company that runs it (see ``commerce.FIXED_COMPANIES``),
            ``"new"`` for a made-up one, or None.
        since: the year the partner's first agreement was signed.
        client: key of the client it mostly works for, when there is one.
    """

    name: str
    trade: str
    modality: M
    capacity: int
    hours: int = 6
    partner: str | None = None
    since: int | None = None
    client: str | None = None


# fmt: off
TEMPLATES: dict[str, tuple[WorkshopSpec, ...]] = {
    "LURIGANCHO": (
        WorkshopSpec("Taller de Confección Textil", "CONFECCION_TEXTIL", M.INPE, 40),
        WorkshopSpec("Confección Textil – Confecciones Libertad", "CONFECCION_TEXTIL",
                     M.PARTNER, 45, 8, partner="libertad", since=2019),
        WorkshopSpec("Taller de Carpintería", "CARPINTERIA", M.INPE, 30),
        WorkshopSpec("Taller de Metal Mecánica y Soldadura", "METAL_MECANICA", M.INPE, 25),
        WorkshopSpec("Panadería y Pastelería", "PANADERIA", M.INPE, 20, 8),
        WorkshopSpec("Taller de Calzado", "CUERO_CALZADO", M.INPE, 25),
        WorkshopSpec("Artesanía y Manualidades", "ARTESANIA", M.OWN_VENTURE, 35, 5),
        WorkshopSpec("Serigrafía y Estampado", "SERIGRAFIA", M.INPE, 15),
        WorkshopSpec("Computación e Informática (CETPRO)", "COMPUTACION", M.TRAINING, 25, 4),
        WorkshopSpec("Tallado en Madera", "TALLADO", M.OWN_VENTURE, 15, 5),
    ),
    "CHINCHA": (
        WorkshopSpec("Confección de Uniformes para el Ejército", "CONFECCION_TEXTIL", M.INPE,
                     45, 8, client="ejercito", since=2021),
        WorkshopSpec("Cestería – Sombreros de Paja", "CESTERIA", M.INPE, 35, 6,
                     client="bolivia"),
        WorkshopSpec("Taller de Carpintería", "CARPINTERIA", M.INPE, 20),
        WorkshopSpec("Panadería", "PANADERIA", M.INPE, 15, 8),
        WorkshopSpec("Artesanía y Manualidades", "ARTESANIA", M.OWN_VENTURE, 25, 5),
    ),
    "ANCON-II": (
        WorkshopSpec("Marroquinería – Cueros Finos del Pacífico", "MARROQUINERIA", M.PARTNER,
                     40, 8, partner="cueros", since=2013),
        WorkshopSpec("Taller de Calzado", "CUERO_CALZADO", M.INPE, 25),
        WorkshopSpec("Panadería y Pastelería", "PANADERIA", M.INPE, 15, 8),
        WorkshopSpec("Computación (CETPRO)", "COMPUTACION", M.TRAINING, 20, 4),
        WorkshopSpec("Taller de Confección Textil", "CONFECCION_TEXTIL", M.INPE, 30),
    ),
    "CUSCO-VARONES": (
        WorkshopSpec("Textil Andino – Emprendimientos Quencoro", "TEXTIL_ANDINO",
                     M.OWN_VENTURE, 30, 6),
        WorkshopSpec("Cerámica Artesanal", "CERAMICA", M.OWN_VENTURE, 20, 5),
        WorkshopSpec("Tallado en Madera", "TALLADO", M.OWN_VENTURE, 15, 5),
        WorkshopSpec("Taller de Carpintería", "CARPINTERIA", M.INPE, 20),
        WorkshopSpec("Prendas de Alpaca – Alpaca Fina del Sur", "PRENDAS_ALPACA", M.PARTNER,
                     25, 8, partner="alpaca", since=2022),
    ),
    "MUJERES-CHORRILLOS": (
        WorkshopSpec("Confección Textil – Moda Solidaria", "CONFECCION_TEXTIL", M.PARTNER, 35,
                     8, partner="moda", since=2018),
        WorkshopSpec("Tejido a Mano", "TEJIDO", M.OWN_VENTURE, 30, 5),
        WorkshopSpec("Taller de Bordado", "BORDADO", M.INPE, 20),
        WorkshopSpec("Cosmetología (CETPRO)", "COSMETOLOGIA", M.TRAINING, 20, 4),
        WorkshopSpec("Panadería y Pastelería", "PANADERIA", M.INPE, 15, 8),
    ),
}

#: Relative size of an establishment's workshop programme (3 when not listed).
WEIGHTS: dict[str, int] = {
    "LURIGANCHO": 10, "MIGUEL-CASTRO-CASTRO": 7, "CALLAO": 6, "ANCON": 7, "ANCON-II": 6,
    "CHINCHA": 6, "ICA": 5, "TRUJILLO": 7, "AREQUIPA": 6, "CUSCO-VARONES": 6,
    "HUANCAYO": 6, "PIURA": 6, "CHICLAYO": 6, "MUJERES-CHORRILLOS": 6, "CHIMBOTE": 5,
    "HUARAL": 4, "CANETE": 4, "HUACHO": 4, "CAJAMARCA": 4, "PUNO": 4, "JULIACA": 4,
    "TACNA": 4, "PUCALLPA": 4, "TARAPOTO": 4, "IQUITOS": 4, "HUANUCO": 4, "AYACUCHO": 4,
    "SULLANA": 4, "CEREC-BASE-NAVAL": 1, "CHALLAPALCA": 1, "BARBADILLO": 1,
    "ANEXO-MUJERES-CHORRILLOS": 2, "VIRGEN-FATIMA": 2,
}

_MEN = ("CARPINTERIA", "METAL_MECANICA", "CUERO_CALZADO", "PANADERIA", "ARTESANIA",
        "CONFECCION_TEXTIL", "ELECTRICIDAD", "COMPUTACION", "SERIGRAFIA", "TALLADO",
        "RECICLAJE")
_WOMEN = ("CONFECCION_TEXTIL", "TEJIDO", "BORDADO", "COSMETOLOGIA", "PANADERIA", "ARTESANIA",
          "COMPUTACION", "MARROQUINERIA")
_REGIONAL = {
    "SUR_ORIENTE": ("TEXTIL_ANDINO", "PRENDAS_ALPACA", "CERAMICA"),
    "ALTIPLANO": ("PRENDAS_ALPACA", "TEXTIL_ANDINO", "TEJIDO"),
    "SUR": ("PRENDAS_ALPACA", "CERAMICA"),
    "CENTRO": ("TEXTIL_ANDINO", "TEJIDO", "AGRICULTURA"),
    "ORIENTE": ("AGRICULTURA", "ARTESANIA"),
    "NOR_ORIENTE": ("AGRICULTURA", "ARTESANIA", "CESTERIA"),
    "NORTE": ("CERAMICA", "CESTERIA", "CUERO_CALZADO"),
    "LIMA": ("CONFECCION_TEXTIL", "MARROQUINERIA"),
}
#: Trades taught as courses tied to a CETPRO, and those often run as own ventures.
_TRAINING = frozenset({"COMPUTACION", "ELECTRICIDAD", "COSMETOLOGIA"})
_CRAFTS = frozenset({"ARTESANIA", "TALLADO", "TEXTIL_ANDINO", "CERAMICA", "TEJIDO",
                     "CESTERIA"})
#: Trades whose workers are mostly women in a mixed establishment.
WOMENS_TRADES = frozenset({"TEJIDO", "BORDADO", "COSMETOLOGIA"})

#: Ubigeo (department, province, district) of each establishment's city.
CITY_UBIGEO: dict[str, str] = {
    "Tumbes": "240101", "Piura": "200101", "Sullana": "200601", "Chiclayo": "140101",
    "Trujillo": "130101", "Pacasmayo": "130701", "Cajamarca": "060101", "Chota": "060401",
    "Jaén": "060801", "San Ignacio": "060901", "Huaraz": "020101", "Chimbote": "021801",
    "Callao": "070101", "Lima": "150101", "Huacho": "150801", "Cañete": "150501",
    "Huaral": "150601", "Ica": "110101", "Chincha": "110211", "Arequipa": "040126",
    "Camaná": "040201", "Moquegua": "180101", "Tacna": "230101", "Huancayo": "120101",
    "Concepción": "120201", "Chanchamayo": "120301", "Jauja": "120401", "Tarma": "120701",
    "La Oroya": "120801", "Río Negro": "120606", "Huancavelica": "090101",
    "Ayacucho": "050101", "Huanta": "050401", "Huánuco": "100101",
    "Cerro de Pasco": "190101", "Cochamarca": "150902", "Pucallpa": "250101",
    "Abancay": "030101", "Andahuaylas": "030201", "Cusco": "080101", "Sicuani": "080601",
    "Quillabamba": "080901", "Puerto Maldonado": "170101", "Moyobamba": "220101",
    "Juanjuí": "220601", "Tarapoto": "220901", "Sananguillo": "220905",
    "Iquitos": "160101", "Yurimaguas": "160201", "Chachapoyas": "010101",
    "Bagua Grande": "010701", "Puno": "210101", "Lampa": "210701", "Juliaca": "211101",
    "Challapalca": "230401",
}
#: Lima's prisons sit in different districts.
CODE_UBIGEO: dict[str, str] = {
    "LURIGANCHO": "150132", "MIGUEL-CASTRO-CASTRO": "150132", "MUJERES-CHORRILLOS": "150108",
    "ANEXO-MUJERES-CHORRILLOS": "150108", "VIRGEN-FATIMA": "150108", "ANCON": "150102",
    "ANCON-II": "150102", "BARBADILLO": "150103", "VIRGEN-MERCED": "150108",
}
# fmt: on


def ubigeo_of(code: str, city: str | None) -> str:
    """The establishment's ubigeo: its own when listed, else its city's, else Lima's."""
    return CODE_UBIGEO.get(code) or CITY_UBIGEO.get(city or "", "150101")


def workshop_counts(codes: list[str], total: int) -> dict[str, int]:
    """Share ``total`` workshops among establishments by weight (at least one each)."""
    weights = {code: WEIGHTS.get(code, 3) for code in codes}
    scale = total / sum(weights.values())
    counts = {code: max(1, round(weight * scale)) for code, weight in weights.items()}
    # Across the country the known programmes keep all their workshops.
    fixed = {code: len(TEMPLATES[code]) for code in codes if code in TEMPLATES and len(codes) > 1}
    biggest = sorted(codes, key=lambda c: (-weights[c], c))
    step = 0
    while sum(counts.values()) != total and step < 10 * len(codes):
        code = biggest[step % len(biggest)]
        if sum(counts.values()) > total and counts[code] > max(1, fixed.get(code, 1)):
            counts[code] -= 1
        elif sum(counts.values()) < total:
            counts[code] += 1
        step += 1
    for code, minimum in fixed.items():
        counts[code] = max(counts[code], minimum)
    return counts


def plan_workshops(
    rng: random.Random, code: str, population: str, region: str, count: int
) -> list[WorkshopSpec]:
    """The workshops of one establishment: its template first, then drawn ones."""
    template = list(TEMPLATES.get(code, ()))
    # A smaller run (the tests') keeps the first workshops of a template.
    specs = template[:count] if count < len(template) else template
    base = _WOMEN if population == "women" else _MEN if population == "men" else _MEN + _WOMEN
    pool = list(base) + list(_REGIONAL.get(region, ())) * 2
    used: dict[str, int] = {}
    for spec in specs:
        used[spec.trade] = used.get(spec.trade, 0) + 1
    while len(specs) < count:
        trade = rng.choice(pool)
        if used.get(trade, 0) >= 2:
            continue
        used[trade] = used.get(trade, 0) + 1
        specs.append(_drawn_spec(rng, trade, used[trade]))
    return specs


def _drawn_spec(rng: random.Random, trade: str, nth: int) -> WorkshopSpec:
    suffix = " II" if nth > 1 else ""
    if trade in _TRAINING:
        return WorkshopSpec(
            f"{_TRADE_TITLES[trade]} (CETPRO){suffix}", trade, M.TRAINING, rng.randrange(15, 31), 4
        )
    if trade in _CRAFTS and rng.random() < 0.5:
        return WorkshopSpec(
            f"{_TRADE_TITLES[trade]} – Emprendimientos{suffix}",
            trade,
            M.OWN_VENTURE,
            rng.randrange(15, 36),
            5,
        )
    if rng.random() < 0.08:
        return WorkshopSpec(
            f"{_TRADE_TITLES[trade]} – Convenio{suffix}",
            trade,
            M.PARTNER,
            rng.randrange(25, 46),
            8,
            partner="new",
            since=rng.randrange(2016, 2025),
        )
    hours = 8 if trade == "PANADERIA" else 6
    return WorkshopSpec(
        f"Taller de {_TRADE_TITLES[trade]}{suffix}", trade, M.INPE, rng.randrange(15, 41), hours
    )


_TRADE_TITLES = {
    "CARPINTERIA": "Carpintería",
    "TALLADO": "Tallado en Madera",
    "METAL_MECANICA": "Metal Mecánica y Soldadura",
    "CONFECCION_TEXTIL": "Confección Textil",
    "TEJIDO": "Tejido",
    "TEXTIL_ANDINO": "Textil Andino",
    "BORDADO": "Bordado",
    "SERIGRAFIA": "Serigrafía",
    "CUERO_CALZADO": "Calzado",
    "MARROQUINERIA": "Marroquinería",
    "CERAMICA": "Cerámica",
    "CESTERIA": "Cestería",
    "ARTESANIA": "Artesanía y Manualidades",
    "PANADERIA": "Panadería y Pastelería",
    "RECICLAJE": "Reciclaje",
    "COSMETOLOGIA": "Cosmetología",
    "COMPUTACION": "Computación",
    "ELECTRICIDAD": "Electricidad",
    "AGRICULTURA": "Agricultura y Café",
    "PRENDAS_ALPACA": "Prendas de Alpaca",
}
