"""The first-party feature plugins: enabled by configuration, and what goes when one is off."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.config import load_config
from core.extensions import db
from tests.conftest import login

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_default_plugins_and_demo_mode(tmp_path, monkeypatch):
    monkeypatch.delenv("PELITA_PLUGINS", raising=False)
    monkeypatch.setenv("PELITA_DEMO", "0")
    config = load_config(tmp_path, {"SECRET_KEY": "x"})
    assert config["PELITA_PLUGINS"] == ["export_xlsx", "export_pdf", "national_layouts"]
    assert config["PELITA_DEMO"] is False
    monkeypatch.setenv("PELITA_DEMO", "1")
    monkeypatch.setenv("PELITA_PLUGINS", "export_pdf")
    config = load_config(tmp_path, {"SECRET_KEY": "x"})
    assert config["PELITA_PLUGINS"] == ["export_pdf", "demo"] and config["PELITA_DEMO"] is True
    assert load_config(tmp_path, {"SECRET_KEY": "x", "PLUGINS": [], "DEMO": False})["PELITA_PLUGINS"] == []


@pytest.fixture(scope="module")
def bare_app(make_app):
    """Kota Metro seeded, with the demo plugin but without the exporters and national layouts."""
    return make_app(regions=["prov_lampung", "kota_metro"], seed=True, users=True, PLUGINS=[], DEMO=True)


def _document_id(app, code, key):
    from core.models import PlanDocument, Region

    with app.app_context():
        return db.session.scalar(select(PlanDocument.id).join(Region).where(
            Region.code == code, PlanDocument.key == key))


def test_without_exporters_there_is_no_download_and_no_link(bare_app):
    lakip = _document_id(bare_app, "18.72", "lakip-2023")
    client = bare_app.test_client()
    assert login(client, "metro").status_code == 302
    page = client.get(f"/r/18.72/reports/kota-metro-lakip-realisation?document={lakip}").get_data(as_text=True)
    assert "/xlsx?" not in page and "/pdf?" not in page and "/html?" in page
    assert client.get(f"/r/18.72/reports/kota-metro-lakip-realisation/xlsx?document={lakip}").status_code == 404
    assert client.get(f"/r/18.72/reports/kota-metro-lakip-realisation/pdf?document={lakip}").status_code == 404
    html = client.get(f"/r/18.72/reports/kota-metro-lakip-realisation/html?document={lakip}")
    assert html.status_code == 200 and html.mimetype == "text/html"


def test_without_national_layouts_a_region_keeps_its_own(bare_app):
    client = bare_app.test_client()
    login(client, "metro")
    page = client.get("/r/18.72/reports").get_data(as_text=True)
    assert 'data-layout="kota-metro-lakip-3.2"' in page
    assert 'data-layout="perjanjian-kinerja"' not in page
    assert 'data-layout="permendagri86-renja-evaluation"' not in page
    assert client.get("/r/18.72/reports/perjanjian-kinerja").status_code == 404


def test_the_report_command_refuses_a_format_no_plugin_exports(bare_app, tmp_path):
    result = bare_app.test_cli_runner().invoke(args=[
        "report", "render", "--region", "18.72", "--layout", "kota-metro-lakip-3.2", "--format", "xlsx",
        "--output", str(tmp_path / "x.xlsx")])
    assert result.exit_code != 0 and "unknown format 'xlsx'" in result.output


def test_exporters_offer_their_formats(seeded_app):
    lakip = _document_id(seeded_app, "18.72", "lakip-2023")
    client = seeded_app.test_client()
    login(client, "metro")
    page = client.get(f"/r/18.72/reports/kota-metro-lakip-realisation?document={lakip}").get_data(as_text=True)
    assert "/xlsx?" in page and "/pdf?" in page
    response = client.get(f"/r/18.72/reports/kota-metro-lakip-realisation/xlsx?document={lakip}")
    assert response.mimetype == XLSX
    assert response.headers["Content-Disposition"].endswith(f'18.72-kota-metro-lakip-realisation-{lakip}-id.xlsx"')


def test_demo_plugin_off_means_no_demo_command(make_app):
    app = make_app(regions=["prov_bengkulu"], DEMO=False)
    assert "demo-users" not in app.cli.list_commands(None)
    result = app.test_cli_runner().invoke(args=["demo-users"])
    assert result.exit_code != 0


def test_demo_plugin_creates_accounts_and_assignment(bare_app):
    from core.models import PlanDocument, PlanItem, Region, User

    with bare_app.app_context():
        users = set(db.session.scalars(select(User.username)))
        assert {"admin", "metro", "auditor", "rehsos", "lampung"} <= users
        unit = db.session.scalar(select(PlanItem.responsible_unit_code)
                                 .join(PlanDocument, PlanDocument.id == PlanItem.document_id)
                                 .join(Region, Region.id == PlanItem.region_id)
                                 .where(Region.code == "18.72", PlanDocument.key == "renstra-2021-2026",
                                        PlanItem.code == "1.06.04"))
        assert unit == "bidang-rehabilitasi-pemberdayaan"
    output = bare_app.test_cli_runner().invoke(args=["demo-users"]).output
    assert "(region 18.04 is not loaded: lambar gets no role there)" in output
    assert "metro      metro-demo-2026" in output
