"""Item 1 and the account page: a password change and "sign out everywhere" end every other
session; the change follows the policy and needs the current password."""

from __future__ import annotations

from sqlalchemy import select

from core.extensions import db
from core.models import AuditLog, User
from tests.conftest import csrf_token, login
from tests.core.accounts.conftest import PASSWORD

NEW_PASSWORD = "lampu-kuning-di-tepi-danau-77"


def signed_in_still(client) -> bool:
    response = client.get("/account")
    return response.status_code == 200


def events(app, username, action):
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        return db.session.scalars(select(AuditLog).where(AuditLog.entity == "user", AuditLog.entity_id == user.id,
                                                         AuditLog.action == action)).all()


def test_password_change_ends_every_other_session(accounts_app, new_user, signed_in):
    username = new_user(("18.72", "planner"))
    here, elsewhere = signed_in(username), signed_in(username)
    token = csrf_token(here, "/account")
    response = here.post("/account/password", data={"csrf_token": token, "current_password": PASSWORD,
                                                    "new_password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD})
    assert response.status_code == 302
    assert signed_in_still(here)
    assert not signed_in_still(elsewhere)
    assert elsewhere.get("/account").location.startswith("/login")
    fresh = accounts_app.test_client()
    assert login(fresh, username, PASSWORD).status_code == 401
    assert login(fresh, username, NEW_PASSWORD).status_code == 302
    assert len(events(accounts_app, username, "password_changed")) == 1
    assert len(events(accounts_app, username, "sessions_revoked")) == 1
    with accounts_app.app_context():
        assert db.session.scalar(select(User).where(User.username == username)).password_changed_at is not None


def test_password_change_refuses_bad_input_in_both_languages(accounts_app, new_user, signed_in):
    username = new_user(("18.72", "viewer"))
    client, other = signed_in(username), signed_in(username)
    token = csrf_token(client, "/account")

    def attempt(current, new, confirm, lang):
        client.post("/language", data={"csrf_token": token, "locale": lang, "next": "/account"})
        return client.post("/account/password", data={"csrf_token": token, "current_password": current,
                                                      "new_password": new, "confirm_password": confirm})

    wrong = attempt("salah-sekali-ini-2026", NEW_PASSWORD, NEW_PASSWORD, "id")
    assert wrong.status_code == 422 and "Kata sandi saat ini salah" in wrong.get_data(as_text=True)
    differ = attempt(PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x", "en")
    assert differ.status_code == 422 and "The new passwords differ." in differ.get_data(as_text=True)
    weak = attempt(PASSWORD, "password1234", "password1234", "en")
    assert weak.status_code == 422 and "too easy to guess" in weak.get_data(as_text=True)
    mine = attempt(PASSWORD, f"{username}-abcdefgh", f"{username}-abcdefgh", "id")
    assert mine.status_code == 422 and "nama pengguna" in mine.get_data(as_text=True)
    # Nothing changed: the password, and the other session.
    assert signed_in_still(other)
    assert login(accounts_app.test_client(), username, PASSWORD).status_code == 302


def test_sign_out_everywhere_else(accounts_app, new_user, signed_in):
    username = new_user(("18.72", "planner"))
    here, elsewhere = signed_in(username), signed_in(username)
    response = here.post("/account/sessions/revoke", data={"csrf_token": csrf_token(here, "/account")})
    assert response.status_code == 302
    assert signed_in_still(here) and not signed_in_still(elsewhere)
    assert [e.after["reason"] for e in events(accounts_app, username, "sessions_revoked")] == ["own"]
    # Without the CSRF token nothing happens.
    third = signed_in(username)
    assert here.post("/account/sessions/revoke").status_code == 400
    assert signed_in_still(third)


def test_logout_still_ends_every_session(new_user, signed_in):
    username = new_user(("18.72", "viewer"))
    here, elsewhere = signed_in(username), signed_in(username)
    assert here.post("/logout", data={"csrf_token": csrf_token(here, "/account")}).status_code == 302
    assert not signed_in_still(elsewhere)


def test_the_account_link_is_on_every_page(signed_in, new_user):
    assert 'id="account-link"' in signed_in(new_user(("18.72", "viewer"))).get("/").get_data(as_text=True)
