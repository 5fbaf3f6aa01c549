"""Turning what the API sends into stored values: strict numbers, text targets with a unit."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from flask_babel import gettext as _

from core.errors import Invalid
from core.numbers import StrictNumberError, parse_strict

MAX_VALUE_TEXT = 200
_NUMBER_WITH_UNIT = re.compile(r"^(?P<num>\S+)\s+(?P<unit>[^\d\s][^\x00]*)$")


def _refuse(name: str, error: StrictNumberError):
    raise Invalid(messages=[_("%(field)s: %(problem)s", field=name, problem=_(error.msgid, **error.params))])


def number(raw, name: str, kind: str = "measure") -> Decimal:
    """``raw`` as an exact Decimal (canonical text only), or Invalid naming ``name``."""
    try:
        return parse_strict(raw, kind, "api")
    except StrictNumberError as error:
        _refuse(name, error)


def _numeric_looking(text: str) -> bool:
    """Whether ``text`` is meant as one number (digits of any script, signs, separators, e, NaN ...)."""
    lowered = text.lower()
    if lowered.lstrip("+-") in {"nan", "snan", "inf", "infinity"}:
        return True
    return any(unicodedata.category(c) == "Nd" for c in text) and all(
        unicodedata.category(c) == "Nd" or c in "+-.,eE \x00" for c in text)


def measured(raw, name: str) -> tuple[str, Decimal | None, str]:
    """A target or realisation as sent: ``(printed, value, parse_status)``.

    ``"60"`` is a number; ``"20 Orang"`` keeps its printed text and unit with the number 20
    (the number part strict); text without a leading number (``"Opini WTP"``) stays text.
    Anything meant as a number that is not a canonical one (``1e309``, ``1.000,5``, ``NaN``,
    ``٣``, a NUL) is refused.
    """
    if not isinstance(raw, str):
        _refuse(name, StrictNumberError("Send the number as text in canonical form, e.g. \"1234.5\"."))
    if "\x00" in raw:
        _refuse(name, StrictNumberError("The number contains a NUL character."))
    text = raw.strip()
    if len(text) > MAX_VALUE_TEXT:
        raise Invalid(messages=[_("%(field)s is longer than %(count)s characters.", field=name,
                                  count=MAX_VALUE_TEXT)])
    if _numeric_looking(text) or not text:
        return raw, number(raw, name), "number"
    match = _NUMBER_WITH_UNIT.match(text)
    if match and _numeric_looking(match["num"]):
        return text, number(match["num"], name), "number"
    if any(unicodedata.category(c) == "Nd" and not c.isascii() for c in text):
        _refuse(name, StrictNumberError("%(value)s: write numbers with the digits 0-9 only.", value=text))
    return text, None, "text"
