"""The plugin's hooks, and its registration through core's plugin manager."""

import types
from datetime import date

from core.plugins import PluginRegistry
from core.specs import NomenclatureUse, RegionInfo

import regions.kota_metro as kota_metro


def _province():
    """A stand-in Provinsi Lampung, so the registry accepts the kota under it."""
    plugin = types.ModuleType("fake_prov_lampung")
    plugin.REGION_CODE = "18"
    plugin.pelita_region_info = lambda: RegionInfo("18", "Provinsi Lampung", "provinsi", "Dinas Sosial Provinsi Lampung")
    from core.hookspecs import hookimpl

    plugin.pelita_region_info = hookimpl(plugin.pelita_region_info)
    return plugin


def test_region_info():
    info = kota_metro.pelita_region_info()
    assert info.code == kota_metro.REGION_CODE == "18.72"
    assert (info.name, info.level, info.parent_code) == ("Kota Metro", "kota", "18")
    assert info.agency_name == "Dinas Sosial Kota Metro"
    assert info.name_en and info.agency_name_en


def test_nomenclature_uses():
    assert kota_metro.pelita_nomenclature_uses(None) == (NomenclatureUse("kmdn050-5889-2021", 2021, None),)


def test_registers_and_validates_under_a_province():
    registry = PluginRegistry([], extra_plugins=[("prov", _province()), ("kota_metro", kota_metro)])
    registry.validate()
    chart = registry.call("pelita_org_chart", "18.72")
    assert chart.typology == "C" and chart.valid_from == date(2021, 1, 1)
    uses = registry.call("pelita_nomenclature_uses", "18.72")
    assert uses[0].version == "kmdn050-5889-2021"
    documents = registry.call("pelita_seed_data", "18.72").documents
    assert documents[0].key == "renstra-2021-2026"
    assert len({d.key for d in documents}) == len(documents)


def test_document_header(renstra):
    assert renstra.type == "renstra"
    assert (renstra.period_start, renstra.period_end) == (2021, 2026)
    assert renstra.nomenclature_version == "kmdn050-5889-2021"
    assert renstra.number_style == "id"
    assert renstra.source_file == "renstra_2021_2026.txt"


def test_source_copy_line_numbers():
    from regions.kota_metro.importer.source_text import renstra_lines

    lines = renstra_lines()
    assert len(lines) == 1522  # 1,521 newlines; line 1522 (last row of Tabel 6.1) has none
    assert lines[1262 - 1] == "TABEL 6.1"
    assert lines[21 - 1] == "Metro, Oktober 2021"
