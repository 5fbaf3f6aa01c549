"""The plugin manager: discovery, registration order, region-scoped calls, startup validation.

Core's defaults are registered first (``trylast``), then feature plugins (``plugins/``,
entry point group ``pelita.plugins``, no ``REGION_CODE``), then region plugins (entry point
group ``pelita.regions``), provinces before the kab/kota they host. pluggy calls implementations last-in
first-out, so for an *inherited* hook a kab/kota's answer beats its province's, which beats
core's. Region hooks are called through :meth:`PluginRegistry.call`, which builds a pluggy
subset caller excluding every region plugin outside the region's chain: a plugin can never
answer for another region, by construction. Feature hooks are collected from core and the
feature plugins only (:meth:`PluginRegistry.feature_answers`).

:meth:`PluginRegistry.validate` calls every hook of every plugin once at startup and checks
the answer's shape, naming the plugin at fault.
"""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from types import ModuleType

import pluggy

from core import hookspecs
from core.specs import REGION_LEVELS, UNIT_KINDS, OrgChart, RegionInfo

ENTRY_POINT_GROUP = "pelita.regions"
FEATURE_ENTRY_POINT_GROUP = "pelita.plugins"


def current_registry(app=None) -> "PluginRegistry":
    """The plugin registry of ``app`` (default: the current app); the one way modules reach it."""
    from flask import current_app

    return (app or current_app).extensions["pelita_plugins"]


def forget_region_tree() -> None:
    """Drop the cached region tree (after a region is created, moved or renamed)."""
    from flask import g, has_app_context

    if has_app_context():
        g.pop("pelita_region_tree", None)


def _region_rows() -> dict[str, RegionInfo]:
    """Every region row as a RegionInfo (one query)."""
    from sqlalchemy import select

    from core.extensions import db
    from core.models import Region

    rows = db.session.execute(select(Region.id, Region.code, Region.name, Region.level, Region.agency_name,
                                     Region.parent_id, Region.name_en, Region.agency_name_en)).all()
    codes = {row.id: row.code for row in rows}
    return {
        row.code: RegionInfo(code=row.code, name=row.name, level=row.level, agency_name=row.agency_name,
                             parent_code=codes.get(row.parent_id), name_en=row.name_en,
                             agency_name_en=row.agency_name_en)
        for row in rows
    }


class PluginError(RuntimeError):
    """A plugin is broken; the message names the plugin and what is wrong."""


@dataclass(frozen=True)
class RegionPlugin:
    """A registered region plugin and the region it serves."""

    name: str
    plugin: object
    info: RegionInfo


@cache
def _installed(group: str) -> tuple[tuple[str, str], ...]:
    # Reading the installed distributions' entry points costs ~15 ms; they do not change
    # while the process runs, and tests create many apps.
    return tuple((ep.name, ep.value) for ep in entry_points(group=group))


def available_region_plugins() -> dict[str, str]:
    """Installed region plugins: entry point name -> module path (installed is not enabled)."""
    return dict(_installed(ENTRY_POINT_GROUP))


def available_feature_plugins() -> dict[str, str]:
    """Installed feature plugins: entry point name -> module path (installed is not enabled)."""
    return dict(_installed(FEATURE_ENTRY_POINT_GROUP))


def _load_enabled(names: list[str], installed: dict[str, str] | None = None,
                  kind: str = "region") -> list[tuple[str, ModuleType]]:
    installed = available_region_plugins() if installed is None else installed
    loaded = []
    for name in names:
        if name not in installed:
            raise PluginError(
                f"{kind} plugin {name!r} is enabled but not installed "
                f"(installed: {', '.join(sorted(installed)) or 'none'})"
            )
        loaded.append((name, importlib.import_module(installed[name])))
    return loaded


def _implemented_hooks(plugin: object) -> list[str]:
    return [name for name in dir(plugin) if name.startswith("pelita_") and callable(getattr(plugin, name))]


def _is_region_plugin(plugin: object) -> bool:
    return getattr(plugin, "REGION_CODE", None) is not None or hasattr(plugin, "pelita_region_info")


