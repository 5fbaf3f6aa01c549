"""The checks over the real seed documents of the four region plugins.

Expected values are typed from the seed text (line numbers in the comments):
000 = Kota Metro Renstra, 001 = Kota Metro LAKIP, 003 = Bengkulu Perubahan Renstra,
004 = Lampung Barat Renja 2021 with Lampiran I.
"""

from decimal import Decimal

import pytest

from core.checks import CheckContext, run_checks
from core.plugins import PluginRegistry

REGIONS = ["prov_lampung", "kota_metro", "lampung_barat", "prov_bengkulu"]
KABKOTA = CheckContext(jurisdiction="kabkota")
BENGKULU = CheckContext(jurisdiction="provinsi", period_total_is_sum=True,
                        period_total_years=(2022, 2023, 2024, 2025, 2026))


@pytest.fixture(scope="module")
def documents():
    registry = PluginRegistry(REGIONS)
    return {
        (code, doc.key): doc
        for code in ("18.72", "18.04", "17")
        for doc in registry.call("pelita_seed_data", code).documents
    }


@pytest.fixture(scope="module")
def findings(documents):
    cache = {}

    def get(region, key, context=KABKOTA):
        if (region, key, context) not in cache:
            cache[region, key, context] = run_checks(documents[region, key], context)
        return cache[region, key, context]

    return get


def pick(found, check, **where):
    return [f for f in found if f.check == check
            and all(getattr(f, k) == v for k, v in where.items())]


def one(found, check, **where):
    hits = pick(found, check, **where)
    assert len(hits) == 1, (check, where, hits)
    return hits[0]


def test_no_check_crashes_on_any_seed_document(documents, findings):
    for region, key in documents:
        context = BENGKULU if region == "17" else KABKOTA
        assert not pick(findings(region, key, context), "check-crashed"), key


def test_every_finding_renders_and_carries_plain_params(documents, findings):
    for region, key in documents:
        for found in findings(region, key, BENGKULU if region == "17" else KABKOTA):
            assert found.render()
            assert all(isinstance(v, (str, Decimal)) for v in found.params.values()), found


# ----------------------------------------------------------------------------- Kota Metro Renstra


@pytest.mark.parametrize("item_key, line, printed, expected", [
    ("61:1.06.01.2.02", 1280, "2.637.458.000", "2492458000"),  # 1281 2.305.258.000 + 1282 187.200.000
    ("61:1.06.02", 1300, "463.000.000", "458159000"),
    ("61:1.06.02.2.02", 1306, "25.000.000", "1186300"),  # 1307
    ("61:1.06.02.2.03", 1308, "433.159.000", "385000000"),
    ("61:1.06.03", 1313, "-", "10000000"),  # 1319 prints 10.000.000 under a "-" program
    ("61:1.06.04", 1320, "1.413.000.000", "900000000"),
    ("61:1.06.04.2.01", 1321, "400.000.000", "946632700"),
    ("61:1.06.04.2.02", 1338, "500.000.000", "544000000"),
    ("61:1.06.05", 1358, "602.000.000", "430000000"),
    ("61:1.06.06", 1504, "180.000.000", "5080000000"),
    ("61:1.06.06.2.01", 1505, "5.000.000.000", "220000000"),
    ("61:1.06.07", 1388, "377.000.000", "400000000"),
])
def test_kota_metro_renstra_parent_pagu_2021_vs_children(findings, item_key, line, printed, expected):
    found = one(findings("18.72", "renstra-2021-2026"), "pagu-sum", item_key=item_key, year=2021)
    assert (found.source_line, found.printed, found.expected) == (line, printed, expected)


def test_kota_metro_renstra_consistent_sums_are_not_reported(findings):
    found = findings("18.72", "renstra-2021-2026")
    # 1276: 24.000.000 = 1277 13.000.000 + 1278 6.000.000 + 1279 5.000.000, every year.
    assert not pick(found, "pagu-sum", item_key="61:1.06.01.2.01")
    # Kondisi akhir Rp is not a sum of the years in this document (1277: 13.000.000 throughout).
    assert not pick(found, "period-total")


