"""Tabel 6.1 (source lines 1262-1522): items, printed values, printings, line accounting.

Expected values are typed from the seed; each comment names its source line.
"""

from collections import Counter

import pytest

from regions.kota_metro.importer.source_text import line

PLAN_LEVELS = ("program", "kegiatan", "sub_kegiatan")

# Title/header lines of each part, typed from the seed (KODE line and the rows under it).
HEADER_LINES = {
    1: {1262, 1263, *range(1265, 1269), *range(1284, 1289), *range(1302, 1306), *range(1315, 1319),
        *range(1329, 1333), *range(1347, 1351), *range(1363, 1367), *range(1380, 1384)},
    2: {1393, 1394, *range(1396, 1400), *range(1415, 1420), *range(1433, 1437), *range(1446, 1450),
        *range(1460, 1464), *range(1478, 1482), *range(1494, 1498), *range(1511, 1515)},
}
RANGES = {1: (1262, 1391), 2: (1393, 1522)}
# Part 7 of printing 2 (lines 1494-1509) is the fuller one (row 1505 complete, 1374 truncated).
CHOSEN = {1: set(range(1262, 1363)) | set(range(1380, 1392)), 2: set(range(1494, 1510))}


def data_lines(printing):
    start, end = RANGES[printing]
    return {
        n for n in range(start, end + 1)
        if line(n).strip() and n not in HEADER_LINES[printing]
    }


def plan_items(items):
    return [item for item in items.values() if item.level in PLAN_LEVELS]


def pagu(item, year):
    (budget,) = [b for b in item.budgets if b.year == year]
    assert budget.kind == "pagu"
    return budget.printed


def targets(item):
    (indicator,) = item.indicators
    return {t.year: t.printed for t in indicator.targets}


def test_counts_per_level(items):
    # Counted by reading lines 1275-1391: 7 programs (1.06.01 support + 1.06.02-1.06.07),
    # 15 kegiatan (5 support + 2 + 1 + 2 + 2 + 2 + 1), 57 sub kegiatan (11 support + 5 + 0 + 25 + 7 + 7 + 2).
    assert Counter(item.level for item in plan_items(items)) == {"program": 7, "kegiatan": 15, "sub_kegiatan": 57}
    per_program = Counter(item.code[:7] for item in plan_items(items) if item.level == "sub_kegiatan")
    assert per_program == {"1.06.01": 11, "1.06.02": 5, "1.06.04": 25, "1.06.05": 7, "1.06.06": 7, "1.06.07": 2}


def test_goal_and_side_item_counts(items):
    levels = Counter(item.level for item in items.values() if item.level not in PLAN_LEVELS)
    assert levels == {"visi": 1, "misi": 5, "tujuan": 1, "sasaran": 1, "strategi": 2,
                      "arah_kebijakan": 5, "urusan": 1, "bidang_urusan": 1}


def test_keys_unique_and_parents_exist(renstra):
    keys = [item.key for item in renstra.items]
    assert len(keys) == len(set(keys))
    for item in renstra.items:
        assert item.parent_key is None or item.parent_key in keys, item.key
        # a parent comes before its children in document order
        if item.parent_key:
            assert keys.index(item.parent_key) < keys.index(item.key)


def test_parents_by_level(items):
    expected_parent_level = {"program": "sasaran", "kegiatan": "program", "sub_kegiatan": "kegiatan"}
    for item in plan_items(items):
        assert items[item.parent_key].level == expected_parent_level[item.level], item.key
        if item.level != "program":
            assert item.code.startswith(items[item.parent_key].code + "."), item.key


def test_support_program_without_printed_codes(items):
    program = items["61:1.06.01"]
    assert program.name == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"  # 1275
    assert program.printed_code is None and program.source.line == 1275
    assert ("repeated_header_line_1291", "1291") in program.extra  # 1291, 1295 print the program again
    assert ("repeated_header_line_1295", "1295") in program.extra
    gaji = items["61:1.06.01.2.02.01"]  # 1281 Penyediaan Gaji dan Tunjangan ASN
    assert gaji.level == "sub_kegiatan" and gaji.parent_key == "61:1.06.01.2.02"
    assert gaji.printed_code is None
    assert any(name == "code_note" for name, _ in gaji.extra)
    assert pagu(gaji, 2021) == "2.305.258.000"  # 1281
    assert pagu(gaji, 2025) == "2.600.000"  # 1281 (sic)
    assert ("overflow_cells", "100%\t2.600.000") in gaji.extra  # 1281 prints a seventh pair
    mebel = items["61:1.06.01.2.07.05"]  # 1290, after the kegiatan of 1289
    assert mebel.parent_key == "61:1.06.01.2.07" and mebel.source.line == 1290
    kendaraan = items["61:1.06.01.2.09.01"]
    assert kendaraan.name.endswith("Kendaraan Dinas Labatan")  # 1297, printed name kept
    assert pagu(items["61:1.06.01.2.08.02"], 2021) == "63.677.222"  # 1294
    assert pagu(items["61:1.06.01.2.09"], None) == "447.500.000"  # 1296 end of period
    perencanaan = items["61:1.06.01.2.01"]
    assert pagu(perencanaan, None) == "24.000.000"  # 1276 (printing 2, line 1407, prints 27.000.000)
    assert ("also_printed_at_line", "1407") in perencanaan.extra


