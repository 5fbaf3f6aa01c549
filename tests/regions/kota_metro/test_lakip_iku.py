"""LAKIP 2023 and PK 2023: sasaran, IKU targets and computation, and the side tables."""

import pytest

from core.numbers import parse_printed
from regions.kota_metro.importer.lakip import lakip_documents
from regions.kota_metro.importer.lakip_text import T_IKU, T_PK, T_SASARAN


@pytest.fixture(scope="module")
def pk():
    return lakip_documents()[0]


@pytest.fixture(scope="module")
def lakip():
    return lakip_documents()[1]


def by_key(document):
    return {item.key: item for item in document.items}


def tables(document):
    return {table.key: table for table in document.tables}


def test_pk_sasaran_and_iku_target(pk):
    sasaran = by_key(pk)["sasaran:1"]
    # line 466: 1 | Meningkatnya ... (PPKS) | Persentase PPKS yang tertangani | 91.5 %
    assert sasaran.name == (
        "Meningkatnya penanganan dan perlindungan sosial bagi Pemerlu Pelayanan kesejahteraan sosial (PPKS)")
    (iku,) = sasaran.indicators
    assert iku.text == "Persentase PPKS yang tertangani"
    (target,) = iku.targets
    assert (target.year, target.printed, target.source.table, target.source.line) == (2023, "91.5 %", T_PK, 466)
    assert (iku.baseline, iku.end_target) == ("81,79%", "100%")  # line 431
    extra = dict(sasaran.extra)
    assert extra["pk_text_year_printed"] == "2024"  # line 463
    # line 427 prints the sasaran without "(PPKS)"; line 431 another wording
    assert extra["tabel_2.1_sasaran_printed"] == (
        "Meningkatnya penanganan dan perlindungan sosial bagi Pemerlu Pelayanan kesejahteraan sosial")
    assert extra["tabel_2.1_target_sasaran_printed"] == (
        "Meningkatnya cakupan penanganan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)")
    tujuan = by_key(pk)["tujuan:1"]
    assert tujuan.name == (  # line 427
        "Terwujudnya pengembangan dan perlindungan sosial bagi Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)")


def test_pk_tabel_21(pk):
    (row, ref), = tables(pk)["tabel-2.1-target"].rows
    assert ref.line == 431
    assert row[4:] == ("81,79%", "85,3%", "88,4%", "91,5%", "94,6%", "97,7%", "100%")


def test_lakip_sasaran_targets_by_year(lakip):
    (iku,) = by_key(lakip)["sasaran:1"].indicators
    # line 518, "tahun ke-" 1..6 = 2021..2026 (line 443)
    assert [(t.year, t.printed) for t in iku.targets] == [
        (2021, "85,3%"), (2022, "88,4%"), (2023, "91,5%"), (2024, "94,6%"), (2025, "97,7%"), (2026, "100%")]
    assert all((t.source.table, t.source.line) == (T_SASARAN, 518) for t in iku.targets)
    (real,) = iku.realisations
    assert (real.year, real.printed, real.source.table, real.source.line) == (2023, "92.78%", T_IKU, 779)
    assert iku.unit == "Persen"  # line 779
    assert iku.formula == "Jumlah PPKS Yang Ditangani / Jumlah PPKS x 100%"  # line 522


def test_iku_computation_extras(lakip):
    extra = dict(by_key(lakip)["sasaran:1"].extra)
    assert extra["iku_numerator_printed"] == "13.415"  # line 827
    assert extra["iku_denominator_printed"] == "14.460"  # line 827
    assert extra["iku_result_printed"] == "92.78%"  # line 827
    assert extra["iku_denominator_text_printed"] == "14.460"  # line 823
    assert extra["iku_target_2023_printed"] == "91.50 %"  # line 779
    assert extra["iku_indikator_printed"] == "Persentase PPKS yang ditangani"  # line 779
    assert extra["iku_pagu_anggaran_2023_printed"] == "5.093.068.611"  # line 779
    assert extra["renstra_initial_ppks_printed"] == "13.920"  # line 833


def test_iku_computation_table(lakip):
    table = tables(lakip)["iku-computation"]
    rows = [(cells, ref.line) for cells, ref in table.rows]
    assert len(rows) == 33 + 3  # 33 non-blank lines 782-815, then the formula of line 827
    assert rows[0] == (("", "URUSAN SOSIAL", ""), 782)
    assert rows[2] == ((
        "02.", "Perlindungan Jaminan Sosial Sub Kegiatan Fasilitas bantuan sosial kesejahteraan keluarga "
        "(sumber APBN Program sembako Kementerian Sosial)", "7.587"), 784)
    assert rows[10] == (("", "- Penyedia Alat bantu", "11"), 792)
    assert rows[15] == (("08.", "Rehabilitasi Sosial dasar Anak terlantar di Luar Panti", "171"), 798)  # 7th cell
    assert rows[32] == (("", "- Pelayanan Dukungan Psikososial", "14"), 815)
    assert [cells[2] for cells, _ in rows[-3:]] == ["13.415", "14.460", "92.78%"]
    # The eleven numbered activities (01.-11.) add up to the printed numerator 13.415.
    numbered = [parse_printed(cells[2]).value for cells, _ in rows[:-3] if cells[0]]
    assert len(numbered) == 11 and sum(numbered) == 13415


def test_tabel_31_predicate_bands_as_printed(lakip):
    table = tables(lakip)["tabel-3.1"]
    assert table.columns == ("No", "Interval Nilai Realisasi Kinerja", "Kriteria Penilaian Realisasi Kinerja")
    assert [(cells, ref.line) for cells, ref in table.rows] == [
        (("1.", "$91 \\geq$", "Sangat tinggi"), 487),
        (("2.", "$76 \\leq 90$", "Tinggi"), 488),
        (("3.", "$66 \\leq 75$", "Sedang"), 489),
        (("4.", "$51 \\leq 65$", "Rendah"), 490),
        (("5.", "≤ 50", "Sangat Rendah"), 491),
    ]


def test_perbandingan_table_keeps_every_row(lakip):
    table = tables(lakip)["perbandingan-2022-2023"]
    by_line = {ref.line: cells for cells, ref in table.rows}
    assert len(by_line) == 64  # 68 non-blank lines 618-692, four of them continuations (624, 639, 667, 677)
    # line 641, a 2022 sub kegiatan that no 2023 table has
    assert by_line[641][1:3] == ("Sub kegiatan Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya", "19 orang")
    # lines 637 + 639 joined on both sides
    assert by_line[637][4] == "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah"


def test_tabel_13_keeps_every_row(lakip):
    table = tables(lakip)["tabel-1.3"]
    by_line = {ref.line: cells for cells, ref in table.rows}
    assert len(by_line) == 61  # 62 non-blank lines 705-771 less the continuation 751
    assert by_line[749][2:] == ("99,20%", "600.000.000", "494.792.947")
    assert by_line[738] == ("PROGAM PENANGAN WARGA NEGARA MIGRAN KORBAN TINDAK KEKERASAN",
                            "Pemulangan Warga Negara Migran Korban Tindak Kekerasan dari Titik Debarkasi di daerah "
                            "kabupaten /Kota untuk Dipulangkan ke Desa/Kelurahan", "", "80.000.000", "-")
