"""The Perubahan Renstra 2021-2026 items, checked against values typed from the seed text."""

from collections import Counter

import pytest

from regions.prov_bengkulu.importer import outline, renstra, tabel61
from regions.prov_bengkulu.importer.renstra import build_document
from regions.prov_bengkulu.importer.source import cells


@pytest.fixture(scope="module")
def doc():
    return build_document()


@pytest.fixture(scope="module")
def items(doc):
    return {i.key: i for i in doc.items}


def indicator(item, table, line):
    (found,) = [i for i in item.indicators if i.source.table == table and i.source.line == line]
    return found


def target(ind, year):
    (found,) = [t.printed for t in ind.targets if t.year == year]
    return found


def pagu(item, year, line=None):
    (found,) = [b.printed for b in item.budgets if b.year == year and (line is None or b.source.line == line)]
    return found


def test_counts_per_level(doc):
    assert Counter(i.level for i in doc.items) == {
        "tujuan": 2, "sasaran": 3, "strategi": 6, "arah_kebijakan": 14,
        "program": 7, "kegiatan": 22, "sub_kegiatan": 133,  # 1288/1290/1292/1294 continue a row
    }
    # 79 sub kegiatan rows of Tabel 6.1, of which 4 continue the row above (1288, 1290, 1292,
    # 1294 repeat 1287, 1289, 1291, 1293), + 58 printed only in the cascading table
    assert sum(1 for i in doc.items if i.level == "sub_kegiatan" and i.key.startswith("6.1:")) == 75
    assert sum(1 for i in doc.items if i.key.startswith("cas-sub:")) == 58


def test_extra_names_unique_per_item(doc):
    for item in doc.items:
        names = [name for name, _ in item.extra]
        assert len(names) == len(set(names)), item.key


def test_every_printed_value_parses_the_way_core_seeds_it(doc):
    from core.numbers import parse_printed

    for item in doc.items:
        for budget in item.budgets:
            assert parse_printed(budget.printed, doc.number_style).status in ("number", "empty"), item.key
        for ind in item.indicators:
            for printed in [ind.baseline, ind.end_target, *(t.printed for t in ind.targets)]:
                note = parse_printed(printed, doc.number_style).note or ""
                assert not note.startswith("malformed"), (item.key, printed)


def test_one_pagu_per_year_per_item(doc):
    for item in doc.items:
        years = [b.year for b in item.budgets]
        assert len(years) == len(set(years)), item.key


def test_keys_unique_and_parents_exist(doc):
    keys = [i.key for i in doc.items]
    assert len(keys) == len(set(keys))
    for item in doc.items:
        if item.level == "tujuan":
            assert item.parent_key is None
        else:
            assert item.parent_key in set(keys), item.key


def test_levels_nest(items):
    allowed = {"sasaran": {"tujuan"}, "strategi": {"sasaran"}, "arah_kebijakan": {"strategi"},
               "program": {"sasaran"}, "kegiatan": {"program"}, "sub_kegiatan": {"kegiatan"}}
    for item in items.values():
        if item.parent_key:
            assert items[item.parent_key].level in allowed[item.level], item.key


def test_every_tabel_61_line_accounted_for(items):
    lines = tabel61.data_lines()
    # 121 lines 1205-1325 minus 18 blank lines = 103 data lines; 1326 is the totals row.
    assert len(lines) == 103
    for line in lines:
        if line in outline.TUJUAN_SASARAN_61:
            item = items[outline.TUJUAN_SASARAN_61[line]]
            assert any(i.source.line == line for i in item.indicators), line
        elif line in renstra.CONTINUATIONS:
            kept = items[f"6.1:{renstra.CONTINUATIONS[line]}"]
            assert any(name == f"continuation_row_{line}" for name, _ in kept.extra), line
        else:
            assert items[f"6.1:{line}"].source.line == line
    # every printed cell of every row is placed or kept as unplaced
    for line in lines:
        row = tabel61.parse_row(line)
        non_empty = sum(1 for c in cells(line) if c)
        placed = sum(1 for v in row.values.values() if v) + sum(1 for _, v in row.unplaced if v)
        assert placed == non_empty, line


