"""Regions, org units, accounts and memberships through the API: who may, what is refused, in id and en.

Each test uses region codes of its own (18.71, 18.73 ...), so the tests stand alone in any order.
"""

from __future__ import annotations

import jsonschema
import pytest
from sqlalchemy import func, select

from core.extensions import db
from core.models import AuditLog, Membership, OrgUnit, Region


def validate(app, schema_name, instance):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    jsonschema.validate(instance, {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]},
                        cls=jsonschema.Draft202012Validator)


def region_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Region))


def kota(code, name="Kota Uji", parent="18"):
    return {"code": code, "name": name, "kind": "kota", "parent_code": parent}


def test_superadmin_creates_a_kota_that_no_plugin_serves(admin_app, api):
    admin = api("admin")
    response = admin.post("/api/v1/regions", kota("18.71", "Kota Bandar Lampung"))
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    validate(admin_app, "RegionDetail", created)
    assert (created["code"], created["kind"], created["parent_code"], created["active"], created["plugin"]) == (
        "18.71", "kota", "18", True, None)
    shown = admin.get("/api/v1/regions/18.71").get_json()
    assert shown["name"] == "Kota Bandar Lampung" and shown["plugin"] is None
    assert shown["agency_name"] == "Dinas Sosial Kota Bandar Lampung"
    metro = admin.get("/api/v1/regions/18.72").get_json()
    assert metro["plugin"] == "kota_metro"
    validate(admin_app, "RegionDetail", metro)
    # The region works at once: its pages and the list.
    assert "18.71" in [r["code"] for r in admin.get("/api/v1/regions").get_json()]
    assert admin.get("/api/v1/regions/18.71/org-chart").get_json()["units"] == []


def test_provincial_admin_creates_under_its_province_only(admin_app, api):
    lampung = api("lampung")
    assert lampung.post("/api/v1/regions", kota("18.73", "Kota Uji Lampung")).status_code == 201
    before = region_count(admin_app)
    assert lampung.post("/api/v1/regions", kota("17.73", parent="17")).status_code == 404  # 17 is not its
    assert lampung.post("/api/v1/regions", {"code": "19", "name": "Provinsi X", "kind": "provinsi"}).status_code == 403
    assert region_count(admin_app) == before
    # It manages what it created: rename and see it.
    response = lampung.patch("/api/v1/regions/18.73", {"name": "Kota Uji Baru"})
    assert response.status_code == 200 and response.get_json()["name"] == "Kota Uji Baru"


def test_planners_may_not_create_regions(admin_app, api):
    before = region_count(admin_app)
    assert api("bengkulu").post("/api/v1/regions", kota("17.74", parent="17")).status_code == 403  # sees 17
    assert api("metro").post("/api/v1/regions", kota("18.74")).status_code == 404  # does not see 18
    assert api("metro").patch("/api/v1/regions/18.72", {"name": "Metro!"}).status_code == 403  # sees it only
    assert region_count(admin_app) == before


def test_a_duplicate_code_is_409(admin_app, api):
    before = region_count(admin_app)
    response = api("admin").post("/api/v1/regions", kota("18.72", "Kota Metro lagi"))
    assert response.status_code == 409
    assert "18.72" in response.get_json()["error"]
    assert region_count(admin_app) == before


@pytest.mark.parametrize("body, english, indonesian", [
    (kota("18.7"), "a dot and two digits", "titik, dan dua angka"),
    (kota("1871"), "a dot and two digits", "titik, dan dua angka"),
    (kota("17.75", parent="18"), "does not lie under its parent 18", "tidak berada di bawah induknya 18"),
    ({**kota("18.75"), "kind": "desa"}, "provinsi, kabupaten or kota", "provinsi, kabupaten, atau kota"),
    ({**kota("18.75"), "name": "  "}, "The name is required", "Nama wajib diisi"),
    ({"code": "18.72.01", "name": "X", "kind": "kota", "parent_code": "18.72"}, "must be a province",
     "harus provinsi"),
    ({"code": "1", "name": "X", "kind": "provinsi"}, "two digits", "dua angka"),
    ({"code": "18.75", "name": "X", "kind": "kota"}, "needs its province", "memerlukan provinsinya"),
])
def test_bad_input_is_422_in_english_and_indonesian(admin_app, api, body, english, indonesian):
    before = region_count(admin_app)
    en = api("admin", "en").post("/api/v1/regions", body)
    assert en.status_code == 422, en.get_json()
    assert any(english in message for message in en.get_json()["errors"]), en.get_json()
    id_ = api("admin", "id").post("/api/v1/regions", body)
    assert id_.status_code == 422
    assert any(indonesian in message for message in id_.get_json()["errors"]), id_.get_json()
    assert region_count(admin_app) == before


def test_a_body_that_is_not_json_is_400(api):
    response = api("admin").client.post("/api/v1/regions", data="code=18.76",
                                        headers=api("admin")._headers())
    assert response.status_code == 400


