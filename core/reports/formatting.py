"""Numbers shown the way a locale writes them, in HTML/PDF text and in XLSX number formats.

``id`` writes ``1.413.000.000`` and ``94,74``; ``en`` writes ``1,413,000,000`` and
``94.74``. Formatting goes through Babel with explicit patterns (never the locale's default
pattern, which would change with CLDR releases). ``percent`` values are in percent units:
``Decimal("94.74")`` shows as ``94,74%``.

XLSX stores numbers, not text: a cell keeps its value and carries a number format. Excel
writes format codes in one fixed syntax (``,`` groups, ``.`` is the decimal point) and shows
them with the reader's own separators, so the code is the same for every locale; writing
``#.##0`` for Indonesian would be a different (wrong) format.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

#: Babel display patterns per column format (text columns have none).
PATTERNS = {
    "integer": "#,##0",
    # Optional decimals: a fractional Rupiah amount is shown, never silently rounded away.
    "money": "#,##0.##",
    "decimal": "#,##0.00",
    "percent": "#,##0.##%",
    # A measure as recorded (85.3, 100, 2): the decimals it has, up to three.
    "number": "#,##0.###",
}

#: XLSX number format codes per column format (percent cells hold the fraction, 0.9474).
XLSX_FORMATS = {
    "integer": "#,##0",
    "money": "#,##0",
    "decimal": "#,##0.00",
    "percent": "0.00%",
    "number": "General",
}


@lru_cache(maxsize=None)
def _locale(locale: str) -> Locale:
    return Locale.parse(locale)


@lru_cache(maxsize=None)
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


def format_number(value: Decimal | int, fmt: str, locale: str) -> str:
    """A number as ``locale`` writes it, for column format ``fmt`` (not ``text``)."""
    pattern = _pattern(PATTERNS[fmt])
    if fmt == "percent":
        # Babel's % multiplies by 100; our values are already in percent units.
        value = Decimal(value) / 100
    return pattern.apply(value, _locale(locale))


def format_value(value: Decimal | int | str | None, fmt: str, locale: str) -> str:
    """The text shown for a cell: numbers formatted per locale, text as printed, None empty.

    A string in a numeric column is printed text that is not a number (``50 org``, ``-``)
    and is shown exactly as printed.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if fmt == "text":
        return str(value)
    return format_number(value, fmt, locale)


def xlsx_number_format(fmt: str, locale: str) -> str | None:
    """The XLSX number format code for a column format (None for ``text``).

    ``locale`` is accepted for symmetry and validated, but the code does not depend on it:
    see the module docstring.
    """
    _locale(locale)
    return XLSX_FORMATS.get(fmt)


def xlsx_value(value: Decimal | int, fmt: str) -> float | int:
    """The number an XLSX cell stores: percent units become a fraction (94.74 -> 0.9474)."""
    if fmt == "percent":
        return float(Decimal(value) / 100)
    if isinstance(value, int):
        return value
    return float(value)
