"""The admin screens: regions, organisation chart with history, accounts; who sees the Admin link."""

from __future__ import annotations

import re

from sqlalchemy import select

from core.extensions import db
from core.models import Region
from core.security import can
from tests.conftest import csrf_token


def test_admin_link_only_for_administrators(browser_as):
    assert 'id="admin-link"' in browser_as("lampung").get("/").get_data(as_text=True)
    assert 'id="admin-link"' in browser_as("admin").get("/").get_data(as_text=True)
    metro = browser_as("metro")
    assert 'id="admin-link"' not in metro.get("/").get_data(as_text=True)
    assert metro.get("/admin/regions").status_code == 404
    assert metro.get("/admin/regions/new").status_code == 404
    assert metro.get("/admin/regions/18.72").status_code == 403  # sees it, may not manage it
    assert metro.get("/admin/regions/18.72/org").status_code == 403
    assert metro.get("/admin/regions/17").status_code == 404


def test_provincial_admin_builds_a_kota_in_the_ui(admin_app, browser_as):
    client = browser_as("lampung")
    home = client.get("/r/18/").get_data(as_text=True)
    assert 'id="new-kabkota-link"' in home
    token = csrf_token(client, "/admin/regions/new?parent=18")
    bad = client.post("/admin/regions/new", data={"csrf_token": token, "kind": "kota", "parent_code": "18",
                                                  "code": "18.7x", "name": "Kota Salah"})
    assert bad.status_code == 422 and "titik, dan dua angka" in bad.get_data(as_text=True)
    response = client.post("/admin/regions/new", data={"csrf_token": token, "kind": "kota", "parent_code": "18",
                                                       "code": "18.90", "name": "Kota Layar"})
    assert response.status_code == 302 and response.location.endswith("/admin/regions/18.90")
    assert client.post("/admin/regions/18.90/org/units", data={"csrf_token": token, "name": "Kepala Dinas"}
                       ).status_code == 302
    assert client.post("/admin/regions/18.90/org/units", data={
        "csrf_token": token, "name": "Sekretariat", "parent_code": "kepala-dinas", "kind": "sekretariat",
        "tasks": "Tugas satu\nTugas dua"}).status_code == 302
    cycle = client.post("/admin/regions/18.90/org/units/kepala-dinas", data={
        "csrf_token": token, "name": "Kepala Dinas", "parent_code": "sekretariat", "kind": "kepala"})
    assert cycle.status_code == 422
    renamed = client.post("/admin/regions/18.90/org/units/sekretariat", data={
        "csrf_token": token, "name": "Sekretariat Dinas", "parent_code": "kepala-dinas", "kind": "sekretariat",
        "tasks": "Tugas satu", "valid_from": "2025-01-01"})
    assert renamed.status_code == 302
    page = client.get("/admin/regions/18.90/org/units/sekretariat").get_data(as_text=True)
    history = page[page.index('id="unit-history"'):]
    assert history.count("<tr><td>") == 2 and "lampung" in history and "Sekretariat Dinas" in history
    org = client.get("/r/18.90/org").get_data(as_text=True)
    assert re.search(r"Sekretariat Dinas.*Tugas satu", org, re.S) and "Tugas dua" not in org
    # An account for the kota, made on its members page.
    short = client.post("/admin/regions/18.90/members", data={
        "csrf_token": token, "username": "layar", "password": "pendek", "role": "planner"})
    assert short.status_code == 422
    made = client.post("/admin/regions/18.90/members", data={
        "csrf_token": token, "username": "layar", "full_name": "Perencana Layar", "password": "jembatan-merah-sore-2026",
        "role": "planner"})
    assert made.status_code == 302
    assert 'data-username="layar"' in client.get("/admin/regions/18.90/members").get_data(as_text=True)
    planner = browser_as("layar", "jembatan-merah-sore-2026")
    assert [code for code in ("18", "18.72", "18.90", "17")
            if f'href="/r/{code}/"' in planner.get("/").get_data(as_text=True)] == ["18.90"]
    assert planner.get("/r/18.90/").status_code == 200
    assert planner.get("/admin/regions/18.90/org").status_code == 403
    # Removing the role: the kota disappears for the planner.
    assert client.post("/admin/regions/18.90/members/layar/remove", data={"csrf_token": token}).status_code == 302
    assert planner.get("/r/18.90/").status_code == 404
    # Deactivating it from the admin page.
    assert client.post("/admin/regions/18.90/active", data={"csrf_token": token, "active": "0"}).status_code == 302
    assert client.get("/r/18.90/").status_code == 404
    assert "nonaktif" in client.get("/admin/regions/18.90").get_data(as_text=True)


def test_access_rules_for_administering(admin_app):
    from core.models import User

    with admin_app.app_context():
        regions = {r.code: r for r in db.session.scalars(select(Region))}
        users = {u.username: u for u in db.session.scalars(select(User))}
        assert can(users["lampung"], "region.manage", regions["18"])
        assert can(users["lampung"], "region.manage", regions["18.72"])  # hosted
        assert can(users["lampung"], "org.edit", regions["18.72"])
        assert can(users["lampung"], "members.manage", regions["18.72"])
        assert not can(users["lampung"], "document.edit", regions["18.72"])  # still read-only there
        assert not can(users["lampung"], "region.manage", regions["17"])
        assert not can(users["metro"], "org.edit", regions["18.72"])
        assert not can(users["metro"], "region.manage", regions["18.72"])
        assert not can(users["bengkulu"], "members.manage", regions["17"])
        assert can(users["admin"], "region.manage", regions["17"])
