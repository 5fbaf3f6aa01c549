"""One validation for every way values arrive (HTML form, API, Excel): :func:`validate_values`.

Numbers are read strictly: an integer, or a decimal written as text with a dot
(``"1234.5"``); a float is refused (money and measures are never floats), and so is
``"1.234,5"`` (a printed number is not an entered one). The clean values are JSON-ready:
decimals as canonical strings, integers as ``int``, dates as ``YYYY-MM-DD``, choices as their
stored values.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from flask_babel import force_locale
from flask_babel import gettext as _

from core.errors import N_, Invalid
from core.forms.schema import EffectiveField, Schema, effective_schema

_DECIMAL_RE = re.compile(r"^-?\d+(\.\d+)?$")
_INTEGER_RE = re.compile(r"^-?\d+$")
TRUE_WORDS = {"1", "true", "yes", "ya", "on"}
FALSE_WORDS = {"0", "false", "no", "tidak", "off"}

MSG_UNKNOWN = N_("%(field)s is not a field of this form.")
MSG_REQUIRED = N_("%(field)s is required.")
MSG_TEXT = N_("%(field)s must be text.")
MSG_INTEGER = N_("%(field)s must be a whole number.")
MSG_DECIMAL = N_("%(field)s must be a number written with a dot for decimals, e.g. 1234.5.")
MSG_MONEY = N_("%(field)s must be an amount of rupiah of at most two decimals, e.g. 1500000.")
MSG_DATE = N_("%(field)s must be a date (YYYY-MM-DD).")
MSG_BOOLEAN = N_("%(field)s must be yes or no.")
MSG_CHOICE = N_("%(field)s: \"%(value)s\" is not one of the choices.")
MSG_LIST = N_("%(field)s must be a list of choices.")
MSG_PLACE = N_("%(field)s: \"%(value)s\" is not a place of this region.")


class _Bad(Exception):
    def __init__(self, msgid: str, **params):
        self.msgid, self.params = msgid, params


def _empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (isinstance(value, (list, tuple))
                                                                               and not value)


def _decimal(value) -> Decimal:
    if isinstance(value, bool) or isinstance(value, float):
        raise _Bad(MSG_DECIMAL)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _Bad(MSG_DECIMAL)
        return value
    if isinstance(value, str) and _DECIMAL_RE.match(value.strip()):
        try:
            return Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the pattern already excludes it
            raise _Bad(MSG_DECIMAL) from None
    raise _Bad(MSG_DECIMAL)


def clean_value(f: EffectiveField, value, places: list[str] | None = None):
    """The clean, JSON-ready value of ``f``, or raise _Bad. ``value`` is not empty."""
    kind = f.type
    if kind in ("text", "long_text"):
        if not isinstance(value, str):
            raise _Bad(MSG_TEXT)
        return value.strip()
    if kind == "integer":
        if isinstance(value, bool) or not (isinstance(value, int) or (isinstance(value, str)
                                                                      and _INTEGER_RE.match(value.strip()))):
            raise _Bad(MSG_INTEGER)
        return int(value)
    if kind in ("decimal", "percent"):
        return str(_decimal(value))
    if kind == "money":
        try:
            amount = _decimal(value)
        except _Bad:
            raise _Bad(MSG_MONEY) from None
        if amount < 0 or amount.as_tuple().exponent < -2:
            raise _Bad(MSG_MONEY)
        return str(amount)
    if kind == "date":
        if isinstance(value, date):
            return value.isoformat()
        try:
            if not isinstance(value, str) or len(value.strip()) != 10:
                raise ValueError
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise _Bad(MSG_DATE) from None
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in TRUE_WORDS | FALSE_WORDS:
            return value.strip().lower() in TRUE_WORDS
        raise _Bad(MSG_BOOLEAN)
    if kind == "choice":
        known = {c.value for c in f.choices}
        if not isinstance(value, str) or value not in known:
            raise _Bad(MSG_CHOICE, value=value)
        return value
    if kind == "multi_choice":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise _Bad(MSG_LIST)
        known = [c.value for c in f.choices]
        for v in value:
            if v not in known:
                raise _Bad(MSG_CHOICE, value=v)
        return [v for v in known if v in value]  # the schema's order, each once
    if kind == "region_place":
        if not isinstance(value, str):
            raise _Bad(MSG_TEXT)
        if places and value.strip() not in places:
            raise _Bad(MSG_PLACE, value=value)
        return value.strip()
    raise _Bad(MSG_TEXT)  # pragma: no cover - types are validated where fields are defined


def validate_with(schema: Schema, values: dict, *, locale: str | None = None, partial: bool = False,
                  places: list[str] | None = None, only_region_fields: bool = False) -> dict:
    """Validate ``values`` against ``schema``; see :func:`validate_values`."""
    from core.i18n import active_locale

    loc = locale or active_locale()
    problems: list[tuple[str, dict]] = []
    clean: dict = {}
    fields = schema.region_fields if only_region_fields else schema.visible
    known = {f.key: f for f in fields}
    if not isinstance(values, dict):
        values = {}
        problems.append((N_("The values must be an object of field keys."), {}))
    for key in values:
        if key not in known:
            field = schema.any_field(key)
            problems.append((MSG_UNKNOWN, {"field": field.label_for(loc) if field else str(key)}))
    for f in fields:
        value = values.get(f.key)
        if _empty(value):
            if f.required and not (partial and f.key not in values):
                problems.append((MSG_REQUIRED, {"field": f.label_for(loc)}))
            continue
        try:
            clean[f.key] = clean_value(f, value, places)
        except _Bad as bad:
            problems.append((bad.msgid, {"field": f.label_for(loc), **bad.params}))
    if problems:
        with force_locale(loc):
            messages = [_(msgid, **params) for msgid, params in problems]
        raise Invalid(messages=messages)
    return clean


def validate_values(region, form: str, values: dict, *, locale: str | None = None, partial: bool = False,
                    only_region_fields: bool = False) -> dict:
    """Check ``values`` (field key -> value) of ``form`` for ``region`` and return them clean.

    Raises :class:`core.errors.Invalid` with one message per bad field in ``locale`` (default:
    the user's): a key that is not a visible field, a required field missing, a value of the
    wrong type, an unknown choice, a place not of the region. ``partial``: a required field that
    is absent (not given at all) is not missing (a PATCH). ``only_region_fields``: ``values``
    is a row's ``fields`` (the ``x_`` keys; core fields are columns checked by their service).
    """
    from core.services.region_settings import settings_for

    schema = effective_schema(region, form)
    places = settings_for(region).get("places") or None
    return validate_with(schema, values, locale=locale, partial=partial, places=places,
                         only_region_fields=only_region_fields)


def split_values(clean: dict) -> tuple[dict, dict]:
    """``(core values, region values)`` of a clean dict: core values go to columns, region
    values (``x_`` keys) to the row's ``fields``."""
    core = {k: v for k, v in clean.items() if not k.startswith("x_")}
    return core, {k: v for k, v in clean.items() if k.startswith("x_")}
