"""Validating a code against a stored version: the message names the version, in id and en."""

from __future__ import annotations

from core.services.nomenclature import validate_code


def test_a_listed_code_is_valid(app):
    result = validate_code("1.06.04.2.01.0001", "kmdn900-1317-2023", "kabkota", locale="en")
    assert result.ok and result.error is None and result.messages == []
    assert result.check.item.name == "Penyediaan Permakanan"


def test_a_two_digit_sub_kegiatan_under_the_2023_list(app):
    result = validate_code("1.06.04.2.01.01", "kmdn900-1317-2023", "kabkota", locale="id")
    assert not result.ok and result.error == "sub_kegiatan_digits"
    assert result.message == ("Sub kegiatan pada kode 1.06.04.2.01.01 memakai 2 digit; "
                              "Kepmendagri 900.1.15.5-1317/2023 memakai 4 digit.")
    result = validate_code("1.06.04.2.01.01", "kmdn900-1317-2023", "kabkota", locale="en")
    assert result.message == ("The sub kegiatan in code 1.06.04.2.01.01 has 2 digits; "
                              "Kepmendagri 900.1.15.5-1317/2023 uses 4.")


def test_a_province_code_for_a_kabkota(app):
    result = validate_code("1.06.04.1.01.01", "pmdn90-2019", "kabkota", locale="en")
    assert result.error == "authority_mismatch"
    assert result.message == ("Code 1.06.04.1.01.01 carries authority digit 1 (province), but Permendagri 90/2019 "
                              "(Kepmendagri 050-3708/2020) uses 2 for a regency/city.")
    result = validate_code("1.06.04.1.01.01", "pmdn90-2019", "kabkota", locale="id")
    assert result.message.startswith("Kode 1.06.04.1.01.01 bertanda kewenangan 1 (provinsi), padahal Permendagri 90/2019")


def test_the_stored_amended_list_is_used_for_050_5889(app):
    # Amended from the Kota Metro Renstra line 1325; the inherited name stays checked as inherited.
    amended = validate_code("1.06.04.2.01.04", "kmdn050-5889-2021", "kabkota", locale="en")
    assert amended.ok and amended.check.item.name == "Pemberian layanan reunifikasi keluarga"
    assert amended.warnings == ()  # its provenance is the seed's printing, not the inherited list
    inherited = validate_code("1.06.04.2.01.01", "kmdn050-5889-2021", "kabkota", locale="en")
    assert inherited.ok and inherited.warnings == (
        "Code 1.06.04.2.01.01 was checked against the Kepmendagri 050-3708/2020 list that "
        "Kepmendagri 050-5889/2021 inherits.",)
    missing = validate_code("1.06.04.2.01.99", "kmdn050-5889-2021", "kabkota", locale="id")
    assert missing.message == "Kode 1.06.04.2.01.99 tidak ada dalam Kepmendagri 050-5889/2021 untuk kabupaten/kota."


def test_no_list_for_a_province_in_2023(app):
    result = validate_code("1.06.04.1.01.0001", "kmdn900-1317-2023", "provinsi", locale="en")
    assert result.ok and result.check.exists is None
    assert result.warnings == ("There is no Kepmendagri 900.1.15.5-1317/2023 list for a province; whether code "
                               "1.06.04.1.01.0001 exists cannot be checked.",)


def test_the_active_language_is_the_default(seeded_app):
    with seeded_app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert validate_code("", "pmdn90-2019", "kabkota").message == "The code is empty."
    with seeded_app.test_request_context("/", headers={"Accept-Language": "id"}):
        assert validate_code("", "pmdn90-2019", "kabkota").message == "Kode kosong."