class PluginRegistry:
    """The application's plugin manager and the regions its plugins serve."""

    def __init__(self, enabled: list[str], extra_plugins: list[tuple[str, object]] = (),
                 features: list[str] = ()):
        """Register core's defaults, then the ``features`` (feature plugin names), then the
        ``enabled`` region plugins; ``extra_plugins`` are ``(name, module)`` pairs (tests),
        each a region plugin when it declares ``REGION_CODE`` and a feature plugin otherwise."""
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        from core import defaults

        self._register("core.defaults", defaults)
        extra = list(extra_plugins)
        feature_candidates = _load_enabled(list(features), available_feature_plugins(), "feature") + [
            (name, plugin) for name, plugin in extra if not _is_region_plugin(plugin)]
        #: Enabled feature plugins by name, in registration order.
        self.features: dict[str, object] = {}
        for name, plugin in feature_candidates:
            region_hooks = [h for h in _implemented_hooks(plugin) if hookspecs.HOOK_SCOPES.get(h) not in (None, "feature")]
            if region_hooks:
                raise PluginError(f"plugin {name!r}: a feature plugin serves no region, so it cannot "
                                  f"implement the region hook {region_hooks[0]}")
            self._register(name, plugin)
            self.features[name] = plugin
        candidates = _load_enabled(list(enabled)) + [(n, p) for n, p in extra if _is_region_plugin(p)]
        self.regions: dict[str, RegionPlugin] = {}
        infos = self._region_infos(candidates)
        # Parents before children, so that LIFO calling puts the most specific region first.
        for name, plugin, info in sorted(infos, key=lambda t: (t[2].code.count("."), t[2].code)):
            self._register(name, plugin)
            self.regions[info.code] = RegionPlugin(name, plugin, info)
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"plugin {exc.plugin!r}: {exc}") from exc
        self._check_tree()
        self._feature_cache: dict[str, list[tuple[str, object]]] = {}

    def _register(self, name: str, plugin: object) -> None:
        try:
            self.pm.register(plugin, name=name)
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"plugin {name!r}: {exc}") from exc
        except ValueError as exc:
            raise PluginError(f"plugin {name!r}: {exc}") from exc

    def _region_infos(self, candidates):
        infos, seen = [], {}
        for name, plugin in candidates:
            code = getattr(plugin, "REGION_CODE", None)
            impl = getattr(plugin, "pelita_region_info", None)
            if code is None or impl is None:
                raise PluginError(f"plugin {name!r}: a region plugin needs REGION_CODE and pelita_region_info()")
            try:
                info = impl()
            except Exception as exc:  # noqa: BLE001 - any failure is the plugin's, reported by name
                raise PluginError(f"plugin {name!r}: pelita_region_info() failed: {exc!r}") from exc
            if not isinstance(info, RegionInfo):
                raise PluginError(f"plugin {name!r}: pelita_region_info() must return RegionInfo, got {info!r}")
            if info.code != code:
                raise PluginError(f"plugin {name!r}: REGION_CODE {code!r} differs from region_info code {info.code!r}")
            if info.level not in REGION_LEVELS:
                raise PluginError(f"plugin {name!r}: unknown region level {info.level!r}")
            for hook_name in _implemented_hooks(plugin):
                if hookspecs.HOOK_SCOPES.get(hook_name) == "feature":
                    raise PluginError(f"plugin {name!r}: a region plugin cannot implement the feature hook "
                                      f"{hook_name} (it would answer for every region)")
            if code in seen:
                raise PluginError(f"plugin {name!r}: region code {code!r} already served by plugin {seen[code]!r}")
            seen[code] = name
            infos.append((name, plugin, info))
        return infos

    def _check_tree(self) -> None:
        for code, rp in self.regions.items():
            parent = rp.info.parent_code
            if rp.info.level == "provinsi":
                if parent is not None:
                    raise PluginError(f"plugin {rp.name!r}: a provinsi has no parent region")
            elif parent is None:
                raise PluginError(f"plugin {rp.name!r}: a {rp.info.level} needs its province as parent")
            # The province need not have a plugin of its own: the region tree is data.
            elif not code.startswith(parent + "."):
                raise PluginError(f"plugin {rp.name!r}: code {code!r} does not lie under parent {parent!r}")

    # -- region-scoped calls -------------------------------------------------------------
    #
    # The region tree comes from the ``region`` table (the one source of truth for which
    # regions exist), read once per application/request context and kept on ``flask.g``.
    # Outside an application context (startup validation, unit tests of the registry) the
    # plugins' own RegionInfo are the tree. A region with no plugin is passed to hooks as a
    # RegionInfo built from its row; its province's plugin and core's defaults answer for it.

    def _tree(self) -> dict[str, RegionInfo]:
        """code -> RegionInfo of every known region: database rows, then enabled plugins' infos."""
        from flask import g, has_app_context

        tree = {code: rp.info for code, rp in self.regions.items()}
        if not has_app_context():
            return tree
        cached = g.get("pelita_region_tree")
        if cached is None:
            cached = g.pelita_region_tree = _region_rows()
        # The database wins over a plugin about where a region sits; a plugin-served region
        # keeps the RegionInfo its plugin gave (hooks may rely on its fields).
        merged = dict(cached)
        for code, info in tree.items():
            row = cached.get(code)
            merged[code] = info if row is None or row.parent_code == info.parent_code else \
                dataclasses.replace(info, parent_code=row.parent_code)
        return merged

    def region_info(self, code: str) -> RegionInfo:
        """The RegionInfo hooks receive for ``code`` (KeyError for a region that does not exist)."""
        return self._tree()[code]

    def chain(self, code: str) -> list[str]:
        """The region's code and its ancestors' codes, most specific first."""
        tree = self._tree()
        if code not in tree:
            raise KeyError(code)
        chain = [code]
        while (parent := tree[chain[-1]].parent_code) is not None and parent not in chain:
            chain.append(parent)
            if parent not in tree:
                break
        return chain

    def serving_plugin(self, code: str) -> str | None:
        """Name of the enabled plugin whose REGION_CODE is ``code``, else None."""
        rp = self.regions.get(code)
        return rp.name if rp is not None else None

    def _allowed(self, hook_name: str, code: str) -> set[str]:
        scope = hookspecs.HOOK_SCOPES[hook_name]
        if scope == "own":
            return {code}
        if scope == "inherited":
            return set(self.chain(code))
        raise ValueError(f"{hook_name} is not a region hook")

    def call(self, hook_name: str, code: str, **kwargs):
        """Call a region hook for region ``code`` in the hook's scope (own or inherited).

        Works for any region in the database: the region's plugin answers if one is enabled,
        then its province's, then core's defaults.
        """
        allowed = self._allowed(hook_name, code)
        region = self.region_info(code)
        excluded = [rp.plugin for c, rp in self.regions.items() if c not in allowed]
        caller = self.pm.subset_hook_caller(hook_name, remove_plugins=excluded)
        return caller(region=region, **kwargs)

    def answering_plugin(self, hook_name: str, code: str, **kwargs) -> str | None:
        """Name of the plugin whose answer :meth:`call` returns (for display and tests)."""
        allowed = self._allowed(hook_name, code)
        region = self.region_info(code)
        for impl in reversed(getattr(self.pm.hook, hook_name).get_hookimpls()):
            owner = next((c for c, rp in self.regions.items() if rp.plugin is impl.plugin), None)
            if owner is not None and owner not in allowed:
                continue
            if impl.function(**{a: {"region": region, **kwargs}[a] for a in impl.argnames}) is not None:
                return impl.plugin_name
        return None

    # -- feature hooks -------------------------------------------------------------------

    def feature_answers(self, hook_name: str) -> list[tuple[str, object]]:
        """Every answer of core and the feature plugins to a feature hook, as ``(plugin name,
        answer)`` in registration order (core first); None answers are left out. Feature
        answers are constant data, computed once."""
        if hookspecs.HOOK_SCOPES.get(hook_name) != "feature":
            raise ValueError(f"{hook_name} is not a feature hook")
        if hook_name not in self._feature_cache:
            answers = []
            for impl in self._impls(hook_name):
                if not self._is_feature_impl(impl):
                    continue
                answer = self._invoke(impl, hook_name)
                if answer is not None:
                    answers.append((impl.plugin_name, answer))
            self._feature_cache[hook_name] = answers
        return self._feature_cache[hook_name]

    def feature_items(self, hook_name: str) -> list:
        """The items of every answer to a feature hook that answers with tuples, in order."""
        return [item for _name, answer in self.feature_answers(hook_name) for item in answer]

    def _impls(self, hook_name: str):
        return getattr(self.pm.hook, hook_name).get_hookimpls()

    def _is_feature_impl(self, impl) -> bool:
        return impl.plugin_name == "core.defaults" or impl.plugin_name in self.features

    @staticmethod
    def _invoke(impl, hook_name: str, **kwargs):
        try:
            return impl.function(**{arg: kwargs[arg] for arg in impl.argnames})
        except PluginError:
            raise
        except Exception as exc:  # noqa: BLE001 - reported with the plugin's name
            raise PluginError(f"plugin {impl.plugin_name!r}: {hook_name} failed: {exc!r}") from exc

    # -- validation ----------------------------------------------------------------------

    def validate(self) -> None:
        """Call every hook of every plugin once and check its answer; raise PluginError naming
        the plugin. A region plugin's hooks are asked about its own region, core's about every
        region; feature hooks are asked once."""
        for code, rp in self.regions.items():
            self._validate_region(code, rp)
        self._validate_features()

    def _region_impls(self, hook_name: str, rp: RegionPlugin):
        """The implementations of ``hook_name`` asked about ``rp``'s region during validation:
        its own plugin's and core's."""
        return [impl for impl in self._impls(hook_name)
                if impl.plugin is rp.plugin or impl.plugin_name == "core.defaults"]

    def _validate_region(self, code: str, rp: RegionPlugin) -> None:
        from core.nomenclature import VERSIONS

        region = rp.info
        for impl in self._region_impls("pelita_org_chart", rp):
            chart = self._invoke(impl, "pelita_org_chart", region=region)
            if chart is not None:
                validate_org_chart(impl.plugin_name, chart)
        for impl in self._region_impls("pelita_nomenclature_uses", rp):
            validate_nomenclature_uses(impl.plugin_name, self._invoke(impl, "pelita_nomenclature_uses", region=region))
        for locale in ("id", "en"):
            for impl in self._region_impls("pelita_translations", rp):
                spec = self._invoke(impl, "pelita_translations", region=region, locale=locale)
                validate_translations(impl.plugin_name, spec, locale)
        documents: tuple = ()
        for impl in self._region_impls("pelita_seed_data", rp):
            seed = self._invoke(impl, "pelita_seed_data", region=region)
            validate_seed_data(impl.plugin_name, seed)
            if seed is not None and impl.plugin is rp.plugin:
                documents = seed.documents
        for impl in self._region_impls("pelita_plan_checks", rp):
            for document in (documents or (None,)) if impl.plugin is rp.plugin else (None,):
                settings = self._invoke(impl, "pelita_plan_checks", region=region, document=document)
                validate_check_settings(impl.plugin_name, settings)
        ordered = sorted(VERSIONS, key=lambda v: VERSIONS[v].issued_year)
        pairs = [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]]
        for impl in self._region_impls("pelita_nomenclature_crosswalk", rp):
            for from_version, to_version in pairs:
                rows = self._invoke(impl, "pelita_nomenclature_crosswalk", region=region,
                                    from_version=from_version, to_version=to_version)
                validate_crosswalk_rows(impl.plugin_name, rows, from_version, to_version)
        for impl in self._region_impls("pelita_report_layouts", rp):
            validate_layouts(impl.plugin_name, self._invoke(impl, "pelita_report_layouts", region=region),
                             "pelita_report_layouts")
        for impl in self._region_impls("pelita_achievement_rules", rp):
            validate_achievement_rules(impl.plugin_name, self._invoke(impl, "pelita_achievement_rules", region=region))
        from core.specs import FORMS

        for impl in self._region_impls("pelita_form_fields", rp):
            for form in FORMS:
                validate_form_fields(impl.plugin_name, self._invoke(impl, "pelita_form_fields", region=region,
                                                                    form=form), form)
        for impl in self._region_impls("pelita_nomenclature_labels", rp):
            for version in ordered:
                labels = self._invoke(impl, "pelita_nomenclature_labels", region=region, version=version)
                validate_nomenclature_labels(impl.plugin_name, labels, version)

    def _validate_features(self) -> None:
        self._feature_cache.clear()
        seen_formats: dict[str, str] = {}
        for name, answer in self.feature_answers("pelita_exporters"):
            validate_exporters(name, answer, seen_formats)
        seen_layouts: dict[str, str] = {}
        for name, answer in self.feature_answers("pelita_national_layouts"):
            validate_layouts(name, answer, "pelita_national_layouts", seen_layouts)
        seen_users: dict[str, str] = {}
        for name, answer in self.feature_answers("pelita_demo_accounts"):
            validate_demo_accounts(name, answer, seen_users)
        for name, answer in self.feature_answers("pelita_demo_assignments"):
            validate_demo_assignments(name, answer)
        seen_commands: dict[str, str] = {}
        for name, answer in self.feature_answers("pelita_cli_commands"):
            validate_cli_commands(name, answer, seen_commands)

    def _guarded(self, rp: RegionPlugin, hook_name: str, code: str, **kwargs):
        try:
            return self.call(hook_name, code, **kwargs)
        except PluginError:
            raise
        except Exception as exc:  # noqa: BLE001 - reported with the plugin's name
            raise PluginError(f"plugin {rp.name!r}: {hook_name} failed: {exc!r}") from exc


