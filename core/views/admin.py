"""The admin area: regions, organisation charts, accounts and memberships.

Routes take the region as ``<code>`` (not ``region_code``): a deactivated region is still
reachable here by those who manage it, to edit or activate it again. Each page resolves the
region through the services, which answer 404 to whoever may not see it and 403 to whoever
sees it but may not do this. A form with errors is shown again with them (422).
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from core.errors import DomainError, NotFound
from core.extensions import db
from core.models import Region
from core.models.user import ROLES, UNIT_ROLES
from core.security import can, guard, may_administer
from core.services import accounts as account_service
from core.services import org as org_service
from core.services import regions as region_service
from core.specs import REGION_LEVELS, UNIT_KINDS

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.app_context_processor
def _inject():
    from core.plugins import current_registry

    return {"may_administer": may_administer, "plugin_of": lambda code: current_registry().serving_plugin(code)}


def _administered(user) -> list[tuple[Region, dict]]:
    """Every region ``user`` administers in some way, with what they may do there."""
    rows = []
    for region in db.session.scalars(select(Region).order_by(Region.code)):
        rights = {
            "manage": region_service.may_manage(user, region),
            "create_under": region.level == "provinsi" and region.enabled
            and region_service.may_create_under(user, region),
            "org": region.enabled and can(user, "org.edit", region),
            "members": region.enabled and can(user, "members.manage", region),
        }
        if any(rights.values()):
            rows.append((region, rights))
    return rows


def _active_region(code: str, action: str) -> Region:
    """The active region ``code`` if the user may do ``action`` there; 404 if unseen, 403 if only seen."""
    from core.errors import Forbidden

    region = region_service.region_by_code(code)
    if region is None or not can(current_user, "region.view", region):
        raise NotFound()
    if not can(current_user, action, region):
        raise Forbidden()
    return region


@bp.route("/")
@guard("login")
def index():
    """The admin area starts at the regions."""
    return redirect(url_for("admin.regions"))


@bp.route("/regions")
@guard("login")
def regions():
    """The regions the user administers, deactivated ones included."""
    if not may_administer(current_user):
        raise NotFound()
    return render_template("admin/regions.html", rows=_administered(current_user),
                           may_create_province=region_service.may_create_under(current_user, None))


def _form_values() -> dict:
    return {key: request.form.get(key, "").strip() for key in
            ("code", "name", "kind", "parent_code", "name_en", "agency_name", "agency_name_en")}


@bp.route("/regions/new", methods=["GET", "POST"])
@guard("login")
def new_region():
    """Create a province (superadmin) or a kabupaten/kota under a province."""
    provinces = [r for r in db.session.scalars(select(Region).where(Region.level == "provinsi",
                                                                     Region.enabled.is_(True))
                                               .order_by(Region.code))
                 if region_service.may_create_under(current_user, r)]
    may_create_province = region_service.may_create_under(current_user, None)
    if not provinces and not may_create_province:
        raise NotFound()
    values = {"parent_code": request.args.get("parent", ""), "kind": "kota"}
    errors, status = [], 200
    if request.method == "POST":
        values = _form_values()
        try:
            region = region_service.create_region(
                current_user, code=values["code"], name=values["name"], kind=values["kind"],
                parent_code=values["parent_code"] if values["kind"] != "provinsi" else None,
                name_en=values["name_en"] or None, agency_name=values["agency_name"] or None,
                agency_name_en=values["agency_name_en"] or None)
        except DomainError as exc:
            errors, status = exc.messages, exc.status
        else:
            flash(_("Region %(code)s %(name)s created.", code=region.code, name=region.name))
            return redirect(url_for("admin.region", code=region.code))
    return render_template("admin/region_new.html", provinces=provinces, may_create_province=may_create_province,
                           kinds=REGION_LEVELS, values=values, errors=errors), status


@bp.route("/regions/<code>", methods=["GET", "POST"])
@guard("login")
def region(code):
    """A region's names and state; links to its organisation chart and members."""
    region = region_service.region_for_manager(current_user, code)
    errors, status = [], 200
    if request.method == "POST":
        values = _form_values()
        try:
            region_service.update_region(current_user, region, {
                "name": values["name"], "name_en": values["name_en"], "agency_name": values["agency_name"],
                "agency_name_en": values["agency_name_en"]})
        except DomainError as exc:
            errors, status = exc.messages, exc.status
        else:
            flash(_("Saved."))
            return redirect(url_for("admin.region", code=region.code))
    return render_template("admin/region.html", region=region, errors=errors,
                           may_manage=region_service.may_manage(current_user, region),
                           may_org=region.enabled and can(current_user, "org.edit", region),
                           may_members=region.enabled and can(current_user, "members.manage", region)), status


