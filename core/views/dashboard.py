"""Dashboards of a region and of a province."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from core.plugins import current_registry as plugins
from core.security import can, guard
from core.services import dashboard as service
from core.services import documents as document_service
from core.services import realisation as realisation_service

bp = Blueprint("dashboard", __name__)


def _rules(region):
    from core.services.region_settings import achievement_rules

    return achievement_rules(region)  # the region's settings: its plugin's scale unless an admin set one


@bp.route("/r/<region_code>/dashboard")
@guard("document.view")
def region(region):
    """Achievement by program and indicator, absorption over the quarters, items needing attention."""
    documents = document_service.documents_of(region)
    document = None
    if request.args.get("document", type=int):
        document = document_service.document_or_404(region, request.args.get("document", type=int))
    elif documents:
        document = service.default_document(documents)
    dashboard, years = None, []
    if document is not None:
        years = realisation_service.years_of(document, document_service.document_tree(document))
        year = request.args.get("year", type=int)
        year = year if year in years else (document.year if document.year in years else (years[-1] if years else None))
        if year is not None:
            dashboard = service.build(document, year, current_user, _rules(region))
    hosted = [r for r in region.children if can(current_user, "region.view", r)]
    rows = service.province_rows(hosted, current_user, _rules) if hosted else []
    return render_template("dashboard/region.html", region=region, documents=documents, document=document,
                           dashboard=dashboard, years=years, rows=rows)
