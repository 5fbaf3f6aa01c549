"""Nomenclature versions: browse, search, item history, diffs and crosswalk review.

Nomenclature is national data: every signed-in user reads it. Deciding a crosswalk row is for
a superadmin (national rows) or a region's planner or admin (a decision for that region only,
stored as an override row); see :mod:`core.services.nomenclature`.
"""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from core.nomenclature import NoListError
from core.presentation import LEVEL_LABELS
from core.security import guard, region_or_404, visible_regions
from core.services import nomenclature as service

bp = Blueprint("nomenclature", __name__)

JURISDICTION_LABELS = {"kabkota": _l("regency/city"), "provinsi": _l("province"), "all": _l("province and regency/city")}
DIFF_LABELS = {"unchanged": _l("unchanged"), "renamed": _l("renamed"), "renumbered": _l("renumbered"),
               "removed": _l("removed"), "added": _l("added")}
KIND_LABELS = {"same": _l("same"), "renamed": _l("renamed"), "renumbered": _l("renumbered"), "split": _l("split"),
               "merged": _l("merged"), "retired": _l("retired"), "new": _l("new")}
STATUS_LABELS = {"proposed": _l("proposed"), "confirmed": _l("confirmed"), "rejected": _l("rejected")}
RELATION_LABELS = {"same_code": _l("same code"), "crosswalk_to": _l("crosswalk: becomes"),
                   "crosswalk_from": _l("crosswalk: was")}
MAX_NOTE = 2000


def _labels() -> dict:
    return {"jurisdiction_labels": JURISDICTION_LABELS, "diff_labels": DIFF_LABELS, "kind_labels": KIND_LABELS,
            "status_labels": STATUS_LABELS, "relation_labels": RELATION_LABELS, "level_labels": LEVEL_LABELS}


def _jurisdiction_arg(default: str | None = None) -> str | None:
    value = request.args.get("jurisdiction") or default
    if value is not None and value not in JURISDICTION_LABELS:
        abort(404)
    return value


@bp.route("/nomenclature/")
@guard("login")
def index():
    """Every version with its item counts, and the stored crosswalks."""
    return render_template("nomenclature/index.html", summaries=service.version_summaries(),
                           pairs=service.crosswalk_pairs(), **_labels())


@bp.route("/nomenclature/v/<version_code>")
@guard("login")
def browse(version_code):
    """One version's items, searched by code or by name in Indonesian or English."""
    version = service.version_or_404(version_code)
    jurisdiction = _jurisdiction_arg()
    q = request.args.get("q", "").strip()
    items = service.search_items(version, q, jurisdiction)
    total = len(service.items_of(version, jurisdiction))
    return render_template("nomenclature/browse.html", version=version, items=items, q=q,
                           jurisdiction=jurisdiction, total=total, **_labels())


@bp.route("/nomenclature/v/<version_code>/<jurisdiction>/<code>")
@guard("login")
def item(version_code, jurisdiction, code):
    """One item with its provenance and its history across versions."""
    version = service.version_or_404(version_code)
    found = service.item_or_404(version, jurisdiction, code)
    return render_template("nomenclature/item.html", version=version, item=found,
                           history=service.item_history(found), local_labels=_local_labels(version, found),
                           **_labels())


def _local_labels(version, found) -> list[tuple[object, str]]:
    """(region, label) for the regions the user may see that name this item their own way."""
    from core.plugins import current_registry as plugins
    from core.nomenclature.names import normalise_name
    from core.security import visible_regions

    registry = plugins()
    labels = []
    for region in visible_regions(current_user):
        if region.code not in registry.regions:
            continue
        own = dict(registry.call("pelita_nomenclature_labels", region.code, version=version.code) or ())
        label = own.get(found.code)
        if label and normalise_name(label) != normalise_name(found.name):  # not just case or spacing
            labels.append((region, label))
    return labels


def _pair():
    versions = service.versions()
    by_code = {v.code: v for v in versions}
    from_code = request.args.get("from") or "pmdn90-2019"
    to_code = request.args.get("to") or "kmdn900-1317-2023"
    if from_code not in by_code or to_code not in by_code:
        abort(404)
    return versions, by_code[from_code], by_code[to_code], _jurisdiction_arg("kabkota")


@bp.route("/nomenclature/diff")
@guard("login")
def diff():
    """What changed between two versions for one jurisdiction, with counts."""
    versions, old, new, jurisdiction = _pair()
    result, error = None, None
    try:
        result = service.diff(old, new, jurisdiction)
    except (NoListError, ValueError):
        error = _("There is no list of one of these versions for this jurisdiction.")
    kind = request.args.get("kind") or None
    rows = [r for r in result.rows if not kind or r.kind == kind] if result else []
    return render_template("nomenclature/diff.html", versions=versions, old=old, new=new,
                           jurisdiction=jurisdiction, result=result, rows=rows, kind=kind, error=error,
                           **_labels())


