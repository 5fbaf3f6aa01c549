"""Parsing printed numbers the way the source documents print them.

The seeds print ``1.413.000.000`` (dot thousands), ``20,745,000,000`` (comma thousands),
``94,74 %`` (comma decimal), ``50 org`` (a number with a unit word), ``-`` or nothing. The
parser decides by the shape of the text; only when the shape allows two readings (one
separator followed by exactly three digits, as ``6,000``) does the document's number style
decide, and the result says so in ``note``. Anything else stays text, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

EMPTY_MARKS = {"", "-", "–", "—", "--"}

_UNIT_WORD = r"[A-Za-z][A-Za-z./]*"
_NUMBER = r"[0-9][0-9.,]*"
_PATTERN = re.compile(
    rf"^(?:Rp\.?\s*)?(?P<num>{_NUMBER})\s*(?P<unit>%|{_UNIT_WORD})?$"
)


@dataclass(frozen=True)
class ParsedNumber:
    """The outcome of parsing one printed cell.

    ``status`` is ``number`` (``value`` set), ``empty`` (nothing or a dash was printed) or
    ``text`` (printed text that is not a number; ``value`` is None). ``note`` explains any
    decision taken on an ambiguous separator, or why the text is not a number.
    """

    printed: str
    value: Decimal | None
    unit: str | None
    status: str
    note: str | None = None

    @property
    def is_number(self) -> bool:
        return self.status == "number"


class NumberParseError(ValueError):
    """A printed value that must be a number is not one."""


def _digits_to_decimal(text: str, style: str) -> tuple[Decimal, str | None]:
    """Turn a run of digits and separators into a Decimal; raise ValueError when malformed."""
    dots, commas = text.count("."), text.count(",")
    note = None
    if dots and commas:
        # Both present: the last one is the decimal separator, the other groups thousands.
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        whole, _, frac = text.rpartition(decimal_sep)
        if text.count(decimal_sep) != 1 or not _is_grouped(whole, group_sep):
            raise ValueError(text)
        if len(frac) == 3:
            # "2.000,000": a decimal with three places, or a thousands group misprinted?
            note = f"ambiguous separators in {text!r}: read {decimal_sep!r} as the decimal separator"
        return Decimal(whole.replace(group_sep, "") + "." + frac), note
    sep = "." if dots else "," if commas else None
    if sep is None:
        return Decimal(text), None
    parts = text.split(sep)
    if len(parts) > 2:
        if not _is_grouped(text, sep):
            raise ValueError(text)
        return Decimal(text.replace(sep, "")), None
    whole, frac = parts
    if not whole or not frac:
        raise ValueError(text)
    if len(frac) != 3 or len(whole) > 3 or whole == "0":
        # Only a decimal reading fits (94,74 / 0,500 / 1234.5).
        return Decimal(whole + "." + frac), None
    # One separator followed by exactly three digits: grouping or decimal? The style decides.
    thousands_sep = "." if style == "id" else ","
    if sep == thousands_sep:
        value = Decimal(whole + frac)
        note = f"ambiguous separator in {text!r}: read as thousands ({style} style)"
    else:
        value = Decimal(whole + "." + frac)
        note = f"ambiguous separator in {text!r}: read as decimal ({style} style)"
    return value, note


def _is_grouped(text: str, sep: str) -> bool:
    groups = text.split(sep)
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def parse_printed(printed: str | None, style: str = "id") -> ParsedNumber:
    """Parse one printed cell; never raises, never guesses without saying so."""
    text = (printed or "").strip()
    if text in EMPTY_MARKS:
        return ParsedNumber(printed or "", None, None, "empty")
    compact = re.sub(r"\s+", " ", text)
    match = _PATTERN.match(compact)
    if not match:
        return ParsedNumber(printed, None, None, "text", "not a number")
    try:
        value, note = _digits_to_decimal(match["num"], style)
    except (ValueError, InvalidOperation):
        return ParsedNumber(printed, None, None, "text", f"malformed number {match['num']!r}")
    return ParsedNumber(printed, value, match["unit"], "number", note)


def parse_required(printed: str, style: str = "id") -> Decimal:
    """Parse a cell that must hold a number (a pagu, say); raise NumberParseError if not."""
    result = parse_printed(printed, style)
    if result.status != "number":
        raise NumberParseError(f"not a number: {printed!r}")
    return result.value


# -- strict numbers: what a person or an API client enters ----------------------------------------


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention: mark now, translate when shown
    return msgid


#: The largest amount accepted (money and measures alike): 10^15.
STRICT_LIMIT = Decimal(10) ** 15
#: Decimal places accepted per kind of number.
STRICT_PLACES = {"money": 2, "measure": 4}
_MAX_STRICT_TEXT = 40
_CANONICAL = re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$")
#: A form's number as each locale writes it: optional grouping by three, then the decimal part.
_LOCALE_FORMS = {
    "id": re.compile(r"^-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?$"),
    "en": re.compile(r"^-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$"),
}


class StrictNumberError(ValueError):
    """Entered text that is not an acceptable number: ``msgid`` (English, with ``%(value)s``-style
    params) says why; translate it when shown."""

    def __init__(self, msgid: str, **params):
        super().__init__(msgid % params if params else msgid)
        self.msgid, self.params = msgid, params


def parse_strict(text: object, kind: str = "measure", style: str = "api") -> Decimal:
    """The exact Decimal that ``text`` writes, or :class:`StrictNumberError`.

    ``style`` ``api`` takes the canonical form only (``1234.5``: ASCII digits, a point, an
    optional minus); ``id``/``en`` take what a form in that language shows (``1.234,5`` /
    ``1,234.5``, grouping by three or none). Everywhere: no exponent, no NaN or Infinity, no
    other digits than 0-9, no NUL, at most ``STRICT_PLACES[kind]`` decimals and an absolute
    value of at most 10^15; money is never negative. The same text gives the same answer on
    every database, since nothing is left to one.
    """
    if kind not in STRICT_PLACES:
        raise ValueError(f"unknown kind {kind!r}")
    if not isinstance(text, str):
        raise StrictNumberError(N_("Send the number as text in canonical form, e.g. \"1234.5\"."))
    if "\x00" in text:
        raise StrictNumberError(N_("The number contains a NUL character."))
    if len(text) > _MAX_STRICT_TEXT:
        raise StrictNumberError(N_("The number is too long (at most %(count)s characters)."), count=_MAX_STRICT_TEXT)
    shown = text.strip()
    if not shown.isascii():
        raise StrictNumberError(N_("%(value)s: write numbers with the digits 0-9 only."), value=shown)
    lowered = shown.lower().lstrip("+-")
    if lowered in {"nan", "snan", "inf", "infinity"}:
        raise StrictNumberError(N_("%(value)s is not a number."), value=shown)
    if "e" in lowered and any(c.isdigit() for c in lowered):
        raise StrictNumberError(N_("%(value)s: exponents are not accepted; write the number in full."), value=shown)
    if style == "api":
        if shown != text or not _CANONICAL.match(shown):
            raise StrictNumberError(
                N_("%(value)s is not a number in canonical form (digits, an optional point and decimals, "
                   "e.g. 1234.5); thousands separators and commas are not accepted here."), value=shown)
        canonical = shown
    else:
        pattern = _LOCALE_FORMS.get(style, _LOCALE_FORMS["id"])
        if not pattern.match(shown):
            raise StrictNumberError(N_("%(value)s is not a number as this language writes it (e.g. %(example)s)."),
                                    value=shown, example="1.234,5" if style == "id" else "1,234.5")
        group, point = (".", ",") if style == "id" else (",", ".")
        canonical = shown.replace(group, "").replace(point, ".")
    whole, _sep, fraction = canonical.lstrip("-").partition(".")
    if len(fraction) > STRICT_PLACES[kind]:
        raise StrictNumberError(N_("%(value)s has more than %(count)s decimals."), value=shown,
                                count=STRICT_PLACES[kind])
    if len(whole.lstrip("0")) > 16:
        raise StrictNumberError(N_("%(value)s is larger than 10^15."), value=shown)
    negative = canonical.startswith("-")
    fraction = fraction.rstrip("0")
    # One spelling per value ("1234.50" and "1234.5" alike), so both databases store the same text.
    value = Decimal(("-" if negative else "") + (whole.lstrip("0") or "0") + ("." + fraction if fraction else ""))
    if abs(value) > STRICT_LIMIT:
        raise StrictNumberError(N_("%(value)s is larger than 10^15."), value=shown)
    if kind == "money" and value < 0:
        raise StrictNumberError(N_("%(value)s: an amount of money cannot be negative."), value=shown)
    if value == 0:
        value = Decimal(0)  # "-0" and "0.00" are zero
    return value
