"""Reviewing a crosswalk: who may decide, what is recorded, and that it is audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import AuditLog, NomenclatureVersion, Region, User
from core.models.nomenclature import NomenclatureCrosswalkRow
from tests.conftest import csrf_token, login


@pytest.fixture(scope="module")
def review_app(make_app):
    """An app of its own: these tests change crosswalk rows."""
    return make_app(seed=True, users=True)


def client_for(app, username):
    client = app.test_client()
    assert login(client, username).status_code == 302
    return client


def row_id(app, from_code, jurisdiction="kabkota", pair=("pmdn13-2006", "pmdn90-2019")) -> int:
    with app.app_context():
        versions = {v.code: v.id for v in db.session.scalars(select(NomenclatureVersion))}
        return db.session.scalar(select(NomenclatureCrosswalkRow.id).where(
            NomenclatureCrosswalkRow.from_version_id == versions[pair[0]],
            NomenclatureCrosswalkRow.to_version_id == versions[pair[1]],
            NomenclatureCrosswalkRow.jurisdiction == jurisdiction,
            NomenclatureCrosswalkRow.region_id.is_(None),
            NomenclatureCrosswalkRow.from_code == from_code))


def post(client, path, **data):
    token = csrf_token(client, "/nomenclature/crosswalk")
    return client.post(path, data={"csrf_token": token, **data})


def test_superadmin_confirms_a_national_row_and_it_is_audited(review_app):
    client = client_for(review_app, "admin")
    rid = row_id(review_app, "1.06.01.17")  # pmdn13 "Penyediaan makanan dan minuman"
    response = post(client, f"/nomenclature/crosswalk/{rid}/confirm", to_code="1.06.04.2.01.01",
                    note="permakanan")
    assert response.status_code == 302 and f"#row-{rid}" in response.location
    with review_app.app_context():
        row = db.session.get(NomenclatureCrosswalkRow, rid)
        admin = db.session.scalar(select(User).where(User.username == "admin"))
        assert (row.status, row.to_codes, row.kind, row.note) == (
            "confirmed", ["1.06.04.2.01.01"], "renamed", "permakanan")
        assert row.confirmed_by_id == admin.id and row.confirmed_at is not None
        audit = db.session.scalars(select(AuditLog).where(
            AuditLog.entity == "nomenclature_crosswalk_row", AuditLog.entity_id == rid,
            AuditLog.action != "create")).all()
        assert [(a.action, a.user_id, a.actor, a.after["status"]) for a in audit] == [
            ("update", admin.id, "admin", "confirmed")]
    page = client.get("/nomenclature/crosswalk?from=pmdn13-2006&to=pmdn90-2019&jurisdiction=kabkota"
                      "&status=confirmed").get_data(as_text=True)
    assert page.count('data-status="confirmed">') == 1 + 1  # the count line and the row
    assert 'class="source decided-by">admin' in page


def test_superadmin_rejects_a_row_with_who_and_when(review_app):
    client = client_for(review_app, "admin")
    rid = row_id(review_app, "1.06.01.10")  # "Penyediaan alat tulis kantor", proposed "Penyediaan Alat Bantu"
    assert post(client, f"/nomenclature/crosswalk/{rid}/reject", note="not alike").status_code == 302
    with review_app.app_context():
        row = db.session.get(NomenclatureCrosswalkRow, rid)
        assert (row.status, row.note, row.confirmed_by.username) == ("rejected", "not alike", "admin")
        audit = db.session.scalar(select(AuditLog).where(
            AuditLog.entity == "nomenclature_crosswalk_row", AuditLog.entity_id == rid, AuditLog.action == "update"))
        assert audit.actor == "admin" and audit.after["status"] == "rejected"


def test_a_target_outside_the_newer_list_is_refused(review_app):
    client = client_for(review_app, "admin")
    rid = row_id(review_app, "1.06.01.11")
    response = post(client, f"/nomenclature/crosswalk/{rid}/confirm", other_code="1.06.99.2.01.01")
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    assert "Kode 1.06.99.2.01.01 tidak ada dalam Permendagri 90/2019" in page
    with review_app.app_context():
        assert db.session.get(NomenclatureCrosswalkRow, rid).status == "proposed"


@pytest.mark.parametrize("username", ["auditor", "metro", "lampung", "rehsos"])
def test_only_a_superadmin_decides_national_rows(review_app, username):
    client = client_for(review_app, username)
    rid = row_id(review_app, "1.06.01.12")
    assert post(client, f"/nomenclature/crosswalk/{rid}/confirm", to_code="").status_code == 403
    assert post(client, f"/nomenclature/crosswalk/{rid}/reject").status_code == 403
    page = client.get("/nomenclature/crosswalk").get_data(as_text=True)
    assert 'class="decide"' not in page
    with review_app.app_context():
        assert db.session.get(NomenclatureCrosswalkRow, rid).status == "proposed"


def test_a_planner_decides_for_the_region_only(review_app):
    metro = client_for(review_app, "metro")
    rid = row_id(review_app, "1.06.04.2.01.04", pair=("pmdn90-2019", "kmdn900-1317-2023"))
    response = post(metro, f"/nomenclature/crosswalk/{rid}/confirm", region="18.72",
                    to_code="1.06.04.2.01.0004", note="Renstra baris 1325")
    assert response.status_code == 302 and "region=18.72" in response.location
    with review_app.app_context():
        national = db.session.get(NomenclatureCrosswalkRow, rid)
        assert national.status == "proposed" and national.confirmed_by_id is None
        override = db.session.scalar(select(NomenclatureCrosswalkRow).join(Region).where(
            Region.code == "18.72", NomenclatureCrosswalkRow.from_code == "1.06.04.2.01.04"))
        assert (override.status, override.to_codes, override.confirmed_by.username) == (
            "confirmed", ["1.06.04.2.01.0004"], "metro")
        audit = db.session.scalars(select(AuditLog).where(
            AuditLog.entity == "nomenclature_crosswalk_row", AuditLog.entity_id == override.id)).all()
        assert [(a.action, a.actor, a.region_id, a.after["status"]) for a in audit] == [
            ("create", "metro", override.region_id, "confirmed")]
    # Kota Metro sees its decision; the national view does not.
    query = "/nomenclature/crosswalk?from=pmdn90-2019&to=kmdn900-1317-2023&jurisdiction=kabkota"
    page = metro.get(query + "&region=18.72").get_data(as_text=True)
    assert f'id="row-{rid}" data-from="1.06.04.2.01.04" data-status="confirmed"' in page
    page = metro.get(query).get_data(as_text=True)
    assert f'id="row-{rid}" data-from="1.06.04.2.01.04" data-status="proposed"' in page
    # Another region's planner may not decide for Kota Metro, nor see it; the viewer may not decide.
    lambar = client_for(review_app, "lambar")
    assert post(lambar, f"/nomenclature/crosswalk/{rid}/confirm", region="18.72").status_code == 404
    assert lambar.get(query + "&region=18.72").status_code == 404
    auditor = client_for(review_app, "auditor")
    assert post(auditor, f"/nomenclature/crosswalk/{rid}/reject", region="18.72").status_code == 403


def test_split_and_merge_are_recorded(review_app):
    """Several target codes record a split; two old codes confirmed onto one new code, a merge."""
    client = client_for(review_app, "admin")
    split = row_id(review_app, "1.06.16.05")
    post(client, f"/nomenclature/crosswalk/{split}/confirm",
         other_code="1.06.06.2.01.04, 1.06.06.2.01.05", note="dipecah menjadi dua sub kegiatan")
    first, second = row_id(review_app, "1.06.15.01"), row_id(review_app, "1.06.15.02")
    for rid in (first, second):
        post(client, f"/nomenclature/crosswalk/{rid}/confirm", other_code="1.06.02.2.01.01", note="digabung")
    bad = post(client, f"/nomenclature/crosswalk/{split}/confirm", other_code="1.06.06.2.01.05, 9.99", note="x")
    with review_app.app_context():
        rows = {rid: db.session.get(NomenclatureCrosswalkRow, rid) for rid in (split, first, second)}
        assert (rows[split].kind, rows[split].to_codes) == ("split", ["1.06.06.2.01.04", "1.06.06.2.01.05"])
        assert rows[first].kind == rows[second].kind == "merged"
        assert rows[first].to_codes == rows[second].to_codes == ["1.06.02.2.01.01"]
    assert bad.status_code == 302  # refused with a message; the split stays as it was
