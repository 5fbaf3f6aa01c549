"""LAKIP 2023 Tabel 3.2 (lines 911-1587): every row accounted for, budgets, account hierarchy."""

from collections import Counter

import pytest

from core.numbers import parse_printed
from regions.kota_metro.importer.lakip import lakip_documents
from regions.kota_metro.importer.lakip_budget import account_depth, budget_rows
from regions.kota_metro.importer.lakip_text import T_ANGGARAN, line

# Lines whose leaf prints only the anggaran column (realisasi cell absent).
ONLY_ANGGARAN = {1249, 1255, 1256, 1257, 1258, 1259, 1260, 1263, 1266, 1270}


@pytest.fixture(scope="module")
def items():
    return {item.key: item for item in lakip_documents()[1].items}


def budget(item, kind):
    found = [b for b in item.budgets if b.kind == kind]
    assert len(found) <= 1
    return found[0].printed if found else None


def test_every_data_row_of_tabel_32_is_accounted_for(items):
    printed_lines = {n for n in range(911, 1588) if line(n).strip()}
    rows = budget_rows()
    assert {r.line for r in rows} == printed_lines
    assert len(printed_lines) == 650
    assert Counter(r.kind for r in rows) == {"urusan": 1, "item": 66, "rekening": 582, "total": 1}
    # Each row's amounts end up on exactly one item, sourced to that line.
    sourced = Counter(
        b.source.line for item in items.values() for b in item.budgets if b.source.table == T_ANGGARAN
    )
    for r in rows:
        if r.kind == "total":
            continue  # carried as extras of the urusan item
        assert sourced[r.line] == (1 if r.line in ONLY_ANGGARAN else 2), r.line


def test_each_rekening_row_is_one_item(items):
    rekening = {k: i for k, i in items.items() if i.level == "rekening"}
    assert {i.source.line for i in rekening.values()} == {r.line for r in budget_rows() if r.kind == "rekening"}
    for item in rekening.values():
        assert item.key == f"rekening:{item.source.line}"
        if item.source.line in ONLY_ANGGARAN:
            assert budget(item, "realisasi") is None
            assert dict(item.extra)["tabel_3.2_note"] == "only the anggaran column is printed on this line"


def test_every_budget_is_a_number_or_a_dash(items):
    for item in items.values():
        for b in item.budgets:
            assert b.year == 2023
            assert b.kind in ("anggaran", "realisasi")
            assert parse_printed(b.printed, "id").status in ("number", "empty"), (item.key, b.printed)


def test_item_budgets(items):
    # line 911 URUSAN ... 5.093.068.611 4.825.424.420
    assert budget(items["urusan:1"], "anggaran") == "5.093.068.611"
    assert budget(items["urusan:1"], "realisasi") == "4.825.424.420"
    # line 912 Program Penunjang 3.065.150.561 2.931.414.904
    assert budget(items["program:1.06.01"], "anggaran") == "3.065.150.561"
    assert budget(items["program:1.06.01"], "realisasi") == "2.931.414.904"
    # line 1186 Program Rehabilitasi Sosial 882.701.400 834.059.927
    assert budget(items["program:1.06.04"], "anggaran") == "882.701.400"
    assert budget(items["program:1.06.04"], "realisasi") == "834.059.927"
    # line 1455 Perlindungan Sosial Korban Bencana 105.000.000 76.993.000
    assert budget(items["kegiatan:1.06.06.2.01"], "anggaran") == "105.000.000"
    assert budget(items["kegiatan:1.06.06.2.01"], "realisasi") == "76.993.000"
    # line 1180 Fasilitasi Pemulangan ... 3.000.000 -
    assert budget(items["sub_kegiatan:1.06.03.2.01.01"], "realisasi") == "-"
    # line 950 Penyediaan Gaji dan Tunjangan ASN 2.274.125.986 2.162.335.103
    assert budget(items["sub_kegiatan:1.06.01.2.02.01"], "anggaran") == "2.274.125.986"
    # line 1548 Pengamanan TMP 419.003.500 384.916.660
    assert budget(items["sub_kegiatan:1.06.07.2.01.03"], "realisasi") == "384.916.660"
    # rows 50-51 (Pemeliharaan Anak-Anak Terlantar) have no line in Tabel 3.2
    assert items["kegiatan:1.06.05.2.01"].budgets == ()
    assert items["sub_kegiatan:1.06.05.2.01.01"].budgets == ()


