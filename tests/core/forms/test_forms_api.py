"""Region fields through the API: collisions, inheritance and hiding, mandatory fields, deletion,
access (a kab/kota never touches its province's or a sibling's forms), both languages."""

from __future__ import annotations

import jsonschema

from tests.core.forms.conftest import csrf_token


def validate(app, schema_name, instance):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    jsonschema.validate(instance, {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]},
                        cls=jsonschema.Draft202012Validator)


def field(key, type_="text", required=False, choices=None, label=("Uji", "Test")):
    body = {"key": key, "type": type_, "label": {"id": label[0], "en": label[1]}, "required": required}
    if choices is not None:
        body["choices"] = choices
    return body


def keys(response):
    return {f["key"]: f for f in response.get_json()["fields"]}


def test_schema_lists_core_and_plugin_fields_with_origins(forms_app, api):
    response = api("lambar").get("/api/v1/regions/18.04/forms/renja_row")
    assert response.status_code == 200
    validate(forms_app, "FormSchema", response.get_json())
    fields = keys(response)
    assert fields["code"]["origin"] == "core" and fields["code"]["mandatory"] is True
    assert fields["x_sumber_dana"]["origin"] == "region"
    assert fields["x_sumber_dana"]["source"] == "plugin:lampung_barat"
    assert [c["value"] for c in fields["x_sumber_dana"]["choices"]] == ["DAU", "DAK", "PAD", "APBN"]
    assert api("lambar").get("/api/v1/regions/18.04/forms/nope").status_code == 404


def test_collisions_are_refused(forms_app, api):
    admin = api("lambar_admin")
    assert admin.post("/api/v1/regions/18.04/forms/pk/fields", field("name")).status_code == 409
    response = admin.post("/api/v1/regions/18.04/forms/pk/fields", field("sumber_dana"))
    assert response.status_code == 422 and "x_" in response.get_json()["errors"][0]
    # the plugin's own field
    assert admin.post("/api/v1/regions/18.04/forms/renja_row/fields", field("x_lokasi")).status_code == 409
    created = admin.post("/api/v1/regions/18.04/forms/pk/fields", field("x_kelompok_sasaran"))
    assert created.status_code == 201, created.get_json()
    validate(forms_app, "FormField", created.get_json())
    assert admin.post("/api/v1/regions/18.04/forms/pk/fields", field("x_kelompok_sasaran")).status_code == 409
    # a province field may not take a key one of its kab/kota uses
    assert api("lampung").post("/api/v1/regions/18/forms/pk/fields", field("x_kelompok_sasaran")).status_code == 409


def test_wrong_input_is_refused_in_both_languages(forms_app, api):
    body = field("x_dana_uji", "choice", required="yes", choices=[])
    en = api("lambar_admin", "en").post("/api/v1/regions/18.04/forms/evidence/fields", body)
    idn = api("lambar_admin", "id").post("/api/v1/regions/18.04/forms/evidence/fields", body)
    assert en.status_code == idn.status_code == 422
    assert en.get_json()["errors"] == ["required must be true or false.", "A choice field needs choices."]
    assert idn.get_json()["errors"] == ["required harus true atau false.", "Kolom pilihan memerlukan pilihan."]
    assert "x_dana_uji" not in keys(api("lambar").get("/api/v1/regions/18.04/forms/evidence"))


def test_province_field_is_inherited_until_kota_metro_hides_it(forms_app, api):
    lampung = api("lampung")
    assert lampung.post("/api/v1/regions/18/forms/renja_row/fields",
                        field("x_prioritas_daerah", "multi_choice",
                              choices=[{"value": "spm", "label": {"id": "SPM", "en": "SPM"}},
                                       {"value": "miskin", "label": {"id": "Kemiskinan", "en": "Poverty"}}])
                        ).status_code == 201
    for code, user in (("18.04", "lambar"), ("18.72", "metro")):
        inherited = keys(api(user).get(f"/api/v1/regions/{code}/forms/renja_row"))["x_prioritas_daerah"]
        assert (inherited["origin"], inherited["defined_in"], inherited["hidden"]) == ("province", "18", False)
    hidden = api("metro_admin").patch("/api/v1/regions/18.72/forms/renja_row/fields/x_prioritas_daerah",
                                      {"hidden": True})
    assert hidden.status_code == 200 and hidden.get_json()["hidden_by"] == "18.72"
    assert keys(api("metro").get("/api/v1/regions/18.72/forms/renja_row"))["x_prioritas_daerah"]["hidden"] is True
    assert keys(api("lambar").get("/api/v1/regions/18.04/forms/renja_row"))["x_prioritas_daerah"]["hidden"] is False
    # A required province field cannot be hidden by a kab/kota.
    assert lampung.post("/api/v1/regions/18/forms/renja_row/fields",
                        field("x_wajib_provinsi", required=True)).status_code == 201
    refused = api("metro_admin").patch("/api/v1/regions/18.72/forms/renja_row/fields/x_wajib_provinsi",
                                       {"hidden": True})
    assert refused.status_code == 422
    assert keys(api("metro").get("/api/v1/regions/18.72/forms/renja_row"))["x_wajib_provinsi"]["hidden"] is False


