"""API of the document workflow: transitions, item reviews and replies, penetapan values.

A region the caller may not see answers 404; a step the caller's role may not take, 403; a
step the document's state does not allow, 409; bad input, 422. Session writes carry the CSRF
token (``X-CSRFToken``); bearer-token writes act as the token's user.
"""

from __future__ import annotations

from flask import request

from core.api.auth import api_guard, api_user
from core.api.regions import _body, session_csrf
from core.api.views import bp
from core.errors import NotFound
from core.extensions import db
from core.models import PlanDocument, PlanItem, Region
from core.models.workflow import ItemReview
from core.planning import guards
from core.security import can
from core.workflow import machine, penetapan, reviews


def _visible(region_id: int) -> Region:
    """The region of an object if the caller may see its documents; else 404."""
    region = db.session.get(Region, region_id)
    if region is None or not region.enabled or not can(api_user(), "document.view", region):
        raise NotFound()
    return region


def _document(document_id: int) -> PlanDocument:
    document = db.session.get(PlanDocument, document_id)
    if document is None:
        raise NotFound()
    _visible(document.region_id)
    return document


def _when(moment) -> str | None:
    return moment.isoformat() if moment is not None else None


def transition_json(row) -> dict:
    return {"id": row.id, "action": row.action, "from_status": row.from_status, "to_status": row.to_status,
            "actor": row.actor_name, "at": _when(row.at), "note": row.note,
            "regulation_number": row.regulation_number,
            "regulation_date": row.regulation_date.isoformat() if row.regulation_date else None}


def review_json(review, replies=(), changes=None) -> dict:
    data = {"id": review.id, "document_id": review.document_id, "item_id": review.item_id, "group": review.group,
            "verdict": review.verdict, "note": review.note, "reviewer": review.reviewer_name,
            "at": _when(review.at), "replies": [reply_json(r) for r in replies]}
    if changes is not None:
        data["changes_since"] = [{"field": c.field, "before": c.before, "now": c.now} for c in changes]
    return data


def reply_json(row) -> dict:
    return {"id": row.id, "review_id": row.review_id, "author": row.author_name, "at": _when(row.at),
            "text": row.text}


def setting_json(row) -> dict:
    def num(value):
        return None if value is None else str(value)

    return {"id": row.id, "document_id": row.document_id, "item_id": row.item_id, "kind": row.kind,
            "row_id": row.row_id, "year": row.year, "label": row.label, "usulan": row.usulan_printed,
            "usulan_value": num(row.usulan_value), "penetapan": row.penetapan_printed,
            "penetapan_value": num(row.penetapan_value), "note": row.note, "set_by": row.set_by_name,
            "at": _when(row.at), "applied": row.applied_at is not None}


def workflow_json(document) -> dict:
    user = api_user()
    return {"document_id": document.id, "status": document.status, "row_version": document.row_version,
            "available": machine.available(user, document),
            "history": [transition_json(t) for t in machine.history(document)]}


@bp.route("/documents/<int:document_id>/transitions", methods=["GET"])
@api_guard("document.view")
def document_transitions(document_id):
    """The document's status, its history and the actions the caller may take now."""
    return workflow_json(_document(document_id))


@bp.route("/documents/<int:document_id>/transitions", methods=["POST"])
@api_guard("document.view")
@session_csrf
def transition_document(document_id):
    """Take a workflow step: ``{"action", "note", "regulation_number", "regulation_date"}``."""
    document = _document(document_id)
    data = _body()
    machine.transition(document, data.get("action"), api_user(), note=data.get("note"),
                       regulation_number=data.get("regulation_number"),
                       regulation_date=data.get("regulation_date"),
                       expected=guards.parse_if_match(request.headers.get("If-Match")))
    return workflow_json(document)


@bp.route("/documents/<int:document_id>/reviews", methods=["GET"])
@api_guard("document.view")
def document_reviews(document_id):
    """Every review of the document's items, with replies and what changed since each note."""
    document = _document(document_id)
    return {"document_id": document.id, "open_items": reviews.open_items(document),
            "reviews": [review_json(entry["review"], entry["replies"], entry["changes"])
                        for item in reviews.by_item(document) for entry in item.entries]}


@bp.route("/items/<int:item_id>/reviews", methods=["POST"])
@api_guard("document.view")
@session_csrf
def review_item(item_id):
    """A verdict on an item: ``{"verdict": "sesuai"|"perlu_perbaikan"|"tidak_ditemukan", "note"}``."""
    item = db.session.get(PlanItem, item_id)
    if item is None:
        raise NotFound()
    _visible(item.region_id)
    data = _body()
    review = reviews.write_review(item, api_user(), data.get("verdict"), data.get("note"))
    return review_json(review), 201


@bp.route("/reviews/<int:review_id>/replies", methods=["POST"])
@api_guard("document.view")
@session_csrf
def reply_to_review(review_id):
    """The office's answer to a review note: ``{"text"}``."""
    review = db.session.get(ItemReview, review_id)
    if review is None:
        raise NotFound()
    _visible(review.region_id)
    return reply_json(reviews.reply(review, api_user(), _body().get("text"))), 201


@bp.route("/documents/<int:document_id>/penetapan", methods=["GET"])
@api_guard("document.view")
def document_penetapan(document_id):
    """Usulan and penetapan side by side, for every value a verifier set."""
    document = _document(document_id)
    return {"document_id": document.id, "values": [setting_json(s) for s in penetapan.settings_of(document)]}


@bp.route("/documents/<int:document_id>/penetapan", methods=["POST"])
@api_guard("document.view")
@session_csrf
def set_penetapan(document_id):
    """A verifier sets a target or pagu: ``{"kind": "target"|"pagu", "row_id", "value", "note"}``."""
    document = _document(document_id)
    data = _body()
    setting = penetapan.set_value(document, api_user(), data.get("kind"), data.get("row_id"), data.get("value"),
                                  data.get("note"))
    return setting_json(setting), 201
