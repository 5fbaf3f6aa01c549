"""API endpoints of one's own account (password, sessions, tokens) and of account management
(deactivate, reset a password, sign a user out everywhere).

As in :mod:`core.api.regions`: a write with the browser session needs ``X-CSRFToken``; with a
bearer token it does not. A user the caller may not manage answers 404.
"""

from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from core.api.auth import api_guard, api_user
from core.api.regions import _body, session_csrf
from core.api.views import bp
from core.models.user import TOKEN_DEFAULT_DAYS, aware
from core.services import accounts as account_service


def _iso(moment):
    """RFC 3339 with the offset (SQLite gives naive UTC back)."""
    return aware(moment).isoformat() if moment is not None else None


def token_json(token) -> dict:
    return {"id": token.id, "name": token.name, "created_at": _iso(token.created_at),
            "expires_at": _iso(token.expires_at), "last_used_at": _iso(token.last_used_at),
            "revoked": token.revoked, "revoked_at": _iso(token.revoked_at), "usable": token.usable()}


def account_json(user) -> dict:
    return {"username": user.username, "full_name": user.full_name, "active": user.active,
            "superadmin": user.is_superadmin, "must_change_password": user.must_change_password,
            "memberships": [{"region_code": m.region.code, "role": m.role, "unit_code": m.unit_code}
                            for m in user.memberships]}


def _by_session() -> bool:
    return not request.headers.get("Authorization", "").startswith("Bearer ")


def _keep_this_session(user) -> None:
    """A session caller stays signed in after their sessions were ended (the same CSRF token)."""
    if _by_session() and current_user.is_authenticated and current_user.id == user.id:
        from core.views.auth import continue_session

        continue_session(user, rotate=False)


@bp.route("/me/password", methods=["POST"])
@api_guard("login")
@session_csrf
def change_own_password():
    """Change one's password: ``{current_password, new_password}``; every other session ends."""
    data = _body()
    user = api_user()
    new = data.get("new_password")
    account_service.change_own_password(user, current=data.get("current_password"), new=new,
                                        confirm=data.get("confirm_password", new))
    _keep_this_session(user)
    return "", 204


@bp.route("/me/sessions/revoke", methods=["POST"])
@api_guard("login")
@session_csrf
def revoke_own_sessions():
    """End every browser session of the caller (the calling session, if any, continues)."""
    user = api_user()
    account_service.revoke_sessions(user, user)
    _keep_this_session(user)
    return "", 204


@bp.route("/me/tokens", methods=["GET"])
@api_guard("login")
def own_tokens():
    """The caller's tokens, newest first (revoked and expired ones included; never the secret)."""
    return jsonify([token_json(t) for t in account_service.tokens_of(api_user())])


@bp.route("/me/tokens", methods=["POST"])
@api_guard("login")
@session_csrf
def create_own_token():
    """A named token: ``{name[, days]}`` (default 90, at most 365); the secret is in this answer only."""
    data = _body()
    token, secret = account_service.create_token(api_user(), name=data.get("name"),
                                                 days=data.get("days", TOKEN_DEFAULT_DAYS))
    return jsonify({**token_json(token), "token": secret}), 201


@bp.route("/me/tokens/<int:token_id>", methods=["DELETE"])
@api_guard("login")
@session_csrf
def revoke_own_token(token_id):
    """Revoke one of the caller's tokens (another's answers 404)."""
    account_service.revoke_token(api_user(), token_id)
    return "", 204


@bp.route("/users/<username>", methods=["PATCH"])
@api_guard("login")
@session_csrf
def update_user(username):
    """Deactivate (``{"active": false}``: sessions end, tokens revoked) or reactivate an account."""
    data = _body()
    user = account_service.managed_user(api_user(), username)
    if "active" in data:
        account_service.set_user_active(api_user(), user, data["active"])
    return jsonify(account_json(user))


@bp.route("/users/<username>/password-reset", methods=["POST"])
@api_guard("login")
@session_csrf
def reset_password(username):
    """Reset a password: ``{}`` generates one (in the answer, once), ``{password}`` sets it; the user
    must change it at the next sign-in and every session of theirs ends."""
    data = _body() if request.get_data() else {}
    user = account_service.managed_user(api_user(), username)
    generated = account_service.reset_password(api_user(), user, data.get("password"))
    return jsonify({**account_json(user), "temporary_password": generated})


@bp.route("/users/<username>/sessions/revoke", methods=["POST"])
@api_guard("login")
@session_csrf
def revoke_user_sessions(username):
    """End every session of an account the caller manages."""
    user = account_service.managed_user(api_user(), username)
    account_service.revoke_sessions(api_user(), user)
    return "", 204
