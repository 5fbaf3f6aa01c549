"""Disabling a region plugin never makes a page fail: the region's rows stay, core and its province answer.

One database is seeded with every plugin (plus a region no plugin serves, 18.71); then, for each
plugin in turn, a second app opens the SAME database with that plugin removed from the enabled
list, and the superadmin requests every GET route of every region: nothing may answer 500.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.app import create_app
from core.extensions import db
from core.models import PlanDocument, PrintedTable, Region
from core.plugins import PluginError
from tests.conftest import ALL_REGIONS, login


@pytest.fixture(scope="module")
def seeded_url(make_app):
    app = make_app(seed=True, users=True)
    with app.app_context():
        from core.services.regions import create_region

        create_region(None, code="18.71", name="Kota Bandar Lampung", kind="kota", parent_code="18")
        db.session.commit()
    return app.config["SQLALCHEMY_DATABASE_URI"]


def _app_without(url, instance_path, disabled):
    return create_app({
        "TESTING": True, "INSTANCE_PATH": str(instance_path), "SECRET_KEY": "test-secret", "DATABASE_URL": url,
        "REGIONS": [name for name in ALL_REGIONS if name != disabled], "PELITA_EXTRA_PLUGINS": [],
    })


def _paths(app) -> list[str]:
    """Every GET path of every active region, with real ids (one document per region)."""
    from core.plugins import current_registry
    from core.reports.registry import region_layouts

    with app.app_context():
        regions = db.session.scalars(select(Region).where(Region.enabled.is_(True)).order_by(Region.code)).all()
        samples = {}
        for region in regions:
            doc = db.session.scalar(select(PlanDocument).where(PlanDocument.region_id == region.id)
                                    .order_by(PlanDocument.id).limit(1))
            table = doc and db.session.scalar(select(PrintedTable).where(PrintedTable.document_id == doc.id)
                                              .order_by(PrintedTable.id).limit(1))
            layouts = region_layouts(current_registry(app), region.code)
            samples[region.code] = {"document_id": doc.id if doc else None, "table_id": table.id if table else None,
                                    "layout_id": layouts[0].id if layouts else None}
        paths = []
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or not ({"region_code", "code"} & set(rule.arguments)):
                continue
            if rule.endpoint.startswith("nomenclature."):
                continue  # nomenclature codes, not regions
            for region in regions:
                values = {"region_code": region.code, "code": region.code, "unit_code": None,
                          "fmt": "html" if "layout_id" in rule.arguments else "csv", **samples[region.code]}
                if any(values.get(arg) is None for arg in rule.arguments):
                    continue  # no such object in this region (or evidence: none seeded)
                paths.append(rule.build({arg: values[arg] for arg in rule.arguments})[1])
    return paths


@pytest.mark.parametrize("disabled", ALL_REGIONS)
def test_every_route_of_every_region_with_one_plugin_disabled(seeded_url, instance_path, disabled):
    app = _app_without(seeded_url, instance_path, disabled)
    try:
        client = app.test_client()
        assert login(client, "admin").status_code == 302
        paths = _paths(app)
        assert any(path.startswith("/r/18.71/") for path in paths)
        failed = []
        for path in paths:
            status = client.get(path).status_code
            if status >= 500:
                failed.append((path, status))
        assert failed == []
        assert len(paths) > 40
        # The disabled plugin's region is still listed and its home works (it is data, not code).
        disabled_code = {"prov_lampung": "18", "kota_metro": "18.72", "lampung_barat": "18.04",
                         "prov_bengkulu": "17"}[disabled]
        assert f'href="/r/{disabled_code}/"' in client.get("/").get_data(as_text=True)
        assert client.get(f"/r/{disabled_code}/").status_code == 200
        assert client.get(f"/api/v1/regions/{disabled_code}").get_json()["plugin"] is None
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
