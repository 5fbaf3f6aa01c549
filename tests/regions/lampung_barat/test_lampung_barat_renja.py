"""The Renja 2021 document: tujuan/sasaran and the Renja 2021 table (lines 1186-1312)."""

import re
from collections import Counter

from regions.lampung_barat.importer.source_text import line

from lampung_barat_helpers import by_key, extras, table


def _budget(item, year):
    (budget,) = [b for b in item.budgets if b.year == year]
    assert budget.kind == "pagu"
    return budget.printed


def _targets(indicator, year):
    return [t.printed for t in indicator.targets if t.year == year]


def test_counts_per_level(renja):
    assert Counter(item.level for item in renja.items) == {
        "tujuan": 2, "sasaran": 2, "urusan": 1, "bidang_urusan": 1, "program": 10, "kegiatan": 47,
    }


def test_keys_unique_and_parents_come_first(renja):
    seen = set()
    for item in renja.items:
        assert item.key not in seen
        assert item.parent_key is None or item.parent_key in seen
        seen.add(item.key)


def test_every_data_line_of_the_table_is_accounted_for(renja):
    # Independent of the parser: a data row starts with a code or TOTAL.
    printed_rows = {
        n for n in range(1186, 1319) if re.match(r"^(\d[\d. ]*|TOTAL)\t", line(n))
    }
    assert len(printed_rows) == 62
    item_lines = {i.source.line for i in renja.items if i.source.table.startswith("Rencana")}
    bidang = by_key(renja)["bidang_urusan:1.06"]
    org_lines = {1193, 1194}  # "1 6 1 Dinas Sosial", "1.6.1.1 Dinas Sosial": kept on the bidang row
    assert "(line 1193)" in extras(bidang)["unit_organisasi"]
    assert "(line 1194)" in extras(bidang)["unit_organisasi"]
    totals = {ref.line for _, ref in table(renja, "renja-2021-totals").rows}
    assert item_lines | org_lines | {1312} == printed_rows
    assert not item_lines & org_lines
    assert 1312 in totals
    assert len(item_lines) == 59  # one item per data row, none shared


def test_tujuan_and_sasaran(renja):
    items = by_key(renja)
    # line 925
    assert items["tujuan:1"].name == "Meningkatnya daya tanggap masyarakat terhadap bencana"
    assert items["sasaran:1"].name == "Meningkatnya Kesiap siagaan bencana"
    assert items["sasaran:1"].parent_key == "tujuan:1"
    assert items["sasaran:1"].indicators[0].text == "Respon time tanggap bencana"
    # line 926
    assert items["tujuan:2"].name == "Terwujudnya masyarakat yang tertib dan sejahtera"
    assert items["sasaran:2"].name == "Menurunnya Kemiskinan dan ketimpangan daerah"
    assert items["sasaran:2"].source.line == 926


def test_program_rows(renja):
    items = by_key(renja)
    p15 = items["program:1.06.01.01.15"]  # line 1195
    assert p15.printed_code == "1.6.1.1.15"
    assert p15.name == "Pelayanan Administrasi Perkantoran"
    assert p15.parent_key == "bidang_urusan:1.06"
    assert _budget(p15, 2021) == "298.366.800"
    assert _budget(p15, 2022) == "342.625.200"
    assert _targets(p15.indicators[0], 2021) == ["100 %"]
    assert _budget(items["program:1.06.01.01.16"], 2021) == "369.314.000"  # line 1226
    assert _budget(items["program:1.06.01.01.19"], 2021) == "3.788.157.605"  # line 1259
    assert _budget(items["program:1.06.01.01.19"], 2022) == "4.317.535.265"  # line 1259
    assert _budget(items["program:1.06.01.01.24"], 2022) == "466.892.500"  # line 1304
    assert items["program:1.06.01.01.21"].name == (
        "Program Pembinaan para Penyandang Cacat dan eks trauma")  # line 1284


def test_run_together_indicators_are_split(renja):
    p20 = by_key(renja)["program:1.06.01.01.20"]  # line 1276: three indicators in an HTML list
    assert [i.text for i in p20.indicators] == [
        "Persentase Pelayanan dan Rehabilitasi Kesejahteraan Sosial",
        "Persentase Penanganan terhadap orang dengan kecacatan (ODKB)",
        "Persentase Pelatihan terhadap Jumlah PMKS",
    ]
    # "15 Orang12 Bulan3 %" is one target per indicator
    assert [_targets(i, 2021) for i in p20.indicators] == [["15 Orang"], ["12 Bulan"], ["3 %"]]
    assert _budget(p20, 2021) == "360.236.000"
    assert _budget(p20, 2022) == "360.235.000"
    p24 = by_key(renja)["program:1.06.01.01.24"]  # line 1304
    assert [i.text for i in p24.indicators] == [
        "Jumlah bantuan yang disampaikan pada penerima tepat sasaran",
        "Persentase Peningkatan Jumlah TAGANA terlatih",
        "Persentase Peningkatan Kemampuan Kampung Siaga Bencana",
    ]


