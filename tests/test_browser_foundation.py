"""What people click: the seed page, the language link, an editor's change in CKEditor 5."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories import make_staff
from tests.factories_content import load_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_IT = "/it/piano-strategico-2/elaborazione-del-piano/processo/"
SEED_EN = "/en/strategic-plan-2/plan-development/process/"


@pytest.fixture
def seed():
    load_app("plans")


def test_seed_page_in_italian_then_english(page, seed):
    page.goto(SEED_IT)
    header = page.locator("header")
    assert header.locator(".date-line").inner_text().startswith("Torino - ")
    menu = page.get_by_role("navigation", name="Menu principale").get_by_role("link")
    assert menu.all_inner_texts() == [
        "Piano Strategico 2",
        "Tamtam",
        "Editoria",
        "Agenda",
        "Rassegna Stampa",
        "Piano Strategico 1",
    ]
    crumbs = page.get_by_role("navigation", name="Percorso").get_by_role("listitem")
    assert [t.strip() for t in crumbs.all_inner_texts()] == [
        "Home",
        "|Piano Strategico 2",
        "|Elaborazione del Piano",
        "|Processo",
    ] or [t.replace("|", "").strip() for t in crumbs.all_inner_texts()] == [
        "Home",
        "Piano Strategico 2",
        "Elaborazione del Piano",
        "Processo",
    ]
    assert page.locator("h1").inner_text() == "PROCESSO"  # capitals, as on the original
    toc = page.get_by_role("navigation", name="In questa pagina")
    assert toc.get_by_role("link").all_inner_texts() == [
        "Il Piano come metodo",
        "Il Piano di Torino",
    ]
    toc.get_by_role("link", name="Il Piano di Torino").click()
    assert page.url.endswith("#il-piano-di-torino")

    page.get_by_role("link", name="english").click()
    page.wait_for_url(f"**{SEED_EN}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "PROCESS"
    assert page.get_by_role("link", name="italiano").get_attribute("href") == SEED_IT


def test_pages_pass_axe_wcag_aa(page, seed):
    axe = Axe()
    for path in ["/it/", SEED_IT, "/en/strategic-plan-2/directions/", "/it/pagina-inesistente/"]:
        page.goto(path)
        results = axe.run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
        assert results.violations_count == 0, (path, results.generate_report())


def test_layout_holds_at_320_pixels(page, seed):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(SEED_IT)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Vai al contenuto")
    assert skip.evaluate("el => el === document.activeElement")


def test_editor_changes_the_english_body_in_ckeditor(page, seed, live_server):
    editor = make_staff()
    page.goto("/admin/login/")
    page.get_by_label("Nome utente").fill(editor.username)
    page.get_by_label("Password").fill(editor.raw_password)
    page.get_by_role("button", name="Accedi").click()

    page.goto("/admin/plans/page/?q=Processo")
    page.get_by_role("link", name="Processo", exact=True).click()
    page.get_by_role("tab", name="English").first.click() if page.get_by_role(
        "tab", name="English"
    ).count() else page.locator("a[href$='body_en']").click()
    field = page.locator("#id_body_en").locator("xpath=..").locator(".ck-editor__editable")
    field.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("Added by the editor in CKEditor 5.")
    page.get_by_role("button", name="Salva", exact=True).first.click()
    expect(page.get_by_text("Modifiche salvate:")).to_be_visible()

    page.goto(SEED_EN)
    assert "Added by the editor in CKEditor 5." in page.locator("main .rich-text").inner_text()
    page.goto(SEED_IT)
    assert "Added by the editor" not in page.locator("main .rich-text").inner_text()
