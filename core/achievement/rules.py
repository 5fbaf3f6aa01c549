"""The named rules the achievement engine applies, as plain frozen data.

Every number the engine computes is stamped with the id of the rule that produced it, so a
report can say *how* a capaian was computed and a region can choose its own rules:

* :class:`CapaianRule`: how achievement (*capaian*) is computed from target and realisation,
  per polarity (higher or lower is better).
* :class:`Aggregation`: how quarterly values combine into a year (flow: sum; stock or
  percentage: last; level: last).
* :class:`PredicateScale`: the bands that turn a capaian into a predicate (*Sangat tinggi* ...),
  validated so that every value from the scale's minimum up falls in exactly one band.

A region states its own scale, with its source, through the ``pelita_achievement_rules``
hook; where a printed scale leaves gaps between whole-number bands, the region closes them
(a common decision: boundaries halfway, each belonging to the band above) and says so in the
scale's ``note``.

The generic scale (:data:`SAKIP_GENERIC`, Sangat Baik ... Sangat Kurang, 90/75/65/50) is not
printed in any seed and is not taken from a cited regulation: it is a common shape in
Indonesian LKjIP reports, offered as a starting point for a region to confirm or replace.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


def N_(message: str) -> str:
    """Mark ``message`` as a msgid for Babel extraction; translation happens at display."""
    return message


POLARITIES = ("higher", "lower")


@dataclass(frozen=True)
class CapaianRule:
    """A formula for capaian (achievement, in percent) of one polarity.

    ``template`` has the placeholders ``{T}`` (target) and ``{R}`` (realisation); the engine
    fills it with symbols for the formula (:attr:`formula`) and with the numbers for the
    formula as applied. ``description`` is a msgid.
    """

    id: str
    polarity: str
    template: str
    description: str

    @property
    def formula(self) -> str:
        """The formula in symbols, e.g. ``R / T × 100``."""
        return self.template.format(T="T", R="R")


HIGHER_R_T = CapaianRule(
    "higher:R/T",
    "higher",
    "{R} / {T} × 100",
    N_("Higher is better: realisation divided by target, times 100."),
)
LOWER_2T_MINUS_R = CapaianRule(
    "lower:(2T-R)/T",
    "lower",
    "(2 × {T} − {R}) / {T} × 100",
    N_(
        "Lower is better (Permenpan RB style): twice the target minus the realisation, "
        "divided by the target, times 100."
    ),
)
LOWER_T_R = CapaianRule(
    "lower:T/R",
    "lower",
    "{T} / {R} × 100",
    N_("Lower is better: target divided by realisation, times 100."),
)

CAPAIAN_RULES: dict[str, CapaianRule] = {
    rule.id: rule for rule in (HIGHER_R_T, LOWER_2T_MINUS_R, LOWER_T_R)
}

#: The rule used when a region has chosen none. For lower-is-better the Permenpan RB style
#: ``(2T - R) / T`` is the default; a region that uses ``T / R`` must say so.
DEFAULT_CAPAIAN_RULES: dict[str, CapaianRule] = {
    "higher": HIGHER_R_T,
    "lower": LOWER_2T_MINUS_R,
}


@dataclass(frozen=True)
class Aggregation:
    """How the quarters of a year combine into the year's value. ``description`` is a msgid."""

    id: str
    description: str


SUM = Aggregation("sum", N_("Flow: the realised quarters are added up."))
LAST = Aggregation("last", N_("Stock or percentage: the latest realised quarter counts."))
LEVEL = Aggregation("level", N_("Level: the latest realised quarter counts."))

AGGREGATIONS: dict[str, Aggregation] = {agg.id: agg for agg in (SUM, LAST, LEVEL)}


class ScaleError(ValueError):
    """A predicate scale whose bands overlap, leave a gap, or stop short of the top."""


@dataclass(frozen=True)
class Band:
    """One band of a predicate scale: an interval of capaian values and its label.

    A bound of None is unbounded (minus or plus infinity); its ``*_inclusive`` flag is
    ignored. ``label`` is the region's own wording, ``label_en`` an English rendering,
    ``colour`` a CSS colour for charts and table cells.
    """

    lower: Decimal | None
    lower_inclusive: bool
    upper: Decimal | None
    upper_inclusive: bool
    label: str
    label_en: str
    colour: str

    def __post_init__(self) -> None:
        for bound in (self.lower, self.upper):
            if bound is not None and not (isinstance(bound, Decimal) and bound.is_finite()):
                raise ScaleError(
                    f"band {self.label!r}: bounds must be finite Decimal or None, got {bound!r}"
                )

    def contains(self, value: Decimal) -> bool:
        """Whether ``value`` lies in this band."""
        if self.lower is not None:
            if value < self.lower or (value == self.lower and not self.lower_inclusive):
                return False
        if self.upper is not None:
            if value > self.upper or (value == self.upper and not self.upper_inclusive):
                return False
        return True

    @property
    def interval(self) -> str:
        """The band as an interval, e.g. ``[75.5, 90.5)`` or ``(-∞, 50.5)``."""
        low = "(-∞"
        if self.lower is not None:
            low = ("[" if self.lower_inclusive else "(") + str(self.lower)
        high = "+∞)"
        if self.upper is not None:
            high = str(self.upper) + ("]" if self.upper_inclusive else ")")
        return f"{low}, {high}"


