"""Shared fixtures. The same suite runs on SQLite (default) and on PostgreSQL.

``PELITA_TEST_DB=postgresql`` runs every database test against the PostgreSQL server at
``PELITA_TEST_PG`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432``): each app gets
a database of its own, dropped at the end.

Tests stand alone and run in random order (pytest-randomly; ``-p no:randomly`` for file order):

- **Per-test rollback.** Every app that exists before a test starts (the session's
  ``seeded_app``, a module's own app) is isolated for that test: all its sessions, request
  pipeline, CLI commands and flask-login included, run on one connection inside an outer
  transaction, each session in a SAVEPOINT of it (``join_transaction_mode="create_savepoint"``),
  and the outer transaction is rolled back when the test ends. A test may write freely; the
  next test sees nothing of it. Apps a test makes itself are its own and are not isolated.
- **Seeded templates.** ``make_app(seed=True)`` seeds a given set of regions once per session
  into a template database and hands out copies (SQLite: a file copy; PostgreSQL:
  ``CREATE DATABASE ... TEMPLATE``), so a fresh seeded database costs milliseconds.
- **Factories** (tests/factories.py) build regions, charts, users, documents and their
  content for tests that need "some document" rather than the printed seed documents.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import uuid
from pathlib import Path

import pytest
from flask import current_app, has_app_context
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from core.app import create_app
from core.extensions import db

BACKEND = os.environ.get("PELITA_TEST_DB", "sqlite")
PG_SERVER = os.environ.get("PELITA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
ALL_REGIONS = ["prov_lampung", "kota_metro", "lampung_barat", "prov_bengkulu"]


# --- per-test rollback -------------------------------------------------------------------

class _Isolation:
    """The apps isolated in the running test: app -> (connection, outer transaction, state)."""

    active = False  # between the setup and the teardown of a test's function-scoped fixtures
    thread: int | None = None
    connections: dict = {}
    own_apps: set = set()  # apps made during the running test: not isolated


def _isolated_connection(app):
    """The running test's connection for ``app``, opened (with its outer transaction) on first use."""
    if not _Isolation.active or threading.get_ident() != _Isolation.thread or id(app) in _Isolation.own_apps:
        return None
    entry = _Isolation.connections.get(app)
    if entry is None:
        engine = db.engines[None]
        connection = engine.connect()
        saved = None
        if engine.dialect.name == "sqlite":
            # pysqlite begins transactions lazily and would let the first SAVEPOINT's RELEASE
            # commit: drive the transaction ourselves (SQLAlchemy docs, "Serializable
            # isolation / Savepoints / Transactional DDL" for pysqlite).
            raw = connection.connection.driver_connection
            saved = raw.isolation_level
            raw.isolation_level = None
            outer = connection.begin()
            connection.exec_driver_sql("BEGIN")
        else:
            outer = connection.begin()
        entry = _Isolation.connections[app] = (connection, outer, saved)
    return entry[0]


_BaseSession = db.session.session_factory.class_


