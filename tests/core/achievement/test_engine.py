"""Behaviour of each engine function: values, reasons, rule stamps, formulas."""

from decimal import Decimal

import pytest

from core.achievement import (
    REASONS,
    Band,
    PredicateScale,
    absorption,
    aggregate,
    capaian,
    evaluation_renja,
    iku,
    predicate,
    rollup_absorption,
    round_half_up,
)
from core.numbers import parse_printed

D = Decimal


# --- capaian -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "realisation", "reason"),
    [
        (None, D("8"), "no_target"),
        ("-", D("8"), "no_target"),
        ("", D("8"), "no_target"),
        (parse_printed("-"), D("8"), "no_target"),
        ("Perbaikan ruang data", D("8"), "text_target"),
        (D("0"), D("8"), "zero_target"),
        (D("-0"), D("8"), "zero_target"),
        (D("10"), None, "missing_realisation"),
        (D("10"), "UEP 10 org; sosialisasi 30 org", "text_realisation"),
        (D("NaN"), D("8"), "not_finite"),
        (D("10"), D("Infinity"), "not_finite"),
        (None, None, "no_target"),
    ],
)
def test_capaian_not_computable_reasons(target, realisation, reason):
    result = capaian(target, realisation)
    assert (result.status, result.reason, result.value) == ("not_computable", reason, None)
    assert reason in REASONS


def test_zero_target_is_never_zero_capaian():
    result = capaian(D("0"), D("0"))
    assert result.value is None and result.reason == "zero_target"
    assert result.formula == "R / T × 100 = 0 / 0 × 100"


def test_lower_t_over_r_with_zero_realisation_is_not_computable():
    result = capaian(D("10"), D("0"), "lower", "lower:T/R")
    assert (result.status, result.reason) == ("not_computable", "zero_realisation")


def test_lower_t_over_r_with_zero_target_is_zero():
    # No division by zero: a target of 0 missed by 5 achieves 0 % under T / R.
    assert capaian(D("0"), D("5"), "lower", "lower:T/R").value == D("0")


def test_lower_two_t_minus_r_can_go_negative():
    assert capaian(D("10"), D("25"), "lower").value == D("-50")


def test_capaian_inputs_and_formula_show_text_and_missing():
    result = capaian("5 paket", None)
    assert result.inputs == (("target", None), ("realisation", None))
    assert result.formula == "R / T × 100 = — / '5 paket' × 100"


def test_capaian_accepts_int_and_parsed_numbers():
    assert capaian(10, 8).value == D("80")
    assert capaian(parse_printed("100%"), parse_printed("94,74 %")).value == D("94.74")


@pytest.mark.parametrize("bad", [1.5, True, object()])
def test_capaian_refuses_floats_and_other_types(bad):
    with pytest.raises(TypeError):
        capaian(D("10"), bad)


def test_capaian_rule_must_match_polarity_and_exist():
    with pytest.raises(ValueError, match="lower"):
        capaian(D("10"), D("8"), "higher", "lower:T/R")
    with pytest.raises(ValueError, match="unknown capaian rule"):
        capaian(D("10"), D("8"), "lower", "lower:R-T")
    with pytest.raises(ValueError, match="unknown polarity"):
        capaian(D("10"), D("8"), "up")


def test_capaian_of_an_aggregate_carries_its_rule_note_and_reason():
    year = aggregate({1: D("3"), 2: D("4")}, "sum")
    result = capaian(D("10"), year)
    assert result.value == D("70")
    assert result.rules == ("higher:R/T", "sum")
    assert result.note == "not reported: Q3, Q4"

    failed = capaian(D("10"), aggregate({1: D("3"), 2: "refocusing"}, "sum"))
    assert failed.reason == "text_realisation"
    assert failed.rules == ("higher:R/T", "sum")


# --- aggregation ---------------------------------------------------------------------------


def test_sum_adds_all_quarters():
    result = aggregate({1: D("1.5"), 2: D("2"), 3: D("0"), 4: D("10.25")}, "sum")
    assert result.value == D("13.75")
    assert result.rules == ("sum",)
    assert result.note is None
    assert result.formula == "Q1 + Q2 + Q3 + Q4 = 1.5 + 2 + 0 + 10.25"


def test_sum_of_reported_quarters_names_the_unreported():
    result = aggregate([D("5"), None, D("7")], "sum")
    assert result.value == D("12")
    assert result.note == "not reported: Q2, Q4"
    assert result.inputs == (("Q1", D("5")), ("Q2", None), ("Q3", D("7")), ("Q4", None))


