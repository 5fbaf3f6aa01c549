"""LAKIP 2023: printed targets, realisations, second printings and names, checked against the seed.

Expected values are typed from the seed text; each comment names the line.
"""

import pytest

from regions.kota_metro.importer.lakip import lakip_documents
from regions.kota_metro.importer.lakip_text import T_PERBANDINGAN, T_REALISASI, T_RENSTRA


@pytest.fixture(scope="module")
def items():
    return {item.key: item for item in lakip_documents()[1].items}


def indicator(item):
    (found,) = item.indicators
    return found


def target(item, year=2023):
    return next(t.printed for t in indicator(item).targets if t.year == year)


def realisation(item, year):
    found = [r for r in indicator(item).realisations if r.year == year]
    assert len(found) == 1, (item.key, year, found)
    return found[0]


def extra(item, name):
    return dict(item.extra)[name]


@pytest.mark.parametrize(
    "key, line, text, target_2023, realised_2023",
    [
        ("sub_kegiatan:1.06.01.2.01.02", 534,
         "Tersedianya Dokumen RKA- SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA- SKPD",
         "2 dokumen", "1 dokumen"),
        ("kegiatan:1.06.01.2.02", 536, "Terpenuhinya administrasi keuangan perangkat daerah", "23 ASN", "23 ASN"),
        ("sub_kegiatan:1.06.01.2.06.05", 547, "Jumlah Ketersediaan Barang Cetak dan Fotocopy",
         "12 Jenis Barang Cetak & Penggandaan Surat", "12 Jenis Barang Cetak & Penggandaan"),
        ("sub_kegiatan:1.06.01.2.09.09", 557, "Jumlah ruangan yang direhabilitasi",
         "Perbaikan ruang data", "Perbaikan ruang data"),
        ("sub_kegiatan:1.06.02.2.03.04", 565, "Jumlah Karang Taruna yang mendapatkan pelatihan;",
         "10 orang", "10 orang"),
        ("sub_kegiatan:1.06.04.2.01.06", 577,
         "jumlah penerima bantuan modal usaha bagi penyandang disabilita; jumlah peserta sosialisasi bagi "
         "keluarga penyandang disabilitas; terbentuknya komite penyandang disabilitas",
         "UEP 10 org; sosialisasi keluarga penyandang disabilitas 30 org",
         "UEP 10 org; sosialisasi keluarga penyandang disabilitas 30 org"),
        ("program:1.06.05", 585, "Jumlah Anak-anak Terlantar yang memperoleh perlindunga dan Jaminan Sosial",
         "20 Orang", "20 Orang"),
        ("sub_kegiatan:1.06.05.2.02.01", 589, "Jumlah data fakir miskin per kelurahan yang terdata",
         "9.205 Jiwa", "9.205 Jiwa"),
        ("sub_kegiatan:1.06.05.2.02.03", 591, "terlaksanya bansos pangan sembako dengan baik", "8000 kpm", "8000 kpm"),
        ("kegiatan:1.06.06.2.01", 594,
         "Jumlah Korban Bencana Alam dan Sosial yang Mendapatkan Perlindungan Sosial", "100%", "100%"),
        ("sub_kegiatan:1.06.06.2.01.01", 595, "Jumlah paket bansos makanan dan dapur umum",
         "75 paket dan dapur untuk konsumsi 1000 orang", "75 paket dan dapur untuk konsumsi 1000 orang"),
        ("sub_kegiatan:1.06.07.2.01.03", 605,
         "Terselenggaranya Peringatan hari-hari besar dan Talik Asih kepada para pejuang, warakawuri TNI & Polri",
         "1 paket", "1 paket"),
    ],
)
def test_first_printing_of_indicator_target_and_realisation(items, key, line, text, target_2023, realised_2023):
    item = items[key]
    assert indicator(item).text == text
    assert target(item) == target_2023
    found = realisation(item, 2023)
    assert found.printed == realised_2023
    assert (found.source.table, found.source.line) == (T_REALISASI, line)


def test_first_printing_may_come_from_a_later_table(items):
    # Row 19 (line 551) prints the target "2 Sub Kegiatan" and no realisation; Tabel 1.3 line 723: "100%".
    item = items["kegiatan:1.06.01.2.08"]
    assert target(item) == "2 Sub Kegiatan"
    found = realisation(item, 2023)
    assert (found.printed, found.source.table, found.source.line) == ("100%", T_RENSTRA, 723)
    # Row 36 (line 570) prints no target or realisation; Tabel 1.3 line 740: "94,49%".
    assert realisation(items["program:1.06.04"], 2023).printed == "94,49%"
    # Row 46 (line 581) target "100 Orang dan 13 kegiatan"; Tabel 1.3 line 749: "99,20%".
    assert target(items["kegiatan:1.06.04.2.02"]) == "100 Orang dan 13 kegiatan"
    assert realisation(items["kegiatan:1.06.04.2.02"], 2023).printed == "99,20%"


