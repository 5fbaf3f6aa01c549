"""A superadmin creates Kota Bandar Lampung (18.71) in the UI, builds its chart, makes its planner.

The planner signs in and finds an empty region that works; Kota Metro's planner does not see it.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PLANNER, PLANNER_PASSWORD = "bandarlampung", "kopi-tubruk-sore-hari-9"


def _sign_in(browser, server, username, password):
    context = browser.new_context(locale="id-ID", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/")
    assert "/login" in page.url
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form:not(.lang) button[type=submit]")
    assert "/login" not in page.url
    return context, page


def test_superadmin_creates_a_kota_its_chart_and_its_planner(browser, writable_server):
    context, page = _sign_in(browser, writable_server, "admin", "admin-demo-2026")
    page.click("a[href='/r/18/']")
    page.click("#new-kabkota-link")
    assert page.locator("#parent_code").input_value() == "18"
    page.select_option("#kind", "kota")
    page.fill("#code", "18.71")
    page.fill("#name", "Kota Bandar Lampung")
    page.click("#create-region")
    assert "Wilayah 18.71 Kota Bandar Lampung dibuat" in page.locator(".flash").inner_text()

    page.click("#org-link")
    page.fill("#unit-name", "Kepala Dinas")
    page.click("#add-unit")
    page.fill("#unit-name", "Bidang Rehabilitasi Sosial")
    page.select_option("#unit-parent", "kepala-dinas")
    page.fill("textarea[name=tasks]", "Menyusun program rehabilitasi sosial")
    page.click("#add-unit")
    assert page.locator("#admin-units li").all_inner_texts()[0].startswith("Kepala Dinas")
    assert page.locator("#admin-units li[data-code='bidang-rehabilitasi-sosial']").get_attribute(
        "style") == "--depth: 1"

    page.goto(f"{writable_server}/admin/regions/18.71")
    page.click("#members-link")
    page.fill("#member-username", PLANNER)
    page.fill("#member-full-name", "Perencana Dinas Sosial Kota Bandar Lampung")
    page.fill("#member-password", PLANNER_PASSWORD)
    page.select_option("#member-role", "planner")
    page.click("#add-member")
    assert page.locator(f"#members tr[data-username='{PLANNER}']").count() == 1
    context.close()

    # The planner: only the new kota, empty, and every page of it works.
    context, page = _sign_in(browser, writable_server, PLANNER, PLANNER_PASSWORD)
    assert page.locator(".region-list a").all_inner_texts() == ["Kota Bandar Lampung"]
    page.click("a[href='/r/18.71/']")
    assert page.locator("h1").inner_text() == "Dinas Sosial Kota Bandar Lampung"
    assert page.locator("#documents").count() == 0  # no documents yet
    assert page.locator(".org-tree li").all_inner_texts() == ["Kepala Dinas", "Bidang Rehabilitasi Sosial"]
    for path in ("/r/18.71/org", "/r/18.71/dashboard", "/r/18.71/reports"):
        response = page.goto(f"{writable_server}{path}")
        assert response.status == 200, path
    page.goto(f"{writable_server}/r/18.71/org")
    assert "Menyusun program rehabilitasi sosial" in page.locator("main").inner_text()
    assert page.locator("#admin-link").count() == 0
    context.close()

    # Kota Metro's planner does not see it, not even by its address.
    context, page = _sign_in(browser, writable_server, "metro", "metro-demo-2026")
    assert "Kota Bandar Lampung" not in page.locator(".region-list").inner_text()
    assert page.goto(f"{writable_server}/r/18.71/").status == 404
    assert page.goto(f"{writable_server}/r/18.71/org").status == 404
    context.close()
