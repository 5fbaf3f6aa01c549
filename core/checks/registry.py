"""The list of built-in checks and the function that runs checks over a document."""

from __future__ import annotations

from typing import Iterable

from core.specs import DocumentSpec

from .builtin import CHECKS
from .model import N_, Check, CheckContext, Finding

#: The built-in checks, in the order they run.
BUILTIN_CHECKS: tuple[Check, ...] = CHECKS


def _sort_key(finding: Finding):
    line = finding.source_line
    return (line is None, line or 0, finding.check)


def run_checks(
    document: DocumentSpec,
    context: CheckContext | None = None,
    extra_checks: Iterable[Check] = (),
) -> list[Finding]:
    """Run the built-in checks and ``extra_checks`` over ``document``.

    Returns the findings sorted by source line (findings without a line last), then check
    id; the order within that is the checks' own. A check that raises does not stop the
    others: it yields one ``check-crashed`` error finding naming it and the error.
    """
    context = context or CheckContext()
    findings: list[Finding] = []
    for check in (*BUILTIN_CHECKS, *extra_checks):
        try:
            findings.extend(check.run(document, context))
        except Exception as exc:  # noqa: BLE001 - one broken check must not hide the others
            findings.append(Finding(
                check="check-crashed", severity="error",
                message=N_("Check %(check)s failed: %(error)s"),
                params={"check": check.id, "error": f"{type(exc).__name__}: {exc}"},
                locator=check.id,
            ))
    findings.sort(key=_sort_key)
    return findings
