"""Spanish (Peru) texts printed on the documents, kept together per document.

These are legal texts, not interface strings: they print in Spanish whatever language the
interface uses, so they live here rather than in Qt's translation files.  Placeholders in
braces are filled with ``str.format``.
"""

from __future__ import annotations

from typing import Final

from carceles_desktop.domain.enums import (
    BatchState,
    DocumentType,
    EnrolmentState,
    WorkshopModality,
)


class Common:
    """Texts shared by every document."""

    CREATOR: Final = "Cárceles Productivas — Gestión de Talleres"
    PAGE_OF: Final = "Página {page} de {total}"
    PLACE_AND_DATE: Final = "{place}, {date}"
    PERIOD: Final = "del {start} al {end}"
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


class WorkshopReport:
    """The workshop's monthly report (*informe mensual del taller*)."""

    TITLE: Final = "INFORME MENSUAL DEL TALLER"
    DOCUMENT_TITLE: Final = "Informe mensual del taller — {code} — {month}"
    WORKSHOP: Final = "Taller"
    TRADE: Final = "Oficio"
    MODALITY: Final = "Modalidad"
    PARTNER: Final = "Empresa aliada"
    ESTABLISHMENT: Final = "Establecimiento"
    MONTH: Final = "Mes"
    TRAINEES_HEADING: Final = "1. Internos y trabajo del mes"
    NUMBER: Final = "N.°"
    NAME: Final = "Apellidos y nombres"
    DOCUMENT: Final = "Documento"
    STATE: Final = "Estado"
    DAYS_PRESENT: Final = "Días\nasistidos"
    VALID_DAYS: Final = "Días\nválidos"
    HOURS: Final = "Horas"
    TOTAL: Final = "Total ({count} internos)"
    NO_TRAINEES: Final = "Ningún interno trabajó en el taller este mes."
    VALID_DAY_NOTE: Final = "<b>Día válido:</b> jornada de al menos {hours} horas."
    PRODUCTION_HEADING: Final = "2. Producción"
    BATCH: Final = "Lote"
    PRODUCT: Final = "Producto"
    PLANNED: Final = "Planificado"
    ACCEPTED: Final = "Aceptado"
    REJECTED: Final = "Rechazado"
    DELIVERED: Final = "Entregado"
    NO_BATCHES: Final = "Ningún lote de producción tuvo trabajo este mes."
    BATCH_NOTE: Final = "Cantidades acumuladas de cada lote a la fecha del informe."
    DELIVERIES_HEADING: Final = "3. Entregas del mes"
    NOTE_NUMBER: Final = "Nota de entrega"
    DATE: Final = "Fecha"
    CLIENT: Final = "Cliente"
    GOODS: Final = "Bien entregado"
    QUANTITY: Final = "Cantidad"
    NO_DELIVERIES: Final = "No se emitieron notas de entrega con bienes del taller este mes."
    PAY_HEADING: Final = "4. Retribución económica del mes"
    PAY_PEOPLE: Final = "Internos con pago registrado"
    PAY_GROSS: Final = "Monto bruto"
    PAY_INMATE: Final = "70 % para el interno"
    PAY_REPARATION: Final = "20 % para la reparación civil"
    PAY_INSTITUTION: Final = "10 % para la institución"
    NO_PAY: Final = "No hay pagos registrados para este mes."
    CURRENCY: Final = "S/ {amount}"
    SIGN_SUPERVISOR: Final = "Supervisor del taller"
    SIGN_WORK_HEAD: Final = "Jefe de trabajo"
    ENROLMENT_STATES: Final[dict[EnrolmentState, str]] = {
        EnrolmentState.EN_ESPERA: "En espera",
        EnrolmentState.ACTIVO: "Activo",
        EnrolmentState.CULMINADO: "Culminado",
        EnrolmentState.RETIRADO: "Retirado",
        EnrolmentState.TRASLADADO: "Trasladado",
        EnrolmentState.LIBERADO: "Liberado",
    }
    BATCH_STATES: Final[dict[BatchState, str]] = {
        BatchState.PLANIFICADO: "Planificado",
        BatchState.EN_PROCESO: "En proceso",
        BatchState.TERMINADO: "Terminado",
        BatchState.ANULADO: "Anulado",
    }
    MODALITIES: Final[dict[WorkshopModality, str]] = {
        WorkshopModality.INPE: "Administración directa",
        WorkshopModality.PARTNER: "Empresa aliada (convenio)",
        WorkshopModality.OWN_VENTURE: "Emprendimiento de los internos",
        WorkshopModality.TRAINING: "Capacitación (CETPRO)",
    }


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


