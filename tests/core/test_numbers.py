"""Parsing printed numbers: the seeds' conventions, and never a silent guess."""

from decimal import Decimal

import pytest

from core.numbers import NumberParseError, parse_printed, parse_required


@pytest.mark.parametrize("printed, style, value, unit", [
    ("1.413.000.000", "id", "1413000000", None),      # 000 Tabel 6.1, line 1313
    ("20,745,000,000", "en", "20745000000", None),    # 003 Tabel 6.1 totals
    ("20,745,000,000", "id", "20745000000", None),    # unambiguous whatever the style
    ("94,74 %", "id", "94.74", "%"),                  # 001 total absorption
    ("85,98", "en", "85.98", None),                   # 003 line 1214: comma decimal in an en document
    ("70,2", "en", "70.2", None),
    ("100%", "id", "100", "%"),
    ("50 org", "id", "50", "org"),
    ("29 Orang", "id", "29", "Orang"),
    ("130000000", "id", "130000000", None),
    ("Rp. 1.186.300", "id", "1186300", None),
    ("1.234,56", "id", "1234.56", None),
    ("1,234.56", "en", "1234.56", None),
    ("0,500", "id", "0.500", None),
])
def test_numbers_as_printed(printed, style, value, unit):
    result = parse_printed(printed, style)
    assert result.status == "number"
    assert result.value == Decimal(value)
    assert result.unit == unit
    assert result.printed == printed


@pytest.mark.parametrize("printed, style, value", [
    ("6,000", "id", "6.000"),   # 004 line 1137: one comma, three digits
    ("6,000", "en", "6000"),
    ("1.000", "id", "1000"),
    ("1.000", "en", "1.000"),
])
def test_ambiguous_separator_follows_style_and_says_so(printed, style, value):
    result = parse_printed(printed, style)
    assert result.value == Decimal(value)
    assert result.note and "ambiguous" in result.note and style in result.note


def test_mixed_separators_with_three_decimals_say_so():
    result = parse_printed("2.000,000", "en")  # 003 line 1274
    assert result.value == Decimal("2000.000")
    assert "ambiguous" in result.note


@pytest.mark.parametrize("printed", ["", "-", "  ", "–", None])
def test_empty_marks(printed):
    result = parse_printed(printed)
    assert result.status == "empty" and result.value is None


@pytest.mark.parametrize("printed, note", [
    ("BB", "not a number"),
    ("75 paket dan dapur untuk konsumsi 1000 orang", "not a number"),
    ("Perbaikan ruang data", "not a number"),
    ("12.5.3", "malformed"),
    ("1.000.00", "malformed"),
    ("1,2.3,4", "malformed"),
])
def test_text_stays_text(printed, note):
    result = parse_printed(printed)
    assert result.status == "text" and result.value is None
    assert note in result.note


def test_parse_required():
    assert parse_required("1.000.000") == Decimal("1000000")
    with pytest.raises(NumberParseError):
        parse_required("-")
    with pytest.raises(NumberParseError):
        parse_required("BB")


def test_values_are_decimals_never_floats():
    assert isinstance(parse_printed("94,74").value, Decimal)
