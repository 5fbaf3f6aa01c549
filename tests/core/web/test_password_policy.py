"""The password policy refuses short, personal and common passwords, in both languages."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from core.errors import Invalid
from core.services import passwords


@pytest.fixture()
def ctx(make_app):
    app = make_app(regions=[])
    with app.test_request_context():
        yield


@pytest.mark.parametrize("password", ["password", "12345678", "password1234", "qwertyuiop12", "aaaaaaaaaaaa",
                                      "indonesia2026"])
def test_common_and_pattern_passwords_are_refused(ctx, password):
    assert passwords.problems(password, "siti")


@pytest.mark.parametrize("password", ["siti-is-great-2026!", "SITIRAHAYU-kuat-99"])
def test_a_password_containing_the_username_or_name_is_refused(ctx, password):
    with force_locale("en"):
        found = passwords.problems(password, "siti", "Siti Rahayu")
    assert any("username or name" in p for p in found)


@pytest.mark.parametrize("password", ["kopi tubruk di teras rumah", "Jembatan-Merah-Lari-Pagi-7", "kata sandi rahasia sekali"])
def test_long_unrelated_phrases_are_accepted(ctx, password):
    assert passwords.problems(password, "siti", "Siti Rahayu") == []


def test_the_problems_are_worded_in_both_languages(ctx):
    with force_locale("id"):
        with pytest.raises(Invalid) as refused:
            passwords.require_acceptable("short", "siti")
        assert "paling sedikit 12 karakter" in refused.value.message()
    with force_locale("en"):
        assert "at least 12 characters" in passwords.problems("short", "siti")[0]


def test_absurdly_long_passwords_are_refused_without_work(ctx):
    assert passwords.problems("x" * 10_000, "siti")


def test_the_cli_refuses_a_weak_password_and_creates_nothing(make_app):
    from sqlalchemy import select

    from core.extensions import db
    from core.models import User

    app = make_app(regions=[])
    runner = app.test_cli_runner()
    weak = runner.invoke(args=["users", "create", "budi", "--password", "password1234", "--lang", "en"])
    assert weak.exit_code != 0 and "too easy to guess" in weak.output
    strong = runner.invoke(args=["users", "create", "budi", "--password", "kopi tubruk di teras rumah"])
    assert strong.exit_code == 0, strong.output
    with app.app_context():
        assert db.session.scalars(select(User.username)).all() == ["budi"]
