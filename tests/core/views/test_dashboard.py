"""Dashboards of a region and of a province."""

from __future__ import annotations

import re

from sqlalchemy import select

from core.extensions import db
from core.models import PlanDocument
from tests.conftest import csrf_token


def text(html):
    return re.sub(r"\s+", " ", re.sub("<[^>]+>", " ", html))


def test_kota_metro_opens_on_its_lakip_with_the_printed_absorption(login_as):
    html = login_as("metro").get("/r/18.72/dashboard").get_data(as_text=True)
    assert "Laporan Kinerja Instansi Pemerintah (LAKIP)" in html  # the document with realisation
    summary = text(html[html.index('id="dashboard-summary"'):html.index("</section>", html.index('id="dashboard-summary"'))])
    # 001 line 1589: 4.825.424.420 / 5.093.068.611 = 94,74 %, read at the top of the budget tree.
    assert "94,74 % Serapan anggaran" in summary
    assert "Sangat tinggi" in summary and "Sangat Rendah" in summary  # Kota Metro's own scale
    programs = text(html[html.index('id="programs"'):html.index("</table>", html.index('id="programs"'))])
    assert "1.06.04 PROGRAM REHABILITAS SOSIAL" in programs  # as the LAKIP prints it (its typo)
    assert "<svg" in html and "http" not in html[html.index("<svg"):html.index("</svg>")].replace(
        'xmlns="http://www.w3.org/2000/svg"', "")


def test_province_dashboard_lists_the_hosted_regions_only(login_as):
    client = login_as("lampung")
    client.post("/language", data={"locale": "id", "csrf_token": csrf_token(client, "/"), "next": "/"})
    html = client.get("/r/18/dashboard").get_data(as_text=True)
    hosted = text(html[html.index('id="hosted-regions"'):])
    assert "Kota Metro" in hosted and "Kabupaten Lampung Barat" in hosted
    assert "Bengkulu" not in hosted


def test_dashboards_of_other_regions_are_404(login_as):
    assert login_as("metro").get("/r/18/dashboard").status_code == 404
    assert login_as("bengkulu").get("/r/18.72/dashboard").status_code == 404


def test_english_dashboard(login_as):
    client = login_as("auditor")
    client.post("/language", data={"locale": "en", "csrf_token": csrf_token(client, "/"), "next": "/"})
    html = client.get("/r/18.72/dashboard").get_data(as_text=True)
    summary = text(html[html.index('id="dashboard-summary"'):html.index("</section>", html.index('id="dashboard-summary"'))])
    assert "94.74 % Budget absorption" in summary
    assert "Very high" in summary and "Sangat tinggi" not in summary
    client.post("/language", data={"locale": "id", "csrf_token": csrf_token(client, "/"), "next": "/"})