def _lower_key(band: Band) -> tuple:
    if band.lower is None:
        return (0, Decimal(0), 0)
    return (1, band.lower, 0 if band.lower_inclusive else 1)


@dataclass(frozen=True)
class PredicateScale:
    """A named set of bands that must tile the line from their minimum to plus infinity.

    Bands may be given in any order (documents print them top-down); validation sorts them
    by lower bound and raises :class:`ScaleError`, naming the scale and every gap or overlap,
    unless each band starts exactly where the previous one ends (one side inclusive, the
    other exclusive) and the highest band is unbounded above (capaian can exceed 100).
    """

    id: str
    bands: tuple[Band, ...]
    name: str = ""
    source: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        problems = _scale_problems(self.bands)
        if problems:
            raise ScaleError(f"predicate scale {self.id!r}: " + "; ".join(problems))

    @property
    def ascending(self) -> tuple[Band, ...]:
        """The bands from the lowest to the highest."""
        return tuple(sorted(self.bands, key=_lower_key))

    @property
    def minimum(self) -> tuple[Decimal | None, bool]:
        """The scale's lower end and whether it is inclusive (None: unbounded below)."""
        lowest = self.ascending[0]
        return lowest.lower, lowest.lower_inclusive


def _scale_problems(bands: tuple[Band, ...]) -> list[str]:
    if not bands:
        return ["no bands"]
    problems = []
    for band in bands:
        if band.lower is not None and band.upper is not None:
            empty = band.lower > band.upper or (
                band.lower == band.upper and not (band.lower_inclusive and band.upper_inclusive)
            )
            if empty:
                problems.append(f"band {band.label!r} {band.interval} is empty")
    ordered = sorted(bands, key=_lower_key)
    for below, above in zip(ordered, ordered[1:]):
        pair = f"{below.label!r} {below.interval} and {above.label!r} {above.interval}"
        if below.upper is None or above.lower is None:
            problems.append(f"overlap between {pair}")
        elif below.upper < above.lower:
            problems.append(f"gap between {below.upper} and {above.lower} ({pair})")
        elif below.upper > above.lower:
            problems.append(f"overlap between {pair}")
        elif below.upper_inclusive and above.lower_inclusive:
            problems.append(f"overlap at {below.upper} ({pair})")
        elif not below.upper_inclusive and not above.lower_inclusive:
            problems.append(f"gap at {below.upper}, which falls in no band ({pair})")
    top = ordered[-1]
    if top.upper is not None:
        problems.append(f"gap above {top.upper}: no band above {top.label!r} {top.interval}")
    return problems


def _d(text: str) -> Decimal:
    return Decimal(text)


#: A generic five-band SAKIP-style scale (Sangat Baik ... Sangat Kurang).
SAKIP_GENERIC = PredicateScale(
    id="sakip-generic-5",
    name="Generic SAKIP-style scale (Sangat Baik ... Sangat Kurang)",
    source="generic: not printed in any seed document; not taken from a cited regulation",
    note=(
        "≥ 90 Sangat Baik; 75 to < 90 Baik; 65 to < 75 Cukup; 50 to < 65 Kurang; "
        "< 50 Sangat Kurang. A common shape in Indonesian LKjIP reports, offered as a "
        "starting point; a region that adopts a scale should define its own."
    ),
    bands=(
        Band(_d("90"), True, None, False, "Sangat Baik", "Very good", "#1b7837"),
        Band(_d("75"), True, _d("90"), False, "Baik", "Good", "#7fbf7b"),
        Band(_d("65"), True, _d("75"), False, "Cukup", "Fair", "#f6d55c"),
        Band(_d("50"), True, _d("65"), False, "Kurang", "Poor", "#ef8a62"),
        Band(None, False, _d("50"), False, "Sangat Kurang", "Very poor", "#b2182b"),
    ),
)

#: The scales core offers; a region defines its own (``pelita_achievement_rules``).
SCALES: dict[str, PredicateScale] = {
    scale.id: scale for scale in (SAKIP_GENERIC,)
}