def test_unalignable_targets_are_kept_whole(renja):
    items = by_key(renja)
    p18 = items["program:1.06.01.01.18"]  # line 1244: six values, one indicator
    assert _targets(p18.indicators[0], 2021) == [
        "100 %100 Dokumen100 Dokumen80 Dokumen80 Kecamatan17 Dokumen"]
    assert "6 value(s)" in extras(p18)["target_2021_note"]
    p22 = items["program:1.06.01.01.22"]  # line 1287: five values, two indicators
    assert _targets(p22.indicators[0], 2022) == ["80 Orang60 Lembaga15 Kecamatan17 Orang100 %"]
    assert _targets(p22.indicators[1], 2022) == []
    assert p22.name == "Program Pemberdayaan Kelembagaan Kesejahteraan Sosial"
    assert extras(p22)["printed_name"] == '"Program Pemberdayaan Kelembagaan Kesejahteraan Sosial"'
    p23 = items["program:1.06.01.01.23"]  # line 1299: five indicators, one target, pagu 0
    assert len(p23.indicators) == 5
    assert _targets(p23.indicators[0], 2021) == ["30 Kelompok"]
    assert _budget(p23, 2021) == "0"


def test_kegiatan_rows(renja):
    items = by_key(renja)
    k = items["kegiatan:1.06.01.01.15.01"]  # line 1200
    assert k.printed_code == "1.6.1.1.15.1"
    assert k.name == "Penyediaan Barang Cetak dan Penggandaan"
    assert k.parent_key == "program:1.06.01.01.15"
    assert extras(k)["lokasi"] == "Lampung Barat"
    assert extras(k)["sumber_dana"] == "Dana Alokasi Umum"
    assert extras(k)["catatan"] == "-"
    assert _targets(k.indicators[0], 2021) == ["1 Tahun"]
    assert _budget(k, 2021) == "19.950.200"
    assert _budget(k, 2022) == "25.000.000"
    k = items["kegiatan:1.06.01.01.15.02"]  # line 1201
    assert _targets(k.indicators[0], 2021) == ["1000 Surat"]
    assert extras(k)["catatan"] == "null"
    assert (_budget(k, 2021), _budget(k, 2022)) == ("4.100.000", "4.510.000")
    k = items["kegiatan:1.06.01.01.15.05"]  # line 1208
    assert (_budget(k, 2021), _budget(k, 2022)) == ("475.000", "504.000")
    assert _targets(k.indicators[0], 2021) == ["6 Buku"]
    k = items["kegiatan:1.06.01.01.15.14"]  # line 1225
    assert (_budget(k, 2021), _budget(k, 2022)) == ("36.000.000", "18.000.000")
    assert k.indicators[0].targets == ()
    k = items["kegiatan:1.06.01.01.16.04"]  # line 1234: empty catatan is not carried
    assert "catatan" not in extras(k)
    assert _budget(k, 2021) == "214.100.000"
    k = items["kegiatan:1.06.01.01.16.17"]  # line 1241: no indicator, 2022 pagu 0
    assert k.indicators == ()
    assert (_budget(k, 2021), _budget(k, 2022)) == ("9.200.000", "0")
    assert extras(items["kegiatan:1.06.01.01.18.14"])["sumber_dana"] == "-"  # line 1251
    k = items["kegiatan:1.06.01.01.19.16"]  # line 1270
    assert (_budget(k, 2021), _budget(k, 2022)) == ("1.895.052.405", "2.498.739.465")
    k = items["kegiatan:1.06.01.01.21.01"]  # line 1285
    assert (_budget(k, 2021), _budget(k, 2022)) == ("0", "126.500.000")
    k = items["kegiatan:1.06.01.01.22.05"]  # line 1294
    assert _targets(k.indicators[0], 2021) == ["80 %"]
    assert (_budget(k, 2021), _budget(k, 2022)) == ("99.995.000", "200.000.000")
    k = items["kegiatan:1.06.01.01.24.01"]  # line 1305
    assert k.indicators[0].text == "Jumlah Rumah Tangga yang menerima bantuan bencana"
    assert _targets(k.indicators[0], 2021) == ["12 %"]
    k = items["kegiatan:1.06.01.01.24.04"]  # line 1311
    assert extras(k)["lokasi"] == "Llwa"
    assert _targets(k.indicators[0], 2021) == ["1 Orang"]
    assert (_budget(k, 2021), _budget(k, 2022)) == ("256.821.750", "286.892.500")
    assert k.source.line == 1311


def test_every_program_and_kegiatan_carries_the_code_note(renja):
    for item in renja.items:
        if item.level in ("program", "kegiatan"):
            assert "own program/kegiatan sequence" in extras(item)["code_note"]
            assert item.code.startswith("1.06.01.01.")


def test_totals_as_printed(renja):
    rows = table(renja, "renja-2021-totals").rows
    assert rows[0][0] == ("TOTAL", "5.694.430.455", "6.611.182.965")  # line 1312
    assert rows[0][1].line == 1312
    assert rows[1][0][1] == "6,588,429,650"  # Bab II 2.4, line 229
    assert rows[1][1].line == 229
