"""Running the consistency checks on stored documents, keeping and acknowledging findings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from flask import current_app
from flask_babel import gettext
from sqlalchemy import delete, select

from core.checks import CheckContext, run_checks
from core.errors import NotFound
from core.extensions import db
from core.i18n import format_number
from core.models import Finding, FindingAcknowledgement, PlanDocument, PlanItem, Region
from core.services.snapshot import document_spec

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _jurisdiction(region: Region) -> str:
    return "provinsi" if region.level == "provinsi" else "kabkota"


def _jsonable(params: dict) -> dict:
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in params.items()}


def _finding_key(f) -> tuple:
    return (f.check_id, f.severity, f.fingerprint, f.message,
            json.dumps(f.params or {}, sort_keys=True, default=str), f.printed,
            f.expected, f.year, f.table_key, f.locator, f.source_line, f.item_id)


def refresh_findings(document: PlanDocument, extra_checks=()) -> int:
    """Re-run every check (and ``extra_checks``) on ``document`` as stored now; replace its findings
    when they differ from the stored ones (nothing is written when they are the same). Returns the count."""
    registry = current_app.extensions["pelita_plugins"]
    region = document.region
    spec = document_spec(document)
    settings = registry.call("pelita_plan_checks", region.code, document=spec) if (
        region.code in registry.regions) else None
    context = CheckContext(
        jurisdiction=_jurisdiction(region),
        period_total_is_sum=getattr(settings, "period_total_is_sum", False),
        period_total_years=getattr(settings, "period_total_years", None),
    )
    results = run_checks(spec, context, extra_checks=(*getattr(settings, "extra_checks", ()), *extra_checks))
    item_ids = dict(db.session.execute(
        select(PlanItem.key, PlanItem.id).where(PlanItem.document_id == document.id)).all())
    new = [
        Finding(
            region_id=document.region_id, document_id=document.id, item_id=item_ids.get(f.item_key),
            check_id=f.check, severity=f.severity, fingerprint=f.fingerprint, message=f.message,
            params=_jsonable(f.params), printed=f.printed, expected=f.expected, year=f.year,
            table_key=f.table_key, locator=f.locator, source_line=f.source_line,
        )
        for f in results
    ]
    stored = db.session.scalars(select(Finding).where(Finding.region_id == document.region_id,
                                                      Finding.document_id == document.id)).all()
    if sorted(map(_finding_key, stored)) == sorted(map(_finding_key, new)):
        return len(results)
    db.session.execute(delete(Finding).where(Finding.region_id == document.region_id,
                                             Finding.document_id == document.id))
    db.session.add_all(new)
    db.session.flush()
    return len(results)


def carry_acknowledgements(previous: PlanDocument, document: PlanDocument) -> int:
    """Copy ``previous``'s acknowledgements to ``document`` (a newer version of the same plan)
    for every finding fingerprint that recurs in it. Returns how many were copied."""
    fingerprints = set(db.session.scalars(select(Finding.fingerprint).where(
        Finding.region_id == document.region_id, Finding.document_id == document.id)))
    existing = set(db.session.scalars(select(FindingAcknowledgement.fingerprint).where(
        FindingAcknowledgement.document_id == document.id)))
    count = 0
    for ack in db.session.scalars(select(FindingAcknowledgement).where(
            FindingAcknowledgement.region_id == previous.region_id,
            FindingAcknowledgement.document_id == previous.id).order_by(FindingAcknowledgement.id)):
        if ack.fingerprint in fingerprints and ack.fingerprint not in existing:
            db.session.add(FindingAcknowledgement(region_id=ack.region_id, document_id=document.id,
                                                  fingerprint=ack.fingerprint, note=ack.note, user_id=ack.user_id,
                                                  at=ack.at))
            count += 1
    db.session.flush()
    return count


def render_message(finding: Finding) -> str:
    """The finding's message in the active language, numbers formatted for it."""
    params = dict(finding.params or {})
    for key, value in list(params.items()):
        raw = params.get(f"{key}_value")
        if raw is not None:
            try:
                params[key] = format_number(Decimal(str(raw)))
            except (InvalidOperation, ValueError):
                pass
    try:
        return gettext(finding.message) % params
    except (KeyError, TypeError, ValueError):
        return finding.message % {k: v for k, v in (finding.params or {}).items()}


@dataclass
class FindingView:
    """A finding with its item and acknowledgement, ready to show."""

    finding: Finding
    item: PlanItem | None
    acknowledgement: FindingAcknowledgement | None

    @property
    def message(self) -> str:
        return render_message(self.finding)


def findings_of(document: PlanDocument, check: str | None = None, severity: str | None = None,
                level: str | None = None, status: str | None = None,
                item: int | None = None) -> list[FindingView]:
    """The document's findings with filters: check id, severity, item level or id, open/acknowledged."""
    query = select(Finding, PlanItem).outerjoin(
        PlanItem, (PlanItem.id == Finding.item_id) & (PlanItem.region_id == Finding.region_id)
    ).where(Finding.region_id == document.region_id, Finding.document_id == document.id)
    if check:
        query = query.where(Finding.check_id == check)
    if severity:
        query = query.where(Finding.severity == severity)
    if level:
        query = query.where(PlanItem.level == level)
    if item:
        query = query.where(Finding.item_id == item)
    acks = {a.fingerprint: a for a in db.session.scalars(select(FindingAcknowledgement).where(
        FindingAcknowledgement.region_id == document.region_id,
        FindingAcknowledgement.document_id == document.id))}
    views = [FindingView(f, item, acks.get(f.fingerprint)) for f, item in db.session.execute(query)]
    if status == "open":
        views = [v for v in views if v.acknowledgement is None]
    elif status == "acknowledged":
        views = [v for v in views if v.acknowledgement is not None]
    views.sort(key=lambda v: (v.finding.source_line is None, v.finding.source_line or 0,
                              SEVERITY_ORDER.get(v.finding.severity, 9), v.finding.check_id))
    return views


def finding_or_404(document: PlanDocument, finding_id: int) -> Finding:
    """The finding ``finding_id`` of ``document``; 404 for any other document's or region's."""
    finding = db.session.scalar(select(Finding).where(
        Finding.id == finding_id, Finding.region_id == document.region_id, Finding.document_id == document.id))
    if finding is None:
        raise NotFound()
    return finding


def acknowledge(finding: Finding, note: str, user) -> FindingAcknowledgement:
    """Record (or update) that ``user`` knows about ``finding``; the printed value is untouched."""
    ack = db.session.scalar(select(FindingAcknowledgement).where(
        FindingAcknowledgement.document_id == finding.document_id,
        FindingAcknowledgement.fingerprint == finding.fingerprint))
    if ack is None:
        ack = FindingAcknowledgement(region_id=finding.region_id, document_id=finding.document_id,
                                     fingerprint=finding.fingerprint, user_id=user.id, note=note)
        db.session.add(ack)
    else:
        ack.note, ack.user_id = note, user.id
    db.session.flush()
    return ack


def counts_by_item(document: PlanDocument) -> dict[int, dict[str, int]]:
    """Open findings per item and severity (for markers beside the tree's items)."""
    counts: dict[int, dict[str, int]] = {}
    for view in findings_of(document, status="open"):
        if view.item is not None:
            per = counts.setdefault(view.item.id, {})
            per[view.finding.severity] = per.get(view.finding.severity, 0) + 1
    return counts
