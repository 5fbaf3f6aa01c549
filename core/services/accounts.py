"""Accounts and memberships: who may sign in, and which role each holds in which region.

Used by the admin screens, the API and the command line (``actor`` None: trusted CLI). A
region admin, the provincial admin of the region's province and a superadmin manage a
region's members (``members.manage``); only a superadmin names a provincial admin. Every
change is audited by :mod:`core.audit` by itself.
"""

from __future__ import annotations

import re

from flask_babel import gettext as _
from sqlalchemy import select

from core.services import passwords
from core.errors import Conflict, Forbidden, Invalid, NotFound
from core.extensions import db
from core.models import Membership, OrgUnit, Region, User
from core.models.user import ROLES
from core.security import can, may_administer


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction; domain errors translate it when shown."""
    return msgid


USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,79}$")


def user_by_name(username: str) -> User | None:
    """The user ``username``, or None."""
    return db.session.scalar(select(User).where(User.username == (username or "")))


def grant(user: User, region_code: str, role: str, unit_code: str | None = None) -> Membership:
    """Give ``user`` ``role`` in the region ``region_code`` (replacing an earlier role there).

    No permission check: the caller (command line, or :func:`add_membership`) has made it.
    Raises Invalid for an unknown role or region.
    """
    if role not in ROLES:
        raise Invalid(N_("Unknown role %(role)s. Roles: %(roles)s."), role=role, roles=", ".join(ROLES))
    region = db.session.scalar(select(Region).where(Region.code == region_code))
    if region is None:
        raise Invalid(N_("Unknown region %(code)s."), code=region_code)
    if role == "provincial_admin" and region.level != "provinsi":
        raise Invalid(N_("A provincial admin belongs to a province."))
    membership = db.session.scalar(
        select(Membership).where(Membership.user_id == user.id, Membership.region_id == region.id))
    if membership is None:
        membership = Membership(region_id=region.id)
        user.memberships.append(membership)  # the user's loaded roles include it at once
    membership.role = role
    membership.unit_code = unit_code
    return membership


def create_user(actor, *, username, full_name="", password, locale=None) -> User:
    """Create an account; the actor must administer something. The password follows the policy."""
    if actor is not None and not may_administer(actor):
        raise Forbidden()
    username = username.strip() if isinstance(username, str) else ""
    errors = []
    if not USERNAME.match(username):
        errors.append(_("A username is 2 to 80 letters, digits, dots, dashes or underscores."))
    if full_name is not None and not isinstance(full_name, str):
        errors.append(_("Names must be text."))
    errors.extend(passwords.problems(password if isinstance(password, str) else "", username,
                                     full_name if isinstance(full_name, str) else ""))
    if errors:
        raise Invalid(messages=errors)
    if user_by_name(username) is not None:
        raise Conflict(N_("The username %(username)s is taken."), username=username)
    user = User(username=username, full_name=(full_name or "").strip() or username,
                locale=locale if locale in ("id", "en") else None)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def add_membership(actor, region: Region, *, username, role, unit_code=None) -> Membership:
    """Give an existing user a role in ``region`` (a unit operator names its unit)."""
    if actor is not None and not can(actor, "members.manage", region):
        raise Forbidden()
    user = user_by_name(username)
    if user is None:
        raise Invalid(N_("Unknown user %(username)s."), username=username or "")
    unit_code = (unit_code or "").strip() or None
    errors = []
    if role not in ROLES:
        errors.append(_("Unknown role %(role)s. Roles: %(roles)s.", role=role, roles=", ".join(ROLES)))
    elif role == "provincial_admin" and actor is not None and not actor.is_superadmin:
        raise Forbidden(N_("Only a superadmin may name a provincial admin."))
    if role == "unit_operator":
        if unit_code is None:
            errors.append(_("A unit operator needs a unit."))
        elif not _unit_exists(region, unit_code):
            errors.append(_("There is no unit %(code)s in this chart.", code=unit_code))
    elif unit_code is not None:
        errors.append(_("Only a unit operator has a unit."))
    if errors:
        raise Invalid(messages=errors)
    return grant(user, region.code, role, unit_code)


def _unit_exists(region: Region, code: str) -> bool:
    return db.session.scalar(select(OrgUnit.id).where(OrgUnit.region_id == region.id, OrgUnit.code == code)
                             .limit(1)) is not None


def remove_membership(actor, region: Region, username: str) -> None:
    """Take ``username``'s role in ``region`` away."""
    if actor is not None and not can(actor, "members.manage", region):
        raise Forbidden()
    user = user_by_name(username)
    membership = None if user is None else db.session.scalar(
        select(Membership).where(Membership.user_id == user.id, Membership.region_id == region.id))
    if membership is None:
        raise NotFound(N_("%(username)s holds no role here."), username=username or "")
    if membership.role == "provincial_admin" and actor is not None and not actor.is_superadmin:
        raise Forbidden(N_("Only a superadmin may name a provincial admin."))
    user.memberships.remove(membership)
    db.session.delete(membership)
    db.session.flush()


def members_of(region: Region) -> list[Membership]:
    """The region's memberships, by username."""
    return db.session.scalars(select(Membership).join(User).where(Membership.region_id == region.id)
                              .order_by(User.username)).all()
