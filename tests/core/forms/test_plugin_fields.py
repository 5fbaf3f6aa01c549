"""pelita_form_fields: plugins declare fields as frozen data; a bad answer stops startup naming the plugin."""

from __future__ import annotations

import types

import pytest

from core.hookspecs import hookimpl
from core.plugins import PluginError, PluginRegistry
from core.specs import FieldChoice, FormFields, FormFieldSpec, RegionInfo


def _region_plugin(name, answer):
    module = types.ModuleType(name)
    module.REGION_CODE = "18.99"

    @hookimpl
    def pelita_region_info():
        return RegionInfo(code="18.99", name="Kota Uji", level="kota", agency_name="Dinas Sosial Kota Uji",
                          parent_code="18")

    @hookimpl
    def pelita_form_fields(region, form):
        return answer if form == "renja_row" else None

    module.pelita_region_info = pelita_region_info
    module.pelita_form_fields = pelita_form_fields
    return module


@pytest.mark.parametrize(("answer", "problem"), [
    (FormFields(fields=(FormFieldSpec("sumber_dana", "text", "Sumber dana", "Source of funds"),)), "x_"),
    (FormFields(fields=(FormFieldSpec("x_dana", "float", "Dana", "Funds"),)), "unknown type 'float'"),
    (FormFields(fields=(FormFieldSpec("x_dana", "choice", "Dana", "Funds"),)), "needs choices"),
    (FormFields(fields=(FormFieldSpec("x_dana", "text", "Dana", ""),)), "label in Indonesian and in English"),
    (FormFields(fields=(FormFieldSpec("x_a", "text", "A", "A"), FormFieldSpec("x_a", "text", "A", "A"))),
     "given twice"),
    (FormFields(hidden=("code",)), "legally mandatory"),
    ((FormFieldSpec("x_a", "text", "A", "A"),), "must return FormFields"),
])
def test_invalid_plugin_field_is_refused_at_startup_naming_the_plugin(answer, problem):
    registry = PluginRegistry(["prov_lampung"], [("kota_uji_rusak", _region_plugin("kota_uji_rusak", answer))])
    with pytest.raises(PluginError) as caught:
        registry.validate()
    assert "kota_uji_rusak" in str(caught.value) and "pelita_form_fields (renja_row)" in str(caught.value)
    assert problem in str(caught.value)


def test_a_valid_plugin_field_passes():
    answer = FormFields(fields=(FormFieldSpec("x_dana", "choice", "Dana", "Funds",
                                              choices=(FieldChoice("DAU", "DAU", "DAU"),)),),
                        hidden=("responsible_unit",))
    PluginRegistry(["prov_lampung"], [("kota_uji_baik", _region_plugin("kota_uji_baik", answer))]).validate()


def test_seed_regions_declare_the_fields_their_documents_print(forms_app):
    from core.forms import effective_schema

    with forms_app.test_request_context():
        lambar = effective_schema("18.04", "renja_row")
        own = [f for f in lambar.fields if f.origin == "region"]
        assert [(f.key, f.source) for f in own] == [("x_lokasi", "plugin:lampung_barat"),
                                                    ("x_sumber_dana", "plugin:lampung_barat"),
                                                    ("x_catatan_penting", "plugin:lampung_barat")]
        assert [f.key for f in effective_schema("18.72", "renja_row").fields if not f.is_core] == []
        assert [f.key for f in effective_schema("18.72", "renstra_item").fields if not f.is_core] == []
