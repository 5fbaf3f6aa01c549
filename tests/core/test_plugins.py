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


def test_kabkota_plugin_does_not_need_a_province_plugin():
    # The province is a row in the database; only the code's shape is checked at startup.
    assert "91.01" in registry(region_plugin("91.01", parent="91")).regions


def test_kabkota_needs_a_parent_and_to_lie_under_it():
    with pytest.raises(PluginError, match="needs its province as parent"):
        registry(region_plugin("91.01", parent=None))
    with pytest.raises(PluginError, match="does not lie under parent"):
        registry(region_plugin("92.01", parent="91"))


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


def test_a_kabkota_adjusts_its_workflow_steps_and_its_province_answers_for_the_rest():
    """pelita_workflow is inherited: the kab/kota's answer, else its province's, else core's (None)."""
    def city_steps(region, doc_type):
        return {"verify": None} if doc_type == "pk" else None

    def province_steps(region, doc_type):
        return {"approve": {"regulation": True}}

    reg = registry(region_plugin("91.01", parent="91", pelita_workflow=city_steps),
                   region_plugin("91", level="provinsi", pelita_workflow=province_steps),
                   region_plugin("92", level="provinsi"))
    assert reg.call("pelita_workflow", "91.01", doc_type="pk") == {"verify": None}
    assert reg.call("pelita_workflow", "91.01", doc_type="renja") == {"approve": {"regulation": True}}
    assert reg.call("pelita_workflow", "92", doc_type="renja") is None


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


# --- feature plugins, and every hook's answer validated at startup, naming the plugin --------

import click  # noqa: E402

from core.achievement.rules import Band, PredicateScale  # noqa: E402
from core.checks.model import Check  # noqa: E402
from core.nomenclature.crosswalk import CrosswalkRow  # noqa: E402
from core.reports.layout import Column, Layout  # noqa: E402
from core.specs import (  # noqa: E402
    AchievementRules, CheckSettings, DemoAccount, DemoAssignment, DocumentSpec, ExporterSpec, ItemSpec, SeedData,
)
from decimal import Decimal  # noqa: E402


def feature_plugin(name, **hooks):
    """A feature plugin module (no REGION_CODE) with the given hook implementations."""
    module = types.ModuleType(name)
    for hook, function in hooks.items():
        setattr(module, hook, hookimpl(function))
    return module


def refused(match, *modules):
    """Registering and validating ``modules`` fails with a message matching ``match``."""
    with pytest.raises(PluginError, match=match):
        registry(*modules).validate()


def a_layout(layout_id="own-table", source="printed_table:x", doc_types=("renstra",)):
    return Layout(id=layout_id, title="T", columns=(Column("a", "A"),), doc_types=doc_types, source=source)


def test_a_feature_plugin_is_accepted_and_its_answers_collected():
    spec = ExporterSpec("csv", "text/csv", "csv", "Download CSV", lambda *a: b"")
    reg = registry(feature_plugin("fake_csv", pelita_exporters=lambda: (spec,)))
    reg.validate()
    assert "fake_csv" in reg.features and reg.regions == {}
    assert reg.feature_answers("pelita_exporters") == [("fake_csv", (spec,))]


def test_feature_plugins_register_after_core_and_before_regions():
    reg = PluginRegistry(["prov_lampung"], [], features=["export_xlsx", "export_pdf", "national_layouts"])
    names = [name for name, _plugin in reg.pm.list_name_plugin()]
    assert names.index("core.defaults") < names.index("export_xlsx") < names.index("export_pdf") \
        < names.index("national_layouts") < names.index("prov_lampung")
    assert [spec.format for spec in reg.feature_items("pelita_exporters")] == ["xlsx", "pdf"]
    assert [layout.id for layout in reg.feature_items("pelita_national_layouts")] == [
        "permendagri86-renja-evaluation", "perjanjian-kinerja"]


def test_enabled_feature_plugin_not_installed_is_named():
    with pytest.raises(PluginError, match="feature plugin 'no_such_feature' is enabled but not installed"):
        PluginRegistry([], features=["no_such_feature"])


def test_a_feature_plugin_cannot_answer_a_region_hook():
    module = feature_plugin("fake_feature", pelita_org_chart=lambda region: None)
    with pytest.raises(PluginError, match="fake_feature.*cannot implement the region hook pelita_org_chart"):
        registry(module)


def test_a_region_plugin_cannot_answer_a_feature_hook():
    module = region_plugin("91", level="provinsi", pelita_exporters=lambda: ())
    with pytest.raises(PluginError, match="fake_91.*cannot implement the feature hook pelita_exporters"):
        registry(module)


