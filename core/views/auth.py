"""Signing in and out."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from core.audit import log_event
from core.extensions import db, login_manager
from core.models import User
from core.web import pipeline
from core.security import guard, public
from core.errors import DomainError
from core.services import signin

bp = Blueprint("auth", __name__)


@login_manager.user_loader
def load_user(session_id: str):
    """Load the user named by the session; a stale session version logs out."""
    try:
        user_id, version = (int(part) for part in session_id.split(":"))
    except ValueError:
        return None
    user = db.session.get(User, user_id)
    if user is None or user.session_version != version or not user.active:
        return None
    return user


def _safe_next(target: str | None) -> str:
    # Only local paths: never redirect a user to another site after login.
    if target and not urlsplit(target).netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("regions.index")


#: What a user who must change their password may still reach: the change itself, signing out,
#: the language, static files (bearer-token API calls are not session users: not affected).
MUST_CHANGE_ALLOWED = frozenset({"account.index", "account.change_password", "auth.logout", "auth.login",
                                 "settings.set_language", "static", "api.change_own_password"})


@bp.before_app_request
def _must_change_password():
    """A user whose password an administrator reset reaches nothing but the change-password page."""
    if request.endpoint is None or request.endpoint in MUST_CHANGE_ALLOWED:
        return None
    if request.path.startswith("/api/") and request.headers.get("Authorization", "").startswith("Bearer "):
        return None
    if not current_user.is_authenticated or not current_user.must_change_password:
        return None
    if request.path.startswith("/api/"):
        return {"error": _("Change your password first."), "status": 403}, 403
    flash(_("An administrator reset your password. Choose a new one to continue."))
    return redirect(url_for("account.index"))


def continue_session(user, rotate: bool = True) -> None:
    """Keep the current browser session signed in after every session of ``user`` was ended
    (its version changed); ``rotate`` gives it a new identity as at sign-in."""
    if rotate:
        locale = session.get("locale")
        session.clear()
        if locale:
            session["locale"] = locale
    login_user(user)


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    """Sign-in form; rotates the session on success."""
    if current_user.is_authenticated:
        return redirect(url_for("regions.index"))
    error, status = None, 200
    if request.method == "POST":
        try:
            user = signin.authenticate(request.form.get("username", ""), request.form.get("password", ""),
                                       address=request.remote_addr, agent=request.headers.get("User-Agent", ""))
        except DomainError as refusal:
            error, status = refusal.message(), refusal.status
            pipeline.keep_on_refusal()  # the refusal's audit row stays
        else:
            locale = session.get("locale")
            session.clear()  # rotate: nothing from the anonymous session survives login
            if locale:
                session["locale"] = locale
            login_user(user)
            if user.must_change_password:
                return redirect(url_for("account.index"))
            return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", error=error), status


@bp.route("/logout", methods=["POST"])
@guard("login")
def logout():
    """Sign out (POST only, with CSRF)."""
    log_event(db.session, "logout", "user", entity_id=current_user.id)
    # Every session of this user ends, copies of the cookie included.
    current_user.session_version += 1
    logout_user()
    locale = session.get("locale")
    session.clear()
    if locale:
        session["locale"] = locale
    flash(_("You have signed out."))
    return redirect(url_for("auth.login"))
