"""A person signs in, switches language and browses Kota Metro's Renstra tree."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def sign_in(page, live_server, username):
    page.goto(f"{live_server}/")
    assert "/login" in page.url
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", f"{username}-demo-2026")
    page.click("form:not(.lang) button[type=submit]")


def test_sign_in_switch_language_and_browse_the_renstra(page, live_server):
    sign_in(page, live_server, "lampung")
    assert page.locator("h1").inner_text() == "Pilih wilayah"
    # The provincial admin sees the province and the two kab/kota it hosts, not Bengkulu.
    names = page.locator(".region-list a").all_inner_texts()
    assert names == ["Provinsi Lampung", "Kabupaten Lampung Barat", "Kota Metro"]

    page.click("text=Kota Metro")
    assert page.locator("h1").inner_text() == "Dinas Sosial Kota Metro"
    assert page.locator(".org-tree li").count() >= 10
    page.click("a.document-link[data-type=renstra]")
    tree = page.locator("#document-tree")
    assert tree.locator("tr.level-program").count() >= 5
    assert tree.locator("tr.level-sub_kegiatan").count() >= 40
    permakanan = tree.locator("tr[data-code='1.06.04.2.01.01']")
    assert "Penyediaan Permakanan" in permakanan.inner_text()
    assert "138.970.000" in permakanan.inner_text()  # Indonesian digit grouping

    page.click("button[data-locale=en]")
    assert page.locator("button[data-locale=en]").get_attribute("aria-current") == "true"
    permakanan = page.locator("#document-tree tr[data-code='1.06.04.2.01.01']")
    assert "138,970,000" in permakanan.inner_text()  # English digit grouping, same page
    assert page.locator("#document-tree th").first.inner_text() == "Code"

    # The choice sticks across pages.
    page.click("text=Regions")
    assert page.locator("h1").inner_text() == "Choose a region"

    # Searching the tree keeps the ancestors of what matches.
    page.click("a[href='/r/18.72/']")
    page.click("a.document-link[data-type=renstra]")
    page.fill("input[name=q]", "Permakanan")
    page.click("form.filter button[type=submit]")
    levels = page.locator("#document-tree tbody tr").evaluate_all("rows => rows.map(r => r.dataset.level)")
    assert levels[-1] == "sub_kegiatan" and "program" in levels and "kegiatan" in levels
    page.click("button[data-locale=id]")  # the choice is saved on the user, whom other tests share


def test_other_region_is_not_found_in_the_browser(page, live_server):
    sign_in(page, live_server, "metro")
    response = page.goto(f"{live_server}/r/17/")
    assert response.status == 404
    assert "Halaman ini tidak ada" in page.content()


def test_pages_fit_a_phone(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    sign_in(page, live_server, "metro")
    page.goto(f"{live_server}/r/18.72/")
    for path in ("/", "/r/18.72/", "/r/18.72/org"):
        page.goto(f"{live_server}{path}")
        # Wide tables scroll inside their own box; the page itself never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    context.close()
