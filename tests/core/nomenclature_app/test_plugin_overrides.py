"""A region plugin's crosswalk rows (hook pelita_nomenclature_crosswalk) override the national ones."""

from __future__ import annotations

import types
from decimal import Decimal

from sqlalchemy import select

from core.extensions import db
from core.hookspecs import hookimpl
from core.models import Region, User
from core.nomenclature import CrosswalkRow
from core.services import nomenclature as service
from core.specs import RegionInfo


def stub_kota():
    module = types.ModuleType("stub_kota_uji")
    module.REGION_CODE = "18.71"

    @hookimpl
    def pelita_region_info():
        return RegionInfo(code="18.71", name="Kota Uji", level="kota", agency_name="Dinas Sosial Kota Uji",
                          parent_code="18")

    @hookimpl
    def pelita_nomenclature_crosswalk(region, from_version, to_version):
        if (from_version, to_version) != ("pmdn90-2019", "kmdn900-1317-2023"):
            return None
        return (CrosswalkRow("1.06.04.2.01.04", ("1.06.04.2.01.0004",), "renamed", Decimal("1"), "manual",
                             "local decision"),)

    module.pelita_region_info = pelita_region_info
    module.pelita_nomenclature_crosswalk = pelita_nomenclature_crosswalk
    return module


def test_plugin_rows_replace_national_rows_and_a_stored_decision_beats_them(make_app):
    app = make_app(regions=["prov_lampung"], extra_plugins=[("stub-18.71", stub_kota())], seed=True)
    with app.app_context():
        region = db.session.scalar(select(Region).where(Region.code == "18.71"))
        versions = {v.code: v for v in service.versions()}
        old, new = versions["pmdn90-2019"], versions["kmdn900-1317-2023"]

        def view(of_region):
            views = service.crosswalk(old, new, "kabkota", of_region)
            return next(v for v in views if v.row.from_code == "1.06.04.2.01.04")

        national = view(None)
        assert (national.row.status, national.from_plugin) == ("proposed", False)
        local = view(region)
        assert local.from_plugin and local.national is national.row
        assert (local.row.status, local.row.to_codes, local.row.note) == (
            "confirmed", ["1.06.04.2.01.0004"], "local decision")
        assert [i.name for i in local.to_items] == ["Pemberian Pelayanan Reunifikasi Keluarga"]
        # The province (another jurisdiction's list) and other pairs are not touched.
        province = db.session.scalar(select(Region).where(Region.code == "18"))
        assert not any(v.from_plugin for v in service.crosswalk(old, new, "kabkota", province))
        # A decision stored for the region beats the plugin's row.
        admin = User(username="root", full_name="Root", is_superadmin=True)
        admin.set_password("x" * 16)
        db.session.add(admin)
        db.session.commit()
        service.reject(national.row, admin, "not for us", region)
        decided = view(region)
        assert (decided.from_plugin, decided.row.status, decided.row.note) == (False, "rejected", "not for us")
        assert view(None).row.status == "proposed"
