"""The settings area of a region (issue 10): its forms' fields and its settings.

Everyone who sees the region reads these pages (the effective result and where each part comes
from); its administrators change them (a region admin; the provincial admin for its province's
defaults and the kab/kota it hosts). A refused change shows the page again with the messages
(403/422), and nothing is saved.
"""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from core.errors import N_, DomainError, Invalid
from core.forms import storage
from core.forms.schema import build_schema
from core.i18n import active_locale
from core.security import guard
from core.services import region_settings as settings_service
from core.specs import FIELD_TYPES, FORMS

bp = Blueprint("region_settings", __name__)
#: The form in a URL: one of FORMS (another answers 404 by routing).
FORM_ARG = "any(" + ", ".join(FORMS) + "):form"

#: Form names as shown (msgids).
FORM_LABELS = {
    "renstra_item": N_("Renstra item"), "renja_row": N_("Renja row"), "pk": N_("Performance agreement (PK)"),
    "rencana_aksi": N_("Action plan (Rencana Aksi)"), "realisation": N_("Realisation entry"), "evidence": N_("Evidence"),
}
TYPE_LABELS = {
    "text": N_("Text"), "long_text": N_("Long text"), "integer": N_("Whole number"), "decimal": N_("Decimal number"),
    "money": N_("Money (Rp)"), "percent": N_("Percent"), "date": N_("Date"), "boolean": N_("Yes / no"), "choice": N_("Choice"),
    "multi_choice": N_("Several choices"), "region_place": N_("Place in the region"),
}


def label(key: str) -> str:
    """Label ``key`` (:data:`core.services.region_settings.LABELS`) as the current region words
    it in the active language: its settings, else its plugin's translations, else core's."""
    from core.presentation import region_label

    msgid = settings_service.LABELS[key]
    region = g.get("region")
    if region is None:
        return _(msgid)
    try:
        own = settings_service.label(region, key, active_locale())
    except KeyError:
        own = None
    return own or region_label(region.code, msgid)


def item_fields(region, document, item) -> list[dict]:
    """The region-field values of a plan item, as text (the document view's fields cell)."""
    from core.forms import FORM_OF_DOC_TYPE, display_values

    stored = getattr(item, "fields", None)
    if not stored:
        return []
    form = FORM_OF_DOC_TYPE.get(getattr(document, "doc_type", None) or getattr(document, "type", None), "renja_row")
    return display_values(region, form, stored, active_locale())


@bp.app_context_processor
def _inject():
    return {"label": label, "item_fields": item_fields}


def _form_or_404(form: str) -> None:
    storage.check_form(form)


@bp.route("/r/<region_code>/settings", methods=["GET", "POST"])
@guard("region.view")
def overview(region):
    """The region's settings (labels, threshold, scale, header, signatories) and its forms."""
    errors, status = [], 200
    if request.method == "POST":
        try:
            settings_service.put_settings(current_user, region, _settings_from_form(request.form))
            flash(_("Settings saved: a new version is in force from now."))
            return redirect(url_for("region_settings.overview", region_code=region.code))
        except DomainError as exc:
            errors, status = exc.messages, exc.status
    own, version = settings_service.own_settings(region)
    effective = settings_service.settings_for(region)
    return render_template("settings/overview.html", region=region, own=own, version=version, effective=effective,
                           sources=effective["_sources"], forms=FORMS, form_labels=FORM_LABELS,
                           label_keys=settings_service.LABELS, errors=errors,
                           may_configure=settings_service.may_configure(current_user, region)), status


