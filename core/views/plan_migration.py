"""Moving a document to another code list, and resolving the items that did not fit."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from core.extensions import db
from core.models import PlanItem
from core.planning import guards
from core.web import pipeline
from core.security import can, guard
from core.services import documents as document_service
from core.services import nomenclature as nomenclature_service
from core.services import plan_migration as service

bp = Blueprint("plan_migration", __name__)


@bp.route("/r/<region_code>/documents/<int:document_id>/move", methods=["POST"])
@guard("document.edit")
def move(region, document_id):
    """Create a draft of the document in another code list (the original is left as it is)."""
    document = document_service.document_or_404(region, document_id)
    try:
        draft = service.move(document, request.form.get("version", ""))
    except service.MigrationError as exc:
        pipeline.mark_failed()
        flash(str(exc))
        return redirect(url_for("documents.show", region_code=region.code, document_id=document.id))
    flash(_("Draft created in %(version)s: decide the items listed below.", version=draft.nomenclature_version.name))
    return redirect(url_for("plan_migration.review", region_code=region.code, document_id=draft.id))


@bp.route("/r/<region_code>/documents/<int:document_id>/migration")
@guard("document.view")
def review(region, document_id):
    """How every coded item was placed in the draft's code list; the open ones first."""
    draft = document_service.document_or_404(region, document_id)
    status = request.args.get("status") or None
    items = service.open_items(draft)
    if status:
        items = [i for i in items if i.mapping.get("status") == status]
    items.sort(key=lambda i: (i.mapping.get("status") not in ("ambiguous", "unmapped"), i.position))
    return render_template("plan_migration/review.html", region=region, document=draft, items=items,
                           counts=service.report(draft), status=status, statuses=service.STATUSES,
                           amended=document_service.amended(draft), may_decide=can(current_user, "document.edit", region))


@bp.route("/r/<region_code>/documents/<int:document_id>/migration/<int:item_id>", methods=["POST"])
@guard("document.edit")
def decide(region, document_id, item_id):
    """Place an item at a code of the draft's list (a candidate or typed), or retire it; with a note."""
    draft = document_service.document_or_404(region, document_id)
    guards.require_editable(draft)  # a submitted, approved or locked version is refused (409) before anything
    item = db.session.scalar(select(PlanItem).where(PlanItem.id == item_id, PlanItem.region_id == region.id,
                                                    PlanItem.document_id == draft.id))
    if item is None or item.mapping is None:
        abort(404)
    code = request.form.get("code") or request.form.get("candidate") or ""
    try:
        service.resolve(draft, item, code, request.form.get("retire") == "1", request.form.get("note", ""),
                        current_user)
        flash(_("Decision saved for %(item)s.", item=item.name))
    except service.MigrationError as exc:
        pipeline.mark_failed()
        flash(str(exc))
    return redirect(url_for("plan_migration.review", region_code=region.code, document_id=draft.id,
                            status=request.form.get("status") or None) + f"#item-{item.id}")


def target_versions(document):
    """Code lists a document may move to."""
    return [v for v in nomenclature_service.versions() if v.id != document.nomenclature_version_id]
