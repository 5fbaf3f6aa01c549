"""The regions' reports: HTML on screen and print, downloads in the exporters' formats."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request
from markupsafe import Markup

from core.plugins import current_registry as plugins
from core.i18n import active_locale
from core.reports import build
from core.reports.html import TABLE_CSS
from core.reports.registry import applicable, layout_by_id, region_layouts
from core.security import guard
from core.services import documents as document_service

bp = Blueprint("reports", __name__)

#: The report table's styles on a page of the app, and what printing the page leaves out.
REPORT_CSS = Markup(TABLE_CSS + """
.report-scroll { overflow-x: auto; }
.report-scroll table.pelita-report { font-size: 0.8rem; min-width: 60rem; }
@media print {
  header, nav, footer, .no-print, .flash { display: none !important; }
  .report-scroll { overflow: visible; }
  .report-scroll table.pelita-report { font-size: 7pt; min-width: 0; }
}
""")


@bp.route("/r/<region_code>/reports")
@guard("document.view")
def index(region):
    """The layouts the region can render, each with the documents it renders from
    (``?document=<id>``: only that document's)."""
    layouts = region_layouts(plugins(), region.code)
    documents = document_service.documents_of(region)
    document_id = request.args.get("document", type=int)
    if document_id is not None:
        documents = [document_service.document_or_404(region, document_id)]
    entries = applicable(layouts, documents)
    return render_template("reports/index.html", region=region, entries=entries,
                           exporters=list(build.exporters().values()))


def _report(region, layout_id):
    layout = layout_by_id(region_layouts(plugins(), region.code), layout_id)
    if layout is None:
        abort(404)
    document_id = request.args.get("document", type=int)
    if document_id is None:
        candidates = [d for d in document_service.documents_of(region) if d.doc_type in layout.doc_types]
        if not candidates:
            abort(404)
        document = candidates[0]
    else:
        document = document_service.document_or_404(region, document_id)
        if document.doc_type not in layout.doc_types:
            abort(404)
    return layout, document, build.build_report(region, layout, document, active_locale(),
                                                year=request.args.get("year", type=int))


@bp.route("/r/<region_code>/reports/<layout_id>")
@guard("document.view")
def show(region, layout_id):
    """The report on screen (printable): ``?document=<id>`` picks the document."""
    layout, document, report = _report(region, layout_id)
    return render_template("reports/show.html", region=region, layout=layout, document=document,
                           report=report, table=build.render_table(report), report_css=REPORT_CSS,
                           year=request.args.get("year", type=int), exporters=list(build.exporters().values()))


@bp.route("/r/<region_code>/reports/<layout_id>/<fmt>")
@guard("document.view")
def download(region, layout_id, fmt):
    """The report in an exporter's format (``xlsx``, ``pdf`` ...) as a download (``html``:
    the standalone page)."""
    available = build.exporters()
    if fmt != "html" and fmt not in available:
        abort(404)
    _layout, _document, report = _report(region, layout_id)
    body = build.render_report(report, fmt)
    if fmt == "html":
        return Response(body, mimetype=build.HTML_MEDIA_TYPE)
    spec = available[fmt]
    response = Response(body, mimetype=spec.media_type)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{build.filename(report, region, fmt, spec.extension)}"'
    )
    return response
