"""Every route guarded, CSRF on every state-changing request, tenants isolated."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import PlanDocument, PrintedTable, Region
from core.security import can
from tests.conftest import login

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}

#: Demo user -> the region codes they may see (see core.cli.DEMO_USERS).
VISIBLE = {
    "admin": {"18", "18.72", "18.04", "17"},
    "lampung": {"18", "18.72", "18.04"},  # provincial admin: its province and the kab/kota it hosts
    "metro": {"18.72"},
    "lambar": {"18.04"},
    "bengkulu": {"17"},
    "auditor": {"18.72"},
}
ALL_CODES = {"18", "18.72", "18.04", "17"}
PROVINCES = {"18", "17"}
#: Pages that exist for provinces only (comparing the kab/kota a province hosts).
PROVINCE_ONLY = {"compare.index"}


def rules(app):
    return [r for r in app.url_map.iter_rules()]


def test_every_view_is_guarded_or_public(seeded_app):
    unguarded = []
    for rule in rules(seeded_app):
        view = seeded_app.view_functions[rule.endpoint]
        if rule.endpoint == "static":
            continue  # Flask's own static files: public by nature, nothing tenant-owned
        if not getattr(view, "pelita_guard", None):
            unguarded.append(rule.rule)
    assert unguarded == []


def _sample_args(app, rule):
    """Values for a rule's arguments that exist in the seeded database."""
    from core.models import Finding

    with app.app_context():
        doc = db.session.scalar(select(PlanDocument).join(Region).where(
            Region.code == "18.72", PlanDocument.key == "renstra-2021-2026"))
        table = db.session.scalar(select(PrintedTable).where(PrintedTable.document_id == doc.id))
        finding = db.session.scalar(select(Finding).where(Finding.document_id == doc.id))
    values = {"region_code": "18.72", "document_id": doc.id, "table_id": table.id, "finding_id": finding.id}
    args = {}
    for arg in rule.arguments:
        choices = getattr(rule._converters.get(arg), "items", None)  # an <any(a, b):arg> converter
        args[arg] = sorted(choices)[0] if choices else values.get(arg, 1)
    return args


def test_anonymous_users_are_sent_to_login_everywhere(seeded_app):
    client = seeded_app.test_client()
    checked = 0
    for rule in rules(seeded_app):
        view = seeded_app.view_functions[rule.endpoint]
        if getattr(view, "pelita_guard", "public") == "public" or "GET" not in rule.methods:
            continue
        path = rule.build(_sample_args(seeded_app, rule))[1] if rule.arguments else rule.rule
        response = client.get(path)
        if path.startswith("/api/"):
            assert response.status_code == 401, path
        else:
            assert response.status_code == 302 and "/login" in response.location, path
        checked += 1
    assert checked >= 5


def test_every_state_changing_route_requires_csrf(seeded_app, login_as):
    client = login_as("admin")
    checked = 0
    for rule in rules(seeded_app):
        for method in sorted(rule.methods & STATE_CHANGING):
            path = rule.build(_sample_args(seeded_app, rule))[1] if rule.arguments else rule.rule
            response = client.open(path, method=method, data={"locale": "en", "username": "admin"})
            assert response.status_code == 400, (method, path, response.status_code)
            checked += 1
    assert checked >= 3  # login, logout, language at least


def region_routes(app):
    return [r for r in rules(app) if "region_code" in r.arguments and "GET" in r.methods]


@pytest.mark.parametrize("username", sorted(VISIBLE))
def test_tenant_isolation_matrix(seeded_app, login_as, username):
    """Each user x each region x each region route: visible regions answer, others 404."""
    client = login_as(username)
    with seeded_app.app_context():
        docs_by_region = {
            code: db.session.scalars(select(PlanDocument.id).join(Region).where(Region.code == code)).all()
            for code in ALL_CODES
        }
    for rule, code in itertools.product(region_routes(seeded_app), sorted(ALL_CODES | {"99", "18.99"})):
        args = _sample_args(seeded_app, rule)
        args["region_code"] = code
        if "document_id" in rule.arguments:
            if not docs_by_region.get(code):
                continue
            args["document_id"] = docs_by_region[code][0]
        if any(arg.endswith("_id") and arg != "document_id" for arg in rule.arguments):
            continue  # ids of objects inside a document (tables, findings, evidence): id-swap tests
        response = client.get(rule.build(args)[1])
        expected = 200 if code in VISIBLE[username] else 404
        if rule.endpoint in PROVINCE_ONLY and code not in PROVINCES:
            expected = 404  # a kab/kota has no such page, visible or not
        assert response.status_code == expected, (username, rule.rule, code, response.status_code)


