"""Region picker, region home, organisation chart."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from core.plugins import current_registry as plugins
from core.security import can, guard, visible_regions
from core.services import documents as document_service
from core.services import org as org_service

bp = Blueprint("regions", __name__)


@bp.route("/")
@guard("login")
def index():
    """The regions the user may see, provinces with the kab/kota they host."""
    regions = visible_regions(current_user)
    return render_template("regions/index.html", regions=regions)


@bp.route("/r/<region_code>/")
@guard("region.view")
def home(region):
    """A region's home: its Dinas, organisation chart summary and documents."""
    chart = org_service.chart_of(region)
    units = org_service.chart_units(chart) if chart else []
    return render_template(
        "regions/home.html",
        region=region,
        chart=chart,
        units=units,
        documents=document_service.documents_of(region),
        # Any region in the database: its plugin, else its province's, else core's answer.
        nomenclature=plugins().call("pelita_nomenclature_uses", region.code) or (),
        hosted=[child for child in region.children if can(current_user, "region.view", child)],
        may_add_kabkota=region.level == "provinsi" and can(current_user, "region.manage", region),
        may_edit_org=can(current_user, "org.edit", region),
    )


@bp.route("/r/<region_code>/org")
@guard("region.view")
def org_chart(region):
    """The full organisation chart with every unit's tasks and source."""
    chart = org_service.chart_of(region)
    units = org_service.chart_units(chart) if chart else []
    return render_template("regions/org.html", region=region, chart=chart, units=units)
