"""Regions as data: creating, editing, deactivating provinces and the kab/kota they host.

A superadmin manages any region; a provincial admin creates, edits and deactivates the
kab/kota under its own province (``region.manage``, see :mod:`core.security`). ``actor`` None
is the trusted command line. Services never commit; errors are :mod:`core.errors`.
"""

from __future__ import annotations

import re

from flask_babel import gettext as _
from sqlalchemy import select

from core.errors import Conflict, Forbidden, Invalid, NotFound
from core.extensions import db
from core.models import Region
from core.plugins import forget_region_tree
from core.security import can
from core.specs import REGION_LEVELS


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction; domain errors translate it when shown."""
    return msgid


#: kode wilayah: ``18`` (provinsi) or ``18.71`` (kabupaten/kota).
PROVINCE_CODE = re.compile(r"^\d{2}$")
KABKOTA_CODE = re.compile(r"^\d{2}\.\d{2}$")
NAME_MAX = 200


def region_by_code(code: str, include_inactive: bool = False) -> Region | None:
    """The region ``code`` (active only unless ``include_inactive``), or None."""
    query = select(Region).where(Region.code == (code or ""))
    if not include_inactive:
        query = query.where(Region.enabled.is_(True))
    return db.session.scalar(query)


def may_manage(actor, region: Region) -> bool:
    """Whether ``actor`` may edit and (de)activate ``region`` (None: the command line)."""
    if actor is None:
        return True
    if region.level == "provinsi":
        return bool(getattr(actor, "is_superadmin", False))
    return can(actor, "region.manage", region)


def may_create_under(actor, parent: Region | None) -> bool:
    """Whether ``actor`` may create a province (``parent`` None) or a kab/kota under ``parent``."""
    if actor is None:
        return True
    if parent is None:
        return bool(getattr(actor, "is_superadmin", False))
    return can(actor, "region.manage", parent)


def managed_regions(actor) -> list[Region]:
    """Every region ``actor`` may manage, inactive ones included, provinces before what they host."""
    regions = db.session.scalars(select(Region).order_by(Region.code)).all()
    return [r for r in regions if may_manage(actor, r) or (r.level == "provinsi" and may_create_under(actor, r))]


def region_for_manager(actor, code: str) -> Region:
    """The region ``code`` (inactive included) if ``actor`` manages it; else NotFound."""
    region = region_by_code(code, include_inactive=True)
    if region is None:
        raise NotFound()
    if may_manage(actor, region) or (region.level == "provinsi" and may_create_under(actor, region)):
        return region
    if region.enabled and can(actor, "region.view", region):
        raise Forbidden()
    raise NotFound()


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _check_names(errors: list[str], name, name_en=None, agency_name=None, agency_name_en=None) -> None:
    if not _text(name):
        errors.append(_("The name is required."))
    for value in (name, name_en, agency_name, agency_name_en):
        if value is not None and not isinstance(value, str):
            errors.append(_("Names must be text."))
            break
        if isinstance(value, str) and len(value.strip()) > NAME_MAX:
            errors.append(_("A name may have at most %(max)s characters.", max=NAME_MAX))
            break


def create_region(actor, *, code, name, kind, parent_code=None, name_en=None, agency_name=None,
                  agency_name_en=None) -> Region:
    """Create a region; raise Invalid (what to fix), NotFound/Forbidden (may not) or Conflict (exists)."""
    code = _text(code)
    kind = _text(kind)
    parent_code = _text(parent_code) or None
    errors: list[str] = []
    if kind not in REGION_LEVELS:
        errors.append(_("The kind must be provinsi, kabupaten or kota."))
    parent = None
    if kind == "provinsi":
        if parent_code is not None:
            errors.append(_("A province has no parent region."))
        if not may_create_under(actor, None):
            raise Forbidden(N_("Only a superadmin may create a province."))
        if code and not PROVINCE_CODE.match(code):
            errors.append(_("A province's code is two digits, e.g. 18 (got %(code)s).", code=code))
    elif kind in REGION_LEVELS:
        if parent_code is None:
            errors.append(_("A kabupaten or kota needs its province (parent_code)."))
        else:
            parent = region_by_code(parent_code)
            if parent is None or (actor is not None and not can(actor, "region.view", parent)):
                raise NotFound(N_("Unknown region %(code)s."), code=parent_code)
            if not may_create_under(actor, parent):
                raise Forbidden()
            if parent.level != "provinsi":
                errors.append(_("The parent region must be a province; %(code)s is a %(kind)s.",
                                code=parent.code, kind=parent.level))
        if code and not KABKOTA_CODE.match(code):
            errors.append(_("A kabupaten or kota code is its province's code, a dot and two digits, "
                            "e.g. 18.71 (got %(code)s).", code=code))
        elif code and parent_code and not code.startswith(parent_code + "."):
            errors.append(_("The code %(code)s does not lie under its parent %(parent)s.",
                            code=code, parent=parent_code))
    if not code:
        errors.append(_("The region code is required."))
    _check_names(errors, name, name_en, agency_name, agency_name_en)
    if errors:
        raise Invalid(messages=errors)
    if region_by_code(code, include_inactive=True) is not None:
        raise Conflict(N_("A region with code %(code)s already exists."), code=code)
    name = _text(name)
    region = Region(
        code=code, name=name, name_en=_text(name_en) or None, level=kind,
        agency_name=_text(agency_name) or _("Dinas Sosial %(name)s", name=name),
        agency_name_en=_text(agency_name_en) or None,
        parent_id=parent.id if parent else None, enabled=True,
    )
    db.session.add(region)
    db.session.flush()
    forget_region_tree()
    return region


EDITABLE = ("name", "name_en", "agency_name", "agency_name_en")


def update_region(actor, region: Region, changes: dict) -> Region:
    """Edit a region's names and/or ``active``; other keys are refused."""
    if not may_manage(actor, region):
        raise Forbidden()
    unknown = sorted(set(changes) - set(EDITABLE) - {"active"})
    errors: list[str] = []
    if unknown:
        errors.append(_("These fields cannot be changed: %(fields)s.", fields=", ".join(unknown)))
    names = {k: changes[k] for k in EDITABLE if k in changes}
    if "name" in names or names:
        _check_names(errors, names.get("name", region.name), names.get("name_en"), names.get("agency_name"),
                     names.get("agency_name_en"))
        if "agency_name" in names and not _text(names["agency_name"]):
            errors.append(_("The agency's name is required."))
    if "active" in changes and not isinstance(changes["active"], bool):
        errors.append(_("active must be true or false."))
    if errors:
        raise Invalid(messages=errors)
    for key, value in names.items():
        value = _text(value) or None
        if getattr(region, key) != value:
            setattr(region, key, value)
    if "active" in changes:
        set_active(actor, region, changes["active"])
    db.session.flush()
    forget_region_tree()
    return region


def set_active(actor, region: Region, active: bool) -> Region:
    """Activate or deactivate ``region``; a province that hosts active kab/kota stays active."""
    if not may_manage(actor, region):
        raise Forbidden()
    if not active and region.level == "provinsi" and region.children:
        raise Invalid(N_("Deactivate the kabupaten and kota of %(name)s first."), name=region.name)
    if active and region.parent is not None and not region.parent.enabled:
        raise Invalid(N_("Activate its province %(name)s first."), name=region.parent.name)
    if region.enabled != active:
        region.enabled = active
        db.session.flush()
    forget_region_tree()
    return region
