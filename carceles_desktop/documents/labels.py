"""Spanish (Peru) texts printed on the documents, kept together per document.

These are legal texts, not interface strings: they print in Spanish whatever language the
interface uses, so they live here rather than in Qt's translation files.  Placeholders in
braces are filled with ``str.format``.
"""

from __future__ import annotations

from typing import Final

from carceles_desktop.domain.enums import DocumentType


class Common:
    """Texts shared by every document."""

    CREATOR: Final = "Cárceles Productivas — Gestión de Talleres"
    PAGE_OF: Final = "Página {page} de {total}"
    PLACE_AND_DATE: Final = "{place}, {date}"
    INMATE_CODE: Final = "Código de interno"
    INMATE_CODE_SHORT: Final = "Cód."
    NO_DOCUMENT: Final = "Sin documento"


#: Short names of the identity documents, as printed before the number.
DOCUMENT_TYPES: Final[dict[DocumentType, str]] = {
    DocumentType.DNI: "DNI",
    DocumentType.CARNE_EXTRANJERIA: "C.E.",
    DocumentType.PASAPORTE: "Pasaporte",
    DocumentType.NONE: Common.NO_DOCUMENT,
}


class Planilla:
    """The monthly attendance sheet (*planilla de control laboral*)."""

    TITLE: Final = "PLANILLA DE CONTROL LABORAL"
    DOCUMENT_TITLE: Final = "Planilla de control laboral — {code} — {month}"
    WORKSHOP: Final = "Taller"
    TRADE: Final = "Oficio"
    MONTH: Final = "Mes"
    NUMBER: Final = "N.°"
    NAME: Final = "Apellidos y nombres"
    DOCUMENT: Final = "Documento"
    VALID_DAYS: Final = "Días\nválidos"
    HOURS: Final = "Horas"
    ABSENT: Final = "F"
    JUSTIFIED: Final = "J"
    LEGEND: Final = (
        "<b>Leyenda:</b> número = horas de trabajo efectivo del día; "
        "<b>F</b> = falta; <b>J</b> = falta justificada; en blanco = sin registro; "
        "columna sombreada = domingo o feriado; "
        "<i>en cursiva gris</i> = jornada menor a la mínima (no es día válido)."
    )
    VALID_DAY_NOTE: Final = "<b>Día válido:</b> jornada de al menos {hours} horas."
    HOLIDAYS: Final = "<b>Feriados:</b> {holidays}."
    HOLIDAY_ITEM: Final = "{day} ({name})"
    SIGN_SUPERVISOR: Final = "Firma del supervisor del taller"
    SIGN_WORK_HEAD: Final = "Jefe de trabajo"
    SIGN_DIRECTOR: Final = "Director del establecimiento"


class Redemption:
    """The redemption record (*constancia de redención*, an estimate)."""

    TITLE: Final = "CONSTANCIA DE TRABAJO PARA REDENCIÓN DE PENA"
    DOCUMENT_TITLE: Final = "Constancia de trabajo para redención de pena — {name}"
    BANNER: Final = "ESTIMADO, NO OFICIAL — SUJETO A APROBACIÓN JUDICIAL"
    EXPLANATION: Final = (
        "El presente documento resume los días y las horas de trabajo efectivo registrados "
        "en los talleres productivos del establecimiento y calcula, solo como referencia, "
        "los días de pena que podrían redimirse. <b>No es el cómputo legal de redención de "
        "la pena por el trabajo</b>: ese cómputo lo elabora y firma el establecimiento "
        "penitenciario y lo aprueba el juez competente, que puede modificar estas cifras."
    )
    TRAINEE: Final = "Apellidos y nombres"
    DOCUMENT: Final = "Documento de identidad"
    ESTABLISHMENT: Final = "Establecimiento"
    PERIOD: Final = "Periodo"
    PERIOD_RANGE: Final = "del {start} al {end}"
    WORK_HEADING: Final = "Trabajo registrado"
    MONTH: Final = "Mes"
    VALID_DAYS: Final = "Días válidos"
    HOURS: Final = "Horas"
    TOTAL: Final = "Total"
    NO_MONTHS: Final = "Sin trabajo registrado en el periodo."
    VALID_DAY_NOTE: Final = "Día válido: jornada de al menos {hours} horas de trabajo efectivo."
    RULE_HEADING: Final = "Regla aplicada"
    CASE: Final = "Caso"
    LEGAL_BASIS: Final = "Base legal"
    IN_FORCE_FROM: Final = "Vigente desde"
    RATIO: Final = "Relación"
    RATIO_VALUE: Final = "{ratio} días de trabajo por 1 día de pena"
    NOT_APPLICABLE: Final = "no aplica"
    BARRED: Final = (
        "no aplica: la ley no permite la redención de la pena por el trabajo en este caso ({basis})"
    )
    ESTIMATE: Final = "Días de pena redimidos (estimado)"
    ESTIMATE_FORMULA: Final = "{days} días válidos ÷ {ratio}, redondeado hacia abajo"
    SIGN_WORK_HEAD: Final = "Jefe de trabajo"
    SIGN_DIRECTOR: Final = "Director del establecimiento"
