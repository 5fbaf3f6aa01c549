"""The nomenclature API: authenticated only, described in OpenAPI, responses valid against it."""

from __future__ import annotations

import jsonschema
import pytest


@pytest.fixture()
def token(seeded_app):
    """A bearer token issued for the test (rolled back with it)."""
    result = seeded_app.test_cli_runner().invoke(args=["users", "token", "auditor"])
    assert result.exit_code == 0, result.output
    return result.output.strip()


@pytest.fixture(scope="module")
def spec(seeded_app):
    return seeded_app.test_client().get("/api/v1/openapi.json").get_json()


def get(client, path, token):
    response = client.get(path, headers={"Authorization": f"Bearer {token}"})
    return response


def valid(spec, name, instance, many=False):
    schema = {"$ref": f"#/components/schemas/{name}"}
    if many:
        schema = {"type": "array", "items": schema}
    jsonschema.validate(instance, {**schema, "components": spec["components"]}, cls=jsonschema.Draft202012Validator)
    return instance


PATHS = ["/api/v1/nomenclature/versions", "/api/v1/nomenclature/versions/pmdn90-2019/items",
         "/api/v1/nomenclature/diff?from=pmdn90-2019&to=kmdn900-1317-2023",
         "/api/v1/nomenclature/crosswalk?from=pmdn13-2006&to=pmdn90-2019"]


def test_authentication_is_required(client):
    for path in PATHS:
        assert client.get(path).status_code == 401, path


def test_versions(client, token, spec):
    versions = valid(spec, "NomenclatureVersion", get(client, PATHS[0], token).get_json(), many=True)
    assert [(v["code"], v["counts"], v["total"]) for v in versions] == [
        ("pmdn13-2006", {"all": 119}, 119),
        ("pmdn90-2019", {"kabkota": 71, "provinsi": 98}, 169),
        ("kmdn050-5889-2021", {"kabkota": 71, "provinsi": 98}, 169),
        ("kmdn900-1317-2023", {"kabkota": 188}, 188),
    ]


def test_items_search_in_both_languages(client, token, spec):
    items = valid(spec, "NomenclatureItem", get(
        client, "/api/v1/nomenclature/versions/kmdn900-1317-2023/items", token).get_json(), many=True)
    assert len(items) == 188
    found = get(client, "/api/v1/nomenclature/versions/kmdn900-1317-2023/items?q=meals", token).get_json()
    assert [i["code"] for i in found] == ["1.06.04.2.01.0001", "1.06.04.2.02.0003"]
    found = get(client, "/api/v1/nomenclature/versions/kmdn900-1317-2023/items?q=permakanan", token).get_json()
    assert [(i["code"], i["satuan"]) for i in found] == [("1.06.04.2.01.0001", "Orang"), ("1.06.04.2.02.0003", "Orang")]
    provinsi = get(client, "/api/v1/nomenclature/versions/pmdn90-2019/items?jurisdiction=provinsi", token).get_json()
    assert len(provinsi) == 98 and {i["jurisdiction"] for i in provinsi} == {"provinsi"}
    pmdn13 = get(client, "/api/v1/nomenclature/versions/pmdn13-2006/items?jurisdiction=kabkota", token).get_json()
    assert len(pmdn13) == 119  # one list for both
    assert get(client, "/api/v1/nomenclature/versions/nope/items", token).status_code == 404
    assert get(client, "/api/v1/nomenclature/versions/pmdn90-2019/items?jurisdiction=x", token).status_code == 400


def test_diff(client, token, spec):
    diff = valid(spec, "NomenclatureDiff", get(client, PATHS[2] + "&jurisdiction=kabkota", token).get_json())
    assert diff["counts"] == {"unchanged": 18, "renamed": 0, "renumbered": 52, "removed": 1, "added": 118}
    assert len(diff["rows"]) == 18 + 52 + 1 + 118
    # The one removed: 1.06.04.2.01.13, the second "Pemberian Layanan Rujukan" (PROVENANCE.md).
    assert [r["from_code"] for r in diff["rows"] if r["kind"] == "removed"] == ["1.06.04.2.01.13"]
    assert get(client, PATHS[2] + "&jurisdiction=provinsi", token).status_code == 404  # no 2023 provinsi list
    assert get(client, "/api/v1/nomenclature/diff?from=pmdn90-2019&to=zz", token).status_code == 404


def test_crosswalk(client, token, spec):
    data = valid(spec, "NomenclatureCrosswalk", get(client, PATHS[3] + "&jurisdiction=provinsi", token).get_json())
    assert len(data["rows"]) == 119 and data["jurisdiction"] == "provinsi"
    derived = valid(spec, "NomenclatureCrosswalk", get(
        client, "/api/v1/nomenclature/crosswalk?from=pmdn90-2019&to=kmdn900-1317-2023", token).get_json())
    assert len(derived["rows"]) == 69 and {r["basis"] for r in derived["rows"]} == {"derived-name"}
    assert sum(1 for r in derived["rows"] if r["kind"] == "new") == 16
    assert get(client, PATHS[3] + "&jurisdiction=all", token).status_code == 400
