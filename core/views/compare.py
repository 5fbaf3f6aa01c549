"""A province compares the same sub kegiatan across the kab/kota it hosts."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from core.security import can, guard
from core.services import compare as service
from core.services import nomenclature as nomenclature_service

bp = Blueprint("compare", __name__)
DEFAULT_VERSION = "kmdn900-1317-2023"


@bp.route("/r/<region_code>/compare")
@guard("region.view")
def index(region):
    """Pagu, targets and realisation of the hosted regions, side by side in one code list."""
    if region.level != "provinsi":
        abort(404)
    regions = [r for r in region.children if can(current_user, "document.view", r)]
    versions = [v for v in nomenclature_service.versions()
                if nomenclature_service.items_of(v, "kabkota")]
    version = request.args.get("version") or DEFAULT_VERSION
    if version not in {v.code for v in versions}:
        abort(404)
    year = request.args.get("year", type=int) or 2021
    query = (request.args.get("q") or "").strip().lower()
    comparison = service.compare(regions, version, year)
    rows = [r for r in comparison.rows if not query or query in r.code or query in r.name.lower()]
    return render_template("compare/index.html", region=region, comparison=comparison, rows=rows,
                           versions=versions, version=version, year=year, query=query,
                           years=range(2019, 2027))
