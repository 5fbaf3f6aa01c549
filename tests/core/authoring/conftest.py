"""Fixtures of the authoring tests: an app of their own (they write), admin token, a JSON client."""

from __future__ import annotations

import pytest

REGIONS = ["prov_lampung", "kota_metro"]


@pytest.fixture(scope="module")
def authoring_app(make_app):
    """Lampung (18) with Kota Metro (18.72) seeded, the demo users; tests use regions of their own too."""
    return make_app(regions=REGIONS, seed=True, users=True)


@pytest.fixture(scope="module")
def tokens(authoring_app):
    runner = authoring_app.test_cli_runner()
    issued = {}
    for username in ("admin", "metro", "bengkulu"):
        result = runner.invoke(args=["users", "token", username])
        if result.exit_code == 0:
            issued[username] = result.output.strip()
    return issued


class Api:
    """A JSON client with a bearer token, a language, and an optional If-Match."""

    def __init__(self, app, token, lang="en"):
        self.client, self.token, self.lang = app.test_client(), token, lang

    def _headers(self, lang=None, if_match=None):
        headers = {"Authorization": f"Bearer {self.token}", "Accept-Language": lang or self.lang}
        if if_match is not None:
            headers["If-Match"] = str(if_match)
        return headers

    def get(self, path, lang=None):
        return self.client.get(path, headers=self._headers(lang))

    def post(self, path, body, lang=None, if_match=None):
        return self.client.post(path, json=body, headers=self._headers(lang, if_match))

    def put(self, path, body, lang=None, if_match=None):
        return self.client.put(path, json=body, headers=self._headers(lang, if_match))

    def patch(self, path, body, lang=None, if_match=None):
        return self.client.patch(path, json=body, headers=self._headers(lang, if_match))

    def delete(self, path, lang=None, if_match=None):
        return self.client.delete(path, headers=self._headers(lang, if_match))


@pytest.fixture()
def api(authoring_app, tokens):
    return lambda username="admin", lang="en": Api(authoring_app, tokens[username], lang)
