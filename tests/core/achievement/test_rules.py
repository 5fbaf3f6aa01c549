"""Validation of predicate scales and the rule registries."""

from decimal import Decimal

import pytest

from core.achievement import (
    AGGREGATIONS,
    CAPAIAN_RULES,
    DEFAULT_CAPAIAN_RULES,
    SAKIP_GENERIC,
    Band,
    PredicateScale,
    ScaleError,
)

D = Decimal


def band(lower, lower_inclusive, upper, upper_inclusive, label):
    to_d = lambda v: None if v is None else D(v)  # noqa: E731
    return Band(to_d(lower), lower_inclusive, to_d(upper), upper_inclusive, label, label, "#000")


def test_capaian_rules_are_named_as_in_the_brief():
    assert sorted(CAPAIAN_RULES) == ["higher:R/T", "lower:(2T-R)/T", "lower:T/R"]
    assert CAPAIAN_RULES["lower:(2T-R)/T"].formula == "(2 × T − R) / T × 100"
    assert DEFAULT_CAPAIAN_RULES["higher"].id == "higher:R/T"
    assert sorted(AGGREGATIONS) == ["last", "level", "sum"]


def test_generic_scale_says_it_is_generic():
    assert "generic" in SAKIP_GENERIC.source


def test_overlapping_bands_are_refused():
    expected = r"'s1': overlap between 'A' \[0, 60\] and 'B' \[50, \+∞\)"
    with pytest.raises(ScaleError, match=expected):
        PredicateScale("s1", (band("0", True, "60", True, "A"), band("50", True, None, False, "B")))


def test_a_shared_boundary_inside_both_bands_is_an_overlap():
    with pytest.raises(ScaleError, match="overlap at 50"):
        PredicateScale("s2", (band("0", True, "50", True, "A"), band("50", True, None, False, "B")))


def test_a_shared_boundary_inside_neither_band_is_a_gap():
    with pytest.raises(ScaleError, match="gap at 50, which falls in no band"):
        PredicateScale(
            "s3", (band("0", True, "50", False, "A"), band("50", False, None, False, "B"))
        )


def test_a_scale_must_reach_upwards_without_end():
    with pytest.raises(ScaleError, match="gap above 100"):
        PredicateScale("s4", (band("0", True, "100", True, "A"),))


def test_two_bands_unbounded_below_overlap():
    with pytest.raises(ScaleError, match="overlap"):
        PredicateScale(
            "s5", (band(None, False, "10", False, "A"), band(None, False, None, False, "B"))
        )


def test_empty_band_and_no_bands_are_refused():
    with pytest.raises(ScaleError, match="is empty"):
        PredicateScale("s6", (band("5", True, "5", False, "A"), band("5", True, None, False, "B")))
    with pytest.raises(ScaleError, match="no bands"):
        PredicateScale("s7", ())


@pytest.mark.parametrize("bound", [90.5, 90, Decimal("Infinity")])
def test_bounds_must_be_finite_decimals(bound):
    with pytest.raises(ScaleError, match="finite Decimal"):
        Band(bound, True, None, False, "A", "A", "#000")


def test_a_single_point_band_is_allowed():
    scale = PredicateScale(
        "s8",
        (
            band(None, False, "100", False, "under"),
            band("100", True, "100", True, "exact"),
            band("100", False, None, False, "over"),
        ),
    )
    assert [b.label for b in scale.ascending] == ["under", "exact", "over"]
