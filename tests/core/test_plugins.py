"""The plugin system: startup validation, region precedence, no answer for another region."""

from __future__ import annotations

import inspect
from pathlib import Path
import types
from datetime import date

import pytest

from core import hookspecs
from core.hookspecs import hookimpl
from core.plugins import PluginError, PluginRegistry
from core.specs import NomenclatureUse, OrgChart, RegionInfo, UnitSpec


def region_plugin(code, level="kota", parent=None, **hooks):
    """A region plugin module built on the fly, with the given hook implementations."""
    module = types.ModuleType(f"fake_{code.replace('.', '_')}")
    module.REGION_CODE = code

    @hookimpl
    def pelita_region_info():
        return RegionInfo(code=code, name=f"Region {code}", level=level, parent_code=parent,
                          agency_name=f"Dinas Sosial {code}")

    module.pelita_region_info = pelita_region_info
    for name, function in hooks.items():
        setattr(module, name, hookimpl(function))
    return module


def registry(*modules, enabled=()):
    return PluginRegistry(list(enabled), [(m.__name__, m) for m in modules])


def uses(version):
    return lambda region: (NomenclatureUse(version, 2021, None),)


def test_real_regions_load_and_validate():
    reg = PluginRegistry(["prov_lampung", "kota_metro", "lampung_barat", "prov_bengkulu"])
    reg.validate()
    assert set(reg.regions) == {"18", "18.72", "18.04", "17"}
    assert reg.chain("18.72") == ["18.72", "18"]
    assert reg.chain("17") == ["17"]


def test_enabled_but_not_installed_is_named():
    with pytest.raises(PluginError, match="'no_such_region' is enabled but not installed"):
        PluginRegistry(["no_such_region"])


def test_installed_is_not_enabled():
    reg = PluginRegistry(["prov_bengkulu"])
    assert set(reg.regions) == {"17"}


def test_unknown_hook_is_rejected_naming_the_plugin():
    module = region_plugin("91", level="provinsi")
    module.pelita_no_such_hook = hookimpl(lambda region: None)
    with pytest.raises(PluginError, match="(?s)fake_91.*pelita_no_such_hook"):
        registry(module)


def test_bad_hook_argument_is_rejected_naming_the_plugin():
    module = region_plugin("91", level="provinsi", pelita_org_chart=lambda region, colour: None)
    with pytest.raises(PluginError, match="(?s)fake_91.*colour"):
        registry(module)


def test_duplicate_region_code_is_rejected():
    first = region_plugin("91", level="provinsi")
    second = region_plugin("91", level="provinsi")
    second.__name__ = "fake_91_again"
    with pytest.raises(PluginError, match="fake_91_again.*'91' already served by plugin 'fake_91'"):
        registry(first, second)


def test_region_code_must_match_region_info():
    module = region_plugin("91", level="provinsi")
    module.REGION_CODE = "92"
    with pytest.raises(PluginError, match="REGION_CODE '92' differs"):
        registry(module)


def test_kabkota_needs_its_province_enabled():
    with pytest.raises(PluginError, match="parent region '91' of '91.01' is not enabled"):
        registry(region_plugin("91.01", parent="91"))


def test_unit_whose_parent_does_not_exist_is_rejected():
    chart = OrgChart(valid_from=date(2021, 1, 1), source_document="x", units=(
        UnitSpec(code="kadis", name="Kepala Dinas", kind="kepala"),
        UnitSpec(code="bid-x", name="Bidang X", kind="bidang", parent_code="sekretariat"),
    ))
    module = region_plugin("91", level="provinsi", pelita_org_chart=lambda region: chart)
    reg = registry(module)
    with pytest.raises(PluginError, match="fake_91.*'bid-x' has parent 'sekretariat', which does not exist"):
        reg.validate()


def test_unknown_unit_kind_is_rejected():
    chart = OrgChart(valid_from=date(2021, 1, 1), source_document="x", units=(
        UnitSpec(code="k", name="Kepala", kind="emperor"),))
    reg = registry(region_plugin("91", level="provinsi", pelita_org_chart=lambda region: chart))
    with pytest.raises(PluginError, match="unknown kind 'emperor'"):
        reg.validate()


