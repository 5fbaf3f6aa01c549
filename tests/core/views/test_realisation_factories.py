"""Entering a quarter on a plan built by the factories (no seed documents): who may enter
what, all-or-nothing saving, amounts, evidence and unit assignment."""

from __future__ import annotations

from tests import evidence_samples

PDF = evidence_samples.pdf("factory")

import io

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import AuditLog, Budget, EvidenceFile, PlanItem, Realisation
from tests import factories
from tests.conftest import csrf_token, login


@pytest.fixture(scope="module")
def plan_app(make_app):
    """Kota Metro's plugin (its capaian rules) on a migrated, unseeded database."""
    return make_app(regions=["prov_lampung", "kota_metro"])


@pytest.fixture()
def built(plan_app):
    """A Renstra of 18.72 with two units' programs, an operator of bidang-a, a planner, a viewer,
    and an operator of another region; committed into the test's rolled-back transaction."""
    with plan_app.app_context():
        region = factories.region("18.72")
        other = factories.region("17")
        factories.org_chart(region, units=[("bidang-a", "Bidang A"), ("bidang-b", "Bidang B"),
                                           ("seksi-a1", "Seksi A1", "bidang-a")])
        factories.user("op_a", region=region, role="unit_operator", unit_code="bidang-a")
        factories.user("planner", region=region, role="planner")
        factories.user("viewer", region=region, role="viewer")
        factories.user("stranger", region=other, role="planner")
        plan = factories.plan(region, years=[2021])
        ids = {"doc": plan.document.id, "a": plan.items["sub-1"].id, "a_ind": plan.indicators["sub-1"].id,
               "b": plan.items["sub-2"].id, "b_ind": plan.indicators["sub-2"].id}
        db.session.commit()
    return ids


def client_for(app, username):
    client = app.test_client()
    assert login(client, username).status_code == 302
    return client


def sheet_url(ids, quarter=1, mine=None):
    url = f"/r/18.72/documents/{ids['doc']}/realisation?year=2021&quarter={quarter}"
    return url + (f"&mine={mine}" if mine is not None else "")


def row(page, item_id):
    start = page.index(f'data-item-id="{item_id}"')
    end = page.index('class="item-row', start + 10) if 'class="item-row' in page[start + 10:] else len(page)
    return page[start:end]


def post(client, ids, quarter=1, **fields):
    return client.post(sheet_url(ids, quarter), data={"csrf_token": csrf_token(client, sheet_url(ids, quarter)),
                                                      **fields})


def test_operator_may_edit_only_items_of_their_unit(plan_app, built):
    client = client_for(plan_app, "op_a")
    everything = client.get(sheet_url(built, mine=0)).get_data(as_text=True)
    assert 'data-editable="yes"' in row(everything, built["a"])  # inherits bidang-a from its program
    assert 'data-editable="no"' in row(everything, built["b"])
    assert f'name="r-{built["b_ind"]}"' not in everything
    own = client.get(sheet_url(built)).get_data(as_text=True)
    assert f'data-item-id="{built["a"]}"' in own and f'data-item-id="{built["b"]}"' not in own


def test_saving_a_quarter_computes_achievement_and_is_audited(plan_app, built):
    response = post(client_for(plan_app, "op_a"), built, **{f"r-{built['a_ind']}": "12",
                                                           f"s-{built['a']}": "69.485.000"})
    assert response.status_code == 302
    html = row(client_for(plan_app, "op_a").get(sheet_url(built)).get_data(as_text=True), built["a"])
    assert "25,00 %" in html  # 12 of the factory's target 48
    assert "50,00 %" in html  # 69.485.000 of the factory's pagu 138.970.000
    with plan_app.app_context():
        saved = db.session.scalar(select(Realisation).where(Realisation.indicator_id == built["a_ind"]))
        assert (saved.year, saved.quarter, saved.printed, str(saved.value)) == (2021, 1, "12", "12")
        spent = db.session.scalar(select(Budget).where(Budget.item_id == built["a"], Budget.kind == "realisasi"))
        assert str(spent.value) == "69485000"
        assert db.session.scalars(select(AuditLog).where(AuditLog.entity == "realisation")).all()[-1].actor == "op_a"


def test_one_bad_value_saves_nothing(plan_app, built):
    response = post(client_for(plan_app, "planner"), built, 2, **{f"r-{built['a_ind']}": "30",
                                                                  f"r-{built['b_ind']}": "12.5.3"})
    assert response.status_code == 400
    assert "12.5.3 bukan angka yang sah" in response.get_data(as_text=True)
    with plan_app.app_context():
        assert db.session.scalar(select(Realisation)) is None


def test_operator_cannot_post_for_another_units_item(plan_app, built):
    response = post(client_for(plan_app, "op_a"), built, 3, **{f"r-{built['a_ind']}": "40",
                                                               f"r-{built['b_ind']}": "30"})
    assert response.status_code == 400
    assert "Anda tidak boleh mengisi realisasi" in response.get_data(as_text=True)
    with plan_app.app_context():
        assert db.session.scalar(select(Realisation)) is None


def test_spending_must_be_an_amount(plan_app, built):
    response = post(client_for(plan_app, "planner"), built, 2, **{f"s-{built['a']}": "banyak"})
    assert response.status_code == 400 and "harus berupa jumlah rupiah" in response.get_data(as_text=True)


@pytest.mark.parametrize("username", ["viewer", "stranger"])
def test_viewers_and_other_regions_cannot_enter(plan_app, built, username):
    client = client_for(plan_app, username)
    response = client.post(sheet_url(built), data={"csrf_token": csrf_token(client, "/"),
                                                   f"r-{built['a_ind']}": "1"})
    assert response.status_code == 404


def test_evidence_upload_and_download(plan_app, built):
    client = client_for(plan_app, "op_a")

    def upload(item, name, data):
        return client.post(f"/r/18.72/documents/{built['doc']}/items/{item}/evidence",
                           data={"csrf_token": csrf_token(client, sheet_url(built)), "year": "2021",
                                 "quarter": "1", "file": (io.BytesIO(data), name)},
                           content_type="multipart/form-data", follow_redirects=True)

    assert "Bukti terunggah." in upload(built["a"], "ba.pdf", PDF).get_data(as_text=True)
    assert "bukan berkas PDF" in upload(built["a"], "renamed.pdf", b"just text").get_data(as_text=True)
    assert upload(built["b"], "x.pdf", PDF).status_code == 404  # another unit's item
    with plan_app.app_context():
        files = db.session.scalars(select(EvidenceFile)).all()
        assert [f.filename for f in files] == ["ba.pdf"]
    assert client.get(f"/r/18.72/evidence/{files[0].id}").data == PDF


def test_planner_assigns_a_unit_and_the_operator_gains_the_item(plan_app, built):
    planner = client_for(plan_app, "planner")
    url = f"/r/18.72/documents/{built['doc']}/items/{built['b']}/unit"
    planner.post(url, data={"csrf_token": csrf_token(planner, sheet_url(built)), "unit": "seksi-a1"})
    page = client_for(plan_app, "op_a").get(sheet_url(built)).get_data(as_text=True)
    assert 'data-editable="yes"' in row(page, built["b"])  # seksi-a1 is under bidang-a
    bad = planner.post(url, data={"csrf_token": csrf_token(planner, sheet_url(built)), "unit": "no-such-unit"},
                       follow_redirects=True)
    assert "Unit no-such-unit tidak dikenal." in bad.get_data(as_text=True)
    with plan_app.app_context():
        assert db.session.get(PlanItem, built["b"]).responsible_unit_code == "seksi-a1"
