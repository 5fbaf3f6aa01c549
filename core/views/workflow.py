"""The workflow on a document's page: status and history, the steps the user may take (with a
note), item reviews with replies and what changed since each note, usulan beside penetapan;
and the review page where a verifier group judges every item and sets values.

Forms post here; refusals the user can correct (a state that moved on, a missing note) come
back as a message on the page, a step the user's role may not take answers 403.
"""

from __future__ import annotations

import re

from flask import Blueprint, flash, redirect, render_template, request, url_for
from markupsafe import Markup
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from core.errors import Conflict, Invalid, NotFound
from core.extensions import db
from core.models import PlanItem
from core.security import can, guard
from core.services import documents as document_service
from core.web import pipeline
from core.workflow import groups, machine, penetapan, reviews

bp = Blueprint("workflow", __name__)


def field_label(key: str) -> str:
    """A changed field of an item, in words (never the internal key)."""
    simple = {"code": _("Code"), "name": _("Name"), "responsible_unit": _("Responsible unit")}
    if key in simple:
        return simple[key]
    if key.startswith("fields."):
        return _("Field %(name)s", name=key[len("fields."):].replace("_", " "))
    match = re.fullmatch(r"indicator (\d+) target (\d+)(?: Q(\d))?", key)
    if match:
        if match[3]:
            return _("Indicator %(n)s, target %(year)s quarter %(quarter)s", n=match[1], year=match[2],
                     quarter=match[3])
        return _("Indicator %(n)s, target %(year)s", n=match[1], year=match[2])
    match = re.fullmatch(r"indicator (\d+)", key)
    if match:
        return _("Indicator %(n)s", n=match[1])
    match = re.fullmatch(r"(pagu|anggaran|realisasi) ?(\d*)", key)
    if match:
        kinds = {"pagu": _("Pagu"), "anggaran": _("Budget"), "realisasi": _("Spending")}
        return f"{kinds[match[1]]} {match[2]}".strip()
    return _("Other")


def workflow_context(document) -> dict:
    """What the document page and the review page show of the workflow."""
    region = document.region
    settings = penetapan.settings_of(document)
    return {
        "document": document, "region": region,
        "status_label": _(machine.STATUS_LABELS.get(document.status, "draft")),
        "history": machine.history(document),
        "available": machine.available(current_user, document),
        "regulation": machine.regulation_of(document),
        "needs_regulation": {a for a, step in machine.steps_for(document).items() if step.regulation},
        "reviewed": reviews.by_item(document),
        "open_items": set(reviews.open_items(document)),
        "settings": settings,
        "item_names": _item_names(document, {s.item_id for s in settings}),
        "may_reply": can(current_user, "review.reply", region) and document.status in reviews.REPLY_STATES,
        "may_review": (document.status == "submitted" and can(current_user, "document.review", region)
                       and groups.reviewing_group(current_user, region, document.doc_type) is not None),
        "active_groups": groups.active_groups(region, document.doc_type),
        "group_names": groups.GROUPS, "status_labels": machine.STATUS_LABELS,
        "action_labels": machine.ACTION_LABELS, "verdict_labels": reviews.VERDICT_LABELS,
        "field_label": field_label,
    }


def _item_names(document, ids) -> dict[int, str]:
    if not ids:
        return {}
    return dict(db.session.execute(select(PlanItem.id, PlanItem.name).where(
        PlanItem.region_id == document.region_id, PlanItem.id.in_(ids))).all())


@bp.app_template_filter("wf_when")
def when(moment) -> str:
    """A moment of the workflow, in UTC, to the minute."""
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment is not None else ""


@bp.app_template_global("workflow_panel")
def workflow_panel(document):
    """The workflow panel of a document's page (rendered where the page includes it)."""
    return Markup(render_template("workflow/_panel.html", **workflow_context(document)))  # noqa: S704 - rendered


def _back(region, document, anchor=""):
    target = request.form.get("back")
    if target == "review":
        return redirect(url_for("workflow.page", region_code=region.code, document_id=document.id) + anchor)
    return redirect(url_for("documents.show", region_code=region.code, document_id=document.id) + "#workflow")


def _refused(error) -> None:
    pipeline.mark_failed()
    for message in error.messages:
        flash(message)


@bp.route("/r/<region_code>/documents/<int:document_id>/workflow")
@guard("document.view")
def page(region, document_id):
    """The review page: every item with its verdicts, and, for a verifier group while the
    document is submitted, a verdict form per item and the values it may set."""
    document = document_service.document_or_404(region, document_id)
    context = workflow_context(document)
    nodes = document_service.document_tree(document)
    latest = reviews.latest(document)
    return render_template("workflow/page.html", nodes=nodes, latest=latest, **context)


@bp.route("/r/<region_code>/documents/<int:document_id>/workflow/transition", methods=["POST"])
@guard("document.view")
def transition(region, document_id):
    """Take a workflow step with a note (an approval of a Renstra with its regulation)."""
    document = document_service.document_or_404(region, document_id)
    action = request.form.get("action", "")
    try:
        machine.transition(document, action, current_user, note=request.form.get("note"),
                           regulation_number=request.form.get("regulation_number"),
                           regulation_date=request.form.get("regulation_date"))
    except (Conflict, Invalid) as error:
        _refused(error)
        return _back(region, document)
    flash(_("The document is now %(status)s.", status=_(machine.STATUS_LABELS[document.status])))
    return _back(region, document)


@bp.route("/r/<region_code>/documents/<int:document_id>/workflow/items/<int:item_id>/review", methods=["POST"])
@guard("document.view")
def review(region, document_id, item_id):
    """A verdict with a note on one item."""
    document = document_service.document_or_404(region, document_id)
    item = db.session.scalar(select(PlanItem).where(PlanItem.region_id == region.id, PlanItem.id == item_id,
                                                    PlanItem.document_id == document.id))
    if item is None:
        raise NotFound()
    try:
        reviews.write_review(item, current_user, request.form.get("verdict"), request.form.get("note"))
        flash(_("Review saved for %(item)s.", item=item.name))
    except (Conflict, Invalid) as error:
        _refused(error)
    return _back(region, document, f"#item-{item.id}")


@bp.route("/r/<region_code>/documents/<int:document_id>/workflow/reviews/<int:review_id>/reply", methods=["POST"])
@guard("document.view")
def reply(region, document_id, review_id):
    """The office's answer to a note."""
    document = document_service.document_or_404(region, document_id)
    found = reviews.review_in(region, review_id)
    if found.document_id != document.id:
        raise NotFound()
    try:
        reviews.reply(found, current_user, request.form.get("text"))
        flash(_("Your reply is saved."))
    except (Conflict, Invalid) as error:
        _refused(error)
    return _back(region, document, f"#review-{found.id}")


@bp.route("/r/<region_code>/documents/<int:document_id>/workflow/penetapan", methods=["POST"])
@guard("document.view")
def set_value(region, document_id):
    """A verifier sets a target or pagu beside the office's usulan."""
    document = document_service.document_or_404(region, document_id)
    kind, _sep, row_id = request.form.get("choice", "").partition(":")
    try:
        penetapan.set_value(document, current_user, kind,
                            int(row_id) if row_id.isdigit() and len(row_id) < 12 else None,
                            request.form.get("value", "").strip(), request.form.get("note"))
        flash(_("The penetapan value is saved."))
    except (Conflict, Invalid) as error:
        _refused(error)
    return _back(region, document, "#penetapan")
