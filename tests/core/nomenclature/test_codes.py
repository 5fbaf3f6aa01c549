"""Validating codes against a version and jurisdiction, with messages in both languages."""

import re

import pytest

from core.nomenclature.codes import MESSAGES, Message, check_code, parse_code, patterns, render
from core.nomenclature.loader import amend, load_items
from core.nomenclature.model import NomenclatureItemSpec


@pytest.mark.parametrize(
    ("code", "version", "jurisdiction", "level"),
    [
        ("1.06.01.2.08.0001", "kmdn900-1317-2023", "kabkota", "sub_kegiatan"),  # 2023 CSV line 74
        ("1.06.04.2.01", "kmdn900-1317-2023", "kabkota", "kegiatan"),
        ("1.06.04.2.01.13", "pmdn90-2019", "kabkota", "sub_kegiatan"),  # pmdn90 CSV line 130
        ("1.06.04.1.01.01", "pmdn90-2019", "provinsi", "sub_kegiatan"),  # pmdn90 CSV line 16
        ("1.06.01.01", "pmdn13-2006", "kabkota", "kegiatan"),  # pmdn13 CSV line 6
        ("1.06.16", "pmdn13-2006", "provinsi", "program"),  # pmdn13 CSV line 78
        ("1.06", "pmdn90-2019", "provinsi", "bidang_urusan"),
    ],
)
def test_good_codes(code, version, jurisdiction, level):
    result = check_code(code, version, jurisdiction)
    assert result.ok and result.exists is True
    assert result.error is None and result.message is None
    assert result.level == level
    assert result.item.code == code


def test_parts_of_a_five_level_code():
    parts = parse_code("1.06.04.2.01.0012", "kmdn900-1317-2023")
    assert (parts.urusan, parts.bidang, parts.program) == ("1", "06", "04")
    assert (parts.authority, parts.kegiatan, parts.sub_kegiatan) == ("2", "01", "0012")
    assert parse_code("1.06.04.2.01.12", "kmdn900-1317-2023") is None
    old = parse_code("1.06.01.01", "pmdn13-2006")
    assert (old.program, old.kegiatan, old.authority) == ("01", "01", None)


def test_two_digit_sub_kegiatan_in_the_2023_version():
    result = check_code("1.06.01.2.08.01", "kmdn900-1317-2023", "kabkota")
    assert not result.ok and result.error == "sub_kegiatan_digits"
    assert result.message.render("id") == (
        "Sub kegiatan pada kode 1.06.01.2.08.01 memakai 2 digit; "
        "Kepmendagri 900.1.15.5-1317/2023 memakai 4 digit."
    )
    assert result.message.render("en") == (
        "The sub kegiatan in code 1.06.01.2.08.01 has 2 digits; "
        "Kepmendagri 900.1.15.5-1317/2023 uses 4."
    )


def test_four_digit_sub_kegiatan_in_050_5889():
    result = check_code("1.06.04.2.01.0001", "kmdn050-5889-2021", "kabkota")
    assert result.error == "sub_kegiatan_digits"
    assert result.message.render("en") == (
        "The sub kegiatan in code 1.06.04.2.01.0001 has 4 digits; Kepmendagri 050-5889/2021 uses 2."
    )


def test_provincial_kegiatan_for_a_kabkota():
    result = check_code("1.06.04.1.01.01", "pmdn90-2019", "kabkota")
    assert result.error == "authority_mismatch"
    assert result.level == "sub_kegiatan"
    assert result.message.render("id") == (
        "Kode 1.06.04.1.01.01 bertanda kewenangan 1 (provinsi), padahal Permendagri 90/2019 "
        "(Kepmendagri 050-3708/2020) memakai 2 untuk kabupaten/kota."
    )
    assert result.message.render("en") == (
        "Code 1.06.04.1.01.01 carries authority digit 1 (province), but Permendagri 90/2019 "
        "(Kepmendagri 050-3708/2020) uses 2 for a regency/city."
    )


def test_kabkota_kegiatan_for_a_provinsi():
    result = check_code("1.06.04.2.01", "kmdn050-5889-2021", "provinsi")
    assert result.error == "authority_mismatch"
    assert "uses 1 for a province" in result.message.render("en")


def test_permendagri_13_code_in_a_new_version():
    result = check_code("1.06.01.01", "pmdn90-2019", "kabkota")
    assert result.error == "other_version_format"
    assert result.message.render("id") == (
        "Kode 1.06.01.01 ditulis dalam format Permendagri 13/2006, bukan Permendagri 90/2019 "
        "(Kepmendagri 050-3708/2020) (X.XX.XX, X.XX.XX.X.XX, X.XX.XX.X.XX.XX)."
    )


def test_new_code_in_permendagri_13():
    result = check_code("1.06.04.2.01.0001", "pmdn13-2006", "kabkota")
    assert result.error == "other_version_format"
    assert result.message.render("en") == (
        "Code 1.06.04.2.01.0001 is written in the Kepmendagri 900.1.15.5-1317/2023 format, "
        "not Permendagri 13/2006 (X.XX.XX, X.XX.XX.XX)."
    )


def test_bad_structure_and_characters():
    result = check_code("1.06.4.2.01", "pmdn90-2019", "kabkota")
    assert result.error == "bad_structure"
    assert result.message.render("en") == (
        "Code 1.06.4.2.01 does not fit the Permendagri 90/2019 (Kepmendagri 050-3708/2020) "
        "format: X.XX.XX, X.XX.XX.X.XX, X.XX.XX.X.XX.XX."
    )
    assert check_code("1 06 04", "pmdn90-2019", "kabkota").error == "malformed"
    assert check_code("1.06.04.", "pmdn90-2019", "kabkota").error == "malformed"
    assert check_code("  ", "pmdn90-2019", "kabkota").message.render("id") == "Kode kosong."
    assert check_code("", "pmdn90-2019", "kabkota").message.render("en") == "The code is empty."


