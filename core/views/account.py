"""The account page of every signed-in user: change the password, sign out everywhere, API tokens.

A user whose password an administrator reset is sent here after signing in and reaches
nothing else until they have chosen a new one (:func:`core.views.auth._must_change_password`).
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from core.errors import DomainError
from core.models.user import TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS
from core.security import guard
from core.services import accounts as account_service
from core.views.auth import continue_session

bp = Blueprint("account", __name__, url_prefix="/account")


def _page(errors=(), status=200, section=None, new_token=None, token_values=None):
    user = current_user._get_current_object()
    return render_template("account/index.html", user=user, tokens=account_service.tokens_of(user),
                           errors=list(errors), section=section, new_token=new_token,
                           token_values=token_values or {"days": TOKEN_DEFAULT_DAYS},
                           default_days=TOKEN_DEFAULT_DAYS, max_days=TOKEN_MAX_DAYS), status


@bp.route("")
@guard("login")
def index():
    """The account page (the change-password form first when a change is required)."""
    return _page()


@bp.route("/password", methods=["POST"])
@guard("login")
def change_password():
    """Change one's password (current, new twice); the other sessions end, this one continues."""
    user = current_user._get_current_object()
    form = request.form
    try:
        account_service.change_own_password(user, current=form.get("current_password", ""),
                                            new=form.get("new_password", ""), confirm=form.get("confirm_password", ""))
    except DomainError as exc:
        return _page(exc.messages, exc.status, section="password")
    continue_session(user)
    flash(_("Your password is changed. Every other session of yours has ended."))
    return redirect(url_for("regions.index"))


@bp.route("/sessions/revoke", methods=["POST"])
@guard("login")
def revoke_sessions():
    """Sign out everywhere else: every session of this user ends but this one."""
    user = current_user._get_current_object()
    account_service.revoke_sessions(user, user)
    continue_session(user)
    flash(_("Every other session of yours has ended."))
    return redirect(url_for("account.index"))


@bp.route("/tokens", methods=["POST"])
@guard("login")
def create_token():
    """A named API token with an expiry; its secret is shown on this answer only."""
    values = {"name": request.form.get("name", ""), "days": request.form.get("days", "")}
    try:
        token, secret = account_service.create_token(current_user._get_current_object(), name=values["name"],
                                                     days=values["days"] or TOKEN_DEFAULT_DAYS)
    except DomainError as exc:
        return _page(exc.messages, exc.status, section="tokens", token_values=values)
    return _page(new_token=(token, secret))


@bp.route("/tokens/<int:token_id>/revoke", methods=["POST"])
@guard("login")
def revoke_token(token_id):
    """Revoke one of one's own tokens (another's answers 404)."""
    token = account_service.revoke_token(current_user._get_current_object(), token_id)
    flash(_("The token %(name)s is revoked.", name=token.name))
    return redirect(url_for("account.index"))
