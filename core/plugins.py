"""The plugin manager: discovery, registration order, region-scoped calls, startup validation.

Core's defaults are registered first (``trylast``), then feature plugins, then region
plugins, provinces before the kab/kota they host. pluggy calls implementations last-in
first-out, so for an *inherited* hook a kab/kota's answer beats its province's, which beats
core's. Region hooks are called through :meth:`PluginRegistry.call`, which builds a pluggy
subset caller excluding every region plugin outside the region's chain: a plugin can never
answer for another region, by construction.
"""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from importlib.metadata import entry_points
from types import ModuleType

import pluggy

from core import hookspecs
from core.specs import REGION_LEVELS, UNIT_KINDS, OrgChart, RegionInfo

ENTRY_POINT_GROUP = "pelita.regions"


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


def available_region_plugins() -> dict[str, str]:
    """Installed region plugins: entry point name -> module path (installed is not enabled)."""
    return {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}


def _load_enabled(names: list[str]) -> list[tuple[str, ModuleType]]:
    installed = available_region_plugins()
    loaded = []
    for name in names:
        if name not in installed:
            raise PluginError(
                f"region plugin {name!r} is enabled but not installed "
                f"(installed: {', '.join(sorted(installed)) or 'none'})"
            )
        loaded.append((name, importlib.import_module(installed[name])))
    return loaded


class PluginRegistry:
    """The application's plugin manager and the regions its plugins serve."""

    def __init__(self, enabled: list[str], extra_plugins: list[tuple[str, object]] = ()):
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        from core import defaults

        self._register("core.defaults", defaults)
        candidates = _load_enabled(list(enabled)) + list(extra_plugins)
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
            elif parent not in self.regions:
                raise PluginError(
                    f"plugin {rp.name!r}: parent region {parent!r} of {code!r} is not enabled"
                )
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

    # -- validation ----------------------------------------------------------------------

    def validate(self) -> None:
        """Validate every region plugin's answers; raise PluginError naming the plugin."""
        for code, rp in self.regions.items():
            chart = self._guarded(rp, "pelita_org_chart", code)
            if chart is not None:
                validate_org_chart(rp.name, chart)
            uses = self._guarded(rp, "pelita_nomenclature_uses", code)
            validate_nomenclature_uses(rp.name, uses)
            for locale in ("id", "en"):
                for spec in self._guarded(rp, "pelita_translations", code, locale=locale):
                    validate_translations(rp.name, spec, locale)

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
