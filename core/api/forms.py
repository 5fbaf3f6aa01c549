"""API endpoints of region-customised forms and region settings (issue 10).

Reads need ``region.view`` (planners, viewers, the region's admins; a provincial admin for the
kab/kota it hosts). Writes need a region admin of the region, or its provincial admin (its
province's defaults and the kab/kota it hosts): 403 for a caller who sees the region but may
not; 404 for a region the caller may not see (a kab/kota never sees its province's or a
sibling's). A write with the session carries ``X-CSRFToken``.
"""

from __future__ import annotations

from flask import jsonify

from core.api.auth import api_guard, api_user
from core.api.regions import _body, session_csrf
from core.api.views import bp
from core.forms import effective_schema
from core.forms import storage
from core.services import region_settings
from core.specs import FORMS

#: The form in a URL: one of FORMS (another answers 404 by routing).
FORM_ARG = "any(" + ", ".join(FORMS) + "):form"


def _field_json(region, form, key):
    field = storage.build_schema(region.code, form).get(key)
    return field.as_json()


@bp.route("/regions/<region_code>/forms/<" + FORM_ARG + ">", methods=["GET"])
@api_guard("region.view")
def form_schema(region, form):
    """The effective field schema of ``form`` (core + inherited + own), each field with its origin."""
    storage.check_form(form)
    return jsonify(effective_schema(region, form).as_json())


@bp.route("/regions/<region_code>/forms/<" + FORM_ARG + ">/fields", methods=["POST"])
@api_guard("region.view")
@session_csrf
def add_form_field(region, form):
    """Add a region field: ``{key, type, label: {id, en}, required, choices, help, order}``."""
    row = storage.add_field(api_user(), region, form, _body())
    return jsonify(_field_json(region, form, row.key)), 201


@bp.route("/regions/<region_code>/forms/<" + FORM_ARG + ">/fields/<key>", methods=["PATCH"])
@api_guard("region.view")
@session_csrf
def update_form_field(region, form, key):
    """Change the region's own field, or hide/require/relabel/move an inherited one."""
    storage.update_field(api_user(), region, form, key, _body())
    return jsonify(_field_json(region, form, key))


@bp.route("/regions/<region_code>/forms/<" + FORM_ARG + ">/fields/<key>", methods=["DELETE"])
@api_guard("region.view")
@session_csrf
def delete_form_field(region, form, key):
    """Delete the region's own field (stored values stay readable)."""
    storage.delete_field(api_user(), region, form, key)
    return "", 204


@bp.route("/regions/<region_code>/settings", methods=["GET"])
@api_guard("region.view")
def region_settings_get(region):
    """The region's effective settings, its own, and where each comes from."""
    return jsonify(region_settings.settings_json(region))


@bp.route("/regions/<region_code>/settings", methods=["PUT"])
@api_guard("region.view")
@session_csrf
def region_settings_put(region):
    """Set some of the region's own settings (a new version; null removes a value)."""
    region_settings.put_settings(api_user(), region, _body())
    return jsonify(region_settings.settings_json(region))