class _IsolatingSession(_BaseSession):
    """flask-sqlalchemy's session, bound to the running test's connection when its app is isolated.

    ``commit()`` releases the session's SAVEPOINT and ``rollback()`` returns to it: the request
    pipeline, services and CLI commands behave as they do in production, and the test's outer
    transaction is rolled back at its end.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("join_transaction_mode", "create_savepoint")
        super().__init__(*args, **kwargs)

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        if bind is None and has_app_context():
            connection = _isolated_connection(current_app._get_current_object())
            if connection is not None:
                return connection
        return super().get_bind(mapper=mapper, clause=clause, bind=bind, **kwargs)


db.session.session_factory.class_ = _IsolatingSession


def _end_isolation():
    _Isolation.active = False
    for app, (connection, outer, saved) in list(_Isolation.connections.items()):
        # Sessions still open on the connection (an app context a wider fixture keeps pushed)
        # are closed: their next use starts afresh on the engine.
        for session in list(db.session.registry.registry.values()):
            transaction = session.get_transaction()
            if transaction is not None and connection in transaction._connections:
                session.close()
        if outer.is_active:
            outer.rollback()
        if saved is not None:
            connection.connection.driver_connection.isolation_level = saved
        connection.close()
    _Isolation.connections.clear()
    _Isolation.own_apps.clear()


@pytest.fixture(autouse=True)
def _rollback_after_each_test(request):
    """Everything the test writes into an app that existed before it is rolled back at its end."""
    if request.node.get_closest_marker("browser"):  # a live server thread: copies, not rollback
        yield
        return
    _Isolation.active, _Isolation.thread = True, threading.get_ident()
    try:
        yield
    finally:
        _end_isolation()


# --- databases ----------------------------------------------------------------------------

class Databases:
    """Creates throw-away databases for the selected backend and drops them afterwards."""

    def __init__(self, tmp_path_factory):
        self.tmp = tmp_path_factory.mktemp("db")
        self.created: list[str] = []
        self.templates: dict = {}

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

    def copy_of(self, url: str) -> str:
        """A new database holding what the template database at ``url`` holds (never used by an app)."""
        name = f"pelita_test_{uuid.uuid4().hex[:12]}"
        if BACKEND == "sqlite":
            target = self.tmp / (name + ".sqlite3")
            shutil.copyfile(url.removeprefix("sqlite:///"), target)
            return f"sqlite:///{target}"
        template = url.rsplit("/", 1)[1]
        admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
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
    """Factory: a new app on a new, migrated database (``seed=True`` loads every region).

    Seeded databases are copies of a per-session template for the same regions (and demo
    users), made once; ``extra_plugins`` or extra config seed afresh.
    """
    apps = []

    def configure(url, regions, extra_plugins, config):
        app = create_app({
            "TESTING": True,
            "INSTANCE_PATH": str(instance_path),
            "SECRET_KEY": "test-secret",
            "DATABASE_URL": url,
            "REGIONS": list(ALL_REGIONS if regions is None else regions),
            "PELITA_EXTRA_PLUGINS": list(extra_plugins),
            "RATELIMIT_ENABLED": False,  # tests sign in hundreds of times from 127.0.0.1; tests/core/web enable it
            # Hundreds of apps live for the whole session: on PostgreSQL their idle pooled connections
            # would exhaust the server's max_connections, so a connection closes when it is released.
            **({"SQLALCHEMY_ENGINE_OPTIONS": {"poolclass": NullPool}} if url.startswith("postgresql") else {}),
            **config,
        })
        if _Isolation.active:  # made by the running test: its own, not rolled back
            _Isolation.own_apps.add(id(app))
        return app

    def build(app, seed, users):
        with app.app_context():
            upgrade()
            if seed:
                from core.app import plugins
                from core.services.seeding import seed_all

                seed_all(plugins())
            if users:
                app.test_cli_runner().invoke(args=["demo-users"], catch_exceptions=False)

    def factory(regions=None, extra_plugins=(), seed=False, users=False, **config):
        if seed and not extra_plugins and not config:
            key = (tuple(ALL_REGIONS if regions is None else regions), bool(users))
            template = databases.templates.get(key)
            if template is None:
                template = databases.new_url()
                app = configure(template, regions, extra_plugins, config)
                build(app, seed, users)
                with app.app_context():
                    db.session.remove()
                    db.engine.dispose()
                databases.templates[key] = template
            app = configure(databases.copy_of(template), regions, extra_plugins, config)
        else:
            app = configure(databases.new_url(), regions, extra_plugins, config)
            build(app, seed, users)
        apps.append(app)
        return app

    yield factory
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture(scope="session")
def seeded_app(make_app):
    """One app with every region seeded and the demo users, shared by the session: what a test
    writes into it is rolled back when the test ends."""
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
