"""Each built-in check on tiny synthetic documents."""

from decimal import Decimal

from core.checks import CheckContext
from core.checks import builtin as b
from core.nomenclature import CodeCheck

from .helpers import document, indicator, item, table

CTX = CheckContext(nomenclature=None)


def run(check, doc, context=CTX):
    return list(check(doc, context))


# ----------------------------------------------------------------------------- pagu-sum


def test_pagu_sum_reports_parent_differing_from_children():
    doc = document(
        item("p", "program", line=1, budgets=[("pagu", 2021, "1.000.000"), ("pagu", 2022, "300")]),
        item("k1", parent="p", budgets=[("pagu", 2021, "400.000"), ("pagu", 2022, "100")]),
        item("k2", parent="p", budgets=[("pagu", 2021, "500.000"), ("pagu", 2022, "200")]),
    )
    (found,) = run(b.check_pagu_sum, doc)
    assert (found.item_key, found.year, found.printed, found.expected) == ("p", 2021, "1.000.000", "900000")
    assert found.params["expected_value"] == Decimal(900000)
    assert found.params["printed_number"] == Decimal(1000000)
    assert "printed_value" not in found.params  # the printed text is shown as printed
    assert found.severity == "error" and found.source_line == 1


def test_pagu_sum_dash_parent_over_non_zero_children_is_a_finding():
    doc = document(
        item("p", "program", budgets=[("pagu", 2021, "-")]),
        item("k", parent="p", budgets=[("pagu", 2021, "10.000.000")]),
    )
    (found,) = run(b.check_pagu_sum, doc)
    assert (found.printed, found.expected) == ("-", "10000000")


def test_pagu_sum_skips_when_no_child_prints_a_number_or_parent_prints_nothing():
    doc = document(
        item("p", "program", budgets=[("pagu", 2021, "5")]),
        item("k", parent="p", budgets=[("pagu", 2021, "-")]),
        item("q", "program"),  # prints no pagu at all
        item("k2", parent="q", budgets=[("pagu", 2021, "7")]),
    )
    assert run(b.check_pagu_sum, doc) == []


def test_pagu_sum_checks_each_kind_and_the_end_of_period_separately():
    doc = document(
        item("s", "sub_kegiatan", budgets=[("anggaran", 2023, "10"), ("realisasi", 2023, "9"),
                                            ("pagu", None, "50")]),
        item("r", "rekening", parent="s", budgets=[("anggaran", 2023, "10"),
                                                    ("realisasi", 2023, "8"),
                                                    ("pagu", None, "40")]),
    )
    found = {(f.locator, f.year): f.expected for f in run(b.check_pagu_sum, doc)}
    assert found == {("realisasi", 2023): "8", ("pagu", None): "40"}


# ----------------------------------------------------------------------------- period-total


def period_doc():
    return document(item("s", "sub_kegiatan", budgets=[
        ("pagu", 2021, "13,000,000"), ("pagu", 2022, "13,000,000"), ("pagu", 2023, "25,000,000"),
        ("pagu", None, "38,000,000")]), style="en")


def test_period_total_runs_only_when_the_document_sums_its_years():
    assert run(b.check_period_total, period_doc()) == []
    (found,) = run(b.check_period_total, period_doc(), CheckContext(nomenclature=None,
                                                                     period_total_is_sum=True))
    assert (found.printed, found.expected, found.year) == ("38,000,000", "51000000", None)


def test_period_total_limits_the_sum_to_the_given_years():
    context = CheckContext(nomenclature=None, period_total_is_sum=True,
                           period_total_years=(2022, 2023))
    assert run(b.check_period_total, period_doc(), context) == []


# ----------------------------------------------------------------------------- printed-total