def validate_org_chart(plugin_name: str, chart: OrgChart) -> None:
    """Check an org chart: unique unit codes, known kinds, every parent present."""
    if not isinstance(chart, OrgChart):
        raise PluginError(f"plugin {plugin_name!r}: pelita_org_chart must return OrgChart, got {type(chart).__name__}")
    codes = set()
    for unit in chart.units:
        if unit.code in codes:
            raise PluginError(f"plugin {plugin_name!r}: duplicate org unit code {unit.code!r}")
        if unit.kind not in UNIT_KINDS:
            raise PluginError(f"plugin {plugin_name!r}: unit {unit.code!r} has unknown kind {unit.kind!r}")
        codes.add(unit.code)
    for unit in chart.units:
        if unit.parent_code is not None and unit.parent_code not in codes:
            raise PluginError(
                f"plugin {plugin_name!r}: unit {unit.code!r} has parent {unit.parent_code!r}, which does not exist"
            )


def validate_translations(plugin_name: str, spec, locale: str) -> None:
    """Check a translation answer: the right shape and locale, non-empty texts."""
    from core.specs import TranslationSpec

    if spec is None:
        return
    if not isinstance(spec, TranslationSpec) or spec.locale != locale:
        raise PluginError(f"plugin {plugin_name!r}: pelita_translations must return TranslationSpec for {locale!r}")
    for msgid, text in spec.messages:
        if not msgid or not text:
            raise PluginError(f"plugin {plugin_name!r}: empty translation for {msgid!r} in {locale!r}")