def test_rows_without_indicator_keep_their_values_as_extras(items):
    item = items["kegiatan:1.06.05.2.01"]  # row 50, line 586: no indicator printed
    assert item.indicators == ()
    assert extra(item, "realisasi_2023_printed") == "20 Orang"  # 3.3 table line 672
    assert extra(item, "realisasi_2023_line") == "672"
    assert items["program:1.06.03"].indicators == ()  # row 33, line 566


@pytest.mark.parametrize(
    "key, line, printed, name_2022",
    [
        ("kegiatan:1.06.01.2.01", 618, "163,06 %",
         "Kegiatan perencanaan, penganggaran, dan evaluasi kinerja perangkat daerah"),
        ("sub_kegiatan:1.06.01.2.02.01", 632, "23 orang", "Sub kegiatan Penyediaan Gaji dan Tunjangan ASN"),
        ("sub_kegiatan:1.06.01.2.02.02", 633, "12 orang", "Sub kegiatan Penyediaan Administrasi Pelaksanaan Tugas ASN"),
        ("sub_kegiatan:1.06.01.2.06.09", 648, "7 kali",
         "Sub Kegiatan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"),
        ("sub_kegiatan:1.06.01.2.08.01", 651, "200 matrai", "Sub Kegiatan Penyediaan Jasa Surat Menyurat"),
        ("sub_kegiatan:1.06.01.2.02.07", 637, "4 dokumen",  # wrapped over lines 637 and 639
         "Sub kegiatan Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD"),
        ("kegiatan:1.06.01.2.06", 642, None, "Kegiatan Administrasi Umum Perangkat Daerah"),
        ("sub_kegiatan:1.06.02.2.02.01", 659, "recofusing",
         "Sub Kegiatan Kordinasi dan sinkronisasi penerbitan izin undian gratis berhadiah "
         "dan pegumpulan uang atau barang"),
        ("sub_kegiatan:1.06.04.2.01.01", 668, "1.485 lansia", "Sub Kegiatan Penyediaan Permakanan"),
        ("sub_kegiatan:1.06.04.2.01.08", 671, "4.093 KPM",
         "Sub Kegiatan Pemberian Akses ke Layanan Pendidikan dan Kesehatan Dasar"),
        ("sub_kegiatan:1.06.04.2.02.02", 675, "20 org terlantar",  # wrapped over lines 675 and 677
         "Sub Kegiatan Pemberian Layanan Kedaruratan"),
        ("sub_kegiatan:1.06.04.2.02.14", 679, "3.000 anggota LLI",
         "Sub Kegiatan Kerjasama antar Lembaga dan Kemitraan dalam Pelaksanaan Rehabilitasi Sosial Kabupaten/Kota"),
        ("sub_kegiatan:1.06.05.2.02.03", 682, "6.789 KPM",
         "Sub Kegiatan Fasilitasi Bantuan Sosial Kesejahteraan Keluarga"),
        ("sub_kegiatan:1.06.07.2.01.02", 690, "Paving block",
         "Sub Kegiatan Pemeliharaan Taman Makam Pahlawan Nasional Kabupaten/Kota"),
    ],
)
def test_realisation_2022(items, key, line, printed, name_2022):
    item = items[key]
    assert extra(item, "perbandingan_2022_line") == str(line)
    assert extra(item, "perbandingan_2022_name_printed") == name_2022
    found = [r for r in indicator(item).realisations if r.year == 2022]
    if printed is None:  # the 2022 row prints no value
        assert found == []
        return
    (only,) = found
    assert (only.printed, only.source.table, only.source.line) == (printed, T_PERBANDINGAN, line)


def test_program_names_of_2022(items):
    # line 618: "Program penunjang urusan pemerintahan an daerah kabupaten/ kota"
    assert extra(items["program:1.06.01"], "perbandingan_2022_name_printed") == (
        "Program penunjang urusan pemerintahan an daerah kabupaten/ kota")
    assert extra(items["program:1.06.06"], "perbandingan_2022_line") == "683"  # "Program Penanganan Bencana"