def test_session_writes_need_the_csrf_token(admin_app, browser_as):
    from tests.conftest import csrf_token

    client = browser_as("admin")
    assert client.post("/api/v1/regions", json=kota("18.77")).status_code == 400
    token = csrf_token(client, "/")
    response = client.post("/api/v1/regions", json=kota("18.77"), headers={"X-CSRFToken": token})
    assert response.status_code == 201


def test_org_units_create_move_and_cycles_refused(admin_app, api):
    admin = api("admin")
    assert admin.post("/api/v1/regions", kota("18.78", "Kota Bagan")).status_code == 201
    head = admin.post("/api/v1/regions/18.78/org-units", {"code": "kadis", "name": "Kepala Dinas"})
    assert head.status_code == 201, head.get_json()
    validate(admin_app, "OrgUnit", head.get_json())
    bidang = admin.post("/api/v1/regions/18.78/org-units", {
        "name": "Bidang Rehabilitasi Sosial", "parent_code": "kadis", "tasks": ["Menyusun program", "Membina"]})
    assert bidang.status_code == 201
    assert bidang.get_json()["code"] == "bidang-rehabilitasi-sosial"  # a slug of the name
    seksi = admin.post("/api/v1/regions/18.78/org-units", {
        "code": "seksi-a", "name": "Seksi A", "parent_code": "bidang-rehabilitasi-sosial", "kind": "seksi"})
    assert seksi.status_code == 201
    chart = admin.get("/api/v1/regions/18.78/org-chart").get_json()
    assert [(u["code"], u["parent_code"], u["tasks"]) for u in chart["units"]] == [
        ("kadis", None, []),
        ("bidang-rehabilitasi-sosial", "kadis", ["Menyusun program", "Membina"]),
        ("seksi-a", "bidang-rehabilitasi-sosial", []),
    ]
    # A cycle (kadis under its own grandchild) and a unit under itself are refused, nothing changes.
    cycle = admin.patch("/api/v1/regions/18.78/org-units/kadis", {"parent_code": "seksi-a"})
    assert cycle.status_code == 422 and "under itself" in cycle.get_json()["errors"][0]
    assert admin.patch("/api/v1/regions/18.78/org-units/seksi-a", {"parent_code": "seksi-a"}).status_code == 422
    assert admin.patch("/api/v1/regions/18.78/org-units/seksi-a", {"parent_code": "nope"}).status_code == 422
    # A move, a rename, validity dates.
    moved = admin.patch("/api/v1/regions/18.78/org-units/seksi-a", {
        "parent_code": "kadis", "name": "Seksi A Baru", "valid_from": "2024-01-01", "valid_to": "2025-12-31"})
    assert moved.status_code == 200, moved.get_json()
    assert (moved.get_json()["parent_code"], moved.get_json()["name"], moved.get_json()["valid_to"]) == (
        "kadis", "Seksi A Baru", "2025-12-31")
    assert admin.patch("/api/v1/regions/18.78/org-units/seksi-a", {"valid_to": "2020-01-01"}).status_code == 422
    assert admin.post("/api/v1/regions/18.78/org-units", {"code": "kadis", "name": "Lagi"}).status_code == 409
    assert admin.patch("/api/v1/regions/18.78/org-units/no-such-unit", {"name": "X"}).status_code == 404
    # Every change is in the audit trail.
    with admin_app.app_context():
        region = db.session.scalar(select(Region).where(Region.code == "18.78"))
        unit = db.session.scalar(select(OrgUnit).where(OrgUnit.region_id == region.id, OrgUnit.code == "seksi-a"))
        rows = db.session.scalars(select(AuditLog).where(AuditLog.entity == "org_unit",
                                                         AuditLog.entity_id == unit.id)).all()
    assert [r.action for r in rows] == ["create", "update"]
    assert rows[1].actor == "admin" and rows[1].after["name"] == "Seksi A Baru"


def test_who_may_edit_org_units(admin_app, api):
    assert api("lampung").post("/api/v1/regions", kota("18.79", "Kota Organisasi")).status_code == 201
    # The provincial admin builds the chart of the kota it created; a planner of Metro does not see it.
    assert api("lampung").post("/api/v1/regions/18.79/org-units", {"name": "Kepala Dinas"}).status_code == 201
    assert api("metro").post("/api/v1/regions/18.79/org-units", {"name": "X"}).status_code == 404
    # A planner and a viewer see their region but may not edit its chart; another region's code is 404.
    assert api("metro").post("/api/v1/regions/18.72/org-units", {"name": "X"}).status_code == 403
    assert api("auditor").patch("/api/v1/regions/18.72/org-units/kepala-dinas", {"name": "X"}).status_code == 403
    assert api("lampung").post("/api/v1/regions/17/org-units", {"name": "X"}).status_code == 404