def test_no_quarter_reported_is_missing_realisation():
    for aggregation in ("sum", "last", "level"):
        result = aggregate({}, aggregation)
        assert (result.status, result.reason) == ("not_computable", "missing_realisation")


def test_text_quarter_in_a_sum_is_text_realisation():
    result = aggregate({1: D("5"), 2: "Paving block"}, "sum")
    assert result.reason == "text_realisation"
    assert result.note == "Q2: 'Paving block'"


def test_last_and_level_take_the_latest_reported_quarter():
    quarters = {1: D("40"), 2: D("55.5"), 3: None, 4: D("60")}
    assert aggregate(quarters, "last").value == D("60")
    assert aggregate(quarters, "level").rules == ("level",)
    partial = aggregate({1: D("40"), 2: D("55.5")}, "last")
    assert partial.value == D("55.5")
    assert partial.formula == "latest of Q1, Q2, Q3, Q4 = Q2 = 55.5"
    assert partial.note == "not reported: Q3, Q4"


def test_last_does_not_fall_back_past_a_text_quarter():
    assert aggregate({1: D("40"), 2: "BB"}, "last").reason == "text_realisation"


@pytest.mark.parametrize("quarters", [{0: D("1")}, {5: D("1")}, [D("1")] * 5])
def test_quarters_outside_one_to_four_are_refused(quarters):
    with pytest.raises(ValueError, match="quarters"):
        aggregate(quarters, "sum")


def test_unknown_aggregation_is_refused():
    with pytest.raises(ValueError, match="unknown aggregation"):
        aggregate({1: D("1")}, "mean")


# --- predicate -----------------------------------------------------------------------------


def test_predicate_below_a_bounded_minimum_is_none():
    scale = PredicateScale(
        id="two-bands",
        bands=(
            Band(D("0"), True, D("50"), False, "Kurang", "Poor", "#f00"),
            Band(D("50"), True, None, False, "Baik", "Good", "#0f0"),
        ),
    )
    assert predicate(D("-0.01"), scale) is None
    assert predicate(D("0"), scale).label == "Kurang"
    assert predicate(D("50"), scale).label == "Baik"


@pytest.mark.parametrize(
    ("realised", "pagu", "reason"),
    [
        (D("1"), None, "no_target"),
        (D("1"), D("0"), "zero_target"),
        (D("1"), "null", "text_target"),
        (None, D("100"), "missing_realisation"),
        ("-", D("100"), "missing_realisation"),
    ],
)
def test_absorption_not_computable(realised, pagu, reason):
    result = absorption(realised, pagu)
    assert (result.value, result.reason) == (None, reason)
    assert result.rules == ("absorption:R/P",)


def test_iku_zero_denominator_is_not_computable():
    assert iku(D("5"), D("0")).reason == "zero_target"


def test_rollup_is_sum_over_sum_not_mean_of_percents():
    # 9.961.580 of 26.000.000 and 2.974.430 of 15.000.000 (001 lines 705-706, as a sample).
    result = rollup_absorption(
        {"a": (D("9961580"), D("26000000")), "b": (D("2974430"), D("15000000"))}
    )
    assert result.inputs == (("realised", D("12936010")), ("pagu", D("41000000")))
    assert result.value.quantize(D("0.0001")) == D("31.5512")
    assert [key for key, _ in result.components] == ["a", "b"]
    assert result.components[0][1].rules == ("absorption:R/P",)
    assert result.rules == ("absorption-rollup:sum(R)/sum(P)",)


def test_rollup_counts_zero_pagu_components_in_the_sums():
    result = rollup_absorption({"a": (D("50"), D("100")), "b": (D("30"), D("0"))})
    assert result.value == D("80")
    assert result.components[1][1].reason == "zero_target"


def test_rollup_with_an_incomplete_component_is_not_computable_unless_partial():
    components = {"a": (D("50"), D("100")), "b": (None, D("100")), "c": (D("1"), "x")}
    strict = rollup_absorption(components)
    assert (strict.status, strict.reason) == ("not_computable", "missing_realisation")
    assert strict.note == "incomplete: b, c"

    partial = rollup_absorption(components, partial=True)
    assert partial.value == D("50")
    assert partial.note == "left out (incomplete: b, c)"


