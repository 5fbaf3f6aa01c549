"""Fixtures of the region-administration tests: an app of their own (they write), tokens, a JSON client."""

from __future__ import annotations

import pytest

from tests.conftest import csrf_token, login

#: Enough for every rule: a province with a plugin-served kota, and another province.
REGIONS = ["prov_lampung", "kota_metro", "prov_bengkulu"]


@pytest.fixture(scope="module")
def admin_app(make_app):
    """Lampung (18) with Kota Metro (18.72), Bengkulu (17), the demo users. Tests use codes of their own."""
    return make_app(regions=REGIONS, seed=True, users=True)


@pytest.fixture(scope="module")
def tokens(admin_app):
    runner = admin_app.test_cli_runner()
    issued = {}
    for username in ("admin", "lampung", "metro", "bengkulu", "auditor"):
        result = runner.invoke(args=["users", "token", username])
        assert result.exit_code == 0, result.output
        issued[username] = result.output.strip()
    return issued


class Api:
    """A test client speaking JSON with a bearer token (and a language)."""

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

    def delete(self, path, lang=None):
        return self.client.delete(path, headers=self._headers(lang))


@pytest.fixture()
def api(admin_app, tokens):
    """Factory: ``api("lampung")`` is a JSON client acting as that demo user."""
    return lambda username, lang="en": Api(admin_app, tokens[username], lang)


@pytest.fixture()
def browser_as(admin_app):
    """Factory: a test client signed in (session) as a demo user or a given user/password."""

    def factory(username, password=None):
        client = admin_app.test_client()
        response = login(client, username, password)
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return factory


__all__ = ["csrf_token"]