def test_totals_table_with_kind_year_columns_matches_top_level_items():
    doc = document(
        item("b", "bidang_urusan"),
        item("p1", "program", parent="b", budgets=[("pagu", 2021, "100"), ("pagu", 2022, "10")]),
        item("p2", "program", parent="b", budgets=[("pagu", 2021, "200"), ("pagu", 2022, "20")]),
        item("k", "kegiatan", parent="p1", budgets=[("pagu", 2021, "999")]),
        tables=[table("renja-totals", ("label", "pagu_2021", "pagu_2022"), [
            (50, "TOTAL", ("TOTAL", "300", "31")),
            (60, None, ("Pagu indikatif lain", "6,588", "")),
        ])],
    )
    (found,) = run(b.check_printed_total, doc)
    assert (found.table_key, found.year, found.printed, found.expected) == ("renja-totals", 2022, "31", "30")
    assert found.source_line == 50


def test_totals_table_with_year_rows_and_period_row():
    doc = document(
        item("p1", "program", budgets=[("pagu", 2022, "1,000"), ("pagu", None, "3,000")]),
        item("p2", "program", budgets=[("pagu", 2022, "500"), ("pagu", None, "1,000")]),
        tables=[table("tabel-6.1-totals", ("tahun", "total"), [
            (9, "total", ("2022", "1,500")), (9, "total", ("akhir periode", "4,500")),
        ])], style="en",
    )
    (found,) = run(b.check_printed_total, doc)
    assert (found.year, found.printed, found.expected) == (None, "4,500", "4000")


def test_totals_table_uses_the_tables_own_extras_when_items_carry_them():
    doc = document(
        item("p1", "program", budgets=[("pagu", 2022, "1")],
             extra=[("tabel_7.1_rp_2022_100", "10.000")]),
        item("p2", "program", extra=[("tabel_7.1_rp_2022_101", "5.000")]),
        tables=[table("tabel-7.1-totals", ("tahun", "total"), [(9, "total", ("2022", "16.000"))])],
    )
    (found,) = run(b.check_printed_total, doc)
    assert found.expected == "15000"


def test_total_extra_totals_the_items_children_for_the_document_year():
    doc = document(
        item("u", "urusan", line=911, extra=[("tabel_3.2_total_anggaran_printed", "300"),
                                             ("tabel_3.2_total_realisasi_printed", "250"),
                                             ("tabel_3.2_total_line", "1587")]),
        item("p1", "program", parent="u", budgets=[("anggaran", 2023, "100"), ("realisasi", 2023, "90")]),
        item("p2", "program", parent="u", budgets=[("anggaran", 2023, "200"), ("realisasi", 2023, "150")]),
        year=2023,
    )
    (found,) = run(b.check_printed_total, doc)
    assert (found.locator, found.printed, found.expected, found.source_line) == (
        "tabel_3.2_total_realisasi_printed", "250", "240", 1587)


# ----------------------------------------------------------------------------- ratio-recompute


def test_iku_ratio_is_compared_at_the_printed_precision():
    def doc(result):
        return document(item("s", "sasaran", extra=[
            ("iku_numerator_printed", "13.415"), ("iku_denominator_printed", "14.460"),
            ("iku_result_printed", result)]), year=2023)

    (found,) = run(b.check_ratio_recompute, doc("92.78%"))
    assert (found.printed, found.expected) == ("92.78%", "92.77")
    assert run(b.check_ratio_recompute, doc("92.77%")) == []
    assert run(b.check_ratio_recompute, doc("92,8 %")) == []


def test_absorption_extra_recomputed_from_budgets():
    doc = document(item("u", "urusan", budgets=[("anggaran", 2023, "200"), ("realisasi", 2023, "150")],
                        extra=[("serapan_printed", "75 %"), ("penutup_capaian_printed", "76 %")]),
                   year=2023)
    (found,) = run(b.check_ratio_recompute, doc)
    assert (found.locator, found.expected) == ("penutup_capaian_printed", "75")


