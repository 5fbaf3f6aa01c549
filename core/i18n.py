"""Languages: locale selection and locale-aware number formatting.

The locale comes from the user's explicit choice (kept in the session and on the user),
then the browser's preference, then Indonesian. Numbers and money are formatted by Babel
for the active locale: ``1.413.000.000`` in Indonesian, ``1,413,000,000`` in English.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal
from flask import current_app, has_request_context, request, session
from flask_babel import get_locale
from flask_login import current_user

LOCALE_SESSION_KEY = "locale"


def select_locale() -> str:
    """Flask-Babel's locale selector."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # command line: Flask-Babel's force_locale decides
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    chosen = session.get(LOCALE_SESSION_KEY)
    if chosen in languages:
        return chosen
    if getattr(current_user, "is_authenticated", False) and current_user.locale in languages:
        return current_user.locale
    best = request.accept_languages.best_match(languages)
    if best:
        return best
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def active_locale() -> str:
    """The active locale's language code (``id`` or ``en``)."""
    return str(get_locale() or "id")


def format_number(value: Decimal | int | None, locale: str | None = None) -> str:
    """A number as the locale writes it, keeping its significant decimals (``94,74``)."""
    if value is None:
        return ""
    return format_decimal(value, format="#,##0.######", locale=locale or active_locale())


def format_money(value: Decimal | int | None, locale: str | None = None) -> str:
    """Rupiah amount as the locale writes it, decimals only where there are any."""
    if value is None:
        return ""
    pattern = "#,##0" if value == int(value) else "#,##0.00"
    return format_decimal(value, format=pattern, locale=locale or active_locale())


def format_percent(value: Decimal | None, locale: str | None = None) -> str:
    """A percentage (94.7449 -> ``94,74 %`` / ``94.74 %``), rounded half up to two places."""
    if value is None:
        return ""
    from core.achievement.engine import round_half_up

    return format_decimal(round_half_up(value, 2), format="#,##0.00", locale=locale or active_locale()) + " %"
