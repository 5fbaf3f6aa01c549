"""The report pages, downloads and the ``report`` command: guarded, region-scoped, both languages."""

from __future__ import annotations

import json

import pytest

from .conftest import pdf_text, xlsx_sheet

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _in(client, locale):
    with client.session_transaction() as session:
        session["locale"] = locale
    return client


def test_index_lists_the_layouts_of_the_regions_documents(login_as, reports):
    client = _in(login_as("metro"), "en")
    page = client.get("/r/18.72/reports").get_data(as_text=True)
    for layout_id in ("kota-metro-renstra-6.1", "kota-metro-lakip-3.2", "perjanjian-kinerja",
                      "permendagri86-renja-evaluation"):
        assert f'data-layout="{layout_id}"' in page
    assert "bengkulu-renstra-6.1" not in page
    lakip = reports.document_id("18.72", "lakip-2023")
    only = client.get(f"/r/18.72/reports?document={lakip}").get_data(as_text=True)
    assert 'data-layout="kota-metro-lakip-3.2"' in only and 'data-layout="kota-metro-renstra-6.1"' not in only


@pytest.mark.parametrize(("locale", "amount", "label"), [("id", "1.413.000.000", "Tahun 1"),
                                                         ("en", "1,413,000,000", "Year 1")])
def test_report_page_in_both_languages(login_as, reports, locale, amount, label):
    renstra = reports.document_id("18.72", "renstra-2021-2026")
    client = _in(login_as("auditor"), locale)  # a viewer may read reports
    response = client.get(f"/r/18.72/reports/kota-metro-renstra-6.1?document={renstra}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="report-kota-metro-renstra-6.1"' in page and amount in page and label in page
    assert "@media print" in page


def test_downloads(login_as, reports):
    lakip = reports.document_id("18.72", "lakip-2023")
    client = _in(login_as("metro"), "id")
    response = client.get(f"/r/18.72/reports/kota-metro-lakip-realisation/xlsx?document={lakip}")
    assert response.status_code == 200 and response.mimetype == XLSX
    assert "attachment" in response.headers["Content-Disposition"]
    sheet = xlsx_sheet(response.data)
    assert sheet["A1"].value == "Realisasi Kinerja Tahun Berjalan"
    pk = reports.document_id("18.72", "pk-2023")
    response = client.get(f"/r/18.72/reports/perjanjian-kinerja/pdf?document={pk}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "91,5" in pdf_text(response.data)  # 001 line 431: 2023 target 91,5%


def test_other_regions_documents_and_unknown_layouts_are_404(login_as, reports):
    bengkulu_doc = reports.document_id("17", "renstra-2021-2026-p1")
    renstra = reports.document_id("18.72", "renstra-2021-2026")
    metro = login_as("metro")
    assert metro.get(f"/r/18.72/reports/kota-metro-renstra-6.1?document={bengkulu_doc}").status_code == 404
    assert metro.get(f"/r/18.72/reports/kota-metro-renstra-6.1/xlsx?document={bengkulu_doc}").status_code == 404
    assert metro.get(f"/r/18.72/reports/bengkulu-renstra-6.1?document={bengkulu_doc}").status_code == 404
    assert metro.get("/r/18.72/reports/no-such-layout").status_code == 404
    assert metro.get(f"/r/18.72/reports/kota-metro-renstra-6.1/docx?document={renstra}").status_code == 404
    # a layout that does not render this type of document
    assert metro.get(f"/r/18.72/reports/kota-metro-lakip-3.2?document={renstra}").status_code == 404
    # another region's planner sees none of Kota Metro's reports
    lambar = login_as("lambar")
    assert lambar.get("/r/18.72/reports").status_code == 404
    assert lambar.get(f"/r/18.72/reports/kota-metro-renstra-6.1/pdf?document={renstra}").status_code == 404


def test_anonymous_is_sent_to_login(seeded_app):
    response = seeded_app.test_client().get("/r/18.72/reports")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_document_page_links_to_its_reports(login_as, reports):
    renstra = reports.document_id("18.72", "renstra-2021-2026")
    page = login_as("metro").get(f"/r/18.72/documents/{renstra}").get_data(as_text=True)
    assert f'href="/r/18.72/reports?document={renstra}"' in page


def test_cli_list_json(seeded_app):
    result = seeded_app.test_cli_runner().invoke(args=["report", "list", "--region", "17", "--json"])
    assert result.exit_code == 0, result.output
    data = {entry["layout"]: entry for entry in json.loads(result.output)}
    # No Renja, PK or LAKIP: only the layouts a Renstra renders (the evaluation, for one chosen year).
    assert set(data) == {"bengkulu-renstra-6.1", "bengkulu-renstra-7.1", "bengkulu-cascading",
                         "permendagri86-renja-evaluation"}
    assert [d["key"] for d in data["bengkulu-renstra-6.1"]["documents"]] == [
        "renstra-2021-2026", "renstra-2021-2026-p1"]


@pytest.mark.parametrize(("lang", "total"), [("id", "Jumlah"), ("en", "Total")])
def test_cli_render_xlsx(seeded_app, reports, tmp_path, lang, total):
    lakip = reports.document_id("18.72", "lakip-2023")
    output = tmp_path / "tabel-3.2.xlsx"
    result = seeded_app.test_cli_runner().invoke(args=[
        "report", "render", "--region", "18.72", "--layout", "kota-metro-lakip-3.2", "--document", str(lakip),
        "--format", "xlsx", "--lang", lang, "--output", str(output)])
    assert result.exit_code == 0, result.output
    sheet = xlsx_sheet(output.read_bytes())
    assert sheet.cell(sheet.max_row, 1).value == total
    assert sheet.cell(sheet.max_row, 3).value == 4825424420  # 001 line 1587


def test_cli_render_refuses_other_regions_documents(seeded_app, reports, tmp_path):
    bengkulu_doc = reports.document_id("17", "renstra-2021-2026-p1")
    result = seeded_app.test_cli_runner().invoke(args=[
        "report", "render", "--region", "18.72", "--layout", "kota-metro-renstra-6.1", "--document",
        str(bengkulu_doc), "--format", "html", "--output", str(tmp_path / "x.html")])
    assert result.exit_code != 0 and "no document" in result.output
    assert not (tmp_path / "x.html").exists()
