"""Importing a changed source adds a version and keeps everything people entered (issue 8)."""

from __future__ import annotations

from tests import evidence_samples

import dataclasses
import io

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import FileStorage, MultiDict

from core.app import plugins
from core.audit import acting_as
from core.extensions import db
from core.models import (
    AuditLog,
    Budget,
    EvidenceFile,
    Finding,
    FindingAcknowledgement,
    Indicator,
    Plan,
    PlanDocument,
    PlanItem,
    PrintedTable,
    Realisation,
    Region,
    Target,
    User,
)
from core.services import documents as document_service
from core.services import findings as finding_service
from core.services import realisation as realisation_service
from core.services.importing import SeedError, import_regions
from core.specs import SeedData

REGIONS = ["prov_lampung", "kota_metro"]
KEY = "renstra-2021-2026"
PERMAKANAN = "1.06.04.2.01.01"  # Penyediaan Permakanan: target 2021 48 persons, pagu 138.970.000
PEKERJA = "1.06.02.2.03.01"
UNIT = "seksi-anak-keluarga-lansia"


def changed_source(registry, monkeypatch, printed):
    """Make Kota Metro's plugin answer its Renstra with Permakanan's first pagu printed as ``printed``."""
    call = registry.call

    def answer(hook_name, code, **kwargs):
        result = call(hook_name, code, **kwargs)
        if hook_name == "pelita_seed_data" and code == "18.72":
            documents = []
            for doc in result.documents:
                if doc.key == KEY:
                    items = []
                    for item in doc.items:
                        if item.code == PERMAKANAN and item.budgets:
                            first = dataclasses.replace(item.budgets[0], printed=printed)
                            item = dataclasses.replace(item, budgets=(first, *item.budgets[1:]))
                        items.append(item)
                    doc = dataclasses.replace(doc, items=tuple(items))
                documents.append(doc)
            return SeedData(documents=tuple(documents))
        return result

    monkeypatch.setattr(registry, "call", answer)


def region_id():
    return db.session.scalar(select(Region.id).where(Region.code == "18.72"))


def item_of(document, code):
    return db.session.scalar(select(PlanItem).where(PlanItem.document_id == document.id, PlanItem.code == code))


def first_indicator(item):
    return db.session.scalar(select(Indicator).where(Indicator.item_id == item.id).order_by(Indicator.position))


def snapshot(document):
    """Every stored value of ``document``'s own rows, as plain tuples (ids included)."""
    items = select(PlanItem.id).where(PlanItem.document_id == document.id)
    indicators = select(Indicator.id).where(Indicator.item_id.in_(items))

    def rows(model, where):
        table = model.__table__
        return sorted(tuple(r) for r in db.session.execute(select(table).where(where)))

    return {
        "document": rows(PlanDocument, PlanDocument.id == document.id),
        "items": rows(PlanItem, PlanItem.document_id == document.id),
        "indicators": rows(Indicator, Indicator.item_id.in_(items)),
        "targets": rows(Target, Target.indicator_id.in_(indicators)),
        "realisations": rows(Realisation, Realisation.indicator_id.in_(indicators)),
        "budgets": rows(Budget, Budget.item_id.in_(items)),
        "tables": rows(PrintedTable, PrintedTable.document_id == document.id),
        "acks": rows(FindingAcknowledgement, FindingAcknowledgement.document_id == document.id),
    }


def count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


@pytest.fixture()
def entered(make_app, monkeypatch):
    """Kota Metro imported, and a planner's work on its Renstra: two quarters of realisation with
    spending, an evidence file, a unit assignment, an indicator rule, an acknowledged finding."""
    app = make_app(regions=REGIONS, seed=True, users=True)
    with app.test_request_context():
        with force_locale("id"):
            planner = db.session.scalar(select(User).where(User.username == "metro"))
            region = db.session.get(Region, region_id())
            document = document_service.current_document(region, KEY)
            permakanan, pekerja = item_of(document, PERMAKANAN), item_of(document, PEKERJA)
            ind_permakanan, ind_pekerja = first_indicator(permakanan), first_indicator(pekerja)
            rules = plugins().call("pelita_achievement_rules", "18.72")
            with acting_as("metro"):
                for quarter, value, spent in ((1, "12", "69.485.000"), (2, "20", "30.000.000")):
                    realisation_service.save_quarter(document, 2021, quarter, planner, MultiDict({
                        f"r-{ind_permakanan.id}": value, f"sf-{ind_permakanan.id}": f"Triwulan {quarter}",
                        f"s-{permakanan.id}": spent}), rules)
                realisation_service.save_quarter(document, 2021, 1, planner, MultiDict({
                    f"r-{ind_pekerja.id}": "3"}), rules)
                entry = next(e for e in realisation_service.entry_sheet(document, 2021, planner, rules)
                             if e.node.item.id == permakanan.id)
                realisation_service.store_evidence(entry, 2021, 1, FileStorage(
                    io.BytesIO(evidence_samples.pdf("bukti permakanan")), filename="bukti.pdf"), planner)
                realisation_service.assign_unit(region, pekerja, UNIT)
                realisation_service.update_indicator(ind_pekerja, "higher", "sum", "higher:R/T")
                finding = db.session.scalars(select(Finding).where(Finding.document_id == document.id)
                                             .order_by(Finding.id)).first()
                assert finding is not None, "the Kota Metro Renstra has findings to acknowledge"
                finding_service.acknowledge(finding, "Sudah diketahui", planner)
                fingerprint = finding.fingerprint
            db.session.commit()
    return app, fingerprint


