"""Conformance: every enabled region plugin answers its hooks validly and seeds cleanly."""

from __future__ import annotations

import pytest

from core.plugins import PluginRegistry, available_region_plugins, validate_org_chart
from core.services.seeding import validate_document
from core.specs import ITEM_LEVELS, OrgChart, SeedData

ENABLED = sorted(available_region_plugins())  # every installed region plugin, the default


@pytest.fixture(scope="module")
def registry():
    reg = PluginRegistry(ENABLED)
    reg.validate()
    return reg


def codes(registry):
    return sorted(registry.regions)


@pytest.mark.parametrize("name", ENABLED)
def test_region_info_is_complete(registry, name):
    rp = next(rp for rp in registry.regions.values() if rp.name == name)
    info = rp.info
    assert info.code == rp.plugin.REGION_CODE
    assert info.name and info.agency_name and info.name_en and info.agency_name_en


@pytest.mark.parametrize("name", ENABLED)
def test_org_chart_is_valid_or_explained(registry, name):
    code = next(c for c, rp in registry.regions.items() if rp.name == name)
    chart = registry.call("pelita_org_chart", code)
    if chart is None:
        return  # a region with no source document of its own (Provinsi Lampung)
    assert isinstance(chart, OrgChart)
    validate_org_chart(name, chart)
    assert chart.units or chart.note, "an empty chart must say why in its note"
    for unit in chart.units:
        assert unit.source is not None and unit.source.line, f"{unit.code} is not traceable to its line"


@pytest.mark.parametrize("name", ENABLED)
def test_seed_documents_are_valid(registry, name):
    code = next(c for c, rp in registry.regions.items() if rp.name == name)
    data = registry.call("pelita_seed_data", code)
    if data is None:
        return
    assert isinstance(data, SeedData)
    for document in data.documents:
        validate_document(document)
        for item in document.items:
            assert item.level in ITEM_LEVELS
            assert item.source is not None, f"{document.key}/{item.key} is not traceable"


@pytest.mark.parametrize("name", ENABLED)
def test_nomenclature_uses_answer(registry, name):
    code = next(c for c, rp in registry.regions.items() if rp.name == name)
    uses = registry.call("pelita_nomenclature_uses", code)
    assert uses, "every region resolves to some code list (its own, its province's or core's)"


def test_real_regions_precedence(registry):
    """Kab/kota inherit their province's answers unless they give their own."""
    lampung_barat = [u.version for u in registry.call("pelita_nomenclature_uses", "18.04")]
    metro = [u.version for u in registry.call("pelita_nomenclature_uses", "18.72")]
    assert lampung_barat[0] == "pmdn13-2006"  # Lampung Barat's own Renja 2021 list
    assert "kmdn050-5889-2021" in metro
    # Translations merge: Lampung's wording reaches both its kab/kota, not Bengkulu.
    for code in ("18", "18.72", "18.04"):
        labels = [dict(s.messages) for s in registry.call("pelita_translations", code, locale="id") if s]
        assert any(m.get("Responsible unit") == "Perangkat Daerah Penanggung Jawab" for m in labels)
    bengkulu = [s for s in registry.call("pelita_translations", "17", locale="id") if s]
    assert all("Responsible unit" not in dict(s.messages) for s in bengkulu)


def test_check_settings_precedence(registry):
    """Bengkulu declares its Renstra's period totals a sum; others inherit core's default."""
    from core.specs import CheckSettings, DocumentSpec

    renstra = DocumentSpec(key="r", type="renstra", title="R", source_file="r.txt")
    assert registry.call("pelita_plan_checks", "17", document=renstra) == CheckSettings(
        period_total_is_sum=True, period_total_years=(2022, 2023, 2024, 2025, 2026))
    assert registry.call("pelita_plan_checks", "18.72", document=renstra) == CheckSettings()
    assert registry.answering_plugin("pelita_plan_checks", "18.72", document=renstra) == "core.defaults"


def test_achievement_rules_precedence(registry):
    """Kota Metro prints its own predicate scale; the others use core's generic one."""
    from core.achievement.rules import SAKIP_GENERIC
    from regions.kota_metro.achievement import KOTA_METRO_LAKIP_2023

    assert registry.call("pelita_achievement_rules", "18.72").predicate_scale is KOTA_METRO_LAKIP_2023
    assert registry.call("pelita_achievement_rules", "18.04").predicate_scale is SAKIP_GENERIC
    assert registry.answering_plugin("pelita_achievement_rules", "17") == "core.defaults"


@pytest.mark.parametrize("name", ENABLED)
def test_crosswalk_and_layout_hooks_answer(registry, name):
    code = next(c for c, rp in registry.regions.items() if rp.name == name)
    assert registry.call("pelita_nomenclature_crosswalk", code, from_version="pmdn13-2006",
                         to_version="pmdn90-2019") is None  # no region overrides the national crosswalk yet
    assert registry.call("pelita_report_layouts", code) is not None


def test_local_nomenclature_labels_are_a_regions_own(registry):
    """Kota Metro names its codes as its Tabel 6.1 prints them; no other region inherits them.

    (050-5889 is itself amended from these printings, so the item pages show no difference.)"""
    labels = dict(registry.call("pelita_nomenclature_labels", "18.72", version="kmdn050-5889-2021"))
    # 000 line 1321 prints the kegiatan with its typos ("Anak, Terlantar", "Pantii").
    assert labels["1.06.04.2.01"].startswith("Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak,")
    assert registry.call("pelita_nomenclature_labels", "18.72", version="kmdn900-1317-2023") is None
    assert registry.call("pelita_nomenclature_labels", "18", version="kmdn050-5889-2021") is None
    assert registry.call("pelita_nomenclature_labels", "18.04", version="kmdn050-5889-2021") is None


def test_form_fields_are_the_columns_each_region_prints(registry):
    """pelita_form_fields (issue 10): Lampung Barat's Renja prints lokasi, sumber dana and catatan
    penting (line 1190); Bengkulu's Renstra prints lokasi; Kota Metro prints nothing more."""
    def keys(code, form):
        return {spec.key for answer in registry.call("pelita_form_fields", code, form=form) if answer
                for spec in answer.fields}

    assert keys("18.04", "renja_row") == {"x_lokasi", "x_sumber_dana", "x_catatan_penting"}
    assert keys("17", "renstra_item") == {"x_lokasi"}
    assert keys("18.72", "renja_row") == keys("18.72", "renstra_item") == set()
    assert keys("18.04", "renstra_item") == set()