def test_lampiran_rates_and_zero_denominators():
    ind = indicator(targets=[(2019, "18"), (2022, "90")], realisations=[(2019, "18")],
                    end_target="90")
    zero = indicator(targets=[(2019, "0")], realisations=[(2019, "0")], end_target="3")
    doc = document(
        item("a", extra=[("tingkat_realisasi_2019", "80%"), ("perkiraan_realisasi_sd_2020", "54"),
                         ("tingkat_capaian_renstra_sd_2020", "60%")], indicators=[ind]),
        item("z", extra=[("tingkat_realisasi_2019", "100%")], indicators=[zero]),
        style="en",
    )
    found = {(f.item_key, f.locator): f for f in run(b.check_ratio_recompute, doc)}
    assert found[("a", "tingkat_realisasi_2019")].expected == "100"
    assert ("a", "tingkat_capaian_renstra_sd_2020") not in found  # 54 / 90 = 60 %
    zero_finding = found[("z", "tingkat_realisasi_2019")]
    assert zero_finding.expected is None and zero_finding.severity == "warning"


def test_realisation_percentage_beside_absorption_is_information():
    doc = document(item("k", budgets=[("anggaran", 2023, "399.911.850"), ("realisasi", 2023, "390.405.300")],
                        indicators=[indicator(realisations=[(2023, "80%")])]), year=2023)
    (found,) = run(b.check_ratio_recompute, doc)
    assert (found.severity, found.printed, found.expected) == ("info", "80%", "97.62")


def test_table_ratio_columns_grouped_by_header():
    doc = document(tables=[
        table("t28", ("uraian", "anggaran_2017", "realisasi_2017", "rasio_2017"),
              [(945, ("Belanja", "3.430.819.450", "3.373.918.617", "98,34 %"))]),
        table("t23", ("No", "target 2019", "2020", "Realisasi 2019", "2020", "Persentase capaian 2019", "2020"),
              [(810, ("1.", "68,7", "69,3", "74", "70,09", "107,71", "100,28")),
               (812, ("3.", "BB", "BB", "B", "BB", "100", "100"))]),
    ])
    found = run(b.check_ratio_recompute, doc)
    assert [(f.table_key, f.year, f.printed, f.expected) for f in found] == [
        ("t23", 2020, "100,28", "101.14")]


# ----------------------------------------------------------------------------- cumulative


def cumulative_item(key, sd2018, r2019, t2020, sd2020, aggregation="last"):
    ind = indicator(targets=[(2020, t2020)], realisations=[(2019, r2019), (2020, sd2020)],
                    aggregation=aggregation)
    return item(key, indicators=[ind], extra=[("realisasi_sd_2018", sd2018),
                                              ("perkiraan_realisasi_sd_2020", sd2020)])


def test_cumulative_flow_row_is_recomputed():
    (found,) = run(b.check_cumulative, document(cumulative_item("a", "0", "10", "5", "40")))
    assert (found.printed, found.expected, found.year) == ("40", "15", 2020)
    assert found.params["parts"] == "0 + 10 + 5"


def test_cumulative_consistent_and_stock_rows_pass():
    doc = document(cumulative_item("ok", "24", "24", "24", "72"),
                   cumulative_item("stock", "9", "9", "9", "9"))
    assert run(b.check_cumulative, doc) == []


def test_cumulative_stock_looking_row_is_checked_when_declared_a_flow():
    doc = document(cumulative_item("flow", "9", "9", "9", "9", aggregation="sum"))
    (found,) = run(b.check_cumulative, doc)
    assert found.expected == "27"


# ----------------------------------------------------------------------------- code-format


def fake_lookup(known, authority_errors=()):
    def lookup(code, version, jurisdiction):
        if code in authority_errors:
            return CodeCheck(code, version, jurisdiction, ok=False, error="authority_mismatch")
        if code in known:
            return CodeCheck(code, version, jurisdiction, ok=True)
        return CodeCheck(code, version, jurisdiction, ok=False, error="not_found")
    return lookup


