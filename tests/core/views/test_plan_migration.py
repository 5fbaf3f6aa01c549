"""Moving a plan to another code list: nothing lost, the original untouched, decisions audited."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.extensions import db
from core.models import AuditLog, Budget, Indicator, PlanDocument, PlanItem, Realisation, Region, Target
from core.services.snapshot import document_spec
from tests.conftest import csrf_token, login


@pytest.fixture(scope="module")
def move_app(make_app):
    """Kota Metro, its province and Lampung Barat, seeded. Each test's drafts are rolled back at
    its end: a test that needs Kota Metro's Renstra moved moves it itself (``moved_renstra``)."""
    return make_app(regions=["prov_lampung", "kota_metro", "lampung_barat"], seed=True, users=True)


def client_for(app, username):
    client = app.test_client()
    assert login(client, username).status_code == 302
    return client


def doc(app, code, key):
    with app.app_context():
        return db.session.scalar(select(PlanDocument.id).join(Region).where(Region.code == code,
                                                                            PlanDocument.key == key))


def counts(document_id):
    items = select(PlanItem.id).where(PlanItem.document_id == document_id)
    indicators = select(Indicator.id).where(Indicator.item_id.in_(items))
    return {
        "items": db.session.scalar(select(func.count()).select_from(PlanItem).where(PlanItem.document_id == document_id)),
        "keys": set(db.session.scalars(select(PlanItem.key).where(PlanItem.document_id == document_id))),
        "targets": db.session.scalar(select(func.count()).select_from(Target).where(Target.indicator_id.in_(indicators))),
        "realisations": db.session.scalar(select(func.count()).select_from(Realisation).where(
            Realisation.indicator_id.in_(indicators))),
        "budgets": db.session.scalar(select(func.count()).select_from(Budget).where(Budget.item_id.in_(items))),
    }


def move(app, region_code, key, version, username):
    original = doc(app, region_code, key)
    with app.app_context():
        before = document_spec(db.session.get(PlanDocument, original))
    client = client_for(app, username)
    response = client.post(f"/r/{region_code}/documents/{original}/move",
                           data={"csrf_token": csrf_token(client, "/"), "version": version})
    assert response.status_code == 302 and "/migration" in response.location
    draft = int(response.location.split("/documents/")[1].split("/")[0])
    with app.app_context():
        assert document_spec(db.session.get(PlanDocument, original)) == before  # the original is untouched
        source, target = counts(original), counts(draft)
        moved = db.session.get(PlanDocument, draft)
        assert (moved.status, moved.amends_id, moved.nomenclature_version.code) == ("draft", original, version)
        statuses = [i.mapping["status"] if i.mapping else "kept" for i in db.session.scalars(
            select(PlanItem).where(PlanItem.document_id == draft))]
    assert target == source  # every item, target, realisation and budget is carried over
    return client, draft, statuses


def moved_renstra(app):
    """Move Kota Metro's Renstra onto the 2023 list as its planner; the draft's id."""
    return move(app, "18.72", "renstra-2021-2026", "kmdn900-1317-2023", "metro")[1]


def test_kota_metro_renstra_onto_the_2023_list(move_app):
    client, draft, statuses = move(move_app, "18.72", "renstra-2021-2026", "kmdn900-1317-2023", "metro")
    # Measured: 74 mapped (by the derived crosswalk or same code and name), 5 ambiguous with
    # candidates, 17 items without a code (visi, misi, tujuan, sasaran, strategi ...) kept.
    assert (statuses.count("mapped"), statuses.count("ambiguous"), statuses.count("unmapped")) == (74, 5, 0)
    with move_app.app_context():
        permakanan = db.session.scalar(select(PlanItem).where(PlanItem.document_id == draft,
                                                              PlanItem.printed_code.like("1%06%04%2.01%01")))
        # 000 line 1322 prints 1 06 04 2.01 01; the derived crosswalk row says "same": 1.06.04.2.01.0001.
        assert permakanan.code == "1.06.04.2.01.0001" and permakanan.mapping["from_code"] == "1.06.04.2.01.01"
    page = client.get(f"/r/18.72/documents/{draft}/migration").get_data(as_text=True)
    assert 'data-status="ambiguous"' in page and "Penyediaan Permakanan" in page


