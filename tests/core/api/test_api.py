"""The read API: tokens, region rules, and responses that match the OpenAPI description."""

from __future__ import annotations

import jsonschema
import pytest
from sqlalchemy import select

from core.api.openapi import OPERATIONS, REGION_OPERATIONS
from core.extensions import db
from core.models import PlanDocument, Region


@pytest.fixture()
def tokens(seeded_app):
    """Bearer tokens issued for the test (rolled back with it)."""
    runner = seeded_app.test_cli_runner()
    issued = {}
    for username in ("metro", "lampung", "bengkulu", "admin"):
        result = runner.invoke(args=["users", "token", username])
        assert result.exit_code == 0, result.output
        issued[username] = result.output.strip()
    return issued


def get(client, path, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(path, headers=headers)


@pytest.fixture(scope="module")
def spec(seeded_app):
    return seeded_app.test_client().get("/api/v1/openapi.json").get_json()


def validate(spec, schema_name, instance, many=False):
    schema = {"$ref": f"#/components/schemas/{schema_name}"}
    if many:
        schema = {"type": "array", "items": schema}
    jsonschema.validate(instance, {**schema, "components": spec["components"]},
                        cls=jsonschema.Draft202012Validator)


def doc_id(seeded_app, code, key):
    with seeded_app.app_context():
        return db.session.scalar(select(PlanDocument.id).join(Region).where(Region.code == code,
                                                                            PlanDocument.key == key))


def test_no_token_is_401_and_bad_token_is_401(client):
    assert client.get("/api/v1/regions").status_code == 401
    response = get(client, "/api/v1/regions", "not-a-token")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "error" in response.get_json()


def test_regions_follow_the_same_rules_as_the_ui(client, tokens, spec):
    lampung = get(client, "/api/v1/regions", tokens["lampung"]).get_json()
    validate(spec, "Region", lampung, many=True)
    assert [(r["code"], r["level"], r["parent_code"]) for r in lampung] == [
        ("18", "provinsi", None), ("18.04", "kabupaten", "18"), ("18.72", "kota", "18")]
    assert [r["code"] for r in get(client, "/api/v1/regions", tokens["metro"]).get_json()] == ["18.72"]


def test_documents_of_a_region(client, tokens, spec):
    docs = get(client, "/api/v1/regions/18.72/documents", tokens["metro"]).get_json()
    validate(spec, "Document", docs, many=True)
    renstra = next(d for d in docs if d["type"] == "renstra")
    assert (renstra["period_start"], renstra["period_end"]) == (2021, 2026)
    assert renstra["nomenclature_version"] == "kmdn050-5889-2021"
    bengkulu = get(client, "/api/v1/regions/17/documents", tokens["bengkulu"]).get_json()
    # The Perubahan Renstra is version 2 of the Renstra it amends (whose content we do not have).
    assert sorted((d["type"], d["version"], d["amends"]) for d in bengkulu) == [
        ("renstra", 1, None), ("renstra", 2, next(d["id"] for d in bengkulu if d["version"] == 1))]


def test_items_carry_printed_and_parsed_values_with_their_source(client, tokens, spec, seeded_app):
    renstra = doc_id(seeded_app, "18.72", "renstra-2021-2026")
    items = get(client, f"/api/v1/documents/{renstra}/items", tokens["metro"]).get_json()
    validate(spec, "Item", items, many=True)
    program = next(i for i in items if i["code"] == "1.06.04")
    assert program["level"] == "program" and program["name"] == "Program Rehabilitasi Sosial"
    pagu_2021 = next(b for b in program["budget"] if b["kind"] == "pagu" and b["year"] == 2021)
    assert pagu_2021 == {"year": 2021, "kind": "pagu", "printed": "1.413.000.000", "value": "1413000000"}
    indicator = program["indicators"][0]
    assert indicator["baseline"] == {"printed": "60%", "value": "60"}  # 000 line 1320
    assert {"year": 2021, "quarter": None, "printed": "70%", "value": "70"} in indicator["targets"]
    assert program["source"]["table"] == "Tabel 6.1" and program["source"]["line"] == 1320
    # Items come in document order, each after its parent.
    seen = set()
    for item in items:
        assert item["parent_id"] is None or item["parent_id"] in {i["id"] for i in items}
        seen.add(item["id"])


def test_lakip_realisations_are_in_the_api(client, tokens, seeded_app):
    lakip = doc_id(seeded_app, "18.72", "lakip-2023")
    items = get(client, f"/api/v1/documents/{lakip}/items", tokens["metro"]).get_json()
    realised = [r for i in items for ind in i["indicators"] for r in ind["realisations"]]
    assert any(r["year"] == 2023 for r in realised) and any(r["year"] == 2022 for r in realised)
    anggaran = [b for i in items for b in i["budget"] if b["kind"] == "realisasi"]
    assert anggaran


def test_org_chart(client, tokens, spec):
    chart = get(client, "/api/v1/regions/17/org-chart", tokens["bengkulu"]).get_json()
    validate(spec, "OrgChart", chart)
    kinds = {u["kind"] for u in chart["units"]}
    assert {"kepala", "bidang", "seksi", "uptd"} <= kinds
    codes = {u["code"] for u in chart["units"]}
    assert all(u["parent_code"] is None or u["parent_code"] in codes for u in chart["units"])


@pytest.mark.parametrize("user, path", [
    ("metro", "/api/v1/regions/17/documents"),
    ("metro", "/api/v1/regions/18.04/org-chart"),
    ("bengkulu", "/api/v1/regions/18.72/documents"),
    ("metro", "/api/v1/regions/99/documents"),
])
def test_other_regions_are_404(client, tokens, user, path):
    assert get(client, path, tokens[user]).status_code == 404


def test_another_regions_document_id_is_404(client, tokens, seeded_app):
    bengkulu_doc = doc_id(seeded_app, "17", "renstra-2021-2026-p1")
    for path in (f"/api/v1/documents/{bengkulu_doc}", f"/api/v1/documents/{bengkulu_doc}/items"):
        assert get(client, path, tokens["metro"]).status_code == 404
        assert get(client, path, tokens["bengkulu"]).status_code == 200
    assert get(client, "/api/v1/documents/999999", tokens["admin"]).status_code == 404


def test_openapi_covers_every_api_route(seeded_app, spec):
    api_rules = {r.rule for r in seeded_app.url_map.iter_rules() if r.rule.startswith("/api/v1/")}
    assert api_rules - {"/api/v1/openapi.json"} == set(OPERATIONS) | {rule for rule, _m in REGION_OPERATIONS}
    jsonschema.Draft202012Validator.check_schema({"$defs": spec["components"]["schemas"]})
    assert spec["openapi"].startswith("3.1")


def test_session_users_can_read_the_api_too(login_as):
    client = login_as("lambar")
    assert [r["code"] for r in client.get("/api/v1/regions").get_json()] == ["18.04"]


def test_findings_in_the_api(client, tokens, spec, seeded_app):
    lakip = doc_id(seeded_app, "18.72", "lakip-2023")
    findings = get(client, f"/api/v1/documents/{lakip}/findings", tokens["metro"]).get_json()
    validate(spec, "Finding", findings, many=True)
    # 001 line 827: 13.415 / 14.460 = 92,77 %, printed 92.78%.
    iku = [f for f in findings if f["check"] == "ratio-recompute" and f["printed"] and "92.78" in f["printed"]]
    assert iku and iku[0]["expected"].startswith("92.77")
    assert get(client, f"/api/v1/documents/{lakip}/findings", tokens["bengkulu"]).status_code == 404
