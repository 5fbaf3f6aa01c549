"""Pelita's achievement engine: capaian, aggregation, predicate, absorption, IKU and the
Permendagri 86/2017 evaluation columns, as pure functions stamped with the rule they apply.
"""

from .engine import (
    REASONS,
    EvaluationRow,
    Result,
    absorption,
    aggregate,
    capaian,
    evaluation_renja,
    iku,
    predicate,
    resolve_rule,
    rollup_absorption,
    round_half_up,
)
from .rules import (
    AGGREGATIONS,
    CAPAIAN_RULES,
    DEFAULT_CAPAIAN_RULES,
    SAKIP_GENERIC,
    SCALES,
    Aggregation,
    Band,
    CapaianRule,
    PredicateScale,
    ScaleError,
)

__all__ = [
    "AGGREGATIONS",
    "CAPAIAN_RULES",
    "DEFAULT_CAPAIAN_RULES",
    "REASONS",
    "SAKIP_GENERIC",
    "SCALES",
    "Aggregation",
    "Band",
    "CapaianRule",
    "EvaluationRow",
    "PredicateScale",
    "Result",
    "ScaleError",
    "absorption",
    "aggregate",
    "capaian",
    "evaluation_renja",
    "iku",
    "predicate",
    "resolve_rule",
    "rollup_absorption",
    "round_half_up",
]
