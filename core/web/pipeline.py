"""The request pipeline: one transaction per request, domain errors mapped to answers.

Every request ends in exactly one commit or one rollback, here and nowhere else: a response
below 400 commits what the view's services did; any other response, and any exception,
rolls back. A failed commit (a constraint the database enforces, e.g. two simultaneous first
saves) answers 409 with nothing saved. Views and services never commit.

The region in the URL is resolved and access checked once per request by
:func:`core.security.guard`.
"""

from __future__ import annotations

from flask import Flask, g, render_template, request
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from core.errors import Conflict, DomainError
from core.extensions import db
from core.web.refusals import log_refusal


def install(app: Flask) -> None:
    """Attach the commit-or-rollback step and the domain error handler to ``app``."""

    @app.after_request
    def _finish_transaction(response):
        failed = response.status_code >= 400 or g.get("pelita_failed", False)
        if failed and not g.get("pelita_keep_on_refusal", False):
            db.session.rollback()
            return response
        try:
            db.session.commit()
        except (IntegrityError, StaleDataError, OperationalError) as exc:
            db.session.rollback()
            app.logger.warning("commit refused: %s", exc)
            return render_domain_error(Conflict())
        return response

    @app.teardown_request
    def _rollback_on_exception(exc):
        if exc is not None:
            db.session.rollback()

    app.register_error_handler(DomainError, render_domain_error)

    @app.errorhandler(IntegrityError)
    @app.errorhandler(StaleDataError)
    def _constraint_refused(exc):
        # Two users wrote the same thing at once and the database kept one: the other is told.
        app.logger.warning("write refused by the database: %s", exc)
        return render_domain_error(Conflict())


def mark_failed() -> None:
    """Roll this request back although it answers with a redirect (an error was flashed)."""
    g.pelita_failed = True


def keep_on_refusal() -> None:
    """Commit this request although it is refused: a refusal that must leave its audit row
    (a failed sign-in). Only audit rows may be pending when a view calls this."""
    g.pelita_keep_on_refusal = True


def render_domain_error(error: DomainError):
    """A domain error as JSON under ``/api/`` and as the error page elsewhere."""
    db.session.rollback()
    log_refusal(error.status, type(error).__name__)
    if request.path.startswith("/api/"):
        return {"error": error.message(), "errors": error.messages, "status": error.status}, error.status
    return render_template("error.html", code=error.status, message=error.message(),
                           messages=error.messages), error.status
