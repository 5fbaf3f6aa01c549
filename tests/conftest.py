"""Shared fixtures. The same suite runs on SQLite (default) and on PostgreSQL.

``PELITA_TEST_DB=postgresql`` runs every database test against the PostgreSQL server at
``PELITA_TEST_PG`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432``): each app gets
a database of its own, dropped at the end.
"""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, text

from core.app import create_app

BACKEND = os.environ.get("PELITA_TEST_DB", "sqlite")
PG_SERVER = os.environ.get("PELITA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
ALL_REGIONS = ["prov_lampung", "kota_metro", "lampung_barat", "prov_bengkulu"]


class Databases:
    """Creates throw-away databases for the selected backend and drops them afterwards."""

    def __init__(self, tmp_path_factory):
        self.tmp = tmp_path_factory.mktemp("db")
        self.created: list[str] = []

    def new_url(self) -> str:
        name = f"pelita_test_{uuid.uuid4().hex[:12]}"
        if BACKEND == "sqlite":
            return f"sqlite:///{self.tmp / (name + '.sqlite3')}"
        admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        self.created.append(name)
        return f"{PG_SERVER}/{name}"

    def drop_all(self) -> None:
        if not self.created:
            return
        admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for name in self.created:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    dbs = Databases(tmp_path_factory)
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="session")
def instance_path(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("instance")


@pytest.fixture(scope="session")
def make_app(databases, instance_path):
    """Factory: a new app on a new, migrated database (``seed=True`` loads every region)."""
    apps = []

    def factory(regions=None, extra_plugins=(), seed=False, users=False, **config):
        app = create_app({
            "TESTING": True,
            "INSTANCE_PATH": str(instance_path),
            "SECRET_KEY": "test-secret",
            "DATABASE_URL": databases.new_url(),
            "REGIONS": list(ALL_REGIONS if regions is None else regions),
            "PELITA_EXTRA_PLUGINS": list(extra_plugins),
            "RATELIMIT_ENABLED": False,  # tests sign in hundreds of times from 127.0.0.1; tests/core/web enable it
            **config,
        })
        with app.app_context():
            upgrade()
            if seed:
                from core.app import plugins
                from core.services.seeding import seed_all

                seed_all(plugins())
            if users:
                app.test_cli_runner().invoke(args=["demo-users"], catch_exceptions=False)
        apps.append(app)
        return app

    yield factory
    for app in apps:
        with app.app_context():
            from core.extensions import db

            db.session.remove()
            db.engine.dispose()


@pytest.fixture(scope="session")
def seeded_app(make_app):
    """One app with every region seeded and the demo users: for tests that only read."""
    return make_app(seed=True, users=True)


@pytest.fixture()
def app(seeded_app):
    with seeded_app.app_context():
        yield seeded_app


@pytest.fixture()
def client(seeded_app):
    return seeded_app.test_client()


CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client, path="/login") -> str:
    """The CSRF token of the client's session, read from a rendered form."""
    page = client.get(path).get_data(as_text=True)
    match = CSRF_RE.search(page)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def login(client, username, password=None):
    """Sign ``client`` in as a demo user; returns the response."""
    from plugins.demo import DEMO_PASSWORD_SUFFIX

    token = csrf_token(client)
    return client.post("/login", data={
        "username": username, "password": password or username + DEMO_PASSWORD_SUFFIX, "csrf_token": token,
    })


@pytest.fixture()
def login_as(seeded_app):
    """Factory: a fresh client signed in as the named demo user."""

    def factory(username):
        client = seeded_app.test_client()
        response = login(client, username)
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return factory
