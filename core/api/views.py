"""API endpoints. Every one is guarded by :func:`core.api.auth.api_guard`."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify
from sqlalchemy import select

from core.api import schemas
from core.api.auth import api_guard, api_user
from core.api.openapi import openapi_document
from core.extensions import csrf, db
from core.models import PlanDocument
from core.security import can, public, visible_regions
from core.services import documents as document_service
from core.services import org as org_service

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)  # read-only and token-authenticated; nothing here changes state

API_VERSION = "1.0.0"


@bp.route("/openapi.json")
@public
def openapi():
    """The OpenAPI description of this API."""
    return jsonify(openapi_document(API_VERSION))


@bp.route("/regions")
@api_guard("region.view")
def regions():
    """Regions the caller may see: ``[{code, name, level, parent_code}]``."""
    return jsonify(schemas.RegionSchema(many=True).dump(visible_regions(api_user())))


@bp.route("/regions/<region_code>/documents")
@api_guard("document.view")
def region_documents(region):
    """The region's plan documents."""
    return jsonify(schemas.DocumentSchema(many=True).dump(document_service.documents_of(region)))


@bp.route("/regions/<region_code>/org-chart")
@api_guard("region.view")
def org_chart(region):
    """The region's current organisation chart: units with parent, kind and tasks."""
    chart = org_service.chart_of(region)
    if chart is None:
        return jsonify({"valid_from": None, "typology": None, "note": None, "units": []})
    nodes = org_service.chart_units(chart)
    codes = {node.unit.id: node.unit.code for node in nodes}
    units = []
    for node in nodes:
        data = schemas.UnitSchema().dump(node.unit)
        data["parent_code"] = codes.get(node.unit.parent_id)
        units.append(data)
    return jsonify({"valid_from": chart.valid_from.isoformat(), "typology": chart.typology,
                    "note": chart.note, "units": units})


def _document_for(document_id: int) -> PlanDocument:
    document = db.session.scalar(select(PlanDocument).where(PlanDocument.id == document_id))
    if document is None or not can(api_user(), "document.view", document.region):
        abort(404)
    return document


@bp.route("/documents/<int:document_id>")
@api_guard("document.view")
def document(document_id):
    """One document's header."""
    return jsonify(schemas.DocumentSchema().dump(_document_for(document_id)))


@bp.route("/documents/<int:document_id>/items")
@api_guard("document.view")
def document_items(document_id):
    """The document's items in document order, each with its indicators and money."""
    doc = _document_for(document_id)
    nodes = sorted(document_service.document_tree(doc), key=lambda n: n.item.position)
    item_schema, indicator_schema = schemas.ItemSchema(), schemas.IndicatorSchema()
    budget_schema = schemas.BudgetSchema(many=True)
    items = []
    for node in nodes:
        data = item_schema.dump(node.item)
        data["indicators"] = [
            {**indicator_schema.dump(view.indicator),
             "targets": schemas.TargetSchema(many=True).dump(
                 sorted(view.targets.values(), key=lambda t: (t.year, t.quarter or 0))),
             "realisations": schemas.RealisationSchema(many=True).dump(
                 sorted(view.realisations.values(), key=lambda r: (r.year, r.quarter or 0)))}
            for view in node.indicators
        ]
        data["budget"] = budget_schema.dump(
            sorted(node.budgets.values(), key=lambda b: (b.kind, b.year if b.year is not None else 9999)))
        items.append(data)
    return jsonify(items)


@bp.route("/documents/<int:document_id>/findings")
@api_guard("document.view")
def document_findings(document_id):
    """The document's consistency findings, messages in the caller's language."""
    from core.services import findings as finding_service

    doc = _document_for(document_id)
    return jsonify([
        {"id": v.finding.id, "check": v.finding.check_id, "severity": v.finding.severity,
         "item_id": v.finding.item_id, "year": v.finding.year, "message": v.message,
         "printed": v.finding.printed, "expected": v.finding.expected, "source_line": v.finding.source_line,
         "acknowledged": v.acknowledgement is not None,
         "acknowledgement_note": v.acknowledgement.note if v.acknowledgement else None}
        for v in finding_service.findings_of(doc)
    ])
