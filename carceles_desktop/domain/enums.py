"""Enumerations of the domain.

Values are the Spanish words the field uses, stored as short strings so that the
database reads plainly to anyone who knows the programme.
"""

from __future__ import annotations

from enum import StrEnum


class DocumentType(StrEnum):
    """A trainee's identity document (``none``: the inmate code identifies him)."""

    DNI = "dni"
    CARNE_EXTRANJERIA = "ce"
    PASAPORTE = "pasaporte"
    NONE = "ninguno"


class Sex(StrEnum):
    """Sex as recorded by the prison."""

    MALE = "M"
    FEMALE = "F"


class LegalSituation(StrEnum):
    """Procesado: awaiting judgement; sentenciado: convicted."""

    PROCESADO = "procesado"
    SENTENCIADO = "sentenciado"


class WorkshopModality(StrEnum):
    """How a workshop runs (names ours, after domain.md)."""

    INPE = "inpe"  # the prison's work area fills outside orders with its own resources
    PARTNER = "empresa"  # a company installs machines and hires inmates under a convenio
    OWN_VENTURE = "emprendimiento"  # inmates' own ventures, families bring materials
    TRAINING = "cetpro"  # training workshop tied to a technical school


class EnrolmentState(StrEnum):
    """Life of an enrolment: waiting list, active, then one of the endings."""

    EN_ESPERA = "en_espera"
    ACTIVO = "activo"
    CULMINADO = "culminado"
    RETIRADO = "retirado"
    TRASLADADO = "trasladado"
    LIBERADO = "liberado"


class AttendanceStatus(StrEnum):
    """A day's attendance mark."""

    PRESENTE = "presente"
    FALTA = "falta"
    JUSTIFICADA = "justificada"


class CertificateKind(StrEnum):
    """Skill certificate, or the work-time record that supports redemption."""

    CAPACITACION = "capacitacion"
    CONSTANCIA_LABORAL = "constancia_laboral"


class CertificateState(StrEnum):
    """State of an issued certificate."""

    VIGENTE = "vigente"
    ANULADO = "anulado"
    REEMPLAZADO = "reemplazado"


class PartnerKind(StrEnum):
    """Clients and partners: companies, State entities, natural persons."""

    COMPANY = "empresa"
    STATE = "estado"
    PERSON = "persona"


class AgreementState(StrEnum):
    """State of a convenio."""

    VIGENTE = "vigente"
    VENCIDO = "vencido"
    RESUELTO = "resuelto"


class OrderState(StrEnum):
    """State of an order (pedido)."""

    ABIERTO = "abierto"
    EN_PRODUCCION = "en_produccion"
    ENTREGADO_PARCIAL = "entregado_parcial"
    ENTREGADO = "entregado"
    ANULADO = "anulado"


class BatchState(StrEnum):
    """State of a production batch (lote)."""

    PLANIFICADO = "planificado"
    EN_PROCESO = "en_proceso"
    TERMINADO = "terminado"
    ANULADO = "anulado"


class DeliveryState(StrEnum):
    """State of a delivery note (nota de entrega)."""

    BORRADOR = "borrador"
    EMITIDA = "emitida"
    RECIBIDA = "recibida"
    ANULADA = "anulada"


class TransportMode(StrEnum):
    """SUNAT catalogue 18: 01 public transport, 02 private."""

    PUBLIC = "01"
    PRIVATE = "02"


class Role(StrEnum):
    """Roles of the users of an installation."""

    ADMIN = "administrador"
    JEFE = "jefe_trabajo"
    SUPERVISOR = "supervisor"
    CONSULTA = "consulta"


class CatalogueKind(StrEnum):
    """Small code lists kept in one editable table (SUNAT catalogues)."""

    SUNAT_ID_TYPE = "sunat_06"  # identity document types
    SUNAT_TRANSFER_REASON = "sunat_20"  # reasons for the transfer of goods
    SUNAT_UNIT = "sunat_03"  # units of measure (UN/ECE rec. 20 codes)


def values(enum: type[StrEnum]) -> list[str]:
    """Return the stored values of an enum, for CHECK constraints."""
    return [member.value for member in enum]
