"""The consistency checks run after every authoring write, with the authored documents' own."""

from __future__ import annotations

from sqlalchemy import select

from core.checks.authoring import authoring_checks
from core.extensions import db
from core.models import PlanDocument, PlanItem
from core.planning.authoring import based_on_of, document_years
from core.services import findings as finding_service
from core.services.snapshot import document_spec


def refresh(document: PlanDocument) -> list:
    """Re-run the checks on ``document`` and return its findings (:class:`FindingView`)."""
    if document.origin == "authored" or document.amends_id is not None:
        items = db.session.execute(select(PlanItem.key, PlanItem.fields, PlanItem.implements_item_id).where(
            PlanItem.region_id == document.region_id, PlanItem.document_id == document.id)).all()
        basis = based_on_of(document)
        basis_keys = dict(db.session.execute(select(PlanItem.id, PlanItem.key).where(
            PlanItem.document_id == basis.id)).all()) if basis is not None else {}
        extra = authoring_checks(document_years(document), {k: f or {} for k, f, _i in items},
                                 {k: basis_keys.get(i) for k, _f, i in items},
                                 document_spec(basis) if basis is not None else None)
    else:
        extra = ()
    finding_service.refresh_findings(document, extra_checks=extra)
    return finding_service.findings_of(document)