def test_mandatory_core_fields_cannot_be_hidden_or_made_optional(forms_app, api):
    admin = api("metro_admin", "id")
    for change in ({"hidden": True}, {"required": False}):
        response = admin.patch("/api/v1/regions/18.72/forms/realisation/fields/value", change)
        assert response.status_code == 422
        assert "tidak dapat" in response.get_json()["errors"][0]
    fields = keys(admin.get("/api/v1/regions/18.72/forms/realisation"))
    assert fields["value"]["hidden"] is False and fields["value"]["required"] is True
    # An optional core field may be hidden.
    assert admin.patch("/api/v1/regions/18.72/forms/realisation/fields/narrative", {"hidden": True}).status_code == 200
    assert keys(admin.get("/api/v1/regions/18.72/forms/realisation"))["narrative"]["hidden"] is True


def test_deleting_a_field_keeps_stored_values_readable(forms_app, api):
    from core.errors import Invalid
    from core.forms import display_values, validate_values

    admin = api("lambar_admin")
    assert admin.post("/api/v1/regions/18.04/forms/rencana_aksi/fields",
                      field("x_sumber_uji", "choice", choices=[{"value": "DAK", "label": {"id": "Dana Alokasi Khusus",
                                                                                           "en": "Special fund"}}],
                            label=("Sumber uji", "Test source"))).status_code == 201
    with forms_app.test_request_context():
        stored = validate_values("18.04", "rencana_aksi", {"x_sumber_uji": "DAK"}, locale="en",
                                 only_region_fields=True)
    assert stored == {"x_sumber_uji": "DAK"}
    assert admin.delete("/api/v1/regions/18.04/forms/rencana_aksi/fields/x_sumber_uji").status_code == 204
    assert "x_sumber_uji" not in keys(admin.get("/api/v1/regions/18.04/forms/rencana_aksi"))
    with forms_app.test_request_context():
        shown = display_values("18.04", "rencana_aksi", stored, "id")
        assert shown == [{"key": "x_sumber_uji", "label": "Sumber uji", "text": "Dana Alokasi Khusus",
                          "deleted": True, "hidden": False}]
        try:
            validate_values("18.04", "rencana_aksi", stored, locale="en", only_region_fields=True)
            raise AssertionError("a deleted field takes no new value")
        except Invalid as exc:
            assert exc.messages == ["Test source is not a field of this form."]
    # A core field or a plugin's is not deleted, but hidden.
    assert admin.delete("/api/v1/regions/18.04/forms/rencana_aksi/fields/responsible_unit").status_code == 409


def test_access_a_kab_kota_never_changes_its_province_or_a_sibling(forms_app, api):
    body = field("x_akses_uji")
    assert api("metro_admin").post("/api/v1/regions/18/forms/pk/fields", body).status_code == 404
    assert api("metro_admin").post("/api/v1/regions/18.04/forms/pk/fields", body).status_code == 404
    assert api("metro_admin").get("/api/v1/regions/18.04/forms/pk").status_code == 404
    assert api("metro").post("/api/v1/regions/18.72/forms/pk/fields", body).status_code == 403  # a planner reads
    assert api("metro").get("/api/v1/regions/18.72/forms/pk").status_code == 200
    assert api("metro_admin").patch("/api/v1/regions/18/forms/pk/fields/name", {"hidden": True}).status_code == 404
    # The provincial admin: its province's defaults, and the kab/kota it hosts.
    assert api("lampung").post("/api/v1/regions/18.72/forms/pk/fields", body).status_code == 201


def test_a_session_write_needs_the_csrf_token(forms_app, browser_as):
    client = browser_as("lambar_admin")
    path = "/api/v1/regions/18.04/forms/evidence/fields"
    assert client.post(path, json=field("x_sesi_uji")).status_code == 400
    token = csrf_token(client, "/r/18.04/settings/forms/evidence")
    response = client.post(path, json=field("x_sesi_uji"), headers={"X-CSRFToken": token})
    assert response.status_code == 201, response.get_json()