def test_broken_translations_are_refused():
    from core.specs import TranslationSpec

    bad = lambda region, locale: TranslationSpec(locale=locale, messages=(("Reports", ""),))  # noqa: E731
    refused("fake_91.*empty translation for 'Reports'", region_plugin("91", level="provinsi", pelita_translations=bad))


def test_broken_seed_data_is_refused():
    document = DocumentSpec(key="renstra", type="renstra", title="R", source_file="x.txt", items=(
        ItemSpec(key="a", level="program", name="A", parent_key="missing"),))
    refused("fake_91.*pelita_seed_data.*renstra.*parent missing",
            region_plugin("91", level="provinsi", pelita_seed_data=lambda region: SeedData(documents=(document,))))
    refused("fake_91.*must return SeedData",
            region_plugin("91", level="provinsi", pelita_seed_data=lambda region: (document,)))


def test_broken_plan_checks_are_refused_and_asked_about_the_region_s_documents():
    asked = []
    document = DocumentSpec(key="renstra", type="renstra", title="R", source_file="x.txt")

    def checks(region, document):
        asked.append(document.key if document else None)
        return CheckSettings(period_total_years=("2022",))

    module = region_plugin("91", level="provinsi", pelita_plan_checks=checks,
                           pelita_seed_data=lambda region: SeedData(documents=(document,)))
    refused("fake_91.*period_total_years must be a tuple of years", module)
    assert asked == ["renstra"]
    taken = Check(id="pagu-sum", title="t", description="d", run=lambda d, c: ())
    refused("fake_91.*check id 'pagu-sum' is empty or taken", region_plugin(
        "91", level="provinsi", pelita_plan_checks=lambda region, document: CheckSettings(extra_checks=(taken,))))


def test_broken_crosswalk_overrides_are_refused():
    row = CrosswalkRow(from_code="1.06.01", to_codes=("1.06.01",), kind="same", confidence=Decimal(1), basis="manual")

    def twice(region, from_version, to_version):
        return (row, row)

    refused("fake_91.*pelita_nomenclature_crosswalk .*code '1.06.01' is given twice",
            region_plugin("91", level="provinsi", pelita_nomenclature_crosswalk=twice))
    refused("fake_91.*must return a tuple of CrosswalkRow", region_plugin(
        "91", level="provinsi", pelita_nomenclature_crosswalk=lambda region, from_version, to_version: ["x"]))


def test_broken_report_layouts_are_refused():
    refused("fake_91.*unknown row source 'no_such_source'", region_plugin(
        "91", level="provinsi", pelita_report_layouts=lambda region: (a_layout(source="no_such_source"),)))
    refused("fake_91.*layout id 'own-table' is already given", region_plugin(
        "91", level="provinsi", pelita_report_layouts=lambda region: (a_layout(), a_layout())))
    refused("fake_91.*unknown document types", region_plugin(
        "91", level="provinsi", pelita_report_layouts=lambda region: (a_layout(doc_types=("memo",)),)))
    refused("fake_91.*must return a tuple of Layout", region_plugin(
        "91", level="provinsi", pelita_report_layouts=lambda region: ("table",)))


def test_broken_achievement_rules_are_refused():
    scale = PredicateScale("ok", (Band(None, False, None, False, "All", "All", "#000"),))
    refused("fake_91.*unknown lower-is-better rule 'higher:R/T'", region_plugin(
        "91", level="provinsi",
        pelita_achievement_rules=lambda region: AchievementRules(lower_is_better="higher:R/T", predicate_scale=scale)))
    refused("fake_91.*predicate_scale must be a PredicateScale", region_plugin(
        "91", level="provinsi",
        pelita_achievement_rules=lambda region: AchievementRules(lower_is_better="lower:T/R", predicate_scale=None)))
    gappy = object.__new__(PredicateScale)  # a scale built around its own validation
    object.__setattr__(gappy, "id", "gappy")
    object.__setattr__(gappy, "bands", (Band(Decimal(50), True, None, False, "Up", "Up", "#000"),
                                        Band(None, False, Decimal(40), False, "Down", "Down", "#000")))
    refused("fake_91.*scale 'gappy': gap between 40 and 50", region_plugin(
        "91", level="provinsi",
        pelita_achievement_rules=lambda region: AchievementRules(lower_is_better="lower:T/R", predicate_scale=gappy)))


def test_broken_nomenclature_labels_are_refused():
    refused("fake_91.*pelita_nomenclature_labels .*not a pair of non-empty strings", region_plugin(
        "91", level="provinsi", pelita_nomenclature_labels=lambda region, version: (("1.06", ""),)))