@pytest.mark.parametrize(
    "key, name, printed",
    [
        ("sub_kegiatan:1.06.01.2.02.02", "tabel_1.3_realisasi_2023_printed", "100 %"),  # 711 vs "18 orang" at 539
        ("sub_kegiatan:1.06.02.2.02.01", "tabel_1.3_realisasi_2023_printed", "100 org"),  # 732 vs "100 Peserta" at 561
        ("sub_kegiatan:1.06.04.2.02.14", "tabel_1.3_realisasi_2023_printed", "99,61%"),  # 753 vs "10 Orang" at 583
        ("kegiatan:1.06.01.2.01", "perbandingan_2023_realisasi_printed", "95.64%"),  # 618 vs "2 dokumen" at 532
        ("kegiatan:1.06.01.2.01", "tabel_1.3_realisasi_2023_printed", "95.64%"),  # 705
        ("sub_kegiatan:1.06.01.2.06.05", "perbandingan_2023_realisasi_printed",  # 634 vs 547
         "12 Jenis Barang Cetak & Penggandaan Surat"),
    ],
)
def test_differing_second_printings_are_extras(items, key, name, printed):
    assert extra(items[key], name) == printed


def test_agreeing_second_printings_add_no_extra(items):
    # "20 Orang" at 585 (3.2) and 754 (Tabel 1.3); "60 Orang" at 572 and 656.
    assert "tabel_1.3_realisasi_2023_printed" not in dict(items["program:1.06.05"].extra)
    assert "perbandingan_2023_realisasi_printed" not in dict(items["sub_kegiatan:1.06.04.2.01.01"].extra)


@pytest.mark.parametrize(
    "key, line, target_renstra, realised_renstra",
    [
        ("kegiatan:1.06.01.2.01", "705", "26.000.000", "9.961.580"),
        ("program:1.06.04", "740", "1.557.000.000", "834.059.927"),
        ("kegiatan:1.06.04.2.02", "749", "600.000.000", "494.792.947"),  # amount wrapped to line 751
        ("sub_kegiatan:1.06.02.2.03.01", "734", "125.000", "235.776.750"),
        ("kegiatan:1.06.05.2.02", "756", "450000000", "66.593.185"),
        ("kegiatan:1.06.07.2.01", "769", "450.000.000", "399.088.210"),
    ],
)
def test_tabel_13_renstra_columns(items, key, line, target_renstra, realised_renstra):
    item = items[key]
    assert extra(item, "tabel_1.3_line") == line
    assert extra(item, "tabel_1.3_target_renstra_2023_printed") == target_renstra
    assert extra(item, "tabel_1.3_realisasi_renstra_2023_printed") == realised_renstra


def test_tabel_13_program_rows_give_values_to_the_program(items):
    # Line 731 prints "PROGRAM PEMBERDAYAAN SOSIAL | Pengumpulan Sumbangan ... | 80% | 510.000.000 | 390.405.300":
    # 510.000.000 is the program's Renstra 2023 Rp, so the values are the program's.
    assert extra(items["program:1.06.02"], "tabel_1.3_target_renstra_2023_printed") == "510.000.000"
    assert "tabel_1.3_target_renstra_2023_printed" not in dict(items["kegiatan:1.06.02.2.02"].extra)
    assert extra(items["kegiatan:1.06.02.2.02"], "tabel_1.3_line") == "731"


def test_names_that_differ_between_tables(items):
    item = items["program:1.06.03"]
    assert item.name == "PROGAM PENANGAN WARNA NEGARA MIGRAN KORBAN TINDAK KEKERASAN"  # line 566
    assert extra(item, "tabel_1.3_name_printed") == "PROGAM PENANGAN WARGA NEGARA MIGRAN KORBAN TINDAK KEKERASAN"  # 738
    # line 1178
    assert extra(item, "tabel_3.2_name_printed") == "Program Penanganan Warga Negara Migran Korban Tindak Kekerasan"
    # line 547 vs 1056
    item = items["sub_kegiatan:1.06.01.2.06.05"]
    assert extra(item, "tabel_3.2_name_printed") == "Penyediaan Barang Cetak dan Pengandaan"
    # line 581 vs 749+751 (joined)
    assert extra(items["kegiatan:1.06.04.2.02"], "tabel_1.3_name_printed") == (
        "Rehabilitas Sosal Penyandang Masalah Kesejahteraan Sosial (PMKS) Lainnya Bukan Korban HIV / Aids "
        "dan Napza di Luar Panti Sosial")
    # Same name in another case only: no extra (line 572 "Penyediaan permakanan", 1188 "Penyediaan Permakanan").
    assert "tabel_3.2_name_printed" not in dict(items["sub_kegiatan:1.06.04.2.01.01"].extra)


def test_responsible_unit_and_urusan_as_printed_on_row_1(items):
    item = items["program:1.06.01"]  # line 531
    assert item.responsible_unit == "Dinas Sosial"
    assert extra(item, "urusan_printed") == "1.6"
    assert item.name == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"
