"""The strict number parser: canonical text in the API, the locale's writing in forms, bounded."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from core.numbers import StrictNumberError, parse_strict

money = st.decimals(min_value=0, max_value=10**15, places=2, allow_nan=False, allow_infinity=False)
measure = st.decimals(min_value=-(10**15), max_value=10**15, places=4, allow_nan=False, allow_infinity=False)


def canonical(value: Decimal) -> str:
    """Written by hand: fixed notation, no trailing zeros."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def grouped(value: Decimal, group: str, point: str) -> str:
    text = canonical(value)
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sign + group.join(groups) + (point + fraction if fraction else "")


@settings(max_examples=200, deadline=None)
@given(money)
def test_canonical_money_round_trips(value):
    assert parse_strict(canonical(value), "money") == value


@settings(max_examples=200, deadline=None)
@given(measure)
def test_locale_forms_read_the_same_value(value):
    assert parse_strict(grouped(value, ".", ","), "measure", "id") == value
    assert parse_strict(grouped(value, ",", "."), "measure", "en") == value
    assert parse_strict(canonical(value), "measure", "api") == value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_a_bounded_decimal_or_refused(text):
    try:
        value = parse_strict(text, "measure")
    except StrictNumberError:
        return
    assert value.is_finite() and abs(value) <= 10**15
    assert text.isascii() and "e" not in text.lower()
    assert -value.as_tuple().exponent <= 4


@pytest.mark.parametrize("text", ["NaN", "nan", "-Infinity", "1e309", "1E5", "1.000,5", "1,000", "1" * 23,
                                  "\u0663", "\uff11", "1\x00", " 1", "01", "1.", ".5", "+1", "1.23456", "",
                                  "10000000000000001"])
def test_refused_in_the_api(text):
    with pytest.raises(StrictNumberError):
        parse_strict(text, "measure")


def test_money_has_two_decimals_and_no_sign():
    assert parse_strict("1500000000.50", "money") == Decimal("1500000000.5")
    for text in ("1.005", "-1"):
        with pytest.raises(StrictNumberError):
            parse_strict(text, "money")


def test_not_a_string_is_refused():
    for value in (60, 1.5, None, ["1"]):
        with pytest.raises(StrictNumberError):
            parse_strict(value)