def test_another_regions_document_id_under_my_region_is_404(login_as, seeded_app):
    client = login_as("metro")
    with seeded_app.app_context():
        bengkulu_docs = db.session.scalars(select(PlanDocument.id).join(Region).where(Region.code == "17")).all()
        metro_tables = db.session.scalars(select(PrintedTable).join(
            PlanDocument, PlanDocument.id == PrintedTable.document_id).join(Region).where(
            Region.code == "18.72")).all()
        bengkulu_tables = db.session.scalars(select(PrintedTable).join(
            PlanDocument, PlanDocument.id == PrintedTable.document_id).join(Region).where(
            Region.code == "17")).all()
    assert bengkulu_docs
    for doc_id in bengkulu_docs:
        assert client.get(f"/r/18.72/documents/{doc_id}").status_code == 404
    if metro_tables and bengkulu_tables:
        own = metro_tables[0]
        assert client.get(f"/r/18.72/documents/{own.document_id}/tables/{own.id}").status_code == 200
        for other in bengkulu_tables:
            assert client.get(f"/r/18.72/documents/{own.document_id}/tables/{other.id}").status_code == 404


@pytest.mark.parametrize("username", sorted(VISIBLE))
def test_region_picker_lists_exactly_the_visible_regions(login_as, username):
    page = login_as(username).get("/").get_data(as_text=True)
    for code in ALL_CODES:
        assert (f'href="/r/{code}/"' in page) == (code in VISIBLE[username]), (username, code)


def test_can_rules(app):
    from core.models import User

    regions = {r.code: r for r in db.session.scalars(select(Region))}
    users = {u.username: u for u in db.session.scalars(select(User))}
    assert can(users["lampung"], "document.view", regions["18.72"])
    assert not can(users["lampung"], "document.edit", regions["18.72"])  # hosted: read only
    assert can(users["lampung"], "document.edit", regions["18"])
    assert can(users["metro"], "document.edit", regions["18.72"])
    assert not can(users["auditor"], "document.edit", regions["18.72"])
    assert can(users["auditor"], "document.view", regions["18.72"])
    assert not can(users["metro"], "region.view", regions["18.04"])
    assert can(users["admin"], "members.manage", regions["17"])
    with pytest.raises(ValueError):
        can(users["admin"], "launch.rockets", regions["17"])


def test_logout_requires_post_and_ends_the_session(login_as):
    client = login_as("metro")
    assert client.get("/logout").status_code == 405
    from tests.conftest import csrf_token

    token = csrf_token(client, "/")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/r/18.72/").status_code == 302


def test_session_rotates_at_login(seeded_app):
    client = seeded_app.test_client()
    client.get("/login")
    before = client.get_cookie("session").value
    login(client, "metro")
    after = client.get_cookie("session").value
    assert before != after
    from tests.conftest import csrf_token

    # The pre-login CSRF token no longer works after the session rotated.
    assert csrf_token(client, "/") is not None


def test_bumping_session_version_revokes_open_sessions(make_app):
    from tests import factories

    app = make_app(regions=["prov_lampung"])  # no seed documents needed: a region and a user
    with app.app_context():
        factories.user("lampung", region=factories.region("18"), role="provincial_admin")
        db.session.commit()
    client = app.test_client()
    assert login(client, "lampung").status_code == 302
    assert client.get("/r/18/").status_code == 200
    with app.app_context():
        from core.models import User

        user = db.session.scalar(select(User).where(User.username == "lampung"))
        user.session_version += 1
        db.session.commit()
    assert client.get("/r/18/").status_code == 302


def test_passwords_are_hashed(app):
    from core.models import User

    for user in db.session.scalars(select(User)):
        assert user.password_hash.startswith(("scrypt:", "pbkdf2:"))
        assert user.username not in user.password_hash


def test_open_redirect_after_login_is_refused(seeded_app):
    from tests.conftest import csrf_token

    client = seeded_app.test_client()
    token = csrf_token(client)
    response = client.post("/login?next=//evil.example/x", data={
        "username": "metro", "password": "metro-demo-2026", "csrf_token": token})
    assert response.status_code == 302 and response.location == "/"
