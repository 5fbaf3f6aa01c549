"""Number formatting per locale (HTML/PDF text) and XLSX number formats."""

from decimal import Decimal

import pytest
from babel.core import UnknownLocaleError

from core.reports.formatting import format_value, xlsx_number_format, xlsx_value


@pytest.mark.parametrize(
    "value, fmt, locale, expected",
    [
        # seed 001 line 1589: Rp 5.093.068.611, Rp 4.825.424.420, 94,74 %
        (Decimal("5093068611"), "money", "id", "5.093.068.611"),
        (Decimal("5093068611"), "money", "en", "5,093,068,611"),
        (Decimal("4825424420"), "integer", "id", "4.825.424.420"),
        (Decimal("94.74"), "percent", "id", "94,74%"),
        (Decimal("94.74"), "percent", "en", "94.74%"),
        # seed 000 line 1320: 1.413.000.000 and 100%
        (1413000000, "money", "id", "1.413.000.000"),
        (1413000000, "money", "en", "1,413,000,000"),
        (Decimal("100"), "percent", "id", "100%"),
        # seed 001 line 827: 13.415 / 14.460 = 92,78
        (13415, "integer", "id", "13.415"),
        (13415, "integer", "en", "13,415"),
        (Decimal("92.78"), "decimal", "id", "92,78"),
        (Decimal("92.78"), "decimal", "en", "92.78"),
        (Decimal("120"), "decimal", "id", "120,00"),
        # a fractional Rupiah amount is shown, not rounded away
        (Decimal("1234.5"), "money", "id", "1.234,5"),
        (Decimal("-1500"), "money", "id", "-1.500"),
    ],
)
def test_numbers(value, fmt, locale, expected):
    assert format_value(value, fmt, locale) == expected


def test_text_and_empty_values():
    # Printed text in a numeric column stays as printed (seed 000 line 1320: "-").
    assert format_value("-", "money", "id") == "-"
    assert format_value("50 org", "integer", "en") == "50 org"
    assert format_value(None, "money", "id") == ""
    assert format_value(2021, "text", "id") == "2021"
    assert format_value(Decimal("1.06"), "text", "en") == "1.06"


def test_unknown_locale_fails():
    with pytest.raises(UnknownLocaleError):
        format_value(1, "integer", "xx")


def test_xlsx_number_formats_are_excel_syntax_in_every_locale():
    for locale in ("id", "en"):
        assert xlsx_number_format("money", locale) == "#,##0"
        assert xlsx_number_format("integer", locale) == "#,##0"
        assert xlsx_number_format("decimal", locale) == "#,##0.00"
        assert xlsx_number_format("percent", locale) == "0.00%"
        assert xlsx_number_format("text", locale) is None


def test_xlsx_values():
    assert xlsx_value(Decimal("94.74"), "percent") == pytest.approx(0.9474)
    assert xlsx_value(Decimal("1413000000"), "money") == 1413000000.0
    assert xlsx_value(7, "integer") == 7
