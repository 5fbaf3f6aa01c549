"""Regions are data: an import never changes a region people edited, nor revives a deactivated one."""

from __future__ import annotations

from sqlalchemy import select

from core.app import plugins
from core.extensions import db
from core.models import PlanDocument, Region
from core.services.importing import SeedError, seed_all


def test_an_edited_region_keeps_its_name_and_a_deactivated_one_stays_off(make_app):
    app = make_app(seed=True)
    with app.app_context():
        metro = db.session.scalar(select(Region).where(Region.code == "18.72"))
        metro.name = "Kota Metro (nama baru)"
        lambar = db.session.scalar(select(Region).where(Region.code == "18.04"))
        lambar.enabled = False
        documents = db.session.scalar(select(db.func.count()).select_from(PlanDocument))
        db.session.commit()

        seed_all(plugins())

        db.session.expire_all()
        assert db.session.scalar(select(Region.name).where(Region.code == "18.72")) == "Kota Metro (nama baru)"
        assert db.session.scalar(select(Region.enabled).where(Region.code == "18.04")) is False
        assert db.session.scalar(select(db.func.count()).select_from(PlanDocument)) == documents


def test_a_kabkota_whose_province_does_not_exist_is_refused_with_nothing_written(make_app):
    app = make_app(regions=["kota_metro"])
    with app.app_context():
        try:
            seed_all(plugins())
        except SeedError as exc:
            assert "18.72" in str(exc) and "18" in str(exc)
        else:
            raise AssertionError("a kota without its province was imported")
        assert db.session.scalars(select(Region)).all() == []
