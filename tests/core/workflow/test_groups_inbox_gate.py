"""Verifier groups chosen per document type, a region plugin's change of the steps, the inbox
entries per role, and the single edit gate (content frozen from submission, bookkeeping until
locked)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from core.errors import Conflict, Forbidden, Invalid
from core.extensions import db
from core.models import User
from core.models.workflow import DocumentTransition
from core.planning import guards
from core.services import region_settings
from core.workflow import groups, inbox_entries, machine, reviews
from tests import factories


def person(region, role, unit_code=None):
    user = User(username=f"{role}-{factories._next()}", full_name="", password_hash="-")
    db.session.add(user)
    db.session.flush()
    factories.membership(user, region, role, unit_code)
    db.session.refresh(user)
    return user


def test_a_region_chooses_which_verifier_groups_review_which_document(app):
    kota = factories.region()
    renja = factories.document(kota, "renja", year=2025, status="submitted")
    item = factories.item(renja)
    bappeda, keuangan, apip = person(kota, "verifier"), person(kota, "verifier", "keuangan"), person(kota, "apip")
    assert groups.active_groups(kota, "renja") == ("bappeda",)
    assert groups.active_groups(kota, "renstra") == ("bappeda", "inspektorat")
    with pytest.raises(Forbidden):
        reviews.write_review(item, keuangan, "sesuai", None)  # keuangan is not active for a Renja by default
    with pytest.raises(Forbidden):
        reviews.write_review(item, apip, "sesuai", None)

    region_settings.put_settings(None, kota, {"verifier_groups": {"renja": ["bappeda", "keuangan"]}})
    region_settings.forget_settings()
    assert groups.active_groups(kota, "renja") == ("bappeda", "keuangan")
    review = reviews.write_review(item, keuangan, "perlu_perbaikan", "Pagu melebihi plafon")
    assert review.group == "keuangan"
    assert reviews.open_items(renja) == [item.id]
    reviews.write_review(item, bappeda, "sesuai", None)
    assert reviews.open_items(renja) == [item.id]  # keuangan's note still stands
    with pytest.raises(Invalid):
        region_settings.put_settings(None, kota, {"verifier_groups": {"renja": ["dprd"]}})


def test_a_region_plugin_adjusts_the_steps(app, monkeypatch):
    kota = factories.region()
    renja = factories.document(kota, "renja", year=2025, status="submitted")
    kadis = person(kota, "approver")

    class Registry:
        def call(self, hook, code, **kwargs):
            assert (hook, code, kwargs) == ("pelita_workflow", kota.code, {"doc_type": "renja"})
            return {"verify": None, "approve": {"from": ["submitted"]}}

    monkeypatch.setattr("core.plugins.current_registry", lambda: Registry())
    assert "verify" not in machine.steps_for(renja)
    assert machine.available(kadis, renja) == ["approve"]
    machine.transition(renja, "approve", kadis)
    assert renja.status == "approved"


def test_a_plugin_naming_an_unknown_state_fails_loudly(app, monkeypatch):
    kota = factories.region()
    renja = factories.document(kota, "renja", year=2025)

    class Registry:
        def call(self, hook, code, **kwargs):
            return {"approve": {"to": "published"}}

    monkeypatch.setattr("core.plugins.current_registry", lambda: Registry())
    with pytest.raises(ValueError, match="approve"):
        machine.steps_for(renja)


def test_a_pk_is_signed_not_verified(app):
    kota = factories.region()
    pk = factories.document(kota, "pk", year=2025, status="submitted")
    verifier, kadis = person(kota, "verifier"), person(kota, "approver")
    assert machine.available(verifier, pk) == []
    assert machine.available(kadis, pk) == ["return", "approve"]


def test_inbox_entries_say_what_waits_for_each_role(app):
    kota = factories.region()
    planner, verifier, kadis, viewer = (person(kota, r) for r in ("planner", "verifier", "approver", "viewer"))
    submitted = factories.document(kota, "renja", year=2025, status="submitted", title="Renja 2025")
    verified = factories.document(kota, "renja", key="renja-b", year=2026, status="verified", title="Renja 2026")
    returned = factories.document(kota, "pk", year=2025, status="draft", title="PK 2025")
    factories.document(kota, "renja", key="renja-c", year=2027, status="draft", title="Renja 2027")  # never returned
    moment = datetime(2025, 2, 1, tzinfo=timezone.utc)
    db.session.add(DocumentTransition(region_id=kota.id, document_id=returned.id, action="return",
                                      from_status="submitted", to_status="draft", actor_name="v", at=moment,
                                      note="Perbaiki"))
    db.session.flush()

    def entries(user):
        return [(e["kind"], e["title"], e["region_code"], e["document_id"]) for e in
                inbox_entries.review_inbox_entries(user)]

    assert entries(planner) == [("reply", "PK 2025", kota.code, returned.id)]
    assert entries(verifier) == [("verify", "Renja 2025", kota.code, submitted.id)]
    assert entries(kadis) == [("approve", "Renja 2026", kota.code, verified.id)]
    assert entries(viewer) == []
    entry = inbox_entries.review_inbox_entries(planner)[0]
    assert entry["url"] == f"/r/{kota.code}/documents/{returned.id}/workflow"
    assert entry["since"].replace(tzinfo=timezone.utc) == moment


@pytest.mark.parametrize("status", ["submitted", "verified", "approved", "locked"])
def test_content_is_frozen_from_submission_and_bookkeeping_when_locked(app, status):
    kota = factories.region()
    document = factories.document(kota, "renja", year=2025, status=status)
    with pytest.raises(Conflict):
        guards.require_editable(document)
    if status == "locked":
        with pytest.raises(Conflict, match="locked"):
            guards.require_editable(document, "bookkeeping")
    else:
        guards.require_editable(document, "bookkeeping")


def test_unit_assignment_and_indicator_settings_are_refused_on_a_locked_version(app):
    from core.services import realisation

    kota = factories.region()
    document = factories.document(kota, "renja", year=2025, status="locked")
    item = factories.item(document)
    indicator = factories.indicator(item)
    with pytest.raises(Conflict):
        realisation.assign_unit(kota, item, None)
    with pytest.raises(Conflict):
        realisation.update_indicator(indicator, "lower", "last", None)
    assert (item.responsible_unit_code, indicator.polarity) == (None, "higher")


def test_deciding_an_item_of_a_moved_version_is_refused_once_it_is_submitted(app):
    from core.services import plan_migration

    kota = factories.region()
    document = factories.document(kota, "renja", year=2025, status="submitted", origin="moved")
    item = factories.item(document, mapping={"status": "ambiguous"})
    with pytest.raises(Conflict):
        plan_migration.resolve(document, item, "1.06.01", False, "catatan", None)


def test_the_importers_unit_matching_leaves_a_locked_version_alone(app):
    from core.services import realisation

    kota = factories.region()
    factories.org_chart(kota, [("bidang-a", "Bidang Rehabilitasi Sosial")])
    locked = factories.document(kota, "renja", year=2025, status="locked")
    draft = factories.document(kota, "renja", key="renja-draft", year=2026)
    frozen = factories.item(locked, responsible_unit="Bidang Rehabilitasi Sosial")
    open_item = factories.item(draft, responsible_unit="Bidang Rehabilitasi Sosial")
    assert realisation.match_printed_units(kota) == 1
    assert (frozen.responsible_unit_code, open_item.responsible_unit_code) == (None, "bidang-a")
