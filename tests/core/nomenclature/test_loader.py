"""Loading the reference CSVs: counts, fields, inheritance, amendments, English names.

Expected counts were counted by hand in the CSVs (data/PROVENANCE.md lists them) and agree
with the reference README (188 / 169 / 119 rows).
"""

import csv
import hashlib
import re
from collections import Counter
from dataclasses import replace

import pytest

from core.nomenclature.loader import (
    DATA_DIR,
    amend,
    english_name,
    find_item,
    has_list,
    items_for,
    jurisdictions,
    load_items,
    names_en,
)
from core.nomenclature.model import NomenclatureItemSpec


def level_counts(version, jurisdiction):
    return dict(Counter(i.level for i in items_for(version, jurisdiction)))


def test_total_rows_per_version():
    assert len(load_items("pmdn13-2006")) == 119
    assert len(load_items("pmdn90-2019")) == 169
    assert len(load_items("kmdn050-5889-2021")) == 169
    assert len(load_items("kmdn900-1317-2023")) == 188


def test_pmdn13_counts_apply_to_both_jurisdictions():
    expected = {"bidang_urusan": 1, "program": 14, "kegiatan": 104}
    assert level_counts("pmdn13-2006", "provinsi") == expected
    assert level_counts("pmdn13-2006", "kabkota") == expected
    assert {i.jurisdiction for i in load_items("pmdn13-2006")} == {"all"}


@pytest.mark.parametrize("version", ["pmdn90-2019", "kmdn050-5889-2021"])
def test_pmdn90_counts_per_jurisdiction(version):
    assert level_counts(version, "provinsi") == {
        "bidang_urusan": 1, "program": 6, "kegiatan": 12, "sub_kegiatan": 79,
    }
    assert level_counts(version, "kabkota") == {
        "bidang_urusan": 1, "program": 6, "kegiatan": 11, "sub_kegiatan": 53,
    }


def test_kmdn900_counts_kabkota_only():
    assert level_counts("kmdn900-1317-2023", "kabkota") == {
        "bidang_urusan": 1, "program": 7, "kegiatan": 33, "sub_kegiatan": 147,
    }
    assert items_for("kmdn900-1317-2023", "provinsi") == ()
    assert jurisdictions("kmdn900-1317-2023") == {"kabkota"}
    assert not has_list("kmdn900-1317-2023", "provinsi")
    assert jurisdictions("pmdn13-2006") == {"all", "provinsi", "kabkota"}


def test_pmdn90_jurisdiction_from_jns_pemda():
    # pmdn90 CSV line 16: 1.06.04.1.01.01 Penyediaan Permakanan, jns_pemda=1
    item = find_item("pmdn90-2019", "provinsi", "1.06.04.1.01.01")
    assert item.name == "Penyediaan Permakanan"
    assert find_item("pmdn90-2019", "kabkota", "1.06.04.1.01.01") is None
    # the bidang row is printed once per jurisdiction (lines 2 and 100)
    assert find_item("pmdn90-2019", "provinsi", "1.06").jurisdiction == "provinsi"
    assert find_item("pmdn90-2019", "kabkota", "1.06").jurisdiction == "kabkota"


def test_program_penunjang_absent_from_simcan_list():
    assert find_item("pmdn90-2019", "kabkota", "1.06.01") is None
    assert find_item("kmdn900-1317-2023", "kabkota", "1.06.01").name == (
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    )


def test_kmdn900_item_carries_indikator_satuan_kinerja():
    # 2023 CSV line 4 and kinerja CSV line 2
    item = find_item("kmdn900-1317-2023", "kabkota", "1.06.01.2.01.0001")
    assert item.level == "sub_kegiatan"
    assert item.name == "Penyusunan Dokumen Perencanaan Perangkat Daerah"
    assert item.indikator == "Jumlah Dokumen Perencanaan Perangkat Daerah"
    assert item.satuan == "Dokumen"
    assert item.kinerja == "Tersusunnya Dokumen Perencanaan Perangkat Daerah"
    assert item.provenance.startswith("allweDepth/sesendok@b5b08981e830")
    # kinerja CSV line 121 prints the typo "Terlakasananya": carried as printed
    assert find_item("kmdn900-1317-2023", "kabkota", "1.06.04.2.02.0008").kinerja.startswith(
        "Terlakasananya Pemberian Bimbingan Sosial"
    )


def test_every_2023_sub_kegiatan_has_indikator_and_satuan():
    subs = [i for i in load_items("kmdn900-1317-2023") if i.level == "sub_kegiatan"]
    assert len(subs) == 147
    assert all(i.indikator and i.satuan and i.kinerja for i in subs)
    others = [i for i in load_items("kmdn900-1317-2023") if i.level != "sub_kegiatan"]
    assert all(i.indikator is None and i.kinerja is None for i in others)


