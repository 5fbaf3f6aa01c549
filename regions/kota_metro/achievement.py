r"""The predicate scale of Kota Metro's LAKIP 2023 (:data:`KOTA_METRO_LAKIP_2023`). The LAKIP (seed
``001_3aabf0c976021ff8.txt``, Tabel 3.1 "Skala Nilai Peringkat Kerja", lines 484-491) prints::

    1.  $91 \geq$   Sangat tinggi
    2.  $76 \leq 90$ Tinggi
    3.  $66 \leq 75$ Sedang
    4.  $51 \leq 65$ Rendah
    5.  ≤ 50        Sangat Rendah

Read literally, ``91 ≥`` would mean "at most 91"; the order of the table shows it means "91
and above". The bands are whole numbers and leave the gaps 90-91, 75-76, 65-66 and 50-51, so
90.7 falls in no printed band. Decision: the boundaries sit halfway, at 90.5, 75.5, 65.5 and
50.5, each boundary belonging to the band above (``Tinggi`` is ``[75.5, 90.5)``). This is
exactly "round the capaian half-up to a whole number, then read the printed table": every
whole number the document prints stays in the band it is printed in (90 Tinggi, 91 Sangat
tinggi, 50 Sangat Rendah, 51 Rendah), and each gap is split evenly instead of being given
wholly to the band above (``> 90``) or below (``< 91``). The lowest band is unbounded below,
since a lower-is-better capaian ``(2T - R) / T`` can be negative. The predicate is read from
the exact capaian, not from a value already rounded for display.
"""

from __future__ import annotations

from decimal import Decimal

from core.achievement.rules import Band, PredicateScale
from core.specs import AchievementRules


def _d(text: str) -> Decimal:
    return Decimal(text)


#: Kota Metro, LAKIP 2023 (seed 001_3aabf0c976021ff8.txt, Tabel 3.1 "Skala Nilai Peringkat
#: Kerja", lines 484-491), with the gaps of the printed table closed.
KOTA_METRO_LAKIP_2023 = PredicateScale(
    id="kota-metro-lakip-2023",
    name="Skala Nilai Peringkat Kerja (Kota Metro, LAKIP 2023)",
    source="001_3aabf0c976021ff8.txt, Tabel 3.1, lines 484-491",
    note=(
        "Printed: '91 ≥' Sangat tinggi; '76 ≤ 90' Tinggi; '66 ≤ 75' Sedang; '51 ≤ 65' Rendah; "
        "'≤ 50' Sangat Rendah. Applied: boundaries at 90.5, 75.5, 65.5 and 50.5, each "
        "belonging to the band above (round the capaian half-up to a whole number, then "
        "read the printed table)."
    ),
    bands=(
        Band(_d("90.5"), True, None, False, "Sangat tinggi", "Very high", "#1b7837"),
        Band(_d("75.5"), True, _d("90.5"), False, "Tinggi", "High", "#7fbf7b"),
        Band(_d("65.5"), True, _d("75.5"), False, "Sedang", "Medium", "#f6d55c"),
        Band(_d("50.5"), True, _d("65.5"), False, "Rendah", "Low", "#ef8a62"),
        Band(None, False, _d("50.5"), False, "Sangat Rendah", "Very low", "#b2182b"),
    ),
)

#: Kota Metro's achievement rules: (2T-R)/T for lower-is-better, its LAKIP 2023 scale.
RULES = AchievementRules(lower_is_better="lower:(2T-R)/T", predicate_scale=KOTA_METRO_LAKIP_2023)
