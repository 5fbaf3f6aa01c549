"""Domain errors: what services raise when a request cannot be carried out.

Services never raise HTTP errors and never commit; the request pipeline
(:mod:`core.web.pipeline`) turns these into 404 / 403 / 409 / 422 answers in the user's
language and rolls the request's transaction back. Messages are English msgids with
``%(name)s`` parameters, translated when shown, so a CLI, a job and a view word them alike.
"""

from __future__ import annotations

from flask_babel import gettext as _


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Mark ``msgid`` for the catalogs without translating it now."""
    return msgid


class DomainError(Exception):
    """Base of every error a service raises for the caller to show."""

    status = 400
    default_msgid = N_("The request could not be carried out.")

    def __init__(self, msgid: str | None = None, *, messages: list[str] | None = None, **params):
        self.msgid = msgid or self.default_msgid
        self.params = params
        # Already-translated messages (one per problem), e.g. a form's field errors.
        self._messages = list(messages or [])
        super().__init__(self.msgid % params if params else self.msgid)

    def message(self) -> str:
        """The error in the active language."""
        if self._messages and self.msgid == self.default_msgid:
            return "; ".join(self._messages)
        return _(self.msgid, **self.params) if self.params else _(self.msgid)

    @property
    def messages(self) -> list[str]:
        """Every problem, each in the active language."""
        return self._messages or [self.message()]


class NotFound(DomainError):
    """The object does not exist, or the user may not know it exists (another region's id)."""

    status = 404
    default_msgid = N_("This page does not exist, or you may not see it.")


class Forbidden(DomainError):
    """The user may see the object but not do this to it."""

    status = 403
    default_msgid = N_("You may not do this.")


class Conflict(DomainError):
    """The object changed since the user's page was made, or the state does not allow this."""

    status = 409
    default_msgid = N_("Someone else changed this in the meantime. Nothing was saved.")


class Invalid(DomainError):
    """The input cannot be saved; ``messages`` say what to fix."""

    status = 422
    default_msgid = N_("The input could not be saved.")