def _settings_from_form(form) -> dict:
    import json

    labels = {}
    for key in settings_service.LABELS:
        texts = {loc: form.get(f"label_{key}_{loc}", "").strip() for loc in ("id", "en")}
        texts = {loc: text for loc, text in texts.items() if text}
        if texts:
            labels[key] = texts
    changes: dict = {"labels": labels or None}
    changes["note_threshold"] = form.get("note_threshold", "").strip() or None
    header = {k: form.get(f"header_{k}", "").strip() or None for k in settings_service.HEADER_KEYS}
    changes["report_header"] = {k: v for k, v in header.items() if v} or None
    signatory = {k: form.get(f"signatory_{k}", "").strip() or None for k in settings_service.SIGNATORY_KEYS}
    changes["signatories"] = [signatory] if any(signatory.values()) else None
    places = [p.strip() for p in form.get("places", "").splitlines() if p.strip()]
    changes["places"] = places or None
    scale = form.get("predicate_scale", "").strip()
    if scale:
        try:
            changes["predicate_scale"] = json.loads(scale)
        except ValueError:
            raise Invalid(messages=[_("The predicate scale must be written as JSON.")]) from None
    else:
        changes["predicate_scale"] = None
    blocking = {}
    for line in form.get("blocking_checks", "").splitlines():
        check, _sep, mode = line.partition("=")
        if check.strip():
            blocking[check.strip()] = mode.strip()
    changes["blocking_checks"] = blocking or None
    return changes


@bp.route("/r/<region_code>/settings/forms/<" + FORM_ARG + ">", methods=["GET"])
@guard("region.view")
def form_fields(region, form, errors=(), status=200):
    """The effective fields of ``form``: what is core's, inherited, the region's own, and hidden."""
    _form_or_404(form)
    schema = build_schema(region.code, form)
    return render_template("settings/form.html", region=region, form=form, form_label=FORM_LABELS[form],
                           schema=schema, types=FIELD_TYPES, type_labels=TYPE_LABELS, errors=list(errors),
                           may_configure=settings_service.may_configure(current_user, region)), status


@bp.route("/r/<region_code>/settings/forms/<" + FORM_ARG + ">/fields", methods=["POST"])
@guard("region.view")
def add_field(region, form):
    """Add a region field from the settings page."""
    _form_or_404(form)
    data = request.form
    choices = []
    for line in data.get("choices", "").splitlines():
        value, _sep, rest = line.partition("|")
        label_id, _sep2, label_en = rest.partition("|")
        if value.strip():
            choices.append({"value": value.strip(), "label": {"id": label_id.strip() or value.strip(),
                                                              "en": label_en.strip() or label_id.strip()
                                                              or value.strip()}})
    body = {"key": data.get("key", "").strip(), "type": data.get("type"),
            "label": {"id": data.get("label_id", ""), "en": data.get("label_en", "")},
            "help": {"id": data.get("help_id", ""), "en": data.get("help_en", "")},
            "required": data.get("required") == "on", "choices": choices}
    if data.get("order", "").strip().isdigit():
        body["order"] = int(data["order"])
    try:
        storage.add_field(current_user, region, form, body)
    except DomainError as exc:
        return form_fields.__wrapped__(region, form, errors=exc.messages, status=exc.status)
    flash(_("Field added."))
    return redirect(url_for("region_settings.form_fields", region_code=region.code, form=form))


@bp.route("/r/<region_code>/settings/forms/<" + FORM_ARG + ">/fields/<key>", methods=["POST"])
@guard("region.view")
def change_field(region, form, key):
    """Hide, show, require, make optional or delete a field from the settings page."""
    _form_or_404(form)
    action = request.form.get("action")
    changes = {"hide": {"hidden": True}, "show": {"hidden": False}, "require": {"required": True},
               "optional": {"required": False}}
    try:
        if action == "delete":
            storage.delete_field(current_user, region, form, key)
        elif action in changes:
            storage.update_field(current_user, region, form, key, changes[action])
        elif action == "relabel":
            storage.update_field(current_user, region, form, key, {"label": {
                "id": request.form.get("label_id", ""), "en": request.form.get("label_en", "")}})
        else:
            raise Invalid(messages=[_("Unknown action.")])
    except DomainError as exc:
        return form_fields.__wrapped__(region, form, errors=exc.messages, status=exc.status)
    flash(_("Field changed."))
    return redirect(url_for("region_settings.form_fields", region_code=region.code, form=form))
