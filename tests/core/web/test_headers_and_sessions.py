"""Security headers, sessions that end at logout, and proxy headers trusted only when configured."""

from __future__ import annotations

import pytest

from core.extensions import db
from core.models import User
from tests.conftest import csrf_token

PASSWORD = "a-long-test-password-2026"


@pytest.fixture(scope="module")
def bare_app(make_app):
    app = make_app(regions=[])
    with app.app_context():
        user = User(username="siti", full_name="Siti")
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()
    return app


def _login(client, **headers):
    token = csrf_token(client)
    return client.post("/login", data={"username": "siti", "password": PASSWORD, "csrf_token": token},
                       headers=headers)


def test_every_page_carries_the_security_headers(bare_app):
    client = bare_app.test_client()
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    script_src = next(part for part in csp.split("; ") if part.startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_authenticated_pages_are_not_cached_and_static_files_are(bare_app):
    client = bare_app.test_client()
    assert _login(client).status_code == 302
    assert client.get("/").headers.get("Cache-Control") == "no-store"
    static = client.get("/static/pelita.css")
    assert static.status_code == 200
    assert static.headers.get("Cache-Control") != "no-store"


def test_a_copied_session_cookie_dies_with_logout(bare_app):
    client = bare_app.test_client()
    assert _login(client).status_code == 302
    cookie = client.get_cookie("session").value
    thief = bare_app.test_client()
    thief.set_cookie("session", cookie)
    assert thief.get("/").status_code == 200  # the copy works while the session lives

    token = csrf_token(client, "/")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302

    after = thief.get("/")
    assert after.status_code == 302 and "/login" in after.headers["Location"]


def test_a_spoofed_forwarded_for_does_not_move_a_session(bare_app):
    client = bare_app.test_client()
    assert _login(client).status_code == 302
    cookie = client.get_cookie("session").value
    # Strong session protection binds the session to the client's address; a thief from
    # another address who claims the victim's address in X-Forwarded-For is not believed.
    thief = bare_app.test_client()
    thief.set_cookie("session", cookie)
    other = {"REMOTE_ADDR": "10.9.9.9"}
    response = thief.get("/", environ_base=other, headers={"X-Forwarded-For": "127.0.0.1"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_proxy_headers_are_believed_when_a_proxy_is_configured(make_app):
    app = make_app(regions=[], TRUSTED_PROXIES=1)
    seen = {}

    @app.get("/_probe_addr")
    def _probe():  # a throw-away route of this test's own app
        from flask import request

        seen["addr"] = request.remote_addr
        return "ok"

    _probe.pelita_guard = "public"
    app.test_client().get("/_probe_addr", headers={"X-Forwarded-For": "203.0.113.7"})
    assert seen["addr"] == "203.0.113.7"


@pytest.mark.parametrize("path", [
    "/r/18/documents/2147483648",
    "/r/18/documents/99999999999999999999999",
    "/api/v1/documents/2147483648",
    "/api/v1/documents/99999999999999999999999",
])
def test_ids_beyond_the_integer_range_are_not_found(bare_app, path):
    client = bare_app.test_client()
    assert _login(client).status_code == 302
    assert client.get(path).status_code == 404


def test_a_method_not_allowed_says_which_are(bare_app):
    client = bare_app.test_client()
    response = client.delete("/login")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}


def test_refused_requests_are_logged_with_who_and_where(bare_app, caplog):
    client = bare_app.test_client()
    assert _login(client).status_code == 302
    with caplog.at_level("WARNING", logger="pelita.security"):
        client.get("/r/99/")
        client.post("/logout", data={"csrf_token": "forged"})
    lines = [r.getMessage() for r in caplog.records if r.name == "pelita.security"]
    assert any("status=404" in line and "path=/r/99/" in line and "user=siti" in line and "ip=127.0.0.1" in line
               and "agent='Werkzeug" in line
               for line in lines), lines
    assert any("status=400" in line and "reason=csrf" in line for line in lines), lines


def test_session_cookies_are_secure_over_https(bare_app):
    client = bare_app.test_client()
    response = client.get("/login", base_url="https://pelita.example")
    cookie = response.headers.get("Set-Cookie", "")
    assert "session=" in cookie and "Secure" in cookie
    plain = bare_app.test_client().get("/login").headers.get("Set-Cookie", "")
    assert "Secure" not in plain


def test_a_write_the_database_refuses_answers_409_not_500(make_app):
    from sqlalchemy.exc import IntegrityError

    app = make_app(regions=[])

    @app.post("/_probe_conflict")
    def _probe():
        raise IntegrityError("INSERT ...", {}, Exception("duplicate key"))

    _probe.pelita_guard = "public"
    app.config["WTF_CSRF_ENABLED"] = False
    response = app.test_client().post("/_probe_conflict")
    assert response.status_code == 409
