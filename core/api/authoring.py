"""API endpoints that author plans: documents, items, indicators, targets, pagu, realisation,
amendments, the sebelum / sesudah comparison and a PK's signatories.

Numbers travel as canonical decimal strings (``"1234.5"``). Every write that changes an
existing row takes ``If-Match: <row_version>`` (the version the caller read): missing, 428;
different, 409 with ``conflicts`` (field, yours, current) and nothing written. Every answer to
a write carries the document's current ``findings``.
"""

from __future__ import annotations

from functools import wraps

from flask import request

from core.api.auth import api_guard, api_user
from core.api.regions import _body, session_csrf
from core.api.views import bp
from core.errors import Forbidden, NotFound
from core.extensions import db
from core.models import PlanDocument, PlanItem, Indicator
from core.planning import amendment, authoring, checking, entry, guards
from core.security import can
from core.services.documents import document_or_404  # noqa: F401 - the region-scoped lookup


def _stale_as_json(view):
    """A :class:`guards.StaleWrite` answers 409 with each conflicting field and both values."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except guards.StaleWrite as error:
            db.session.rollback()
            return {"error": error.message(), "errors": error.messages, "status": 409,
                    "conflicts": [{"field": c["field"], "yours": _json(c["yours"]), "current": _json(c["current"])}
                                  for c in error.conflicts],
                    "row_version": error.current_version}, 409

    return wrapped


def _json(value):
    return value if value is None or isinstance(value, (str, int, bool, dict, list)) else str(value)


def _if_match() -> int | None:
    return guards.parse_if_match(request.headers.get("If-Match"))


def _region_for(obj, action: str = "document.edit"):
    """The object's region if the caller may ``action`` there: 404 when it may not even see it."""
    region = obj.region if hasattr(obj, "region") and obj.region is not None else None
    if region is None:
        from core.models import Region

        region = db.session.get(Region, obj.region_id)
    user = api_user()
    if not region.enabled or not can(user, "document.view", region):
        raise NotFound()
    if not can(user, action, region):
        raise Forbidden()
    return region


def _document(document_id: int, action: str = "document.edit") -> PlanDocument:
    document = db.session.get(PlanDocument, document_id)
    if document is None:
        raise NotFound()
    _region_for(document, action)
    return document


def _item(item_id: int) -> PlanItem:
    item = db.session.get(PlanItem, item_id)
    if item is None:
        raise NotFound()
    _region_for(item)
    return item


def _indicator(indicator_id: int, action: str = "document.edit") -> Indicator:
    indicator = db.session.get(Indicator, indicator_id)
    if indicator is None:
        raise NotFound()
    _region_for(indicator, action)
    return indicator


def findings_json(document) -> list[dict]:
    return [{"id": v.finding.id, "check": v.finding.check_id, "severity": v.finding.severity,
             "item_id": v.finding.item_id, "year": v.finding.year, "message": v.message,
             "printed": v.finding.printed, "expected": v.finding.expected,
             "source_line": v.finding.source_line, "acknowledged": v.acknowledgement is not None,
             "acknowledgement_note": v.acknowledgement.note if v.acknowledgement else None}
            for v in checking.refresh(document)]


def document_json(document, findings=True) -> dict:
    period = document.period
    data = {"id": document.id, "type": document.doc_type, "title": document.title, "year": document.year,
            "period_start": period.start_year if period else None, "period_end": period.end_year if period else None,
            "plan": {"id": document.plan_id, "key": document.plan.key}, "version": document.version,
            "origin": document.origin, "status": document.status, "amends": document.amends_id,
            "based_on": document.based_on_id, "signatories": document.signatories,
            "row_version": document.row_version}
    if findings:
        data["findings"] = findings_json(document)
    return data


def item_json(item, document) -> dict:
    return {"id": item.id, "document_id": item.document_id, "parent_id": item.parent_id, "level": item.level,
            "code": item.code, "name": item.name, "responsible_unit": item.responsible_unit,
            "implements_item_id": item.implements_item_id, "continues_item_id": item.continues_item_id,
            "lineage_id": item.lineage_id, "fields": item.fields or {}, "row_version": item.row_version,
            "findings": findings_json(document)}


def indicator_json(indicator, document) -> dict:
    return {"id": indicator.id, "item_id": indicator.item_id, "text": indicator.text, "unit": indicator.unit,
            "baseline": indicator.baseline_printed, "polarity": indicator.polarity,
            "end_target": indicator.end_target_printed, "lineage_id": indicator.lineage_id,
            "row_version": indicator.row_version, "findings": findings_json(document)}


def value_json(row, document, **extra) -> dict:
    data = {"printed": row.printed if row else None,
            "value": None if row is None or row.value is None else str(row.value),
            "row_version": row.row_version if row else None, **extra}
    if document is not None:
        data["findings"] = findings_json(document)
    return data


@bp.route("/regions/<region_code>/documents", methods=["POST"])
@api_guard("document.edit")
@session_csrf
def create_document(region):
    """Create a draft: ``{type, year | period_start/period_end, based_on, title}``."""
    data = _body()
    document = authoring.create_document(
        region, doc_type=data.get("type"), year=data.get("year"), period_start=data.get("period_start"),
        period_end=data.get("period_end"), based_on=data.get("based_on"), title=data.get("title"))
    return document_json(document), 201


