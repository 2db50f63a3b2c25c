"""Peruvian (and a few Venezuelan and Colombian) names and identity documents.

Surnames are weighted roughly as they appear in Peru's registries: Quispe, Flores and
Sánchez are common, Ñahui and Ccahuana rarer.  Every name keeps its accents and ñ,
because search, sorting and printing must cope with them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from carceles_desktop.domain.enums import DocumentType, Sex
from carceles_desktop.domain.rules.identity import ruc_check_digit

# fmt: off
# (surname, weight)
_SURNAMES_PE: tuple[tuple[str, int], ...] = (
    ("Quispe", 40), ("Flores", 30), ("Sánchez", 22), ("Rodríguez", 22), ("García", 20),
    ("Rojas", 20), ("Mamani", 25), ("Huamán", 18), ("Chávez", 18), ("Vásquez", 16),
    ("Ramírez", 16), ("Torres", 16), ("Díaz", 14), ("López", 14), ("Mendoza", 14),
    ("Gutiérrez", 12), ("Pérez", 14), ("Castillo", 12), ("Cruz", 12), ("Espinoza", 12),
    ("Gonzales", 12), ("Fernández", 10), ("Ramos", 12), ("Vargas", 12), ("Cárdenas", 8),
    ("Núñez", 8), ("Ñahui", 3), ("Ñaupari", 2), ("Condori", 14), ("Apaza", 8),
    ("Ccori", 3), ("Huanca", 8), ("Yupanqui", 5), ("Ticona", 5), ("Paredes", 8),
    ("Salazar", 8), ("Romero", 8), ("Córdova", 7), ("Ríos", 7), ("Aguilar", 7),
    ("Medina", 7), ("Soto", 6), ("Tapia", 6), ("León", 6), ("Ortiz", 6), ("Herrera", 6),
    ("Morales", 6), ("Rivera", 6), ("Castro", 6), ("Jiménez", 5), ("Peña", 5),
    ("Alarcón", 4), ("Zúñiga", 4), ("Muñoz", 5), ("Ordóñez", 3), ("Benítez", 3),
    ("Sáenz", 2), ("Huertas", 3), ("Villanueva", 5), ("Palomino", 4), ("Carrasco", 4),
    ("Valverde", 4), ("Quiñones", 3), ("Poma", 4), ("Chambi", 3), ("Choque", 5),
    ("Cusi", 2), ("Inga", 3), ("Layme", 2), ("Llanos", 3), ("Ccahuana", 2),
    ("Huarcaya", 3), ("Ayala", 4), ("Tello", 4), ("Cueva", 3), ("Zapata", 4),
    ("Arévalo", 3), ("Saavedra", 3), ("Guevara", 4), ("Lázaro", 3), ("Mejía", 4),
    ("Acuña", 3), ("Avendaño", 2), ("Bermúdez", 2), ("Canchari", 2), ("Oré", 2),
)
_SURNAMES_VE: tuple[tuple[str, int], ...] = (
    ("González", 10), ("Rodríguez", 8), ("Pérez", 8), ("Hernández", 8), ("García", 6),
    ("Martínez", 6), ("Díaz", 5), ("Gómez", 5), ("Marcano", 3), ("Briceño", 3),
    ("Colmenares", 2), ("Guzmán", 3), ("Contreras", 3), ("Chacón", 2), ("Peña", 3),
)
_SURNAMES_CO: tuple[tuple[str, int], ...] = (
    ("Restrepo", 4), ("Ospina", 3), ("Cardona", 3), ("Zapata", 3), ("Valencia", 3),
    ("Giraldo", 3), ("Londoño", 2), ("Muñoz", 3), ("Ríos", 2), ("Betancur", 2),
)
_MEN_PE = (
    "José", "Luis", "Juan", "Carlos", "Jorge", "Miguel", "Ángel", "Raúl", "Jesús", "Víctor",
    "César", "Julio", "Óscar", "Héctor", "Rubén", "Martín", "Edwin", "Wilber", "Percy",
    "Elvis", "Jhon", "Jhonatan", "Kevin", "Brayan", "Anderson", "Frank", "Ronald", "Walter",
    "Wilmer", "Segundo", "Néstor", "Efraín", "Rolando", "Fernando", "Alberto", "Manuel",
    "Pedro", "Pablo", "Andrés", "Ramón", "Iván", "Joel", "Abel", "Nilton", "Yeferson",
    "Cristhian", "Alexander", "Daniel", "David", "Marco Antonio", "José Luis", "Juan Carlos",
    "Luis Alberto", "Miguel Ángel", "Jesús Manuel", "Ángel Raúl", "Simón", "Teófilo",
    "Hernán", "Germán", "Fidel", "Dionisio", "Nicanor", "Gerardo", "Ismael", "Efraín Rubén",
)
_WOMEN_PE = (
    "María", "Rosa", "Ana", "Carmen", "Juana", "Luz", "Elena", "Flor", "Milagros", "Rocío",
    "Sonia", "Gladys", "Yolanda", "Maribel", "Lucía", "Sofía", "Valeria", "Yesenia", "Nancy",
    "Marleny", "Noemí", "Inés", "Raquel", "Teresa", "Ángela", "Mónica", "Verónica",
    "Beatriz", "María Jesús", "Rosa María", "Ana Lucía", "Carmen Rosa", "Judith", "Isabel",
    "Vilma", "Edith", "Zulema", "Dina", "Haydeé", "Maritza", "Olga", "Susana",
)
_MEN_VE = (
    "Yorman", "Yeison", "Jesús", "José Gregorio", "Luis Eduardo", "Carlos Eduardo",
    "Wilmer", "Andrés Eduardo", "Jhonny", "Yonathan", "Ender", "Darwin", "Richard",
)
_WOMEN_VE = ("Yusmary", "Yelitza", "María Alejandra", "Génesis", "Daniela", "Oriana", "Yuleisy")
_MEN_CO = ("Jhon Fredy", "Luis Fernando", "Juan David", "Andrés Felipe", "Jaime", "Wilson")
_WOMEN_CO = ("Luz Dary", "Paola Andrea", "Diana Marcela", "Leidy", "Yurani")

#: Nationalities of foreign inmates and their weight among foreigners.
_FOREIGN = (("Venezolana", 70), ("Colombiana", 18), ("Ecuatoriana", 5), ("Boliviana", 4),
            ("Mexicana", 2), ("Española", 1))
# fmt: on


@dataclass(frozen=True)
class Person:
    """A made-up person's name and identity."""

    paternal: str
    maternal: str
    given: str
    sex: Sex
    nationality: str
    doc_type: DocumentType
    doc_number: str | None

    @property
    def full_name(self) -> str:
        """Given names then surnames."""
        return f"{self.given} {self.paternal} {self.maternal}".strip()


