"""A document's consistency findings: filter, read printed beside expected, acknowledge, export."""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from core.presentation import LEVEL_LABELS
from core.security import can, guard
from core.services import documents as document_service
from core.services import findings as finding_service

bp = Blueprint("findings", __name__)

FILTERS = ("check", "severity", "level", "status", "item")
MAX_NOTE = 2000


def _filters() -> dict:
    filters = {name: request.args.get(name) or None for name in FILTERS}
    filters["item"] = request.args.get("item", type=int)
    return filters


@bp.route("/r/<region_code>/documents/<int:document_id>/findings")
@guard("document.view")
def index(region, document_id):
    """The findings of a document, filtered by check, severity, item level and status."""
    document = document_service.document_or_404(region, document_id)
    filters = _filters()
    views = finding_service.findings_of(document, **filters)
    everything = finding_service.findings_of(document)
    return render_template(
        "findings/index.html", region=region, document=document, views=views, filters=filters,
        checks=sorted({v.finding.check_id for v in everything}),
        levels=[lvl for lvl in LEVEL_LABELS if any(v.item and v.item.level == lvl for v in everything)],
        total=len(everything), may_ack=can(current_user, "finding.ack", region),
    )


@bp.route("/r/<region_code>/documents/<int:document_id>/findings/<int:finding_id>/acknowledge",
          methods=["POST"])
@guard("finding.ack")
def acknowledge(region, document_id, finding_id):
    """Acknowledge a finding with a note; the printed value is never changed."""
    document = document_service.document_or_404(region, document_id)
    finding = finding_service.finding_or_404(document, finding_id)
    note = request.form.get("note", "").strip()
    if not note:
        flash(_("Write a note to acknowledge a finding."))
    elif len(note) > MAX_NOTE:
        flash(_("The note is too long (at most %(count)s characters).", count=MAX_NOTE))
    else:
        finding_service.acknowledge(finding, note, current_user)
        flash(_("Finding acknowledged."))
    return redirect(url_for("findings.index", region_code=region.code, document_id=document.id,
                            **{k: v for k, v in _filters().items() if v}) + f"#finding-{finding.id}")


def _rows(document, views):
    header = [_("Line"), _("Check"), _("Severity"), _("Code"), _("Item"), _("Year"), _("Message"),
              _("Printed"), _("Expected"), _("Acknowledged"), _("Note")]
    rows = [[v.finding.source_line or "", v.finding.check_id, v.finding.severity,
             (v.item.code or "") if v.item else "", v.item.name if v.item else (v.finding.table_key or ""),
             v.finding.year or "", v.message, v.finding.printed or "", v.finding.expected or "",
             _("yes") if v.acknowledgement else _("no"), v.acknowledgement.note if v.acknowledgement else ""]
            for v in views]
    return header, rows


@bp.route("/r/<region_code>/documents/<int:document_id>/findings.<any(csv, xlsx):fmt>")
@guard("document.view")
def export(region, document_id, fmt):
    """The filtered findings as CSV or XLSX, in the active language."""
    document = document_service.document_or_404(region, document_id)
    header, rows = _rows(document, finding_service.findings_of(document, **_filters()))
    name = f"findings-{region.code}-{document.key}.{fmt}"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows([[_csv_safe(c) for c in row] for row in rows])
        return Response(buffer.getvalue(), mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    sheet = workbook.add_worksheet(_("Findings")[:31])
    bold = workbook.add_format({"bold": True, "bg_color": "#EEF2F6", "border": 1, "text_wrap": True})
    sheet.write_row(0, 0, header, bold)
    for r, row in enumerate(rows, start=1):
        for c, cell in enumerate(row):
            if isinstance(cell, int):
                sheet.write_number(r, c, cell)
            else:
                sheet.write_string(r, c, str(cell))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(header) - 1)
    sheet.set_column(4, 4, 50)
    sheet.set_column(6, 6, 70)
    workbook.close()
    return Response(buffer.getvalue(),
                    mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _csv_safe(cell):
    """Keep a cell that a spreadsheet would run as a formula (``=``, ``+``, ``@``, ``-x``) as text."""
    text = str(cell)
    if text[:1] in ("=", "+", "@") or (text[:1] == "-" and not text[1:2].isdigit()):
        return "'" + text
    return cell
