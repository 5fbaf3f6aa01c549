"""Authorisation: one function, :func:`can`, used by every view and service.

Roles are held per region (a :class:`~core.models.Membership`). A provincial admin also
reads every kab/kota its province hosts. A superadmin may do everything. A region the user
may not see does not exist for them: views answer 404, never 403, so ids do not leak.

Every view is wrapped by :func:`guard` (or marked :func:`public`); a meta-test walks the URL
map and fails on any view that is neither.
"""

from __future__ import annotations

from functools import wraps

from flask import abort, g
from flask_login import current_user

from core.extensions import db
from core.models import Membership, Region

#: What each role may do in a region where the user holds it.
#: ``region.manage``: create (under a province), edit and deactivate regions; ``org.edit``: the
#: organisation chart; ``members.manage``: accounts and memberships.
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "provincial_admin": frozenset(
        {"region.view", "document.view", "document.edit", "realisation.enter", "members.manage", "finding.ack",
         "region.manage", "org.edit", "document.submit", "review.reply"}
    ),
    "region_admin": frozenset(
        {"region.view", "document.view", "document.edit", "realisation.enter", "members.manage", "finding.ack",
         "org.edit", "document.submit", "review.reply"}
    ),
    "planner": frozenset({"region.view", "document.view", "document.edit", "realisation.enter", "finding.ack",
                          "document.submit", "review.reply"}),
    # The workflow roles read the region's plans; what each may decide is the workflow's to say
    # (core/workflow/machine.py): the office submits and replies, a verifier group reviews items
    # (document.review) and Bappeda verifies or returns, the Kepala Dinas approves and locks.
    "approver": frozenset({"region.view", "document.view", "document.approve", "document.lock"}),
    "verifier": frozenset({"region.view", "document.view", "document.verify", "document.review"}),
    "apip": frozenset({"region.view", "document.view", "realisation.review", "document.review"}),
    "unit_head": frozenset({"region.view", "document.view", "realisation.verify"}),
    "unit_operator": frozenset({"region.view", "document.view", "realisation.enter"}),
    "viewer": frozenset({"region.view", "document.view"}),
}
#: What a provincial admin may do in the kab/kota its province hosts: read, and administer
#: (the region itself, its organisation chart, its accounts), never edit its plans.
HOSTED_ACTIONS = frozenset({"region.view", "document.view", "region.manage", "org.edit", "members.manage"})
#: Roles that administer something (they see the admin area).
ADMIN_ROLES = frozenset({"provincial_admin", "region_admin"})

ACTIONS = frozenset().union(*ROLE_ACTIONS.values(), HOSTED_ACTIONS)


def roles_for(user, region: Region) -> set[str]:
    """The roles ``user`` holds that bear on ``region`` (direct, or cascading from its province)."""
    roles = set()
    for membership in getattr(user, "memberships", ()):
        if membership.region_id == region.id:
            roles.add(membership.role)
        elif membership.role == "provincial_admin" and region.parent_id == membership.region_id:
            roles.add("hosted")
    return roles


def can(user, action: str, region: Region) -> bool:
    """Whether ``user`` may do ``action`` in ``region``."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.is_superadmin:
        return True
    for role in roles_for(user, region):
        allowed = HOSTED_ACTIONS if role == "hosted" else ROLE_ACTIONS.get(role, frozenset())
        if action in allowed:
            return True
    return False


def may_administer(user) -> bool:
    """Whether ``user`` administers any region (superadmin, provincial or region admin)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superadmin or any(m.role in ADMIN_ROLES for m in getattr(user, "memberships", ())))


def visible_regions(user) -> list[Region]:
    """The regions ``user`` may view, provinces first, each followed by its hosted regions."""
    regions = db.session.scalars(select_regions()).all()
    return [r for r in regions if can(user, "region.view", r)]


def select_regions():
    from sqlalchemy import select

    return select(Region).where(Region.enabled.is_(True)).order_by(Region.code)


def region_or_404(code: str, action: str = "region.view") -> Region:
    """The enabled region ``code`` if the current user may do ``action`` there; else 404."""
    from sqlalchemy import select

    region = db.session.scalar(select(Region).where(Region.code == code, Region.enabled.is_(True)))
    if region is None or not can(current_user, action, region):
        abort(404)
    g.region = region
    return region


def guard(action: str):
    """Require login and ``action`` in the region named by the view's ``region_code`` argument.

    Views without a region argument are guarded by login alone (they must filter by
    :func:`visible_regions` themselves).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                from core.extensions import login_manager

                return login_manager.unauthorized()
            if "region_code" in kwargs:
                kwargs["region"] = region_or_404(kwargs.pop("region_code"), action)
            return view(*args, **kwargs)

        wrapped.pelita_guard = action  # read by the route-guard meta-test
        return wrapped

    return decorator


def public(view):
    """Mark a view as deliberately open to anonymous users (login page, static, language)."""
    view.pelita_guard = "public"
    return view


def member_roles(user_id: int) -> list[Membership]:
    """A user's memberships (for display)."""
    from sqlalchemy import select

    return db.session.scalars(select(Membership).where(Membership.user_id == user_id)).all()