def validate_nomenclature_uses(plugin_name: str, uses) -> None:
    """Check nomenclature uses: known shape, year ranges that do not overlap."""
    from core.specs import NomenclatureUse

    if uses is None:
        return
    spans = []
    for use in uses:
        if not isinstance(use, NomenclatureUse):
            raise PluginError(f"plugin {plugin_name!r}: nomenclature uses must be NomenclatureUse, got {use!r}")
        end = use.to_year if use.to_year is not None else 9999
        if end < use.from_year:
            raise PluginError(f"plugin {plugin_name!r}: nomenclature use {use.version!r} ends before it starts")
        spans.append((use.from_year, end, use.version))
    spans.sort()
    for (a_start, a_end, a_v), (b_start, _b_end, b_v) in zip(spans, spans[1:]):
        if b_start <= a_end:
            raise PluginError(f"plugin {plugin_name!r}: nomenclature uses {a_v!r} and {b_v!r} overlap")


def _fail(plugin_name: str, message: str) -> PluginError:
    return PluginError(f"plugin {plugin_name!r}: {message}")


def _is_tuple_of(answer, kind) -> bool:
    return isinstance(answer, tuple) and all(isinstance(item, kind) for item in answer)


#: Document specs already validated, by identity (plugins cache their parsed documents, so
#: an app created again does not validate them again). Values keep the objects alive.
_VALIDATED_DOCUMENTS: dict[int, object] = {}


