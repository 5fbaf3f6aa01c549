"""Migration 0008 (existing tokens get a name and an expiry; nothing else is lost), the ``users``
commands, and item 4: without demo mode, a server refuses to run while an account still has its
published demo password; the commands that fix it keep working."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import click
import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text

from core.audit import acting_as
from core.extensions import db
from core.models import ApiToken, Membership, User
from core.models.user import aware
from core.services import accounts
from tests.core.accounts.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[3]


def test_0008_names_and_dates_existing_tokens_and_keeps_everything(make_app):
    app = make_app(regions=["prov_lampung", "kota_metro"], seed=True)
    with app.app_context():
        with acting_as("test"):
            user = accounts.create_user(None, username="lama", password=PASSWORD)
            accounts.grant(user, "18.72", "planner")
            db.session.commit()
            user_id = user.id
        db.session.remove()
        downgrade(revision="0007")
        db.session.execute(text("INSERT INTO api_token (user_id, token_hash, created_at, revoked) "
                                "VALUES (:u, 'h1', CURRENT_TIMESTAMP, :f), (:u, 'h2', CURRENT_TIMESTAMP, :t)"),
                           {"u": user_id, "f": False, "t": True})
        db.session.commit()
        upgrade()
        db.session.expire_all()
        tokens = db.session.scalars(select(ApiToken).order_by(ApiToken.token_hash)).all()
        assert [t.name for t in tokens] == [f"token {t.id}" for t in tokens]
        for token in tokens:
            assert timedelta(days=89) < aware(token.expires_at) - aware(token.created_at) < timedelta(days=91)
        assert tokens[0].revoked_at is None and tokens[1].revoked_at is not None
        assert not tokens[0].revoked and tokens[0].usable() and not tokens[1].usable()
        user = db.session.scalar(select(User).where(User.username == "lama"))
        assert user.must_change_password is False and user.check_password(PASSWORD)
        assert db.session.scalar(select(Membership).where(Membership.user_id == user.id)).role == "planner"


def test_users_commands(accounts_app, new_user, issue_token):
    username = new_user(("18.72", "viewer"))
    runner = accounts_app.test_cli_runner()
    secret = issue_token(username, "--name", "nightly", "--days", "7")
    with accounts_app.app_context():
        token = db.session.scalar(select(ApiToken).where(ApiToken.name == "nightly"))
        assert timedelta(days=6, hours=23) < aware(token.expires_at) - aware(token.created_at) <= timedelta(days=7, seconds=5)
        token_id = token.id
    assert "nightly" in runner.invoke(args=["users", "tokens", username]).output
    result = runner.invoke(args=["users", "deactivate", username, "--lang", "en"])
    assert result.exit_code == 0 and "deactivated" in result.output
    assert accounts_app.test_client().get("/api/v1/regions", headers={"Authorization": f"Bearer {secret}"}
                                          ).status_code == 401
    assert runner.invoke(args=["users", "activate", username]).exit_code == 0
    assert runner.invoke(args=["users", "deactivate", "tidak-ada"]).exit_code != 0
    revoked = runner.invoke(args=["users", "revoke-token", str(token_id), "--lang", "id"])
    assert revoked.exit_code == 0 and "dicabut" in revoked.output
    assert runner.invoke(args=["users", "revoke-token", "999999"]).exit_code != 0
    with accounts_app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        assert user.active and db.session.get(ApiToken, token_id).revoked


# -- item 4: the published demo passwords ---------------------------------------------------------

@pytest.fixture()
def production_app(make_app):
    """Demo mode off, and an account called ``admin`` that still has the published demo password."""
    app = make_app(regions=["prov_bengkulu"], DEMO=False)
    with app.app_context(), acting_as("test"):
        users = {name: User(username=name, full_name=name) for name in ("admin", "metro", "rehsos")}
        users["admin"].set_password("admin-demo-2026")
        users["metro"].set_password("metro-changed-long-2031")  # changed: fine
        users["rehsos"].set_password("rehsos-demo-2026")
        users["rehsos"].active = False  # deactivated: fine
        db.session.add_all(users.values())
        db.session.commit()
    return app


def test_a_server_without_demo_mode_refuses_published_passwords(production_app):
    with pytest.raises(accounts.DemoPasswordsInUse) as refused:
        accounts.refuse_published_demo_passwords(production_app)
    assert refused.value.usernames == ["admin"]
    message = str(refused.value)
    assert "admin" in message and "users deactivate" in message and "PELITA_DEMO=1" in message
    assert "Pelita menolak berjalan" in message  # and in Indonesian
    page = production_app.test_client().get("/login")
    assert page.status_code == 503 and "PELITA_DEMO=1" in page.get_data(as_text=True)
    assert production_app.test_client().get("/api/v1/regions").status_code == 503


def test_the_commands_that_fix_it_still_work(production_app):
    runner = production_app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    assert runner.invoke(args=["users", "list"]).exit_code == 0
    assert runner.invoke(args=["users", "deactivate", "admin"]).exit_code == 0
    accounts.refuse_published_demo_passwords(production_app)  # nothing left to refuse


def test_demo_mode_may_keep_them(make_app):
    app = make_app(regions=["prov_bengkulu"], users=True)  # demo mode, the demo accounts
    accounts.refuse_published_demo_passwords(app)
    assert app.test_client().get("/login").status_code == 200


def test_only_serving_refuses():
    assert accounts.launched_to_serve()  # no command line: a WSGI server imports wsgi.py
    with click.Context(click.Command("run")):
        assert accounts.launched_to_serve()
    for name in ("flask", "db", "users", "shell"):
        with click.Context(click.Command(name)):
            assert not accounts.launched_to_serve()


def test_wsgi_refuses_to_start_but_flask_commands_run(production_app, tmp_path):
    env = {**os.environ, "PELITA_DEMO": "0", "PELITA_DATABASE_URL": production_app.config["SQLALCHEMY_DATABASE_URI"],
           "PELITA_REGIONS": "prov_bengkulu", "PELITA_SECRET_KEY": "test", "PYTHONPATH": str(ROOT)}
    served = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert served.returncode != 0 and "admin" in served.stderr and "PELITA_DEMO=1" in served.stderr
    listed = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "users", "list"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0 and "admin" in listed.stdout