@bp.route("/nomenclature/diff.<any(csv, xlsx):fmt>")
@guard("login")
def diff_export(fmt):
    """The diff as CSV or XLSX, headers in the active language."""
    _versions, old, new, jurisdiction = _pair()
    try:
        result = service.diff(old, new, jurisdiction)
    except (NoListError, ValueError):
        abort(404)
    header = [_("Change"), _("Level"), _("Old code"), _("Old name"), _("New code"), _("New name")]
    rows = [[str(DIFF_LABELS[r.kind]), str(LEVEL_LABELS.get(r.level, r.level)), r.from_code or "",
             r.from_item.name if r.from_item else "", r.to_code or "", r.to_item.name if r.to_item else ""]
            for r in result.rows]
    name = f"diff-{old.code}-{new.code}-{jurisdiction}.{fmt}"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        return Response(buffer.getvalue(), mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    sheet = workbook.add_worksheet(_("Diff")[:31])
    bold = workbook.add_format({"bold": True, "bg_color": "#EEF2F6", "border": 1})
    sheet.write_row(0, 0, header, bold)
    for r, row in enumerate(rows, start=1):
        for c, cell in enumerate(row):
            sheet.write_string(r, c, cell)
    summary = workbook.add_worksheet(_("Counts")[:31])
    summary.write_row(0, 0, [_("Change"), _("Rows")], bold)
    for r, (kind, n) in enumerate(result.counts().items(), start=1):
        summary.write_string(r, 0, str(DIFF_LABELS[kind]))
        summary.write_number(r, 1, n)
    sheet.freeze_panes(1, 0)
    sheet.set_column(3, 3, 60)
    sheet.set_column(5, 5, 60)
    workbook.close()
    return Response(buffer.getvalue(),
                    mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _review_region(code: str | None):
    return region_or_404(code) if code else None


@bp.route("/nomenclature/crosswalk")
@guard("login")
def crosswalk():
    """Review a crosswalk row by row: the proposal, its candidates, who decided and when."""
    versions = service.versions()
    by_code = {v.code: v for v in versions}
    old = by_code.get(request.args.get("from") or "pmdn13-2006")
    new = by_code.get(request.args.get("to") or "pmdn90-2019")
    if old is None or new is None:
        abort(404)
    jurisdiction = _jurisdiction_arg("kabkota")
    region = _review_region(request.args.get("region"))
    status = request.args.get("status") or None
    views = service.crosswalk(old, new, jurisdiction, region)
    shown = [v for v in views if not status or v.row.status == status]
    return render_template(
        "nomenclature/crosswalk.html", versions=versions, old=old, new=new, jurisdiction=jurisdiction,
        region=region, regions=visible_regions(current_user), views=shown, counts=service.crosswalk_counts(views),
        total=len(views), status=status, may_review=service.may_review(current_user, region),
        pairs=service.crosswalk_pairs(), **_labels())


def _decide(row_id: int, action: str):
    row = service.crosswalk_row_or_404(row_id)
    region = _review_region(request.form.get("region"))
    if not service.may_review(current_user, region):
        abort(403)
    note = request.form.get("note", "").strip()
    if len(note) > MAX_NOTE:
        flash(_("The note is too long (at most %(count)s characters).", count=MAX_NOTE))
    else:
        try:
            if action == "confirm":
                to_code = request.form.get("other_code", "").strip() or request.form.get("to_code")
                service.confirm(row, current_user, to_code, note, region)
                flash(_("Crosswalk row confirmed."))
            else:
                service.reject(row, current_user, note, region)
                flash(_("Crosswalk row rejected."))
        except service.ReviewError as error:
            flash(str(error))
    args = {"from": row.from_version.code, "to": row.to_version.code, "jurisdiction": row.jurisdiction}
    if region is not None:
        args["region"] = region.code
    return redirect(url_for("nomenclature.crosswalk", **args) + f"#row-{row.id}")


@bp.route("/nomenclature/crosswalk/<int:row_id>/confirm", methods=["POST"])
@guard("login")
def confirm(row_id):
    """Confirm a row with the chosen target (or none: retired). Superadmin, or a region's planner."""
    return _decide(row_id, "confirm")


@bp.route("/nomenclature/crosswalk/<int:row_id>/reject", methods=["POST"])
@guard("login")
def reject(row_id):
    """Reject a row's proposal. Superadmin, or a region's planner for that region."""
    return _decide(row_id, "reject")
