"""A superadmin searches a nomenclature version and confirms a crosswalk row in the browser."""

from __future__ import annotations

import pytest

from tests.browser.test_browse import sign_in

pytestmark = pytest.mark.browser


def test_search_a_version_and_confirm_a_crosswalk_row(page, live_server):
    sign_in(page, live_server, "admin")
    page.click("nav.topnav >> text=Nomenklatur")
    assert page.locator("h1").inner_text() == "Nomenklatur"
    assert page.locator("tr[data-version='kmdn900-1317-2023'] .total").inner_text() == "188"

    page.click("text=Kepmendagri 900.1.15.5-1317/2023")
    page.fill("input[name=q]", "Permakanan")
    page.click("#item-search button[type=submit]")
    codes = page.locator("#items tbody tr").evaluate_all("rows => rows.map(r => r.dataset.code)")
    assert codes == ["1.06.04.2.01.0001", "1.06.04.2.02.0003"]
    assert page.locator("#items tr[data-code='1.06.04.2.01.0001'] .item-name-en").inner_text() == "Provision of Meals"

    # The same search in English finds the same items.
    page.fill("input[name=q]", "meals")
    page.click("#item-search button[type=submit]")
    assert page.locator("#items tbody tr").count() == 2

    page.goto(f"{live_server}/nomenclature/crosswalk?from=pmdn13-2006&to=pmdn90-2019&jurisdiction=kabkota")
    row = page.locator("tr[data-from='1.06.16']")  # Permendagri 13 program 16, proposed -> 1.06.04
    assert row.get_attribute("data-status") == "proposed"
    row.locator("select[name=to_code]").select_option("1.06.04")
    row.locator("input[name=note]").fill("Program Rehabilitasi Sosial")
    row.locator("button.confirm").click()

    assert "Baris padanan kode dikonfirmasi." in page.locator(".flash").inner_text()
    row = page.locator("tr[data-from='1.06.16']")
    assert row.get_attribute("data-status") == "confirmed"
    assert row.locator(".decided-by").inner_text().startswith("admin · ")
    assert "PROGRAM REHABILITASI SOSIAL" in row.locator(".to-codes").inner_text()
