"""Fixtures of the workflow tests: Kota Metro's Renja 2025 authored as a draft, and JSON clients
signed in as the demo users (session + CSRF header, as the browser's scripts would send)."""

from __future__ import annotations

import pytest

from tests.conftest import csrf_token
from tests.core.workflow.builders import author_metro_renja


class JsonSession:
    """A signed-in test client that sends JSON with the session's CSRF token."""

    def __init__(self, client, lang="en"):
        self.client, self.lang = client, lang
        self.token = csrf_token(client, "/account")

    def get(self, path):
        return self.client.get(path, headers={"Accept-Language": self.lang})

    def post(self, path, body, csrf=True, if_match=None):
        headers = {"Accept-Language": self.lang}
        if csrf:
            headers["X-CSRFToken"] = self.token
        if if_match is not None:
            headers["If-Match"] = str(if_match)
        return self.client.post(path, json=body, headers=headers)

    def put(self, path, body, if_match=None):
        headers = {"Accept-Language": self.lang, "X-CSRFToken": self.token}
        if if_match is not None:
            headers["If-Match"] = str(if_match)
        return self.client.put(path, json=body, headers=headers)

    def patch(self, path, body, if_match=None):
        headers = {"Accept-Language": self.lang, "X-CSRFToken": self.token}
        if if_match is not None:
            headers["If-Match"] = str(if_match)
        return self.client.patch(path, json=body, headers=headers)


@pytest.fixture()
def as_user(login_as):
    """Factory: a JSON client signed in as the named demo user."""
    return lambda username, lang="en": JsonSession(login_as(username), lang)


@pytest.fixture()
def renja(seeded_app):
    """Kota Metro's Renja 2025, a draft with a program, a kegiatan and a sub kegiatan, as ids:
    ``{"document", "items", "indicators", "targets", "pagu"}`` (levels -> ids).

    Built in an app context of its own: a test's requests must not share one (flask-wtf keeps
    the CSRF token of a request in ``g``)."""
    from core.extensions import db

    with seeded_app.app_context():
        built = author_metro_renja()
        ids = {"document": built["document"].id,
               "items": {k: v.id for k, v in built["items"].items()},
               "indicators": {k: v.id for k, v in built["indicators"].items()},
               "targets": {k: v.targets[0].id for k, v in built["indicators"].items()},
               "pagu": {k: v.budgets[0].id for k, v in built["items"].items()}}
        db.session.commit()  # released to the test's savepoint: requests see it, the test end rolls it back
    return ids


@pytest.fixture()
def read(seeded_app):
    """Run ``fn`` in a short app context of its own and return its result (fresh from the database)."""
    from core.extensions import db

    def run(fn):
        with seeded_app.app_context():
            db.session.expire_all()
            return fn()

    return run