def test_kota_metro_renstra_codes(findings):
    found = findings("18.72", "renstra-2021-2026")
    printed = {(f.printed, f.expected) for f in pick(found, "code-format", locator="printed")}
    assert {("1 6 3 2.01", "1.06.03.2.01"),  # line 1319
            ("1 6 02 2.02 01", "1.06.02.2.02.01"),  # line 1307 (as the parser joins it)
            ("06 05 2.02 02", "1.06.05.2.02.02")} <= printed  # line 1501: urusan not printed
    # The support program 1.06.01 is missing from the reference list, not from the document.
    support = one(found, "code-format", item_key="61:1.06.01.2.01.01")
    assert support.severity == "info"


def test_kota_metro_renstra_unit_drift(findings):
    found = findings("18.72", "renstra-2021-2026")
    drift = {(f.source_line, f.year, f.printed) for f in pick(found, "unit-drift", severity="warning")}
    assert (1358, 2022, "8000 kk") in drift  # Tahun 2 among 85%, 95%, 100%
    assert (1389, 2020, "1 Paket") in drift  # baseline, targets 100%
    assert (1502, None, "7500") in drift  # end target among "6750 kk", "8000kk", "7800 KK"


def test_kota_metro_renstra_targets_pagu_and_indicator_text(findings):
    found = findings("18.72", "renstra-2021-2026")
    # 1386: Kampung Siaga Bencana prints pagu 40.000.000 ... 80.000.000 but no targets.
    years = {f.year for f in pick(found, "pagu-without-target", source_line=1386)}
    assert years == {2021, 2022, 2023, 2024, 2025}
    assert {f.source_line for f in pick(found, "indicator-without-text")} == {1351, 1360}


def test_kota_metro_renstra_two_printings_of_tabel_6_1(findings):
    found = pick(findings("18.72", "renstra-2021-2026"), "printing-differs",
                 table_key="tabel-6.1-printing-1")
    cells = {(f.source_line, f.params["column"]): (f.printed, f.expected) for f in found}
    assert cells[1309, "rp1"] == ("77.000.000", "77.000")  # line 1440
    assert cells[1309, "end_rp"] == ("145.000.000", "145.000")
    assert cells[1278, "rp2"] == ("6.000.000", "7.000.000")  # line 1409
    assert cells[1277, "rp4"] == ("13.000.000", "1.500.000")  # line 1408
    assert cells[1326, "baseline"] == ("10", "")  # blank at 1457
    assert cells[1374, "rp4"] == ("", "250.000.000")  # 1505 prints Tahun 3-5
    assert cells[1306, "indicator"][1] == "Persentase perbitan izin pengumpulan sumbangan"
    assert len([c for c in cells if c[0] == 1309]) == 6  # all six Rp cells


# ----------------------------------------------------------------------------- Kota Metro LAKIP


def test_kota_metro_lakip_iku_ratio(findings):
    found = one(findings("18.72", "lakip-2023"), "ratio-recompute", locator="iku_result_printed")
    # line 827: 13.415 / 14.460 x 100 = 92.773 -> 92.77, printed 92.78 %
    assert (found.printed, found.expected, found.source_line) == ("92.78%", "92.77", 827)


def test_kota_metro_lakip_account_sums(findings):
    found = findings("18.72", "lakip-2023")
    # 1166 prints 9.003.350, its only child 1167 5.803.350.
    assert one(found, "pagu-sum", source_line=1166).expected == "5803350"
    # 1168 prints 5.803.350; 1169-1172: 1.118.150 + 252.000 + 1.513.200 + 100.000.
    one_1168 = one(found, "pagu-sum", source_line=1168)
    assert (one_1168.printed, one_1168.expected) == ("5.803.350", "2983350")
    # 1312 Belanja Operasi 23.704.200 over 1313 Belanja Barang dan Jasa 2.288.200.
    assert {f.expected for f in pick(found, "pagu-sum", source_line=1312)} == {"2288200", "2210900"}