def test_tabel_61_program_penunjang(items):
    item = items["6.1:1207"]  # seed line 1207
    assert item.level == "program" and item.parent_key == "sasaran-2.1"
    assert item.name == "PROGRAM PUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI"
    ind = indicator(item, "Tabel 6.1", 1207)
    assert ind.unit == "%"
    assert target(ind, 2021) == "100"
    assert pagu(item, 2022, 1207) == "19,223,858,000"
    assert pagu(item, 2026, 1207) == "19,423,750,000"
    assert pagu(item, None, 1207) == "95,730,653,000"
    assert item.responsible_unit == "Dinas Sosial"
    assert ("lokasi", "Dinas Sosial") in item.extra


def test_tabel_61_sub_kegiatan_values(items):
    # seed line 1209
    item = items["6.1:1209"]
    ind = indicator(item, "Tabel 6.1", 1209)
    assert (ind.unit, ind.baseline, ind.baseline_year) == ("Dokumen", "6", 2020)
    assert target(ind, 2022) == "7" and ind.end_target == "45"
    assert pagu(item, 2026) == "50,000,000" and pagu(item, None) == "230,000,000"
    assert item.parent_key == "6.1:1208"
    # seed line 1215: six pagu pairs; only dropping the repeated fifth (133 / 16,476,845,000)
    # reproduces the printed total: 15,916,142 + 16,164,364 + 16,367,440 + 16,476,845
    # + 16,496,845 = 81,421,636 (thousands). No 2021 Rp (the header has none).
    item = items["6.1:1215"]
    assert not [b for b in item.budgets if b.year == 2021]
    assert pagu(item, 2022) == "15,916,142,000"
    assert pagu(item, 2023) == "16,164,364,000"
    assert pagu(item, 2026) == "16,496,845,000"
    assert pagu(item, None) == "81,421,636,000"
    # seed line 1214 (the example): 2022 is 16,009,022,000 as printed
    assert pagu(items["6.1:1214"], 2022) == "16,009,022,000"
    assert pagu(items["6.1:1214"], 2026) == "16,619,725,000"
    assert indicator(item, "Tabel 6.1", 1215).end_target == "663"
    # seed line 1214: percentage printed with a decimal comma
    assert indicator(items["6.1:1214"], "Tabel 6.1", 1214).baseline == "85,98"
    # seed line 1228: no responsible unit printed
    assert items["6.1:1228"].responsible_unit is None
    assert items["6.1:1228"].parent_key == "cas:1068"  # kegiatan from cascading line 1068


def test_tabel_61_realigned_rows(items):
    # seed line 1249: end target printed before the 2026 Rp
    item = items["6.1:1249"]
    ind = indicator(item, "Tabel 6.1", 1249)
    assert ind.unit == "orang" and ind.baseline == "-"
    assert ind.end_target == "250"
    assert pagu(item, 2026) == "65.000.000" and pagu(item, None) == "205.000.000"
    # seed line 1320: first pair is 2022
    item = items["6.1:1320"]
    ind = indicator(item, "Tabel 6.1", 1320)
    assert ind.unit == "keluarga" and ind.baseline == "500"
    assert target(ind, 2022) == "600" and pagu(item, 2022) == "1,075,000,000"
    assert target(ind, 2026) == "1,200" and ind.end_target == "5000"
    assert pagu(item, None) == "6,675,000,000"
    assert any(k == "unplaced_cells_1320" and "'1,000'" in v for k, v in item.extra)
    # seed line 1325
    item = items["6.1:1325"]
    assert item.parent_key == "cas:1030"
    assert pagu(item, 2022) == "15,400,000" and pagu(item, None) == "55,400,000"
    assert indicator(item, "Tabel 6.1", 1325).end_target == "725"
    # seed line 1260: Rp printed only for 2024-2026
    item = items["6.1:1260"]
    assert [b.year for b in item.budgets if b.source.line == 1260] == [2024, 2025, 2026, None]
    assert pagu(item, 2024, 1260) == "2,027,600,000"
    assert pagu(item, None, 1260) == "7,255,947,000"
    # seed lines 1287-1288: one sub kegiatan, its name on 1287 (with the amounts) and its
    # indicator text on 1288 (all cells "-"): one item, 1288 kept as printed in an extra
    assert "6.1:1288" not in items
    item = items["6.1:1287"]
    assert item.name == "Akses ke Layanan Pendidikan dan Kesehatan Dasar"
    assert indicator(item, "Tabel 6.1", 1287).text.startswith("Jumlah Orang yang Mendapatkan Akses")
    # seed lines 1289-1290: indicator row then name row, same amounts: one item
    assert "6.1:1290" not in items
    assert items["6.1:1289"].name == "Pemberian Pelayanan Penelusuran Keluarga"
    # seed line 1255: misprinted 100,000,000 kept as printed
    assert pagu(items["6.1:1255"], 2022) == "100,000,000"
    # seed line 1274: mixed separators kept as printed; the total 22,000,000 = 2 + 0 + 5 + 5
    # + 10 million places them (a repeated 23 / 5.000,000 pair is left out)
    item = items["6.1:1274"]
    assert [pagu(item, y) for y in (2022, 2023, 2024, 2025, 2026)] == [
        "2.000,000", "0", "5.000,000", "5,000,000", "10,000,000"]


