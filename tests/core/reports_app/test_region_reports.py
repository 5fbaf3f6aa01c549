"""Every shipped layout rendered from the seeded database, in id and en, re-read as XLSX
(openpyxl) and PDF text (pypdf), and compared with the seeds as printed.

Expected values are typed from the seed texts (line numbers in comments):
000 = Kota Metro Renstra 2021-2026, 001 = Kota Metro LAKIP 2023, 003 = Bengkulu
Perubahan Renstra, 004 = Lampung Barat Renja 2021 with the 2019 evaluation.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import find_row, pdf_text, xlsx_sheet

LOCALES = ("id", "en")


def _data_row(report, **match):
    return next(r for r in report.rows if all(r.values.get(k) == v for k, v in match.items()))


# --- the registry -------------------------------------------------------------------------


def test_region_layouts_own_then_national(seeded_app):
    from core.app import plugins
    from core.reports.registry import region_layouts

    national = ["permendagri86-renja-evaluation", "perjanjian-kinerja"]
    with seeded_app.app_context():
        ids = {code: [layout.id for layout in region_layouts(plugins(), code)]
               for code in ("18.72", "17", "18.04", "18")}
    assert ids["18.72"] == ["kota-metro-renstra-6.1", "kota-metro-renstra-4.2", "kota-metro-renstra-5.1",
                            "kota-metro-renstra-7.1", "kota-metro-renstra-7.2", "kota-metro-lakip-realisation",
                            "kota-metro-lakip-3.2", "kota-metro-lakip-iku",
                            "kota-metro-lakip-2022-2023", "kota-metro-lakip-1.3", *national]
    assert ids["17"] == ["bengkulu-renstra-6.1", "bengkulu-renstra-7.1", "bengkulu-cascading", *national]
    assert ids["18.04"] == ["lampung-barat-renja-2021", "lampung-barat-lampiran-1", *national]
    assert ids["18"] == national  # Provinsi Lampung publishes nothing of its own


# --- Kota Metro Renstra Tabel 6.1 --------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_kota_metro_6_1_xlsx(reports, locale):
    report = reports.build("18.72", "kota-metro-renstra-6.1", "renstra-2021-2026", locale)
    sheet = xlsx_sheet(reports.render(report, "xlsx"))
    merged = {str(r) for r in sheet.merged_cells.ranges}
    # Header rows 5-7: KODE spans the three rows, "Tahun 1" spans Target and Rp (000 line 1265).
    assert {"A5:A7", "E5:P5", "E6:F6", "O6:P6"} <= merged
    assert sheet["E6"].value == {"id": "Tahun 1", "en": "Year 1"}[locale]
    assert [sheet.cell(8, c).value for c in (1, 17)] == [1, 17]  # the numbering row 1..17
    # 000 line 1320: 1 06 04 Program Rehabilitasi Sosial ... 60% 70% 1.413.000.000 80% 1.483.000.000
    r = find_row(sheet, 1, "1 06 04")  # the code as printed
    assert sheet.cell(r, 2).value == "Program Rehabilitasi Sosial"
    assert sheet.cell(r, 4).value == 60
    assert sheet.cell(r, 5).value == 70
    assert sheet.cell(r, 6).value == 1413000000
    assert sheet.cell(r, 6).number_format == "#,##0"
    assert sheet.cell(r, 8).value == 1483000000


@pytest.mark.parametrize("locale", LOCALES)
def test_kota_metro_6_1_pdf(reports, locale):
    report = reports.build("18.72", "kota-metro-renstra-6.1", "renstra-2021-2026", locale)
    # The whole table takes ~4 s per language: the test renders its first rows and 1.06.04.
    rows = report.rows[:12] + tuple(r for r in report.rows if r.group and "1.06.04" in r.group)
    assert any(r.values.get("code") == "1 06 04" for r in rows)
    text = pdf_text(reports.render(report, "pdf", rows=rows))
    assert {"id": "1.413.000.000", "en": "1,413,000,000"}[locale] in text  # 000 line 1320
    assert "Program Rehabilitasi Sosial" in text
    assert {"id": "Tahun 1", "en": "Year 1"}[locale] in text


# --- Kota Metro Renstra Tabel 4.2 ---------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_kota_metro_4_2(reports, locale):
    report = reports.build("18.72", "kota-metro-renstra-4.2", "renstra-2021-2026", locale)
    sheet = xlsx_sheet(reports.render(report, "xlsx"))
    # 000 line 1194: ... Persentase PPKS yang ditangani 81,79% 85,3 % 88,4 % 91,5 % 94,6 % 97,7 % 100%
    r = find_row(sheet, 4, "Persentase PPKS yang ditangani")
    assert [sheet.cell(r, c).value for c in range(5, 12)] == [81.79, 85.3, 88.4, 91.5, 94.6, 97.7, 100]
    assert "85,3 %" in sheet.cell(r, 6).comment.text  # the printed text, kept
    text = pdf_text(reports.render(report, "pdf"))
    assert {"id": "81,79", "en": "81.79"}[locale] in text


# --- Kota Metro LAKIP 2023 realisation table ----------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_lakip_realisation(reports, locale):
    report = reports.build("18.72", "kota-metro-lakip-realisation", "lakip-2023", locale)
    # 001 line 531: 4 ... Koordinasi dan Penyusunan Dokumen RKA-SKPD ... 2 dokumen 1 dokumen
    row = _data_row(report, no=4)
    assert (row.values["target"], row.values["realisation"]) == (Decimal(2), Decimal(1))
    assert row.values["capaian"] == Decimal("50.00")
    assert row.notes["capaian"].startswith("higher:R/T: R / T × 100 = 1 / 2 × 100")
    sheet = xlsx_sheet(reports.render(report, "xlsx"))
    r = find_row(sheet, 1, 4)
    assert [sheet.cell(r, c).value for c in (6, 7, 8)] == [2, 1, 0.5]
    assert sheet.cell(r, 8).number_format == "0.00%"
    assert "higher:R/T" in sheet.cell(r, 8).comment.text
    text = pdf_text(reports.render(report, "pdf"))
    assert "Koordinasi dan Penyusunan Dokumen RKA-SKPD" in text and "50%" in text


# --- Kota Metro LAKIP Tabel 3.2 -----------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_lakip_budget_3_2(reports, locale):
    report = reports.build("18.72", "kota-metro-lakip-3.2", "lakip-2023", locale)
    assert len(report.rows) > 600  # down to the account lines
    total = report.rows[-1]
    # 001 line 1587: 5.093.068.611 4.825.424.420; line 1589: "sebesar 94,74 %"
    assert total.kind == "total"
    assert (total.values["anggaran"], total.values["realisasi"]) == (Decimal(5093068611), Decimal(4825424420))
    assert total.values["serapan"] == Decimal("94.74")
    assert "94,74 %" in total.notes["serapan"]
    sheet = xlsx_sheet(reports.render(report, "xlsx"))
    last = sheet.max_row
    assert sheet.cell(last, 2).value == 5093068611
    assert sheet.cell(last, 4).value == pytest.approx(0.9474)
    assert sheet.cell(last, 4).number_format == "0.00%"
    # 001 line 912-913: the Program Penunjang 3.065.150.561 / 2.931.414.904
    r = find_row(sheet, 1, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH")
    assert [sheet.cell(r, c).value for c in (2, 3)] == [3065150561, 2931414904]
    # The PDF of all ~650 rows takes ~15 s: the test renders the first 20 rows and the total.
    text = pdf_text(reports.render(report, "pdf", rows=report.rows[:20] + report.rows[-1:]))
    assert {"id": "94,74%", "en": "94.74%"}[locale] in text
    assert {"id": "5.093.068.611", "en": "5,093,068,611"}[locale] in text
    assert {"id": "Jumlah", "en": "Total"}[locale] in text


# --- Bengkulu Tabel 6.1 and 7.1 with yearly totals ----------------------------------------


@pytest.mark.parametrize("layout_id", ["bengkulu-renstra-6.1", "bengkulu-renstra-7.1"])
@pytest.mark.parametrize("locale", LOCALES)
def test_bengkulu_tables_with_totals(reports, layout_id, locale):
    report = reports.build("17", layout_id, "renstra-2021-2026-p1", locale)
    total = report.rows[-1]
    assert total.kind == "total"
    # 003 line 1326 (6.1) and 1358 (7.1): 2025 23,325,000,000; 2026 23,925,000,000; end 112,245,000,000
    assert total.values["rp_2025"] == Decimal(23325000000)
    assert total.values["rp_end"] == Decimal(112245000000)
    # 2022 prints 20,745,000,000 but the programs' pagu add up to less: shown as computed, noted.
    assert total.values["rp_2022"] != Decimal(20745000000)
    assert "20" in total.notes["rp_2022"] and "745" in total.notes["rp_2022"]
    sheet = xlsx_sheet(reports.render(report, "xlsx"))
    last = sheet.max_row
    assert sheet.cell(last, 1).value == {"id": "Jumlah", "en": "Total"}[locale]
    assert sheet.cell(last, 13).value == 23325000000  # rp_2025 is leaf 13
    assert sheet.cell(last, 17).value == 112245000000
    assert "745" in sheet.cell(last, 7).comment.text
    assert any(str(r).startswith("F5:") for r in sheet.merged_cells.ranges)  # the framework group
    text = pdf_text(reports.render(report, "pdf", rows=report.rows[:25] + report.rows[-1:]))
    assert {"id": "112.245.000.000", "en": "112,245,000,000"}[locale] in text


# --- Lampung Barat ------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_lampung_barat_renja_2021(reports, locale):
    report = reports.build("18.04", "lampung-barat-renja-2021", "renja-2021", locale)
    sheet = xlsx_sheet(reports.render(report, "xlsx"))
    # 004 line 1200: 1.6.1.1.15.1 Penyediaan Barang Cetak dan Penggandaan ... Lampung Barat 1 Tahun
    # 19.950.200 Dana Alokasi Umum
    r = find_row(sheet, 1, "1.6.1.1.15.1")
    assert sheet.cell(r, 2).value == "Penyediaan Barang Cetak dan Penggandaan"
    assert sheet.cell(r, 4).value == "Lampung Barat"
    assert sheet.cell(r, 6).value == 19950200
    assert sheet.cell(r, 7).value == "Dana Alokasi Umum"
    assert {"D5:G5", "I5:J5"} <= {str(m) for m in sheet.merged_cells.ranges}
    rows = tuple(r for r in report.rows if r.values.get("code") == "1.6.1.1.15.1")
    text = pdf_text(reports.render(report, "pdf", rows=report.rows[:6] + rows))  # all 71 rows: ~3 s
    assert {"id": "19.950.200", "en": "19,950,200"}[locale] in text


@pytest.mark.parametrize("locale", LOCALES)
def test_lampung_barat_lampiran_1(reports, locale):
    report = reports.build("18.04", "lampung-barat-lampiran-1", "evaluasi-renja-2019", locale)
    # 004 line 1143: Penyediaan Barang Cetak dan Penggandaan ... 50 10 10 100% 10 30 60%
    row = _data_row(report, name="Penyediaan Barang Cetak dan Penggandaan")
    assert [row.values[k] for k in ("target_end", "target", "realisation", "target_next", "realised_next")] == [
        50, 10, 10, 10, 30]
    assert (row.values["rate"], row.values["renstra_rate"]) == (Decimal("100.00"), Decimal("60.00"))
    assert "100%" in row.notes["rate"] and "60%" in row.notes["renstra_rate"]
    sheet = xlsx_sheet(reports.render(report, "xlsx"))
    r = find_row(sheet, 2, "Penyediaan Barang Cetak dan Penggandaan")
    assert [sheet.cell(r, c).value for c in (4, 6, 7, 8, 11)] == [50, 10, 10, 1, 0.6]
    rows = report.rows[:6] + (row,)  # all 49 rows: ~3 s
    text = pdf_text(reports.render(report, "pdf", rows=rows))
    assert "Penggandaan" in text and "60%" in text


# --- national layouts ---------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_permendagri_86_evaluation(reports, locale):
    report = reports.build("18.04", "permendagri86-renja-evaluation", "evaluasi-renja-2019", locale)
    # 004 line 1134: Penyediaan Jasa Surat Menyurat: Renstra 6,000; 2019 target 1,000, realisation 1,000
    row = _data_row(report, name="Penyediaan Jasa Surat Menyurat")
    assert (row.values["c5_k"], row.values["c7_k"], row.values["c12_k"]) == (6000, 1000, 1000)
    assert row.values["c13_k"] == Decimal("100.00")
    assert "(12) / (7)" in row.notes["c13_k"]
    sheet = xlsx_sheet(reports.render(report, "xlsx"))
    merged = {str(m) for m in sheet.merged_cells.ranges}
    assert {"E5:F5", "K5:R5", "K6:L6"} <= merged  # (5) K|Rp, the four quarters, quarter I
    assert {"E6:E7", "K7"} & merged == {"E6:E7"}
    assert sheet["E6"].value == "K" and sheet["F6"].value == "Rp"
    r = find_row(sheet, 3, "Penyediaan Jasa Surat Menyurat")
    assert [sheet.cell(r, c).value for c in (5, 9, 19, 21)] == [6000, 1000, 1000, 1]
    text = pdf_text(reports.render(report, "pdf", rows=report.rows[:8]))  # ~4 s for all 47 rows
    assert "Menyurat" in text and {"id": "6.000", "en": "6,000"}[locale] in text
    assert {"id": "Triwulan", "en": "quarter"}[locale] in text


@pytest.mark.parametrize("locale", LOCALES)
def test_perjanjian_kinerja(reports, locale):
    report = reports.build("18.72", "perjanjian-kinerja", "pk-2023", locale)
    # 001 line 431 (Tabel 2.1): Persentase PPKS yang ditangani, 2023 target 91,5%
    row = _data_row(report, no=1)
    assert row.values["target"] == Decimal("91.5")
    sheet = xlsx_sheet(reports.render(report, "xlsx"))
    r = find_row(sheet, 3, "Persentase PPKS yang tertangani")
    assert sheet.cell(r, 4).value == 91.5
    text = pdf_text(reports.render(report, "pdf"))
    assert {"id": "91,5", "en": "91.5"}[locale] in text
    assert {"id": "Perjanjian Kinerja", "en": "Performance agreement"}[locale] in text


# --- Kota Metro LAKIP IKU -----------------------------------------------------------------


@pytest.mark.parametrize(("locale", "band"), [("id", "Sangat tinggi"), ("en", "Very high")])
def test_lakip_iku(reports, locale, band):
    report = reports.build("18.72", "kota-metro-lakip-iku", "lakip-2023", locale)
    (row,) = report.rows
    # 001 line 779: Persentase PPKS yang ditangani, Persen, 91.50 %, 92.78%, 5.093.068.611, 4.825.424.420;
    # lines 823-827: 13.415 handled of 14.460. 13415 / 14460 x 100 = 92.773..., printed 92.78%.
    assert (row.values["numerator"], row.values["denominator"]) == (13415, 14460)
    assert row.values["realisation"] == Decimal("92.77")
    assert "92.78%" in row.notes["realisation"] and "iku:N/D" in row.notes["realisation"]
    assert row.values["capaian"] == Decimal("101.39")  # 92.773... / 91.5 x 100
    assert row.values["predicate"] == band  # Tabel 3.1 (lines 484-491): 91 and above
    assert row.values["serapan"] == Decimal("94.74")
    sheet = xlsx_sheet(reports.render(report, "xlsx"))
    r = find_row(sheet, 2, "Persentase PPKS yang tertangani")
    assert [sheet.cell(r, c).value for c in (4, 5, 6, 9, 10)] == [91.5, 13415, 14460, band, 5093068611]
    assert sheet.cell(r, 7).value == pytest.approx(0.9277)
    assert "92.78%" in sheet.cell(r, 7).comment.text
    text = pdf_text(reports.render(report, "pdf"))
    assert band in text and {"id": "92,77%", "en": "92.77%"}[locale] in text


# --- Kota Metro Renstra Tabel 5.1, 7.1 and 7.2 --------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_kota_metro_5_1(reports, locale):
    report = reports.build("18.72", "kota-metro-renstra-5.1", "renstra-2021-2026", locale)
    sheet = xlsx_sheet(reports.render(report, "xlsx"))
    # 000 line 1208: one row; two strategies, five policy directions
    r = find_row(sheet, 2, "Meningkatnya cakupan penanganan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)")
    assert sheet.cell(r, 3).value.count("\n") == 1 and sheet.cell(r, 4).value.count("\n") == 4
    assert sheet.cell(r, 4).value.startswith("Meningkatkan pelayanan data")
    text = pdf_text(reports.render(report, "pdf"))
    assert "Meningkatkan pelayanan data" in text
    assert {"id": "Arah Kebijakan", "en": "Policy direction"}[locale] in text


@pytest.mark.parametrize("locale", LOCALES)
def test_kota_metro_7_1_and_7_2(reports, locale):
    iku = reports.build("18.72", "kota-metro-renstra-7.1", "renstra-2021-2026", locale)
    sheet = xlsx_sheet(reports.render(iku, "xlsx"))
    # 000 line 1228: 1 Persentase PPKS yang ditangani 81,79% 85,3% 88,4% 91,5% 94,6% 97,7% 100%
    assert [sheet.cell(7, c).value for c in range(1, 10)][2:] == [81.79, 85.3, 88.4, 91.5, 94.6, 97.7, 100]
    table = reports.build("18.72", "kota-metro-renstra-7.2", "renstra-2021-2026", locale)
    sheet = xlsx_sheet(reports.render(table, "xlsx"))
    # 000 line 1242: 1.6.4 Jumlah KK ... 7.690 kk 7800 kk 8000 kk 7800 kk 7600 kk 7500 kk 7500 kk
    r = find_row(sheet, 2, "Jumlah KK yang mendapatkan Perlindungan dan Jaminan Sosial")
    assert [sheet.cell(r, c).value for c in range(3, 10)] == [7690, 7800, 8000, 7800, 7600, 7500, 7500]
    assert "7.690 kk" in sheet.cell(r, 3).comment.text
    # 000 line 1240: the initial condition is printed "-": an empty cell
    r = find_row(sheet, 2, "Jumlah Pemulangan Warga Negara Migran Korban Tindak Kekerasan")
    assert sheet.cell(r, 3).value is None and sheet.cell(r, 4).value == 4
    text = pdf_text(reports.render(table, "pdf"))
    assert {"id": "7.690", "en": "7,690"}[locale] in text


# --- tables kept as printed: Bengkulu cascading, LAKIP 3.3 and Tabel 1.3 -----------------


@pytest.mark.parametrize("locale", LOCALES)
def test_bengkulu_cascading(reports, locale):
    report = reports.build("17", "bengkulu-cascading", "renstra-2021-2026-p1", locale)
    sheet = xlsx_sheet(reports.render(report, "xlsx"))
    # 003 line 997: ... Penyediaan Asrama yang Mudah Diakses | Jumlah penyediaan asrama ... | Sosial | UPTD Panti Sosial
    r = find_row(sheet, 9, "Penyediaan Asrama yang Mudah Diakses")
    assert [sheet.cell(r, c).value for c in (1, 11, 12)] == [None, "Sosial", "UPTD Panti Sosial"]
    text = pdf_text(reports.render(report, "pdf", rows=report.rows[:5]))
    assert "Asrama" in text and {"id": "Sasaran PD", "en": "Agency target"}[locale] in text


@pytest.mark.parametrize("locale", LOCALES)
def test_lakip_comparisons(reports, locale):
    last_year = reports.build("18.72", "kota-metro-lakip-2022-2023", "lakip-2023", locale)
    sheet = xlsx_sheet(reports.render(last_year, "xlsx"))
    # 001 line 620: Sub Kegiatan koordinasi ... RKA-SKPD | 2 laporan | ... | 1 dokumen
    r = find_row(sheet, 2, "Sub Kegiatan koordinasi dan penyusunan dokumen RKA-SKPD")
    assert [sheet.cell(r, c).value for c in (3, 6)] == [2, 1]
    assert "2 laporan" in sheet.cell(r, 3).comment.text
    renstra = reports.build("18.72", "kota-metro-lakip-1.3", "lakip-2023", locale)
    sheet = xlsx_sheet(reports.render(renstra, "xlsx"))
    # 001 line 707: Koordinasi dan Penyusunan Dokumen RKA-SKPD | 1 dokumen | 3.000.000 | 4.005.200
    r = find_row(sheet, 2, "Koordinasi dan Penyusunan Dokumen RKA-SKPD")
    assert [sheet.cell(r, c).value for c in (3, 4, 5)] == [1, 3000000, 4005200]
    assert sheet.cell(r, 4).number_format == "#,##0"
    text = pdf_text(reports.render(renstra, "pdf", rows=renstra.rows[:6]))
    assert {"id": "4.005.200", "en": "4,005,200"}[locale] in text
    text = pdf_text(reports.render(last_year, "pdf", rows=last_year.rows[:6]))
    assert {"id": "163,06", "en": "163.06"}[locale] in text  # 001 line 618: 163,06 %


def test_tabel_61_starts_with_the_misi_the_dinas_serves(seeded_app):
    """000 line 1270 heads Tabel 6.1 with MISI 2 only; the other four misi are not in the table."""
    from core.app import plugins
    from core.reports.build import build_report
    from core.reports.registry import region_layouts

    with seeded_app.app_context():
        from sqlalchemy import select

        from core.extensions import db
        from core.models import PlanDocument, Region

        region = db.session.scalar(select(Region).where(Region.code == "18.72"))
        document = db.session.scalar(select(PlanDocument).where(PlanDocument.region_id == region.id,
                                                                PlanDocument.key == "renstra-2021-2026"))
        layout = next(lay for lay in region_layouts(plugins(), "18.72") if lay.id == "kota-metro-renstra-6.1")
        report = build_report(region, layout, document, "id")
    first = report.rows[0].values
    assert "Mewujudkan masyarakat sehat jasmani" in str(first.get("name"))
    assert not any("Mewujudkan kualitas pendidikan" in str(r.values.get("name")) for r in report.rows)