class DeliveryNote:
    """The delivery note (*nota de entrega*), shaped like SUNAT's *guía de remisión*."""

    TITLE: Final = "NOTA DE ENTREGA"
    DOCUMENT_TITLE: Final = "Nota de entrega {number}"
    NUMBER: Final = "N.° {number}"
    DRAFT_NUMBER: Final = "{series} – sin numerar"
    RUC: Final = "R.U.C. N.° {ruc}"
    FOOTER: Final = "Documento interno – no es comprobante de pago ni guía de remisión SUNAT"
    COPY: Final = "COPIA"
    ANNULLED: Final = "ANULADA"
    DRAFT: Final = "BORRADOR — SIN VALOR"
    ANNULLED_NOTE: Final = "Anulada el {date}{reason}"
    ISSUE_DATE: Final = "Fecha de emisión"
    TRANSFER_START: Final = "Fecha de inicio del traslado"
    RELATED: Final = "Documento relacionado"
    RELATED_ORDER: Final = "Pedido {number}"
    RELATED_AGREEMENT: Final = "Convenio {number}"
    NONE: Final = "—"
    RECIPIENT: Final = "DESTINATARIO"
    ID_TYPE: Final = "Tipo de documento"
    ID_NUMBER: Final = "N.° de documento"
    RECIPIENT_NAME: Final = "Apellidos y nombres, denominación o razón social"
    TRANSFER: Final = "DATOS DEL TRASLADO"
    REASON: Final = "Motivo del traslado"
    REASON_DETAIL: Final = "Descripción del motivo"
    CODE_AND_NAME: Final = "{code} – {name}"
    DEPARTURE: Final = "PUNTO DE PARTIDA"
    ARRIVAL: Final = "PUNTO DE LLEGADA"
    ADDRESS: Final = "Dirección"
    UBIGEO: Final = "Ubigeo"
    TRANSPORT: Final = "DATOS DEL TRANSPORTE"
    TRANSPORT_MODE: Final = "Modalidad de transporte"
    PUBLIC: Final = "01 – Transporte público"
    PRIVATE: Final = "02 – Transporte privado"
    CARRIER_RUC: Final = "RUC del transportista"
    CARRIER_NAME: Final = "Denominación o razón social del transportista"
    PLATE: Final = "Placa del vehículo"
    DRIVER: Final = "Conductor"
    LICENCE: Final = "N.° de licencia de conducir"
    GOODS: Final = "BIENES TRASLADADOS"
    LINE_NUMBER: Final = "N.°"
    CODE: Final = "Código"
    DESCRIPTION: Final = "Descripción"
    QUANTITY: Final = "Cantidad"
    UNIT: Final = "Unidad"
    BATCH: Final = "Lote"
    NO_LINES: Final = "Sin bienes registrados."
    UNITS_LEGEND: Final = "Unidades: {units}."
    UNIT_ITEM: Final = "{code} = {name}"
    WEIGHT: Final = "Peso bruto total (kg)"
    PACKAGES: Final = "Número de bultos"
    OBSERVATIONS: Final = "OBSERVACIONES"
    DISPATCHED_BY: Final = "DESPACHADO POR"
    RECEIVED_BY: Final = "RECIBIDO POR — CONFORMIDAD DEL DESTINATARIO"
    SIGNATURE: Final = "Firma"
    SIGNER_NAME: Final = "Nombre"
    SIGNER_DOCUMENT: Final = "Documento"
    SIGNER_DATE: Final = "Fecha"


class Certificate:
    """The training certificate (*certificado* or *constancia de capacitación*)."""

    TITLE_WORD: Final = {"certificado": "CERTIFICADO", "constancia": "CONSTANCIA"}
    TITLE_REST: Final = "DE CAPACITACIÓN"
    DOCUMENT_TITLE: Final = "{title} de capacitación — {number}"
    BATCH_TITLE: Final = "Certificados de capacitación ({count})"
    NUMBER: Final = "N.° {number}"
    BOOK_FOLIO: Final = "Registro: {book_folio}"
    GRANTS: Final = {
        "certificado": "La Dirección del {establishment} otorga el presente certificado a:",
        "constancia": "La Dirección del {establishment} otorga la presente constancia a:",
    }
    INMATE_CODE: Final = "Código de interno N.° {code}"
    ACHIEVED: Final = "por haber culminado satisfactoriamente la capacitación en "
    DURATION: Final = ", con una duración de "
    HOURS: Final = "{hours} horas"
    PERIOD: Final = ", "
    # "Resultado" (masculine) keeps "aprobado" right whoever the trainee is.
    RESULT: Final = ", con resultado "
    PASSED: Final = "aprobado"
    GRADE: Final = " y calificación de "
    GRADE_VALUE: Final = "{grade} ({words})"
    PARTNER: Final = ", impartida con la participación de "
    END: Final = "."
    COMPETENCIES: Final = "Módulos y competencias: "
    # A no-break space keeps "40 h" on one line.
    COMPETENCY: Final = "{name} ({hours}\u00a0h)"
    SIGN_INSTRUCTOR: Final = "Instructor del taller"
    SIGN_WORK_HEAD: Final = "Jefe de trabajo"
    SIGN_DIRECTOR: Final = "Director del establecimiento"
    VERIFY: Final = {
        "certificado": "Verifique este certificado escaneando el código QR con el programa "
        "Cárceles Productivas",
        "constancia": "Verifique esta constancia escaneando el código QR con el programa "
        "Cárceles Productivas",
    }
    VERIFY_WHERE: Final = " o en {where}"
    DISCLAIMER: Final = (
        "Este documento acredita la capacitación registrada por la institución en el "
        "establecimiento penitenciario. No es un título ni un certificado de estudios del "
        "Ministerio de Educación (CETPRO) ni un certificado de competencias laborales del "
        "Ministerio de Trabajo y Promoción del Empleo."
    )
    ANNULLED: Final = "ANULADO"
    REPLACED: Final = "REEMPLAZADO"
    DUPLICATE: Final = "DUPLICADO — reimpreso el {date}"


#: Grades 0 to 20 in words, as certificates write them: "16 (dieciséis)".
GRADE_WORDS: Final = (
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
)
