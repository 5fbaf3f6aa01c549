"""The effective field schema of a form for a region: core's fields, then each level of the
region's chain (province, then the region itself), each level's plugin fields first and then
the fields its admins added in the settings area; hides and changes of inherited fields apply
in the same order. Every field says where it comes from (``origin``: core, province, region;
``source``: core, ``plugin:<name>`` or ``database``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from core.forms.core_fields import CORE_FIELDS
from core.specs import FIELD_TYPES, FORMS, REGION_FIELD_PREFIX, FieldChoice, FormFields, FormFieldSpec

#: A region field's key: ``x_`` then a lower-case letter, then letters, digits or ``_``.
REGION_KEY_RE = re.compile(r"^x_[a-z][a-z0-9_]{0,40}$")


@dataclass(frozen=True)
class EffectiveField:
    """A field as a region's users get it, with where it comes from."""

    key: str
    type: str
    label: str
    label_en: str
    help: str = ""
    help_en: str = ""
    required: bool = False
    choices: tuple[FieldChoice, ...] = ()
    order: int = 100
    mandatory: bool = False
    origin: str = "core"  # core, province, region
    source: str = "core"  # core, plugin:<name>, database
    defined_in: str | None = None  # the region code that defined it (None: core)
    hidden: bool = False
    hidden_by: str | None = None  # the region code that hid it
    deleted: bool = False
    changed_by: tuple[str, ...] = ()  # region codes that changed it (required, label, order)

    @property
    def is_core(self) -> bool:
        return self.origin == "core"

    def label_for(self, locale: str) -> str:
        return (self.label_en if locale == "en" else None) or self.label

    def help_for(self, locale: str) -> str:
        return (self.help_en if locale == "en" else None) or self.help

    def choice_label(self, value: str, locale: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return (choice.label_en if locale == "en" else None) or choice.label
        return value

    def as_json(self) -> dict:
        """The field as the API shows it."""
        return {
            "key": self.key, "type": self.type, "label": {"id": self.label, "en": self.label_en},
            "help": {"id": self.help, "en": self.help_en}, "required": self.required,
            "choices": [{"value": c.value, "label": {"id": c.label, "en": c.label_en or c.label}}
                        for c in self.choices],
            "order": self.order, "mandatory": self.mandatory, "origin": self.origin, "source": self.source,
            "defined_in": self.defined_in, "hidden": self.hidden, "hidden_by": self.hidden_by,
        }


@dataclass
class Schema:
    """The effective schema of one form for one region."""

    region_code: str
    form: str
    fields: list[EffectiveField] = field(default_factory=list)  # live fields, hidden ones included
    deleted: list[EffectiveField] = field(default_factory=list)  # deleted region fields (values stay readable)

    @property
    def visible(self) -> list[EffectiveField]:
        """The fields shown on the form, in order."""
        return [f for f in self.fields if not f.hidden]

    @property
    def region_fields(self) -> list[EffectiveField]:
        """The visible fields stored in a row's ``fields`` (not core columns)."""
        return [f for f in self.visible if not f.is_core]

    def get(self, key: str) -> EffectiveField | None:
        return next((f for f in self.fields if f.key == key), None)

    def any_field(self, key: str) -> EffectiveField | None:
        """A live or deleted field (to read a stored value)."""
        return self.get(key) or next((f for f in self.deleted if f.key == key), None)

    def as_json(self) -> dict:
        return {"region_code": self.region_code, "form": self.form, "fields": [f.as_json() for f in self.fields]}


def from_spec(spec: FormFieldSpec, **where) -> EffectiveField:
    return EffectiveField(key=spec.key, type=spec.type, label=spec.label, label_en=spec.label_en or spec.label,
                          help=spec.help, help_en=spec.help_en, required=spec.required or spec.mandatory,
                          choices=tuple(spec.choices), order=spec.order, mandatory=spec.mandatory, **where)


def spec_problems(spec, *, core_keys=(), allow_mandatory=False) -> list[str]:
    """What is wrong with a region field's spec (English, for startup errors and logs)."""
    problems = []
    if not isinstance(spec, FormFieldSpec):
        return [f"{spec!r} is not a FormFieldSpec"]
    if not isinstance(spec.key, str) or not REGION_KEY_RE.match(spec.key):
        problems.append(f"field key {spec.key!r} must be {REGION_FIELD_PREFIX!r} then lower-case letters, digits "
                        "or '_' (so it never collides with a core field)")
    if spec.key in core_keys:
        problems.append(f"field key {spec.key!r} collides with a core field")
    if spec.type not in FIELD_TYPES:
        problems.append(f"field {spec.key!r} has unknown type {spec.type!r} (known: {', '.join(FIELD_TYPES)})")
    if not (isinstance(spec.label, str) and spec.label.strip() and isinstance(spec.label_en, str)
            and spec.label_en.strip()):
        problems.append(f"field {spec.key!r} needs a label in Indonesian and in English")
    if spec.mandatory and not allow_mandatory:
        problems.append(f"field {spec.key!r}: only core fields are legally mandatory")
    if not isinstance(spec.order, int) or isinstance(spec.order, bool):
        problems.append(f"field {spec.key!r}: order must be a whole number")
    if not isinstance(spec.choices, tuple) or not all(isinstance(c, FieldChoice) for c in spec.choices):
        problems.append(f"field {spec.key!r}: choices must be a tuple of FieldChoice")
    elif spec.type in ("choice", "multi_choice"):
        values = [c.value for c in spec.choices]
        if not values:
            problems.append(f"field {spec.key!r} of type {spec.type} needs choices")
        if len(set(values)) != len(values) or not all(isinstance(v, str) and v.strip() for v in values):
            problems.append(f"field {spec.key!r}: choice values must be non-empty and unique")
        if not all(isinstance(c.label, str) and c.label.strip() for c in spec.choices):
            problems.append(f"field {spec.key!r}: every choice needs a label")
    elif spec.choices:
        problems.append(f"field {spec.key!r}: only choice and multi_choice fields have choices")
    return problems


def _may_hide(f: EffectiveField) -> bool:
    """Legally mandatory core fields never; a province's required field not either."""
    return not f.mandatory and not (f.origin != "core" and f.required)


def _plugin_answer(registry, level_code: str, region_info, form: str):
    rp = registry.regions.get(level_code)
    impl = getattr(rp.plugin, "pelita_form_fields", None) if rp is not None else None
    if impl is None:
        return None, None
    return rp.name, impl(region=region_info, form=form)


def _row_field(row, **where) -> EffectiveField:
    return EffectiveField(
        key=row.key, type=row.type, label=row.label_id, label_en=row.label_en or row.label_id,
        help=row.help_id or "", help_en=row.help_en or "", required=bool(row.required),
        choices=tuple(FieldChoice(c["value"], c.get("label") or c["value"], c.get("label_en"))
                      for c in (row.choices or [])),
        order=row.order if row.order is not None else 100, **where)


def build_schema(region_code: str, form: str) -> Schema:
    """Compute the effective schema (no cache; see :func:`effective_schema`)."""
    from sqlalchemy import select

    from core.extensions import db
    from core.models import FormField, FormFieldOverride, Region
    from core.plugins import current_registry

    if form not in FORMS:
        raise KeyError(form)
    registry = current_registry()
    chain = list(reversed(registry.chain(region_code)))  # province first
    info = registry.region_info(region_code)
    ids = dict(db.session.execute(select(Region.code, Region.id).where(Region.code.in_(chain))).all())
    fields: dict[str, EffectiveField] = {spec.key: from_spec(spec) for spec in CORE_FIELDS[form]}
    deleted: dict[str, EffectiveField] = {}

    def apply_change(level, key, *, hidden=False, required=None, label_id=None, label_en=None, order=None):
        current = fields.get(key)
        if current is None or current.defined_in == level:
            return
        changes = {}
        if hidden and _may_hide(current):
            changes.update(hidden=True, hidden_by=level)
        if required is True:
            changes["required"] = True
        elif required is False and not current.mandatory and not (current.origin != "core" and current.required):
            changes["required"] = False
        if label_id:
            changes["label"] = label_id
        if label_en:
            changes["label_en"] = label_en
        if order is not None:
            changes["order"] = order
        if changes:
            fields[key] = replace(current, changed_by=current.changed_by + (level,), **changes)

    for level in chain:
        origin = "region" if level == region_code else "province"
        name, answer = _plugin_answer(registry, level, info, form)
        if isinstance(answer, FormFields):
            for spec in answer.fields:
                if spec.key not in fields:
                    fields[spec.key] = from_spec(spec, origin=origin, source=f"plugin:{name}", defined_in=level)
            for key in answer.hidden:
                apply_change(level, key, hidden=True)
        region_id = ids.get(level)
        if region_id is None:
            continue
        rows = db.session.scalars(select(FormField).where(FormField.region_id == region_id, FormField.form == form)
                                  .order_by(FormField.order, FormField.id)).all()
        for row in rows:
            where = {"origin": origin, "source": "database", "defined_in": level}
            if row.deleted_at is not None:
                deleted.setdefault(row.key, _row_field(row, deleted=True, **where))
            elif row.key not in fields:
                fields[row.key] = _row_field(row, **where)
        for ov in db.session.scalars(select(FormFieldOverride).where(FormFieldOverride.region_id == region_id,
                                                                     FormFieldOverride.form == form)):
            apply_change(level, ov.key, hidden=ov.hidden, required=ov.required, label_id=ov.label_id,
                         label_en=ov.label_en, order=ov.order)
    ordered = sorted(fields.values(), key=lambda f: (f.order, list(fields).index(f.key)))
    return Schema(region_code, form, ordered, [f for k, f in deleted.items() if k not in fields])


def effective_schema(region, form: str) -> Schema:
    """The effective schema of ``form`` for ``region`` (a Region or its code), cached per request."""
    from flask import g

    code = region if isinstance(region, str) else region.code
    cache = g.setdefault("pelita_form_schemas", {})
    if (code, form) not in cache:
        cache[(code, form)] = build_schema(code, form)
    return cache[(code, form)]


def forget_schemas() -> None:
    """Drop the per-request cache (after a field or an override changed)."""
    from flask import g, has_app_context

    if has_app_context():
        g.pop("pelita_form_schemas", None)