def test_accounts_and_memberships(admin_app, api):
    lampung = api("lampung")
    assert lampung.post("/api/v1/regions", kota("18.80", "Kota Anggota")).status_code == 201
    short = lampung.post("/api/v1/users", {"username": "perencana80", "password": "short"})
    assert short.status_code == 422 and "12" in short.get_json()["errors"][0]
    created = lampung.post("/api/v1/users", {"username": "perencana80", "full_name": "Perencana",
                                             "password": "sore-hari-di-taman-80"})
    assert created.status_code == 201
    assert lampung.post("/api/v1/users", {"username": "perencana80", "password": "sore-hari-di-taman-80"}
                        ).status_code == 409
    assert api("metro").post("/api/v1/users", {"username": "x80", "password": "sore-hari-di-taman-80"}
                             ).status_code == 403  # a planner administers nothing
    member = lampung.post("/api/v1/regions/18.80/members", {"username": "perencana80", "role": "planner"})
    assert member.status_code == 201
    validate(admin_app, "Membership", member.get_json())
    assert lampung.post("/api/v1/regions/18.80/members", {"username": "perencana80", "role": "unit_operator"}
                        ).status_code == 422  # a unit operator needs a unit
    assert lampung.post("/api/v1/regions/18.80/members", {"username": "nobody", "role": "planner"}).status_code == 422
    assert lampung.post("/api/v1/regions/18.80/members", {"username": "perencana80", "role": "provincial_admin"}
                        ).status_code == 403  # only a superadmin names provincial admins
    assert api("metro").post("/api/v1/regions/18.72/members", {"username": "perencana80", "role": "viewer"}
                             ).status_code == 403
    assert lampung.post("/api/v1/regions/17/members", {"username": "perencana80", "role": "viewer"}
                        ).status_code == 404
    with admin_app.app_context():
        roles = db.session.execute(select(Region.code, Membership.role).join(Membership.region)
                                   .join(Membership.user).where(Membership.user.has(username="perencana80"))).all()
    assert [tuple(r) for r in roles] == [("18.80", "planner")]
    assert lampung.delete("/api/v1/regions/18.80/members/perencana80").status_code == 204
    assert lampung.delete("/api/v1/regions/18.80/members/perencana80").status_code == 404
    with admin_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Membership).where(
            Membership.user.has(username="perencana80"))) == 0
        actions = db.session.scalars(select(AuditLog.action).where(AuditLog.entity == "membership")
                                     .order_by(AuditLog.id)).all()
    assert actions[-2:] == ["create", "delete"]


def test_deactivated_region_disappears_and_answers_404(admin_app, api, browser_as):
    admin = api("admin")
    assert admin.post("/api/v1/regions", kota("18.81", "Kota Sementara")).status_code == 201
    response = admin.patch("/api/v1/regions/18.81", {"active": False})
    assert response.status_code == 200 and response.get_json()["active"] is False
    assert "18.81" not in [r["code"] for r in admin.get("/api/v1/regions").get_json()]
    client = browser_as("admin")
    assert client.get("/r/18.81/").status_code == 404
    assert client.get("/r/18.81/dashboard").status_code == 404
    assert 'href="/r/18.81/"' not in client.get("/").get_data(as_text=True)
    assert 'href="/r/18.81/"' not in client.get("/r/18/").get_data(as_text=True)
    assert admin.get("/api/v1/regions/18.81/org-chart").status_code == 404
    # Its manager still reaches it, to activate it again; a province hosting active kota stays active.
    assert admin.patch("/api/v1/regions/18", {"active": False}).status_code == 422
    assert admin.patch("/api/v1/regions/18.81", {"active": True}).status_code == 200
    assert client.get("/r/18.81/").status_code == 200
    assert admin.patch("/api/v1/regions/18.81", {"kind": "kabupaten"}).status_code == 422


def test_cli_grant_works_for_a_region_created_as_data(admin_app):
    runner = admin_app.test_cli_runner()
    result = runner.invoke(args=["regions", "create", "18.82", "Kota Baris Perintah", "--kind", "kota",
                                 "--parent", "18", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "18.82" in result.output
    result = runner.invoke(args=["users", "create", "cli82", "--password", "cli-82-password"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["users", "grant", "cli82", "18.82:planner"])
    assert result.exit_code == 0, result.output
    listing = runner.invoke(args=["regions", "list"]).output
    line = next(line for line in listing.splitlines() if line.startswith("18.82\t"))
    assert line.split("\t")[1:5] == ["Kota Baris Perintah", "kota", "18", "-"]
    assert any(line.startswith("18.72\t") and "\tkota_metro\t" in line for line in listing.splitlines())
    bad = runner.invoke(args=["regions", "create", "18.8", "X", "--kind", "kota", "--parent", "18", "--lang", "id"])
    assert bad.exit_code != 0 and "titik, dan dua angka" in bad.output
    dup = runner.invoke(args=["regions", "create", "18.82", "X", "--kind", "kota", "--parent", "18", "--lang", "en"])
    assert dup.exit_code != 0 and "already exists" in dup.output
    assert runner.invoke(args=["regions", "deactivate", "18.82"]).exit_code == 0
    assert not any(line.startswith("18.82\t") for line in runner.invoke(args=["regions", "list"]).output.splitlines())
    assert "inactive" in runner.invoke(args=["regions", "list", "--all"]).output
    assert runner.invoke(args=["regions", "activate", "18.82"]).exit_code == 0
    assert runner.invoke(args=["regions", "deactivate", "18.99"]).exit_code != 0
