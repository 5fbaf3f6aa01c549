"""Small helpers shared by the checks: parsing printed cells, Decimal sums and rounding."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

from core.numbers import ParsedNumber, parse_printed
from core.specs import DocumentSpec, ItemSpec

HUNDRED = Decimal(100)


def parse(printed: str | None, document: DocumentSpec) -> ParsedNumber:
    """Parse ``printed`` with the document's number style."""
    return parse_printed(printed, document.number_style)


def number(printed: str | None, document: DocumentSpec) -> Decimal | None:
    """The value of a printed number, or None for an empty mark or text."""
    parsed = parse(printed, document)
    return parsed.value if parsed.is_number else None


def amount(printed: str | None, document: DocumentSpec) -> Decimal | None:
    """Like :func:`number`, but an empty mark (``-``, nothing) counts as zero."""
    parsed = parse(printed, document)
    if parsed.status == "empty":
        return Decimal(0)
    return parsed.value if parsed.is_number else None


def plain(value: Decimal | None) -> str | None:
    """A Decimal as a plain string without exponent: ``2492458000``, ``92.77``."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def places(value: Decimal) -> int:
    """Number of decimal places a parsed value was printed with (``92.78`` -> 2)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def round_to(value: Decimal, decimals: int) -> Decimal:
    """Round half up to ``decimals`` places (how the documents round percentages)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def extras(item: ItemSpec) -> dict[str, str]:
    """An item's extras as a dict (the first printing of a repeated name wins)."""
    found: dict[str, str] = {}
    for name, printed in item.extra:
        found.setdefault(name, printed)
    return found


def total(values: Iterable[Decimal]) -> Decimal:
    """Sum of Decimals (``sum`` would start from the int 0; this keeps it Decimal)."""
    result = Decimal(0)
    for value in values:
        result += value
    return result