def test_printed_values_programs_and_kegiatan(items):
    rehsos = items["61:1.06.04"]  # 1320
    assert rehsos.name == "Program Rehabilitasi Sosial"
    assert rehsos.printed_code == "1 06 04"
    assert pagu(rehsos, 2021) == "1.413.000.000"
    assert pagu(rehsos, 2025) == "1.717.000.000"
    assert pagu(rehsos, None) == "-"
    (indicator,) = rehsos.indicators
    assert (indicator.baseline, indicator.baseline_year, indicator.end_target) == ("60%", 2020, "100%")
    assert targets(rehsos)[2021] == "70%"
    linjamsos = items["61:1.06.05"]  # 1358: unit drift, "8000 kk" among percentages
    assert targets(linjamsos) == {2021: "85%", 2022: "8000 kk", 2023: "95%", 2024: "100%", 2025: "100%"}
    assert pagu(linjamsos, 2022) == "632.000.000"
    migran = items["61:1.06.03.2.01"]  # 1319 printed "1 6 3 2.01"
    assert migran.printed_code == "1 6 3 2.01" and migran.code == "1.06.03.2.01"
    assert any(name == "code_note" for name, _ in migran.extra)
    assert pagu(items["61:1.06.03"], 2021) == "-"  # 1313
    bencana = items["61:1.06.06.2.01"]  # taken from printing 2, line 1505 (1374 lost cells)
    assert bencana.source.line == 1505
    assert pagu(bencana, 2021) == "5.000.000.000"
    assert pagu(bencana, 2024) == "250.000.000"
    assert bencana.indicators[0].end_target == "500 Jiwa"
    data_fm = items["61:1.06.05.2.02"]  # 1499
    assert data_fm.indicators[0].end_target == "100000 Jiwa"
    assert pagu(data_fm, None) == "0"
    assert pagu(data_fm, 2022) == "400000000"
    kesiapsiagaan = items["61:1.06.06.2.02"]  # 1385: four years only, no unit printed
    assert kesiapsiagaan.responsible_unit is None
    assert targets(kesiapsiagaan) == {2021: "1 wilayah", 2022: "2 wilayah", 2023: "2 wilayah", 2024: "2 wilayah"}
    assert [b.year for b in kesiapsiagaan.budgets] == [2021, 2022, 2023, 2024]
    tmp = items["61:1.06.07.2.01"]  # 1389
    assert tmp.indicators[0].baseline == "1 Paket" and targets(tmp)[2021] == "100%"
    assert pagu(items["61:1.06.07"], 2021) == "377.000.000"  # 1388


def test_printed_values_sub_kegiatan(items):
    permakanan = items["61:1.06.04.2.01.01"]  # 1322
    assert permakanan.name == "Penyediaan Permakanan"
    assert permakanan.responsible_unit == "Dinas Sosial"
    assert permakanan.indicators[0].baseline == "48"
    assert pagu(permakanan, 2021) == "138.970.000"
    assert pagu(permakanan, 2025) == "168.918.904"
    assert pagu(permakanan, None) == "177.364.849"
    assert permakanan.indicators[0].end_target == "70"
    akses = items["61:1.06.04.2.01.08"]  # 1334
    assert akses.indicators[0].baseline == "4.120 org"
    assert targets(akses) == {2021: "4.723 org", 2022: "4.750 org", 2023: "4.000 org", 2024: "4850 org", 2025: "5000 org"}
    assert akses.indicators[0].end_target == "50"
    assert pagu(akses, 2025) == "50.000.000"
    assert "61:1.06.04.2.01.09" not in items  # 1334 -> 1335 jumps from 08 to 10
    alat = items["61:1.06.04.2.01.03"]  # 1324
    assert pagu(alat, 2023) == "130000000" and targets(alat)[2024] == "10"
    sumbangan = items["61:1.06.02.2.02.01"]  # 1307 printed "1 6 02 2.02 01"
    assert sumbangan.printed_code == "1 6 02 2.02 01"
    assert sumbangan.indicators[0].baseline == "-"
    assert targets(sumbangan)[2021] == "-" and targets(sumbangan)[2022] == "50 org"
    assert pagu(sumbangan, 2021) == "1.186.300"
    psm = items["61:1.06.02.2.03.01"]  # 1309 (printing 2, line 1440, prints 77.000)
    assert pagu(psm, 2021) == "77.000.000"
    bimbingan = items["61:1.06.04.2.01.05"]  # 1326 baseline 10 (missing at 1457)
    assert bimbingan.indicators[0].baseline == "10"
    no_indicator = items["61:1.06.04.2.02.08"]  # 1351: targets without indicator text
    assert no_indicator.indicators[0].text == ""
    assert targets(no_indicator)[2021] == "20 Orang"
    pengelolaan = items["61:1.06.05.2.02.02"]  # 1501 urusan cell empty
    assert pengelolaan.printed_code == "06 05 2.02 02" and pengelolaan.code == "1.06.05.2.02.02"
    sembako = items["61:1.06.05.2.02.03"]  # 1502
    assert targets(sembako)[2022] == "8000kk" and sembako.indicators[0].end_target == "7500"
    pemantauan = items["61:1.06.05.2.01.03"]  # 1498: nothing but code and name
    assert pemantauan.indicators == () and pemantauan.budgets == ()
    kampung = items["61:1.06.06.2.02.01"]  # 1386: Rp without targets
    assert targets(kampung) == {} and kampung.indicators[0].baseline == "0"
    assert pagu(kampung, 2021) == "40.000.000"
    assert targets(items["61:1.06.06.2.02.02"])[2024] == "30"  # 1387
    pengamanan = items["61:1.06.07.2.01.03"]  # 1391 / 1522
    assert pagu(pengamanan, None) == "300.000.000"
    assert "61:1.06.07.2.01.01" not in items  # 1390 starts at 02


