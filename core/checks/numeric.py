"""Small helpers shared by the checks: parsing printed cells, Decimal sums and rounding."""

from __future__ import annotations

import re
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


def money_reading(printed: str | None, document: DocumentSpec) -> tuple[Decimal | None, bool]:
    """A printed Rupiah amount and whether its context decided the reading.

    A Rupiah amount has no decimals. ``5.000,000`` prints both separators with three digits
    after the last one: as a decimal that is 5000.000 rupiah, which no budget table means; read
    as an amount, every separator groups thousands (5,000,000). The second value says that
    this reading was used (the number-reading check names it)."""
    parsed = parse(printed, document)
    text = (printed or "").strip()
    if parsed.is_number and "." in text and "," in text and re.fullmatch(r"\d{1,3}([.,]\d{3})+", text):
        return Decimal(re.sub(r"[.,]", "", text)), True
    return (parsed.value if parsed.is_number else None), False


def money(printed: str | None, document: DocumentSpec) -> Decimal | None:
    """A printed budget cell as an amount (see :func:`money_reading`), or None for text."""
    return money_reading(printed, document)[0]


def money_or_zero(printed: str | None, document: DocumentSpec) -> Decimal | None:
    """Like :func:`money`, but an empty mark (``-``, nothing) counts as zero."""
    if parse(printed, document).status == "empty":
        return Decimal(0)
    return money(printed, document)