def test_broken_exporters_are_refused():
    good = ExporterSpec("xlsx", "application/x", "xlsx", "Download", lambda *a: b"")
    refused("fake_export.*bad format key 'html'", feature_plugin("fake_export", pelita_exporters=lambda: (
        ExporterSpec("html", "text/html", "html", "Page", lambda *a: b""),)))
    refused("fake_export.*no render callable", feature_plugin("fake_export", pelita_exporters=lambda: (
        ExporterSpec("csv", "text/csv", "csv", "CSV", None),)))
    refused("fake_second.*format 'xlsx' is already offered by 'fake_first'",
            feature_plugin("fake_first", pelita_exporters=lambda: (good,)),
            feature_plugin("fake_second", pelita_exporters=lambda: (good,)))


def test_broken_national_layouts_are_refused():
    refused("fake_layouts.*pelita_national_layouts.*unknown row source 'nope'", feature_plugin(
        "fake_layouts", pelita_national_layouts=lambda: (a_layout(source="nope"),)))


def test_broken_demo_accounts_and_assignments_are_refused():
    refused("fake_demo.*'guest' has a bad membership", feature_plugin("fake_demo", pelita_demo_accounts=lambda: (
        DemoAccount("guest", "Guest", "guest-password", memberships=(("91", "emperor", None),)),)))
    refused("fake_demo.*'guest' needs a password of 8 characters", feature_plugin(
        "fake_demo", pelita_demo_accounts=lambda: (DemoAccount("guest", "Guest", "short"),)))
    refused("fake_demo.*pelita_demo_assignments.*empty field", feature_plugin(
        "fake_demo", pelita_demo_assignments=lambda: (DemoAssignment("91", "", "1.06", "unit"),)))


def test_broken_cli_commands_are_refused():
    @click.command("seed")
    def clash():
        """Would shadow core's seed."""

    refused("fake_cli.*command name 'seed' is taken", feature_plugin("fake_cli", pelita_cli_commands=lambda: (clash,)))
    refused("fake_cli.*must return a tuple of click.Command", feature_plugin(
        "fake_cli", pelita_cli_commands=lambda: (lambda: None,)))


def test_a_failing_feature_hook_is_reported_with_the_plugin_name():
    def broken():
        raise RuntimeError("boom")

    refused("plugin 'fake_feature': pelita_exporters failed: RuntimeError", feature_plugin(
        "fake_feature", pelita_exporters=broken))


def test_first_party_feature_plugins_validate():
    reg = PluginRegistry(["prov_lampung", "kota_metro", "lampung_barat", "prov_bengkulu"],
                         features=["export_xlsx", "export_pdf", "national_layouts", "demo"])
    reg.validate()
    assert [c.name for c in reg.feature_items("pelita_cli_commands")] == ["demo-users"]
    assert len(reg.feature_items("pelita_demo_accounts")) == 11


# --- boundaries: core knows no region; nothing imports the application object -------------

import ast  # noqa: E402
import io  # noqa: E402
import re  # noqa: E402
import tokenize  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
REGION_NAMES = re.compile(r"Kota Metro|18\.72|kota_metro|Bengkulu|Lampung Barat")


def code_without_comments_and_docstrings(source: str) -> str:
    """The source's tokens, comments and docstrings (bare string statements) left out."""
    kept, previous = [], tokenize.NEWLINE
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    for index, token in enumerate(tokens):
        if token.type == tokenize.COMMENT:
            continue
        following = tokens[index + 1].type if index + 1 < len(tokens) else tokenize.ENDMARKER
        is_docstring = (token.type == tokenize.STRING
                        and previous in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.NL)
                        and following in (tokenize.NEWLINE, tokenize.ENDMARKER))
        if not is_docstring:
            kept.append(token.string)
        if token.type not in (tokenize.NL, tokenize.COMMENT):
            previous = token.type
    return " ".join(kept)


def test_the_docstring_filter_keeps_code_and_drops_docs():
    source = '"""Kota Metro."""\n# Bengkulu\nX = "18.72"  # Lampung Barat\n\ndef f():\n    """kota_metro"""\n    return 1\n'
    assert REGION_NAMES.findall(code_without_comments_and_docstrings(source)) == ["18.72"]


def test_core_names_no_region_outside_comments_and_docstrings():
    """Region facts live in regions/ (code lists under core/nomenclature/data are national data)."""
    found = []
    for path in sorted((ROOT / "core").rglob("*")):
        if not path.is_file() or "nomenclature/data" in path.as_posix() or path.suffix in (".pyc", ".mo", ".ttf",
                                                                                            ".woff2"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".py":
            text = code_without_comments_and_docstrings(text)
        found += [f"{path.relative_to(ROOT)}: {m}" for m in REGION_NAMES.findall(text)]
    assert found == []


def test_no_module_of_core_plugins_or_regions_imports_the_application_object():
    offenders = []
    for package in ("core", "plugins", "regions"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
                if any(name == "core.app" or name.startswith("core.app.") for name in names):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