def test_code_format_printed_vs_normalised_and_list_lookup():
    doc = document(
        item("p", "program", code="1.06.03", printed_code="1 06 03"),
        item("k", parent="p", code="1.06.03.2.01", printed_code="1 6 3 2.01"),
        item("x", "program", code="1.06.09", printed_code="1 06 09"),
        item("y", parent="x", code="1.06.09.2.01", printed_code="1 06 09 2.01"),
        item("w", parent="p", code="1.06.03.1.01", printed_code="1 06 03 1.01"),
        item("n", "sub_kegiatan", parent="p"),
        version="kmdn050-5889-2021",
    )
    context = CheckContext(nomenclature=fake_lookup({"1.06.03", "1.06.03.2.01"}, {"1.06.03.1.01"}))
    found = {(f.item_key, f.locator): f.severity for f in run(b.check_code_format, doc, context)}
    assert found == {
        ("k", "printed"): "warning",
        ("x", "not_found"): "warning",
        ("y", "not_found"): "info",  # the list holds no program 1.06.09 at all
        ("w", "authority_mismatch"): "error",
        ("n", "missing"): "info",
    }


def test_code_format_permendagri13_unpadded_printing_is_the_convention():
    doc = document(item("k", code="1.06.01.01", printed_code="1 6 1 1"),
                   item("m", code="1.06.01.02", printed_code="1 6 1 3"), version="pmdn13-2006")
    found = [(f.item_key, f.printed, f.expected) for f in run(b.check_code_format, doc)]
    assert found == [("m", "1 6 1 3", "1.06.01.02")]


def test_code_format_with_the_real_lists():
    doc = document(item("p", "program", code="1.06.25", printed_code="1 6 25"),
                   item("k", parent="p", code="1.06.01.01", printed_code="1 6 1 1"),
                   version="pmdn13-2006")
    found = {(f.item_key, f.locator) for f in run(b.check_code_format, doc, CheckContext())}
    assert found == {("p", "not_found")}


def test_code_format_one_finding_when_the_document_prints_no_codes():
    doc = document(item("p", "program"), item("k", parent="p"))
    (found,) = run(b.check_code_format, doc)
    assert (found.item_key, found.params["count"]) == (None, "2")


# ----------------------------------------------------------------------------- unit-drift


def test_unit_drift_within_an_indicator():
    ind = indicator("Proporsi PPKS", baseline="80%",
                    targets=[(2021, "85%"), (2022, "8000 kk"), (2023, "95%")])
    (found,) = run(b.check_unit_drift, document(item("p", indicators=[ind])))
    assert (found.printed, found.year, found.severity) == ("8000 kk", 2022, "warning")


def test_unit_drift_bare_number_among_units_and_case_insensitive_units():
    ind = indicator("Jumlah keluarga", baseline="6700 kk",
                    targets=[(2021, "6750 kk"), (2022, "8000kk"), (2023, "7800 KK")],
                    end_target="7500")
    (found,) = run(b.check_unit_drift, document(item("s", indicators=[ind])))
    assert (found.printed, found.year) == ("7500", None)


def test_unit_drift_text_and_declared_units():
    count = indicator("Jumlah Rumah Tangga", targets=[(2021, "12 %")])
    declared = indicator("Persentase dokumen", unit="%", baseline="96,32", targets=[(2022, "100")])
    predicate = indicator("Nilai SAKIP", unit="Predikat", targets=[(2022, "BB")])
    doc = document(item("a", indicators=[count]), item("b", indicators=[declared]),
                   item("c", indicators=[predicate]))
    found = run(b.check_unit_drift, doc)
    assert [(f.item_key, f.severity, f.printed) for f in found] == [("a", "info", "12 %")]


# ----------------------------------------------------------------------------- target/pagu


def test_target_and_pagu_per_year():
    doc = document(
        item("a", "sub_kegiatan", budgets=[("pagu", 2021, "0"), ("pagu", 2022, "5")],
             indicators=[indicator(targets=[(2021, "1"), (2022, "2")])]),
        item("b", "sub_kegiatan", budgets=[("pagu", 2021, "40"), ("pagu", 2022, "50")],
             indicators=[indicator(targets=[(2022, "BB")])]),
        item("c", "sub_kegiatan", budgets=[("pagu", 2021, "0"), ("pagu", 2022, "0")],
             indicators=[indicator(targets=[(2021, "0"), (2022, "-")])]),
    )
    without_pagu = [(f.item_key, f.year) for f in run(b.check_target_without_pagu, doc)]
    without_target = [(f.item_key, f.year) for f in run(b.check_pagu_without_target, doc)]
    assert without_pagu == [("a", 2021)]
    assert without_target == [("b", 2021)]


