"""Seeding: idempotent, transactional, and strict about malformed numbers."""

from __future__ import annotations

import types
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from core.app import plugins
from core.extensions import db
from core.hookspecs import hookimpl
from core.models import AuditLog, Budget, Indicator, OrgUnit, PlanDocument, PlanItem, Realisation, Region, Target
from core.services.seeding import SeedError, seed_all
from core.specs import BudgetSpec, DocumentSpec, ItemSpec, RegionInfo, SeedData, SourceRef

COUNTED = (Region, OrgUnit, PlanDocument, PlanItem, Indicator, Target, Realisation, Budget)


def counts():
    return {m.__tablename__: db.session.scalar(select(func.count()).select_from(m)) for m in COUNTED}


def test_seed_twice_gives_the_same_counts(make_app):
    app = make_app()
    with app.app_context():
        first_report = seed_all(plugins())
        first = counts()
        audit_after_first = db.session.scalar(select(func.count()).select_from(AuditLog))
        second_report = seed_all(plugins())
        assert counts() == first
        assert db.session.scalar(select(func.count()).select_from(AuditLog)) == audit_after_first
    assert first["region"] == 4
    assert first["plan_item"] > 300 and first["budget"] > 1000
    assert first_report.created["18.72"] and not second_report.created
    assert "renstra-2021-2026" in second_report.unchanged["18.72"]


def test_seed_writes_an_audit_trail(make_app):
    app = make_app(regions=["prov_lampung", "kota_metro"])
    with app.app_context():
        seed_all(plugins())
        items = db.session.scalar(select(func.count()).select_from(PlanItem))
        audited = db.session.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.entity == "plan_item", AuditLog.action == "create", AuditLog.actor == "system:seed"))
        assert audited == items


def broken_region(printed_pagu):
    """A province whose one document prints ``printed_pagu`` as a budget."""
    module = types.ModuleType("broken_region")
    module.REGION_CODE = "91"

    @hookimpl
    def pelita_region_info():
        return RegionInfo(code="91", name="Provinsi Uji", level="provinsi", agency_name="Dinas Sosial Uji",
                          name_en="Test Province", agency_name_en="Test Social Services")

    @hookimpl
    def pelita_seed_data(region):
        item = ItemSpec(key="p1", level="program", name="Program Uji", source=SourceRef("Tabel 6.1", 12),
                        budgets=(BudgetSpec(2021, "pagu", "1.000.000", SourceRef("Tabel 6.1", 12)),
                                 BudgetSpec(2022, "pagu", printed_pagu, SourceRef("Tabel 6.1", 13))))
        return SeedData(documents=(DocumentSpec(key="renstra-uji", type="renstra", title="Renstra Uji",
                                                source_file="uji.txt", items=(item,)),))

    module.pelita_region_info = pelita_region_info
    module.pelita_seed_data = pelita_seed_data
    return module


@pytest.mark.parametrize("bad", ["1.000.00", "12,5,3", "Rp seribu"])
def test_malformed_number_changes_nothing(make_app, bad):
    good = broken_region("2.000.000")
    app = make_app(regions=["prov_lampung"], extra_plugins=[("uji", good)])
    with app.app_context():
        seed_all(plugins())
        before = counts()
    broken = broken_region(bad)
    app2 = create_on_same_db(app, broken)
    with app2.app_context():
        with pytest.raises(SeedError) as excinfo:
            seed_all(plugins())
        assert counts() == before
        pagu = db.session.scalars(select(Budget.printed).order_by(Budget.year)).all()
        assert pagu == ["1.000.000", "2.000.000"]  # the earlier load is intact
    assert "Tabel 6.1 line 13" in str(excinfo.value) and bad in str(excinfo.value)


def create_on_same_db(app, plugin):
    from core.app import create_app

    return create_app({**{k: app.config[k] for k in ("TESTING", "SECRET_KEY")},
                       "INSTANCE_PATH": app.instance_path,
                       "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
                       "REGIONS": ["prov_lampung"], "PELITA_EXTRA_PLUGINS": [("uji", plugin)]})


def test_seed_error_message_in_both_languages(make_app):
    from flask_babel import force_locale

    app = make_app(regions=["prov_lampung"], extra_plugins=[("uji", broken_region("1.2.3"))])
    with app.app_context():
        with pytest.raises(SeedError) as excinfo:
            seed_all(plugins())
        with force_locale("id"):
            indonesian = excinfo.value.message()
        with force_locale("en"):
            english = excinfo.value.message()
    assert "is not a valid number" in english
    assert "bukan angka yang sah" in indonesian
    assert "'1.2.3'" in indonesian and "'1.2.3'" in english


def test_cli_seed_reports_failure_and_changes_nothing(make_app):
    app = make_app(regions=["prov_lampung"], extra_plugins=[("uji", broken_region("9.9.9"))])
    result = app.test_cli_runner().invoke(args=["seed", "--lang", "en"])
    assert result.exit_code != 0
    assert "Seeding failed, nothing was changed" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PlanDocument)) == 0
        assert db.session.scalar(select(func.count()).select_from(Region)) == 0