def test_printed_totals_on_the_urusan_item(items):
    extra = dict(items["urusan:1"].extra)
    assert extra["tabel_3.2_total_anggaran_printed"] == "5.093.068.611"  # line 1587
    assert extra["tabel_3.2_total_realisasi_printed"] == "4.825.424.420"  # line 1587
    assert extra["serapan_printed"] == "94,74 %"  # line 1589
    assert extra["tabel_3.2_column_4_header_printed"] == "Rencana"  # line 909


@pytest.mark.parametrize(
    "number, parent, level",
    [
        (951, "sub_kegiatan:1.06.01.2.02.01", "kelompok"),  # Belanja Operasi under Gaji dan Tunjangan
        (952, "rekening:951", "jenis"),  # Belanja Pegawai
        (953, "rekening:952", "objek"),  # Belanja Gaji dan Tunjangan ASN
        (954, "rekening:953", "rincian_objek"),  # Belanja Gaji Pokok ASN
        (955, "rekening:954", "sub_rincian_objek"),  # Belanja Gaji Pokok PNS
        (970, "rekening:952", "objek"),  # Belanja Tambahan Penghasilan ASN
        (979, "rekening:977", "sub_rincian_objek"),  # TPP Prestasi Kerja PNS, after a blank line
        (919, "rekening:918", "sub_rincian_objek"),  # leaf printed without its leading empty cell
        (925, "rekening:923", "sub_rincian_objek"),  # Belanja Lembur
        (991, "rekening:990", "rincian_objek"),  # Belanja Honorarium under TPP Pertimbangan Objektif
        (1073, "rekening:1072", "objek"),  # "Belana Perjalanan Dinas" (sic)
        (1173, "rekening:1165", "jenis"),  # Belanja Hibah under Belanja Operasi
        (1185, "rekening:1184", "sub_rincian_objek"),  # leaf repeating its rincian objek's name
        (1453, "rekening:1452", "sub_rincian_objek"),  # the same, printed without the empty cell
        (1320, "sub_kegiatan:1.06.04.2.01.12", "kelompok"),  # Belanja Modal beside Belanja Operasi
        (1324, "rekening:1323", "sub_rincian_objek"),  # Belanja Modal Mebel
    ],
)
def test_account_hierarchy(items, number, parent, level):
    item = items[f"rekening:{number}"]
    assert item.parent_key == parent
    assert dict(item.extra)["rekening_level"] == level


def test_account_values(items):
    # line 1101: Belanja Pemeliharaan ... Kendaraan Bermotor Penumpang 139.680.000 139.636.750
    item = items["rekening:1101"]
    assert item.name.endswith("Kendaraan Bermotor Penumpang")
    assert (budget(item, "anggaran"), budget(item, "realisasi")) == ("139.680.000", "139.636.750")
    # line 1256: Belanja Alat/Bahan ... Alat Tulis Kantor 681.900 (no realisasi printed)
    item = items["rekening:1256"]
    assert (budget(item, "anggaran"), budget(item, "realisasi")) == ("681.900", None)
    # line 1061: Belanja Alat/Bahan untuk Kegiatan Kantor- Alat Tulis Kantor - -
    assert (budget(items["rekening:1061"], "anggaran"), budget(items["rekening:1061"], "realisasi")) == ("-", "-")
    # line 1573: Honor Rohaniwan 2.000.000 1.600.000
    assert items["rekening:1573"].name == "Honor Rohaniwan"
    assert budget(items["rekening:1573"], "realisasi") == "1.600.000"


def test_account_depth_by_name():
    assert account_depth("Belanja Operasi", None) == 1
    assert account_depth("Belanja Barang dan Jasa", "Belanja Operasi") == 2
    assert account_depth("Belanja Tunjangan Beras ASN", None) == 4
    assert account_depth("Belanja Tunjangan Beras PNS", None) == 5
    same = "Belanja Bantuan Sosial Uang yang Direncanakan kepada Individu"
    assert account_depth(same, "Belanja Bantuan Sosial kepada Individu") == 4
    assert account_depth(same, same) == 5


def test_sub_kegiatan_accounts_add_up_except_where_the_seed_does_not(items):
    """Sum of the anggaran of each parent's direct account lines: printed mismatches only at
    lines 1166, 1168 (Kelembagaan Masyarakat) and 1311, 1312 (Layanan Rujukan)."""
    children = {}
    for item in items.values():
        if item.level == "rekening":
            children.setdefault(item.parent_key, []).append(item)
    mismatched = set()
    for parent_key, kids in children.items():
        total = sum(parse_printed(budget(k, "anggaran")).value or 0 for k in kids)
        printed = parse_printed(budget(items[parent_key], "anggaran")).value
        if total != printed:
            mismatched.add(items[parent_key].budgets[0].source.line)
    assert mismatched == {1166, 1168, 1311, 1312}
