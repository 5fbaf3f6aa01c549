"""Core seeds the Bengkulu plugin into a database: numbers parse, the reseed is a no-op."""

from decimal import Decimal

from sqlalchemy import func, select

from core.app import plugins
from core.extensions import db
from core.models import Budget, OrgUnit, PlanDocument, PlanItem, PrintedTable
from core.services.seeding import seed_all


def test_seed_bengkulu(make_app):
    app = make_app(regions=["prov_bengkulu"])
    with app.app_context():
        report = seed_all(plugins())
        assert "renstra-2021-2026-p1" in report.created["17"]
        count = lambda model: db.session.scalar(select(func.count()).select_from(model))  # noqa: E731
        assert count(PlanItem) == 187  # 4 Tabel 6.1 rows continue the row above (1288-1294)
        assert count(OrgUnit) == 25
        assert count(PrintedTable) == 8
        doc = db.session.scalar(select(PlanDocument).where(PlanDocument.key == "renstra-2021-2026-p1"))
        original = db.session.scalar(select(PlanDocument).where(PlanDocument.key == "renstra-2021-2026"))
        assert (doc.number_style, doc.version, doc.amends_id) == ("en", 2, original.id)
        # seed line 1207: the support program's 2022 pagu, parsed with comma thousands
        value = db.session.scalar(select(Budget.value).join(PlanItem, Budget.item_id == PlanItem.id)
                                  .where(PlanItem.key == "6.1:1207", Budget.year == 2022))
        assert value == Decimal("19223858000")
        again = seed_all(plugins())
        assert not again.created
