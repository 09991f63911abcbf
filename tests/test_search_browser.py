"""What people click: a visitor searches from the header, narrows to one section, reads the
highlighted excerpt, walks to the next page and opens a result."""

import pytest
from playwright.sync_api import expect

from tests.factories_press import make_clipping, make_publication

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_searches_narrows_pages_and_opens_a_result(page):
    for n in range(23):
        make_clipping(headline=f"Articolo {n:02d} sulle periferie", summary_it="Le periferie.")
    make_publication(title_it="Periferie al centro", description_it="<p>Il libro.</p>")

    page.goto("/it/")
    page.get_by_label("Cerca nel sito").first.fill("periferie")
    page.get_by_role("button", name="Cerca").first.click()
    page.wait_for_url("**/it/cerca/?q=periferie")
    expect(page.locator(".search-count")).to_have_text("24 risultati per “periferie”.")
    expect(page.locator(".search-result")).to_have_count(20)
    expect(page.locator(".search-result mark").first).to_be_visible()

    sections = page.get_by_role("navigation", name="Risultati per sezione")
    sections.get_by_role("link", name="Editoria").click()
    page.wait_for_url("**section=publications")
    expect(page.locator(".search-result h3")).to_have_text(["Periferie al centro"])

    page.get_by_role("link", name="Tutte le sezioni").click()
    page.get_by_role("link", name="Successiva").click()
    page.wait_for_url("**page=2")
    expect(page.locator(".search-result")).to_have_count(4)
    page.locator(".search-result h3 a").first.click()
    expect(page.locator("h1")).to_contain_text("periferie", ignore_case=True)
