"""What people click: a visitor filters the press review and opens a clipping; an editor
uploads a publication's PDF in the admin and downloads it from the catalogue."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_staff
from tests.factories_content import load_app
from tests.factories_press import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    # The live test server serves uploads itself (Django's _MediaFilesHandler).
    load_app("plans")
    load_app("press")
    load_app("press", demo=True)


def test_visitor_filters_by_source_and_year_and_opens_a_clipping(page, demo):
    page.goto("/en/press-review/")
    assert page.locator("h1").inner_text() == "PRESS REVIEW"  # capitals, by CSS
    page.get_by_label("Source").select_option(label="La Stampa")
    page.get_by_label("Year").select_option("2006")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/en/press-review/?*")
    assert "year=2006" in page.url and "source=la-stampa" in page.url
    headlines = page.locator(".clipping__headline a").all_inner_texts()
    assert headlines == ["Qualità sociale, le proposte delle associazioni"]
    assert page.locator(".clipping .meta strong").all_inner_texts() == ["La Stampa"]

    page.get_by_role("link", name="Qualità sociale, le proposte delle associazioni").click()
    page.wait_for_url("**/en/press-review/*-qualita-sociale-le-proposte-delle-associazioni/")
    assert page.locator("h1").inner_text() == "QUALITÀ SOCIALE, LE PROPOSTE DELLE ASSOCIAZIONI"
    assert "Associations and the voluntary sector" in page.locator("main").inner_text()
    assert page.locator("h1").get_attribute("lang") == "it"
    # The language switch leads to the same clipping in Italian.
    href = page.get_by_role("link", name="italiano").get_attribute("href")
    assert href.startswith("/it/rassegna-stampa/") and href.endswith(
        "-qualita-sociale-le-proposte-delle-associazioni/"
    )


def test_editor_uploads_a_pdf_that_is_downloadable_from_the_catalogue(page, demo):
    editor = make_staff()
    page.goto("/admin/login/")
    page.get_by_label("Nome utente").fill(editor.username)
    page.get_by_label("Password").fill(editor.raw_password)
    page.get_by_role("button", name="Accedi").click()

    page.goto("/admin/press/publication/add/")
    page.locator("#id_title_it").fill("Rapporto sul Piano 2007")
    page.locator("#id_year").fill("2007")
    page.locator("#id_status").select_option("published")
    content = pdf_bytes()
    page.locator("#id_pdf").set_input_files(
        files=[{"name": "Rapporto 2007.pdf", "mimeType": "application/pdf", "buffer": content}]
    )
    page.get_by_role("button", name="Salva", exact=True).first.click()
    expect(page.get_by_text("Aggiunta riuscita:")).to_be_visible()

    page.goto("/en/publications/?year=2007")
    card = page.locator(".publication-card", has_text="Rapporto sul Piano 2007")
    link = card.get_by_role("link", name="Download")
    assert "(PDF, " in card.inner_text()
    href = link.get_attribute("href")
    assert href.startswith("/media/publications/") and href.endswith("-rapporto-2007.pdf")
    response = page.request.get(href)
    assert response.ok
    assert response.body().startswith(b"%PDF")
    assert response.body() == content


def test_press_pages_pass_axe_wcag_aa(page, demo):
    from axe_playwright_python.sync_playwright import Axe

    from press.models import Clipping, Publication

    axe = Axe()
    paths = [
        "/en/press-review/?year=2006",
        Clipping.objects.get(headline__startswith="Turin bets").get_absolute_url(),
        "/it/editoria/",
        Publication.objects.get(slug_it="scenari-per-il-sistema-locale").get_absolute_url(),
        "/it/tamtam/",
        "/en/tamtam/22/",
        "/it/rassegna-stampa/?year=zz",
    ]
    for path in paths:
        page.goto(path)
        results = axe.run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
        assert results.violations_count == 0, (path, results.generate_report())
