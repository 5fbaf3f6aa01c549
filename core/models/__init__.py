"""The generic planning model. It knows no region by name.

Every tenant-owned table carries ``region_id`` and refers to its parent through a composite
foreign key ``(region_id, parent_id)``, so the database itself refuses a row of one region
under a row of another.
"""

from core.models.audit import AuditLog
from core.models.evidence import EvidenceFile
from core.models.finding import Finding, FindingAcknowledgement
from core.models.nomenclature import NomenclatureItem, NomenclatureVersion
from core.models.org import OrgChart, OrgUnit
from core.models.plan import (
    Budget,
    Indicator,
    Plan,
    PlanDocument,
    PlanItem,
    PlanningPeriod,
    PrintedTable,
    Realisation,
    Target,
)
from core.models.region import Region
from core.models.settings import FormField, FormFieldOverride, RegionSettingsVersion
from core.models.user import ApiToken, Membership, User
from core.models.workflow import DocumentTransition, ItemReview, ReviewReply, ValueSetting  # issue 11

__all__ = [
    "ApiToken",
    "AuditLog",
    "Budget",
    "EvidenceFile",
    "Finding",
    "FindingAcknowledgement",
    "FormField",
    "FormFieldOverride",
    "Indicator",
    "Membership",
    "NomenclatureItem",
    "NomenclatureVersion",
    "OrgChart",
    "OrgUnit",
    "Plan",
    "PlanDocument",
    "PlanItem",
    "PlanningPeriod",
    "PrintedTable",
    "Realisation",
    "Region",
    "RegionSettingsVersion",
    "Target",
    "User",
    "DocumentTransition",
    "ItemReview",
    "ReviewReply",
    "ValueSetting",
]
