"""Properties of the engine over generated inputs (hypothesis)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.achievement import (
    REASONS,
    SCALES,
    Band,
    PredicateScale,
    Result,
    ScaleError,
    absorption,
    aggregate,
    capaian,
    evaluation_renja,
    iku,
    predicate,
    rollup_absorption,
    round_half_up,
)

#: Local settings (not a global profile, so other test modules keep theirs): no deadline on
#: a shared machine, no example database written into the working directory.
PROPERTY = settings(deadline=None, max_examples=80, database=None)

RULES = [("higher", "higher:R/T"), ("lower", "lower:(2T-R)/T"), ("lower", "lower:T/R")]


def _decimal(sign: int, digits: list[int], exponent: int) -> Decimal:
    return Decimal((sign, tuple(digits), exponent))


def finite(max_exponent: int = 10**6) -> st.SearchStrategy[Decimal]:
    """Finite Decimals from tiny to huge, including zero and negative zero."""
    return st.one_of(
        st.builds(
            _decimal,
            st.integers(0, 1),
            st.lists(st.integers(0, 9), min_size=1, max_size=40),
            st.integers(-max_exponent, max_exponent),
        ),
        st.decimals(allow_nan=False, allow_infinity=False),
    )


def positive(max_exponent: int = 10**6) -> st.SearchStrategy[Decimal]:
    return st.builds(
        _decimal,
        st.just(0),
        st.lists(st.integers(0, 9), min_size=1, max_size=40).filter(any),
        st.integers(-max_exponent, max_exponent),
    )


any_decimal = st.one_of(finite(), st.decimals(allow_nan=True, allow_infinity=True))
any_input = st.one_of(
    st.none(),
    any_decimal,
    st.integers(-(10**40), 10**40),
    st.sampled_from(["", "-", "Perbaikan ruang data", "BB", "100 Orang dan 13 kegiatan"]),
)
money = st.builds(
    lambda units, cents: Decimal(units) + Decimal(cents).scaleb(-2),
    st.integers(0, 10**13),
    st.integers(0, 99),
)
signed_money = st.builds(lambda m, negative: -m if negative else m, money, st.booleans())
quarters = st.dictionaries(st.integers(1, 4), any_input, max_size=4)


def assert_well_formed(result: Result) -> None:
    """A value iff ok; a known reason iff not computable; never a non-finite value."""
    if result.status == "ok":
        assert isinstance(result.value, Decimal) and result.value.is_finite()
        assert result.reason is None
    else:
        assert result.status == "not_computable"
        assert result.value is None
        assert result.reason in REASONS
    assert result.rules and isinstance(result.formula, str)


# --- no input raises -----------------------------------------------------------------------


@PROPERTY
@given(any_input, any_input, st.sampled_from(RULES))
def test_capaian_never_raises(target, realisation, rule):
    result = capaian(target, realisation, *rule)
    assert_well_formed(result)
    zero_target = isinstance(target, Decimal) and target.is_finite() and target.is_zero()
    if zero_target and rule[1] != "lower:T/R":
        # Never a 0 % for a division by zero.
        assert result.reason in {"zero_target", "missing_realisation", "text_realisation", "not_finite"}


@PROPERTY
@given(quarters, st.sampled_from(["sum", "last", "level"]))
def test_aggregate_never_raises(values, aggregation):
    assert_well_formed(aggregate(values, aggregation))


@PROPERTY
@given(any_input, any_input)
def test_absorption_and_iku_never_raise(a, b):
    assert_well_formed(absorption(a, b))
    assert_well_formed(iku(a, b))


@PROPERTY
@given(st.lists(st.tuples(any_input, any_input), max_size=6), st.booleans())
def test_rollup_never_raises(pairs, partial):
    assert_well_formed(rollup_absorption(dict(enumerate(pairs)), partial=partial))


@PROPERTY
@given(
    any_input, any_input, any_input, quarters, st.sampled_from(RULES), st.sampled_from(["sum", "last"])
)
def test_evaluation_never_raises(col5, col6, col7, values, rule, aggregation):
    row = evaluation_renja(
        target_end=col5,
        realised_before=col6,
        target_year=col7,
        quarters=values,
        polarity=rule[0],
        rule=rule[1],
        aggregation=aggregation,
    )
    for result in row.columns.values():
        assert_well_formed(result)


@PROPERTY
@given(any_decimal | st.none(), st.sampled_from(sorted(SCALES)))
def test_predicate_never_raises(value, scale_id):
    band = predicate(value, SCALES[scale_id])
    assert band is None or isinstance(band, Band)


@PROPERTY
@given(st.one_of(st.none(), finite(max_exponent=2000), st.decimals()), st.integers(0, 6))
def test_round_half_up_never_raises(value, places):
    rounded = round_half_up(value, places)
    if value is None or not value.is_finite():
        assert rounded is None
    else:
        assert rounded.as_tuple().exponent == -places
        assert abs(Fraction(rounded) - Fraction(value)) <= Fraction(1, 2 * 10**places)


# --- monotonicity --------------------------------------------------------------------------


@PROPERTY
@given(positive(), finite(), finite())
def test_higher_is_non_decreasing_in_realisation(target, r1, r2):
    low, high = sorted((r1, r2))
    a, b = capaian(target, low, "higher"), capaian(target, high, "higher")
    assert a.ok and b.ok
    assert a.value <= b.value


@PROPERTY
@given(positive(), finite(), finite())
def test_lower_two_t_minus_r_is_non_increasing_in_realisation(target, r1, r2):
    low, high = sorted((r1, r2))
    a = capaian(target, low, "lower", "lower:(2T-R)/T")
    b = capaian(target, high, "lower", "lower:(2T-R)/T")
    assert a.ok and b.ok
    assert a.value >= b.value


@PROPERTY
@given(positive(), positive(), positive())
def test_lower_t_over_r_is_non_increasing_in_positive_realisation(target, r1, r2):
    # T / R is not monotonic across R = 0 (it jumps from minus to plus), hence R > 0.
    low, high = sorted((r1, r2))
    a = capaian(target, low, "lower", "lower:T/R")
    b = capaian(target, high, "lower", "lower:T/R")
    assert a.ok and b.ok
    assert a.value >= b.value


# --- absorption roll-up --------------------------------------------------------------------


@PROPERTY
@given(st.lists(st.tuples(money, money), min_size=1, max_size=30))
def test_rollup_equals_sum_of_realised_over_sum_of_pagu(pairs):
    result = rollup_absorption({n: pair for n, pair in enumerate(pairs)})
    realised = sum((Fraction(r) for r, _ in pairs), Fraction(0))
    pagu = sum((Fraction(p) for _, p in pairs), Fraction(0))
    assert (Fraction(result.input("realised")), Fraction(result.input("pagu"))) == (realised, pagu)
    if pagu == 0:
        assert result.reason == "zero_target"
    else:
        exact = realised * 100 / pagu
        assert abs(Fraction(result.value) - exact) <= exact / 10**33


@PROPERTY
@given(st.lists(st.tuples(finite(40).map(abs), finite(40).map(abs)), min_size=1, max_size=10))
def test_rollup_of_wide_non_negative_values_is_close_to_sum_over_sum(pairs):
    result = rollup_absorption(dict(enumerate(pairs)))
    realised = sum((Fraction(r) for r, _ in pairs), Fraction(0))
    pagu = sum((Fraction(p) for _, p in pairs), Fraction(0))
    if pagu == 0:
        assert result.reason == "zero_target"
    else:
        exact = realised * 100 / pagu
        assert abs(Fraction(result.value) - exact) <= exact / 10**31


@PROPERTY
@given(st.lists(st.lists(st.tuples(money, money), min_size=1, max_size=5), min_size=1, max_size=6))
def test_nested_rollup_equals_flat_rollup(groups):
    nested = rollup_absorption(
        {g: rollup_absorption(dict(enumerate(group))) for g, group in enumerate(groups)}
    )
    flat = rollup_absorption(
        [((g, i), pair) for g, group in enumerate(groups) for i, pair in enumerate(group)]
    )
    assert nested.inputs == flat.inputs
    assert (nested.value, nested.reason) == (flat.value, flat.reason)


# --- evaluation table ----------------------------------------------------------------------


@PROPERTY
@given(signed_money, st.lists(signed_money, min_size=4, max_size=4), money, money)
def test_column_12_is_the_sum_of_8_to_11_and_14_is_6_plus_12(col6, parts, col5, col7):
    row = evaluation_renja(target_end=col5, realised_before=col6, target_year=col7, quarters=parts)
    total = sum((Fraction(p) for p in parts), Fraction(0))
    assert Fraction(row.col12.value) == total
    assert Fraction(row.col14.value) == Fraction(col6) + total
    assert [value for _, value in row.col12.inputs] == parts


# --- predicate scales ----------------------------------------------------------------------


@PROPERTY
@given(finite(), st.sampled_from(sorted(SCALES)))
def test_builtin_scales_give_every_value_exactly_one_band(value, scale_id):
    scale = SCALES[scale_id]
    containing = [band for band in scale.bands if band.contains(value)]
    assert len(containing) == 1
    assert predicate(value, scale) is containing[0]


@st.composite
def valid_scales(draw, min_cuts=1):
    """A valid scale built from random cut points, and the cut points."""
    cuts = sorted(set(draw(st.lists(finite(20), min_size=min_cuts, max_size=6, unique=True))))
    above = draw(st.lists(st.booleans(), min_size=len(cuts), max_size=len(cuts)))
    bands = []
    if draw(st.booleans()):  # unbounded below
        bands.append(Band(None, False, cuts[0], not above[0], "b0", "b0", "#000"))
    else:
        above[0] = draw(st.booleans())  # whether the minimum itself is inside
    for i in range(1, len(cuts)):
        bands.append(
            Band(cuts[i - 1], above[i - 1], cuts[i], not above[i], f"b{i}", f"b{i}", "#000")
        )
    bands.append(Band(cuts[-1], above[-1], None, False, "top", "top", "#000"))
    return PredicateScale(id="generated", bands=tuple(draw(st.permutations(bands)))), cuts


@PROPERTY
@given(st.data())
def test_generated_scales_give_every_value_above_the_minimum_exactly_one_band(data):
    scale, cuts = data.draw(valid_scales())
    value = data.draw(st.one_of(finite(20), st.sampled_from(cuts)))
    low, inclusive = scale.minimum
    at_or_above_min = low is None or value > low or (value == low and inclusive)
    containing = [band for band in scale.bands if band.contains(value)]
    assert len(containing) == (1 if at_or_above_min else 0)
    assert predicate(value, scale) is (containing[0] if containing else None)


@PROPERTY
@given(st.data())
def test_removing_an_inner_band_is_refused_as_a_gap(data):
    scale, _ = data.draw(valid_scales(min_cuts=3))
    ordered = scale.ascending
    index = data.draw(st.integers(1, len(ordered) - 2))
    with pytest.raises(ScaleError, match="gap"):
        PredicateScale(id="holed", bands=ordered[:index] + ordered[index + 1 :])