def test_rollups_nest():
    kegiatan = {
        "k1": rollup_absorption({"s1": (D("10"), D("20")), "s2": (D("30"), D("40"))}),
        "k2": rollup_absorption({"s3": (D("5"), D("40"))}),
    }
    program = rollup_absorption(kegiatan)
    assert program.inputs == (("realised", D("45")), ("pagu", D("100")))
    assert program.value == D("45")


def test_rollup_of_nothing_or_zero_pagu_is_not_computable():
    assert rollup_absorption({}).reason == "no_target"
    assert rollup_absorption([("a", (D("0"), D("0")))]).reason == "zero_target"


# --- Permendagri 86/2017 evaluation --------------------------------------------------------


def test_evaluation_columns_12_to_15():
    row = evaluation_renja(
        target_end=D("100"),
        realised_before=D("20"),
        target_year=D("25"),
        quarters=[D("5"), D("5"), D("5"), D("10")],
    )
    assert [row.columns[c].value for c in (12, 13, 14, 15)] == [D("25"), D("100"), D("45"), D("45")]
    assert row.col12.formula == "(8) + (9) + (10) + (11) = 5 + 5 + 5 + 10"
    assert row.col13.formula == "(12) / (7) × 100 = 25 / 25 × 100"
    assert row.col14.formula == "(6) + (12) = 20 + 25"
    assert row.col15.formula == "(14) / (5) × 100 = 45 / 100 × 100"
    assert row.col13.rules[:2] == ("permendagri86:col13=12/7", "higher:R/T")
    assert row.col15.rules[0] == "permendagri86:col15=14/5"


def test_evaluation_rupiah_row():
    # The Rp side of the table, with the two amounts 001 line 740 prints for Rehabilitasi
    # Sosial Dasar (1.557.000.000 and 834.059.927); the quarterly split is invented.
    row = evaluation_renja(
        target_end=D("1557000000"),
        realised_before=D("0"),
        target_year=D("1557000000"),
        quarters={1: D("100000000"), 2: D("200000000"), 3: D("300000000"), 4: D("234059927")},
    )
    assert row.col12.value == D("834059927")
    assert round_half_up(row.col13) == D("53.57")
    assert row.col14.value == D("834059927")


def test_evaluation_lower_is_better_uses_the_chosen_rule():
    row = evaluation_renja(
        target_end=D("50"),
        realised_before=D("30"),
        target_year=D("10"),
        quarters=[D("2"), D("2"), D("2"), D("2")],
        polarity="lower",
        rule="lower:T/R",
    )
    assert row.col13.value == D("125")
    assert row.col15.value == D("131.5789473684210526315789473684211")
    assert "lower:T/R" in row.col15.rules


def test_evaluation_of_a_percentage_indicator_takes_the_latest_quarter():
    row = evaluation_renja(
        target_end=D("100"), realised_before=D("88.4"), target_year=D("91.5"),
        quarters={1: D("80"), 2: D("85"), 4: D("92.78")}, aggregation="last",
    )
    assert row.col12.value == D("92.78")
    assert row.col14.value == D("92.78")
    assert row.col14.rules[0] == "permendagri86:col14=12"
    assert row.col12.rules[0] == "permendagri86:col12=latest(8..11)"


def test_evaluation_missing_pieces_propagate_with_their_reason():
    row = evaluation_renja(
        target_end=D("100"), realised_before=None, target_year="-", quarters={1: D("5")}
    )
    assert row.col12.value == D("5")
    assert row.col12.note == "not reported: (9), (10), (11)"
    assert row.col13.reason == "no_target"
    assert row.col14.reason == "missing_realisation"
    assert row.col15.reason == "missing_realisation"


def test_evaluation_text_quarter_makes_12_to_15_not_computable():
    row = evaluation_renja(
        target_end=D("100"),
        realised_before=D("1"),
        target_year=D("10"),
        quarters=[D("1"), "refocusing"],
    )
    assert [row.columns[c].reason for c in (12, 13, 14, 15)] == ["text_realisation"] * 4


# --- presentation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("92.775", 2, "92.78"),
        ("92.7749", 2, "92.77"),
        ("94.745", 2, "94.75"),
        ("-1.005", 2, "-1.01"),
        ("66.5", 0, "67"),
        ("1E+30", 2, "1000000000000000000000000000000.00"),
        ("1E-30", 2, "0.00"),
    ],
)
def test_round_half_up(value, places, expected):
    assert str(round_half_up(D(value), places)) == expected


def test_round_half_up_of_nothing_is_nothing():
    assert round_half_up(None) is None
    assert round_half_up(D("NaN")) is None
    assert round_half_up(capaian(D("0"), D("1"))) is None