def test_a_changed_source_adds_a_version_and_keeps_everything_people_entered(entered, monkeypatch):
    app, acknowledged = entered
    with app.test_request_context(), force_locale("id"):
        region = db.session.get(Region, region_id())
        old = document_service.current_document(region, KEY)
        before = snapshot(old)
        user_rows = {
            "realisations": count(Realisation, Realisation.entered.is_(True)),
            "spending": count(Budget, Budget.entered.is_(True)),
            "evidence": count(EvidenceFile),
            "acks": count(FindingAcknowledgement),
        }
        assert user_rows == {"realisations": 3, "spending": 2, "evidence": 1, "acks": 1}
        audit_before = db.session.scalar(select(func.max(AuditLog.id)))

        registry = plugins()
        changed_source(registry, monkeypatch, "999.000.000")
        report = import_regions(registry)
        assert report.created["18.72"] == [KEY]

        new = document_service.current_document(region, KEY)
        # A new version beside the old one, of the same plan, amending it.
        assert new.id != old.id
        assert (new.plan_id, new.version, new.origin, new.amends_id, new.status) == (
            old.plan_id, old.version + 1, "imported", old.id, old.status)
        assert count(PlanDocument, PlanDocument.plan_id == old.plan_id) == 2
        assert count(Plan, Plan.region_id == region.id, Plan.key == KEY) == 1
        # The old version is unchanged, value by value.
        db.session.expire_all()
        assert snapshot(db.session.get(PlanDocument, old.id)) == before

        # 100 % of what people entered is still there ...
        assert {
            "realisations": count(Realisation, Realisation.entered.is_(True)),
            "spending": count(Budget, Budget.entered.is_(True)),
            "evidence": count(EvidenceFile),
        } == {k: v for k, v in user_rows.items() if k != "acks"}
        # ... and visible on the new version.
        planner = db.session.scalar(select(User).where(User.username == "metro"))
        rules = plugins().call("pelita_achievement_rules", "18.72")
        sheet = {e.node.item.code: e for e in realisation_service.entry_sheet(new, 2021, planner, rules)}
        permakanan = sheet[PERMAKANAN]
        quarters = {q: (r.printed, r.supporting_factors) for q, r in permakanan.indicators[0].quarters.items()}
        assert quarters == {1: ("12", "Triwulan 1"), 2: ("20", "Triwulan 2")}
        assert {q: b.printed for q, b in permakanan.spending.items()} == {1: "69.485.000", 2: "30.000.000"}
        assert [e.filename for e in permakanan.evidence] == ["bukti.pdf"]
        assert {q: r.printed for q, r in sheet[PEKERJA].indicators[0].quarters.items()} == {1: "3"}
        assert permakanan.editable and sheet[PEKERJA].editable  # the new version is the one in force
        # The changed value is the new version's; the old version keeps the old one.
        new_permakanan = item_of(new, PERMAKANAN)
        assert new_permakanan.continues_item_id == item_of(old, PERMAKANAN).id
        assert new_permakanan.lineage_id == item_of(old, PERMAKANAN).lineage_id
        assert "999.000.000" in {b.printed for b in new_permakanan.budgets}
        assert "999.000.000" not in {b.printed for b in item_of(old, PERMAKANAN).budgets}
        # The unit assignment and the indicator's rule carried over.
        new_pekerja = item_of(new, PEKERJA)
        assert (new_pekerja.responsible_unit_code, new_pekerja.unit_by_user) == (UNIT, True)
        rule = first_indicator(new_pekerja)
        assert (rule.polarity, rule.aggregation, rule.capaian_rule) == ("higher", "sum", "higher:R/T")
        assert rule.lineage_id == first_indicator(item_of(old, PEKERJA)).lineage_id
        # The acknowledgement: kept on the old version and carried to the new one.
        acks = {v.finding.fingerprint: v.acknowledgement for v in finding_service.findings_of(new)}
        assert acks[acknowledged] is not None and acks[acknowledged].note == "Sudah diketahui"
        assert count(FindingAcknowledgement, FindingAcknowledgement.document_id == old.id) == 1

        # Audit rows say what changed: one import event listing the changed value.
        events = db.session.scalars(select(AuditLog).where(AuditLog.id > audit_before, AuditLog.action == "import")
                                    .order_by(AuditLog.id)).all()
        assert len(events) == 1
        summary = events[0].after["documents"]
        assert [(d["key"], d["version"], d["values_changed"], d["items_added"], d["items_dropped"])
                for d in summary] == [(KEY, new.version, 1, 0, 0)]
        assert summary[0]["units_kept"] == 1 and summary[0]["settings_kept"] == 1
        assert summary[0]["acknowledgements_kept"] == 1
        assert any("999.000.000" in line and "pagu" in line for line in summary[0]["changes"])
        created_items = count(AuditLog, AuditLog.action == "create", AuditLog.entity == "plan_item",
                              AuditLog.id > audit_before)
        assert created_items == count(PlanItem, PlanItem.document_id == new.id)
        assert count(AuditLog, AuditLog.action == "delete", AuditLog.id > audit_before) == 0


