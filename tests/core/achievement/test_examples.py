"""Hand-typed examples, most of them from the seed documents (line numbers in comments).

Seed 001 is ``001_3aabf0c976021ff8.txt`` (Kota Metro, LAKIP 2023); seed 004 is
``004_2a3be033757a0ae5.txt`` (Lampung Barat, Renja 2021).
"""

from decimal import ROUND_DOWN, Decimal

import pytest

from core.achievement import (
    SAKIP_GENERIC,
    Band,
    PredicateScale,
    ScaleError,
    absorption,
    capaian,
    iku,
    predicate,
    round_half_up,
)
from core.numbers import parse_printed


def test_lower_is_better_variants_target_10_realisation_8():
    # DOMAIN.md §6: target 10, realisation 8 gives 120 % vs 125 %.
    higher = capaian(Decimal("10"), Decimal("8"), "higher")
    permenpan = capaian(Decimal("10"), Decimal("8"), "lower", "lower:(2T-R)/T")
    inverse = capaian(Decimal("10"), Decimal("8"), "lower", "lower:T/R")

    assert higher.value == Decimal("80")
    assert higher.formula == "R / T × 100 = 8 / 10 × 100"
    assert permenpan.value == Decimal("120")
    assert permenpan.rules == ("lower:(2T-R)/T",)
    assert permenpan.formula == "(2 × T − R) / T × 100 = (2 × 10 − 8) / 10 × 100"
    assert inverse.value == Decimal("125")
    assert inverse.rules == ("lower:T/R",)
    assert inverse.formula == "T / R × 100 = 10 / 8 × 100"


def test_lower_is_better_default_rule_is_permenpan_style():
    assert capaian(Decimal("10"), Decimal("8"), "lower").rules == ("lower:(2T-R)/T",)


def test_kota_metro_iku_computes_92_77():
    # 001 line 823: "jumlah ppks tahun 2023 sebesar 14.460"; line 827: 13.415 / 14.460 × 100%.
    result = iku(Decimal("13415"), Decimal("14460"))

    assert result.ok
    assert result.rules == ("iku:N/D",)
    assert result.formula == "N / D × 100 = 13415 / 14460 × 100"
    # 13415 / 14460 = 0.92773167358229598893... (computed independently)
    assert result.value.quantize(Decimal("1E-10")) == Decimal("92.7731673582")
    assert round_half_up(result) == Decimal("92.77")


def test_kota_metro_iku_printed_92_78_disagrees_with_arithmetic():
    # 001 line 827 prints "PPKS = 92.78%" and line 779 the realisation "92.78%", but
    # 13.415 / 14.460 = 92.7731...: neither half-up rounding nor truncation gives 92.78.
    printed = Decimal("92.78")
    result = iku(Decimal("13415"), Decimal("14460"))

    assert round_half_up(result) != printed
    assert result.value.quantize(Decimal("0.01"), rounding=ROUND_DOWN) != printed
    assert round_half_up(result) == Decimal("92.77")


def test_kota_metro_handled_ppks_counts_add_up_to_13415():
    # 001 lines 783-812: the eleven counts behind "jumlah PPKS yang ditangani" = 13.415.
    counts = [20, 7587, 503, 92, 4443, 33, 314, 171, 139, 21, 92]
    assert sum(counts) == 13415


def test_kota_metro_total_absorption_94_74():
    # 001 line 1587 totals 5.093.068.611 (pagu) and 4.825.424.420 (realised);
    # line 1589 prints "atau sebesar 94,74 %".
    realised = parse_printed("4.825.424.420")
    pagu = parse_printed("5.093.068.611")
    result = absorption(realised, pagu)

    assert result.inputs == (("realised", Decimal("4825424420")), ("pagu", Decimal("5093068611")))
    assert result.formula == "R / P × 100 = 4825424420 / 5093068611 × 100"
    assert result.value.quantize(Decimal("1E-10")) == Decimal("94.7449325457")
    assert round_half_up(result) == Decimal("94.74")


def test_lampung_barat_renstra_achievement_rounds_to_printed_67_percent():
    # 004 line 1137: Renstra target 6,000; realisation to 2020 4,000; printed "67%".
    result = capaian(Decimal("6000"), Decimal("4000"))
    assert round_half_up(result) == Decimal("66.67")
    assert round_half_up(result, 0) == Decimal("67")


def test_printed_target_with_unit_is_computable_text_target_is_not():
    # 001 line 540: "15 Orang" / "15 Orang"; line 557: "Perbaikan ruang data" as both.
    assert capaian(parse_printed("15 Orang"), parse_printed("15 Orang")).value == Decimal("100")
    text = capaian(parse_printed("Perbaikan ruang data"), parse_printed("Perbaikan ruang data"))
    assert (text.status, text.reason, text.value) == ("not_computable", "text_target", None)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("120", "Sangat Baik"),
        ("90", "Sangat Baik"),
        ("89.99", "Baik"),
        ("75", "Baik"),
        ("74.99", "Cukup"),
        ("65", "Cukup"),
        ("64.99", "Kurang"),
        ("50", "Kurang"),
        ("49.99", "Sangat Kurang"),
    ],
)
def test_generic_sakip_scale_boundaries(value, label):
    assert predicate(Decimal(value), SAKIP_GENERIC).label == label