def test_responsible_unit_printed_on_every_row_with_values(items):
    without = sorted(item.source.line for item in plan_items(items) if item.responsible_unit is None)
    # 1275 program header and 1498 (code and name only) print no unit; 1385 lost its unit cell
    assert without == [1275, 1385, 1498]
    assert {item.responsible_unit for item in plan_items(items)} == {"Dinas Sosial", None}


def test_printing_tables_hold_every_data_line(tables):
    for printing in (1, 2):
        table = tables[f"tabel-6.1-printing-{printing}"]
        assert table.columns[:17] == (
            "code", "name", "indicator", "baseline", "t1", "rp1", "t2", "rp2", "t3", "rp3",
            "t4", "rp4", "t5", "rp5", "end_target", "end_rp", "unit",
        )
        lines = [ref.line for _, ref in table.rows]
        assert sorted(lines) == sorted(data_lines(printing))
        assert all(len(cells) == len(table.columns) for cells, _ in table.rows)
    assert len(data_lines(1)) == len(data_lines(2)) == 87


def test_printing_cells(tables):
    first = {ref.line: dict(zip(tables["tabel-6.1-printing-1"].columns, cells))
             for cells, ref in tables["tabel-6.1-printing-1"].rows}
    second = {ref.line: dict(zip(tables["tabel-6.1-printing-2"].columns, cells))
              for cells, ref in tables["tabel-6.1-printing-2"].rows}
    assert second[1440]["rp1"] == "77.000"  # 1440
    assert first[1309]["rp1"] == "77.000.000"  # 1309
    assert second[1407]["rp4"] == "12.500.000" and first[1276]["rp4"] == "24.000.000"
    assert first[1374]["rp3"] == "-" and first[1374]["t4"] == "" and first[1374]["unit"] == "Dinas Sosial"
    assert second[1505]["t4"] == "500 Jiwa"
    assert first[1280]["overflow"] == "100%\t387.600.000" and second[1411]["overflow"] == ""
    assert second[1501]["code"] == "06 05 2.02 02"
    assert first[1289]["name"].startswith("Pengadaan Barang Milik Daerah")  # shifted row realigned
    assert first[1289]["t1"] == "100%" and first[1289]["rp1"] == "5.000.000"


def test_chosen_lines_are_all_items_or_attached(renstra):
    accounted = {item.source.line for item in renstra.items if item.source}
    for item in renstra.items:
        for name, value in item.extra:
            if name.startswith("repeated_header_line_") and "other_printing" not in name:
                accounted.add(int(value))
            if name in ("tabel_6.1_label", "tabel_6.1_text", "tabel_6.1_indicator"):
                accounted.add(int(value.rsplit("(line ", 1)[1].rstrip(")")))
    for printing, chosen in CHOSEN.items():
        missing = sorted((data_lines(printing) & chosen) - accounted)
        assert missing == [], f"printing {printing}: lines not turned into items: {missing}"


def test_other_printing_rows_are_linked_to_items(renstra):
    linked = {int(v) for item in renstra.items for n, v in item.extra
              if n == "also_printed_at_line" or n.startswith("repeated_header_line_other_printing")}
    # Every plan row of the printing not chosen points at an item; only the six MISI/Tujuan/
    # Sasaran rows of printing 2 (1400-1405) are covered by the printing table alone.
    unchosen = (data_lines(1) - CHOSEN[1]) | (data_lines(2) - CHOSEN[2])
    assert sorted(unchosen - linked) == list(range(1400, 1406))


@pytest.mark.parametrize("key, year, printed", [
    ("61:1.06.02", 2021, "463.000.000"),  # 1300
    ("61:1.06.02.2.03", 2024, "458.740.000"),  # 1308
    ("61:1.06.04.2.02.14", None, "268.000.000"),  # 1357
    ("61:1.06.05.2.02.04", 2023, "90.000.000"),  # 1503
    ("61:1.06.06", None, "218.000.000"),  # 1504
    ("61:1.06.01.2.02", 2025, "377.600.000"),  # 1280
])
def test_more_pagu(items, key, year, printed):
    assert pagu(items[key], year) == printed