def test_entry_goes_to_the_version_in_force_once(entered, monkeypatch):
    app, _fingerprint = entered
    with app.test_request_context(), force_locale("id"):
        region = db.session.get(Region, region_id())
        old = document_service.current_document(region, KEY)
        registry = plugins()
        changed_source(registry, monkeypatch, "999.000.000")
        import_regions(registry)
        new = document_service.current_document(region, KEY)
        planner = db.session.scalar(select(User).where(User.username == "metro"))
        rules = plugins().call("pelita_achievement_rules", "18.72")
        ind = first_indicator(item_of(new, PERMAKANAN))
        # Into the superseded version: refused, in both languages, nothing written.
        for locale, words in (("id", "versi yang lebih baru"), ("en", "newer version")):
            with force_locale(locale), pytest.raises(realisation_service.EntryError) as excinfo:
                realisation_service.save_quarter(old, 2021, 3, planner, MultiDict({
                    f"r-{first_indicator(item_of(old, PERMAKANAN)).id}": "5"}), rules)
            assert words in excinfo.value.messages[0] and str(new.version) in excinfo.value.messages[0]
        # Into the new version: the lineage's Q1 value is updated, not doubled.
        realisation_service.save_quarter(new, 2021, 1, planner, MultiDict({f"r-{ind.id}": "13"}), rules)
        rows = db.session.scalars(select(Realisation).where(Realisation.entered.is_(True), Realisation.year == 2021,
                                                            Realisation.quarter == 1,
                                                            Realisation.indicator_id == ind.lineage_id)).all()
        assert [r.printed for r in rows] == ["13"]
        # The old version reads the same value (one realisation per indicator and year).
        old_view = next(v for n in document_service.document_tree(old) if n.item.code == PERMAKANAN
                        for v in n.indicators)
        assert old_view.realisations[(2021, 1)].printed == "13"
        # The database refuses a second entered value for the same lineage, year and quarter.
        db.session.add(Realisation(region_id=region.id, indicator_id=ind.lineage_id, year=2021, quarter=1,
                                   printed="1", entered=True, source_table="entry"))
        with pytest.raises(IntegrityError):
            db.session.flush()
        db.session.rollback()


def test_a_draft_is_refused_for_entry(make_app):
    app = make_app(regions=["prov_lampung", "lampung_barat"], seed=True, users=True)
    with app.test_request_context():
        region = db.session.scalar(select(Region).where(Region.code == "18.04"))
        renja = document_service.current_document(region, "renja-2021")
        assert renja.status == "draft"
        planner = db.session.scalar(select(User).where(User.username == "lambar"))
        for locale, words in (("id", "draf"), ("en", "draft")):
            with force_locale(locale), pytest.raises(realisation_service.EntryError) as excinfo:
                realisation_service.save_quarter(renja, 2021, 1, planner, MultiDict(), None)
            assert words in excinfo.value.messages[0]


def test_importing_unchanged_twice_changes_nothing(make_app):
    app = make_app(regions=REGIONS, seed=True)
    with app.app_context():
        def state():
            return ({m.__tablename__: count(m) for m in (Plan, PlanDocument, PlanItem, Indicator, Target, Budget,
                                                           Realisation, Finding)}, count(AuditLog),
                    db.session.scalar(select(func.max(AuditLog.id))))

        first = state()
        for _ in range(2):
            report = import_regions(plugins())
            assert not report.created and not report.documents
            assert state() == first


def test_a_malformed_number_in_a_changed_source_changes_nothing(entered, monkeypatch):
    app, _fingerprint = entered
    with app.app_context():
        def state():
            return ({m.__tablename__: count(m) for m in (Plan, PlanDocument, PlanItem, Indicator, Target, Budget,
                                                           Realisation, EvidenceFile, FindingAcknowledgement)},
                    count(AuditLog))

        before = state()
        registry = plugins()
        changed_source(registry, monkeypatch, "1.000.00")
        with pytest.raises(SeedError) as excinfo:
            import_regions(registry)
        assert "1.000.00" in str(excinfo.value)
        assert state() == before
