"""Entering a quarter's realisation, assigning responsible units, evidence files."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from core.plugins import current_registry as plugins
from core.extensions import db
from core.models import PlanItem
from core.web import pipeline
from core.security import can, guard
from core.services import documents as document_service
from core.services import evidence_files
from core.services import realisation as service

bp = Blueprint("realisation", __name__)


def _rules(region):
    from core.services.region_settings import achievement_rules

    return achievement_rules(region)  # the region's settings: its plugin's scale unless an admin set one


def _period(document, nodes):
    years = service.years_of(document, nodes)
    year = request.values.get("year", type=int)
    if year not in years:
        year = document.year if document.year in years else (years[0] if years else None)
    quarter = request.values.get("quarter", type=int)
    return years, year, quarter if quarter in service.QUARTERS else 1


@bp.route("/r/<region_code>/documents/<int:document_id>/realisation", methods=["GET", "POST"])
@guard("document.view")
def sheet(region, document_id):
    """The year's realisation sheet; POST saves one quarter (all or nothing)."""
    document = document_service.document_or_404(region, document_id)
    years, year, quarter = _period(document, document_service.document_tree(document))
    errors = []
    if request.method == "POST":
        if not can(current_user, "realisation.enter", region) or year is None:
            abort(404)
        try:
            changed = service.save_quarter(document, year, quarter, current_user, request.form, _rules(region))
            flash(_("Realisation saved: %(count)s values changed.", count=changed))
            return redirect(url_for("realisation.sheet", region_code=region.code, document_id=document.id,
                                    year=year, quarter=quarter))
        except service.EntryError as exc:
            pipeline.mark_failed()
            errors = exc.messages
    entries = service.entry_sheet(document, year, current_user, _rules(region)) if year else []
    # A unit operator opens on their own items; anyone can switch between "mine" and "all".
    operator = not service.has_full_access(current_user, region) and service.operator_unit(current_user, region)
    mine = request.args.get("mine", "1" if operator else "0") == "1"
    if mine:
        entries = [e for e in entries if e.editable]
    units = service.unit_parents(region)
    return render_template(
        "realisation/sheet.html", region=region, document=document, entries=entries, years=years, year=year,
        quarter=quarter, quarters=service.QUARTERS, errors=errors, units=sorted(units),
        may_assign=can(current_user, "document.edit", region), form=request.form if errors else {},
        rules=_rules(region), capaian_rules=sorted(_capaian_rules()), mine=mine,
    ), (400 if errors else 200)


def _capaian_rules():
    from core.achievement.rules import CAPAIAN_RULES

    return CAPAIAN_RULES


def _item_or_404(region, document, item_id) -> PlanItem:
    item = db.session.scalar(select(PlanItem).where(PlanItem.id == item_id, PlanItem.region_id == region.id,
                                                    PlanItem.document_id == document.id))
    if item is None:
        abort(404)
    return item


@bp.route("/r/<region_code>/documents/<int:document_id>/items/<int:item_id>/unit", methods=["POST"])
@guard("document.edit")
def assign(region, document_id, item_id):
    """Make a unit answerable for an item (and, by inheritance, for the items below it)."""
    document = document_service.document_or_404(region, document_id)
    item = _item_or_404(region, document, item_id)
    try:
        service.assign_unit(region, item, request.form.get("unit") or None)
        flash(_("Responsible unit saved."))
    except service.EntryError as exc:
        pipeline.mark_failed()
        flash(exc.messages[0])
    return redirect(url_for("realisation.sheet", region_code=region.code, document_id=document.id,
                            year=request.form.get("year"), quarter=request.form.get("quarter")))


@bp.route("/r/<region_code>/documents/<int:document_id>/items/<int:item_id>/evidence", methods=["POST"])
@guard("realisation.enter")
def upload(region, document_id, item_id):
    """Attach an evidence file to an item's quarter."""
    document = document_service.document_or_404(region, document_id)
    _item_or_404(region, document, item_id)
    year = request.form.get("year", type=int)
    quarter = request.form.get("quarter", type=int)
    entry = next((e for e in service.entry_sheet(document, year, current_user, _rules(region))
                  if e.node.item.id == item_id), None)
    if entry is None or not entry.editable or quarter not in service.QUARTERS:
        abort(404)
    upload_file = request.files.get("file")
    if upload_file is None or not upload_file.filename:
        flash(_("Choose a file to upload."))
    else:
        try:
            service.store_evidence(entry, year, quarter, upload_file, current_user)
            flash(_("Evidence uploaded."))
        except service.EntryError as exc:
            pipeline.mark_failed()
            flash(exc.messages[0])
    return redirect(url_for("realisation.sheet", region_code=region.code, document_id=document.id,
                            year=year, quarter=quarter))


@bp.route("/r/<region_code>/evidence/<int:evidence_id>")
@guard("document.view")
def download(region, evidence_id):
    """Download an evidence file of the region (another region's id answers 404).

    A stored file that is not whole (it does not match its checksum) is never served.
    """
    row = service.evidence_or_none(region, evidence_id)
    if row is None:
        abort(404)
    path = service.evidence_dir() / row.sha256
    if not evidence_files.is_whole(path, row.size, row.sha256):
        abort(404)
    return send_file(path, mimetype=row.content_type, as_attachment=True, download_name=row.filename)


@bp.route("/r/<region_code>/evidence/<int:evidence_id>/remove", methods=["POST"])
@guard("realisation.enter")
def remove(region, evidence_id):
    """Take an evidence file off the sheet (kept, with who removed it, for the audit trail)."""
    row = service.evidence_or_none(region, evidence_id)
    if row is None:
        abort(404)
    try:
        service.remove_evidence(region, row, current_user)
        flash(_("Evidence file removed (it stays in the audit trail)."))
    except service.EntryError as exc:
        pipeline.mark_failed()
        flash(exc.messages[0])
    target = request.form.get("next", "")
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("regions.home", region_code=region.code)
    return redirect(target)


@bp.route("/r/<region_code>/documents/<int:document_id>/indicators/<int:indicator_id>/settings", methods=["POST"])
@guard("document.edit")
def indicator_settings(region, document_id, indicator_id):
    """Set an indicator's polarity, aggregation and (optionally) its own capaian rule."""
    from core.models import Indicator

    document = document_service.document_or_404(region, document_id)
    indicator = db.session.scalar(select(Indicator).join(PlanItem, PlanItem.id == Indicator.item_id).where(
        Indicator.id == indicator_id, Indicator.region_id == region.id, PlanItem.document_id == document.id))
    if indicator is None:
        abort(404)
    try:
        service.update_indicator(indicator, request.form.get("polarity", ""), request.form.get("aggregation", ""),
                                 request.form.get("capaian_rule") or None)
        flash(_("Indicator settings saved."))
    except service.EntryError as exc:
        pipeline.mark_failed()
        flash(exc.messages[0])
    return redirect(url_for("realisation.sheet", region_code=region.code, document_id=document.id,
                            year=request.form.get("year"), quarter=request.form.get("quarter")))
