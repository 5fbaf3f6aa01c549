"""Region settings: inheritance, versions (settings_at), labels in templates, the predicate scale."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import jsonschema
from sqlalchemy import select

from core.extensions import db
from core.models import AuditLog, PlanDocument, Region
from tests.core.forms.conftest import csrf_token


def _region(code):
    return db.session.scalar(select(Region).where(Region.code == code))


def _lakip_iku_row(forms_app, locale="id"):
    from core.app import plugins
    from core.reports.build import build_report
    from core.reports.registry import layout_by_id, region_layouts

    with forms_app.test_request_context():
        region = _region("18.72")
        document = db.session.scalar(select(PlanDocument).where(PlanDocument.region_id == region.id,
                                                                PlanDocument.key == "lakip-2023"))
        layout = layout_by_id(region_layouts(plugins(), "18.72"), "kota-metro-lakip-iku")
        (row,) = build_report(region, layout, document, locale).rows
        return row


def test_settings_api_shape_and_access(forms_app, api):
    response = api("metro").get("/api/v1/regions/18.72/settings")
    assert response.status_code == 200
    spec = forms_app.test_client().get("/api/v1/openapi.json").get_json()
    jsonschema.validate(response.get_json(), {"$ref": "#/components/schemas/RegionSettings",
                                              "components": spec["components"]},
                        cls=jsonschema.Draft202012Validator)
    assert response.get_json()["sources"]["predicate_scale"] == "plugin:kota_metro@18.72"
    assert api("metro").put("/api/v1/regions/18.72/settings", {"note_threshold": "60"}).status_code == 403
    assert api("metro_admin").put("/api/v1/regions/18/settings", {"note_threshold": "60"}).status_code == 404
    assert api("metro_admin").put("/api/v1/regions/18.04/settings", {"note_threshold": "60"}).status_code == 404
    bad = api("metro_admin", "id").put("/api/v1/regions/18.72/settings", {"note_threshold": 1.5, "warna": "x"})
    assert bad.status_code == 422 and len(bad.get_json()["errors"]) == 2


def test_a_change_leaves_settings_at_a_previous_time_unchanged(forms_app, api):
    from core.services.region_settings import settings_at

    admin = api("lambar_admin")
    header = {"pemda": "PEMERINTAH KABUPATEN LAMPUNG BARAT", "tagline": "Uji satu"}
    first = admin.put("/api/v1/regions/18.04/settings", {"report_header": header,
                                                        "signatories": [{"name": "Drs. Uji", "nip": "1970 0101",
                                                                         "jabatan": "Kepala Dinas"}]})
    assert first.status_code == 200, first.get_json()
    between = datetime.now(timezone.utc)
    second = admin.put("/api/v1/regions/18.04/settings", {"report_header": {**header, "tagline": "Uji dua"}})
    assert second.get_json()["version"] == first.get_json()["version"] + 1
    with forms_app.test_request_context():
        then, now = settings_at("18.04", between), settings_at("18.04", None)
        assert then["report_header"]["tagline"] == "Uji satu" and now["report_header"]["tagline"] == "Uji dua"
        assert now["signatories"][0]["name"] == "Drs. Uji"  # kept: not part of the second change
        assert db.session.scalar(select(AuditLog.id).where(AuditLog.entity == "region_settings_version"))


def test_label_renamed_per_region_in_each_language(forms_app, api, browser_as):
    assert api("metro_admin").put("/api/v1/regions/18.72/settings", {"labels": {
        "responsible_unit": {"id": "Bidang pelaksana", "en": "Implementing division"}}}).status_code == 200
    with forms_app.app_context():
        metro_doc = db.session.scalar(select(PlanDocument.id).where(PlanDocument.key == "renstra-2021-2026",
                                                                    PlanDocument.region_id == _region("18.72").id))
        lambar_doc = db.session.scalar(select(PlanDocument.id).where(PlanDocument.region_id == _region("18.04").id))
    metro = browser_as("metro")
    metro.post("/language", data={"locale": "id", "csrf_token": csrf_token(metro, "/")})
    page = metro.get(f"/r/18.72/documents/{metro_doc}").get_data(as_text=True)
    assert "Bidang pelaksana" in page and "Unit penanggung jawab" not in page
    metro.post("/language", data={"locale": "en", "csrf_token": csrf_token(metro, "/")})
    assert "Implementing division" in metro.get(f"/r/18.72/documents/{metro_doc}").get_data(as_text=True)
    lambar = browser_as("lambar")
    lambar.post("/language", data={"locale": "id", "csrf_token": csrf_token(lambar, "/")})
    page = lambar.get(f"/r/18.04/documents/{lambar_doc}").get_data(as_text=True)
    # Lampung Barat keeps its own plugin's wording (pelita_translations), untouched by Kota Metro's setting.
    assert "Perangkat Daerah Penanggung Jawab" in page and "Bidang pelaksana" not in page


def test_kota_metro_scale_and_lakip_numbers_come_from_its_settings(forms_app, api):
    from core.services.region_settings import achievement_rules, settings_at

    # 001 line 779 and Tabel 3.1 (lines 484-491): capaian 101.39, "91 and above" is Sangat tinggi.
    row = _lakip_iku_row(forms_app)
    assert (row.values["capaian"], row.values["predicate"]) == (Decimal("101.39"), "Sangat tinggi")
    with forms_app.test_request_context():
        assert achievement_rules("18.72").predicate_scale.id == "kota-metro-lakip-2023"
    # A province's scale is its kab/kota's default, but Kota Metro's own (its plugin) is more specific.
    province_scale = {"id": "lampung-uji", "bands": [
        {"lower": "95", "lower_inclusive": True, "upper": None, "label": "Istimewa", "label_en": "Outstanding"},
        {"lower": None, "upper": "95", "upper_inclusive": False, "label": "Biasa", "label_en": "Ordinary"}]}
    assert api("lampung").put("/api/v1/regions/18/settings", {"predicate_scale": province_scale}).status_code == 200
    with forms_app.test_request_context():
        assert achievement_rules("18.04").predicate_scale.id == "lampung-uji"
        assert achievement_rules("18.72").predicate_scale.id == "kota-metro-lakip-2023"
    assert _lakip_iku_row(forms_app).values["predicate"] == "Sangat tinggi"
    # Kota Metro's admin sets a scale in its settings: it replaces the plugin's from now on.
    before = datetime.now(timezone.utc)
    metro_scale = {**province_scale, "id": "metro-uji", "bands": [
        {**province_scale["bands"][0], "lower": "102"}, {**province_scale["bands"][1], "upper": "102"}]}
    assert api("metro_admin").put("/api/v1/regions/18.72/settings",
                                  {"predicate_scale": metro_scale}).status_code == 200
    assert _lakip_iku_row(forms_app).values["predicate"] == "Biasa"
    with forms_app.test_request_context():
        assert achievement_rules("18.72", before).predicate_scale.id == "kota-metro-lakip-2023"
        assert settings_at("18.72", before)["_sources"]["predicate_scale"] == "plugin:kota_metro@18.72"
    # Removing it brings the plugin's back.
    assert api("metro_admin").put("/api/v1/regions/18.72/settings", {"predicate_scale": None}).status_code == 200
    assert _lakip_iku_row(forms_app).values["predicate"] == "Sangat tinggi"
    assert api("lampung").put("/api/v1/regions/18/settings", {"predicate_scale": None}).status_code == 200


def test_settings_pages_show_origins_and_add_a_field(forms_app, browser_as):
    admin = browser_as("lambar_admin")
    page = admin.get("/r/18.04/settings/forms/renja_row").get_data(as_text=True)
    assert 'data-key="x_sumber_dana" data-origin="region"' in page and "lampung_barat" in page
    token = csrf_token(admin, "/r/18.04/settings/forms/renja_row")
    response = admin.post("/r/18.04/settings/forms/renja_row/fields", data={
        "csrf_token": token, "key": "x_tag_uji", "type": "multi_choice", "label_id": "Tag", "label_en": "Tags",
        "choices": "spm|SPM|SPM\nmiskin|Kemiskinan|Poverty"})
    assert response.status_code == 302
    page = admin.get("/r/18.04/settings/forms/renja_row").get_data(as_text=True)
    assert 'data-key="x_tag_uji" data-origin="region"' in page
    refused = admin.post("/r/18.04/settings/forms/renja_row/fields/code", data={"csrf_token": token, "action": "hide"})
    assert refused.status_code == 422
    planner = browser_as("lambar")
    assert planner.get("/r/18.04/settings").status_code == 200
    assert planner.post("/r/18.04/settings/forms/renja_row/fields/x_tag_uji",
                        data={"csrf_token": csrf_token(planner, "/r/18.04/settings"), "action": "delete"}
                        ).status_code == 403
    assert browser_as("metro").get("/r/18.04/settings").status_code == 404


def test_a_layout_column_shows_a_region_field(forms_app):
    from types import SimpleNamespace

    from core.reports.layout import Column, Layout
    from core.reports.sources import _field_columns

    layout = Layout(id="uji", title="Uji", columns=(Column("name", "Name"),
                                                    Column("field:x_sumber_dana", "Sumber dana")))
    with forms_app.test_request_context():
        document = SimpleNamespace(doc_type="renja", region=_region("18.04"))
        ctx = SimpleNamespace(document=document, locale="en")
        item = SimpleNamespace(fields={"x_sumber_dana": "DAK", "x_lain": "1"})
        assert _field_columns(ctx, layout, item) == {"field:x_sumber_dana": "Special allocation fund (DAK)"}
        assert _field_columns(ctx, layout, SimpleNamespace(fields=None)) == {}
