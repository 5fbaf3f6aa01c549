"""Bearer-token authentication for the API, beside the browser session."""

from __future__ import annotations

from functools import wraps

from flask import abort, g, jsonify, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from core.extensions import db
from core.models import Region
from core.security import can


def _token_user():
    """None without a bearer token; False for an unknown, revoked or expired one, or a deactivated
    user's; else the token's user (the token's last use is recorded, at most once a minute)."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    from core.services.accounts import token_user

    return token_user(header[len("Bearer "):].strip()) or False


def api_user():
    """The user the API request acts for (set by :func:`api_guard`)."""
    return g.api_user


def api_guard(action: str):
    """Authenticate (bearer token or session) and, for ``region_code`` views, authorise ``action``.

    No or a bad token answers 401; a region the user may not see answers 404, as in the UI.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            user = _token_user()
            if user is None and current_user.is_authenticated:
                user = current_user._get_current_object()
            if not user:
                response = jsonify({"error": _("Sign in or send a valid API token."), "status": 401})
                response.status_code = 401
                response.headers["WWW-Authenticate"] = 'Bearer realm="pelita"'
                return response
            g.api_user = user
            if request.headers.get("Authorization", "").startswith("Bearer "):
                g._login_user = user  # flask-login's per-request user: the audit trail names the token's user
            if "region_code" in kwargs:
                code = kwargs.pop("region_code")
                region = db.session.scalar(select(Region).where(Region.code == code, Region.enabled.is_(True)))
                if region is None or not can(user, action, region):
                    abort(404)
                kwargs["region"] = region
            return view(*args, **kwargs)

        wrapped.pelita_guard = action  # read by the route-guard meta-test
        return wrapped

    return decorator
