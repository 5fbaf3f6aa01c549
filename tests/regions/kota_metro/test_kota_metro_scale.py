"""Kota Metro's predicate scale (LAKIP 2023, Tabel 3.1), moved out of core with the scale.

Seed 001 is ``001_3aabf0c976021ff8.txt`` (Kota Metro, LAKIP 2023).
"""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.achievement import Band, PredicateScale, ScaleError, absorption, capaian, iku, predicate, round_half_up
from core.plugins import PluginRegistry
from regions.kota_metro.achievement import KOTA_METRO_LAKIP_2023

D = Decimal


def test_kota_metro_scale_is_documented_with_its_source_and_printed_text():
    assert "Tabel 3.1" in KOTA_METRO_LAKIP_2023.source
    assert "lines 484-491" in KOTA_METRO_LAKIP_2023.source
    assert "'76 ≤ 90' Tinggi" in KOTA_METRO_LAKIP_2023.note


def test_kota_metro_bands_as_intervals():
    intervals = {b.label: b.interval for b in KOTA_METRO_LAKIP_2023.bands}
    assert intervals == {
        "Sangat tinggi": "[90.5, +∞)",
        "Tinggi": "[75.5, 90.5)",
        "Sedang": "[65.5, 75.5)",
        "Rendah": "[50.5, 65.5)",
        "Sangat Rendah": "(-∞, 50.5)",
    }
    assert KOTA_METRO_LAKIP_2023.minimum == (None, False)


def test_kota_metro_iku_capaian_against_target_91_5():
    # 001 line 779: target 91.50 %, printed realisation 92.78 %.
    printed = capaian(Decimal("91.50"), Decimal("92.78"))
    assert round_half_up(printed) == Decimal("101.40")
    assert predicate(printed, KOTA_METRO_LAKIP_2023).label == "Sangat tinggi"
    # With the realisation as computed (92.7731...), capaian is 101.39 %.
    computed = capaian(Decimal("91.50"), iku(Decimal("13415"), Decimal("14460")))
    assert round_half_up(computed) == Decimal("101.39")
    assert computed.rules == ("higher:R/T", "iku:N/D")


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("250", "Sangat tinggi"),
        ("91", "Sangat tinggi"),
        ("90.5", "Sangat tinggi"),
        ("90.49", "Tinggi"),
        ("90", "Tinggi"),
        ("76", "Tinggi"),
        ("75.5", "Tinggi"),
        ("75.49", "Sedang"),
        ("75", "Sedang"),
        ("66", "Sedang"),
        ("65.5", "Sedang"),
        ("65.4999", "Rendah"),
        ("65", "Rendah"),
        ("51", "Rendah"),
        ("50.5", "Rendah"),
        ("50.49", "Sangat Rendah"),
        ("50", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
        ("-20", "Sangat Rendah"),
    ],
)
def test_kota_metro_scale_boundaries(value, label):
    # 001 lines 487-491; boundaries at x.5 as decided in core.achievement.rules.
    assert predicate(Decimal(value), KOTA_METRO_LAKIP_2023).label == label


def test_kota_metro_printed_bands_leave_four_gaps():
    # 001 lines 487-491 read literally, with whole-number bounds as printed.
    with pytest.raises(ScaleError) as caught:
        PredicateScale(
            id="kota-metro-as-printed",
            bands=(
                Band(Decimal("91"), True, None, False, "Sangat tinggi", "Very high", "#000"),
                Band(Decimal("76"), True, Decimal("90"), True, "Tinggi", "High", "#000"),
                Band(Decimal("66"), True, Decimal("75"), True, "Sedang", "Medium", "#000"),
                Band(Decimal("51"), True, Decimal("65"), True, "Rendah", "Low", "#000"),
                Band(None, False, Decimal("50"), True, "Sangat Rendah", "Very low", "#000"),
            ),
        )
    message = str(caught.value)
    assert "'kota-metro-as-printed'" in message
    for low, high in (("90", "91"), ("75", "76"), ("65", "66"), ("50", "51")):
        assert f"gap between {low} and {high}" in message


def test_kota_metro_closing_predicate_reads_absorption_as_capaian():
    # 001 line 1601 calls the 94,74 % (budget absorption, line 1589) the indicator's
    # capaian in "kategori sangat tinggi". Both readings land in the same band here.
    absorbed = absorption(Decimal("4825424420"), Decimal("5093068611"))
    achieved = capaian(Decimal("91.50"), Decimal("92.78"))
    assert predicate(absorbed, KOTA_METRO_LAKIP_2023).label == "Sangat tinggi"
    assert predicate(achieved, KOTA_METRO_LAKIP_2023).label == "Sangat tinggi"
    assert absorbed.rules != achieved.rules


def test_predicate_of_nothing_is_none():
    assert predicate(None, KOTA_METRO_LAKIP_2023) is None
    assert predicate(capaian(D("0"), D("1")), KOTA_METRO_LAKIP_2023) is None
    assert predicate(D("NaN"), KOTA_METRO_LAKIP_2023) is None


def test_predicate_reads_a_result():
    assert predicate(capaian(D("100"), D("92")), KOTA_METRO_LAKIP_2023).label == "Sangat tinggi"


# --- absorption and IKU --------------------------------------------------------------------


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**6, max_value=10**6))
def test_kota_metro_scale_gives_every_value_exactly_one_band(value):
    containing = [band for band in KOTA_METRO_LAKIP_2023.bands if band.contains(value)]
    assert len(containing) == 1
    assert predicate(value, KOTA_METRO_LAKIP_2023) is containing[0]


def test_kota_metro_plugin_answers_with_its_scale_and_others_get_core_s():
    from core.achievement import SAKIP_GENERIC

    registry = PluginRegistry(["prov_lampung", "kota_metro", "lampung_barat"])
    assert registry.call("pelita_achievement_rules", "18.72").predicate_scale is KOTA_METRO_LAKIP_2023
    assert registry.call("pelita_achievement_rules", "18.04").predicate_scale is SAKIP_GENERIC
