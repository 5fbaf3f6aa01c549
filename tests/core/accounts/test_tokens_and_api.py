"""Item 3: tokens are named, expire, record their last use (at most once a minute) and can be
revoked; the account API (described in openapi.json, validated here); CSRF for session writes."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import jsonschema
from sqlalchemy import select

from core.extensions import db
from core.models import ApiToken, User
from core.models.audit import utcnow
from core.models.user import aware
from tests.conftest import csrf_token, login
from tests.core.accounts.conftest import PASSWORD
from tests.core.accounts.test_account_page import NEW_PASSWORD, signed_in_still


def validate(app, schema_name, instance):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    jsonschema.validate(instance, {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]},
                        cls=jsonschema.Draft202012Validator, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def bearer(token):
    return {"Authorization": f"Bearer {token}", "Accept-Language": "en"}


def _token(app, token_id):
    return db.session.get(ApiToken, token_id)


def test_token_made_on_the_account_page_is_shown_once_and_expires(accounts_app, new_user, signed_in):
    username = new_user(("18.72", "viewer"))
    client = signed_in(username)
    form = csrf_token(client, "/account")
    page = client.post("/account/tokens", data={"csrf_token": form, "name": "laporan bulanan", "days": ""})
    assert page.status_code == 200
    secret = re.search(r'id="new-token-secret">([^<]+)<', page.get_data(as_text=True)).group(1)
    again = client.get("/account").get_data(as_text=True)
    assert secret not in again and "laporan bulanan" in again
    with accounts_app.app_context():
        token = db.session.scalar(select(ApiToken).where(ApiToken.name == "laporan bulanan"))
        lifetime = aware(token.expires_at) - aware(token.created_at)
        assert timedelta(days=89, hours=23) < lifetime <= timedelta(days=90, seconds=5)
    assert accounts_app.test_client().get("/api/v1/regions", headers=bearer(secret)).status_code == 200
    for days, status in (("366", 422), ("0", 422), ("abc", 422), ("365", 200)):
        response = client.post("/account/tokens", data={"csrf_token": form, "name": "t", "days": days})
        assert response.status_code == status, days
    unnamed = client.post("/account/tokens", data={"csrf_token": form, "name": "  ", "days": "5"})
    assert unnamed.status_code == 422 and "Beri nama token" in unnamed.get_data(as_text=True)


def test_revoked_and_expired_tokens_are_refused(accounts_app, new_user, issue_token):
    username = new_user(("18.72", "viewer"))
    keep, expire, revoke = (issue_token(username, "--name", name) for name in ("keep", "expire", "revoke"))
    api = accounts_app.test_client()
    with accounts_app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        tokens = {t.name: t for t in db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id))}
        tokens["expire"].expires_at = utcnow() - timedelta(seconds=1)
        revoke_id = tokens["revoke"].id
        db.session.commit()
    result = accounts_app.test_cli_runner().invoke(args=["users", "revoke-token", str(revoke_id)])
    assert result.exit_code == 0, result.output
    assert api.get("/api/v1/regions", headers=bearer(keep)).status_code == 200
    assert api.get("/api/v1/regions", headers=bearer(expire)).status_code == 401
    assert api.get("/api/v1/regions", headers=bearer(revoke)).status_code == 401
    assert accounts_app.test_cli_runner().invoke(args=["users", "token", username, "--days", "400"]).exit_code != 0


def test_last_use_is_written_at_most_once_a_minute(accounts_app, new_user, issue_token):
    username = new_user(("18.72", "viewer"))
    secret = issue_token(username, "--name", "uses")
    api = accounts_app.test_client()
    with accounts_app.app_context():
        token_id = db.session.scalar(select(ApiToken.id).where(ApiToken.name == "uses"))
        assert _token(accounts_app, token_id).last_used_at is None
    api.get("/api/v1/regions", headers=bearer(secret))
    with accounts_app.app_context():
        first = _token(accounts_app, token_id).last_used_at
        assert first is not None
    api.get("/api/v1/regions", headers=bearer(secret))
    with accounts_app.app_context():
        assert _token(accounts_app, token_id).last_used_at == first  # within the minute: no write
        _token(accounts_app, token_id).last_used_at = aware(first) - timedelta(minutes=2)
        db.session.commit()
    api.get("/api/v1/regions", headers=bearer(secret))
    with accounts_app.app_context():
        assert aware(_token(accounts_app, token_id).last_used_at) > aware(first) - timedelta(seconds=1)


def test_own_account_through_the_api(accounts_app, new_user, issue_token, signed_in):
    username = new_user(("18.72", "planner"))
    secret = issue_token(username, "--name", "script")
    browser = signed_in(username)
    api = accounts_app.test_client()
    listed = api.get("/api/v1/me/tokens", headers=bearer(secret))
    assert listed.status_code == 200
    validate(accounts_app, "TokenList", listed.get_json())
    assert [t["name"] for t in listed.get_json()] == ["script"] and "token" not in listed.get_json()[0]
    for key in ("created_at", "expires_at"):  # RFC 3339 date-times carry their offset
        assert datetime.fromisoformat(listed.get_json()[0][key]).utcoffset() == timedelta(0)
    made = api.post("/api/v1/me/tokens", json={"name": "ci", "days": 30}, headers=bearer(secret))
    assert made.status_code == 201
    validate(accounts_app, "TokenCreated", made.get_json())
    assert api.get("/api/v1/regions", headers=bearer(made.get_json()["token"])).status_code == 200
    bad = api.post("/api/v1/me/tokens", json={"name": "ci", "days": 366}, headers=bearer(secret))
    assert bad.status_code == 422 and bad.get_json()["errors"] == ["A token lasts 1 to 365 days."]
    # Someone else's token: 404; one's own: revoked.
    other = new_user(("18.72", "viewer"))
    other_secret = issue_token(other)
    other_id = api.get("/api/v1/me/tokens", headers=bearer(other_secret)).get_json()[0]["id"]
    assert api.delete(f"/api/v1/me/tokens/{other_id}", headers=bearer(secret)).status_code == 404
    assert api.get("/api/v1/regions", headers=bearer(other_secret)).status_code == 200
    assert api.delete(f"/api/v1/me/tokens/{made.get_json()['id']}", headers=bearer(secret)).status_code == 204
    assert api.get("/api/v1/regions", headers=bearer(made.get_json()["token"])).status_code == 401
    # Sign out everywhere: the browser session ends, the token still works.
    assert api.post("/api/v1/me/sessions/revoke", headers=bearer(secret)).status_code == 204
    assert not signed_in_still(browser)
    # Password: wrong current one refused; then changed.
    wrong = api.post("/api/v1/me/password", json={"current_password": "x", "new_password": NEW_PASSWORD},
                     headers=bearer(secret))
    assert wrong.status_code == 422 and wrong.get_json()["errors"] == ["The current password is wrong."]
    assert api.post("/api/v1/me/password", json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
                    headers=bearer(secret)).status_code == 204
    assert login(accounts_app.test_client(), username, NEW_PASSWORD).status_code == 302


def test_session_writes_need_the_csrf_token(accounts_app, new_user, signed_in):
    username = new_user(("18.72", "planner"))
    client, other = signed_in(username), signed_in(username)
    assert client.post("/api/v1/me/sessions/revoke").status_code == 400
    assert client.post("/api/v1/me/tokens", json={"name": "x"}).status_code == 400
    assert signed_in_still(other)
    header = {"X-CSRFToken": csrf_token(client, "/account")}
    assert client.post("/api/v1/me/sessions/revoke", headers=header).status_code == 204
    assert not signed_in_still(other)
    assert signed_in_still(client)  # the calling session continues
    made = client.post("/api/v1/me/tokens", json={"name": "x"}, headers=header)
    assert made.status_code == 201
    changed = client.post("/api/v1/me/password", json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
                          headers=header)
    assert changed.status_code == 204 and signed_in_still(client)


def test_managing_users_through_the_api(accounts_app, new_user, issue_token, signed_in):
    username = new_user(("18.72", "planner"))
    outside = new_user(("17", "planner"))
    session = signed_in(username)
    victim_token = issue_token(username)
    lampung = issue_token("lampung")
    api = accounts_app.test_client()
    assert api.patch(f"/api/v1/users/{outside}", json={"active": False}, headers=bearer(lampung)).status_code == 404
    assert api.patch("/api/v1/users/lampung", json={"active": False}, headers=bearer(lampung)).status_code == 403
    assert api.patch(f"/api/v1/users/{username}", json={"active": "no"}, headers=bearer(lampung)).status_code == 422
    off = api.patch(f"/api/v1/users/{username}", json={"active": False}, headers=bearer(lampung))
    assert off.status_code == 200 and off.get_json()["active"] is False
    validate(accounts_app, "Account", off.get_json())
    assert not signed_in_still(session)
    assert api.get("/api/v1/regions", headers=bearer(victim_token)).status_code == 401
    on = api.patch(f"/api/v1/users/{username}", json={"active": True}, headers=bearer(lampung))
    assert on.get_json()["active"] is True
    session = signed_in(username)
    reset = api.post(f"/api/v1/users/{username}/password-reset", json={}, headers=bearer(lampung))
    assert reset.status_code == 200
    validate(accounts_app, "Account", reset.get_json())
    temporary = reset.get_json()["temporary_password"]
    assert reset.get_json()["must_change_password"] is True and temporary
    assert not signed_in_still(session)
    response = login(accounts_app.test_client(), username, temporary)
    assert response.status_code == 302 and response.location.endswith("/account")
    weak = api.post(f"/api/v1/users/{username}/password-reset", json={"password": "password"}, headers=bearer(lampung))
    assert weak.status_code == 422
    session = signed_in(username, temporary)
    assert api.post(f"/api/v1/users/{username}/sessions/revoke", headers=bearer(lampung)).status_code == 204
    assert api.get("/account").status_code == 302
    assert session.get("/account").status_code == 302  # signed out
    metro = issue_token("metro")
    assert api.post(f"/api/v1/users/{username}/sessions/revoke", headers=bearer(metro)).status_code == 404
