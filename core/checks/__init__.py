"""Consistency checks of plan documents: pure functions over :mod:`core.specs` objects.

* :mod:`.model`: :class:`Finding`, :class:`Check`, :class:`CheckContext`.
* :mod:`.builtin`: the built-in checks (sums, totals, ratios, codes, units, printings ...).
* :mod:`.registry`: :data:`BUILTIN_CHECKS` and :func:`run_checks`.

Nothing here touches the database: core stores the findings, shows them and lets a user
acknowledge one (by its :attr:`Finding.fingerprint`, stable across re-runs).
"""

from .model import SEVERITIES, Check, CheckContext, Finding
from .registry import BUILTIN_CHECKS, run_checks

__all__ = ["SEVERITIES", "Check", "CheckContext", "Finding", "BUILTIN_CHECKS", "run_checks"]
