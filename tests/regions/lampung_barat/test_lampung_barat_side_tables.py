"""Side tables kept as printed in the Renja 2021 document: PMKS, PSKS, SPM, program lists."""

from regions.lampung_barat.importer.program_lists import LISTS, classify
from regions.lampung_barat.importer.side_tables import LAYOUTS, blank_lines, span
from regions.lampung_barat.importer.source_text import line

from lampung_barat_helpers import table


def _row(document, key, number):
    (cells,) = [c for c, ref in table(document, key).rows if ref.line == number]
    return cells


def test_row_counts(renja):
    counts = {t.key: len(t.rows) for t in renja.tables}
    assert counts == {
        "renja-2021-totals": 2, "pmks-2017-2019": 33, "psks-2017-2019": 12,
        "spm-realisasi-2019-ringkas": 5, "spm-nilai-nasional": 6, "spm-target-daerah": 7,
        "spm-realisasi-2019": 7, "bab3-program-kegiatan": 56, "bab4-program-kegiatan": 57,
    }


def test_every_line_of_each_table_is_accounted_for():
    for layout in LAYOUTS:
        for number in span(layout):
            assert (number in layout.data_lines or number in layout.header_lines
                    or number in blank_lines(layout)), (layout.key, number)
            if number in layout.data_lines:
                assert line(number).strip()


def test_pmks_values(renja):
    assert _row(renja, "pmks-2017-2019", 252) == ("a.", "Anak balita terlantar", "99", "30", "18")
    assert _row(renja, "pmks-2017-2019", 266) == ("a.", "Penyandang disabilitas", "412", "398", "493")
    assert _row(renja, "pmks-2017-2019", 276) == ("a.", "Fakir miskin", "8637", "18565", "34.384")
    assert _row(renja, "pmks-2017-2019", 286) == ("h.", "Kelompok minoritas", "-", "-", "-")


def test_psks_values(renja):
    assert _row(renja, "psks-2017-2019", 614) == ("2.", "Pekerja sosial masyarakat", "127", "142", "136")
    assert _row(renja, "psks-2017-2019", 624) == ("12.", "Dunia usaha", "197", "203", "125")


def test_spm_values(renja):
    assert _row(renja, "spm-realisasi-2019-ringkas", 791)[2:] == ("80", "10,71", "10,71")
    assert _row(renja, "spm-nilai-nasional", 825)[0] == "4"  # the printed numbering skips 3
    assert _row(renja, "spm-target-daerah", 849)[2:] == ("40", "100", "2019", "Dinas Sosial")
    row = _row(renja, "spm-realisasi-2019", 860)
    assert row[3] == "1.500.000/14 OrangX 100 =10,71%"
    assert row[4] == "Rp. 1.500.000/14 OrangX 100 =10,71%"
    assert row[5:] == ("Tahun 2019", "Dinas Sosial")


def test_program_lists_account_for_every_line(renja):
    for key, _title, first, last in LISTS:
        row_lines = {ref.line for _, ref in table(renja, key).rows}
        for number in range(first, last + 1):
            kind = classify(number)
            assert (number in row_lines) == (kind in ("program", "kegiatan")), (key, number)
    kinds = [classify(n) for n in range(934, 1014)]
    assert kinds.count("kelompok") == 2  # lines 934 and 979
    assert kinds.count("continuation") == 2  # lines 966 and 993


def test_program_list_values(renja):
    bab3 = {ref.line: cells for cells, ref in table(renja, "bab3-program-kegiatan").rows}
    program = "Program peningkatan Kapasitas Sumber Daya Aparatur"  # line 964, wrapped onto 966
    assert bab3[964] == ("Program dan Kegiatan Non-Urusan", f"1. {program}", "", "")
    assert bab3[968][1:] == (program, "", "Pendidikan dan Pelatihan Formal")
    assert bab3[984][2:] == ("a", "Verifikasi dan Validasi Fakir Miskin Kabupaten Lampung Barat")
    assert bab3[1006][0] == "Program dan Kegiatan Urusan"
    bab4 = {ref.line: cells for cells, ref in table(renja, "bab4-program-kegiatan").rows}
    assert bab4[1081][2:] == ("h", "Pendampingan bantuan pangan non tunai (BPNT)")
    assert bab4[1102][3] == "Pembentukan Kampung Siaga Bencana"