def test_kota_metro_lakip_totals_and_absorption_are_consistent(findings):
    found = findings("18.72", "lakip-2023")
    # 5.093.068.611 / 4.825.424.420 (line 1587) are the sums; 94,74 % (1589, 1601) checks out.
    assert not pick(found, "printed-total")
    assert not pick(found, "pagu-sum", item_key="urusan:1")
    assert not pick(found, "ratio-recompute", locator="serapan_printed")
    assert not pick(found, "ratio-recompute", locator="penutup_capaian_printed")


def test_kota_metro_lakip_realisation_percentages_beside_absorption(findings):
    found = pick(findings("18.72", "lakip-2023"), "ratio-recompute", severity="info")
    shown = {(f.source_line, f.printed): f.expected for f in found}
    assert shown[705, "95.64%"] == "99.58"  # 9.961.580 / 10.003.850 (Tabel 3.2 line 913)
    assert shown[731, "80%"] == "97.62"  # 390.405.300 / 399.911.850
    assert shown[733, "80%"] == "98.17"  # 377.858.500 / 384.911.850


# ----------------------------------------------------------------------------- Lampung Barat


def test_lampung_barat_renja_totals_are_not_reported(findings):
    # line 1312: TOTAL 5.694.430.455 and 6.611.182.965 equal the sums of the program rows.
    assert not pick(findings("18.04", "renja-2021"), "printed-total")


def test_lampung_barat_renja_unit_and_pagu(findings):
    found = findings("18.04", "renja-2021")
    assert one(found, "unit-drift", source_line=1305).printed == "12 %"
    # 1299: Program Penanggulangan Kemiskinan, pagu 0 with targets "30 Kelompok".
    assert {f.year for f in pick(found, "target-without-pagu", source_line=1299)} == {2021, 2022}


@pytest.mark.parametrize("line, printed, expected", [
    (1141, "80%", "100"),  # 18 / 18
    (1155, "100%", None),  # 0 / 0
    (1157, "100%", None),
    (1170, "0%", None),
    (1175, "0%", None),
])
def test_lampung_barat_lampiran_column_8(findings, line, printed, expected):
    found = one(findings("18.04", "evaluasi-renja-2019"), "ratio-recompute", source_line=line,
                locator="tingkat_realisasi_2019")
    assert (found.printed, found.expected) == (printed, expected)


def test_lampung_barat_lampiran_column_11_is_consistent(findings):
    # e.g. line 1137: 4,000 / 6,000 = 66.7 -> 67 %; line 1175: 317 / 362 = 87.6 -> 88 %.
    assert not pick(findings("18.04", "evaluasi-renja-2019"), "ratio-recompute",
                    locator="tingkat_capaian_renstra_sd_2020")


@pytest.mark.parametrize("line, printed, expected", [
    (1155, "1", "2"),  # 1 + 0 + 1
    (1168, "40", "15"),  # 0 + 10 + 5
    (1169, "72", "57"),  # 20 + 20 + 17
    (1170, "300", "100"),  # 0 + 0 + 100
    (1171, "50", "45"),  # 15 + 15 + 15
    (1175, "317", "90"),  # 45 + 0 + 45
    (1183, "5", "3"),  # 0 + 2 + 1
    (1184, "120", "80"),  # 20 + 20 + 40
])
def test_lampung_barat_lampiran_column_10(findings, line, printed, expected):
    found = one(findings("18.04", "evaluasi-renja-2019"), "cumulative-recompute", source_line=line)
    assert (found.printed, found.expected) == (printed, expected)


def test_lampung_barat_lampiran_column_10_flow_and_stock_rows_that_agree(findings):
    lines = {f.source_line for f in pick(findings("18.04", "evaluasi-renja-2019"),
                                         "cumulative-recompute")}
    assert lines == {1155, 1168, 1169, 1170, 1171, 1175, 1183, 1184}


