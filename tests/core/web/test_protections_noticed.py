"""Tests that fail when a protection is removed: tenant filters on writes, inactive users,
session rotation at sign-in, the audit of failed sign-ins (see test_signin_protection)."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import Indicator, PlanDocument, PlanItem, Region, User
from tests.conftest import csrf_token, login


@pytest.fixture(scope="module")
def tenants(seeded_app):
    """Ids of a Kota Metro item and indicator, and a Lampung Barat document."""
    with seeded_app.app_context():
        metro = db.session.scalar(select(Region).where(Region.code == "18.72"))
        lambar = db.session.scalar(select(Region).where(Region.code == "18.04"))
        indicator = db.session.scalars(select(Indicator).where(Indicator.region_id == metro.id)).first()
        item = db.session.get(PlanItem, indicator.item_id)
        lambar_doc = db.session.scalars(select(PlanDocument).where(PlanDocument.region_id == lambar.id)).first()
        return {"item": item.id, "metro_doc": item.document_id, "indicator": indicator.id,
                "unit": item.responsible_unit_code, "polarity": indicator.polarity, "lambar_doc": lambar_doc.id}


def _state(app, ids):
    with app.app_context():
        item = db.session.get(PlanItem, ids["item"])
        indicator = db.session.get(Indicator, ids["indicator"])
        return item.responsible_unit_code, indicator.polarity, indicator.capaian_rule


def _targets(ids):
    """The same foreign ids reached through URLs of the attacker's own region."""
    return [
        (f"/r/18.04/documents/{ids['lambar_doc']}/items/{ids['item']}/unit", {"unit": "kepala-dinas"}),
        (f"/r/18.04/documents/{ids['metro_doc']}/items/{ids['item']}/unit", {"unit": "kepala-dinas"}),
        (f"/r/18.04/documents/{ids['lambar_doc']}/indicators/{ids['indicator']}/settings",
         {"polarity": "lower", "aggregation": "sum", "capaian_rule": ""}),
        (f"/r/18.04/documents/{ids['metro_doc']}/indicators/{ids['indicator']}/settings",
         {"polarity": "lower", "aggregation": "sum", "capaian_rule": ""}),
        (f"/r/18.72/documents/{ids['metro_doc']}/items/{ids['item']}/unit", {"unit": ""}),
    ]


def test_another_regions_items_cannot_be_written_through_ones_own_urls(seeded_app, tenants):
    before = _state(seeded_app, tenants)
    client = seeded_app.test_client()
    assert login(client, "lambar").status_code == 302
    token = csrf_token(client, "/")
    for path, data in _targets(tenants):
        response = client.post(path, data={**data, "csrf_token": token})
        assert response.status_code == 404, path
    assert _state(seeded_app, tenants) == before


def test_another_regions_items_take_no_evidence(seeded_app, tenants):
    client = seeded_app.test_client()
    assert login(client, "lambar").status_code == 302
    token = csrf_token(client, "/")
    for document in (tenants["lambar_doc"], tenants["metro_doc"]):
        response = client.post(
            f"/r/18.04/documents/{document}/items/{tenants['item']}/evidence",
            data={"csrf_token": token, "year": "2023", "quarter": "1",
                  "file": (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "bukti.pdf")},
            content_type="multipart/form-data")
        assert response.status_code == 404


def test_a_deactivated_user_can_neither_sign_in_nor_keep_a_session(make_app):
    app = make_app(regions=[])
    with app.app_context():
        user = User(username="yanti", full_name="Yanti")
        user.set_password("kopi tubruk di teras rumah")
        db.session.add(user)
        db.session.commit()
    client = app.test_client()
    assert login(client, "yanti", "kopi tubruk di teras rumah").status_code == 302
    assert client.get("/").status_code == 200
    with app.app_context():
        db.session.scalar(select(User).where(User.username == "yanti")).active = False
        db.session.commit()
    assert client.get("/").status_code == 302  # the open session ends
    refused = login(app.test_client(), "yanti", "kopi tubruk di teras rumah")
    assert refused.status_code == 401


def test_signing_in_starts_a_new_session(make_app):
    app = make_app(regions=[])
    with app.app_context():
        user = User(username="dewi", full_name="Dewi")
        user.set_password("kopi tubruk di teras rumah")
        db.session.add(user)
        db.session.commit()
    client = app.test_client()
    client.post("/language", data={"locale": "en", "csrf_token": csrf_token(client)})
    before = csrf_token(client)
    assert login(client, "dewi", "kopi tubruk di teras rumah").status_code == 302
    after = csrf_token(client, "/")
    assert before != after  # nothing of the anonymous session (its CSRF secret) survives
    # ...except the chosen language.
    assert 'lang="en"' in client.get("/").get_data(as_text=True)