def validate_seed_data(plugin_name: str, seed) -> None:
    """Check seed data: a SeedData of DocumentSpecs with unique keys, each structurally valid
    (:func:`core.services.seeding.validate_document`)."""
    from core.specs import DocumentSpec, SeedData

    if seed is None:
        return
    if not isinstance(seed, SeedData):
        raise _fail(plugin_name, f"pelita_seed_data must return SeedData, got {type(seed).__name__}")
    if not _is_tuple_of(seed.documents, DocumentSpec):
        raise _fail(plugin_name, "pelita_seed_data: documents must be a tuple of DocumentSpec")
    from core.services.seeding import validate_document

    keys = set()
    for document in seed.documents:
        if document.key in keys:
            raise _fail(plugin_name, f"pelita_seed_data: document key {document.key!r} is given twice")
        keys.add(document.key)
        if _VALIDATED_DOCUMENTS.get(id(document)) is document:
            continue
        try:
            validate_document(document)
        except Exception as exc:  # noqa: BLE001 - SeedError, or any failure on a malformed spec
            raise _fail(plugin_name, f"pelita_seed_data: document {document.key!r}: {exc}") from exc
        _VALIDATED_DOCUMENTS[id(document)] = document


def validate_check_settings(plugin_name: str, settings) -> None:
    """Check plan-check settings: a CheckSettings with whole years and Check objects whose ids
    are unique and not a built-in check's."""
    from core.checks.model import Check
    from core.checks.registry import BUILTIN_CHECKS
    from core.specs import CheckSettings

    if settings is None:
        return
    if not isinstance(settings, CheckSettings):
        raise _fail(plugin_name, f"pelita_plan_checks must return CheckSettings, got {type(settings).__name__}")
    years = settings.period_total_years
    if years is not None and not (isinstance(years, tuple) and all(type(y) is int for y in years)):
        raise _fail(plugin_name, f"pelita_plan_checks: period_total_years must be a tuple of years, got {years!r}")
    if not _is_tuple_of(settings.extra_checks, Check):
        raise _fail(plugin_name, "pelita_plan_checks: extra_checks must be a tuple of core.checks.model.Check")
    ids = {check.id for check in BUILTIN_CHECKS}
    for check in settings.extra_checks:
        if not check.id or check.id in ids:
            raise _fail(plugin_name, f"pelita_plan_checks: check id {check.id!r} is empty or taken")
        if not callable(check.run):
            raise _fail(plugin_name, f"pelita_plan_checks: check {check.id!r} has no run callable")
        ids.add(check.id)


