"""`flask import`, org charts that are upserted (never deleted), and the document API's version fields."""

from __future__ import annotations

import dataclasses
import types
from datetime import date

from sqlalchemy import func, select

from core.app import plugins
from core.extensions import db
from core.hookspecs import hookimpl
from core.models import AuditLog, OrgUnit, PlanDocument, Region
from core.services.importing import import_regions
from core.specs import DocumentSpec, ItemSpec, OrgChart, RegionInfo, SeedData, SourceRef, UnitSpec
from tests.conftest import login


def region_plugin(pagu: str, units: tuple[UnitSpec, ...]):
    """A small province (92) with one document printing ``pagu`` and a chart of ``units``."""
    module = types.ModuleType("uji_versions")
    module.REGION_CODE = "92"

    @hookimpl
    def pelita_region_info():
        return RegionInfo(code="92", name="Provinsi Uji", level="provinsi", agency_name="Dinas Sosial Uji")

    @hookimpl
    def pelita_org_chart(region):
        return OrgChart(valid_from=date(2021, 1, 1), units=units, source_document="uji.txt")

    @hookimpl
    def pelita_seed_data(region):
        from core.specs import BudgetSpec

        item = ItemSpec(key="p1", level="program", name="Program Uji", source=SourceRef("T", 1),
                        budgets=(BudgetSpec(2021, "pagu", pagu, SourceRef("T", 1)),))
        return SeedData(documents=(DocumentSpec(key="renstra-uji", type="renstra", title="Renstra Uji",
                                                source_file="uji.txt", items=(item,)),))

    module.pelita_region_info = pelita_region_info
    module.pelita_org_chart = pelita_org_chart
    module.pelita_seed_data = pelita_seed_data
    return module


UNITS = (UnitSpec("kepala", "Kepala Dinas", "kepala"), UnitSpec("bidang-a", "Bidang A", "bidang", "kepala"))


def test_flask_import_adds_a_version_only_when_the_source_changed(make_app, monkeypatch):
    app = make_app(regions=["prov_lampung"], extra_plugins=[("uji", region_plugin("1.000.000", UNITS))])
    runner = app.test_cli_runner()
    first = runner.invoke(args=["import", "92", "--lang", "en"])
    assert first.exit_code == 0, first.output
    assert "renstra-uji: version 1 added" in first.output
    again = runner.invoke(args=["import", "92", "--lang", "en"])
    assert again.exit_code == 0 and "unchanged: org chart, renstra-uji" in again.output
    unknown = runner.invoke(args=["import", "92", "nope", "--lang", "id"])
    assert unknown.exit_code != 0 and "tidak memiliki dokumen nope" in unknown.output
    missing = runner.invoke(args=["import", "99", "--lang", "en"])
    assert missing.exit_code != 0 and "No enabled plugin imports region 99" in missing.output

    with app.app_context():
        registry = plugins()
        call = registry.call

        def changed(hook_name, code, **kwargs):
            answer = call(hook_name, code, **kwargs)
            if hook_name == "pelita_seed_data" and code == "92":
                doc = answer.documents[0]
                item = dataclasses.replace(doc.items[0], budgets=(dataclasses.replace(
                    doc.items[0].budgets[0], printed="2.000.000"),))
                return SeedData(documents=(dataclasses.replace(doc, items=(item,)),))
            return answer

        monkeypatch.setattr(registry, "call", changed)
        report = import_regions(registry, region_codes={"92"}, document_keys={"renstra-uji"})
        assert [(c.key, c.version, c.values_changed) for c in report.documents] == [("renstra-uji", 2, 1)]
        db.session.commit()
        versions = db.session.execute(select(PlanDocument.version, PlanDocument.origin, PlanDocument.status)
                                      .order_by(PlanDocument.version)).all()
        assert versions == [(1, "imported", "approved"), (2, "imported", "approved")]
        event = db.session.scalars(select(AuditLog).where(AuditLog.action == "import").order_by(AuditLog.id)).all()[-1]
        assert event.after["documents"][0]["changes"] == ["budget p1 pagu 2021: '1.000.000' -> '2.000.000'"]


def test_a_changed_chart_keeps_units_people_created_and_units_it_no_longer_lists(make_app):
    app = make_app(regions=["prov_lampung"], extra_plugins=[("uji", region_plugin("1.000.000", UNITS))])
    with app.app_context():
        import_regions(plugins())
        region = db.session.scalar(select(Region).where(Region.code == "92"))
        chart_id = db.session.scalar(select(OrgUnit.chart_id).where(OrgUnit.region_id == region.id))
        kepala = db.session.scalar(select(OrgUnit.id).where(OrgUnit.code == "kepala"))
        db.session.add(OrgUnit(region_id=region.id, chart_id=chart_id, parent_id=kepala, code="uptd-baru",
                               name="UPTD Baru", kind="uptd"))
        db.session.commit()
        ids = dict(db.session.execute(select(OrgUnit.code, OrgUnit.id)).all())
    changed_units = (UnitSpec("kepala", "Kepala Dinas", "kepala"), UnitSpec("bidang-b", "Bidang B", "bidang", "kepala"))
    from tests.core.services.test_seeding import create_on_same_db

    app2 = create_on_same_db(app, region_plugin("1.000.000", changed_units))
    with app2.app_context():
        report = import_regions(plugins())
        assert report.charts["92"] == {"units_added": 1, "units_changed": 0, "units_kept_unlisted": 2}
        now = dict(db.session.execute(select(OrgUnit.code, OrgUnit.id)).all())
        assert {k: now[k] for k in ids} == ids  # nobody's unit was deleted or renumbered
        assert set(now) == {"kepala", "bidang-a", "uptd-baru", "bidang-b"}
        assert db.session.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.entity == "org_unit", AuditLog.action == "delete")) == 0


def test_document_api_has_plan_version_origin_status_amends(make_app):
    app = make_app(regions=["prov_bengkulu"], seed=True, users=True)
    client = app.test_client()
    assert login(client, "bengkulu").status_code == 302
    documents = client.get("/api/v1/regions/17/documents").get_json()
    by_version = {d["version"]: d for d in documents}
    original, amendment = by_version[1], by_version[2]
    detail = client.get(f"/api/v1/documents/{amendment['id']}").get_json()
    assert detail["plan"] == original["plan"] and detail["plan"]["key"] == "renstra-2021-2026"
    assert (detail["version"], detail["origin"], detail["status"], detail["amends"]) == (
        2, "imported", "approved", original["id"])
    assert original["amends"] is None
