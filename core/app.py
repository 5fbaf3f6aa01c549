"""The application factory."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, render_template, request
from flask_babel import gettext as _
from sqlalchemy.orm import Session

from core import audit, i18n
from core.web import headers, limits, pipeline
from core.web.converters import BoundedIntConverter
from core.web.refusals import log_refusal
from core.config import REPO_ROOT, load_config
from core.extensions import babel, csrf, db, login_manager, migrate
from core.plugins import PluginRegistry, current_registry


def create_app(config: dict | None = None) -> Flask:
    """Build a Pelita application.

    Order: configuration -> database -> plugins (discovered, registered, validated) ->
    languages -> security -> blueprints and commands. ``config`` overrides the environment
    (tests pass ``DATABASE_URL``, ``REGIONS`` and ``PELITA_EXTRA_PLUGINS`` here).
    """
    instance_path = Path((config or {}).get("INSTANCE_PATH") or REPO_ROOT / "instance")
    app = Flask("core", instance_path=str(instance_path), instance_relative_config=True)
    app.config.from_mapping(load_config(instance_path, config))
    app.url_map.converters["int"] = BoundedIntConverter

    db.init_app(app)
    migrate.init_app(app, db, directory=str(REPO_ROOT / "migrations"), render_as_batch=True)
    audit.install(Session)

    app.extensions["pelita_plugins"] = registry = PluginRegistry(
        app.config["PELITA_REGIONS"], app.config["PELITA_EXTRA_PLUGINS"], features=app.config["PELITA_PLUGINS"]
    )
    registry.validate()

    babel.init_app(app, locale_selector=i18n.select_locale)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    login_manager.session_protection = "strong"

    _register_sqlite_pragmas(app)
    _register_blueprints(app)
    _register_template_helpers(app)
    _register_errors(app)
    pipeline.install(app)
    headers.install(app)
    limits.install(app)
    login_manager._session_identifier_generator = headers.session_identifier

    if not app.config["PELITA_DEMO"]:  # a published demo password: refuse to serve (wsgi.py refuses to start)
        from core.services.accounts import install_demo_password_refusal

        install_demo_password_refusal(app)

    from core import cli

    cli.register(app)
    return app


def plugins(app: Flask | None = None) -> PluginRegistry:
    """The plugin registry of ``app`` (default: the current app); for tests and wsgi.py."""
    return current_registry(app)


def _register_sqlite_pragmas(app: Flask) -> None:
    # SQLite ignores foreign keys unless asked, and the composite keys are our tenant wall.
    from sqlalchemy import event

    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "sqlite":

            @event.listens_for(engine, "connect")
            def _fk_on(dbapi_connection, _record):
                cursor = dbapi_connection.cursor()
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.close()


def _register_blueprints(app: Flask) -> None:
    from core import api
    from core.views import (
        auth, compare, dashboard, documents, findings, nomenclature, plan_migration, realisation, regions, reports,
        settings,
    )

    for module in (auth, regions, documents, findings, nomenclature, plan_migration, realisation, reports,
                   dashboard, compare, settings, api):
        app.register_blueprint(module.bp)
    from core.views import admin; app.register_blueprint(admin.bp)  # noqa: E702 - regions, org, accounts
    from core.views import account; app.register_blueprint(account.bp)  # noqa: E702 - one's own account
    from core.views import region_settings; app.register_blueprint(region_settings.bp)  # noqa: E702 - issue 10
    from core.views import workflow; app.register_blueprint(workflow.bp)  # noqa: E702 - issue 11, documents


def _register_template_helpers(app: Flask) -> None:
    from flask_login import current_user

    from core.security import visible_regions

    from core import presentation

    presentation.register(app)
    app.jinja_env.filters["num"] = lambda v: i18n.format_number(v)
    app.jinja_env.filters["money"] = lambda v: i18n.format_money(v)
    app.jinja_env.filters["pct"] = lambda v: i18n.format_percent(v)

    @app.context_processor
    def inject():
        return {
            "locale": i18n.active_locale(),
            "languages": app.config["LANGUAGES"],
            "nav_regions": (lambda: visible_regions(current_user)) if current_user.is_authenticated else list,
        }


def _register_errors(app: Flask) -> None:
    from flask_wtf.csrf import CSRFError

    messages = {
        400: lambda: _("The request could not be understood."),
        403: lambda: _("You may not do this."),
        404: lambda: _("This page does not exist, or you may not see it."),
        405: lambda: _("This action is not allowed here."),
        413: lambda: _("The file is too large."),
        500: lambda: _("Something went wrong on our side. Nothing was changed."),
    }

    def handler(error):
        code = getattr(error, "code", 500) or 500
        if isinstance(error, CSRFError):
            message = _("Your form expired or did not come from Pelita. Please try again.")
        else:
            message = messages.get(code, messages[500])()
        if code == 500:
            db.session.rollback()
        else:
            log_refusal(code, "csrf" if isinstance(error, CSRFError) else type(error).__name__)
        allow = {}
        if code == 405 and getattr(error, "valid_methods", None):
            allow = {"Allow": ", ".join(sorted(error.valid_methods))}
        if request.path.startswith("/api/"):
            return {"error": message, "status": code}, code, allow
        return render_template("error.html", code=code, message=message), code, allow

    for code in (400, 403, 404, 405, 413, 500):
        app.register_error_handler(code, handler)
    app.register_error_handler(CSRFError, handler)
