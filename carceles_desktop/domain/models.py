"""Every model, imported in one place so that the metadata is complete."""

from carceles_desktop.domain.base import Base
from carceles_desktop.domain.catalogues import (
    CatalogueEntry,
    Competency,
    Establishment,
    Holiday,
    RedemptionRule,
    RegionalOffice,
    Trade,
)
from carceles_desktop.domain.certificates import Certificate, NumberSeries, SigningKey
from carceles_desktop.domain.commerce import Agreement, Order, OrderLine, Partner, Product
from carceles_desktop.domain.deliveries import Delivery, DeliveryLine
from carceles_desktop.domain.enrolments import (
    Assessment,
    Attendance,
    Enrolment,
    EnrolmentStateChange,
)
from carceles_desktop.domain.pay import PayRecord
from carceles_desktop.domain.production import BatchMaterial, BatchWorker, ProductionBatch
from carceles_desktop.domain.trainees import Trainee, TraineeTransfer
from carceles_desktop.domain.users import AuditEntry, RoleRecord, Setting, User
from carceles_desktop.domain.workshops import Workshop, workshop_supervisors

metadata = Base.metadata

__all__ = [
    "Agreement",
    "Assessment",
    "Attendance",
    "AuditEntry",
    "Base",
    "BatchMaterial",
    "BatchWorker",
    "CatalogueEntry",
    "Certificate",
    "Competency",
    "Delivery",
    "DeliveryLine",
    "Enrolment",
    "EnrolmentStateChange",
    "Establishment",
    "Holiday",
    "NumberSeries",
    "Order",
    "OrderLine",
    "Partner",
    "PayRecord",
    "Product",
    "ProductionBatch",
    "RedemptionRule",
    "RegionalOffice",
    "RoleRecord",
    "Setting",
    "SigningKey",
    "Trade",
    "Trainee",
    "TraineeTransfer",
    "User",
    "Workshop",
    "metadata",
    "workshop_supervisors",
]
