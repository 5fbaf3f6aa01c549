"""Lampiran I: evaluation of Renja 2019 and Renstra achievement to 2020 (lines 1124-1184)."""

from collections import Counter

from regions.lampung_barat.importer.source_text import line

from lampung_barat_helpers import by_key, extras, table


def _t(indicator, year):
    (t,) = [t.printed for t in indicator.targets if t.year == year]
    return t


def _r(indicator, year):
    values = [r.printed for r in indicator.realisations if r.year == year]
    return values[0] if values else None


def test_counts_per_level(evaluasi):
    assert Counter(item.level for item in evaluasi.items) == {
        "urusan": 1, "bidang_urusan": 1, "program": 7, "kegiatan": 37,
    }


def test_keys_unique_and_parents_come_first(evaluasi):
    seen = set()
    for item in evaluasi.items:
        assert item.key not in seen
        assert item.parent_key is None or item.parent_key in seen
        seen.add(item.key)


def test_every_printed_row_is_accounted_for(evaluasi):
    printed = {n for n in range(1134, 1185) if line(n).strip()}
    assert len(printed) == 49
    item_lines = [i.source.line for i in evaluasi.items]
    indicator_lines = {ind.source.line for i in evaluasi.items for ind in i.indicators}
    assert len(item_lines) == len(set(item_lines)) == 46
    # Three rows print only another indicator of the program above them.
    assert indicator_lines - set(item_lines) == {1174, 1179, 1180}
    assert set(item_lines) | indicator_lines == printed


def test_columns_of_a_full_row(evaluasi):
    k = by_key(evaluasi)["kegiatan:1.06.02.05"]  # line 1153: 21 4 8 8 100% 5 17 81%
    assert k.printed_code == "1 6 2 5"
    assert k.name == "Pengadaan Kendaraan Dinas/Operasional"
    ind = k.indicators[0]
    assert ind.text == "Jumlah Motor"
    assert ind.end_target == "21" and _t(ind, 2022) == "21"
    assert _r(ind, 2018) == "4"
    assert _t(ind, 2019) == "8" and _r(ind, 2019) == "8"
    assert _t(ind, 2020) == "5" and _r(ind, 2020) == "17"
    assert extras(k)["realisasi_sd_2018"] == "4"
    assert extras(k)["tingkat_realisasi_2019"] == "100%"
    assert extras(k)["perkiraan_realisasi_sd_2020"] == "17"
    assert extras(k)["tingkat_capaian_renstra_sd_2020"] == "81%"


def test_short_rows_of_the_first_page(evaluasi):
    k = by_key(evaluasi)["kegiatan:1.06.01.01"]  # line 1137: 6,000 1,000 1,000 100% 2,000 4,000 67%
    ind = k.indicators[0]
    assert ind.end_target == "6,000"
    assert _r(ind, 2018) is None
    assert _t(ind, 2019) == "1,000" and _r(ind, 2019) == "1,000"
    assert _t(ind, 2020) == "2,000" and _r(ind, 2020) == "4,000"
    assert extras(k)["tingkat_capaian_renstra_sd_2020"] == "67%"
    assert "column 5" in extras(k)["cells_note"]
    k = by_key(evaluasi)["kegiatan:1.06.01.08"]  # line 1141: 90 18 18 80% 18 54 60%
    assert extras(k)["tingkat_realisasi_2019"] == "80%"
    assert _r(k.indicators[0], 2019) == "18"
    short = [i.source.line for i in evaluasi.items if "cells_note" in extras(i)]
    assert short == list(range(1137, 1146))


def test_other_printed_values(evaluasi):
    items = by_key(evaluasi)
    k = items["kegiatan:1.06.02.89"]  # line 1155: 3 1 0 0 100% 1 1 33%
    assert _t(k.indicators[0], 2019) == "0" and extras(k)["tingkat_realisasi_2019"] == "100%"
    assert extras(k)["tingkat_capaian_renstra_sd_2020"] == "33%"
    k = items["kegiatan:1.06.16.17"]  # line 1170: DAK 300 0 0 0 0% 100 300 100%
    assert k.name == "DAK Bidang Sosial"
    assert extras(k)["tingkat_realisasi_2019"] == "0%"
    assert _r(k.indicators[0], 2020) == "300"
    k = items["kegiatan:1.06.21.01"]  # line 1175: 362 45 0 0 0% 45 317 88%
    assert k.indicators[0].end_target == "362"
    assert _r(k.indicators[0], 2020) == "317"
    assert extras(k)["tingkat_capaian_renstra_sd_2020"] == "88%"
    k = items["kegiatan:1.06.25.05"]  # line 1184: 160 20 20 20 100% 40 120 75%
    assert _t(k.indicators[0], 2020) == "40"
    assert extras(k)["tingkat_capaian_renstra_sd_2020"] == "75%"
    # line 1152: a program row printing "-" in column 10
    assert _r(items["program:1.06.02"].indicators[0], 2020) == "-"


def test_rows_without_code(evaluasi):
    items = by_key(evaluasi)
    k = items["kegiatan:line1151"]
    assert k.code is None and k.printed_code is None
    assert k.name == "Penyediaan jasa TV Berbayar,internet dan sandi"
    assert k.parent_key == "program:1.06.01"
    assert "no code printed" in extras(k)["code_note"]
    k = items["kegiatan:line1157"]
    assert k.name == "Pengadaan Perlengkapan Gedung Kantor"
    assert k.parent_key == "program:1.06.02"
    assert _r(k.indicators[0], 2020) == "-"


def test_program_printed_without_its_heading_row(evaluasi):
    p = by_key(evaluasi)["program:1.06.16"]  # line 1166 prints only the indicator
    assert p.source.line == 1166
    assert p.printed_code is None and p.code == "1.06.16"
    assert p.name == "Program Pelayanan dan Rehabilitasi kesejahteraan sosial"  # line 999
    assert p.indicators[0].text == "Persentase Pelatihan terhadap Jumlah PMKS"
    assert "line 999" in extras(p)["code_note"]
    kids = [i.source.line for i in evaluasi.items if i.parent_key == "program:1.06.16"]
    assert kids == list(range(1167, 1173))


def test_indicator_only_rows_join_their_program(evaluasi):
    items = by_key(evaluasi)
    assert [i.text for i in items["program:1.06.21"].indicators] == [
        "Persentase Lembaga sosial yang aktif", "Jumlah taman makam pahlawan yang dikelola"]  # 1173-1174
    assert [i.source.line for i in items["program:1.06.25"].indicators] == [1178, 1179, 1180]


def test_budget_2019_as_stated_in_bab_ii(evaluasi):
    bidang = by_key(evaluasi)["bidang_urusan:1.06"]
    assert [(b.year, b.kind, b.printed) for b in bidang.budgets] == [
        (2019, "anggaran", "Rp.6.627.182.650"), (2019, "realisasi", "Rp 6,258,855,530")]  # line 139
    rows = table(evaluasi, "evaluasi-2019-anggaran").rows
    assert rows[0][0][1:] == ("Rp.6.627.182.650", "Rp 6,258,855,530", "94,44 %")  # line 139
    assert rows[1][0][1:] == ("Rp.425,599,000,00", "Rp.186.219.000,00", "43,75%")  # line 145
    assert [ref.line for _, ref in rows] == [139, 145]