@bp.route("/regions/<code>/active", methods=["POST"])
@guard("login")
def set_active(code):
    """Deactivate (it disappears from lists; its pages answer 404) or activate a region."""
    region = region_service.region_for_manager(current_user, code)
    active = request.form.get("active") == "1"
    try:
        region_service.set_active(current_user, region, active)
    except DomainError as exc:
        return render_template("admin/region.html", region=region, errors=exc.messages,
                               may_manage=True, may_org=False, may_members=False), exc.status
    flash(_("Region %(code)s is active.", code=code) if active else
          _("Region %(code)s is deactivated.", code=code))
    return redirect(url_for("admin.region", code=region.code))


# -- organisation chart ----------------------------------------------------------------------

def _unit_form() -> dict:
    form = request.form
    return {"code": form.get("code", "").strip(), "name": form.get("name", ""), "name_en": form.get("name_en", ""),
            "parent_code": form.get("parent_code", "").strip() or None, "kind": form.get("kind") or None,
            "tasks": form.get("tasks", ""), "valid_from": form.get("valid_from", "").strip() or None,
            "valid_to": form.get("valid_to", "").strip() or None}


def _org_page(region, errors=(), values=None, status=200):
    chart = org_service.chart_of(region)
    units = org_service.chart_units(chart) if chart else []
    return render_template("admin/org.html", region=region, chart=chart, units=units, kinds=UNIT_KINDS,
                           errors=list(errors), values=values or {}), status


@bp.route("/regions/<code>/org")
@guard("login")
def org(code):
    """The chart's units, each editable, and a form for a new one."""
    return _org_page(_active_region(code, "org.edit"))


@bp.route("/regions/<code>/org/units", methods=["POST"])
@guard("login")
def create_unit(code):
    """Add a unit (the chart is created at the first unit)."""
    region = _active_region(code, "org.edit")
    values = _unit_form()
    try:
        unit = org_service.create_unit(current_user, region, **values)
    except DomainError as exc:
        return _org_page(region, exc.messages, values, exc.status)
    flash(_("Unit %(name)s added.", name=unit.name))
    return redirect(url_for("admin.org", code=region.code))


@bp.route("/regions/<code>/org/units/<unit_code>", methods=["GET", "POST"])
@guard("login")
def unit(code, unit_code):
    """Edit a unit (rename, move, kind, tasks, validity) and read its history."""
    region = _active_region(code, "org.edit")
    unit = org_service.unit_by_code(region, unit_code)
    errors, status = [], 200
    if request.method == "POST":
        values = _unit_form()
        values.pop("code")
        try:
            org_service.update_unit(current_user, region, unit, values)
        except DomainError as exc:
            errors, status = exc.messages, exc.status
        else:
            flash(_("Saved."))
            return redirect(url_for("admin.unit", code=region.code, unit_code=unit.code))
    chart = org_service.chart_of(region)
    others = [n.unit for n in org_service.chart_units(chart) if n.unit.id != unit.id]
    return render_template("admin/unit.html", region=region, unit=unit, others=others, kinds=UNIT_KINDS,
                           parent_code=org_service.unit_parent_code(unit),
                           history=org_service.unit_history(region, unit), errors=errors), status


# -- members ---------------------------------------------------------------------------------

def _members_page(region, errors=(), status=200):
    chart = org_service.chart_of(region)
    units = [n.unit for n in org_service.chart_units(chart)] if chart else []
    roles = [r for r in ROLES if r != "provincial_admin" or (current_user.is_superadmin and region.level == "provinsi")]
    return render_template("admin/members.html", region=region, members=account_service.members_of(region),
                           roles=roles, units=units, errors=list(errors)), status


