"""Signing in, languages, and numbers in the active locale."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from core.i18n import format_money, format_number
from tests.conftest import csrf_token, login

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"


@pytest.mark.parametrize("locale", ["id", "en"])
def test_catalog_is_complete(locale):
    """Every msgid of the template has a translation in this language (none fuzzy)."""
    with open(TRANSLATIONS / "messages.pot", "rb") as f:
        template = read_po(f)
    with open(TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po", "rb") as f:
        catalog = read_po(f, locale=locale)
    missing = []
    for message in template:
        if not message.id:
            continue
        translated = catalog.get(message.id, message.context)
        strings = translated.string if translated else None
        empty = not strings or (isinstance(strings, tuple) and not all(strings))
        if empty or (translated and translated.fuzzy):
            missing.append(message.id)
    assert missing == []
    assert len(template) > 60


def test_catalog_template_is_up_to_date():
    """The .pot matches what the code and templates use (run scripts/i18n.sh extract)."""
    from babel.messages.extract import extract_from_dir

    root = TRANSLATIONS.parent
    with open(root / "babel.cfg") as f:
        from babel.messages.frontend import parse_mapping_cfg

        method_map, options_map = parse_mapping_cfg(f)
    found = set()
    for directory in ("core", "plugins", "regions"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            root / directory, method_map, options_map, keywords={"_": None, "gettext": None, "_l": None, "SeedError": None, "N_": None,
                                                                 "lazy_gettext": None, "ngettext": (1, 2)}):
            found.add(message if isinstance(message, str) else message[0])
    with open(TRANSLATIONS / "messages.pot", "rb") as f:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    assert found - template == set(), "new strings are not in messages.pot"


@pytest.mark.parametrize("locale, number, money", [
    ("id", "1.413.000.000", "1.413.000.000"),
    ("en", "1,413,000,000", "1,413,000,000"),
])
def test_numbers_follow_the_locale(app, locale, number, money):
    assert format_number(Decimal("1413000000"), locale) == number
    assert format_money(Decimal("1413000000"), locale) == money


def test_decimals_follow_the_locale(app):
    assert format_number(Decimal("94.74"), "id") == "94,74"
    assert format_number(Decimal("94.74"), "en") == "94.74"


def test_wrong_password_message_in_both_languages(seeded_app):
    for locale, message in (("id", "Nama pengguna atau kata sandi salah."),
                            ("en", "Wrong username or password.")):
        client = seeded_app.test_client()
        token = csrf_token(client)
        client.post("/language", data={"locale": locale, "csrf_token": token, "next": "/login"})
        response = client.post("/login", data={"username": "metro", "password": "nope", "csrf_token": token})
        assert response.status_code == 401
        assert message in response.get_data(as_text=True)
        assert client.get("/r/18.72/").status_code == 302  # nothing changed: still signed out


def test_unknown_region_message_in_both_languages(login_as):
    client = login_as("metro")
    token = csrf_token(client, "/")
    # English first, Indonesian last: the choice is saved on the user and other tests share it.
    for locale, message in (("en", "This page does not exist, or you may not see it."),
                            ("id", "Halaman ini tidak ada, atau Anda tidak boleh melihatnya.")):
        client.post("/language", data={"locale": locale, "csrf_token": token, "next": "/"})
        response = client.get("/r/99.99/")
        assert response.status_code == 404
        assert message in response.get_data(as_text=True)


def test_language_choice_sticks_and_is_saved_on_the_user(seeded_app, login_as):
    client = login_as("auditor")
    token = csrf_token(client, "/")
    assert "Pilih wilayah" in client.get("/", headers={"Accept-Language": "id"}).get_data(as_text=True)
    client.post("/language", data={"locale": "en", "csrf_token": token, "next": "/"})
    assert "Choose a region" in client.get("/", headers={"Accept-Language": "id"}).get_data(as_text=True)
    # A new session of the same user starts in the language they chose.
    other = seeded_app.test_client()
    login(other, "auditor")
    assert "Choose a region" in other.get("/").get_data(as_text=True)
    client.post("/language", data={"locale": "id", "csrf_token": token, "next": "/"})


def test_unknown_language_is_refused(client):
    token = csrf_token(client)
    assert client.post("/language", data={"locale": "fr", "csrf_token": token}).status_code == 400


def test_browser_preference_is_used_without_a_choice(client):
    english = client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert "Sign in" in english and "Masuk" not in english
    indonesian = client.get("/login", headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "Masuk" in indonesian