def validate_crosswalk_rows(plugin_name: str, rows, from_version: str, to_version: str) -> None:
    """Check crosswalk overrides: a tuple of CrosswalkRow, each old code once, codes non-empty."""
    from core.nomenclature import VERSIONS
    from core.nomenclature.crosswalk import CrosswalkRow

    if rows is None:
        return
    where = f"pelita_nomenclature_crosswalk {from_version} -> {to_version}"
    if from_version not in VERSIONS or to_version not in VERSIONS:
        raise _fail(plugin_name, f"{where}: unknown nomenclature version")
    if not _is_tuple_of(rows, CrosswalkRow):
        raise _fail(plugin_name, f"{where}: must return a tuple of CrosswalkRow")
    seen = set()
    for row in rows:
        if row.from_code is not None:
            if not isinstance(row.from_code, str) or not row.from_code.strip():
                raise _fail(plugin_name, f"{where}: a row has an empty from_code")
            if row.from_code in seen:
                raise _fail(plugin_name, f"{where}: code {row.from_code!r} is given twice")
            seen.add(row.from_code)
        if not isinstance(row.to_codes, tuple) or not all(isinstance(c, str) and c.strip() for c in row.to_codes):
            raise _fail(plugin_name, f"{where}: row {row.from_code!r} needs a tuple of non-empty to_codes")


