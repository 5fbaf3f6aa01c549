"""Visi/misi, Tabel 4.1, 4.2, 5.1, 7.1, 7.2 items and the Tabel 2.7/2.8 side tables."""


def by_year(indicator):
    return {t.year: t.printed for t in indicator.targets}


def test_visi_misi(items):
    assert items["visi"].name == "Terwujudnya Kota Metro Berpendidikan, Sehat, Sejahtera, dan Berbudaya"  # 1050
    # 000 lines 1074-1078 print five misi; line 1080 says the Dinas serves Misi 2.
    assert [items[f"misi:{n}"].source.line for n in (1, 3, 4, 5)] == [1074, 1076, 1077, 1078]
    assert items["misi:5"].name.startswith("Mewujudkan Tata Kelola Pemerintahan yang baik")
    assert all(dict(items[f"misi:{n}"].extra)["served_by_dinas"].startswith("no") for n in (1, 3, 4, 5))
    misi = items["misi:2"]
    assert misi.name == "Mewujudkan masyarakat sehat jasmani, rohani, dan sehat secara sosial."  # 1075
    assert misi.parent_key == "visi" and misi.source.line == 1075


def test_tujuan_sasaran_tabel_42(items):
    tujuan = items["42:tujuan:1"]
    assert tujuan.name == "Meningkatnya kesejahteraan social masyarakat"  # 1194
    assert ("tabel_4.1_text", "Terwujudnya pengembangan dan perlindungan sosial bagi Pemerlu Pelayanan "
            "Kesejahteraan Sosial (PPKS) (line 1182)") in tujuan.extra
    assert ("tabel_6.1_text", "Meningkatkan kesejahteraan sosial masyarakat (line 1272)") in tujuan.extra
    sasaran = items["42:sasaran:1"]
    assert sasaran.name == "Meningkatnya cakupan penanganan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"  # 1194
    assert sasaran.parent_key == "42:tujuan:1"
    t42, t71 = sasaran.indicators
    assert t42.text == "Persentase PPKS yang ditangani" and t42.source.line == 1194
    assert (t42.baseline, t42.baseline_year, t42.end_target) == ("81,79%", 2020, "100%")
    assert by_year(t42) == {2021: "85,3 %", 2022: "88,4 %", 2023: "91,5 %", 2024: "94,6 %", 2025: "97,7 %", 2026: "100%"}
    assert t71.source.line == 1228  # Tabel 7.1 IKU prints "85,3%" without the space
    assert by_year(t71)[2021] == "85,3%"
    assert t71.formula == "Jumlah PPKS Yang Ditangani / Jumlah PPKS x 100%"  # Tabel 4.1, 1182


def test_strategi_and_arah_kebijakan(items):
    assert items["51:strategi:1"].name == "Meningkatkan penanganan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"  # 1208
    assert items["51:strategi:2"].name == "Mengoptimalkan pemberdayaan Potensi Sumber Kesejahteraan Sosial (PSKS)"
    assert items["51:arah_kebijakan:1"].name == "Meningkatkan pelayanan data"
    assert items["51:arah_kebijakan:5"].name == "Meningkatkan kualitas SDM Potensi Sumber Kesejahteraan Sosial (PSKS)"
    assert "51:arah_kebijakan:6" not in items


def test_tabel_72_urusan_indicators(items):
    bidang = items["72:1.06"]
    assert (bidang.name, bidang.printed_code, bidang.parent_key) == ("Urusan Sosial", "1.6", "72:1")  # 1238
    psks, migran, ppks, kk, bencana = bidang.indicators
    assert psks.text == "Tersertifikasinya Potensi Sumber Keejahteraan Sosial (PSKS)"  # 1239, typo as printed
    assert psks.baseline == "16 org" and psks.end_target == "55 org" and by_year(psks)[2025] == "50 org"
    assert migran.baseline == "-" and by_year(migran)[2021] == "4 orang"  # 1240
    assert ppks.baseline == "187 kk" and by_year(ppks)[2023] == "290 kk"  # 1241
    assert kk.baseline == "7.690 kk" and by_year(kk)[2022] == "8000 kk"  # 1242
    assert bencana.source.line == 1243 and bencana.end_target == "200 kk"


def test_tabel_27_both_printings(tables):
    first = tables["tabel-2.7-printing-1"]
    assert [ref.line for _, ref in first.rows] == [903, 904, 905, 906, 907, 909, 910]
    row2 = dict(zip(first.columns, first.rows[1][0]))
    assert row2["2020"] == "73, 80 %" and row2["satuan"] == "Persen"  # 904
    second = tables["tabel-2.7-printing-2"]
    assert [ref.line for _, ref in second.rows] == [919, 921, 922, 924, 927, 930, 933]  # rule lines skipped
    row6 = dict(zip(second.columns, second.rows[5][0]))
    assert row6["target_2020"] == "200" and row6["realisasi_2020"] == "#####"  # 930
    row1 = dict(zip(second.columns, second.rows[0][0]))
    assert row1["target_2016"] == "7.092" and row1["realisasi_2020"] == "72,20%"  # 919


def test_tabel_28(tables):
    table = tables["tabel-2.8"]
    ((cells, ref),) = table.rows
    row = dict(zip(table.columns, cells))
    assert ref.line == 945
    assert row["anggaran_2016"] == "-" and row["anggaran_2017"] == "3.430.819.450"
    assert row["realisasi_2020"] == "1.738.031.130" and row["rasio_2018"] == "55,16 %"
