"""Hooks along the region tree read from the database: a region no plugin serves inherits its province's."""

from __future__ import annotations

import types

from core.hookspecs import hookimpl
from core.specs import NomenclatureUse, RegionInfo


def fake_province(code="91"):
    module = types.ModuleType(f"fake_province_{code}")
    module.REGION_CODE = code

    @hookimpl
    def pelita_region_info():
        return RegionInfo(code=code, name=f"Provinsi Uji {code}", level="provinsi", agency_name="Dinas Sosial Uji")

    @hookimpl
    def pelita_nomenclature_uses(region):
        return (NomenclatureUse(f"province-{code}-for-{region.code}", 2021, None),)

    module.pelita_region_info = pelita_region_info
    module.pelita_nomenclature_uses = pelita_nomenclature_uses
    return module


def test_a_region_without_plugin_inherits_its_provinces_answer(make_app):
    province = fake_province()
    app = make_app(regions=[], extra_plugins=[(province.__name__, province)], seed=True)
    with app.app_context():
        from core.extensions import db
        from core.plugins import current_registry
        from core.services.regions import create_region

        registry = current_registry()
        create_region(None, code="91.71", name="Kota Uji", kind="kota", parent_code="91")
        db.session.commit()
        assert registry.chain("91.71") == ["91.71", "91"]
        uses = registry.call("pelita_nomenclature_uses", "91.71")
        assert [u.version for u in uses] == ["province-91-for-91.71"]  # the hook got the DB region
        assert registry.answering_plugin("pelita_nomenclature_uses", "91.71") == province.__name__
        assert registry.serving_plugin("91.71") is None
        assert registry.serving_plugin("91") == province.__name__
        # Own-scope hooks: the province never answers for its kota; core's default does.
        assert registry.call("pelita_org_chart", "91.71") is None
        # A province no plugin serves gets core's answers.
        create_region(None, code="92", name="Provinsi Tanpa Plugin", kind="provinsi")
        db.session.commit()
        assert registry.answering_plugin("pelita_nomenclature_uses", "92") == "core.defaults"
