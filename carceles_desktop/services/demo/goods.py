"""What each trade makes, in what units, at what price, from which materials.

Units are SUNAT catalogue 03 codes (NIU unit, PR pair, SET set, KGM kilogram, DZN dozen,
MTR metre).  Prices and weights are plausible, not quoted from anyone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Material:
    """A material and how much of it one unit of product takes."""

    description: str
    unit: str
    unit_cost: str
    per_unit: str


@dataclass(frozen=True)
class ProductSpec:
    """A product of a trade.

    Attributes:
        name: the product's name.
        unit: SUNAT unit code.
        price: unit price in soles.
        weight: kilograms per unit.
        batch: smallest and largest batch.
        days: shortest and longest batch, in calendar days.
        pack: units per package on a delivery.
        materials: what one unit is made of.
    """

    name: str
    unit: str
    price: str
    weight: str
    batch: tuple[int, int]
    days: tuple[int, int]
    pack: int
    materials: tuple[Material, ...]


def _m(description: str, unit: str, cost: str, per_unit: str) -> Material:
    return Material(description, unit, cost, per_unit)


_TELA = _m("Tela drill 100 % algodón", "MTR", "12.50", "1.600")
_HILO = _m("Hilo de costura poliéster (cono)", "NIU", "6.80", "0.050")
_TORNILLO = _m("Madera tornillo cepillada (pie tablar)", "NIU", "7.20", "8.000")
_BARNIZ = _m("Barniz marino", "LTR", "38.00", "0.150")
_FIERRO = _m('Tubo de fierro negro 1" x 6 m', "NIU", "42.00", "0.800")
_SOLDADURA = _m("Soldadura punto azul", "KGM", "18.50", "0.300")
_HARINA = _m("Harina de trigo panadera", "KGM", "3.40", "0.060")
_CUERO = _m("Cuero de res curtido (pie²)", "NIU", "6.50", "4.000")
_FIBRA = _m("Hilo de alpaca teñido", "KGM", "95.00", "0.300")

# fmt: off
PRODUCTS: dict[str, tuple[ProductSpec, ...]] = {
    "CONFECCION_TEXTIL": (
        ProductSpec("Polo de algodón cuello redondo", "NIU", "18.00", "0.180", (300, 1200),
                    (10, 25), 50, (_m("Tela jersey de algodón", "KGM", "28.00", "0.200"),
                                   _HILO)),
        ProductSpec("Pantalón de drill", "NIU", "45.00", "0.450", (150, 600), (12, 30), 25,
                    (_TELA, _HILO, _m("Cierre metálico 18 cm", "NIU", "0.90", "1.000"))),
        ProductSpec("Uniforme de campaña (camisaco y pantalón)", "SET", "120.00", "1.200",
                    (400, 1500), (20, 40), 20,
                    (_m("Tela camuflada rip-stop", "MTR", "16.00", "3.200"), _HILO)),
        ProductSpec("Mandil de cocina", "NIU", "15.00", "0.150", (200, 600), (7, 15), 50,
                    (_m("Tela dril blanca", "MTR", "9.50", "0.800"), _HILO)),
        ProductSpec("Sábana de plaza y media", "NIU", "35.00", "0.600", (200, 500), (8, 20),
                    20, (_m("Tela percal", "MTR", "8.00", "2.400"), _HILO)),
    ),
    "CARPINTERIA": (
        ProductSpec("Carpeta escolar unipersonal", "NIU", "150.00", "12.000", (40, 200),
                    (15, 35), 1, (_TORNILLO, _BARNIZ, _FIERRO)),
        ProductSpec("Silla de madera tornillo", "NIU", "85.00", "6.500", (30, 120), (10, 25),
                    2, (_TORNILLO, _BARNIZ)),
        ProductSpec("Mesa de comedor para seis personas", "NIU", "420.00", "35.000", (10, 40),
                    (15, 30), 1, (_TORNILLO, _BARNIZ)),
        ProductSpec("Ropero de dos puertas", "NIU", "560.00", "48.000", (8, 30), (15, 35), 1,
                    (_TORNILLO, _BARNIZ, _m("Bisagra cangrejo", "NIU", "3.50", "4.000"))),
    ),
    "TALLADO": (
        ProductSpec("Marco tallado para espejo", "NIU", "95.00", "2.500", (15, 60), (15, 35),
                    5, (_m("Madera cedro (pie tablar)", "NIU", "11.00", "3.000"), _BARNIZ)),
        ProductSpec("Baúl tallado", "NIU", "380.00", "14.000", (5, 20), (20, 40), 1,
                    (_m("Madera cedro (pie tablar)", "NIU", "11.00", "18.000"), _BARNIZ)),
    ),
    "METAL_MECANICA": (
        ProductSpec("Puerta metálica de una hoja", "NIU", "650.00", "45.000", (10, 40),
                    (15, 30), 1, (_FIERRO, _SOLDADURA,
                                  _m("Plancha LAF 1/32\"", "NIU", "95.00", "1.000"))),
        ProductSpec("Estante metálico de cinco niveles", "NIU", "180.00", "18.000", (20, 80),
                    (10, 25), 1, (_m("Ángulo ranurado 2 m", "NIU", "14.00", "4.000"),
                                  _SOLDADURA)),
        ProductSpec("Parrilla de carbón", "NIU", "220.00", "22.000", (15, 50), (10, 25), 1,
                    (_FIERRO, _SOLDADURA)),
    ),
    "PANADERIA": (
        ProductSpec("Pan francés (bolsa de 10 unidades)", "NIU", "2.00", "0.300",
                    (2000, 6000), (5, 7), 20, (_HARINA, _m("Levadura fresca", "KGM", "9.00",
                                                           "0.004"))),
        ProductSpec("Panetón de 900 g", "NIU", "25.00", "0.950", (500, 2500), (10, 20), 6,
                    (_m("Harina de trigo especial", "KGM", "4.20", "0.450"),
                     _m("Fruta confitada", "KGM", "12.00", "0.120"))),
        ProductSpec("Keke de naranja", "NIU", "12.00", "0.700", (200, 800), (5, 10), 10,
                    (_HARINA, _m("Huevo de gallina", "KGM", "7.50", "0.150"))),
    ),
    "CUERO_CALZADO": (
        ProductSpec("Botín de cuero para varón", "PR", "95.00", "1.100", (100, 400),
                    (15, 30), 12, (_CUERO, _m("Planta de caucho (par)", "PR", "8.00",
                                              "1.000"))),
        ProductSpec("Zapato escolar negro", "PR", "65.00", "0.850", (150, 600), (15, 30), 12,
                    (_CUERO, _m("Planta de PVC (par)", "PR", "5.50", "1.000"))),
        ProductSpec("Bota de seguridad con puntera", "PR", "130.00", "1.600", (80, 300),
                    (15, 35), 6, (_CUERO, _m("Puntera de acero (par)", "PR", "9.00",
                                             "1.000"))),
    ),
    "MARROQUINERIA": (
        ProductSpec("Cartera de cuero para dama", "NIU", "140.00", "0.600", (100, 400),
                    (12, 25), 10, (_CUERO, _m("Herraje dorado (juego)", "SET", "6.00",
                                              "1.000"))),
        ProductSpec("Billetera de cuero", "NIU", "45.00", "0.080", (300, 1000), (10, 20), 50,
                    (_m("Cuero napa (pie²)", "NIU", "7.50", "0.800"),)),
        ProductSpec("Correa de cuero", "NIU", "38.00", "0.150", (300, 900), (8, 18), 50,
                    (_CUERO, _m("Hebilla metálica", "NIU", "2.50", "1.000"))),
    ),
    "ARTESANIA": (
        ProductSpec("Cuadro decorativo pintado", "NIU", "60.00", "1.200", (20, 80), (10, 25),
                    5, (_m("Lienzo con bastidor", "NIU", "12.00", "1.000"),)),
        ProductSpec("Collares de bisutería", "DZN", "36.00", "0.240", (20, 80), (7, 20), 5,
                    (_m("Mostacilla (bolsa de 500 g)", "NIU", "9.00", "0.200"),)),
        ProductSpec("Caja de regalo decorada", "NIU", "18.00", "0.300", (50, 200), (7, 15),
                    20, (_m("Cartón prensado", "NIU", "1.50", "1.000"),)),
    ),
    "TEXTIL_ANDINO": (
        ProductSpec("Chalina de telar", "NIU", "45.00", "0.200", (40, 150), (15, 30), 20,
                    (_FIBRA,)),
        ProductSpec("Manta andina", "NIU", "120.00", "1.100", (15, 60), (20, 40), 5,
                    (_m("Hilo de lana de oveja teñido", "KGM", "38.00", "1.000"),)),
        ProductSpec("Tela de telar de pedal", "MTR", "35.00", "0.400", (50, 200), (15, 30), 25,
                    (_m("Hilo de lana de oveja teñido", "KGM", "38.00", "0.350"),)),
    ),
    "CERAMICA": (
        ProductSpec("Toro de Pucará mediano", "NIU", "55.00", "1.500", (30, 120), (15, 30), 6,
                    (_m("Arcilla preparada", "KGM", "2.50", "1.800"),)),
        ProductSpec("Juego de seis tazas", "SET", "48.00", "1.800", (20, 80), (15, 30), 4,
                    (_m("Arcilla preparada", "KGM", "2.50", "2.200"),
                     _m("Esmalte cerámico", "KGM", "30.00", "0.100"))),
    ),
    "CESTERIA": (
        ProductSpec("Sombrero de paja toquilla", "NIU", "28.00", "0.120", (500, 2500),
                    (20, 40), 50, (_m("Paja toquilla (atado)", "NIU", "4.00", "0.500"),)),
        ProductSpec("Canasta de junco", "NIU", "22.00", "0.400", (100, 400), (10, 25), 10,
                    (_m("Junco seco (atado)", "NIU", "3.00", "1.000"),)),
    ),
    "TEJIDO": (
        ProductSpec("Chompa tejida a mano", "NIU", "75.00", "0.450", (30, 120), (15, 35), 10,
                    (_m("Lana acrílica (ovillo)", "NIU", "6.50", "5.000"),)),
        ProductSpec("Chullo tejido", "NIU", "25.00", "0.100", (80, 300), (10, 25), 25,
                    (_m("Lana acrílica (ovillo)", "NIU", "6.50", "1.000"),)),
    ),
    "BORDADO": (
        ProductSpec("Mantel bordado a mano", "NIU", "85.00", "0.700", (20, 80), (15, 35), 10,
                    (_m("Tela lino", "MTR", "22.00", "1.800"), _m("Hilo mouliné (madeja)",
                                                                  "NIU", "1.20", "6.000"))),
        ProductSpec("Cojín bordado", "NIU", "35.00", "0.350", (40, 150), (10, 25), 10,
                    (_m("Tela lino", "MTR", "22.00", "0.500"),)),
    ),
    "SERIGRAFIA": (
        ProductSpec("Polo estampado a dos colores", "NIU", "22.00", "0.180", (200, 1000),
                    (5, 15), 50, (_m("Polo blanco para estampar", "NIU", "9.00", "1.000"),
                                  _m("Tinta plastisol", "KGM", "45.00", "0.020"))),
        ProductSpec("Bolsa ecológica estampada", "NIU", "6.50", "0.060", (500, 2000),
                    (5, 12), 100, (_m("Bolsa de tela notejida", "NIU", "1.80", "1.000"),)),
    ),
    "RECICLAJE": (
        ProductSpec("Plástico PET molido", "KGM", "1.80", "1.000", (500, 2000), (10, 25), 25,
                    (_m("Botellas PET recuperadas", "KGM", "0.30", "1.150"),)),
        ProductSpec("Papel reciclado en pacas", "KGM", "0.60", "1.000", (800, 3000),
                    (10, 25), 50, (_m("Papel de oficina recuperado", "KGM", "0.10",
                                      "1.050"),)),
    ),
    "AGRICULTURA": (
        ProductSpec("Café pergamino", "KGM", "12.00", "1.000", (300, 1500), (20, 45), 60,
                    (_m("Abono orgánico", "KGM", "1.20", "0.800"),)),
        ProductSpec("Hortalizas de biohuerto", "KGM", "3.50", "1.000", (200, 800), (15, 30),
                    20, (_m("Semillas de hortalizas (sobre)", "NIU", "4.00", "0.010"),)),
    ),
    "PRENDAS_ALPACA": (
        ProductSpec("Chompa de alpaca", "NIU", "180.00", "0.400", (60, 250), (15, 35), 10,
                    (_FIBRA,)),
        ProductSpec("Chullo de alpaca", "NIU", "45.00", "0.090", (150, 500), (10, 25), 25,
                    (_m("Hilo de alpaca teñido", "KGM", "95.00", "0.080"),)),
        ProductSpec("Guantes de alpaca", "PR", "35.00", "0.070", (150, 500), (10, 20), 25,
                    (_m("Hilo de alpaca teñido", "KGM", "95.00", "0.060"),)),
    ),
    "ELECTRICIDAD": (
        ProductSpec("Extensión eléctrica de 5 m", "NIU", "25.00", "0.500", (50, 200),
                    (7, 15), 20, (_m("Cable mellizo 2x14 AWG", "MTR", "1.60", "5.000"),)),
    ),
}

#: Short prefixes for product and workshop codes.
TRADE_PREFIX: dict[str, str] = {
    "CARPINTERIA": "CARP", "TALLADO": "TALL", "METAL_MECANICA": "META",
    "CONFECCION_TEXTIL": "CONF", "TEJIDO": "TEJI", "TEXTIL_ANDINO": "TEXT", "BORDADO": "BORD",
    "SERIGRAFIA": "SERI", "CUERO_CALZADO": "CALZ", "MARROQUINERIA": "MARR", "CERAMICA": "CERA",
    "CESTERIA": "CEST", "ARTESANIA": "ARTE", "PANADERIA": "PANA", "RECICLAJE": "RECI",
    "COSMETOLOGIA": "COSM", "COMPUTACION": "COMP", "ELECTRICIDAD": "ELEC",
    "AGRICULTURA": "AGRI", "PRENDAS_ALPACA": "ALPA",
}
# fmt: on