def test_names_are_kept_as_printed():
    # pmdn90 CSV line 139 ends with the CR/LF artefact "NAPZArn"
    item = find_item("pmdn90-2019", "kabkota", "1.06.04.2.02.08")
    assert item.name.endswith("HIV/AIDS dan NAPZArn")
    # pmdn13 CSV line 30 starts with a lower-case letter
    assert find_item("pmdn13-2006", "all", "1.06.02.05").name == "pengadaan Kendaraan dinas/operasional"


def test_kmdn050_inherits_pmdn90_with_provenance():
    inherited = load_items("kmdn050-5889-2021")
    source = load_items("pmdn90-2019")
    assert [(i.jurisdiction, i.code, i.name) for i in inherited] == [
        (i.jurisdiction, i.code, i.name) for i in source
    ]
    assert all(i.version == "kmdn050-5889-2021" for i in inherited)
    assert all(i.provenance.startswith("inherited from pmdn90-2019; simda-id/simcan@") for i in inherited)


def test_amend_overrides_and_adds_with_provenance():
    base = load_items("kmdn050-5889-2021")
    printed = NomenclatureItemSpec(
        version="ignored", jurisdiction="kabkota", code="1.06.04.2.01.01", level="sub_kegiatan",
        name="Penyediaan Permakanan", indikator="Jumlah orang", satuan="Orang",
        provenance="seed 000 line 1300",
    )
    new = NomenclatureItemSpec(
        version="ignored", jurisdiction="kabkota", code="1.06.04.2.01.14", level="sub_kegiatan",
        name="Sub kegiatan baru", provenance="seed 003 line 1250",
    )
    amended = amend(base, [printed, new])
    assert len(amended) == len(base) + 1
    replaced = [i for i in amended if i.code == "1.06.04.2.01.01" and i.jurisdiction == "kabkota"]
    assert len(replaced) == 1
    assert replaced[0].version == "kmdn050-5889-2021"
    assert replaced[0].satuan == "Orang"
    assert replaced[0].name_en == "Provision of Meals"
    assert replaced[0].provenance.startswith("amended: seed 000 line 1300 (replaces: inherited from")
    assert amended[-1].code == "1.06.04.2.01.14"
    assert amended[-1].provenance == "added: seed 003 line 1250"
    assert load_items("kmdn050-5889-2021") == base  # the cached list is untouched


def test_amend_refuses_items_without_provenance():
    bare = NomenclatureItemSpec("x", "kabkota", "1.06.09", "program", "Program X")
    with pytest.raises(ValueError, match="provenance"):
        amend(load_items("kmdn050-5889-2021"), [bare])


def test_every_name_has_an_english_name():
    for version in ("pmdn13-2006", "pmdn90-2019", "kmdn050-5889-2021", "kmdn900-1317-2023"):
        missing = [i.name for i in load_items(version) if not i.name_en]
        assert missing == [], version
    distinct = {i.name for v in ("pmdn13-2006", "pmdn90-2019", "kmdn900-1317-2023")
                for i in load_items(v)}
    assert len(distinct) == 332
    assert set(names_en()) == distinct  # no stale rows either


def test_english_names_of_known_items():
    assert english_name("Penyediaan Jasa Surat Menyurat") == "Provision of Correspondence Services"
    assert english_name("PROGRAM REHABILITASI SOSIAL") == "SOCIAL REHABILITATION PROGRAMME"
    assert english_name("Program Pelayanan Administrasi Perkantoran") == (
        "Office Administration Services Programme"
    )
    # a new printing that differs only in case and spacing still finds its name
    assert english_name("penyediaan  jasa surat menyurat") == "Provision of correspondence services"
    assert english_name("Nama yang tidak ada") is None


def test_data_files_match_provenance_checksums():
    text = (DATA_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    rows = re.findall(r"\| `(sosial_[^`]+\.csv)` \| `([0-9a-f]{16})`", text)
    assert len(rows) == 5
    for name, prefix in rows:
        digest = hashlib.sha256((DATA_DIR / name).read_bytes()).hexdigest()
        assert digest.startswith(prefix), name


def test_names_en_csv_shape():
    with open(DATA_DIR / "names_en.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 332
    assert all(r["name"] and r["name_en"] for r in rows)
    assert len({r["name"] for r in rows}) == 332


def test_items_for_rejects_unknown_jurisdiction():
    with pytest.raises(ValueError):
        items_for("pmdn90-2019", "kecamatan")
    with pytest.raises(KeyError):
        load_items("pmdn99")


def test_items_are_frozen():
    item = load_items("pmdn13-2006")[0]
    with pytest.raises(Exception):
        item.name = "x"
    assert replace(item, name="x").name == "x"
