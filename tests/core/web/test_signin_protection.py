"""Sign-in protection: limits per address and per account, lockout, equal refusals, audit."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import AuditLog, User
from core.services import signin
from tests.conftest import csrf_token

PASSWORD = "a-long-test-password-2026"


def _app(make_app, **config):
    app = make_app(regions=[], **config)
    with app.app_context():
        for name in ("budi", "wati"):
            user = User(username=name, full_name=name.title())
            user.set_password(PASSWORD)
            db.session.add(user)
        db.session.commit()
    return app


def _try(client, username, password, address="127.0.0.1", lang=None):
    token = csrf_token(client)
    headers = {"Accept-Language": lang} if lang else {}
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token},
                       environ_base={"REMOTE_ADDR": address}, headers=headers)


def test_an_account_is_locked_after_repeated_failures_and_says_so(make_app):
    app = _app(make_app)
    client = app.test_client()
    client.post("/language", data={"locale": "en", "csrf_token": csrf_token(client)})
    for _attempt in range(signin.LOCK_AFTER_FAILURES):
        assert _try(client, "budi", "wrong-password").status_code == 401
    locked = _try(client, "budi", PASSWORD)
    assert locked.status_code == 429
    assert "locked" in locked.get_data(as_text=True)
    # Another account is not affected.
    assert _try(app.test_client(), "wati", PASSWORD).status_code == 302
    with app.app_context():
        actions = db.session.scalars(select(AuditLog.action).where(AuditLog.entity == "user")).all()
    assert actions.count("login_failed") == signin.LOCK_AFTER_FAILURES
    assert "login_locked" in actions


def test_the_lock_message_is_in_indonesian_too(make_app):
    app = _app(make_app)
    client = app.test_client()
    client.post("/language", data={"locale": "id", "csrf_token": csrf_token(client)})
    for _attempt in range(signin.LOCK_AFTER_FAILURES):
        _try(client, "budi", "wrong-password")
    page = _try(client, "budi", PASSWORD).get_data(as_text=True)
    assert "dikunci" in page


def test_a_success_resets_the_failure_count(make_app):
    app = _app(make_app)
    client = app.test_client()
    for _attempt in range(signin.LOCK_AFTER_FAILURES - 1):
        _try(client, "budi", "wrong-password")
    assert _try(client, "budi", PASSWORD).status_code == 302
    other = app.test_client()
    for _attempt in range(signin.LOCK_AFTER_FAILURES - 1):
        _try(other, "budi", "wrong-password")
    assert _try(app.test_client(), "budi", PASSWORD).status_code == 302


def test_one_address_is_limited_across_accounts(make_app):
    app = _app(make_app, RATELIMIT_ENABLED=True)
    limit = int(signin.PER_ADDRESS.split("/")[0])
    answers = [_try(app.test_client(), f"nobody{i}", "x", address="192.0.2.10").status_code for i in range(limit + 1)]
    assert answers[:limit] == [401] * limit
    assert answers[limit] == 429
    # The right password from the same address is refused too while the limit holds...
    assert _try(app.test_client(), "wati", PASSWORD, address="192.0.2.10").status_code == 429
    # ...and works from another address.
    assert _try(app.test_client(), "wati", PASSWORD, address="192.0.2.11").status_code == 302
    with app.app_context():
        limited = db.session.scalars(select(AuditLog).where(AuditLog.action == "login_rate_limited")).all()
    assert limited and limited[0].after["ip"] == "192.0.2.10"


def test_one_account_is_limited_across_addresses(make_app):
    app = _app(make_app, RATELIMIT_ENABLED=True)
    limit = int(signin.PER_ACCOUNT.split("/")[0])
    answers = [_try(app.test_client(), "wati", "wrong", address=f"198.51.100.{i}").status_code
               for i in range(limit + 1)]
    assert answers[-1] == 429


def test_sign_ins_are_audited_with_address_and_agent(make_app):
    app = _app(make_app)
    client = app.test_client()
    token = csrf_token(client)
    client.post("/login", data={"username": "wati", "password": PASSWORD, "csrf_token": token},
                environ_base={"REMOTE_ADDR": "203.0.113.5"}, headers={"User-Agent": "Pelita-Test/1.0"})
    with app.app_context():
        row = db.session.scalar(select(AuditLog).where(AuditLog.action == "login"))
    assert row.after["ip"] == "203.0.113.5" and row.after["user_agent"] == "Pelita-Test/1.0"


def test_unknown_users_take_as_long_to_refuse_as_wrong_passwords(make_app):
    app = _app(make_app)
    client = app.test_client()

    def median(username):
        times = []
        for _attempt in range(5):
            start = time.perf_counter()
            _try(client, username, "wrong-password")
            times.append(time.perf_counter() - start)
        return sorted(times)[2]

    # Before the fix an unknown user was refused ten times faster (no hash was checked).
    unknown, known = median("no-such-user"), median("wati")
    assert unknown > known / 3, (unknown, known)


@pytest.mark.parametrize("username", ["", " ", "x" * 500])
def test_odd_usernames_are_refused_cleanly(make_app, username):
    app = _app(make_app)
    assert _try(app.test_client(), username, "whatever").status_code == 401


def test_two_workers_share_the_limits_through_redis(make_app):
    """Two apps (two web workers) on one Redis count one address's attempts together."""
    import uuid

    url = "redis://127.0.0.1:6379/15"
    first = _app(make_app, RATELIMIT_ENABLED=True, REDIS_URL=url)
    second = make_app(regions=[], RATELIMIT_ENABLED=True, REDIS_URL=url)
    address = f"2001:db8::{uuid.uuid4().hex[:4]}"  # fresh counters for this run
    limit = int(signin.PER_ADDRESS.split("/")[0])
    half = limit // 2
    for i in range(half):
        _try(first.test_client(), f"nobody{i}", "x", address=address)
    for i in range(limit - half):
        _try(second.test_client(), f"nobody{i}", "x", address=address)
    assert _try(first.test_client(), "wati", PASSWORD, address=address).status_code == 429