def test_predicate_targets_kept_as_text(items):
    ind = indicator(items["tujuan-2"], "Tabel 6.1", 1205)  # seed line 1205
    assert ind.unit == "Predikat" and ind.baseline == "BB"
    assert target(ind, 2026) == "BB" and ind.end_target == "A"
    ind = indicator(items["sasaran-2.1"], "Tabel 4.2", 1116)  # seed line 1116
    assert ind.baseline == "BB" and target(ind, 2021) == "A" and target(ind, 2026) == "A"


def test_tabel_42(items):
    assert items["tujuan-1"].name.startswith("Meningkatnya pelayanan, perlindungan")  # seed line 1112
    ind = indicator(items["sasaran-1.2"], "Tabel 4.2", 1114)
    assert (ind.unit, ind.baseline, target(ind, 2021), target(ind, 2022), target(ind, 2026)) == (
        "%", "42,6", "55", "55,8", "59")
    # seed line 1242 prints 68,9 for 2021 where Tabel 4.2 (line 1112) prints 69,9
    assert target(indicator(items["tujuan-1"], "Tabel 6.1", 1242), 2021) == "68,9"
    assert target(indicator(items["tujuan-1"], "Tabel 4.2", 1112), 2021) == "69,9"


def test_tabel_71_realigned(items):
    # seed lines 1346/1347: text one row above its values
    ind = indicator(items["6.1:1207"], "Tabel 7.1", 1347)
    assert ind.text.startswith("Persentase terlaksananya Penunjang")
    assert ("tabel_7.1_rp_2022_1347", "17.448.858.000") in items["6.1:1207"].extra
    assert ("tabel_7.1_rp_akhir_1347", "91.976.924.000") in items["6.1:1207"].extra
    ind = indicator(items["tujuan-1"], "Tabel 7.1", 1348)
    assert ind.baseline == "69,9" and target(ind, 2026) == "72,5"
    # seed line 1355
    ind = indicator(items["6.1:1260"], "Tabel 7.1", 1355)
    assert ind.baseline == "12,36" and target(ind, 2022) == "12,5"
    assert ("tabel_7.1_rp_akhir_1355", "10.377.398.000") in items["6.1:1260"].extra


def test_strategi_and_arah(items):
    assert items["5:1135"].name == "Penanganan warga negara migran korban tindak kekerasan"  # 1135+1137
    assert items["5:1142"].parent_key == "sasaran-2.1"
    assert [items[f"5:1142.{n}"].name for n in (1, 6)] == [
        "Meningkatkan Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        "Meningkatkan Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
    ]  # seed line 1142