def test_target_pagu_ignores_a_target_column_the_level_never_prints():
    doc = document(
        item("p", "program", budgets=[("pagu", 2022, "5")], indicators=[indicator(targets=[(2022, "1")])]),
        item("k", "kegiatan", parent="p", budgets=[("pagu", 2021, "5"), ("pagu", 2022, "5")],
             indicators=[indicator(targets=[(2021, "1")])]),
    )
    assert run(b.check_pagu_without_target, doc) == []


# ----------------------------------------------------------------------------- others


def test_indicator_without_text():
    doc = document(item("a", indicators=[indicator("", targets=[(2021, "20")])]),
                   item("b", indicators=[indicator("")]))
    assert [f.item_key for f in run(b.check_indicator_text, doc)] == ["a"]


def test_duplicate_codes_and_names_under_one_parent():
    doc = document(
        item("p", "program", line=1),
        item("a", parent="p", code="1.06.02.2.01", line=2, name="Penyediaan Sandang"),
        item("b", parent="p", code="1.06.02.2.01", line=3, name="Lain"),
        item("c", parent="p", line=4, name="penyediaan  sandang"),
        item("q", "program", line=5),
        item("d", parent="q", line=6, name="Penyediaan Sandang"),
    )
    found = [(f.item_key, f.locator, f.params["first_line"]) for f in run(b.check_duplicate_items, doc)]
    assert found == [("b", "code", "2"), ("c", "name", "2")]


def test_printings_compared_cell_by_cell_after_whitespace_normalisation():
    columns = ("code", "name", "rp1")
    doc = document(tables=[
        table("t-printing-1", columns, [(10, ("1 06", "A  b", "77.000.000")), (11, ("", "C", "5"))]),
        table("t-printing-2", columns, [(20, ("1 06", "A b", "77.000")), (21, ("", "C", "5"))]),
        table("other", columns, [(30, ("x", "y", "z"))]),
    ])
    (found,) = run(b.check_printings_differ, doc)
    assert (found.table_key, found.printed, found.expected, found.source_line) == (
        "t-printing-1", "77.000.000", "77.000", 10)
    assert found.params["other_line"] == "20" and found.params["column"] == "rp1"


def test_printings_with_different_row_counts_are_paired_by_label():
    columns = ("code", "name", "rp1")
    doc = document(tables=[
        table("t-printing-1", columns, [(1, ("1", "A", "5")), (2, ("2", "B", "6"))]),
        table("t-printing-2", columns, [(9, ("2", "B", "7"))]),
    ])
    (found,) = run(b.check_printings_differ, doc)
    assert (found.printed, found.expected) == ("6", "7")


def test_ratio_rounds_half_up_at_the_printed_precision():
    def doc(result):
        return document(item("s", "sasaran", extra=[
            ("iku_numerator_printed", "1"), ("iku_denominator_printed", "8"),
            ("iku_result_printed", result)]))

    assert run(b.check_ratio_recompute, doc("13%")) == []  # 12.5 -> 13
    (found,) = run(b.check_ratio_recompute, doc("12%"))
    assert found.expected == "13"
    assert found.params["exact"] == "12.5"
    assert (found.params["numerator_value"], found.params["denominator_value"]) == (1, 8)
    assert found.params["expected_value"] == Decimal(13)


def test_authority_digit_finding_names_the_expected_digit():
    doc = document(item("k", code="1.06.03.1.01", printed_code="1 06 03 1.01"),
                   version="kmdn050-5889-2021")
    (found,) = run(b.check_code_format, doc, CheckContext(jurisdiction="kabkota"))
    assert (found.severity, found.params["digit"], found.params["expected_digit"]) == ("error", "1", "2")