@bp.route("/regions/<code>/members")
@guard("login")
def members(code):
    """Who holds which role in the region; add an account or an existing user; remove a role."""
    return _members_page(_active_region(code, "members.manage"))


@bp.route("/regions/<code>/members", methods=["POST"])
@guard("login")
def add_member(code):
    """Give a user a role here, creating the account first when a password is given."""
    region = _active_region(code, "members.manage")
    form = request.form
    username = form.get("username", "").strip()
    try:
        if form.get("password"):
            account_service.create_user(current_user, username=username, full_name=form.get("full_name", ""),
                                        password=form.get("password"))
        account_service.add_membership(current_user, region, username=username, role=form.get("role", ""),
                                       unit_code=form.get("unit_code") if form.get("role") in UNIT_ROLES
                                       else None)
    except DomainError as exc:
        return _members_page(region, exc.messages, exc.status)
    flash(_("%(username)s is now %(role)s here.", username=username, role=form.get("role")))
    return redirect(url_for("admin.members", code=region.code))


@bp.route("/regions/<code>/members/<username>/remove", methods=["POST"])
@guard("login")
def remove_member(code, username):
    """Take a user's role here away."""
    region = _active_region(code, "members.manage")
    try:
        account_service.remove_membership(current_user, region, username)
    except DomainError as exc:
        return _members_page(region, exc.messages, exc.status)
    flash(_("%(username)s no longer holds a role here.", username=username))
    return redirect(url_for("admin.members", code=region.code))


# -- users (issue 13): list, (de)activate, reset a password, sign out everywhere ----------------

def _may_manage_users() -> bool:
    return may_administer(current_user)


@bp.route("/users")
@guard("login")
def users():
    """The accounts the user may manage, filtered by text and state."""
    if not _may_manage_users():
        raise NotFound()
    query, status = request.args.get("q", "").strip(), request.args.get("status", "all")
    if status not in ("all", "active", "inactive"):
        status = "all"
    return render_template("admin/users.html", users=account_service.manageable_users(current_user, query, status),
                           query=query, status=status)


def _user_page(user, errors=(), status=200, temporary=None):
    return render_template("admin/user.html", user=user, errors=list(errors), temporary=temporary,
                           tokens=account_service.tokens_of(user)), status


@bp.route("/users/<username>")
@guard("login")
def user(username):
    """One account: its memberships and tokens; deactivate, reset the password, sign it out."""
    return _user_page(account_service.managed_user(current_user, username))


@bp.route("/users/<username>/active", methods=["POST"])
@guard("login")
def set_user_active(username):
    """Deactivate (sessions end, tokens revoked) or reactivate an account."""
    user = account_service.managed_user(current_user, username)
    active = request.form.get("active") == "1"
    try:
        account_service.set_user_active(current_user, user, active)
    except DomainError as exc:
        return _user_page(user, exc.messages, exc.status)
    flash(_("%(username)s is active again.", username=username) if active else
          _("%(username)s is deactivated: their sessions ended and their tokens are revoked.", username=username))
    return redirect(url_for("admin.user", username=username))


@bp.route("/users/<username>/password-reset", methods=["POST"])
@guard("login")
def reset_password(username):
    """Set a temporary password (typed, or generated and shown once); the user must change it."""
    user = account_service.managed_user(current_user, username)
    try:
        generated = account_service.reset_password(current_user, user, request.form.get("password", ""))
    except DomainError as exc:
        return _user_page(user, exc.messages, exc.status)
    flash(_("The password of %(username)s is reset; they must change it when they sign in.", username=username))
    return _user_page(user, temporary=generated)


@bp.route("/users/<username>/sessions/revoke", methods=["POST"])
@guard("login")
def revoke_user_sessions(username):
    """End every session of the account."""
    user = account_service.managed_user(current_user, username)
    account_service.revoke_sessions(current_user, user)
    flash(_("Every session of %(username)s has ended.", username=username))
    return redirect(url_for("admin.user", username=username))
