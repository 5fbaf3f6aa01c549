"""Fixtures of the form-schema and region-settings tests: an app of their own (they write).

Lampung (18) hosts Kota Metro (18.72) and Lampung Barat (18.04); demo users plus a region admin
of each kab/kota. Each test uses field keys and forms of its own, so tests stand alone.
"""

from __future__ import annotations

import pytest

from tests.conftest import csrf_token, login

PASSWORD = "forms-test-password-2026"
ADMINS = {"lambar_admin": "18.04", "metro_admin": "18.72"}


@pytest.fixture(scope="module")
def forms_app(make_app):
    app = make_app(regions=["prov_lampung", "kota_metro", "lampung_barat"], seed=True, users=True)
    with app.app_context():
        from sqlalchemy import select

        from core.extensions import db
        from core.models import Region
        from core.services import accounts

        for username, code in ADMINS.items():
            accounts.create_user(None, username=username, full_name=username, password=PASSWORD)
            region = db.session.scalar(select(Region).where(Region.code == code))
            accounts.add_membership(None, region, username=username, role="region_admin")
        db.session.commit()
    return app


@pytest.fixture(scope="module")
def tokens(forms_app):
    runner = forms_app.test_cli_runner()
    issued = {}
    for username in ("admin", "lampung", "metro", "lambar", *ADMINS):
        result = runner.invoke(args=["users", "token", username])
        assert result.exit_code == 0, result.output
        issued[username] = result.output.strip()
    return issued


class Api:
    """A JSON client with a bearer token and a language."""

    def __init__(self, app, token, lang="en"):
        self.client, self.token, self.lang = app.test_client(), token, lang

    def _headers(self, lang=None):
        return {"Authorization": f"Bearer {self.token}", "Accept-Language": lang or self.lang}

    def get(self, path, lang=None):
        return self.client.get(path, headers=self._headers(lang))

    def post(self, path, body, lang=None):
        return self.client.post(path, json=body, headers=self._headers(lang))

    def patch(self, path, body, lang=None):
        return self.client.patch(path, json=body, headers=self._headers(lang))

    def put(self, path, body, lang=None):
        return self.client.put(path, json=body, headers=self._headers(lang))

    def delete(self, path, lang=None):
        return self.client.delete(path, headers=self._headers(lang))


@pytest.fixture()
def api(forms_app, tokens):
    return lambda username, lang="en": Api(forms_app, tokens[username], lang)


@pytest.fixture()
def browser_as(forms_app):
    def factory(username):
        client = forms_app.test_client()
        password = PASSWORD if username in ADMINS else None
        response = login(client, username, password)
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return factory


__all__ = ["csrf_token"]
