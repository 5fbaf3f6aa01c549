"""Seeding the plugin through core: everything loads, and the number styles read as intended."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from core.hookspecs import hookimpl
from core.plugins import PluginRegistry
from core.specs import RegionInfo


class StubProvinsiLampung:
    """Provinsi Lampung, the parent the registry requires, with nothing else to say."""

    REGION_CODE = "18"

    @staticmethod
    @hookimpl
    def pelita_region_info():
        return RegionInfo(code="18", name="Provinsi Lampung", level="provinsi",
                          agency_name="Dinas Sosial Provinsi Lampung")


def test_registry_validates_the_plugin():
    registry = PluginRegistry(["lampung_barat"], extra_plugins=[("stub-18", StubProvinsiLampung)])
    registry.validate()
    assert registry.regions["18.04"].info.name == "Kabupaten Lampung Barat"
    assert registry.answering_plugin("pelita_seed_data", "18.04") == "lampung_barat"


@pytest.fixture(scope="module")
def seeded(make_app):
    app = make_app(regions=["lampung_barat"], extra_plugins=[("stub-18", StubProvinsiLampung)],
                   seed=True)
    with app.app_context():
        yield app


def _item(document_key, item_key):
    from core.extensions import db
    from core.models import PlanDocument, PlanItem

    document = db.session.scalar(select(PlanDocument).where(PlanDocument.key == document_key))
    return db.session.scalar(select(PlanItem).where(
        PlanItem.document_id == document.id, PlanItem.key == item_key))


def test_seeded_documents_and_values(seeded):
    from core.extensions import db
    from core.models import Budget, Indicator, PlanDocument, PlanItem, Target

    documents = {d.key: d for d in db.session.scalars(select(PlanDocument))}
    assert set(documents) == {"renja-2021", "evaluasi-renja-2019"}
    counts = {key: len(db.session.scalars(select(PlanItem).where(PlanItem.document_id == d.id)).all())
              for key, d in documents.items()}
    assert counts == {"renja-2021": 63, "evaluasi-renja-2019": 46}

    # id style: "475.000" (line 1208) is four hundred seventy-five thousand rupiah.
    item = _item("renja-2021", "kegiatan:1.06.01.01.15.05")
    budgets = {b.year: b for b in db.session.scalars(select(Budget).where(Budget.item_id == item.id))}
    assert budgets[2021].value == Decimal("475000")
    assert budgets[2022].value == Decimal("504000")
    assert "thousands" in budgets[2021].parse_note

    # en style: "1,000" letters (line 1137) is one thousand, flagged as a decision.
    item = _item("evaluasi-renja-2019", "kegiatan:1.06.01.01")
    indicator = db.session.scalar(select(Indicator).where(Indicator.item_id == item.id))
    assert indicator.end_target_value == Decimal("6000")
    rows = db.session.scalars(select(Target).where(Target.indicator_id == indicator.id))
    targets = {t.year: t for t in rows}
    assert targets[2019].value == Decimal("1000")
    assert "thousands (en style)" in targets[2019].parse_note

    # A run-together target cell stays text (line 1244).
    item = _item("renja-2021", "program:1.06.01.01.18")
    indicator = db.session.scalar(select(Indicator).where(Indicator.item_id == item.id))
    target = db.session.scalar(select(Target).where(Target.indicator_id == indicator.id, Target.year == 2021))
    assert target.parse_status == "text" and target.value is None