def _weighted(pairs: tuple[tuple[str, int], ...]) -> tuple[list[str], list[int]]:
    names = [name for name, _ in pairs]
    cumulative: list[int] = []
    total = 0
    for _, weight in pairs:
        total += weight
        cumulative.append(total)
    return names, cumulative


_PE = _weighted(_SURNAMES_PE)
_VE = _weighted(_SURNAMES_VE)
_CO = _weighted(_SURNAMES_CO)
_NATIONALITIES = _weighted(_FOREIGN)


def _pick(rng: random.Random, table: tuple[list[str], list[int]]) -> str:
    names, cumulative = table
    return rng.choices(names, cum_weights=cumulative)[0]


class DocumentPool:
    """Hands out identity numbers never given before (a DNI identifies one person)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def _fresh(self, make: Callable[[random.Random], str], rng: random.Random) -> str:
        while True:
            number = str(make(rng))
            if number not in self._used:
                self._used.add(number)
                return number

    def dni(self, rng: random.Random) -> str:
        """A DNI: 8 digits; older Lima numbers start with 0 (kept as text)."""
        return self._fresh(_make_dni, rng)

    def carne(self, rng: random.Random) -> str:
        """A carné de extranjería: 9 digits."""
        return self._fresh(lambda r: f"{r.randrange(1_000_000, 3_000_000):09d}", rng)

    def passport(self, rng: random.Random, nationality: str) -> str:
        """A passport number shaped like the issuing country's."""
        if nationality == "Colombiana":
            return self._fresh(lambda r: f"A{r.choice('BRTU')}{r.randrange(10**6):06d}", rng)
        return self._fresh(lambda r: f"{r.randrange(100_000_000, 180_000_000)}", rng)

    def ruc20(self, rng: random.Random) -> str:
        """A company's RUC: 20, eight digits and SUNAT's check digit."""

        def make(r: random.Random) -> str:
            first_ten = f"20{r.randrange(10_000_000, 61_000_000):08d}"
            return first_ten + str(ruc_check_digit(first_ten))

        return self._fresh(make, rng)


def _make_dni(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return f"0{rng.randrange(1_000_000, 10_000_000):07d}"
    return f"{rng.randrange(10_000_000, 79_000_000):08d}"


def given_name(rng: random.Random, sex: Sex, nationality: str = "Peruana") -> str:
    """A given name (or two) for the sex and nationality."""
    male = sex is Sex.MALE
    if nationality == "Venezolana":
        return rng.choice(_MEN_VE if male else _WOMEN_VE)
    if nationality == "Colombiana":
        return rng.choice(_MEN_CO if male else _WOMEN_CO)
    return rng.choice(_MEN_PE if male else _WOMEN_PE)


def surnames(rng: random.Random, nationality: str = "Peruana") -> tuple[str, str]:
    """Paternal and maternal surnames."""
    table = _VE if nationality == "Venezolana" else _CO if nationality == "Colombiana" else _PE
    paternal = _pick(rng, table)
    maternal = _pick(rng, table if rng.random() < 0.8 else _PE)
    return paternal, maternal


def inmate(rng: random.Random, sex: Sex, documents: DocumentPool) -> Person:
    """An inmate: mostly Peruvian with a DNI; some foreigners; a few with no document."""
    if rng.random() < 0.955:
        nationality = "Peruana"
        if rng.random() < 0.985:
            doc_type, number = DocumentType.DNI, documents.dni(rng)
        else:
            doc_type, number = DocumentType.NONE, None
    else:
        nationality = _pick(rng, _NATIONALITIES)
        roll = rng.random()
        if roll < 0.5:
            doc_type, number = DocumentType.CARNE_EXTRANJERIA, documents.carne(rng)
        elif roll < 0.9:
            doc_type, number = DocumentType.PASAPORTE, documents.passport(rng, nationality)
        else:
            doc_type, number = DocumentType.NONE, None
    paternal, maternal = surnames(rng, nationality)
    return Person(
        paternal=paternal,
        maternal=maternal,
        given=given_name(rng, sex, nationality),
        sex=sex,
        nationality=nationality,
        doc_type=doc_type,
        doc_number=number,
    )


def citizen(rng: random.Random, documents: DocumentPool, sex: Sex | None = None) -> Person:
    """A Peruvian adult with a DNI (staff, clients, drivers, receivers)."""
    chosen = sex or (Sex.MALE if rng.random() < 0.6 else Sex.FEMALE)
    paternal, maternal = surnames(rng)
    return Person(
        paternal=paternal,
        maternal=maternal,
        given=given_name(rng, chosen),
        sex=chosen,
        nationality="Peruana",
        doc_type=DocumentType.DNI,
        doc_number=documents.dni(rng),
    )
