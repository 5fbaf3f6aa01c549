"""API endpoints that manage regions, their organisation units, accounts and memberships.

Writes answer 201/200 with the object; 400 for a body that is not a JSON object, 422 with
``errors`` (each in the caller's language: the user's choice, else ``Accept-Language``) for
input that cannot be saved, 403 for a caller who sees the region but may not do this, 404
for a region the caller may not see, 409 for a duplicate. The API blueprint is CSRF-exempt
for bearer tokens; a write made with the browser session must carry the CSRF token
(``X-CSRFToken`` header), as every form does.
"""

from __future__ import annotations

from functools import wraps

from flask import g, jsonify, request

from core.api import schemas
from core.api.auth import api_guard, api_user
from core.api.views import bp
from core.errors import DomainError, NotFound
from core.extensions import csrf
from core.plugins import current_registry
from core.security import can
from core.services import accounts as account_service
from core.services import org as org_service
from core.services import regions as region_service


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction; domain errors translate it when shown."""
    return msgid


def session_csrf(view):
    """A write with the browser session (no bearer token) must carry the session's CSRF token.

    A write with a bearer token acts as the token's user for the whole request (the audit
    trail names them), without touching any session.
    """

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not request.headers.get("Authorization", "").startswith("Bearer "):
            csrf.protect()
        else:
            g._login_user = api_user()  # flask-login's per-request user: current_user for the audit trail
        return view(*args, **kwargs)

    return wrapped


def _body() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise DomainError(N_("The request body must be a JSON object."))
    return data


def region_json(region) -> dict:
    """A region as the API shows it (``kind``/``active`` are the columns level/enabled)."""
    return {
        "code": region.code, "name": region.name, "name_en": region.name_en, "kind": region.level,
        "level": region.level, "parent_code": region.parent.code if region.parent else None,
        "agency_name": region.agency_name, "agency_name_en": region.agency_name_en, "active": region.enabled,
        "plugin": current_registry().serving_plugin(region.code),
    }


def unit_json(unit) -> dict:
    """An organisation unit with its parent's code and validity dates."""
    data = schemas.UnitSchema().dump(unit)
    data["parent_code"] = org_service.unit_parent_code(unit)
    data["valid_from"] = unit.valid_from.isoformat() if unit.valid_from else None
    data["valid_to"] = unit.valid_to.isoformat() if unit.valid_to else None
    return data


def membership_json(membership, region) -> dict:
    return {"username": membership.user.username, "region_code": region.code,
            "role": membership.role, "unit_code": membership.unit_code}


def _visible_or_managed(code: str):
    """The region ``code`` if the caller sees it (active) or manages it (inactive too); else 404."""
    user = api_user()
    region = region_service.region_by_code(code, include_inactive=True)
    if region is None:
        raise NotFound()
    if (region.enabled and can(user, "region.view", region)) or region_service.may_manage(user, region):
        return region
    raise NotFound()


@bp.route("/regions", methods=["POST"])
@api_guard("login")
@session_csrf
def create_region():
    """Create a region: ``{code, name, kind, parent_code[, name_en, agency_name, agency_name_en]}``."""
    data = _body()
    region = region_service.create_region(
        api_user(), code=data.get("code"), name=data.get("name"), kind=data.get("kind"),
        parent_code=data.get("parent_code"), name_en=data.get("name_en"), agency_name=data.get("agency_name"),
        agency_name_en=data.get("agency_name_en"))
    return jsonify(region_json(region)), 201


@bp.route("/regions/<code>", methods=["GET"])
@api_guard("login")
def region(code):
    """One region, with the plugin that serves it (null when none does)."""
    return jsonify(region_json(_visible_or_managed(code)))


@bp.route("/regions/<code>", methods=["PATCH"])
@api_guard("login")
@session_csrf
def update_region(code):
    """Edit a region's names (``name``, ``name_en``, ``agency_name``, ``agency_name_en``) or ``active``."""
    region = _visible_or_managed(code)
    region_service.update_region(api_user(), region, _body())
    return jsonify(region_json(region))


@bp.route("/regions/<region_code>/org-units", methods=["POST"])
@api_guard("region.view")
@session_csrf
def create_org_unit(region):
    """Add a unit: ``{name[, code, parent_code, kind, tasks, name_en, valid_from, valid_to]}``."""
    data = _body()
    unit = org_service.create_unit(
        api_user(), region, name=data.get("name"), code=data.get("code"), parent_code=data.get("parent_code"),
        kind=data.get("kind"), tasks=data.get("tasks"), name_en=data.get("name_en"),
        valid_from=data.get("valid_from"), valid_to=data.get("valid_to"))
    return jsonify(unit_json(unit)), 201


@bp.route("/regions/<region_code>/org-units/<unit_code>", methods=["PATCH"])
@api_guard("region.view")
@session_csrf
def update_org_unit(region, unit_code):
    """Rename, move (``parent_code``; cycles refused), retype, re-task or re-date a unit."""
    org_service.check_may_edit(api_user(), region)
    unit = org_service.unit_by_code(region, unit_code)
    org_service.update_unit(api_user(), region, unit, _body())
    return jsonify(unit_json(unit))


@bp.route("/regions/<region_code>/members", methods=["POST"])
@api_guard("region.view")
@session_csrf
def add_member(region):
    """Give a user a role here: ``{username, role[, unit_code]}`` (a unit operator names its unit)."""
    data = _body()
    membership = account_service.add_membership(api_user(), region, username=data.get("username"),
                                                role=data.get("role"), unit_code=data.get("unit_code"))
    return jsonify(membership_json(membership, region)), 201


@bp.route("/regions/<region_code>/members/<username>", methods=["DELETE"])
@api_guard("region.view")
@session_csrf
def remove_member(region, username):
    """Take a user's role here away."""
    account_service.remove_membership(api_user(), region, username)
    return "", 204


@bp.route("/users", methods=["POST"])
@api_guard("login")
@session_csrf
def create_user():
    """Create an account (administrators): ``{username, full_name, password}`` (12 characters or more)."""
    data = _body()
    user = account_service.create_user(api_user(), username=data.get("username"),
                                       full_name=data.get("full_name", ""), password=data.get("password"),
                                       locale=data.get("locale"))
    return jsonify({"username": user.username, "full_name": user.full_name}), 201
