"""Stored region-field values as people read them: in the document view and in report cells.

A value stays readable after its field is deleted (its label is kept on the deleted field) or
was never known (its key is shown).
"""

from __future__ import annotations

from core.forms.schema import EffectiveField, effective_schema


def value_text(f: EffectiveField | None, value, locale: str) -> str:
    """One stored value as text in ``locale``."""
    from core.i18n import format_number

    if value is None:
        return ""
    if f is None:
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    if f.type == "boolean":
        from flask_babel import force_locale, gettext

        with force_locale(locale):
            return gettext("yes") if value else gettext("no")
    if f.type in ("choice",):
        return f.choice_label(str(value), locale)
    if f.type == "multi_choice":
        return ", ".join(f.choice_label(str(v), locale) for v in (value if isinstance(value, list) else [value]))
    if f.type in ("decimal", "money", "percent", "integer"):
        from decimal import Decimal, InvalidOperation

        try:
            text = format_number(Decimal(str(value)), locale)
        except (InvalidOperation, ValueError):
            return str(value)
        return f"{text} %" if f.type == "percent" else text
    return str(value)


def display_values(region, form: str, stored: dict | None, locale: str) -> list[dict]:
    """``[{key, label, text, deleted}]`` of a row's stored ``fields``, in the schema's order,
    deleted and unknown fields last."""
    stored = stored or {}
    if not stored:
        return []
    schema = effective_schema(region, form)
    rows = []
    for f in schema.fields:
        if f.key in stored and not f.is_core:
            rows.append({"key": f.key, "label": f.label_for(locale), "text": value_text(f, stored[f.key], locale),
                         "deleted": False, "hidden": f.hidden})
    shown = {r["key"] for r in rows}
    for key, value in stored.items():
        if key in shown:
            continue
        f = schema.any_field(key)
        rows.append({"key": key, "label": f.label_for(locale) if f else key, "text": value_text(f, value, locale),
                     "deleted": True, "hidden": False})
    return rows


def cell_value(region_code: str, form: str, key: str, stored: dict | None, locale: str) -> str | None:
    """The report cell of column ``field:<key>``: the value as text, or None when there is none."""
    if not stored or key not in stored or stored[key] in (None, "", []):
        return None
    f = effective_schema(region_code, form).any_field(key)
    return value_text(f, stored[key], locale)
