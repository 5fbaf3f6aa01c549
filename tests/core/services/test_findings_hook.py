"""A region adds its own consistency check through pelita_plan_checks."""

from __future__ import annotations

import types

from sqlalchemy import select

from core.app import plugins
from core.checks import Check, Finding
from core.extensions import db
from core.hookspecs import hookimpl
from core.models import Finding as FindingRow
from core.services.seeding import seed_all
from core.specs import CheckSettings, DocumentSpec, ItemSpec, RegionInfo, SeedData, SourceRef


def long_names(document, context):
    """The region's own rule: item names longer than 40 characters are flagged."""
    for item in document.items:
        if len(item.name) > 40:
            yield Finding(check="long-name", severity="info", message="%(name)s is long.",
                          params={"name": item.name}, item_key=item.key, source_line=item.source.line)


def region_with_own_check():
    module = types.ModuleType("own_check_region")
    module.REGION_CODE = "91"

    @hookimpl
    def pelita_region_info():
        return RegionInfo(code="91", name="Provinsi Uji", level="provinsi", agency_name="Dinas Sosial Uji",
                          name_en="Test Province", agency_name_en="Test Social Services")

    @hookimpl
    def pelita_seed_data(region):
        items = (ItemSpec(key="a", level="program", name="Program Pendek", source=SourceRef("T", 1)),
                 ItemSpec(key="b", level="program", name="Program dengan nama yang sangat panjang sekali",
                          source=SourceRef("T", 2)))
        return SeedData(documents=(DocumentSpec(key="d", type="renstra", title="D", source_file="d.txt",
                                                items=items),))

    @hookimpl
    def pelita_plan_checks(region, document):
        return CheckSettings(extra_checks=(Check("long-name", "Long names", "Names over 40 characters.",
                                                 long_names),))

    for name, function in (("pelita_region_info", pelita_region_info), ("pelita_seed_data", pelita_seed_data),
                           ("pelita_plan_checks", pelita_plan_checks)):
        setattr(module, name, function)
    return module


def test_a_regions_own_check_runs_on_its_documents_only(make_app):
    app = make_app(regions=["prov_lampung", "kota_metro"], extra_plugins=[("own", region_with_own_check())])
    with app.app_context():
        seed_all(plugins())
        own = db.session.scalars(select(FindingRow).where(FindingRow.check_id == "long-name")).all()
        assert [f.source_line for f in own] == [2]
        assert {f.region_id for f in own} == {own[0].region_id}
        assert len(own) == 1  # Kota Metro's long names are not checked by another region's rule
