"""Choosing the language."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, request, session, url_for
from flask_login import current_user

from core.extensions import db
from core.security import public

bp = Blueprint("settings", __name__)


@bp.route("/language", methods=["POST"])
@public
def set_language():
    """Remember the chosen language in the session, and on the user when signed in."""
    locale = request.form.get("locale", "")
    if locale not in current_app.config["LANGUAGES"]:
        abort(400)
    session["locale"] = locale
    if current_user.is_authenticated and current_user.locale != locale:
        current_user.locale = locale
    target = request.form.get("next", "")
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("regions.index")
    return redirect(target)