def test_lampung_barat_codes_not_in_permendagri_13(findings):
    found = pick(findings("18.04", "evaluasi-renja-2019"), "code-format", locator="not_found")
    by_severity = {s: {f.printed for f in found if f.severity == s} for s in ("warning", "info")}
    assert by_severity["warning"] == {
        "1 6 1 20", "1 6 1 21", "1 6 2 89", "1 6 16 14", "1 6 16 15", "1 6 16 16", "1 6 16 17",
        "1 6 16 18", "1 6 16 19", "1 6 21 9", "1 6 21 12", "1 6 25"}
    # kegiatan of program 1.06.25 (lines 1181-1184): the whole program is not in the list.
    assert by_severity["info"] == {"1 6 25 2", "1 6 25 3", "1 6 25 4", "1 6 25 5"}


# ----------------------------------------------------------------------------- Bengkulu


def test_bengkulu_period_totals(findings):
    found = findings("17", "renstra-2021-2026-p1", BENGKULU)
    # 1214 prints six Rp; only 16,009,022 + 16,257,244 + 16,477,820 + 16,599,725
    # + 16,619,725 (thousands) = 81,963,536,000 reproduces its printed total: read so, no finding.
    assert not pick(found, "period-total", source_line=1214)
    # 1209: 45,000,000 x 4 + 50,000,000 = 230,000,000 as printed.
    assert not pick(found, "period-total", source_line=1209)
    # Every Tabel 6.1 row either adds up or says that no reading fits: no period-total remains.
    assert not pick(found, "period-total")


def test_bengkulu_rows_no_reading_fits(findings):
    found = findings("17", "renstra-2021-2026-p1", BENGKULU)
    lines = sorted(f.source_line for f in pick(found, "no-reading-fits"))
    # 1239: 10,000,000 x 5 = 50,000,000 against a printed 400,000,000; 1248: 95 + 245 + 245
    # + 250 + 250 = 1,085 million against 835000000; 1280/1281 print 0 under non-zero years.
    assert lines == [1239, 1245, 1246, 1248, 1255, 1260, 1280, 1281, 1287, 1293, 1319]
    hit = one(found, "no-reading-fits", source_line=1239)
    assert (hit.printed, hit.expected, hit.severity) == ("400,000,000", "50000000", "error")


def test_bengkulu_mixed_separators_read_as_amounts(findings):
    found = pick(findings("17", "renstra-2021-2026-p1", BENGKULU), "number-reading", source_line=1274)
    assert {(f.printed, f.expected) for f in found} == {("2.000,000", "2000000"), ("5.000,000", "5000000")}


def test_number_notes_only_where_doubt_remains(findings):
    # Kota Metro prints "." only as thousands in its counts (4.120 org, 9.205 Jiwa): no note.
    assert not pick(findings("18.72", "renstra-2021-2026"), "number-reading")
    assert not pick(findings("18.72", "lakip-2023"), "number-reading")
    # Bengkulu prints "," both ways (20,745,000,000 and 85,98): 1,000 families at 1320 keep a note.
    found = pick(findings("17", "renstra-2021-2026-p1", BENGKULU), "number-reading", source_line=1320)
    assert sorted(f.printed for f in found) == ["1,000", "1,000", "1,200", "1,200"]


def test_bengkulu_period_totals_need_the_documents_convention(findings):
    assert not pick(findings("17", "renstra-2021-2026-p1", CheckContext(jurisdiction="provinsi")),
                    "period-total")


def test_bengkulu_tabel_2_3_capaian(findings):
    found = pick(findings("17", "renstra-2021-2026-p1", BENGKULU), "ratio-recompute",
                 table_key="tabel-2.3-kinerja")
    cells = {(f.source_line, f.year): (f.printed, f.expected) for f in found}
    assert cells[810, 2020] == ("100,28", "101.14")  # 70,09 / 69,3
    assert cells[811, 2020] == ("42,6", "81.9")  # 42,6 / 52
    assert (810, 2017) not in cells  # 66,8 / 66,8 = 100
    assert not [c for c in cells if c[0] == 812]  # predicates BB / B are not numbers


def test_bengkulu_prints_no_codes(findings):
    (found,) = pick(findings("17", "renstra-2021-2026-p1", BENGKULU), "code-format")
    assert found.item_key is None and found.severity == "info"
