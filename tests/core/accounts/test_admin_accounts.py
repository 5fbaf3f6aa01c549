"""Item 1 and 3: administrators deactivate, reactivate, reset and sign out the accounts they manage
(a superadmin: all; a region or provincial admin: those whose every role lies in regions they
administer, provincial admins excepted); a reset password must be changed before anything else."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import ApiToken, AuditLog, User
from core.services import accounts
from tests.conftest import csrf_token, login
from tests.core.accounts.conftest import PASSWORD
from tests.core.accounts.test_account_page import NEW_PASSWORD, events, signed_in_still


def _user(app, username):
    return db.session.scalar(select(User).where(User.username == username))


def test_deactivation_ends_sessions_and_revokes_tokens(accounts_app, new_user, signed_in, issue_token):
    username = new_user(("18.72", "planner"))
    session, token = signed_in(username), issue_token(username)
    api = accounts_app.test_client()
    bearer = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/v1/regions", headers=bearer).status_code == 200
    admin = signed_in("admin", "admin-demo-2026")
    form = csrf_token(admin, f"/admin/users/{username}")
    assert admin.post(f"/admin/users/{username}/active", data={"csrf_token": form, "active": "0"}).status_code == 302
    assert not signed_in_still(session)
    assert api.get("/api/v1/regions", headers=bearer).status_code == 401
    assert login(accounts_app.test_client(), username, PASSWORD).status_code == 401
    with accounts_app.app_context():
        user = _user(accounts_app, username)
        assert user.active is False
        assert all(t.revoked and t.revoked_at for t in db.session.scalars(select(ApiToken).where(
            ApiToken.user_id == user.id)))
    assert len(events(accounts_app, username, "user_deactivated")) == 1
    assert [e.after["reason"] for e in events(accounts_app, username, "sessions_revoked")] == ["deactivated"]
    # Reactivated: signs in again; the old tokens stay revoked.
    assert admin.post(f"/admin/users/{username}/active", data={"csrf_token": form, "active": "1"}).status_code == 302
    assert login(accounts_app.test_client(), username, PASSWORD).status_code == 302
    assert api.get("/api/v1/regions", headers=bearer).status_code == 401


def test_admin_signs_a_user_out_everywhere(accounts_app, new_user, signed_in):
    username = new_user(("18.72", "viewer"))
    one, two = signed_in(username), signed_in(username)
    lampung = signed_in("lampung", "lampung-demo-2026")  # provincial admin of 18, hosting 18.72
    response = lampung.post(f"/admin/users/{username}/sessions/revoke",
                            data={"csrf_token": csrf_token(lampung, "/admin/users")})
    assert response.status_code == 302
    assert not signed_in_still(one) and not signed_in_still(two)
    assert signed_in_still(lampung)
    revoked = events(accounts_app, username, "sessions_revoked")
    assert [e.actor for e in revoked] == ["lampung"] and revoked[0].after["reason"] == "admin"


def test_reset_password_must_be_changed_before_anything_else(accounts_app, new_user, signed_in):
    username = new_user(("18.72", "planner"))
    before = signed_in(username)
    admin = signed_in("admin", "admin-demo-2026")
    form = csrf_token(admin, f"/admin/users/{username}")
    page = admin.post(f"/admin/users/{username}/password-reset", data={"csrf_token": form, "password": ""})
    assert page.status_code == 200
    temporary = re.search(r'id="temporary-password-value">([^<]+)<', page.get_data(as_text=True)).group(1)
    assert not signed_in_still(before)
    assert login(accounts_app.test_client(), username, PASSWORD).status_code == 401
    client = accounts_app.test_client()
    response = login(client, username, temporary)
    assert response.status_code == 302 and response.location.endswith("/account")
    # Nothing else is reachable: pages, the admin area, the API through the session.
    for path in ("/", "/r/18.72/", "/nomenclature/"):
        blocked = client.get(path)
        assert blocked.status_code == 302 and blocked.location.endswith("/account"), path
    assert client.get("/api/v1/regions").status_code == 403
    token = csrf_token(client, "/account")
    assert client.post("/account/tokens", data={"csrf_token": token, "name": "x"}).status_code == 302
    changed = client.post("/account/password", data={"csrf_token": token, "current_password": temporary,
                                                     "new_password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD})
    assert changed.status_code == 302
    assert client.get("/r/18.72/").status_code == 200
    with accounts_app.app_context():
        assert _user(accounts_app, username).must_change_password is False
    assert [e.actor for e in events(accounts_app, username, "password_reset")] == ["admin"]


def test_reset_to_a_typed_password_follows_the_policy(accounts_app, new_user, signed_in):
    username = new_user(("18.72", "viewer"))
    admin = signed_in("admin", "admin-demo-2026")
    form = csrf_token(admin, f"/admin/users/{username}")
    short = admin.post(f"/admin/users/{username}/password-reset", data={"csrf_token": form, "password": "pendek"})
    assert short.status_code == 422
    assert login(accounts_app.test_client(), username, PASSWORD).status_code == 302  # unchanged
    typed = admin.post(f"/admin/users/{username}/password-reset",
                       data={"csrf_token": form, "password": "perahu-layar-biru-2031"})
    assert typed.status_code == 200 and 'id="temporary-password"' not in typed.get_data(as_text=True)
    response = login(accounts_app.test_client(), username, "perahu-layar-biru-2031")
    assert response.status_code == 302 and response.location.endswith("/account")


def test_who_manages_whom(accounts_app, new_user):
    kota = new_user(("18.72", "planner"))
    province = new_user(("18", "viewer"))
    both = new_user(("18.72", "planner"), ("17", "viewer"))
    bengkulu_only = new_user(("17", "planner"))
    peer = new_user(("18", "provincial_admin"))
    metro_admin = new_user(("18.72", "region_admin"))
    nobody = new_user()
    root = new_user(superadmin=True)
    with accounts_app.app_context():
        def may(actor, target):
            return accounts.may_manage_user(_user(accounts_app, actor), _user(accounts_app, target))

        # The provincial admin of Lampung: accounts wholly within 18 and the kab/kota it hosts.
        assert may("lampung", kota) and may("lampung", province) and may("lampung", metro_admin)
        assert not may("lampung", both) and not may("lampung", bengkulu_only)
        assert not may("lampung", peer) and not may("lampung", nobody) and not may("lampung", root)
        assert not may("lampung", "lampung")  # not oneself
        # A region admin of Kota Metro: only accounts wholly within 18.72.
        assert may(metro_admin, kota) and not may(metro_admin, province) and not may(metro_admin, both)
        # A planner: nobody. A superadmin: everybody else.
        assert not may("metro", kota)
        assert all(may("admin", u) for u in (kota, both, peer, nobody, root, "lampung"))


def test_admin_screens_show_only_manageable_accounts(new_user, signed_in):
    kota = new_user(("18.72", "viewer"), prefix="layar")
    other = new_user(("17", "viewer"), prefix="layar")
    lampung = signed_in("lampung", "lampung-demo-2026")
    listing = lampung.get("/admin/users?q=layar").get_data(as_text=True)
    assert f'data-username="{kota}"' in listing and f'data-username="{other}"' not in listing
    assert lampung.get(f"/admin/users/{other}").status_code == 404
    assert lampung.get("/admin/users/admin").status_code == 404
    form = csrf_token(lampung, "/admin/users")
    for action in ("active", "password-reset", "sessions/revoke"):
        assert lampung.post(f"/admin/users/{other}/{action}", data={"csrf_token": form, "active": "0"}
                            ).status_code == 404
    assert lampung.get("/admin/users/lampung").status_code == 403  # one's own: the account page
    metro = signed_in("metro", "metro-demo-2026")
    assert metro.get("/admin/users").status_code == 404
    assert metro.get(f"/admin/users/{kota}").status_code == 404
    admin = signed_in("admin", "admin-demo-2026")
    assert f'data-username="{other}"' in admin.get("/admin/users?q=layar").get_data(as_text=True)
    inactive = admin.get("/admin/users?q=layar&status=inactive").get_data(as_text=True)
    assert f'data-username="{kota}"' not in inactive


@pytest.mark.parametrize("lang, text", [("en", "You cannot deactivate"), ("id", "Anda tidak dapat menonaktifkan")])
def test_nobody_deactivates_themselves(accounts_app, lang, text):
    from flask_babel import force_locale

    with accounts_app.test_request_context(), force_locale(lang):
        admin = _user(accounts_app, "admin")
        with pytest.raises(accounts.Forbidden) as refused:
            accounts.set_user_active(admin, admin, False)
        assert text in refused.value.message()
        db.session.rollback()


def test_every_admin_change_is_audited(accounts_app, new_user, signed_in):
    username = new_user(("18.72", "viewer"))
    admin = signed_in("admin", "admin-demo-2026")
    form = csrf_token(admin, f"/admin/users/{username}")
    admin.post(f"/admin/users/{username}/active", data={"csrf_token": form, "active": "0"})
    with accounts_app.app_context():
        user = _user(accounts_app, username)
        update = db.session.scalars(select(AuditLog).where(AuditLog.entity == "user", AuditLog.entity_id == user.id,
                                                           AuditLog.action == "update")).all()
        assert any(row.after.get("active") is False and row.actor == "admin" for row in update)