def test_lampung_barat_renja_onto_050_5889_keeps_everything_unplaced_visible(move_app):
    client, draft, statuses = move(move_app, "18.04", "renja-2021", "kmdn050-5889-2021", "lambar")
    # The Renja prints the region's own program numbers; the 050-5889 list (050-3708 as SIMCAN
    # stores it) has no Program Penunjang, so most items wait for a person: nothing is dropped.
    assert len(statuses) == 63 and statuses.count("kept") == 6
    assert statuses.count("ambiguous") + statuses.count("unmapped") == 57 - statuses.count("mapped")
    assert statuses.count("ambiguous") >= 5
    page = client.get(f"/r/18.04/documents/{draft}/migration?status=unmapped").get_data(as_text=True)
    assert page.count('class="mapping-unmapped"') == statuses.count("unmapped")


def test_resolving_an_item_is_validated_and_audited(move_app):
    assert moved_renstra(move_app) == doc(move_app, "18.72", "renstra-2021-2026@kmdn900-1317-2023")
    draft = doc(move_app, "18.72", "renstra-2021-2026@kmdn900-1317-2023")
    with move_app.app_context():
        item = db.session.scalars(select(PlanItem).where(PlanItem.document_id == draft,
                                                         PlanItem.code.is_(None), PlanItem.mapping.is_not(None))).first()
        assert item.mapping["status"] == "ambiguous"
        candidate = item.mapping["candidates"][0]["code"]
    client = client_for(move_app, "metro")
    url = f"/r/18.72/documents/{draft}/migration/{item.id}"
    token = csrf_token(client, "/")
    no_note = client.post(url, data={"csrf_token": token, "candidate": candidate}, follow_redirects=True)
    assert "Tulis catatan yang menjelaskan keputusan." in no_note.get_data(as_text=True)
    bad = client.post(url, data={"csrf_token": token, "code": "9.99.99", "note": "x"}, follow_redirects=True)
    assert "Kepmendagri 900.1.15.5-1317" in bad.get_data(as_text=True)  # the message names the version
    ok = client.post(url, data={"csrf_token": token, "candidate": candidate, "note": "Sesuai Kepmendagri 2023"})
    assert ok.status_code == 302
    with move_app.app_context():
        decided = db.session.get(PlanItem, item.id)
        assert decided.code == candidate and decided.mapping["status"] == "resolved"
        assert decided.mapping["decided_by"] == "metro"
        audit = db.session.scalars(select(AuditLog).where(AuditLog.entity == "plan_item",
                                                          AuditLog.entity_id == item.id)).all()
        assert audit and audit[-1].actor == "metro" and audit[-1].after["code"] == candidate
    viewer = client_for(move_app, "auditor")
    assert viewer.post(url, data={"csrf_token": csrf_token(viewer, "/"), "code": candidate,
                                  "note": "x"}).status_code == 404


def test_moving_twice_or_to_the_same_list_is_refused(move_app):
    moved_renstra(move_app)
    original = doc(move_app, "18.72", "renstra-2021-2026")
    client = client_for(move_app, "metro")
    token = csrf_token(client, "/")
    again = client.post(f"/r/18.72/documents/{original}/move", data={"csrf_token": token,
                                                                     "version": "kmdn900-1317-2023"},
                        follow_redirects=True)
    assert "sudah ada" in again.get_data(as_text=True)
    same = client.post(f"/r/18.72/documents/{original}/move", data={"csrf_token": token,
                                                                    "version": "kmdn050-5889-2021"},
                       follow_redirects=True)
    assert "sudah memakai" in same.get_data(as_text=True)
    assert client_for(move_app, "lambar").post(f"/r/18.72/documents/{original}/move", data={
        "csrf_token": token, "version": "pmdn13-2006"}).status_code in (400, 404)


def test_comparison_rests_on_the_approved_plan_not_the_draft(move_app):
    """After a move, the province still compares the approved Renstra (the draft is not adopted)."""
    moved_renstra(move_app)
    client = client_for(move_app, "lampung")
    html = client.get("/r/18/compare?year=2021").get_data(as_text=True)
    header = html[html.index("<thead>"):html.index("</thead>")]
    assert "Rencana Strategis Dinas Sosial Kota Metro Tahun 2021-2026<" in header
    assert "(Kepmendagri 900.1.15.5-1317/2023)" not in header
