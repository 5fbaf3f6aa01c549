"""The data of the check engine: findings, checks and the context they run in."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Iterable

from core.nomenclature import CodeCheck, check_code
from core.specs import DocumentSpec

def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction (Babel's default ``N_`` keyword); return it unchanged."""
    return msgid


#: Severities, most serious first.
SEVERITIES = ("error", "warning", "info")

#: ``(code, version, jurisdiction) -> CodeCheck``, like :func:`core.nomenclature.check_code`.
CodeLookup = Callable[[str, str, str], CodeCheck]


@dataclass(frozen=True)
class Finding:
    """One inconsistency a check found in a document, traceable to what was printed.

    ``message`` is an English msgid with ``%(name)s`` placeholders filled from ``params``.
    ``params`` holds plain strings for the placeholders; ``<name>_value`` holds the Decimal
    behind placeholder ``<name>`` (``expected_value``, ``numerator_value`` ...) so that the
    caller can format it for a locale. ``printed`` is shown as printed: its number, when it
    has one, is under ``printed_number`` (deliberately not ``printed_value``).
    ``printed`` is the value as the document prints it, ``expected`` the value the check
    computed (a plain decimal string, ``92.77``), or None when nothing can be computed.
    ``locator`` says where inside the item or table the value sits (a column, an extra's
    name, an indicator) when the item or table alone does not.
    """

    check: str
    severity: str
    message: str
    params: dict[str, str | Decimal] = field(default_factory=dict, hash=False, compare=False)
    item_key: str | None = None
    table_key: str | None = None
    year: int | None = None
    printed: str | None = None
    expected: str | None = None
    source_line: int | None = None
    locator: str | None = None

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    @property
    def fingerprint(self) -> str:
        """A stable id of what was found (not of the computed value), for acknowledgements.

        Built from the check, item, table, year, locator and printed value: a re-run over the
        same printing gives the same fingerprint, a changed printed value a new one.
        """
        parts = (self.check, self.item_key, self.table_key, self.year, self.locator, self.printed)
        text = "\x1f".join("" if p is None else str(p) for p in parts)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    def render(self) -> str:
        """The English message with its parameters filled in (for logs and tests)."""
        return self.message % {k: v for k, v in self.params.items()}


@dataclass(frozen=True)
class CheckContext:
    """What a check needs to know beyond the document.

    ``nomenclature`` validates a code (default :func:`core.nomenclature.check_code`); None
    turns list lookups off. ``jurisdiction`` is ``provinsi`` or ``kabkota``.
    ``period_total_is_sum`` says the document's end-of-period pagu is the sum of its yearly
    pagu rather than the last year's figure; ``period_total_years``
    limits that sum to the years the table heads (None: every year printed on the item).
    """

    jurisdiction: str = "kabkota"
    nomenclature: CodeLookup | None = check_code
    period_total_is_sum: bool = False
    period_total_years: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Check:
    """A named consistency check: ``run(document, context)`` yields findings.

    ``title`` and ``description`` are English msgids shown in the UI.
    """

    id: str
    title: str
    description: str
    run: Callable[[DocumentSpec, CheckContext], Iterable[Finding]]