def test_overlapping_nomenclature_uses_are_rejected():
    def overlapping(region):
        return (NomenclatureUse("a", 2019, 2022), NomenclatureUse("b", 2021, None))

    reg = registry(region_plugin("91", level="provinsi", pelita_nomenclature_uses=overlapping))
    with pytest.raises(PluginError, match="fake_91.*'a' and 'b' overlap"):
        reg.validate()


def test_a_failing_hook_is_reported_with_the_plugin_name():
    def broken(region):
        raise RuntimeError("boom")

    reg = registry(region_plugin("91", level="provinsi", pelita_org_chart=broken))
    with pytest.raises(PluginError, match="plugin 'fake_91': pelita_org_chart failed: RuntimeError"):
        reg.validate()


def test_kabkota_overrides_province_which_overrides_core():
    province = region_plugin("91", level="provinsi", pelita_nomenclature_uses=uses("province-version"))
    city = region_plugin("91.01", parent="91", pelita_nomenclature_uses=uses("city-version"))
    silent_city = region_plugin("91.02", parent="91")
    other_province = region_plugin("92", level="provinsi")
    reg = registry(city, silent_city, province, other_province)  # registration order must not matter

    assert reg.call("pelita_nomenclature_uses", "91.01")[0].version == "city-version"
    assert reg.call("pelita_nomenclature_uses", "91.02")[0].version == "province-version"
    assert reg.call("pelita_nomenclature_uses", "91")[0].version == "province-version"
    core_default = reg.call("pelita_nomenclature_uses", "92")
    assert [u.version for u in core_default] == ["pmdn13-2006", "kmdn050-5889-2021", "kmdn900-1317-2023"]
    assert reg.answering_plugin("pelita_nomenclature_uses", "91.01") == "fake_91_01"
    assert reg.answering_plugin("pelita_nomenclature_uses", "91.02") == "fake_91"
    assert reg.answering_plugin("pelita_nomenclature_uses", "92") == "core.defaults"


def test_no_plugin_answers_for_another_region():
    """A plugin that would answer for any region is never asked about another one."""
    asked = []

    def greedy_chart(region):
        asked.append(region.code)
        return OrgChart(valid_from=date(2021, 1, 1), source_document="greedy", units=())

    greedy = region_plugin("91", level="provinsi", pelita_org_chart=greedy_chart,
                           pelita_nomenclature_uses=uses("greedy"))
    neighbour = region_plugin("92", level="provinsi")
    hosted = region_plugin("91.01", parent="91")
    reg = registry(greedy, neighbour, hosted)

    assert reg.call("pelita_org_chart", "92") is None
    assert reg.call("pelita_nomenclature_uses", "92")[0].version == "pmdn13-2006"  # core, not greedy
    # org charts are "own": a province does not answer for the kab/kota it hosts either
    assert reg.call("pelita_org_chart", "91.01") is None
    assert reg.call("pelita_org_chart", "91") is not None
    assert asked == ["91"]


def test_every_hookspec_is_documented_scoped_and_tested():
    """Datasette's rule: an undocumented or untested hook is a defect."""
    specs = {name: f for name, f in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("pelita_")}
    assert set(specs) == set(hookspecs.HOOK_SCOPES)
    this_file = inspect.getsource(inspect.getmodule(test_every_hookspec_is_documented_scoped_and_tested))
    region_tests = (Path(__file__).parent.parent / "regions" / "test_conformance.py").read_text()
    for name, function in specs.items():
        doc = inspect.getdoc(function) or ""
        assert "Scope:" in doc and "Returns:" in doc and "Arguments:" in doc, f"{name} is not fully documented"
        for arg in inspect.signature(function).parameters:
            assert f"``{arg}``" in doc, f"{name} does not document its argument {arg}"
        assert name in this_file or name in region_tests, f"{name} has no test"
