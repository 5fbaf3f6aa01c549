"""The four nomenclature versions and item identity."""

from datetime import date

import pytest

from core.nomenclature.model import VERSIONS, NomenclatureItemSpec, get_version, parent_code


def test_the_four_versions_and_their_chain():
    assert list(VERSIONS) == [
        "pmdn13-2006", "pmdn90-2019", "kmdn050-5889-2021", "kmdn900-1317-2023",
    ]
    assert [VERSIONS[c].predecessor for c in VERSIONS] == [
        None, "pmdn13-2006", "pmdn90-2019", "kmdn050-5889-2021",
    ]


def test_sub_kegiatan_digits_and_issue_dates():
    assert VERSIONS["pmdn13-2006"].sub_kegiatan_digits is None  # program/kegiatan only
    assert VERSIONS["pmdn90-2019"].sub_kegiatan_digits == 2
    assert VERSIONS["kmdn050-5889-2021"].sub_kegiatan_digits == 2
    assert VERSIONS["kmdn900-1317-2023"].sub_kegiatan_digits == 4
    # peraturan_neo row 4 of the sesendok dump: tgl 2023-06-23
    assert VERSIONS["kmdn900-1317-2023"].issued == date(2023, 6, 23)
    assert VERSIONS["kmdn900-1317-2023"].issued_year == 2023
    assert VERSIONS["pmdn13-2006"].issued_year == 2006


def test_unknown_version_is_named():
    with pytest.raises(KeyError, match="pmdn99"):
        get_version("pmdn99")


@pytest.mark.parametrize(
    ("code", "parent"),
    [
        ("1.06.04.2.01.0001", "1.06.04.2.01"),
        ("1.06.04.2.01.01", "1.06.04.2.01"),
        ("1.06.04.2.01", "1.06.04"),
        ("1.06.04", "1.06"),
        ("1.06.01.01", "1.06.01"),  # Permendagri 13 kegiatan
        ("1", None),
    ],
)
def test_parent_code(code, parent):
    assert parent_code(code) == parent


def test_item_key_is_version_jurisdiction_code():
    item = NomenclatureItemSpec("pmdn90-2019", "kabkota", "1.06.02", "program", "X")
    assert item.key == ("pmdn90-2019", "kabkota", "1.06.02")
    assert item.parent_code == "1.06"
