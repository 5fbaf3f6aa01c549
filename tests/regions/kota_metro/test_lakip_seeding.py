"""LAKIP 2023 and PK 2023 load through core's seeding (numbers parse, parents resolve)."""

from sqlalchemy import func, select

from core.app import plugins
from core.extensions import db
from core.models import Budget, PlanDocument, PlanItem
from core.services.seeding import seed_all
from core.specs import SeedData
from regions.kota_metro.importer.lakip import lakip_documents


def test_lakip_documents_seed(make_app, monkeypatch):
    app = make_app(regions=["prov_lampung", "kota_metro"])
    with app.app_context():
        registry = plugins()
        call = registry.call

        def with_lakip(hook_name, code, **kwargs):
            answer = call(hook_name, code, **kwargs)
            if hook_name == "pelita_seed_data" and code == "18.72":
                # The plugin's __init__ wires these in; done here so this test stands alone.
                keys = {d.key for d in answer.documents}
                extra = tuple(d for d in lakip_documents() if d.key not in keys)
                return SeedData(documents=(*answer.documents, *extra))
            return answer

        monkeypatch.setattr(registry, "call", with_lakip)
        report = seed_all(registry)
        assert {"pk-2023", "lakip-2023"} <= set(report.created["18.72"])
        lakip = db.session.scalar(select(PlanDocument).where(PlanDocument.key == "lakip-2023"))
        count = lambda model: db.session.scalar(  # noqa: E731
            select(func.count()).select_from(model).join(PlanItem).where(PlanItem.document_id == lakip.id))
        assert db.session.scalar(
            select(func.count()).select_from(PlanItem).where(PlanItem.document_id == lakip.id)) == 653
        # 650 Tabel 3.2 lines (less the total line 1587) x 2 amounts, less 10 lines with one amount
        assert count(Budget) == 649 * 2 - 10
