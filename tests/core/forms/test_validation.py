"""validate_values: one message per bad field, in the user's language; numbers read strictly."""

from __future__ import annotations

import pytest

from core.errors import Invalid
from core.forms import validate_values


def _messages(forms_app, values, locale, form="renja_row", code="18.04"):
    with forms_app.test_request_context():
        with pytest.raises(Invalid) as caught:
            validate_values(code, form, values, locale=locale, only_region_fields=True)
        return caught.value.messages


def test_wrong_types_unknown_choice_and_unknown_key_in_english(forms_app):
    messages = _messages(forms_app, {"x_sumber_dana": "DBH", "x_lokasi": 12, "x_nope": "1"}, "en")
    assert messages == ["x_nope is not a field of this form.", "Location must be text.",
                        'Source of funds: "DBH" is not one of the choices.']


def test_the_same_in_indonesian(forms_app):
    messages = _messages(forms_app, {"x_sumber_dana": "DBH", "x_lokasi": 12}, "id")
    assert messages == ["Lokasi harus berupa teks.", 'Sumber dana: "DBH" bukan salah satu pilihan.']


@pytest.mark.parametrize("value", [1.5, "1.234,5", "12abc", True, "1e3"])
def test_numbers_are_read_strictly(forms_app, value):
    from core.forms.schema import EffectiveField, Schema
    from core.forms.validation import validate_with

    schema = Schema("18.04", "renja_row", [EffectiveField("x_n", "decimal", "Angka", "Number", origin="region")])
    with forms_app.test_request_context():
        with pytest.raises(Invalid) as caught:
            validate_with(schema, {"x_n": value}, locale="en")
        assert caught.value.messages == ["Number must be a number written with a dot for decimals, e.g. 1234.5."]
        assert validate_with(schema, {"x_n": "1234.50"}, locale="en") == {"x_n": "1234.50"}
        assert validate_with(schema, {"x_n": 7}, locale="en") == {"x_n": "7"}


def test_clean_values_and_required(forms_app):
    from core.forms.schema import EffectiveField, Schema
    from core.forms.validation import validate_with
    from core.specs import FieldChoice

    choices = (FieldChoice("spm", "SPM", "SPM"), FieldChoice("miskin", "Kemiskinan", "Poverty"))
    schema = Schema("18.04", "renja_row", [
        EffectiveField("x_tags", "multi_choice", "Tag", "Tags", choices=choices, origin="region"),
        EffectiveField("x_when", "date", "Tanggal", "Date", required=True, origin="region"),
        EffectiveField("x_ok", "boolean", "Selesai", "Done", origin="region"),
        EffectiveField("x_rp", "money", "Dana", "Funds", origin="region"),
    ])
    with forms_app.test_request_context():
        clean = validate_with(schema, {"x_tags": ["miskin", "spm"], "x_when": "2024-03-01", "x_ok": "ya",
                                       "x_rp": "1500000.50"}, locale="id")
        assert clean == {"x_tags": ["spm", "miskin"], "x_when": "2024-03-01", "x_ok": True, "x_rp": "1500000.50"}
        with pytest.raises(Invalid) as caught:
            validate_with(schema, {"x_rp": "1.001", "x_tags": ["stunting"]}, locale="en")
        assert caught.value.messages == ['Tags: "stunting" is not one of the choices.', "Date is required.",
                                         "Funds must be an amount of rupiah of at most two decimals, e.g. 1500000."]
        # A PATCH: an absent required field is not missing.
        assert validate_with(schema, {"x_ok": False}, locale="en", partial=True) == {"x_ok": False}
