"""A planner moves the Renstra to the 2023 code list and resolves an ambiguous item."""

from __future__ import annotations

import pytest

from tests.browser.test_browse import sign_in

pytestmark = pytest.mark.browser


def test_move_and_resolve(browser, writable_server):
    context = browser.new_context(locale="id-ID", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    sign_in(page, writable_server, "metro")
    page.click("a[href='/r/18.72/']")
    page.click("a.document-link[data-type=renstra]")
    page.click("details.move summary")
    page.select_option("#move-form select[name=version]", "kmdn900-1317-2023")
    page.click("#move-form button[type=submit]")
    assert page.locator("h1").inner_text() == "Pindah ke nomenklatur lain"
    ambiguous = page.locator("#migration-counts a[data-status=ambiguous] strong").inner_text()
    assert ambiguous == "5"

    row = page.locator("#migration-items tr.mapping-ambiguous").first
    row_id = row.get_attribute("id")
    candidate = row.locator("select[name=candidate] option").nth(1).get_attribute("value")
    row.locator("select[name=candidate]").select_option(candidate)
    row.locator("input[name=note]").fill("Sesuai daftar Kepmendagri 2023")
    row.locator("button[type=submit]").click()

    decided = page.locator(f"#{row_id}")
    assert decided.get_attribute("data-status") == "resolved"
    assert candidate in decided.locator("td.new-code").inner_text()
    assert "Sesuai daftar Kepmendagri 2023" in decided.inner_text()
    assert page.locator("#migration-counts a[data-status=ambiguous] strong").inner_text() == "4"
    context.close()
