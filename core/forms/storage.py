"""The fields region admins add, change, hide and delete in the settings area or the API.

A region's own field is a :class:`~core.models.FormField` (key ``x_...``); a change to an
inherited field (core's or the province's: hide, require, relabel, move) is a
:class:`~core.models.FormFieldOverride`. Deleting a field marks it deleted: values stored under
its key stay readable, with its label. Every write is an ORM change, so the audit trail has it.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from core.errors import N_, Conflict, Invalid, NotFound
from core.extensions import db
from core.forms.core_fields import CORE_FIELDS
from core.forms.schema import REGION_KEY_RE, build_schema, forget_schemas
from core.models import FormField, FormFieldOverride, Region
from core.models.audit import utcnow
from core.services.region_settings import check_may_configure
from core.specs import FIELD_TYPES, FORMS


def check_form(form: str) -> None:
    if form not in FORMS:
        raise NotFound()


def _label_pair(value, problems, what=N_("label")) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    if isinstance(value, str):
        value = {"id": value, "en": value}
    if not isinstance(value, dict) or set(value) - {"id", "en"} or not all(
            isinstance(v, str) and len(v) <= 200 for v in value.values()):
        problems.append(_("A %(what)s is an object with the texts in id and en.", what=_(what)))
        return None, None
    return (value.get("id") or "").strip() or None, (value.get("en") or "").strip() or None


def _choices(value, problems) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(_("The choices must be a list."))
        return []
    out, seen = [], set()
    for entry in value:
        if isinstance(entry, str):
            entry = {"value": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("value"), str) or not entry["value"].strip():
            problems.append(_("Every choice needs a value."))
            continue
        label_id, label_en = _label_pair(entry.get("label"), problems)
        v = entry["value"].strip()
        if v in seen:
            problems.append(_("The choice %(value)s is given twice.", value=v))
        seen.add(v)
        out.append({"value": v, "label": label_id or v, "label_en": label_en or label_id or v})
    return out


def _clean_field(data: dict, *, creating: bool, field_type: str | None = None) -> dict:
    problems: list[str] = []
    if not isinstance(data, dict):
        raise Invalid(messages=[_("The request body must be a JSON object.")])
    clean: dict = {}
    if creating or "type" in data:
        if data.get("type") not in FIELD_TYPES:
            problems.append(_("The type must be one of: %(types)s.", types=", ".join(FIELD_TYPES)))
        clean["type"] = data.get("type")
    kind = clean.get("type") or field_type
    if creating or "label" in data:
        label_id, label_en = _label_pair(data.get("label"), problems)
        if not label_id or not label_en:
            problems.append(_("A field needs a label in Indonesian and in English."))
        clean["label_id"], clean["label_en"] = label_id, label_en
    if "help" in data:
        help_id, help_en = _label_pair(data.get("help"), problems, N_("help text"))
        clean["help_id"], clean["help_en"] = help_id or "", help_en or ""
    if "required" in data:
        if not isinstance(data["required"], bool):
            problems.append(_("required must be true or false."))
        clean["required"] = bool(data["required"])
    if "order" in data:
        if isinstance(data["order"], bool) or not isinstance(data["order"], int):
            problems.append(_("order must be a whole number."))
        clean["order"] = data["order"]
    if creating or "choices" in data:
        choices = _choices(data.get("choices"), problems)
        if kind in ("choice", "multi_choice") and not choices:
            problems.append(_("A choice field needs choices."))
        if kind not in ("choice", "multi_choice") and choices:
            problems.append(_("Only choice fields have choices."))
        clean["choices"] = choices
    if problems:
        raise Invalid(messages=problems)
    return clean


def add_field(user, region: Region, form: str, data: dict) -> FormField:
    """Add a region field to ``form`` (``{key, type, label: {id, en}, required, choices, help, order}``).

    The key must be ``x_...`` (never a core field's); a key the region's province or one of
    its kab/kota already uses is refused (409), as is one of the region's live fields.
    """
    check_form(form)
    check_may_configure(user, region)
    key = data.get("key") if isinstance(data, dict) else None
    core_keys = {f.key for f in CORE_FIELDS[form]}
    if isinstance(key, str) and key in core_keys:
        raise Conflict(N_("%(key)s is a core field; a region field's key starts with x_."), key=key)
    if not isinstance(key, str) or not REGION_KEY_RE.match(key):
        raise Invalid(messages=[_("A field key starts with x_ followed by lower-case letters, digits or _ "
                                  "(for example x_sumber_dana).")])
    clean = _clean_field(data, creating=True)
    schema = build_schema(region.code, form)
    if schema.get(key) is not None:
        raise Conflict(N_("The field %(key)s exists already on this form."), key=key)
    # A kab/kota's field may not take a key a sibling's province later adds, and the reverse:
    hosted = db.session.scalars(select(Region.id).where(Region.parent_id == region.id)).all()
    if hosted and db.session.scalar(select(FormField.id).where(FormField.region_id.in_(hosted),
                                                               FormField.form == form, FormField.key == key,
                                                               FormField.deleted_at.is_(None))):
        raise Conflict(N_("The field %(key)s exists already on this form."), key=key)
    row = db.session.scalar(select(FormField).where(FormField.region_id == region.id, FormField.form == form,
                                                    FormField.key == key))
    if row is None:
        row = FormField(region_id=region.id, form=form, key=key, help_id="", help_en="", order=100)
        db.session.add(row)
    elif row.type != clean["type"]:
        # A deleted field comes back with the same key only with the same type (stored values stay valid).
        raise Conflict(N_("The field %(key)s was deleted with another type; choose another key."), key=key)
    row.deleted_at = None
    row.required = False
    for name, value in clean.items():
        setattr(row, name, value)
    db.session.flush()
    forget_schemas()
    return row


def _own_row(region: Region, form: str, key: str) -> FormField | None:
    return db.session.scalar(select(FormField).where(FormField.region_id == region.id, FormField.form == form,
                                                     FormField.key == key, FormField.deleted_at.is_(None)))


def update_field(user, region: Region, form: str, key: str, data: dict):
    """Change a field. The region's own field: any of label, help, required, choices, order
    (not its type). An inherited field (core's or the province's): ``hidden``, ``required``,
    ``label``, ``order``, as an override (a mandatory core field is never hidden nor optional;
    a province's required field is never hidden nor optional)."""
    check_form(form)
    check_may_configure(user, region)
    schema = build_schema(region.code, form)
    field = schema.get(key)
    if field is None:
        raise NotFound()
    if not isinstance(data, dict):
        raise Invalid(messages=[_("The request body must be a JSON object.")])
    own = _own_row(region, form, key) if field.defined_in == region.code and field.source == "database" else None
    if field.defined_in == region.code:
        if own is None:
            raise Conflict(N_("The field %(key)s comes from the region's plugin; change it there."), key=key)
        if "type" in data and data["type"] != own.type:
            raise Invalid(messages=[_("A field's type cannot change (stored values would no longer fit); "
                                      "add another field.")])
        if "hidden" in data:
            raise Invalid(messages=[_("Delete the region's own field instead of hiding it.")])
        clean = _clean_field({k: v for k, v in data.items() if k != "type"}, creating=False, field_type=own.type)
        for name, value in clean.items():
            setattr(own, name, value)
        db.session.flush()
        forget_schemas()
        return own
    problems = []
    unknown = set(data) - {"hidden", "required", "label", "order"}
    if unknown:
        problems.append(_("An inherited field can only be hidden, required, relabelled or moved."))
    locked = field.mandatory or (field.origin != "core" and field.required)
    if data.get("hidden") is True and locked:
        problems.append(_("%(field)s is required by law or by the province: it cannot be hidden.",
                          field=field.label_for("en" if _locale() == "en" else "id")))
    if data.get("required") is False and locked:
        problems.append(_("%(field)s is required by law or by the province: it cannot be made optional.",
                          field=field.label_for("en" if _locale() == "en" else "id")))
    for flag in ("hidden", "required"):
        if flag in data and data[flag] is not None and not isinstance(data[flag], bool):
            problems.append(_("%(name)s must be true or false.", name=flag))
    if "order" in data and (isinstance(data["order"], bool) or not isinstance(data["order"], (int, type(None)))):
        problems.append(_("order must be a whole number."))
    label_id, label_en = _label_pair(data.get("label"), problems)
    if problems:
        raise Invalid(messages=problems)
    override = db.session.scalar(select(FormFieldOverride).where(
        FormFieldOverride.region_id == region.id, FormFieldOverride.form == form, FormFieldOverride.key == key))
    if override is None:
        override = FormFieldOverride(region_id=region.id, form=form, key=key, hidden=False)
        db.session.add(override)
    if "hidden" in data:
        override.hidden = bool(data["hidden"])
    if "required" in data:
        override.required = data["required"]
    if "label" in data:
        override.label_id, override.label_en = label_id, label_en
    if "order" in data:
        override.order = data["order"]
    db.session.flush()
    forget_schemas()
    return override


def delete_field(user, region: Region, form: str, key: str) -> None:
    """Delete the region's own field: marked deleted, its stored values stay readable."""
    check_form(form)
    check_may_configure(user, region)
    row = _own_row(region, form, key)
    if row is None:
        field = build_schema(region.code, form).get(key)
        if field is None:
            raise NotFound()
        raise Conflict(N_("The field %(key)s is not the region's own: hide it instead."), key=key)
    row.deleted_at = utcnow()
    db.session.flush()
    forget_schemas()


def _locale() -> str:
    from core.i18n import active_locale

    return active_locale()
