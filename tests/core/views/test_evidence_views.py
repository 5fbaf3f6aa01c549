"""Evidence through the realisation sheet: duplicates refused, removal kept for the audit
trail, a damaged stored file never served. Each test uses a quarter of its own."""

from __future__ import annotations

import io
import re
import uuid

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import AuditLog, EvidenceFile, PlanDocument, PlanItem, Region
from tests import evidence_samples
from tests.conftest import csrf_token, login


@pytest.fixture(scope="module")
def evidence_app(make_app):
    return make_app(regions=["prov_lampung", "kota_metro"], seed=True, users=True)


@pytest.fixture(scope="module")
def target(evidence_app):
    with evidence_app.app_context():
        region_id = db.session.scalar(select(Region.id).where(Region.code == "18.72"))
        item = db.session.scalar(select(PlanItem).join(PlanDocument, PlanDocument.id == PlanItem.document_id).where(
            PlanItem.region_id == region_id, PlanDocument.doc_type == "renstra",
            PlanItem.code == "1.06.04.2.01.01"))
        return {"doc": item.document_id, "item": item.id}


def _client(app, username):
    client = app.test_client()
    assert login(client, username).status_code == 302
    return client


def _upload(client, target, quarter, data, name="bukti.pdf"):
    token = csrf_token(client, f"/r/18.72/documents/{target['doc']}/realisation?year=2022&quarter={quarter}")
    return client.post(f"/r/18.72/documents/{target['doc']}/items/{target['item']}/evidence",
                       data={"csrf_token": token, "year": "2022", "quarter": str(quarter),
                             "file": (io.BytesIO(data), name)}, content_type="multipart/form-data",
                       follow_redirects=True)


def _rows(app, quarter):
    with app.app_context():
        return db.session.scalars(select(EvidenceFile).where(EvidenceFile.year == 2022,
                                                             EvidenceFile.quarter == quarter)).all()


def test_the_same_file_twice_on_one_quarter_is_refused(evidence_app, target):
    client = _client(evidence_app, "rehsos")
    data = evidence_samples.pdf(f"dup-{uuid.uuid4()}")
    assert "Bukti terunggah." in _upload(client, target, 1, data).get_data(as_text=True)
    again = _upload(client, target, 1, data, name="nama-lain.pdf").get_data(as_text=True)
    assert "sudah dilampirkan" in again
    assert len(_rows(evidence_app, 1)) == 1


def test_a_polyglot_is_refused_through_the_sheet(evidence_app, target):
    client = _client(evidence_app, "rehsos")
    polyglot = b"%PDF-1.4\n<html><script>alert(1)</script></html>\n" + evidence_samples.pdf()[9:]
    assert "bukan berkas PDF" in _upload(client, target, 2, polyglot).get_data(as_text=True)
    assert _rows(evidence_app, 2) == []


def test_removal_hides_the_file_keeps_it_and_is_audited(evidence_app, target):
    operator = _client(evidence_app, "rehsos")
    _upload(operator, target, 3, evidence_samples.pdf(f"remove-{uuid.uuid4()}"))
    (row,) = _rows(evidence_app, 3)
    # A viewer may not remove it; the uploader may.
    auditor = _client(evidence_app, "auditor")
    refused = auditor.post(f"/r/18.72/evidence/{row.id}/remove", data={"csrf_token": csrf_token(auditor, "/")})
    assert refused.status_code == 404
    token = csrf_token(operator, "/")
    operator.post(f"/r/18.72/evidence/{row.id}/remove", data={"csrf_token": token})
    (kept,) = _rows(evidence_app, 3)
    assert kept.removed_at is not None and kept.removed_by is not None
    sheet = operator.get(f"/r/18.72/documents/{target['doc']}/realisation?year=2022&quarter=3").get_data(as_text=True)
    assert f"/r/18.72/evidence/{row.id}\"" not in sheet
    assert operator.get(f"/r/18.72/evidence/{row.id}").status_code == 200  # still readable for the audit
    with evidence_app.app_context():
        trail = db.session.scalars(select(AuditLog).where(AuditLog.entity == "evidence_file",
                                                          AuditLog.entity_id == row.id)).all()
    assert [t.action for t in trail] == ["create", "update"]
    assert trail[1].after["removed_by"] is not None


def test_a_planner_may_remove_an_operators_file(evidence_app, target):
    operator = _client(evidence_app, "rehsos")
    answer = _upload(operator, target, 4, evidence_samples.png(), name="foto.png").get_data(as_text=True)
    assert "Bukti terunggah." in answer, re.findall(r"class=\"flash[^<]*<[^<]*", answer)
    (row,) = [r for r in _rows(evidence_app, 4) if r.removed_at is None]
    planner = _client(evidence_app, "metro")
    planner.post(f"/r/18.72/evidence/{row.id}/remove", data={"csrf_token": csrf_token(planner, "/")})
    assert all(r.removed_at is not None for r in _rows(evidence_app, 4))


def test_a_damaged_stored_file_is_not_served(evidence_app, target, instance_path):
    operator = _client(evidence_app, "rehsos")
    data = evidence_samples.jpeg((32, 32))
    _upload(operator, target, 1, data, name=f"foto-{uuid.uuid4().hex[:6]}.jpg")
    row = next(r for r in _rows(evidence_app, 1) if r.content_type == "image/jpeg")
    with evidence_app.app_context():
        from core.services.realisation import evidence_dir

        path = evidence_dir() / row.sha256
    assert operator.get(f"/r/18.72/evidence/{row.id}").data == data
    path.write_bytes(data[:50])
    assert operator.get(f"/r/18.72/evidence/{row.id}").status_code == 404
    path.write_bytes(data)