def test_well_formed_but_absent():
    result = check_code("1.06.04.2.01.14", "pmdn90-2019", "kabkota")
    assert not result.ok and result.error == "not_found" and result.level == "sub_kegiatan"
    assert result.message.render("id") == (
        "Kode 1.06.04.2.01.14 tidak ada dalam Permendagri 90/2019 (Kepmendagri 050-3708/2020) "
        "untuk kabupaten/kota."
    )
    assert result.message.render("en") == (
        "Code 1.06.04.2.01.14 is not in Permendagri 90/2019 (Kepmendagri 050-3708/2020) "
        "for a regency/city."
    )
    # the Program Penunjang is not in the SIMCAN list of 050-3708
    assert check_code("1.06.01.2.08.01", "pmdn90-2019", "kabkota").error == "not_found"


def test_unverified_authority_digit_passes_only_when_listed():
    listed = check_code("1.06.02.3.03.0006", "kmdn900-1317-2023", "kabkota")  # 2023 CSV
    assert listed.ok and listed.exists
    assert [w.key for w in listed.warnings] == ["authority_unverified"]
    assert listed.messages("en") == [
        "Authority digit 3 in code 1.06.02.3.03.0006 is in Kepmendagri 900.1.15.5-1317/2023, "
        "but its meaning is not verified."
    ]
    unlisted = check_code("1.06.02.3.03.0001", "kmdn900-1317-2023", "kabkota")
    assert unlisted.error == "authority_unknown"
    assert unlisted.message.render("id") == (
        "Digit kewenangan 3 pada kode 1.06.02.3.03.0001 tidak dikenal dalam "
        "Kepmendagri 900.1.15.5-1317/2023 (1 = provinsi, 2 = kabupaten/kota)."
    )


def test_no_list_for_the_jurisdiction():
    result = check_code("1.06.04.1.01.0001", "kmdn900-1317-2023", "provinsi")
    assert result.ok and result.exists is None
    assert result.messages("id") == [
        "Tidak ada daftar Kepmendagri 900.1.15.5-1317/2023 untuk provinsi; keberadaan kode "
        "1.06.04.1.01.0001 tidak dapat diperiksa."
    ]


def test_other_bidang_is_outside_coverage():
    result = check_code("1.02.02.2.01.01", "pmdn90-2019", "kabkota")
    assert result.ok and result.exists is None
    assert [w.key for w in result.warnings] == ["outside_coverage"]
    assert result.messages("en")[0].startswith(
        "The Permendagri 90/2019 (Kepmendagri 050-3708/2020) reference list covers bidang urusan 1.06"
    )


def test_inherited_list_is_flagged_and_amendments_count():
    result = check_code("1.06.04.2.01.01", "kmdn050-5889-2021", "kabkota")
    assert result.ok and result.exists
    assert result.messages("en") == [
        "Code 1.06.04.2.01.01 was checked against the Kepmendagri 050-3708/2020 list that "
        "Kepmendagri 050-5889/2021 inherits."
    ]
    extra = NomenclatureItemSpec("kmdn050-5889-2021", "kabkota", "1.06.04.2.01.14",
                                 "sub_kegiatan", "Baru", provenance="seed 003 line 1250")
    items = amend(load_items("kmdn050-5889-2021"), [extra])
    amended = check_code("1.06.04.2.01.14", "kmdn050-5889-2021", "kabkota", items=items)
    assert amended.ok and amended.exists and amended.warnings == ()
    assert check_code("1.06.04.2.01.14", "kmdn050-5889-2021", "kabkota").error == "not_found"


def test_unknown_version_and_jurisdiction():
    assert check_code("1.06", "pmdn99", "kabkota").message.render("en") == (
        "Unknown nomenclature version pmdn99."
    )
    assert check_code("1.06", "pmdn90-2019", "desa").message.render("id") == (
        "Jenis pemerintah daerah desa tidak dikenal (provinsi, kabkota atau all)."
    )


def test_jurisdiction_all_accepts_either_authority():
    assert check_code("1.06.04.1.01.01", "pmdn90-2019", "all").ok
    assert check_code("1.06.04.2.01.01", "pmdn90-2019", "all").ok


def test_every_message_exists_in_both_languages_with_the_same_fields():
    assert set(MESSAGES["id"]) == set(MESSAGES["en"])
    for key in MESSAGES["id"]:
        fields_id = set(re.findall(r"{(\w+)}", MESSAGES["id"][key]))
        fields_en = set(re.findall(r"{(\w+)}", MESSAGES["en"][key]))
        assert fields_id == fields_en, key


def test_message_names_the_version():
    message = Message("not_found", (("code", "1.06.09"), ("jurisdiction", "provinsi"),
                                    ("version_name", "Permendagri 13/2006")))
    assert render(message, "en") == "Code 1.06.09 is not in Permendagri 13/2006 for a province."
    assert render(message, "id") == "Kode 1.06.09 tidak ada dalam Permendagri 13/2006 untuk provinsi."


def test_patterns():
    assert patterns("pmdn13-2006") == "X.XX.XX, X.XX.XX.XX"
    assert patterns("kmdn900-1317-2023") == "X.XX.XX, X.XX.XX.X.XX, X.XX.XX.X.XX.XXXX"
