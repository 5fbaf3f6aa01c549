"""Diffs between loaded versions, with rows checked by hand against the CSVs."""

import pytest

from core.nomenclature.diff import NoListError, diff_items, diff_versions
from core.nomenclature.model import NomenclatureItemSpec


def counts(old, new, jurisdiction):
    return diff_versions(old, new, jurisdiction).counts()


def test_pmdn90_to_2023_kabkota_counts():
    diff = diff_versions("pmdn90-2019", "kmdn900-1317-2023", "kabkota")
    assert diff.counts() == {
        "unchanged": 18, "renamed": 0, "renumbered": 52, "removed": 1, "added": 118,
    }
    by_level = diff.counts_by_level()
    # 1 bidang + 6 programs + 11 kegiatan keep code and name
    assert by_level["kegiatan"] == {
        "unchanged": 11, "renamed": 0, "renumbered": 0, "removed": 0, "added": 22,
    }
    # the 53 old sub kegiatan: 52 found again with 4 digits, 1 duplicate left over
    assert by_level["sub_kegiatan"] == {
        "unchanged": 0, "renamed": 0, "renumbered": 52, "removed": 1, "added": 95,
    }
    assert by_level["program"]["added"] == 1  # 1.06.01 Program Penunjang: not in SIMCAN


def test_pmdn90_to_2023_rows_checked_by_hand():
    diff = diff_versions("pmdn90-2019", "kmdn900-1317-2023", "kabkota")
    pairs = {(r.from_code, r.to_code): r.kind for r in diff.rows}
    # pmdn90 CSV line 129 / 2023 CSV line 141: same name, 12 -> 0012
    assert pairs[("1.06.04.2.01.12", "1.06.04.2.01.0012")] == "renumbered"
    # pmdn90 CSV line 130: the second "Pemberian Layanan Rujukan" has no partner left
    assert pairs[("1.06.04.2.01.13", None)] == "removed"
    # pmdn90 CSV line 139 "...NAPZArn" / 2023 CSV line 150 "...NAPZA"
    assert pairs[("1.06.04.2.02.08", "1.06.04.2.02.0008")] == "renumbered"
    # pmdn90 CSV line 145 "Kerjasama Antar" / 2023 CSV line 156 "Kerja Sama antar"
    assert pairs[("1.06.04.2.02.14", "1.06.04.2.02.0014")] == "renumbered"
    # pmdn90 CSV line 144 / 2023: "Pemberian Layanan Rujukan" stays under its own kegiatan
    assert pairs[("1.06.04.2.02.13", "1.06.04.2.02.0013")] == "renumbered"
    assert pairs[("1.06.05.2.01", "1.06.05.2.01")] == "unchanged"
    assert pairs[(None, "1.06.01.2.08.0001")] == "added"
    assert pairs[(None, "1.06.02.3.03.0006")] == "added"


def test_pmdn13_to_pmdn90_counts():
    assert counts("pmdn13-2006", "pmdn90-2019", "kabkota") == {
        "unchanged": 0, "renamed": 6, "renumbered": 0, "removed": 113, "added": 65,
    }
    assert counts("pmdn13-2006", "pmdn90-2019", "provinsi") == {
        "unchanged": 0, "renamed": 6, "renumbered": 0, "removed": 113, "added": 92,
    }


def test_pmdn13_to_pmdn90_same_code_other_meaning_is_renamed():
    diff = diff_versions("pmdn13-2006", "pmdn90-2019", "kabkota")
    renamed = {r.from_code: (r.from_item.name, r.to_item.name) for r in diff.of_kind("renamed")}
    assert sorted(renamed) == ["1.06", "1.06.02", "1.06.03", "1.06.04", "1.06.05", "1.06.06"]
    # pmdn13 CSV line 24 vs pmdn90 kab/kota program 1.06.02
    assert renamed["1.06.02"] == (
        "Program Peningkatan Sarana dan Prasarana Aparatur", "PROGRAM PEMBERDAYAAN SOSIAL",
    )


def test_pmdn13_to_2023_counts():
    assert counts("pmdn13-2006", "kmdn900-1317-2023", "kabkota") == {
        "unchanged": 0, "renamed": 7, "renumbered": 0, "removed": 112, "added": 181,
    }


def test_inherited_version_is_unchanged():
    assert counts("pmdn90-2019", "kmdn050-5889-2021", "provinsi") == {
        "unchanged": 98, "renamed": 0, "renumbered": 0, "removed": 0, "added": 0,
    }
    assert counts("kmdn050-5889-2021", "kmdn900-1317-2023", "kabkota") == counts(
        "pmdn90-2019", "kmdn900-1317-2023", "kabkota"
    )


def test_no_list_raises_instead_of_reporting_everything_removed():
    with pytest.raises(NoListError, match="kmdn900-1317-2023"):
        diff_versions("pmdn90-2019", "kmdn900-1317-2023", "provinsi")
    with pytest.raises(ValueError):
        diff_versions("pmdn90-2019", "kmdn050-5889-2021", "all")


def item(code, name, level="sub_kegiatan"):
    return NomenclatureItemSpec("v", "kabkota", code, level, name)


def test_two_to_four_digits_is_renumbered_only_when_the_name_matches():
    old = [item("1.06.04.2.01.01", "Penyediaan Permakanan"),
           item("1.06.04.2.01.02", "Penyediaan Sandang")]
    new = [item("1.06.04.2.01.0001", "Penyediaan Permakanan"),
           item("1.06.04.2.01.0002", "Penyediaan Pakaian")]
    rows = [(r.kind, r.from_code, r.to_code) for r in diff_items(old, new)]
    assert rows == [
        ("renumbered", "1.06.04.2.01.01", "1.06.04.2.01.0001"),
        ("removed", "1.06.04.2.01.02", None),
        ("added", None, "1.06.04.2.01.0002"),
    ]


def test_same_code_other_name_is_renamed_and_case_is_ignored():
    old = [item("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL", "program"),
           item("1.06.03", "Program A", "program")]
    new = [item("1.06.02", "Program Pemberdayaan Sosial", "program"),
           item("1.06.03", "Program B", "program")]
    assert [r.kind for r in diff_items(old, new)] == ["unchanged", "renamed"]


def test_renumbering_prefers_the_same_parent():
    old = [item("1.06.04.2.01.03", "Penyediaan Sandang"),
           item("1.06.06.2.01.02", "Penyediaan Sandang")]
    new = [item("1.06.06.2.01.0002", "Penyediaan Sandang"),
           item("1.06.04.2.01.0002", "Penyediaan Sandang")]
    pairs = [(r.from_code, r.to_code) for r in diff_items(old, new)]
    assert pairs == [("1.06.04.2.01.03", "1.06.04.2.01.0002"),
                     ("1.06.06.2.01.02", "1.06.06.2.01.0002")]


def test_duplicate_codes_are_refused():
    with pytest.raises(ValueError, match="twice"):
        diff_items([item("1.06", "A", "bidang_urusan"), item("1.06", "B", "bidang_urusan")], [])