def test_cascading_merged(items):
    item = items["6.1:1260"]
    assert any(i.source.table == "Tabel Cascading" and i.source.line == 996 for i in item.indicators)
    assert ("cascading_name_996", "Program Rehabilitasi Sosial") in item.extra
    assert items["cas:1068"].name == "Administrasi Umum Perangkat Daerah"
    assert items["6.2:1165"].name == "Rehabilitasi sosial dasar penyandang anak terlantar di dalam panti"


def test_tables(doc):
    tables = {t.key: t for t in doc.tables}
    totals = tables["tabel-6.1-totals"]
    assert [r for r, _ in totals.rows] == [
        ("2022", "20,745,000,000"), ("2023", "21,825,000,000"), ("2024", "22,425,000,000"),
        ("2025", "23,325,000,000"), ("2026", "23,925,000,000"), ("akhir periode", "112,245,000,000")]
    assert all(ref.line == 1326 for _, ref in totals.rows)
    assert tables["tabel-7.1-totals"].rows[0][0] == ("2022", "20.745.000.000")  # seed line 1358
    t22 = tables["tabel-2.2"]
    assert t22.rows[-1][0][:3] == ("JUMLAH", "", "137")  # seed line 712
    assert tables["tabel-2.4"].rows[2][0] == ("3.", "PIM IV", "18")  # seed line 795
    assert len(tables["tabel-2.3-sarana"].rows) == 45  # seed lines 740-764, 766-785
    assert tables["tabel-cascading"].rows[0][1].line == 996


def test_cascading_sub_kegiatan(items):
    from regions.prov_bengkulu.importer.cascading import SUBS

    assert len(SUBS) == 100
    assert sum(1 for s in SUBS if s.same) == 42
    # seed line 996: two sub kegiatan printed in one cell, split
    assert items["cas-sub:996.1"].name == "Penyediaan Perumahan"
    assert items["cas-sub:996.1"].responsible_unit == "UPTD Panti Sosial"
    assert ("cascading_penanggung_jawab_996", "UPTD Panti Sosial") in items["6.1:1264"].extra
    # seed line 1066: seven sub kegiatan in one cell
    assert items["cas-sub:1066.7"].name == "Sosialisasi Peraturan Perundang-Undangan"
    assert items["cas-sub:1066.7"].indicators[0].text.startswith("Jumlah Orang yang Mengikuti Sosialisasi")
    # seed lines 1052 + 1054: wrapped over a page break, merged with Tabel 6.1 line 1221
    wrapped = "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/ Semesteran SKPD"
    assert ("cascading_name_1052", wrapped) in items["6.1:1221"].extra
    # seed line 1081: printed twice with two indicators
    assert [i.text[:30] for i in items["cas-sub:1081"].indicators] == [
        "Persentase pengadaan kendaraan", "Jumlah Unit Kendaraan Perorang"]
    # seed line 1049: no penanggung jawab printed
    assert items["cas-sub:1049"].responsible_unit is None
    # seed lines 1025 + 1029: wrapped name
    assert items["cas-sub:1025"].name.endswith("untuk Dipulangkan ke Daerah Kabupaten/Kota Asal")
    program_indicator = "Persentase penanganan warga negara migran korban tindak kekerasan"
    assert items["cas:1026"].indicators[0].text == program_indicator  # seed line 1027


def test_program_rows_add_up_to_the_printed_totals_where_they_are_complete(doc):
    from decimal import Decimal

    from core.numbers import parse_printed

    programs = [i for i in doc.items if i.level == "program" and i.key.startswith("6.1:")]

    def total(year):
        return sum(parse_printed(b.printed, "en").value for p in programs for b in p.budgets
                   if b.year == year and b.source.table == "Tabel 6.1")

    assert total(2025) == Decimal("23325000000")  # seed line 1326
    assert total(2026) == Decimal("23925000000")  # seed line 1326
    assert total(None) == Decimal("112245000000")  # seed line 1326
    # 2024 misses by 80,000 (Rehabilitasi Sosial prints 2,027,600,000 on line 1260)
    assert Decimal("22425000000") - total(2024) == Decimal("80000")
