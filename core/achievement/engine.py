"""The achievement engine: capaian, period aggregation, predicate, budget absorption, IKU and
the Permendagri 86/2017 Renja evaluation columns. Pure functions, no database.

Every function returns a :class:`Result` that carries the value (an unrounded ``Decimal``),
the ids of the rules applied, the inputs and the formula as applied. When a value cannot be
computed (no target, a target of zero, printed text instead of a number ...) the result has
status ``not_computable`` and a machine ``reason``; it is never 0.

Inputs may be ``Decimal``, ``int``, None (nothing recorded), a ``str`` (printed text that is
not a number; an empty string or a dash counts as nothing recorded), a
:class:`core.numbers.ParsedNumber`, or an earlier :class:`Result` (its value, or its reason
when it was not computable). Floats are refused: measures and money are Decimal.

Reasons. The denominator of a ratio plays the *target* role (a pagu for absorption, the
population for an IKU) and the numerator the *realisation* role:

=================== ==========================================================
no_target           the target (denominator) is missing
text_target         the target was printed as text, not a number
zero_target         the target is zero (division by zero)
missing_realisation the realisation (numerator, a quarter) is missing
text_realisation    the realisation was printed as text, not a number
zero_realisation    the realisation is zero where it divides (``T / R``)
not_finite          an input or the result is not a finite number
=================== ==========================================================

Arithmetic runs in a private context of 34 significant digits with an unbounded exponent
range and no traps, so no Decimal input can raise; values are quantized only for presentation
(:func:`round_half_up`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal
from typing import NamedTuple

from core.numbers import EMPTY_MARKS, ParsedNumber

from .rules import (
    AGGREGATIONS,
    CAPAIAN_RULES,
    DEFAULT_CAPAIAN_RULES,
    POLARITIES,
    SUM,
    Aggregation,
    Band,
    CapaianRule,
    PredicateScale,
)

OK = "ok"
NOT_COMPUTABLE = "not_computable"

NO_TARGET = "no_target"
ZERO_TARGET = "zero_target"
ZERO_REALISATION = "zero_realisation"
TEXT_TARGET = "text_target"
TEXT_REALISATION = "text_realisation"
MISSING_REALISATION = "missing_realisation"
NOT_FINITE = "not_finite"

REASONS = (
    NO_TARGET,
    ZERO_TARGET,
    ZERO_REALISATION,
    TEXT_TARGET,
    TEXT_REALISATION,
    MISSING_REALISATION,
    NOT_FINITE,
)

ABSORPTION_RULE = "absorption:R/P"
ABSORPTION_ROLLUP_RULE = "absorption-rollup:sum(R)/sum(P)"
IKU_RULE = "iku:N/D"
EVAL_COL12 = "permendagri86:col12=8+9+10+11"
EVAL_COL12_LAST = "permendagri86:col12=latest(8..11)"
EVAL_COL13 = "permendagri86:col13=12/7"
EVAL_COL14 = "permendagri86:col14=6+12"
EVAL_COL14_LAST = "permendagri86:col14=12"
EVAL_COL15 = "permendagri86:col15=14/5"

_CTX = Context(prec=34, rounding=ROUND_HALF_EVEN, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])
_HUNDRED = Decimal(100)
_TWO = Decimal(2)
_MISSING = "—"


@dataclass(slots=True)  # not frozen: 100k results a run, frozen __init__ costs ~30%
class Result:
    """One computed value with everything needed to explain it. Never changed once made
    (it is not frozen only because a frozen ``__init__`` is a third of a province's run).

    ``value`` is the unrounded Decimal (None unless ``status`` is ``ok``); ``reason`` is one
    of :data:`REASONS` when not computable. ``rules`` are the ids of the rules applied, this
    step's first. ``inputs`` are ``(name, Decimal or None)`` pairs; :attr:`formula` is the
    formula with the numbers filled in. ``components`` hold the results a roll-up was built
    from.
    """

    value: Decimal | None
    status: str
    reason: str | None
    rules: tuple[str, ...]
    inputs: tuple[tuple[str, Decimal | None], ...]
    # The formula text, or (pattern, arguments) rendered on first read: most results of a
    # bulk computation are never displayed, and formatting them all would double its cost.
    _formula: str | tuple[str, tuple[object, ...]]
    note: str | None = None
    components: tuple[tuple[object, Result], ...] = ()

    @property
    def formula(self) -> str:
        """The formula as applied, e.g. ``R / T × 100 = 8 / 10 × 100``."""
        if type(self._formula) is str:
            return self._formula
        pattern, arguments = self._formula
        return pattern.format(*arguments)

    @property
    def ok(self) -> bool:
        """Whether a value was computed."""
        return self.status == OK

    @property
    def rule(self) -> str:
        """The id of the rule this step applied."""
        return self.rules[0]

    def input(self, name: str) -> Decimal | None:
        """The input called ``name`` (None when it was missing or text)."""
        for key, value in self.inputs:
            if key == name:
                return value
        raise KeyError(name)


class _Operand(NamedTuple):
    kind: str  # "number", "missing", "text", "not_finite" or "failed" (an upstream Result)
    value: Decimal | None
    shown: object  # how the formula shows it: the Decimal itself, quoted text, or a dash
    reason: str | None = None
    rules: tuple[str, ...] = ()
    note: str | None = None


_MISSING_OPERAND = _Operand("missing", None, "—")
_new_tuple = tuple.__new__  # builds an _Operand without the generated __new__'s overhead


def _operand(raw: object) -> _Operand:
    if raw is None:
        return _MISSING_OPERAND
    if type(raw) is Decimal or isinstance(raw, Decimal):
        if raw.is_finite():
            return _new_tuple(_Operand, ("number", raw, raw, None, (), None))
        return _Operand("not_finite", None, str(raw))
    if isinstance(raw, bool):
        raise TypeError("a boolean is not a measure")
    if isinstance(raw, int):
        return _Operand("number", Decimal(raw), raw)
    if isinstance(raw, Result):
        if raw.ok:
            return _Operand("number", raw.value, raw.value, rules=raw.rules, note=raw.note)
        return _Operand("failed", None, _MISSING, raw.reason, raw.rules, raw.note)
    if isinstance(raw, ParsedNumber):
        if raw.status == "number":
            return _operand(raw.value)
        if raw.status == "empty":
            return _MISSING_OPERAND
        return _Operand("text", None, repr(raw.printed))
    if isinstance(raw, str):
        if raw.strip() in EMPTY_MARKS:
            return _MISSING_OPERAND
        return _Operand("text", None, repr(raw))
    raise TypeError(f"not a Decimal, int, str, ParsedNumber or Result: {raw!r}")


def _target_reason(op: _Operand) -> str | None:
    """Why an operand in the target (denominator) role is unusable, or None."""
    if op.kind == "number":
        return None
    if op.kind == "failed":
        return op.reason
    return {"missing": NO_TARGET, "text": TEXT_TARGET}.get(op.kind, NOT_FINITE)


def _realisation_reason(op: _Operand) -> str | None:
    """Why an operand in the realisation (numerator) role is unusable, or None."""
    if op.kind == "number":
        return None
    if op.kind == "failed":
        return op.reason
    return {"missing": MISSING_REALISATION, "text": TEXT_REALISATION}.get(op.kind, NOT_FINITE)


def _finish(value, rules, inputs, formula, note=None, components=()) -> Result:
    if not value.is_finite():
        return Result(None, NOT_COMPUTABLE, NOT_FINITE, rules, inputs, formula, note, components)
    return Result(value, OK, None, rules, inputs, formula, note, components)


def _fail(reason, rules, inputs, formula, note=None, components=()) -> Result:
    return Result(None, NOT_COMPUTABLE, reason, rules, inputs, formula, note, components)


def _upstream(*ops: _Operand) -> tuple[str, ...]:
    """The rules upstream results applied, each once, in order."""
    rules: tuple[str, ...] = ()
    for op in ops:
        if op.rules:
            rules += tuple(r for r in op.rules if r not in rules)
    return rules


def _notes(*ops: _Operand) -> str | None:
    """The notes of upstream results (e.g. unreported quarters), carried downstream."""
    notes = [op.note for op in ops if op.note]
    return "; ".join(notes) if notes else None


def _percent_ratio(numerator: Decimal, denominator: Decimal) -> Decimal:
    """``numerator × 100 / denominator``; the multiplication first keeps it to one rounding
    for numerators of up to 32 significant digits."""
    return _CTX.divide(_CTX.multiply(numerator, _HUNDRED), denominator)


@functools.lru_cache(maxsize=64)
def _capaian_pattern(template: str, symbols: tuple[str, str]) -> str:
    """``R / T × 100 = {1} / {0} × 100``: the formula in symbols, then a pattern for numbers."""
    symbolic = template.format(T=symbols[0], R=symbols[1])
    return _literal(symbolic) + " = " + template.format(T="{0}", R="{1}")


def _literal(text: str) -> str:
    """``text`` escaped for use inside a ``str.format`` pattern."""
    return text.replace("{", "{{").replace("}", "}}")


@functools.lru_cache(maxsize=64)
def _sum_pattern(labels: tuple[str, ...]) -> str:
    symbols = " + ".join(_literal(label) for label in labels)
    return symbols + " = " + " + ".join("{%d}" % i for i in range(len(labels)))


@functools.lru_cache(maxsize=64)
def _latest_pattern(labels: tuple[str, ...], index: int | None) -> str:
    pattern = "latest of " + ", ".join(_literal(label) for label in labels)
    return pattern if index is None else pattern + f" = {_literal(labels[index])} = {{0}}"


@functools.lru_cache(maxsize=64)
def _ratio_pattern(symbols: tuple[str, str]) -> str:
    return f"{_literal(symbols[0])} / {_literal(symbols[1])} × 100 = {{0}} / {{1}} × 100"


# --- capaian -------------------------------------------------------------------------------


def resolve_rule(polarity: str, rule: CapaianRule | str | None = None) -> CapaianRule:
    """The capaian rule to apply: ``rule`` (object or id) or the polarity's default.

    Raises ValueError for an unknown polarity or rule id, or a rule of the other polarity.
    """
    if polarity not in POLARITIES:
        raise ValueError(f"unknown polarity {polarity!r}; expected one of {POLARITIES}")
    if rule is None:
        return DEFAULT_CAPAIAN_RULES[polarity]
    if isinstance(rule, str):
        if rule not in CAPAIAN_RULES:
            raise ValueError(f"unknown capaian rule {rule!r}; known: {sorted(CAPAIAN_RULES)}")
        rule = CAPAIAN_RULES[rule]
    if rule.polarity != polarity:
        raise ValueError(f"rule {rule.id!r} is for {rule.polarity}-is-better, not {polarity}")
    return rule


def capaian(
    target: object,
    realisation: object,
    polarity: str = "higher",
    rule: CapaianRule | str | None = None,
    *,
    symbols: tuple[str, str] = ("T", "R"),
) -> Result:
    """Achievement in percent of ``realisation`` against ``target``.

    ``polarity`` is ``higher`` or ``lower`` (is better); ``rule`` picks the formula (see
    :mod:`core.achievement.rules`), by default ``R / T`` for higher and ``(2T - R) / T`` for
    lower. ``symbols`` name target and realisation in the formula text. Target 10 and
    realisation 8 give 80 (higher), 120 (``(2T - R) / T``) or 125 (``T / R``).
    """
    chosen = resolve_rule(polarity, rule)
    t, r = _operand(target), _operand(realisation)
    rules = (chosen.id,) + _upstream(t, r) if (t.rules or r.rules) else (chosen.id,)
    inputs = (("target", t.value), ("realisation", r.value))
    formula = (_capaian_pattern(chosen.template, tuple(symbols)), (t.shown, r.shown))
    note = _notes(t, r) if (t.note or r.note) else None
    reason = _target_reason(t) or _realisation_reason(r)
    if reason:
        return _fail(reason, rules, inputs, formula, note)
    if chosen.id == "lower:T/R":
        if r.value.is_zero():
            return _fail(ZERO_REALISATION, rules, inputs, formula, note)
        return _finish(_percent_ratio(t.value, r.value), rules, inputs, formula, note)
    if t.value.is_zero():
        return _fail(ZERO_TARGET, rules, inputs, formula, note)
    if chosen.id == "higher:R/T":
        return _finish(_percent_ratio(r.value, t.value), rules, inputs, formula, note)
    # lower:(2T-R)/T
    gap = _CTX.subtract(_CTX.multiply(_TWO, t.value), r.value)
    return _finish(_percent_ratio(gap, t.value), rules, inputs, formula, note)


# --- period aggregation --------------------------------------------------------------------


def _aggregation(aggregation: Aggregation | str) -> Aggregation:
    if isinstance(aggregation, Aggregation):
        return aggregation
    if aggregation not in AGGREGATIONS:
        raise ValueError(f"unknown aggregation {aggregation!r}; known: {sorted(AGGREGATIONS)}")
    return AGGREGATIONS[aggregation]


def _quarters(quarter_values: Mapping[int, object] | Sequence[object]) -> list[_Operand]:
    """The four quarters as operands, Q1 first; raise ValueError for a quarter outside 1-4."""
    if isinstance(quarter_values, Mapping):
        bad = [q for q in quarter_values if q not in (1, 2, 3, 4)]
        values = [quarter_values.get(q) for q in (1, 2, 3, 4)]
    else:
        values = list(quarter_values)
        bad = list(range(5, len(values) + 1))
        if len(values) < 4:
            values += [None] * (4 - len(values))
    if bad:
        raise ValueError(f"quarters must be 1 to 4, got {bad}")
    return [_operand(values[0]), _operand(values[1]), _operand(values[2]), _operand(values[3])]


def aggregate(
    quarter_values: Mapping[int, object] | Sequence[object],
    aggregation: Aggregation | str = SUM,
    *,
    labels: Sequence[str] = ("Q1", "Q2", "Q3", "Q4"),
    rule_id: str | None = None,
) -> Result:
    """Combine quarterly realisations into the year's value.

    ``quarter_values`` maps quarter (1-4) to a value, or lists them in order; a quarter
    absent or None is not reported. ``sum`` adds the reported quarters (a flow), ``last``
    and ``level`` take the latest reported quarter; the note names unreported quarters. No
    quarter reported gives ``missing_realisation``; a text quarter that would be used gives
    ``text_realisation``. ``labels`` name the quarters in the formula, ``rule_id`` stamps a
    caller's rule before the aggregation's own.
    """
    agg = _aggregation(aggregation)
    ops = _quarters(quarter_values)
    q1, q2, q3, q4 = ops
    rules = ((rule_id,) if rule_id else ()) + (agg.id,)
    if q1.rules or q2.rules or q3.rules or q4.rules:
        rules += _upstream(*ops)
    labels = tuple(labels)
    inputs = (
        (labels[0], q1.value),
        (labels[1], q2.value),
        (labels[2], q3.value),
        (labels[3], q4.value),
    )
    reported = [i for i in (0, 1, 2, 3) if ops[i] is not _MISSING_OPERAND]
    note = None
    if len(reported) < 4:
        note = "not reported: " + ", ".join(labels[i] for i in range(4) if i not in reported)
    if agg.id == "sum":
        formula = (_sum_pattern(labels), tuple([op.shown for op in ops]))
        if not reported:
            return _fail(MISSING_REALISATION, rules, inputs, formula, note)
        total = None
        for i in reported:
            op = ops[i]
            if op.kind != "number":
                reason = _realisation_reason(op)
                return _fail(reason, rules, inputs, formula, f"{labels[i]}: {op.shown}")
            total = op.value if total is None else _CTX.add(total, op.value)
        return _finish(total, rules, inputs, formula, note)
    if not reported:
        formula = (_latest_pattern(labels, None), ())
        return _fail(MISSING_REALISATION, rules, inputs, formula, note)
    latest = ops[reported[-1]]
    formula = (_latest_pattern(labels, reported[-1]), (latest.shown,))
    reason = _realisation_reason(latest)
    if reason:
        return _fail(reason, rules, inputs, formula, note)
    return _finish(latest.value, rules, inputs, formula, note)


# --- predicate -----------------------------------------------------------------------------


def predicate(capaian_value: Decimal | Result | None, scale: PredicateScale) -> Band | None:
    """The band of ``scale`` that ``capaian_value`` falls in.

    None when there is no value (None, a not-computable Result, a non-finite Decimal) or the
    value lies below the scale's minimum. A validated scale gives every other value exactly
    one band.
    """
    if isinstance(capaian_value, Result):
        capaian_value = capaian_value.value
    if capaian_value is None or not capaian_value.is_finite():
        return None
    for band in scale.bands:
        if band.contains(capaian_value):
            return band
    return None


# --- budget absorption and ratios ----------------------------------------------------------


def _ratio(numerator, denominator, rule_id, names, symbols) -> Result:
    n, d = _operand(numerator), _operand(denominator)
    rules = (rule_id,) + _upstream(n, d)
    inputs = ((names[0], n.value), (names[1], d.value))
    formula = (_ratio_pattern(symbols), (n.shown, d.shown))
    note = _notes(n, d)
    reason = _target_reason(d) or _realisation_reason(n)
    if reason:
        return _fail(reason, rules, inputs, formula, note)
    if d.value.is_zero():
        return _fail(ZERO_TARGET, rules, inputs, formula, note)
    return _finish(_percent_ratio(n.value, d.value), rules, inputs, formula, note)


def absorption(realised: object, pagu: object) -> Result:
    """Budget absorption (*serapan*) in percent: realised spending / pagu × 100.

    The pagu plays the target role: missing, text or zero pagu give ``no_target``,
    ``text_target`` or ``zero_target``.
    """
    return _ratio(realised, pagu, ABSORPTION_RULE, ("realised", "pagu"), ("R", "P"))


def iku(numerator: object, denominator: object) -> Result:
    """An IKU percentage: numerator / denominator × 100.

    E.g. a *Persentase PPKS yang tertangani* = PPKS handled / all PPKS × 100. The
    denominator plays the target role (``no_target``, ``zero_target`` ...).
    """
    return _ratio(numerator, denominator, IKU_RULE, ("numerator", "denominator"), ("N", "D"))


def _realised_and_pagu(result: Result) -> tuple[Decimal | None, Decimal | None]:
    """The realised and pagu inputs of an absorption or roll-up result."""
    (first, realised), (second, pagu) = result.inputs[:2]
    if (first, second) == ("realised", "pagu"):
        return realised, pagu
    return result.input("realised"), result.input("pagu")


def rollup_absorption(
    components: Mapping[str, object] | Iterable[tuple[str, object]],
    *,
    partial: bool = False,
) -> Result:
    """Absorption of a group: sum of realised / sum of pagu × 100, never a mean of percents.

    ``components`` maps a key (an item code, a year) to ``(realised, pagu)`` or to an earlier
    absorption :class:`Result` (an item's, or a roll-up's, so roll-ups nest). A component
    counts when both its realised and its pagu are finite numbers (its own absorption may
    still be not computable, e.g. a zero pagu). When one does not count, the roll-up is not
    computable with that component's reason, unless ``partial`` is true: then it is left out
    and the note names it. The per-component results are kept in ``components``.
    """
    pairs = components.items() if isinstance(components, Mapping) else components
    kept: list[tuple[str, Result]] = []
    included: list[tuple[Decimal, Decimal]] = []
    excluded: list[tuple[str, Result]] = []
    for key, component in pairs:
        if isinstance(component, Result):
            result = component
        else:
            realised, pagu = component
            result = absorption(realised, pagu)
        kept.append((key, result))
        realised, pagu = _realised_and_pagu(result)
        if realised is None or pagu is None:
            excluded.append((key, result))
        else:
            included.append((realised, pagu))
    rules = (ABSORPTION_ROLLUP_RULE,)
    members = tuple(kept)
    note = None
    if excluded:
        note = "incomplete: " + ", ".join(str(key) for key, _ in excluded)
        if not partial:
            reason = excluded[0][1].reason or MISSING_REALISATION
            formula = "ΣR / ΣP × 100"
            inputs = (("realised", None), ("pagu", None))
            return _fail(reason, rules, inputs, formula, note, members)
        note = "left out (" + note + ")"
    if not included:
        inputs = (("realised", None), ("pagu", None))
        return _fail(NO_TARGET, rules, inputs, "ΣR / ΣP × 100", note, members)
    realised_total = pagu_total = Decimal(0)
    for realised, pagu in included:
        realised_total = _CTX.add(realised_total, realised)
        pagu_total = _CTX.add(pagu_total, pagu)
    inputs = (("realised", realised_total), ("pagu", pagu_total))
    formula = ("ΣR / ΣP × 100 = {0} / {1} × 100", (realised_total, pagu_total))
    if not (realised_total.is_finite() and pagu_total.is_finite()):
        return _fail(NOT_FINITE, rules, inputs, formula, note, members)
    if pagu_total.is_zero():
        return _fail(ZERO_TARGET, rules, inputs, formula, note, members)
    value = _percent_ratio(realised_total, pagu_total)
    return _finish(value, rules, inputs, formula, note, members)


# --- Permendagri 86/2017 Renja evaluation --------------------------------------------------


@dataclass(frozen=True, slots=True)
class EvaluationRow:
    """Columns 12-15 of the Permendagri 86/2017 Renja evaluation table, for one measure.

    12 realisation of the year (8 + 9 + 10 + 11); 13 its achievement against the year's Renja
    target (12 / 7 × 100); 14 realisation up to this year (6 + 12); 15 achievement against
    the Renstra end-of-period target (14 / 5 × 100).
    """

    col12: Result
    col13: Result
    col14: Result
    col15: Result

    @property
    def columns(self) -> dict[int, Result]:
        """The results by column number."""
        return {12: self.col12, 13: self.col13, 14: self.col14, 15: self.col15}


def evaluation_renja(
    *,
    target_end: object,
    realised_before: object,
    target_year: object,
    quarters: Mapping[int, object] | Sequence[object],
    polarity: str = "higher",
    rule: CapaianRule | str | None = None,
    aggregation: Aggregation | str = SUM,
) -> EvaluationRow:
    """Compute columns 12-15 of the evaluation table from columns 5-11.

    ``target_end`` is column 5 (Renstra end-of-period target), ``realised_before`` column 6
    (realisation up to last year), ``target_year`` column 7 (this year's Renja target),
    ``quarters`` columns 8-11 (Q1-Q4). Call once for kinerja (K) and once for Rupiah (Rp).
    Columns 13 and 15 use the capaian rule of ``polarity`` (the regulation prints a plain
    ratio, which is the higher-is-better rule). With ``aggregation`` ``last`` or ``level``
    (stock or percentage indicators), 12 is the latest reported quarter and 14 equals 12,
    since adding a percentage to last year's would be meaningless; both are stamped so.
    """
    agg = _aggregation(aggregation)
    flow = agg.id == "sum"
    col12 = aggregate(
        quarters,
        agg,
        labels=("(8)", "(9)", "(10)", "(11)"),
        rule_id=EVAL_COL12 if flow else EVAL_COL12_LAST,
    )
    col13 = capaian(target_year, col12, polarity, rule, symbols=("(7)", "(12)"))
    col13 = _with_rule(EVAL_COL13, col13)
    if flow:
        col14 = _add(EVAL_COL14, ("(6)", "(12)"), realised_before, col12)
    else:
        col14 = _with_rule(EVAL_COL14_LAST, col12, formula="(14) = (12)")
    col15 = capaian(target_end, col14, polarity, rule, symbols=("(5)", "(14)"))
    col15 = _with_rule(EVAL_COL15, col15)
    return EvaluationRow(col12, col13, col14, col15)


def _with_rule(rule_id: str, result: Result, formula: str | None = None) -> Result:
    formula = f"{formula}: {result.formula}" if formula else result.formula
    return Result(
        result.value,
        result.status,
        result.reason,
        (rule_id,) + result.rules,
        result.inputs,
        formula,
        result.note,
        result.components,
    )


def _add(rule_id: str, labels: tuple[str, str], left: object, right: object) -> Result:
    a, b = _operand(left), _operand(right)
    rules = (rule_id,) + _upstream(a, b)
    inputs = ((labels[0], a.value), (labels[1], b.value))
    formula = (f"{_literal(labels[0])} + {_literal(labels[1])} = {{0}} + {{1}}", (a.shown, b.shown))
    note = _notes(a, b)
    reason = _realisation_reason(a) or _realisation_reason(b)
    if reason:
        return _fail(reason, rules, inputs, formula, note)
    return _finish(_CTX.add(a.value, b.value), rules, inputs, formula, note)


# --- presentation --------------------------------------------------------------------------


def round_half_up(value: Decimal | Result | None, places: int = 2) -> Decimal | None:
    """``value`` rounded half-up to ``places`` decimals, for display only (None stays None).

    92.7731... gives 92.77, 94.745 gives 94.75. Non-finite values give None.
    """
    if isinstance(value, Result):
        value = value.value
    if value is None or not value.is_finite():
        return None
    exponent = Decimal(1).scaleb(-places)
    digits = max(value.adjusted(), 0) + places + 2
    context = Context(prec=max(digits, 28), Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])
    return value.quantize(exponent, rounding=ROUND_HALF_UP, context=context)
