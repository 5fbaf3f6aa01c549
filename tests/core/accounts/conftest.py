"""Fixtures of the account tests: an app of their own (they write); each test makes its own users."""

from __future__ import annotations

import itertools

import pytest

from tests.conftest import login

REGIONS = ["prov_lampung", "kota_metro", "prov_bengkulu"]
PASSWORD = "jembatan-merah-sore-2026"
_numbers = itertools.count(1)


@pytest.fixture(scope="module")
def accounts_app(make_app):
    """Lampung (18) with Kota Metro (18.72), Bengkulu (17), and the demo users."""
    return make_app(regions=REGIONS, seed=True, users=True)


@pytest.fixture()
def new_user(accounts_app):
    """Factory: a new account (unique name) with roles ``("18.72", "planner")``...; returns its username."""

    def factory(*memberships, prefix="user", password=PASSWORD, superadmin=False):
        from core.audit import acting_as
        from core.extensions import db
        from core.services import accounts

        username = f"{prefix}{next(_numbers)}"
        with accounts_app.app_context(), acting_as("test"):
            user = accounts.create_user(None, username=username, full_name=f"Pengguna {username}",
                                        password=password)
            user.is_superadmin = superadmin
            for region_code, role, *unit in memberships:
                accounts.grant(user, region_code, role, unit[0] if unit else None)
            db.session.commit()
        return username

    return factory


@pytest.fixture()
def signed_in(accounts_app):
    """Factory: a new client signed in as ``username`` (password: the tests' one unless given)."""

    def factory(username, password=PASSWORD):
        client = accounts_app.test_client()
        response = login(client, username, password)
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return factory


@pytest.fixture()
def issue_token(accounts_app):
    """Factory: a bearer token for ``username`` issued on the command line."""

    def factory(username, *args):
        result = accounts_app.test_cli_runner().invoke(args=["users", "token", username, *args])
        assert result.exit_code == 0, result.output
        return result.output.strip()

    return factory