def validate_layouts(plugin_name: str, layouts, hook_name: str, seen: dict[str, str] | None = None) -> None:
    """Check report layouts: Layout objects (valid by construction) with unique ids, a known
    row source and known document types."""
    from core.reports.layout import Layout
    from core.reports.sources import SOURCES
    from core.specs import DOCUMENT_TYPES

    if layouts is None:
        return
    if not _is_tuple_of(layouts, Layout):
        raise _fail(plugin_name, f"{hook_name} must return a tuple of Layout")
    seen = {} if seen is None else seen
    for layout in layouts:
        if layout.id in seen:
            raise _fail(plugin_name, f"{hook_name}: layout id {layout.id!r} is already given by {seen[layout.id]!r}")
        seen[layout.id] = plugin_name
        source = (layout.source or "").partition(":")[0]
        if source not in SOURCES:
            raise _fail(plugin_name, f"{hook_name}: layout {layout.id!r} names unknown row source {source!r} "
                                     f"(known: {', '.join(sorted(SOURCES))})")
        if not layout.doc_types or not set(layout.doc_types) <= set(DOCUMENT_TYPES):
            raise _fail(plugin_name, f"{hook_name}: layout {layout.id!r} has unknown document types "
                                     f"{layout.doc_types!r}")


def validate_achievement_rules(plugin_name: str, rules) -> None:
    """Check achievement rules: a known lower-is-better rule and a predicate scale whose
    bands are ordered, without gap or overlap."""
    from core.achievement.rules import CAPAIAN_RULES, PredicateScale, _scale_problems
    from core.specs import AchievementRules

    if rules is None:
        return
    if not isinstance(rules, AchievementRules):
        raise _fail(plugin_name, f"pelita_achievement_rules must return AchievementRules, got {type(rules).__name__}")
    rule = CAPAIAN_RULES.get(rules.lower_is_better)
    if rule is None or rule.polarity != "lower":
        known = sorted(r for r, spec in CAPAIAN_RULES.items() if spec.polarity == "lower")
        raise _fail(plugin_name, f"pelita_achievement_rules: unknown lower-is-better rule "
                                 f"{rules.lower_is_better!r} (known: {', '.join(known)})")
    scale = rules.predicate_scale
    if not isinstance(scale, PredicateScale):
        raise _fail(plugin_name, f"pelita_achievement_rules: predicate_scale must be a PredicateScale, got {scale!r}")
    problems = _scale_problems(scale.bands)
    if problems:
        raise _fail(plugin_name, f"pelita_achievement_rules: scale {scale.id!r}: {'; '.join(problems)}")


def validate_form_fields(plugin_name: str, answer, form: str) -> None:
    """Check form fields: a FormFields whose fields have ``x_`` keys (never a core field's),
    known types, labels in id and en, unique keys and choices; hidden keys that are not a
    legally mandatory core field."""
    from core.forms.core_fields import CORE_FIELDS
    from core.forms.schema import spec_problems
    from core.specs import FormFields

    if answer is None:
        return
    where = f"pelita_form_fields ({form})"
    if not isinstance(answer, FormFields):
        raise _fail(plugin_name, f"{where} must return FormFields, got {type(answer).__name__}")
    if not isinstance(answer.fields, tuple) or not isinstance(answer.hidden, tuple):
        raise _fail(plugin_name, f"{where}: fields and hidden must be tuples")
    core = {f.key: f for f in CORE_FIELDS[form]}
    seen = set()
    for spec in answer.fields:
        problems = spec_problems(spec, core_keys=core)
        if problems:
            raise _fail(plugin_name, f"{where}: {'; '.join(problems)}")
        if spec.key in seen:
            raise _fail(plugin_name, f"{where}: field key {spec.key!r} is given twice")
        seen.add(spec.key)
    for key in answer.hidden:
        if key in core and core[key].mandatory:
            raise _fail(plugin_name, f"{where}: core field {key!r} is legally mandatory and cannot be hidden")
        if key not in core and not (isinstance(key, str) and key.startswith("x_")):
            raise _fail(plugin_name, f"{where}: cannot hide unknown field {key!r}")
        if key in seen:
            raise _fail(plugin_name, f"{where}: field {key!r} is its own; leave it out instead of hiding it")