@bp.route("/documents/<int:document_id>", methods=["DELETE"])
@api_guard("login")
@session_csrf
@_stale_as_json
def delete_document(document_id):
    """Delete a draft document with everything in it."""
    authoring.delete_document(_document(document_id), _if_match())
    return "", 204


@bp.route("/documents/<int:document_id>/items", methods=["POST"])
@api_guard("login")
@session_csrf
def create_item(document_id):
    """Add an item: ``{parent_id, level, code, name, implements_item_id, responsible_unit, fields}``."""
    document = _document(document_id)
    item = authoring.create_item(document, _body())
    return item_json(item, document), 201


@bp.route("/items/<int:item_id>", methods=["PATCH"])
@api_guard("login")
@session_csrf
@_stale_as_json
def update_item(item_id):
    """Change the fields sent (name, code, responsible_unit, fields); If-Match required."""
    item = _item(item_id)
    authoring.update_item(item, _body(), _if_match())
    return item_json(item, authoring.document_of(item))


@bp.route("/items/<int:item_id>", methods=["DELETE"])
@api_guard("login")
@session_csrf
@_stale_as_json
def delete_item(item_id):
    """Delete a draft's item with everything under it; If-Match required."""
    item = _item(item_id)
    document = authoring.document_of(item)
    authoring.delete_item(item, _if_match())
    return {"deleted": item_id, "findings": findings_json(document)}


@bp.route("/items/<int:item_id>/indicators", methods=["POST"])
@api_guard("login")
@session_csrf
def create_indicator(item_id):
    """Add an indicator: ``{text, unit, baseline, polarity}``."""
    item = _item(item_id)
    indicator = authoring.create_indicator(item, _body())
    return indicator_json(indicator, authoring.document_of(item)), 201


@bp.route("/indicators/<int:indicator_id>", methods=["PATCH"])
@api_guard("login")
@session_csrf
@_stale_as_json
def update_indicator(indicator_id):
    """Change the fields sent (text, unit, baseline, polarity, end_target); If-Match required."""
    indicator = _indicator(indicator_id)
    authoring.update_indicator(indicator, _body(), _if_match())
    return indicator_json(indicator, authoring.document_of(authoring.item_of(indicator)))


def _year(year: int) -> int:
    if not 1900 <= year <= 2200:
        raise NotFound()
    return year


@bp.route("/indicators/<int:indicator_id>/targets/<int:year>", methods=["PUT"])
@api_guard("login")
@session_csrf
@_stale_as_json
def put_target(indicator_id, year):
    """Set a target: ``{"value": "60", "quarter": null}`` (null value: remove); If-Match for an existing one."""
    indicator = _indicator(indicator_id)
    data = _body()
    row = authoring.set_target(indicator, _year(year), data.get("quarter"), data.get("value"), _if_match())
    return value_json(row, authoring.document_of(authoring.item_of(indicator)), year=year,
                      quarter=data.get("quarter"))


@bp.route("/items/<int:item_id>/budgets/<int:year>", methods=["PUT"])
@api_guard("login")
@session_csrf
@_stale_as_json
def put_budget(item_id, year):
    """Set the pagu of a year: ``{"pagu": "1500000000"}`` (null: remove); If-Match for an existing one."""
    item = _item(item_id)
    data = _body()
    row = authoring.set_budget(item, _year(year), data.get("pagu"), _if_match())
    return value_json(row, authoring.document_of(item), year=year, kind="pagu")


@bp.route("/indicators/<int:indicator_id>/realisations/<int:year>/<int:quarter>", methods=["PUT"])
@api_guard("login")
@session_csrf
@_stale_as_json
def put_realisation(indicator_id, year, quarter):
    """Enter a quarter: ``{value, spending, supporting_factors, hindering_factors}``; If-Match for an existing one."""
    indicator = _indicator(indicator_id, "realisation.enter")
    row = entry.put_realisation(indicator, _year(year), quarter, _body(), api_user(), _if_match())
    return value_json(row, None, year=year, quarter=quarter, supporting_factors=row.supporting_factors,
                      hindering_factors=row.hindering_factors)


@bp.route("/documents/<int:document_id>/amend", methods=["POST"])
@api_guard("login")
@session_csrf
def amend(document_id):
    """Open a Perubahan: a new draft version copied from this approved one."""
    document = amendment.amend(_document(document_id))
    return document_json(document), 201


@bp.route("/documents/<int:document_id>/diff", methods=["GET"])
@api_guard("login")
def diff(document_id):
    """Sebelum / sesudah: every changed item, indicator, target and pagu against ``?against=<id>``."""
    document = _document(document_id, "document.view")
    against = request.args.get("against", "")
    if not against.isdigit():
        raise NotFound()
    other = _document(int(against), "document.view")
    if other.region_id != document.region_id:
        raise NotFound()
    changes = amendment.diff(other, document)
    return {"before": other.id, "after": document.id, "changes": [c.as_dict() for c in changes]}


@bp.route("/documents/<int:document_id>/signatories", methods=["POST"])
@api_guard("login")
@session_csrf
@_stale_as_json
def signatories(document_id):
    """A PK's parties: ``{first: {name, nip, rank, position}, second: {...}, place, date}``."""
    document = _document(document_id)
    authoring.set_signatories(document, _body(), _if_match())
    return document_json(document)
