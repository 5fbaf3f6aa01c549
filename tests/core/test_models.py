"""The schema: migrations match the models, composite keys keep regions apart, Decimals exact."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core.extensions import db
from core.models import AuditLog, Budget, PlanDocument, PlanItem, Region


def test_migrations_match_the_models(make_app):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    app = make_app(regions=["prov_lampung"])
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"render_as_batch": True})
        assert compare_metadata(context, db.metadata) == []


def test_database_refuses_an_item_under_another_regions_document(make_app):
    app = make_app(seed=True, regions=["prov_lampung", "kota_metro", "prov_bengkulu"])
    with app.app_context():
        metro = db.session.scalar(select(Region).where(Region.code == "18.72"))
        bengkulu_doc = db.session.scalar(select(PlanDocument).join(Region).where(Region.code == "17"))
        db.session.add(PlanItem(region_id=metro.id, document_id=bengkulu_doc.id, key="x", level="program",
                                name="Program yang salah tempat"))
        with pytest.raises(IntegrityError):
            db.session.flush()
        db.session.rollback()


def test_database_refuses_a_parent_from_another_region(make_app):
    app = make_app(seed=True, regions=["prov_lampung", "kota_metro", "prov_bengkulu"])
    with app.app_context():
        metro_item = db.session.scalar(select(PlanItem).join(Region).where(Region.code == "18.72"))
        bengkulu_item = db.session.scalar(select(PlanItem).join(Region).where(Region.code == "17"))
        metro_item.parent_id = bengkulu_item.id
        with pytest.raises(IntegrityError):
            db.session.flush()
        db.session.rollback()


def test_decimals_round_trip_exactly(make_app):
    app = make_app(seed=True, regions=["prov_lampung", "kota_metro"])
    with app.app_context():
        budget = db.session.scalar(select(Budget).where(Budget.printed == "1.413.000.000"))
        assert budget.value == Decimal("1413000000") and isinstance(budget.value, Decimal)
        budget.value = Decimal("12345678901234.5678")
        db.session.commit()
        db.session.expire_all()
        assert db.session.get(Budget, budget.id).value == Decimal("12345678901234.5678")


def test_floats_are_refused(make_app):
    app = make_app(regions=["prov_lampung"])
    with app.app_context():
        with pytest.raises(Exception, match="Decimal"):
            db.session.execute(Budget.__table__.insert().values(
                region_id=1, item_id=1, year=2021, kind="pagu", printed="x", value=1.5, parse_status="number"))
        db.session.rollback()


def test_every_change_is_audited_with_before_and_after(make_app):
    app = make_app(regions=["prov_lampung"], seed=True)
    with app.app_context():
        region = db.session.scalar(select(Region).where(Region.code == "18"))
        region.name_en = "Lampung (renamed for the test)"
        db.session.commit()
        entry = db.session.scalar(select(AuditLog).where(AuditLog.entity == "region", AuditLog.action == "update"))
        assert entry.before == {"name_en": "Lampung Province"}
        assert entry.after == {"name_en": "Lampung (renamed for the test)"}
        assert entry.actor == "system"