def validate_nomenclature_labels(plugin_name: str, labels, version: str) -> None:
    """Check local labels: a tuple of (code, label) pairs of non-empty strings."""
    if labels is None:
        return
    if not isinstance(labels, tuple):
        raise _fail(plugin_name, f"pelita_nomenclature_labels ({version}) must return a tuple of pairs")
    for pair in labels:
        if not (isinstance(pair, tuple) and len(pair) == 2
                and all(isinstance(text, str) and text.strip() for text in pair)):
            raise _fail(plugin_name, f"pelita_nomenclature_labels ({version}): {pair!r} is not a pair of "
                                     "non-empty strings")


def validate_exporters(plugin_name: str, exporters, seen: dict[str, str]) -> None:
    """Check exporters: ExporterSpecs with a unique lower-case format key (not ``html``,
    which core renders), a media type, an extension, a label and a render callable."""
    from core.specs import ExporterSpec

    if not _is_tuple_of(exporters, ExporterSpec):
        raise _fail(plugin_name, "pelita_exporters must return a tuple of ExporterSpec")
    for spec in exporters:
        key = spec.format
        if not isinstance(key, str) or not key.isalnum() or key != key.lower() or key == "html":
            raise _fail(plugin_name, f"pelita_exporters: bad format key {key!r} (lower-case letters and digits, "
                                     "not html)")
        if key in seen:
            raise _fail(plugin_name, f"pelita_exporters: format {key!r} is already offered by {seen[key]!r}")
        seen[key] = plugin_name
        if not isinstance(spec.media_type, str) or "/" not in spec.media_type:
            raise _fail(plugin_name, f"pelita_exporters: format {key!r} has no media type")
        if not spec.extension or "." in spec.extension or not spec.label:
            raise _fail(plugin_name, f"pelita_exporters: format {key!r} needs an extension (no dot) and a label")
        if not callable(spec.render):
            raise _fail(plugin_name, f"pelita_exporters: format {key!r} has no render callable")


def validate_demo_accounts(plugin_name: str, accounts, seen: dict[str, str]) -> None:
    """Check demo accounts: unique usernames, passwords of 8 characters or more, memberships
    ``(region_code, role, unit or None)`` with a known role."""
    from core.models.user import ROLES
    from core.specs import DemoAccount

    if not _is_tuple_of(accounts, DemoAccount):
        raise _fail(plugin_name, "pelita_demo_accounts must return a tuple of DemoAccount")
    for account in accounts:
        if not account.username or account.username in seen:
            raise _fail(plugin_name, f"pelita_demo_accounts: username {account.username!r} is empty or taken")
        seen[account.username] = plugin_name
        if not isinstance(account.password, str) or len(account.password) < 8:
            raise _fail(plugin_name, f"pelita_demo_accounts: {account.username!r} needs a password of 8 characters")
        for membership in account.memberships:
            if not (isinstance(membership, tuple) and len(membership) == 3 and membership[0]
                    and membership[1] in ROLES):
                raise _fail(plugin_name, f"pelita_demo_accounts: {account.username!r} has a bad membership "
                                         f"{membership!r} (region, known role, unit or None)")


def validate_demo_assignments(plugin_name: str, assignments) -> None:
    """Check demo assignments: DemoAssignments whose four fields are non-empty strings."""
    from core.specs import DemoAssignment

    if not _is_tuple_of(assignments, DemoAssignment):
        raise _fail(plugin_name, "pelita_demo_assignments must return a tuple of DemoAssignment")
    for assignment in assignments:
        values = (assignment.region_code, assignment.document_key, assignment.item_code, assignment.unit_code)
        if not all(isinstance(v, str) and v for v in values):
            raise _fail(plugin_name, f"pelita_demo_assignments: {assignment!r} has an empty field")


#: Commands core adds itself (a plugin's command may not take their names).
CORE_COMMANDS = ("users", "report", "seed", "regions", "db", "run", "shell", "routes")


def validate_cli_commands(plugin_name: str, commands, seen: dict[str, str]) -> None:
    """Check commands: click commands with names no one else uses."""
    import click

    if not _is_tuple_of(commands, click.Command):
        raise _fail(plugin_name, "pelita_cli_commands must return a tuple of click.Command")
    for command in commands:
        if not command.name or command.name in CORE_COMMANDS or command.name in seen:
            raise _fail(plugin_name, f"pelita_cli_commands: command name {command.name!r} is taken")
        seen[command.name] = plugin_name
